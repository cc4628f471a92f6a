/** Mentions (stub: replaced by the mention finder). */
import type { Document } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions } from '../../types.js';

export function findMentions(doc: Document, _options: AnalyzeOptions): void {
  doc.mentions = new Int32Array(0);
  doc.mentionGenders = new Uint8Array(0);
}

export const mentionsStage: Stage = {
  assigns: 'mentions',
  requires: ['tokens', 'sentences', 'quotes'],
  run: (doc, options) => findMentions(doc, options),
};
