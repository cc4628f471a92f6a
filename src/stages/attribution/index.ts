/** Speaker attribution (stub). */
import type { Document } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions } from '../../types.js';

export function attributeSpeakers(doc: Document, _options: AnalyzeOptions): void {
  const n = doc.utteranceCount;
  doc.speakers = new Int32Array(n).fill(-1);
  doc.speakerConfidence = new Float32Array(n);
  doc.speakerCues = new Array<string>(n).fill('none');
  doc.addressees = Array.from({ length: n }, () => []);
}

export const attributionStage: Stage = {
  assigns: 'attribution',
  requires: ['quotes', 'cast'],
  run: (doc, options) => attributeSpeakers(doc, options),
};
