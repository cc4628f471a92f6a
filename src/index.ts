/**
 * dramatis: `analyze(text) → Analysis`. Who is in the story, under all their names; who says each
 * line, to whom.
 */
import { Document } from './document/document.js';
import { decodeBytes } from './document/decode.js';
import { analyzeStoryDocument, storyAnalysis, storyFromText, type Story } from './input/index.js';
import { runPipeline } from './pipeline/run.js';
import type { Analysis, AnalyzeOptions } from './types.js';

export * from './types.js';
export { Document } from './document/document.js';
export { decodeText, decodeBytes, MAX_INPUT_BYTES } from './document/decode.js';
export { readStory, analyzeFile, analyzeStory, analyzeStoryDocument, storyFromText, type Story, type WorkMetadata, type WorkNote } from './input/index.js';
export { runPipeline, STAGES } from './pipeline/run.js';
export { toAnalysis, ANALYSIS_VERSION } from './output/analysis.js';
export { DramatisError, InputError, ExitCode } from './errors.js';
export { parseCastFile } from './cast-file.js';

/**
 * Analyse a story: text (a string, or the bytes of a text file) in, Analysis out. The text is
 * analysed as given (for HTML and EPUB files, and notes removed from text, see `analyzeFile`).
 */
export function analyze(text: string | Uint8Array, options: AnalyzeOptions = {}): Analysis {
  let story: Story;
  if (typeof text === 'string') {
    story = storyFromText(text);
  } else {
    const decoded = decodeBytes(text, options.source ?? 'input');
    story = storyFromText(decoded.text);
    story.bytes = text.length;
    story.encoding = decoded.encoding;
    story.warnings = decoded.warnings.map((w) => ({ ...w }));
  }
  return storyAnalysis(analyzeStoryDocument(story, options), options.source ?? null, story);
}

/** Like `analyze`, but returns the Document with every layer (for evaluation and exports). */
export function analyzeDocument(text: string | Uint8Array, options: AnalyzeOptions = {}): Document {
  let str = typeof text === 'string' ? text : decodeBytes(text, options.source ?? 'input').text;
  if (str.charCodeAt(0) === 0xfeff) str = str.slice(1);
  const doc = new Document(str);
  return runPipeline(doc, options);
}
