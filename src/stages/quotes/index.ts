/** Quotations (stub: replaced by the quote scanner). */
import type { Document } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';

export function scanQuotes(doc: Document): void {
  doc.quotes = new Int32Array(0);
  doc.utterances = new Int32Array(0);
}

export const quotesStage: Stage = {
  assigns: 'quotes',
  requires: ['paragraphs', 'tokens'],
  run: (doc) => scanQuotes(doc),
};
