/** Per-document facts the cast passes share: where each mention sits (quote, sentence, paragraph). */
import { Document, TokenKind } from '../../document/document.js';
import { SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import { quotedRegions, RegionCursor } from '../mentions/quote-spans.js';

export interface Ctx {
  doc: Document;
  /** Quoted regions, [start, end) pairs. */
  regions: Int32Array;
  /** 1 when the mention lies inside a quote. */
  inQuote: Uint8Array;
  /** Index of the quoted region holding the mention, -1 outside quotes. */
  region: Int32Array;
  /** Sentence index per mention. */
  sent: Int32Array;
  /** Paragraph index per mention. */
  para: Int32Array;
  /** Narration rank of each sentence (sentences with narration increase it). */
  narrRank: Int32Array;
  /** 1 when the sentence holds (part of) a quote. */
  sentHasQuote: Uint8Array;
}

export function buildContext(doc: Document): Ctx {
  const m = doc.mentions;
  const n = doc.mentionCount;
  const regions = quotedRegions(doc);
  const inQuote = new Uint8Array(n);
  const region = new Int32Array(n).fill(-1);
  const sent = new Int32Array(n);
  const para = new Int32Array(n);
  const sen = doc.sentences;
  const par = doc.paragraphs;
  const nSent = sen.length >> 2;
  const nPar = par.length >> 1;
  let si = 0;
  let pi = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const s = m[3 * i];
    while (r < regions.length && regions[r + 1] <= s) r += 2;
    if (r < regions.length && regions[r] <= s) {
      inQuote[i] = 1;
      region[i] = r >> 1;
    }
    while (si + 1 < nSent && sen[4 * (si + 1)] <= s) si++;
    sent[i] = si;
    while (pi + 1 < nPar && par[2 * (pi + 1)] <= s) pi++;
    para[i] = pi;
  }
  // A sentence counts as narration when some of its text lies outside quotes.
  const narrRank = new Int32Array(nSent);
  const rc = new RegionCursor(regions);
  let rank = 0;
  for (let k = 0; k < nSent; k++) {
    const s = sen[4 * k];
    const e = sen[4 * k + 1];
    let narration = false;
    if (!rc.inside(s)) narration = true;
    else {
      const q = rc.regionOf(s);
      if (q >= 0 && regions[2 * q + 1] + 1 < e) narration = true;
    }
    if (narration) rank++;
    narrRank[k] = rank;
  }
  const sentHasQuote = new Uint8Array(nSent);
  for (let q = 0, k = 0; q < regions.length; q += 2) {
    while (k + 1 < nSent && sen[4 * (k + 1)] <= regions[q]) k++;
    sentHasQuote[k] = 1;
    let k2 = k;
    while (k2 + 1 < nSent && sen[4 * (k2 + 1)] <= regions[q + 1]) k2++;
    sentHasQuote[k2] = 1;
    if (k2 + 1 < nSent) sentHasQuote[k2 + 1] = sentHasQuote[k2 + 1] || (sen[4 * (k2 + 1)] <= regions[q + 1] + 2 ? 1 : 0);
  }
  return { doc, regions, inQuote, region, sent, para, narrRank, sentHasQuote };
}

/** Token index just before offset `pos` (-1 at the start). */
export function tokenBefore(doc: Document, pos: number): number {
  return doc.tokenAtOrAfter(pos) - 1;
}

/** Lower-case word token just before offset `pos`, or '' when that token is not a word. */
export function wordBefore(doc: Document, pos: number): string {
  const t = tokenBefore(doc, pos);
  if (t < 0 || doc.tokenKinds[t] !== TokenKind.Word) return '';
  return doc.tokenText(t).toLowerCase();
}

/** The first token at or after `end` that is not the tail of the token holding `end` (possessive 's). */
export function tokenAfter(doc: Document, end: number): number {
  let t = doc.tokenAtOrAfter(end);
  const tok = doc.tokens;
  if (t > 0 && tok[2 * (t - 1) + 1] > end) {
    // `end` fell inside token t-1 (possessive): t is already the next token.
  }
  if (t < tok.length >> 1 && tok[2 * t] < end) t++;
  return t;
}

/** Lower-case word token just after offset `end`, or ''. */
export function wordAfter(doc: Document, end: number): string {
  const t = tokenAfter(doc, end);
  if (t >= doc.tokenCount || doc.tokenKinds[t] !== TokenKind.Word) return '';
  return doc.tokenText(t).toLowerCase();
}

/** The token right before mention i (-1 at the start) and the first token after it. */
export function tokensAround(doc: Document, i: number): [number, number] {
  const e = doc.mentions[3 * i + 1];
  let ta = doc.tokenAtOrAfter(e);
  if (ta < doc.tokenCount && doc.tokens[2 * ta] < e) ta++;
  return [doc.tokenAtOrAfter(doc.mentions[3 * i]) - 1, ta];
}

/**
 * Is mention i right next to a speech verb (`said Mrs. Hilbery`, `the policeman replied`)? With
 * `skipThe`, a `the` before the mention is looked past (`said the Jew` when the name excludes `the`).
 */
export function nextToSpeechVerb(doc: Document, i: number, skipThe: boolean): boolean {
  const [tb, ta] = tokensAround(doc, i);
  let before = tb >= 0 && doc.tokenKinds[tb] === TokenKind.Word ? doc.tokenText(tb).toLowerCase() : '';
  if (skipThe && before === 'the' && tb > 0 && doc.tokenKinds[tb - 1] === TokenKind.Word) before = doc.tokenText(tb - 1).toLowerCase();
  const after = ta < doc.tokenCount && doc.tokenKinds[ta] === TokenKind.Word ? doc.tokenText(ta).toLowerCase() : '';
  return SPEECH_VERBS.has(before) || SPEECH_VERBS.has(after);
}
