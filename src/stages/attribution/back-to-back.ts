/**
 * Joint decoding of back-to-back lines. Two quotations in consecutive paragraphs with nothing but
 * white space between them (`"Or eat?"` ⏎ `"Or eat."`) are nearly always two speakers: in PDNC's
 * 18 novels the same person speaks both in 74 of 12,207 such pairs (0.6%); so do a line whose
 * paragraph closes on a short tag or beat (`"We'd better go," said Jock.`) and a next paragraph that
 * opens on its quote (23 of 1,938 pairs, 1.2%). The ranker scores each line on its own; each chain
 * of back-to-back lines where it repeats a speaker across such a link is decoded again as a whole
 * (Viterbi over the candidates, by the ranker's probabilities): the most probable sequence of
 * speakers, a repeat costing the log of those rates (not tuned: 0.05 and 0.001 for the bare breaks
 * gave the same accuracy within two lines).
 *
 * Measured cross-validated: with the ranker of the time, which gave both lines of a bare pair to one
 * person 616 times, the decoding put 121 more lines right. The turn chain (features.ts) has since
 * learned to read the same links, and the ranker now seldom repeats: on PDNC the decoding changes 2
 * lines for the worse with the cast given (11 with ours) of 23,633, while in the modern test scenes
 * it still puts a line of backseat and one of wedding right. Kept for the prose we are built for,
 * and so that no untagged run gives one person two lines in a row.
 */
import type { Document } from '../../document/document.js';

/** Log-probability of one speaker on both sides, by link kind: none, a bare break (0.6% in PDNC), a short tag between (1.2%). */
const REPEAT_COST = [0, Math.log(0.006), Math.log(0.012)];
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

/** What the decoding reads, and the choices it changes in place. */
export interface BackToBackChoices {
  /** Per utterance: its link to the one before (backToBack). */
  links: Uint8Array;
  /** The candidate table: utterance u's candidates are flat indexes offsets[u] to offsets[u + 1] - 1. */
  offsets: ArrayLike<number>;
  candidates: ArrayLike<number>;
  /** The ranker's probability per flat candidate. */
  probs: ArrayLike<number>;
  /** Per flat candidate: 1 when it may be chosen. */
  allowed: Uint8Array;
  /** Per utterance: 1 when its choice must stay. */
  fixed: Uint8Array;
  /** Per utterance: the chosen speaker and flat candidate index (-1: none). */
  speakers: Int32Array;
  chosen: Int32Array;
}

/** Re-decodes the chains of back-to-back utterances where `speakers` repeats a speaker across a link. */
export function decodeBackToBack(c: BackToBackChoices): void {
  const nU = c.speakers.length;
  let start = 0;
  while (start < nU) {
    let end = start + 1;
    while (end < nU && c.links[end]) end++;
    // Chain [start, end): decode only when it repeats a speaker somewhere.
    let repeats = false;
    for (let u = start + 1; u < end && !repeats; u++) repeats = c.speakers[u] >= 0 && c.speakers[u] === c.speakers[u - 1];
    if (repeats) viterbi(c, start, end);
    start = end;
  }
}

/** Viterbi over utterances [start, end); a line with no usable candidate cuts it in two. */
function viterbi(c: BackToBackChoices, start: number, end: number): void {
  const { offsets, candidates, probs } = c;
  const base = offsets[start];
  const n = offsets[end] - base;
  const score = new Float64Array(n).fill(-Infinity);
  const back = new Int32Array(n).fill(-1);
  const usable = (k: number, u: number): boolean => (c.fixed[u] ? k === c.chosen[u] : c.allowed[k] === 1);
  let prevFrom = -1;
  let prevTo = -1;
  for (let u = start; u < end; u++) {
    const from = offsets[u];
    const to = offsets[u + 1];
    let any = false;
    for (let k = from; k < to; k++) {
      if (!usable(k, u)) continue;
      let best = 0;
      let arg = -1;
      if (prevFrom >= 0) {
        best = -Infinity;
        for (let j = prevFrom; j < prevTo; j++) {
          const s = score[j - base];
          if (s === -Infinity) continue;
          const v = s + (candidates[j] === candidates[k] ? REPEAT_COST[c.links[u]] : 0);
          if (v > best) {
            best = v;
            arg = j;
          }
        }
      }
      score[k - base] = best + Math.log(Math.max(probs[k], 1e-9));
      back[k - base] = arg;
      any = true;
    }
    if (!any) {
      // Decode the lines so far on their own and start afresh after this one.
      if (prevFrom >= 0) trace(c, u - 1, score, back, base);
      prevFrom = -1;
      prevTo = -1;
      continue;
    }
    prevFrom = from;
    prevTo = to;
  }
  if (prevFrom >= 0) trace(c, end - 1, score, back, base);
}

/** Follows the back-pointers from the best candidate of utterance `last`, one utterance back per step. */
function trace(c: BackToBackChoices, last: number, score: Float64Array, back: Int32Array, base: number): void {
  let k = -1;
  for (let j = c.offsets[last]; j < c.offsets[last + 1]; j++) if (score[j - base] > -Infinity && (k < 0 || score[j - base] > score[k - base])) k = j;
  for (let u = last; k >= 0; u--) {
    c.speakers[u] = c.candidates[k];
    c.chosen[u] = k;
    k = back[k - base];
  }
}
