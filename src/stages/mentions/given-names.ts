/**
 * Names from a given cast as mentions. Our own name finder misses some of the names a user lists:
 * a lone kin word (`Mum.`), a word it takes for a common one (`Sunday`, a bare `Colonel`), a name only
 * ever written at a sentence start, a lower-case nickname (`bub`), a name with lower-case words inside
 * (`Maud the Lame`). The cast's names, aliases and the keys derived from them (`Beebe` from `Mr.
 * Beebe`, `Liz` from `Elizabeth Hale`) go into a word trie; one pass over the tokens takes the longest
 * listed sequence at each word and makes it a proper mention unless a mention is already there. The
 * cast stage links it by its key like any other name (an ambiguous key stays unlinked).
 */
import { GenderCode, MentionKind, TokenKind, type Document, type IntList } from '../../document/document.js';
import type { CastCharacter } from '../../types.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { NOMINAL_DETERMINERS } from '../../lang/en/pronouns.js';
import { COMMON_CAPITALIZED, PLACE_SUFFIXES } from '../../lang/en/common-capitalized.js';
import { PERSON_ADJECTIVES, PERSON_NOUNS } from '../../lang/en/person-nouns.js';
import { canonicalTitle } from '../../lang/en/titles.js';
import { buildGivenIndex } from '../cast/given.js';
import { allCaps, isUpper, nameGap } from './letters.js';
import { quotedRegions, RegionCursor } from './quote-spans.js';

/** How a trie word must be written in the text. */
const enum Case {
  /** Capitalised (a name the list writes so, or a key derived from one). */
  Upper = 1,
  /** Any case: the list writes the word in lower case (`bub`, the `the` of `Maud the Lame`). */
  Any = 2,
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Case the word leading to this node needs (Any wins when both lists ask for it). */
  wordCase: Map<string, Case>;
  /** A listed sequence ends here. */
  end: boolean;
}

const newNode = (): TrieNode => ({ next: new Map(), wordCase: new Map(), end: false });

/** A name word as the trie keys it: lower case, no periods, straight apostrophes, titles canonical (`doctor` → `dr`). */
export function trieWord(w: string): string {
  let k = w.toLowerCase();
  if (k.includes('.')) k = k.replace(/\./g, '');
  if (k.includes('\u2019') || k.includes('\u2018')) k = k.replace(/[\u2019\u2018]/g, "'");
  return HONORIFICS.has(k) ? canonicalTitle(k) : k;
}

function addSequence(root: TrieNode, words: readonly string[], cases: readonly Case[]): void {
  let node = root;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '') return;
    let child = node.next.get(w);
    if (!child) node.next.set(w, (child = newNode()));
    const prev = node.wordCase.get(w);
    node.wordCase.set(w, prev === Case.Any || cases[i] === Case.Any ? Case.Any : Case.Upper);
    node = child;
  }
  node.end = true;
}

/**
 * The trie of a given cast: names and aliases as listed (each word capitalised where the list
 * capitalises it), and the derived keys of the alias index (capitalised). Descriptions (`the old
 * gentleman`) are left to the description pass, and `Narrator` is a role, not a name.
 */
export function givenNameTrie(cast: readonly CastCharacter[]): TrieNode {
  const root = newNode();
  for (const c of cast) {
    for (const name of [c.name, ...(c.aliases ?? [])]) {
      const words = name.trim().split(/\s+/);
      if (words[0] === '' || isDescription(name) || isPlace(name) || /^narrator$/i.test(name.trim())) continue;
      // `I`, `Me` or `She` listed for the narrator or a nameless one: the pronoun passes know these words.
      if (words.length === 1 && (words[0].length < 2 || PRONOUNS.test(words[0]))) continue;
      addSequence(
        root,
        words.map(trieWord),
        words.map((w) => (/^\p{Lu}/u.test(w) ? Case.Upper : Case.Any)),
      );
    }
  }
  // Derived keys come from the names only (a description's words, `the Civil Surgeon` → `Civil`,
  // are no first name), and only where every word looks like a name: a derived `Servant` from
  // `Goanse Servant`, or `Old` from `Old Callendar`, would take common words our own finder rightly
  // passes by. (A listed name is taken as the user wrote it.)
  const names = cast.map((c) => ({ ...c, name: isDescription(c.name) || isPlace(c.name) ? '' : c.name, aliases: (c.aliases ?? []).filter((a) => !isDescription(a) && !isPlace(a)) }));
  const ambiguous = new Set<string>();
  const index = buildGivenIndex(names, ambiguous);
  for (const key of [...index.keys(), ...ambiguous]) {
    const words = key.split(' ').map(trieWord);
    if (!words.every((w, i) => nameLike(w) || (i === 0 && words.length > 1 && HONORIFICS.has(w)))) continue;
    // Particles inside a derived key (`de worms`) are written in lower case.
    addSequence(root, words, words.map((w, i) => (i > 0 && PARTICLES.has(w) ? Case.Any : Case.Upper)));
  }
  return root;
}

const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Words before a day or month that make it a date. */
const TIME_WORDS: ReadonlySet<string> = new Set(['every', 'each', 'last', 'next', 'since', 'until', 'till', 'one']);

/** Is `word` (a trie word) after `before` a date: `on Sunday`, `next Sunday`, `every June`? */
function isDate(word: string, before: string): boolean {
  if (WEEKDAYS.has(word)) return before === 'on' || TIME_WORDS.has(before);
  return MONTHS.has(word) && TIME_WORDS.has(before);
}

const PRONOUNS = /^(?:i|me|my|myself|you|he|him|his|she|her|it|we|us|they|them)$/i;

const PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'le', 'la', "d'", 'st']);

/** `the old gentleman`, `a student`: the description pass finds these. */
function isDescription(name: string): boolean {
  return /^(?:the|a|an)\s/i.test(name.trim());
}

/** `Kellynch Hall`, `Harley Street`: a place, whoever lists it (our own finder holds the same). */
function isPlace(name: string): boolean {
  const words = name.trim().split(/\s+/);
  return words.length > 1 && PLACE_SUFFIXES.has(trieWord(words[words.length - 1]));
}

/** A word of a name: a particle, or a word of two letters or more that is no common capitalised word, person noun, describing adjective or possessive. */
function nameLike(w: string): boolean {
  if (PARTICLES.has(w)) return true;
  return w.length >= 2 && !PRONOUNS.test(w) && !COMMON_CAPITALIZED.has(w) && !PERSON_NOUNS.has(w) && !PERSON_ADJECTIVES.has(w) && !HONORIFICS.has(w) && !/'s$/.test(w);
}

export interface GivenNameContext {
  initial: Uint8Array;
  inHeading: Uint8Array;
  /** Lower-case uses per word, and capitalised uses in mid-sentence (lower-cased key). */
  lowerCount: ReadonlyMap<string, number>;
  lowerInitialCount: ReadonlyMap<string, number>;
  capMidCount: ReadonlyMap<string, number>;
}


/**
 * Adds a proper mention for every listed name in the text that no mention covers yet; proper
 * mentions lying wholly inside a longer listed name (`Maud` and `Lame` of `Maud the Lame`) give
 * way to it. Returns the indexes (into the pushed lists) of the mentions it replaced.
 */
export function addGivenNames(
  doc: Document,
  cast: readonly CastCharacter[],
  cx: GivenNameContext,
  starts: IntList,
  ends: IntList,
  kindList: readonly number[],
  push: (s: number, e: number, kind: number, gender: number) => void,
): Set<number> {
  const replaced = new Set<number>();
  const root = givenNameTrie(cast);
  if (root.next.size === 0) return replaced;
  const text = doc.text;
  const tok = doc.tokens;
  const kinds = doc.tokenKinds;
  const nTok = tok.length >> 1;
  // Mention covering each token (the last pushed wins; any one is enough to block).
  const covered = new Int32Array(nTok).fill(-1);
  for (let i = 0, n = starts.length; i < n; i++) {
    let t = doc.tokenAtOrAfter(starts.get(i));
    for (; t < nTok && tok[2 * t] < ends.get(i); t++) covered[t] = i;
  }
  const isApos = (c: number): boolean => c === 39 || c === 0x2019;
  /** End of the word without a possessive 's. */
  const cut = (t: number): number => {
    const s = tok[2 * t];
    const e = tok[2 * t + 1];
    if (e - s > 2 && (text.charCodeAt(e - 1) === 115 || text.charCodeAt(e - 1) === 83) && isApos(text.charCodeAt(e - 2))) return e - 2;
    return e;
  };
  const adjacent = (a: number, b: number): boolean => nameGap(doc, tok[2 * a + 1], tok[2 * b]);
  /**
   * The text uses the word as a name more than as a common word (or never as a common word). A listed
   * name written in lower case only where a sentence or line opens (`"wren. WREN."` typed in a text
   * message) is never shown a common word: edited prose capitalises there.
   */
  const nameByUse = (lw: string): boolean => {
    const lower = (cx.lowerCount.get(lw) ?? 0) - (cx.lowerInitialCount.get(lw) ?? 0);
    return lower === 0 || (cx.capMidCount.get(lw) ?? 0) > lower;
  };
  /** A capitalised word right before or after, in the same run of words: part of a name we were not given (`Bloody Sunday`, `Harrow Lane`). */
  const capitalisedNeighbour = (t: number, outward: number): boolean => {
    const n = t + outward;
    if (n < 0 || n >= nTok || kinds[n] !== TokenKind.Word || cx.inHeading[n]) return false;
    if (outward < 0 ? !adjacent(n, t) : !adjacent(t, n)) return false;
    if (outward < 0 && (cx.initial[n] || cut(n) !== tok[2 * n + 1])) return false;
    return isUpper(text.charCodeAt(tok[2 * n]));
  };

  /**
   * `please, nanny, may I?`, `Thanks, mum.`: a listed person word (`Nanny`, `Mum`) written in lower
   * case in a line, between a comma and a comma or a sentence's end, is that person called, not the
   * common noun. Tokens are read in order, so one cursor walks the quoted regions.
   */
  const quotes = new RegionCursor(quotedRegions(doc));
  const lowerVocative = (t: number): boolean => {
    if (covered[t] >= 0 || t === 0 || t + 1 >= nTok || kinds[t - 1] === TokenKind.Word || kinds[t + 1] === TokenKind.Word) return false;
    // Said in a line (`packed a cook, nanny, and a maid` in the narration is a list).
    if (!quotes.inside(tok[2 * t])) return false;
    const w = text.slice(tok[2 * t], tok[2 * t + 1]);
    if (!PERSON_NOUNS.has(w) || !root.next.get(trieWord(w))?.end) return false;
    return text.slice(tok[2 * t - 2], tok[2 * t - 1]) === ',' && /^[,.!?]$/.test(text.slice(tok[2 * t + 2], tok[2 * t + 3]));
  };
  // Most words are lower case, and most lists write every name capitalised: those words are skipped unread.
  let anyLower = false;
  for (const c of root.wordCase.values()) if (c === Case.Any) anyLower = true;
  for (let t = 0; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word || cx.inHeading[t]) continue;
    if (!isUpper(text.charCodeAt(tok[2 * t])) && lowerVocative(t)) {
      push(tok[2 * t], tok[2 * t + 1], MentionKind.Proper, GenderCode.Unknown);
      continue;
    }
    if (!anyLower && !isUpper(text.charCodeAt(tok[2 * t]))) continue;
    let node = root;
    let last = -1;
    for (let u = t; u < nTok && kinds[u] === TokenKind.Word && !cx.inHeading[u]; u++) {
      if (u > t && (!adjacent(u - 1, u) || cut(u - 1) !== tok[2 * u - 1])) break;
      const s = tok[2 * u];
      const e = cut(u);
      const w = trieWord(text.slice(s, e));
      const child = node.next.get(w);
      if (!child) break;
      const need = node.wordCase.get(w)!;
      const c0 = text.charCodeAt(s);
      if (need === Case.Upper && !isUpper(c0)) break;
      // Shouting or a dropped capital (`ANNE was`): a name only when the text uses the word as one.
      if (isUpper(c0) && allCaps(text, s, e) && !nameByUse(text.slice(s, e).toLowerCase())) break;
      node = child;
      if (node.end) last = u;
    }
    if (last < 0) continue;
    const s = tok[2 * t];
    const e = cut(last);
    const c0 = text.charCodeAt(s);
    const single = last === t;
    if (single && isUpper(c0)) {
      const lw = text.slice(s, e).toLowerCase();
      // `Will you…` opening a sentence is the verb when the text writes `will` in lower case as often;
      // a listed `Nanny` or `Mother` opening one is the name (the common noun would need `the`).
      if (cx.initial[t] && !nameByUse(lw) && !listedLower(root, text.slice(s, e)) && !PERSON_NOUNS.has(lw)) continue;
    }
    if (capitalisedNeighbour(t, -1) || capitalisedNeighbour(last, 1)) continue;
    const before = t > 0 && kinds[t - 1] === TokenKind.Word && adjacent(t - 1, t) ? text.slice(tok[2 * t - 2], tok[2 * t - 1]).toLowerCase() : '';
    // `a nanny`, `my mum`: a description of someone, not the listed name.
    if (NOMINAL_DETERMINERS.has(before)) continue;
    // `on Sunday`, `every June`: a listed name that is also a day or month is the date after a word of
    // time (a month not after `on`: `counted on June` is someone).
    if (single && isDate(trieWord(text.slice(s, e)), before)) continue;
    // Mentions already there: keep them, unless they are proper names wholly inside this longer one.
    let blocked = false;
    const inside: number[] = [];
    for (let u = t; u <= last && !blocked; u++) {
      const i = covered[u];
      if (i < 0 || inside.includes(i)) continue;
      if (kindList[i] === MentionKind.Proper && starts.get(i) >= s && ends.get(i) <= e && ends.get(i) - starts.get(i) < e - s) inside.push(i);
      else blocked = true;
    }
    if (blocked) {
      t = last;
      continue;
    }
    for (const i of inside) replaced.add(i);
    const title = HONORIFICS.get(trieWord(text.slice(s, cut(t))));
    push(s, e, MentionKind.Proper, !single && title !== undefined ? title : GenderCode.Unknown);
    t = last;
  }
  return replaced;
}

/** The list writes this one word in lower case (so the user calls someone `bub`, and a capitalised `Bub` opening a sentence is that too). */
function listedLower(root: TrieNode, word: string): boolean {
  return root.wordCase.get(trieWord(word)) === Case.Any && root.next.get(trieWord(word))!.end;
}
