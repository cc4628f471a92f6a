/**
 * Gendered forms of address inside a line: `Yes, sir.`, `Come here, my girl!`, `Thank you, ma'am.`
 * They say nothing of the speaker but tell the gender of the one spoken to, who is usually the
 * speaker of the turn before or after. In an exchange between a man and a woman that tells the
 * sides apart where no tag does.
 */
import { Document, GenderCode } from '../../document/document.js';
import { isLetterCode, isSpaceCode } from '../tokens/index.js';
import { ADDRESS_WORDS, NEUTRAL_ADDRESS_WORDS } from '../../lang/en/address-words.js';

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
  for (let u = 0; u < nU; u++) {
    let found: number = GenderCode.Unknown;
    let clash = false;
    forEachAddress(doc, u, (w) => {
      const g = ADDRESS_WORDS.get(w);
      if (g === undefined) return;
      if (found !== GenderCode.Unknown && found !== g) clash = true;
      found = g;
    });
    out[u] = clash ? GenderCode.Unknown : found;
  }
  return out;
}

/** Words of address said to a company, not to one person: they stand for no one in particular. */
const GROUP_WORDS: ReadonlySet<string> = new Set(['everyone', 'everybody', 'folks', 'boys', 'girls', 'ladies', 'gentlemen', 'lads', 'children', 'kids', 'guys']);

/**
 * Per utterance, the words of address it calls someone by (`father`, `dear`, `sir`, `darling`),
 * lower case, each once; empty when there are none. Words said to a company are left out.
 */
export function addressWords(doc: Document): string[][] {
  const nU = doc.utteranceCount;
  const out: string[][] = new Array(nU);
  for (let u = 0; u < nU; u++) {
    const words: string[] = [];
    forEachAddress(doc, u, (w) => {
      if (!GROUP_WORDS.has(w) && !words.includes(w)) words.push(w);
    });
    out[u] = words;
  }
  return out;
}

/** Calls `visit` with each word of address (gendered or not, lower case) in utterance u's quotes. */
function forEachAddress(doc: Document, u: number, visit: (word: string) => void): void {
  const text = doc.text;
  for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1]; k++) {
    const s = doc.quotes[4 * k];
    const e = doc.quotes[4 * k + 1];
    for (let t = doc.tokenAtOrAfter(s); t < doc.tokenCount && doc.tokens[2 * t] < e; t++) {
      const ts = doc.tokens[2 * t];
      const te = doc.tokens[2 * t + 1];
      if (!isLetterCode(text.charCodeAt(ts))) continue;
      const w = text.slice(ts, te).toLowerCase();
      const gendered = ADDRESS_WORDS.has(w);
      if (!gendered && !NEUTRAL_ADDRESS_WORDS.has(w)) continue;
      if (!closesAddress(text, te, e) || !opensAddress(doc, t, s)) continue;
      // `Oh, man!` is an exclamation, not someone called.
      if ((w === 'man' || w === 'boy') && t >= 2 && doc.tokenText(t - 1) === ',' && INTERJECTIONS.has(doc.tokenText(t - 2).toLowerCase())) continue;
      visit(w);
    }
  }
}

/** How many answers (at the least) tie a word of address to one person, and what share of its answers they must be. */
const REFERENT_MIN = 3;
const REFERENT_SHARE = 0.6;

/**
 * Whom each word of address stands for in this story (`Father,` is Mr. Gradgrind to his children,
 * `my dear boy` is Dorian to Lord Henry), learned from the tagged lines around it: a line that calls
 * someone `father` is answered by the father, or answers him. A word counts when one person gives at least
 * REFERENT_MIN of its answers and REFERENT_SHARE of them (`my dear` said to everyone in turn stands
 * for no one), and only when their gender agrees with the word's.
 *
 * `answerer(u)` is the tagged speaker of the line that answers utterance u, or of the one it answers
 * (-1 when neither is known).
 */
export function addressReferents(words: readonly string[][], answerer: (u: number) => number, genders: Uint8Array): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (let u = 0; u < words.length; u++) {
    if (words[u].length === 0) continue;
    const c = answerer(u);
    if (c < 0) continue;
    for (const w of words[u]) {
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [w, m] of counts) {
    let best = -1;
    let top = 0;
    let total = 0;
    for (const [c, n] of m) {
      total += n;
      if (n > top || (n === top && c < best)) [best, top] = [c, n];
    }
    const g = ADDRESS_WORDS.get(w);
    if (g !== undefined && genders[best] !== GenderCode.Unknown && genders[best] !== g) continue;
    if (top >= REFERENT_MIN && top >= REFERENT_SHARE * total) out.set(w, best);
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
