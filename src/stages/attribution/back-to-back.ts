/**
 * Joint decoding of back-to-back lines. Two quotations in consecutive paragraphs with nothing but
 * white space between them (`"Or eat?"` ⏎ `"Or eat."`) are nearly always two speakers: in PDNC's
 * 18 novels the same person speaks both in 74 of 12,207 such pairs (0.6%); so do a line whose
 * paragraph closes on a short tag or beat (`"We'd better go," said Jock.`) and a next paragraph that
 * opens on its quote (23 of 1,938 pairs, 1.2%). The ranker scores each line on its own and,
 * cross-validated, gave both lines of a bare pair to one person 616 times, the second line right in
 * 292 of them. Each chain of back-to-back lines that holds such a repeat is decoded again as a whole
 * (Viterbi over the candidates, by the ranker's probabilities): the most probable sequence of
 * speakers, a repeat costing the log of those rates. The costs are not tuned: 0.05 and 0.001 for
 * the bare breaks gave the same accuracy within two lines.
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

/**
 * Re-decodes the chains of back-to-back utterances where `speakers` repeats a speaker across a
 * link. `allowed(k)` says whether flat candidate k may be chosen; `fixed[u]` marks utterances whose
 * speaker must stay. Changes `speakers` (and `chosen`, the flat candidate index per utterance) in place.
 */
export function decodeBackToBack(
  links: Uint8Array,
  offsets: ArrayLike<number>,
  candidates: ArrayLike<number>,
  probs: ArrayLike<number>,
  allowed: (k: number) => boolean,
  fixed: Uint8Array,
  speakers: Int32Array,
  chosen: Int32Array,
): void {
  const nU = speakers.length;
  let start = 0;
  while (start < nU) {
    let end = start + 1;
    while (end < nU && links[end]) end++;
    // Chain [start, end): decode only when it repeats a speaker somewhere.
    let repeats = false;
    for (let u = start + 1; u < end && !repeats; u++) repeats = speakers[u] >= 0 && speakers[u] === speakers[u - 1];
    if (repeats) viterbi(start, end, links, offsets, candidates, probs, allowed, fixed, speakers, chosen);
    start = end;
  }
}

function viterbi(
  start: number,
  end: number,
  links: Uint8Array,
  offsets: ArrayLike<number>,
  candidates: ArrayLike<number>,
  probs: ArrayLike<number>,
  allowed: (k: number) => boolean,
  fixed: Uint8Array,
  speakers: Int32Array,
  chosen: Int32Array,
): void {
  const base = offsets[start];
  const n = offsets[end] - base;
  const score = new Float64Array(n).fill(-Infinity);
  const back = new Int32Array(n).fill(-1);
  // A line with no candidate, or none allowed, cuts the chain: both halves are decoded on their own.
  const usable = (k: number, u: number): boolean => (fixed[u] ? k === chosen[u] : allowed(k));
  let prevFrom = -1;
  let prevTo = -1;
  for (let u = start; u < end; u++) {
    const from = offsets[u];
    const to = offsets[u + 1];
    let any = false;
    for (let k = from; k < to; k++) {
      if (!usable(k, u)) continue;
      const emit = Math.log(Math.max(probs[k], 1e-9));
      let best = 0;
      let arg = -1;
      if (prevFrom >= 0) {
        best = -Infinity;
        for (let j = prevFrom; j < prevTo; j++) {
          const s = score[j - base];
          if (s === -Infinity) continue;
          const v = s + (candidates[j] === candidates[k] ? REPEAT_COST[links[u]] : 0);
          if (v > best) {
            best = v;
            arg = j;
          }
        }
      }
      score[k - base] = best + emit;
      back[k - base] = arg;
      any = true;
    }
    if (!any) {
      // Close the chain so far and start afresh after this line.
      if (prevFrom >= 0) trace(prevFrom, prevTo, base, score, back, offsets, candidates, speakers, chosen, start);
      prevFrom = -1;
      prevTo = -1;
      start = u + 1;
      continue;
    }
    prevFrom = from;
    prevTo = to;
  }
  if (prevFrom >= 0) trace(prevFrom, prevTo, base, score, back, offsets, candidates, speakers, chosen, start);
}

/** Follows the back-pointers from the best candidate of the chain's last line. */
function trace(
  from: number,
  to: number,
  base: number,
  score: Float64Array,
  back: Int32Array,
  offsets: ArrayLike<number>,
  candidates: ArrayLike<number>,
  speakers: Int32Array,
  chosen: Int32Array,
  first: number,
): void {
  let k = -1;
  for (let j = from; j < to; j++) if (score[j - base] > -Infinity && (k < 0 || score[j - base] > score[k - base])) k = j;
  while (k >= 0) {
    // The utterance of flat candidate k: offsets are increasing, so walk back from the end.
    let u = first;
    while (offsets[u + 1] <= k) u++;
    speakers[u] = candidates[k];
    chosen[u] = k;
    k = back[k - base];
  }
}
