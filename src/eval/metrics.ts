/**
 * Scoring, on plain offsets: quote detection by one-to-one span matching, speaker accuracy over gold
 * quotations, and the name-based mapping of a discovered cast onto the gold cast.
 */
import { normName, QUOTE_TYPES, type QuoteType } from './pdnc.js';
import { HONORIFICS, STRONG_HONORIFIC_GENDER } from '../lang/en/honorifics.js';
import { GenderCode } from '../document/document.js';

export interface DetectionCounts {
  /** Gold sub-quotation spans. */
  gold: number;
  /** Predicted quote spans. */
  pred: number;
  /** Pairs matched one-to-one (each pair's spans overlap). */
  matched: number;
  /** Matched pairs whose boundaries are identical (after trimming white space). */
  exact: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: DetectionCounts): PRF {
  const precision = c.pred === 0 ? 0 : c.matched / c.pred;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Match predicted spans to gold spans one-to-one. Candidate pairs are those that overlap by at least
 * one character; they are taken greedily by overlap length (ties: earlier gold, then earlier
 * prediction). Spans are flat [start, end) pairs. `text`, when given, is used to trim white space for
 * the exact-boundary count.
 */
export function matchSpans(gold: ArrayLike<number>, pred: ArrayLike<number>, text?: string): { counts: DetectionCounts; predOfGold: Int32Array } {
  const ng = gold.length >> 1;
  const np = pred.length >> 1;
  const predOrder = sortedOrder(pred);
  const pairs = overlapPairs(gold, pred, predOrder);
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const predOfGold = new Int32Array(ng).fill(-1);
  const goldTaken = new Uint8Array(ng);
  const predTaken = new Uint8Array(np);
  let matched = 0;
  let exact = 0;
  for (const [g, p] of pairs) {
    if (goldTaken[g] || predTaken[p]) continue;
    goldTaken[g] = 1;
    predTaken[p] = 1;
    predOfGold[g] = p;
    matched++;
    if (sameSpan(gold[2 * g], gold[2 * g + 1], pred[2 * p], pred[2 * p + 1], text)) exact++;
  }
  return { counts: { gold: ng, pred: np, matched, exact }, predOfGold };
}

function sameSpan(gs: number, ge: number, ps: number, pe: number, text?: string): boolean {
  if (text !== undefined) {
    [gs, ge] = trim(text, gs, ge);
    [ps, pe] = trim(text, ps, pe);
  }
  return gs === ps && ge === pe;
}

function trim(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}

/** Indexes of the spans sorted by start. */
function sortedOrder(spans: ArrayLike<number>): Int32Array {
  const n = spans.length >> 1;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => spans[2 * a] - spans[2 * b] || spans[2 * a + 1] - spans[2 * b + 1]);
  return order;
}

/** Every (gold, pred, overlap) with overlap > 0. Predicted spans need not be disjoint. */
function overlapPairs(gold: ArrayLike<number>, pred: ArrayLike<number>, predOrder: Int32Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  const ng = gold.length >> 1;
  // Prefix maximum of predicted ends in start order, so a binary search can skip spans ending early.
  const np = predOrder.length;
  const maxEnd = new Int32Array(np);
  let m = -1;
  for (let k = 0; k < np; k++) {
    m = Math.max(m, pred[2 * predOrder[k] + 1]);
    maxEnd[k] = m;
  }
  for (let g = 0; g < ng; g++) {
    const gs = gold[2 * g];
    const ge = gold[2 * g + 1];
    // First k whose running max end is > gs: nothing before it can overlap.
    let lo = 0;
    let hi = np;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid] <= gs) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < np; k++) {
      const p = predOrder[k];
      const ps = pred[2 * p];
      if (ps >= ge) break;
      const ov = Math.min(ge, pred[2 * p + 1]) - Math.max(gs, ps);
      if (ov > 0) out.push([g, p, ov]);
    }
  }
  return out;
}

/** A gold quotation for speaker scoring: its sub-quotation spans, its speaker id and type. */
export interface ScoredQuote {
  spans: ArrayLike<number>;
  /** Gold character id; quotes with null are not scored (counted in `excluded`). */
  speakerId: string | null;
  type: QuoteType;
}

export interface AttributionCounts {
  /** Gold quotations scored. */
  total: number;
  /** Scored quotations overlapped by at least one predicted quote span. */
  detected: number;
  /** Detected quotations whose predicted span(s) carry a speaker (any speaker). */
  attributed: number;
  /** Quotations whose predicted speaker is the gold speaker. */
  correct: number;
}

export type AttributionByType = Record<QuoteType | 'All', AttributionCounts>;

export function emptyAttribution(): AttributionByType {
  const o = {} as AttributionByType;
  for (const t of [...QUOTE_TYPES, 'All'] as const) o[t] = { total: 0, detected: 0, attributed: 0, correct: 0 };
  return o;
}

export function addAttribution(into: AttributionByType, from: AttributionByType): void {
  for (const t of Object.keys(into) as (keyof AttributionByType)[]) {
    into[t].total += from[t].total;
    into[t].detected += from[t].detected;
    into[t].attributed += from[t].attributed;
    into[t].correct += from[t].correct;
  }
}

/**
 * Speaker accuracy over gold quotations. A gold quotation is judged through the predicted quote spans
 * overlapping any of its sub-quotations: the predicted speaker is the one holding the largest total
 * overlap (a span with no speaker competes as "none"). Undetected quotations count as wrong.
 * `predSpeakers[k]` is the speaker key of predicted span k (a gold id when it maps to one, another
 * string when the speaker maps to no gold character, null for no speaker).
 */
export function scoreAttribution(quotes: readonly ScoredQuote[], pred: ArrayLike<number>, predSpeakers: readonly (string | null)[]): AttributionByType {
  const out = emptyAttribution();
  const predOrder = sortedOrder(pred);
  for (const q of quotes) {
    if (q.speakerId === null) continue;
    const byType = out[q.type];
    byType.total++;
    out.All.total++;
    const pairs = overlapPairs(q.spans, pred, predOrder);
    if (pairs.length === 0) continue;
    byType.detected++;
    out.All.detected++;
    const weight = new Map<string | null, number>();
    for (const [, p, ov] of pairs) {
      const key = predSpeakers[p] ?? null;
      weight.set(key, (weight.get(key) ?? 0) + ov);
    }
    const best = heaviestSpeaker(weight);
    if (best !== null) {
      byType.attributed++;
      out.All.attributed++;
      if (best === q.speakerId) {
        byType.correct++;
        out.All.correct++;
      }
    }
  }
  return out;
}

export interface NamedCharacter {
  name: string;
  aliases: readonly string[];
  /** Quotes attributed to the character (breaks ties: the more talkative character wins). */
  quotes?: number;
}

const HONORIFIC = /^(mr|mrs|miss|ms|mister|missus|madam|madame|mme|mlle|mademoiselle|monsieur|dr|doctor|sir|lady|lord|captain|capt|colonel|col|major|general|admiral|aunt|uncle|father|mother|rev|reverend|professor|prof|signor|signora|herr|frau) /;

/** PDNC marks a first-person narrator with the alias `_narr` (or `Narr`); dramatis names it `Narrator`. */
const NARRATOR_KEYS: ReadonlySet<string> = new Set(['_narr', 'narr', 'narrator', 'the narrator']);

/** Normalised names of a character, each with its honorific-free form, and whether it is the narrator. */
function nameKeys(c: NamedCharacter): { names: [string, string][]; full: Set<string>; bare: Set<string>; narrator: boolean } {
  const names: [string, string][] = [];
  const full = new Set<string>();
  const bare = new Set<string>();
  let narrator = false;
  for (const n of [c.name, ...c.aliases]) {
    const k = normName(n);
    if (k === '' || full.has(k)) continue;
    if (NARRATOR_KEYS.has(k)) {
      narrator = true;
      continue;
    }
    let b = k.replace(HONORIFIC, '');
    if (b === 'the') b = '';
    full.add(k);
    if (b !== '') bare.add(b);
    names.push([k, b]);
  }
  return { names, full, bare, narrator };
}

/** Accents folded (`Thérèse` → `therese`), for comparing spellings. */
const foldAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * Two normalised names spelled nearly alike, word for word: a word of seven letters or more within
 * two edits (`badahur` / `bahadur`), of six within one (`louisa` / `louise`), a shorter one alike
 * but for the letters its text lost to the encoding (a `?` or `\ufffd` in that word matches any
 * letter, and a lossy name may have lost its last one: `vitr` / `vitre`); at most two edits in all.
 * `john` / `joan`, `allen` / `allan`, `robert` / `rupert`, `eleanor` / `elinor` stay apart.
 */
export function nearlySameName(a: string, b: string): boolean {
  const x = foldAccents(a);
  const y = foldAccents(b);
  if (x === y) return true;
  const xw = x.split(' ');
  const yw = y.split(' ');
  if (xw.length !== yw.length) return false;
  const lossyName = /[?\ufffd]/.test(x + y);
  let total = 0;
  for (let i = 0; i < xw.length && total <= 2; i++) {
    const [p, q] = [xw[i], yw[i]];
    if (p === q) continue;
    const d = editDistance(p, q);
    const shorter = Math.min(p.length, q.length);
    const lostHere = /[?\ufffd]/.test(p + q) && d === 0;
    const lostLast = lossyName && d === 1 && (p.startsWith(q) || q.startsWith(p));
    if (!(lostHere || lostLast || (shorter >= 7 && d <= 2) || (shorter === 6 && d <= 1))) return false;
    total += d;
  }
  return total <= 2;
}

/** Levenshtein distance, a lost letter (`?`, `\ufffd`) matching any letter. */
function editDistance(x: string, y: string): number {
  const same = (p: string, q: string): boolean => p === q || p === '?' || p === '\ufffd' || q === '?' || q === '\ufffd';
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (same(x[i - 1], y[j - 1]) ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

/**
 * GenderCode when the honorifics of certain gender among a character's names (`Mr.`, `Madame`,
 * `Lady`; not `Captain`) all say one sex, else 0.
 */
function honorificSex(c: NamedCharacter): number {
  let m = false;
  let f = false;
  for (const n of [c.name, ...c.aliases]) {
    const w = normName(n).split(' ')[0];
    if (!STRONG_HONORIFIC_GENDER.has(w)) continue;
    const g = HONORIFICS.get(w);
    if (g === GenderCode.He) m = true;
    else if (g === GenderCode.She) f = true;
  }
  return m === f ? 0 : m ? GenderCode.He : GenderCode.She;
}

/**
 * Map predicted characters to gold characters by their names. Strength of a pair: for each name of
 * the predicted character, 2 when the gold character has that normalised name or alias, else 1 when
 * they agree once honorifics are dropped ("Captain Winterbourne" ~ "Winterbourne"); being both the
 * first-person narrator counts as one shared name (2); a predicted character nothing pairs with so
 * pairs weakly (1) with a gold character whose name it nearly spells (nearlySameName); a pair whose
 * honorifics say different sexes (`Monsieur Ratignolle`, `Madame Ratignolle`) is no pair. Pairs are taken greedily by strength (ties:
 * the predicted character with more quotes, then the one listed first), one predicted character per
 * gold character and vice versa. Returns the gold id per predicted character, or null.
 */
export function mapCastByNames(pred: readonly NamedCharacter[], gold: readonly (NamedCharacter & { id: string })[]): (string | null)[] {
  const goldKeys = gold.map(nameKeys);
  const goldSex = gold.map(honorificSex);
  const goldNarrators = goldKeys.flatMap((k, gi) => (k.narrator ? [gi] : []));
  const fullIndex = new Map<string, number[]>();
  const bareIndex = new Map<string, number[]>();
  goldKeys.forEach((k, gi) => {
    for (const f of k.full) (fullIndex.get(f) ?? fullIndex.set(f, []).get(f)!).push(gi);
    for (const b of k.bare) (bareIndex.get(b) ?? bareIndex.set(b, []).get(b)!).push(gi);
  });
  const pairs: [number, number, number][] = [];
  pred.forEach((c, pi) => {
    const k = nameKeys(c);
    const score = new Map<number, number>();
    for (const [f, b] of k.names) {
      const exact = fullIndex.get(f) ?? [];
      for (const gi of exact) score.set(gi, (score.get(gi) ?? 0) + 2);
      if (b === '') continue;
      for (const gi of bareIndex.get(b) ?? []) if (!exact.includes(gi)) score.set(gi, (score.get(gi) ?? 0) + 1);
    }
    if (k.narrator) for (const gi of goldNarrators) score.set(gi, (score.get(gi) ?? 0) + 2);
    // A name the gold list spells otherwise (`Nawab Badahur` for the text's `Nawab Bahadur`) or the
    // text lost letters of (`Th?r?se de Vitr?` for `Thérèse de Vitré`) is a weak pair, when nothing
    // else pairs them.
    if (score.size === 0) {
      goldKeys.forEach((g, gi) => {
        for (const [f] of k.names) for (const gf of g.full) if (nearlySameName(f, gf)) return void score.set(gi, 1);
      });
    }
    const sex = honorificSex(c);
    for (const [gi, s] of score) {
      // `Monsieur Ratignolle` is not `Madame Ratignolle`, however many names they share.
      if (sex !== 0 && goldSex[gi] !== 0 && sex !== goldSex[gi]) continue;
      pairs.push([pi, gi, s]);
    }
  });
  pairs.sort((a, b) => b[2] - a[2] || (pred[b[0]].quotes ?? 0) - (pred[a[0]].quotes ?? 0) || a[0] - b[0] || a[1] - b[1]);
  const out: (string | null)[] = new Array(pred.length).fill(null);
  const goldUsed = new Uint8Array(gold.length);
  for (const [pi, gi] of pairs) {
    if (out[pi] !== null || goldUsed[gi]) continue;
    out[pi] = gold[gi].id;
    goldUsed[gi] = 1;
  }
  return out;
}

/** The speaker with the most overlap among the predicted spans of a gold quotation; ties favour a real speaker over none. */
export function heaviestSpeaker(weight: ReadonlyMap<string | null, number>): string | null {
  let best: string | null = null;
  let bestW = -1;
  for (const [k, w] of weight) {
    if (w > bestW || (w === bestW && best === null && k !== null)) {
      best = k;
      bestW = w;
    }
  }
  return best;
}
