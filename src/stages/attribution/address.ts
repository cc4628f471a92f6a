/**
 * Gendered forms of address inside a line: `Yes, sir.`, `Come here, my girl!`, `Thank you, ma'am.`
 * They say nothing of the speaker but tell the gender of the one spoken to, who is usually the
 * speaker of the turn before or after. In an exchange between a man and a woman that tells the
 * sides apart where no tag does.
 */
import { Document, GenderCode } from '../../document/document.js';
import { isLetterCode, isSpaceCode } from '../tokens/index.js';
import { ADDRESS_WORDS } from '../../lang/en/address-words.js';

/** Interjections after which `man` and `boy` are exclamations, not someone called: `Oh, man!` */
const INTERJECTIONS: ReadonlySet<string> = new Set(['oh', 'ah', 'aw', 'o', 'ooh', 'whoa']);

/** Words that may stand between the comma and the address word: `, my dear boy!`, `, old man.` */
const ADDRESS_MODIFIERS: ReadonlySet<string> = new Set(['my', 'dear', 'old', 'young', 'good', 'little', 'poor', 'darling', 'sweet', 'kind', 'dearest']);

/**
 * Per utterance, the gender of whoever its words of address call (GenderCode.Unknown when there
 * are none, or when they disagree). An address word counts when a mark closes it (`,` `.` `!` `?`
 * `;` a dash or the end of the quote) and a comma, a dash, a sentence end or the start of the quote opens it,
 * with only modifiers (`my dear`) between.
 */
export function addressedGenders(doc: Document): Uint8Array {
  const nU = doc.utteranceCount;
  const out = new Uint8Array(nU);
  const text = doc.text;
  for (let u = 0; u < nU; u++) {
    let found: number = GenderCode.Unknown;
    let clash = false;
    for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1]; k++) {
      const s = doc.quotes[4 * k];
      const e = doc.quotes[4 * k + 1];
      for (let t = doc.tokenAtOrAfter(s); t < doc.tokenCount && doc.tokens[2 * t] < e; t++) {
        const ts = doc.tokens[2 * t];
        const te = doc.tokens[2 * t + 1];
        if (!isLetterCode(text.charCodeAt(ts))) continue;
        const g = ADDRESS_WORDS.get(text.slice(ts, te).toLowerCase());
        if (g === undefined || !closesAddress(text, te, e)) continue;
        if (!opensAddress(doc, t, s)) continue;
        if (g === GenderCode.He && t >= 2 && doc.tokenText(t - 1) === ',' && INTERJECTIONS.has(doc.tokenText(t - 2).toLowerCase())) {
          const w = text.slice(ts, te).toLowerCase();
          if (w === 'man' || w === 'boy') continue;
        }
        if (found !== GenderCode.Unknown && found !== g) clash = true;
        found = g;
      }
    }
    out[u] = clash ? GenderCode.Unknown : found;
  }
  return out;
}

function closesAddress(text: string, i: number, end: number): boolean {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === 44 || c === 46 || c === 33 || c === 63 || c === 59 || c === 0x2014 || c === 0x2013 || c === 45;
}

/** How many modifiers may stand before an address word (`my dear old boy`). */
const MAX_MODIFIERS = 3;

/** Walks back over modifiers from token t to the mark that opens the address. */
function opensAddress(doc: Document, t: number, start: number): boolean {
  const text = doc.text;
  let p = doc.tokens[2 * t];
  // One step per modifier, and one more to reach the opening mark after the last of them.
  for (let steps = 0; steps <= MAX_MODIFIERS; steps++) {
    let i = p - 1;
    while (i >= start && isSpaceCode(text.charCodeAt(i))) i--;
    if (i < start) return true;
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 33 || c === 63 || c === 0x2014 || c === 0x2013 || c === 45) return true;
    if (!isLetterCode(c)) return false;
    const w = i + 1;
    while (i >= start && isLetterCode(text.charCodeAt(i))) i--;
    if (!ADDRESS_MODIFIERS.has(text.slice(i + 1, w).toLowerCase())) return false;
    p = i + 1;
  }
  return false;
}
