/**
 * dramatis: `analyze(text) → Analysis`. Who is in the story, under all their names; who says each
 * line, to whom.
 */
import { Document } from './document/document.js';
import { decodeText } from './document/decode.js';
import { runPipeline } from './pipeline/run.js';
import { toAnalysis } from './output/analysis.js';
import type { Analysis, AnalyzeOptions } from './types.js';

export * from './types.js';
export { Document } from './document/document.js';
export { decodeText } from './document/decode.js';
export { runPipeline, STAGES } from './pipeline/run.js';
export { toAnalysis, ANALYSIS_VERSION } from './output/analysis.js';
export { DramatisError, InputError, ExitCode } from './errors.js';
export { parseCastFile } from './cast-file.js';

/** Analyse a story: text (a string, or UTF-8 bytes) in, Analysis out. */
export function analyze(text: string | Uint8Array, options: AnalyzeOptions = {}): Analysis {
  const doc = analyzeDocument(text, options);
  return toAnalysis(doc, options.source ?? null);
}

/** Like `analyze`, but returns the Document with every layer (for evaluation and exports). */
export function analyzeDocument(text: string | Uint8Array, options: AnalyzeOptions = {}): Document {
  let str = typeof text === 'string' ? text : decodeText(text, options.source ?? 'input');
  if (str.charCodeAt(0) === 0xfeff) str = str.slice(1);
  const doc = new Document(str);
  return runPipeline(doc, options);
}
