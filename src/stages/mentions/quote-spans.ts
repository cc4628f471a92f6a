/**
 * Quoted regions as [start, end) pairs (stride 2, in text order). From the quotes layer when it has
 * quotes; otherwise a cheap fallback that pairs double quote marks (" “ ”) inside each paragraph, so
 * narration and dialogue are still told apart before (or without) the real quote scanner.
 */
import { Document, IntList, TokenKind } from '../../document/document.js';

export function quotedRegions(doc: Document): Int32Array {
  const q = doc.quotes;
  if (q.length > 0) {
    const out = new Int32Array((q.length >> 2) * 2);
    for (let i = 0, j = 0; i < q.length; i += 4, j += 2) {
      out[j] = q[i];
      out[j + 1] = q[i + 1];
    }
    return out;
  }
  const text = doc.text;
  const tok = doc.tokens;
  const kinds = doc.tokenKinds;
  const par = doc.paragraphs;
  const out = new IntList(256);
  let t = 0;
  const nTok = tok.length >> 1;
  for (let p = 0; p < par.length; p += 2) {
    const pEnd = par[p + 1];
    let open = -1;
    while (t < nTok && tok[2 * t] < pEnd) {
      if (kinds[t] === TokenKind.QuoteMark) {
        const c = text.charCodeAt(tok[2 * t]);
        if (c === 0x201c || (c === 34 && open < 0)) {
          open = tok[2 * t + 1];
        } else if ((c === 0x201d || c === 34) && open >= 0) {
          out.push2(open, tok[2 * t]);
          open = -1;
        }
      }
      t++;
    }
    // An unclosed quote runs to the paragraph's end (multi-paragraph speech).
    if (open >= 0) out.push2(open, pEnd);
  }
  return out.toArray();
}

/** Per-position membership test over sorted regions, for offsets visited in non-decreasing order. */
export class RegionCursor {
  private k = 0;
  constructor(private readonly regions: Int32Array) {}
  inside(pos: number): boolean {
    const r = this.regions;
    while (this.k < r.length && r[this.k + 1] <= pos) this.k += 2;
    return this.k < r.length && r[this.k] <= pos && pos < r[this.k + 1];
  }
  /** Index (in regions, pair number) of the region containing pos, or -1. */
  regionOf(pos: number): number {
    return this.inside(pos) ? this.k >> 1 : -1;
  }
}
