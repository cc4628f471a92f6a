/** Cast (stub: replaced by name clustering). */
import type { Document } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions } from '../../types.js';

export function buildCast(doc: Document, _options: AnalyzeOptions): void {
  doc.characters = [];
  doc.mentionCharacters = new Int32Array(doc.mentionCount).fill(-1);
}

export const castStage: Stage = {
  assigns: 'cast',
  requires: ['mentions'],
  run: (doc, options) => buildCast(doc, options),
};
