import { Document } from '../document/document.js';
import type { AnalyzeOptions } from '../types.js';
import type { Stage } from './stage.js';
import { paragraphsStage } from '../stages/paragraphs/index.js';
import { tokensStage } from '../stages/tokens/index.js';
import { sentencesStage } from '../stages/sentences/index.js';
import { quotesStage } from '../stages/quotes/index.js';
import { mentionsStage } from '../stages/mentions/index.js';
import { castStage } from '../stages/cast/index.js';
import { attributionStage } from '../stages/attribution/index.js';

/** The stages of a full analysis, in order. */
export const STAGES: readonly Stage[] = [
  paragraphsStage,
  tokensStage,
  sentencesStage,
  quotesStage,
  mentionsStage,
  castStage,
  attributionStage,
];

/** Check that every stage's requirements are assigned by an earlier stage. Throws on a broken chain. */
export function checkChain(stages: readonly Stage[]): void {
  const have = new Set<string>();
  for (const s of stages) {
    for (const r of s.requires) {
      if (!have.has(r)) throw new Error(`stage "${s.assigns}" requires layer "${r}", which no earlier stage assigns`);
    }
    have.add(s.assigns);
  }
}

/** Run stages over a document (all of them by default, or up to and including `until`). */
export function runPipeline(doc: Document, options: AnalyzeOptions = {}, until?: string): Document {
  checkChain(STAGES);
  for (const stage of STAGES) {
    stage.run(doc, options);
    doc.layers.push(stage.assigns);
    if (stage.assigns === until) break;
  }
  return doc;
}
