/**
 * Back-to-back lines: two quotations in consecutive paragraphs with nothing but white space between
 * them (`"Or eat?"` ⏎ `"Or eat."`) are nearly always two speakers: in PDNC's 18 novels the same
 * person speaks both in 74 of 12,207 such pairs (0.6%); so do a line whose paragraph closes on a
 * short tag or beat (`"We'd better go," said Jock.`) and a next paragraph that opens on its quote
 * (23 of 1,938 pairs, 1.2%). The turn chain (features.ts) weighs each turn-to-turn step by this
 * link, and the ranker reads who the lines of a back-to-back run call by name.
 *
 * These links once also drove a joint (Viterbi) re-decoding of every back-to-back chain where the
 * ranker repeated a speaker. With the ranker trained on 2026-11-27 (eval pdnc --cv 6) it gained 13
 * lines with PDNC's cast and lost 24 with ours, lost five lines of the modern scenes (laundromat's
 * untagged run flipped its phase after the third person left) and kept the main addressee 0.9
 * points higher (68.9 against 68.0%, before addressees looked past a speaker's own turns: 70.0%
 * now): removed, for the end-to-end and modern numbers.
 */
import type { Document } from '../../document/document.js';

/** What may stand between two back-to-back lines: white space and quotation marks. */
const BARE_GAP = /^[\s"'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201A\u2039\u203A]*$/;

/**
 * For each utterance opening the paragraph after the previous utterance's: 1 when nothing but white
 * space and quote marks stands between them, 2 when the previous paragraph closes on six words or
 * fewer of narration and this one opens on its quote; 0 otherwise.
 */
export function backToBack(doc: Document): Uint8Array {
  const nU = doc.utteranceCount;
  const out = new Uint8Array(nU);
  for (let u = 1; u < nU; u++) {
    const lastPrev = doc.utterances[2 * u] - 1;
    const first = doc.utterances[2 * u];
    if (doc.quotes[4 * lastPrev + 2] === doc.quotes[4 * first + 2]) continue;
    const from = doc.quotes[4 * lastPrev + 1];
    const to = doc.quotes[4 * first];
    if (to - from <= 12 && BARE_GAP.test(doc.text.slice(from, to))) out[u] = 1;
    else if (doc.quotes[4 * first + 2] === doc.quotes[4 * lastPrev + 2] + 1 && to - from <= 80) {
      // A short tag or beat closing the previous line's paragraph (`," said Jock.`), this one opening on its quote.
      const ps = doc.paragraphs[2 * doc.quotes[4 * first + 2]];
      const words = doc.text.slice(from, ps).match(/[A-Za-z]+/g)?.length ?? 0;
      if (words <= 6 && !/[A-Za-z]/.test(doc.text.slice(ps, to))) out[u] = 2;
    }
  }
  return out;
}
