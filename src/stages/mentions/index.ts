/**
 * Mentions: proper names (with honorifics), descriptive person mentions (`the old man`, `her sister`),
 * third-person pronouns, and the narrator's first person outside quotes.
 *
 * One pass over the tokens with Set/Map lookups on lower-cased words. A capitalised word opening a
 * sentence is a name only when the document does not also use it in lower case more often than
 * capitalised mid-sentence (`Poor Harriet` → `Harriet`; `Will you…` → nothing). Possessive 's is
 * left out of the span (`Emma's` → `Emma`). Output is in text order; when two mentions start at
 * the same offset (`her sister` and `her`) the longer comes first. With a given cast, its listed names
 * are mentions wherever they occur, where these rules pass them by (given-names.ts).
 */
import { Document, GenderCode, IntList, MentionKind, ParagraphKind, TokenKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions, CastCharacter } from '../../types.js';
import { HONORIFICS, RANK_WORDS } from '../../lang/en/honorifics.js';
import { THIRD_PERSON, NOMINAL_DETERMINERS } from '../../lang/en/pronouns.js';
import { PERSON_NOUNS, PERSON_ADJECTIVES, personNounShape } from '../../lang/en/person-nouns.js';
import { COMMON_CAPITALIZED, PLACE_SUFFIXES } from '../../lang/en/common-capitalized.js';
import { SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import { INVERTED_TAG_VERBS, PERSON_VERBS } from '../../lang/en/person-verbs.js';
import { PREPOSITIONS } from '../../lang/en/prepositions.js';
import { ADDRESS_WORDS } from '../../lang/en/address-words.js';
import { firstNameGender } from '../../lang/en/first-names.js';

/** Words of endearment that serve as a character's name when capitalised (`said Baby`). */
const PET_NAMES: ReadonlySet<string> = new Set(['baby', 'babe', 'sonny', 'missy', 'kiddo', 'bub', 'sugar', 'honey']);

/** Role words some texts use as a name in lower case (`said nanny`), when they never take a determiner. */
const ROLE_NAMES: ReadonlySet<string> = new Set(['nanny', 'nurse', 'cook', 'granny', 'grandma', 'grandpa', 'nana', 'mummy', 'daddy', 'mum', 'dad', 'mama', 'papa', 'mamma', 'auntie', 'matron']);

/** A subject pronoun with a contracted verb (`she’s`, `he'd`, `they’ll`): the pronoun is the mention. */
const CONTRACTED_PRONOUN = /^(he|she|they)['\u2019](?:s|d|ll|re|ve)$/;
import { quotedRegions, RegionCursor } from './quote-spans.js';
import { addGivenNames } from './given-names.js';
import { allCaps, isLower, isUpper, nameGap } from './letters.js';

export { quotedRegions, RegionCursor } from './quote-spans.js';

const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'le', 'la', "d'", 'st.']);
/** Family words that stand for a name when capitalised (`Grandmother`, `Papa`), with their gender. */
const KIN_NAMES: ReadonlyMap<string, number> = new Map([
  ['grandmother', GenderCode.She], ['grandma', GenderCode.She], ['granny', GenderCode.She], ['grandfather', GenderCode.He],
  ['grandpa', GenderCode.He], ['mother', GenderCode.She], ['mamma', GenderCode.She], ['mama', GenderCode.She], ['mum', GenderCode.She],
  ['mom', GenderCode.She], ['father', GenderCode.He], ['papa', GenderCode.He], ['dad', GenderCode.He], ['daddy', GenderCode.He],
  ['mummy', GenderCode.She], ['mommy', GenderCode.She],
]);
const FIRST_PERSON_LOWER: ReadonlySet<string> = new Set(['me', 'my', 'mine', 'myself']);
/** The protagonist of a second-person story (reader-insert fan fiction: `you say`, `You roll your eyes.`). */
const SECOND_PERSON: ReadonlySet<string> = new Set([
  'you', 'your', 'yours', 'yourself', "you're", "you'd", "you've", "you'll", 'you\u2019re', 'you\u2019d', 'you\u2019ve', 'you\u2019ll',
]);
/** Verbs of speech right after a narration `you` (`you say`, `you asked`): the story's protagonist talks. */
const YOU_SPEAK = /^(?:say|says|said|ask|asked|reply|replied|answer|answered|whisper|whispered|mutter|muttered|murmur|murmured|shout|shouted|call|called|tell|told|admit|admitted|laugh|laughed|snap|snapped|sigh|sighed|add|added|manage|managed|offer|offered|point|pointed|protest|protested|insist|insisted|mumble|mumbled|counter|countered|tease|teased|groan|groaned|hiss|hissed)$/;

/**
 * Per family word (`mom`, `grandma`): how often it opens a sentence of the narration, capitalised,
 * with a verb next (`Mom stood at the sink.`, `Mom said`, `Mom didn't look up`): the word used as a name.
 */
function kinWordSubjects(doc: Document, nTok: number, kinds: Uint8Array, initial: Uint8Array, inHeading: Uint8Array, regions: ReturnType<typeof quotedRegions>): Map<string, number> {
  const text = doc.text;
  const tok = doc.tokens;
  const quotes = new RegionCursor(regions);
  const out = new Map<string, number>();
  for (let t = 0; t + 1 < nTok; t++) {
    if (!initial[t] || inHeading[t] || kinds[t] !== TokenKind.Word || !isUpper(text.charCodeAt(tok[2 * t]))) continue;
    const w = text.slice(tok[2 * t], tok[2 * t + 1]).toLowerCase();
    if (!KIN_NAMES.has(w) || quotes.inside(tok[2 * t]) || kinds[t + 1] !== TokenKind.Word || !isLower(text.charCodeAt(tok[2 * t + 2]))) continue;
    // `Mom came out`, `Mom is tired`, `Mom didn't look up`: a verb next, not a conjunction or a noun
    // it qualifies (`Mother and cub`, `Mother love`, `Mother bears`).
    const next = text.slice(tok[2 * t + 2], tok[2 * t + 3]);
    if (!next.endsWith('ed') && !IRREGULAR_PAST.has(next) && !PERSON_VERBS.has(next) && !AUXILIARIES.has(next.replace(/['\u2019]t$/, ''))) continue;
    out.set(w, (out.get(w) ?? 0) + 1);
  }
  return out;
}

/** Months that are also first names (`June came out of the bathroom`). */
const NAME_MONTHS: ReadonlySet<string> = new Set(['april', 'june', 'august']);
/** Words before a month that make it a date (`in June`, `last August`). */
const DATE_WORDS: ReadonlySet<string> = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'last', 'next', 'this', 'that', 'every', 'each', 'early', 'late', 'mid', 'through', 'during', 'one', 'the', 'around']);
/** Verbs that time does and people rarely do (`June passed`, `August dragged on`): no sign of a person. */
const TIME_VERBS: ReadonlySet<string> = new Set(['passed', 'ended', 'dragged', 'wore', 'faded', 'dawned', 'neared', 'rolled', 'lingered', 'was', 'had', 'seemed', 'is', 'has', 'burned', 'blazed']);
/** Common past-tense verbs that are not `-ed` words, after a subject (`June came out`). */
const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'said', 'came', 'went', 'sat', 'stood', 'took', 'made', 'got', 'put', 'ran', 'felt', 'thought', 'knew', 'saw', 'told',
  'shook', 'gave', 'held', 'kept', 'let', 'left', 'began', 'threw', 'drew', 'bit', 'hit', 'caught', 'brought', 'found', 'grinned',
  'spoke', 'wrote', 'woke', 'rose', 'swore', 'sank', 'slid', 'lay', 'leant', 'meant', 'says', 'asks',
]);
/** Words after a name that show it a subject as auxiliaries (`Mom is tired`, `Mom didn't look up`). */
const AUXILIARIES: ReadonlySet<string> = new Set(['is', 'was', 'had', 'has', 'would', 'could', 'did', 'does', "didn", 'wasn', 'isn', 'will', 'can']);
const MonthUse = { Other: 0, Date: 1, Person: 2, Called: 3 } as const;

/**
 * How a month word at token t is used: a date after a word of time or before a number (`in June`,
 * `June 5`), a person as a clause's subject with its verb next (`June snorted`, `June came out`), in a
 * tag (`said June`) or called in a line (`"June," Odette said`, `Thanks, June.`).
 */
function monthUse(doc: Document, t: number, kinds: Uint8Array): number {
  const text = doc.text;
  const tok = doc.tokens;
  const word = (k: number): string => (k >= 0 && k < doc.tokenCount && kinds[k] === TokenKind.Word ? text.slice(tok[2 * k], tok[2 * k + 1]) : '');
  const before = word(t - 1).toLowerCase();
  const after = word(t + 1);
  // A tag or a call first: `said June`, `"June," she said`, `'Leave it, June.'`.
  if (before === 'said' || before === 'asked' || before === 'replied') return MonthUse.Called;
  const prevChar = text.slice(Math.max(0, tok[2 * t] - 2), tok[2 * t]);
  const nextChar = text.charAt(tok[2 * t + 1]);
  if (/["'\u201c\u2018]$/.test(prevChar) && nextChar === ',') return MonthUse.Called;
  if (/,\s?$/.test(prevChar) && /[.?!]/.test(nextChar) && /^\s*["'\u201d\u2019]/.test(text.slice(tok[2 * t + 1] + 1, tok[2 * t + 1] + 3))) return MonthUse.Called;
  // A subject with its verb next (`since June left` is hers: the verb decides before a date word).
  if (/^\p{Ll}/u.test(after) && !TIME_VERBS.has(after) && (after.endsWith('ed') || IRREGULAR_PAST.has(after) || (after.length > 3 && after.endsWith('s') && PERSON_VERBS.has(after)))) return MonthUse.Person;
  // `June of last year`, `June of 1979` (not `accuse June of soup crimes`).
  const ofYear = after === 'of' && t + 2 < doc.tokenCount && /^(?:last|this|next|that|\d)/.test(text.slice(tok[2 * t + 4], tok[2 * t + 5]));
  if (DATE_WORDS.has(before) || ofYear || /^\s*\d/.test(text.slice(tok[2 * t + 1], tok[2 * t + 1] + 4))) return MonthUse.Date;
  return MonthUse.Other;
}

/** The months that name someone in this text: used as a person twice, and at least as often as a date or once in a tag or call. */
function monthsNamingPeople(doc: Document, nTok: number, kinds: Uint8Array): Set<string> {
  const text = doc.text;
  const tok = doc.tokens;
  const counts = new Map<string, [number, number, number]>();
  for (let t = 0; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word || tok[2 * t + 1] - tok[2 * t] > 8 || !isUpper(text.charCodeAt(tok[2 * t]))) continue;
    const lw = text.slice(tok[2 * t], possessiveCut(text, tok[2 * t], tok[2 * t + 1])).toLowerCase();
    if (!NAME_MONTHS.has(lw)) continue;
    const use = monthUse(doc, t, kinds);
    const c = counts.get(lw) ?? counts.set(lw, [0, 0, 0]).get(lw)!;
    if (use === MonthUse.Date) c[0]++;
    else if (use === MonthUse.Person) c[1]++;
    else if (use === MonthUse.Called) c[2]++;
  }
  const out = new Set<string>();
  // Each use keeps its own reading (a date stays a date); a tag or a call vouches for a name however many dates there are.
  for (const [w, [date, person, called]] of counts) if (person + called >= 2 && (called > 0 || person >= date)) out.add(w);
  return out;
}

/**
 * Is the story told in the second person? It has dialogue (two quotes or more); its narration
 * (outside quotes and headings) says `you` at least five times, a quarter as often as he/she/they
 * and more than four times as often as `I`; and its `you` speaks (`you say`, `you asked`) at least
 * once, or it says `you` at least twelve times and 0.6 times as often as he/she/they. Then that `you` is the
 * protagonist, read as the narrator's person. A third-person text's free indirect `you` (`You never
 * knew with Marcus.`), a letter to `you`, a first-person narrator's aside, or dialogue without quote
 * marks (whose `you`s all look like narration) fails one of these.
 */
function secondPersonNarration(doc: Document, nTok: number, kinds: Uint8Array, inHeading: Uint8Array, regions: ReturnType<typeof quotedRegions>): boolean {
  if (doc.quoteCount < 2) return false;
  const text = doc.text;
  const tok = doc.tokens;
  const quotes = new RegionCursor(regions);
  let you = 0;
  let speaks = 0;
  let first = 0;
  let third = 0;
  for (let t = 0; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word || inHeading[t]) continue;
    const s = tok[2 * t];
    const e = tok[2 * t + 1];
    const c = text.charCodeAt(s) | 32;
    // Only words that can be pronouns: y(ou), i, m(e, y), h(e, im, is, er), s(he), t(hey, hem, heir).
    if (e - s > 8 || (c !== 121 && c !== 105 && c !== 109 && c !== 104 && c !== 115 && c !== 116) || quotes.inside(s)) continue;
    const w = text.slice(s, e).toLowerCase();
    if (SECOND_PERSON.has(w)) {
      you++;
      if (w === 'you' && t + 1 < nTok && kinds[t + 1] === TokenKind.Word && YOU_SPEAK.test(text.slice(tok[2 * t + 2], tok[2 * t + 3]).toLowerCase())) speaks++;
    } else if (w === 'i' || FIRST_PERSON_LOWER.has(w)) first++;
    else if (THIRD_PERSON.has(w)) third++;
  }
  return you >= SECOND_PERSON_MIN && you >= 0.25 * third && you > 4 * first && (speaks >= 1 || (you >= 12 && you >= 0.6 * third));
}
/** Fewest narration `you`s for a second-person story, as for a first-person narrator (a drabble has them). */
const SECOND_PERSON_MIN = 5;
const MAX_NAME_WORDS = 4;

function isApos(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Length of the word without a possessive 's / ’s (0 when the token is not possessive). */
function possessiveCut(text: string, s: number, e: number): number {
  if (e - s > 2 && (text.charCodeAt(e - 1) === 115 || text.charCodeAt(e - 1) === 83) && isApos(text.charCodeAt(e - 2))) return e - 2;
  return e;
}


function stripPeriod(lw: string): string {
  return lw.charCodeAt(lw.length - 1) === 46 ? lw.slice(0, -1) : lw;
}

export function findMentions(doc: Document, options: AnalyzeOptions): void {
  const text = doc.text;
  const tok = doc.tokens;
  const kinds = doc.tokenKinds;
  const nTok = tok.length >> 1;

  // Sentence-initial tokens: the first word of a sentence, or a word right after a quote mark or terminal punctuation.
  const initial = new Uint8Array(nTok);
  const sen = doc.sentences;
  for (let s = 0; s < sen.length; s += 4) {
    for (let t = sen[s + 2]; t < sen[s + 3]; t++) {
      if (kinds[t] === TokenKind.Word) {
        initial[t] = 1;
        break;
      }
    }
  }
  for (let t = 1; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word) continue;
    const pk = kinds[t - 1];
    if (pk === TokenKind.QuoteMark) initial[t] = 1;
    else if (pk === TokenKind.Punct) {
      const c = text.charCodeAt(tok[2 * t - 1] - 1);
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026) initial[t] = 1;
    }
  }
  if (nTok > 0 && kinds[0] === TokenKind.Word) initial[0] = 1;

  // Heading tokens are skipped.
  const inHeading = new Uint8Array(nTok);
  {
    const par = doc.paragraphs;
    const pk = doc.paragraphKinds;
    let t = 0;
    for (let p = 0, pi = 0; p < par.length; p += 2, pi++) {
      while (t < nTok && tok[2 * t] < par[p]) t++;
      const skip = pk.length > pi && pk[pi] !== ParagraphKind.Text;
      while (t < nTok && tok[2 * t] < par[p + 1]) {
        if (skip) inHeading[t] = 1;
        t++;
      }
    }
  }

  // Document-level case counts: lower-case uses vs capitalised uses in mid-sentence.
  const lowerCount = new Map<string, number>();
  /** Lower-case uses opening a sentence or a line (`"wren. WREN."` typed in a text): informal, no common word shown. */
  const lowerInitialCount = new Map<string, number>();
  /** Lower-case words opening a line that opens its paragraph (`"tess i am DYING"`, a text typed so). */
  const lowerLineOpenCount = new Map<string, number>();
  const opensLine = (t: number): boolean => {
    if (t === 0 || kinds[t - 1] !== TokenKind.QuoteMark) return false;
    let k = tok[2 * t - 2] - 1;
    while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
    return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13;
  };
  /** Lower-case role words (`nanny`): [uses without a determiner, uses with one]. */
  const roleUses = new Map<string, [number, number]>();
  const capMidCount = new Map<string, number>();
  /** Capitalised mid-sentence uses that start a name (no capitalised word before them). */
  const capStartCount = new Map<string, number>();
  /** Capitalised uses at a sentence start. */
  const capInitialCount = new Map<string, number>();
  for (let t = 0; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word) continue;
    const s = tok[2 * t];
    const c = text.charCodeAt(s);
    if (isLower(c)) {
      const w = text.slice(s, tok[2 * t + 1]);
      lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
      if (initial[t]) {
        lowerInitialCount.set(w, (lowerInitialCount.get(w) ?? 0) + 1);
        if (opensLine(t)) lowerLineOpenCount.set(w, (lowerLineOpenCount.get(w) ?? 0) + 1);
      }
      if (ROLE_NAMES.has(w)) {
        const prev = t > 0 && kinds[t - 1] === TokenKind.Word ? text.slice(tok[2 * t - 2], tok[2 * t - 1]).toLowerCase() : '';
        const counts = roleUses.get(w) ?? roleUses.set(w, [0, 0]).get(w)!;
        counts[NOMINAL_DETERMINERS.has(prev) || /['’]s$/.test(prev) || PERSON_ADJECTIVES.has(prev) ? 1 : 0]++;
      }
    } else if (isUpper(c) && !initial[t] && !inHeading[t]) {
      const w = text.slice(s, possessiveCut(text, s, tok[2 * t + 1])).toLowerCase();
      capMidCount.set(w, (capMidCount.get(w) ?? 0) + 1);
      if (!(t > 0 && kinds[t - 1] === TokenKind.Word && isUpper(text.charCodeAt(tok[2 * t - 2])))) {
        capStartCount.set(w, (capStartCount.get(w) ?? 0) + 1);
      }
    } else if (isUpper(c) && !inHeading[t]) {
      const w = text.slice(s, possessiveCut(text, s, tok[2 * t + 1])).toLowerCase();
      capInitialCount.set(w, (capInitialCount.get(w) ?? 0) + 1);
    }
  }

  const personMonths = monthsNamingPeople(doc, nTok, kinds);
  const regions = quotedRegions(doc);
  const secondPerson = secondPersonNarration(doc, nTok, kinds, inHeading, regions);
  const kinSubjects = kinWordSubjects(doc, nTok, kinds, initial, inHeading, regions);
  doc.secondPersonNarration = secondPerson;

  /** Token t is a sentence of one word opening a quote: a quote mark before it, `.` `?` `!` right after. */
  const oneWordOpening = (t: number): boolean => {
    if (t === 0 || kinds[t - 1] !== TokenKind.QuoteMark || t + 1 >= nTok) return false;
    const c = text.charCodeAt(tok[2 * t + 2]);
    return tok[2 * t + 2] === tok[2 * t + 1] && (c === 46 || c === 33 || c === 63);
  };
  const isNameWord = (t: number): boolean => {
    if (t >= nTok || kinds[t] !== TokenKind.Word || inHeading[t]) return false;
    const s = tok[2 * t];
    const e = tok[2 * t + 1];
    if (!isUpper(text.charCodeAt(s))) return false;
    if (allCaps(text, s, e) && !(e - s === 2 && text.charCodeAt(e - 1) === 46)) return false;
    const lw = text.slice(s, possessiveCut(text, s, e)).toLowerCase();
    if (COMMON_CAPITALIZED.has(lw) || COMMON_CAPITALIZED.has(lw.replace(/\u2019/g, "'"))) {
      if (!personMonths.has(lw) || monthUse(doc, t, kinds) === MonthUse.Date) return false;
    }
    if (initial[t]) {
      // At a sentence start only words also capitalised mid-sentence, and more often than written lower
      // case (a known first name typed in lower case opening a text, `"tess i am DYING"`, says nothing
      // of `Tess.`; a word like `"traffic??"` still does).
      const lower = (lowerCount.get(lw) ?? 0) - (firstNameGender(lw) !== undefined ? (lowerLineOpenCount.get(lw) ?? 0) : 0);
      const mid = capMidCount.get(lw) ?? 0;
      if (lower > 0 && lower >= mid) return false;
      // Never seen elsewhere: an adverb opening the sentence (`Unluckily`) is not a name.
      if (mid === 0 && lw.length > 4 && lw.endsWith('ly')) return false;
      // Nor a participle (`Arriving at the gate, …`) or a hyphenated greeting (`Good-evening`).
      if (mid === 0 && lw.length > 5 && lw.endsWith('ing')) return false;
      if (mid === 0 && lw.includes('-') && COMMON_CAPITALIZED.has(lw.slice(0, lw.indexOf('-')))) return false;
      // Nor a word said once as a line's first sentence and never written anywhere else (`"Fuel. Or
      // the lack of it."`, `"Coffee?"`): a name called like that (`"Mum."`, `"Henry!"`) is a known
      // first name or word of address, or turns up again.
      if (mid === 0 && lower === 0 && (capInitialCount.get(lw) ?? 0) === 1 && oneWordOpening(t) && firstNameGender(lw) === undefined && !ADDRESS_WORDS.has(lw)) return false;
    }
    return true;
  };
  /** Next name word may continue a sequence (capitalised, not a common word; sentence position ignored). */
  const continuesName = (t: number): boolean => {
    if (t >= nTok || kinds[t] !== TokenKind.Word || inHeading[t]) return false;
    const s = tok[2 * t];
    const e = tok[2 * t + 1];
    if (!isUpper(text.charCodeAt(s))) return false;
    if (allCaps(text, s, e) && !(e - s === 2 && text.charCodeAt(e - 1) === 46)) return false;
    const lw = text.slice(s, possessiveCut(text, s, e)).toLowerCase();
    if ((COMMON_CAPITALIZED.has(lw) && !personMonths.has(lw)) || HONORIFICS.has(stripPeriod(lw))) return false;
    // `I told Sam I'd wear it`: the first person with a verb, not a surname.
    if (/^i['\u2019]/.test(lw)) return false;
    // Title Case headings glued to a name: `Miss Lucy Honeychurch Drive Out`.
    const lower = lowerCount.get(lw) ?? 0;
    if (lower > 0 && lower > 2 * (capMidCount.get(lw) ?? 0)) return false;
    return true;
  };
  const isPossessive = (t: number): boolean => possessiveCut(text, tok[2 * t], tok[2 * t + 1]) !== tok[2 * t + 1];
  /**
   * The title closing a run of rank words after token t (`Detective Chief Inspector`: `Inspector`),
   * capitalised and adjacent, or -1: none, or no rank word in the run (`Mr. Senior`, `Detective Sergeant`).
   */
  const titleAfterRanks = (t: number): number => {
    let ranks = RANK_WORDS.has(stripPeriod(text.slice(tok[2 * t], tok[2 * t + 1]).toLowerCase())) ? 1 : 0;
    for (let k = t + 1; k < nTok && adjacent(k - 1, k) && kinds[k] === TokenKind.Word && isUpper(text.charCodeAt(tok[2 * k])); k++) {
      const w = stripPeriod(text.slice(tok[2 * k], tok[2 * k + 1]).toLowerCase());
      if (HONORIFICS.has(w)) return ranks > 0 ? k : -1;
      if (!RANK_WORDS.has(w)) return -1;
      ranks++;
    }
    return -1;
  };
  /** Tokens a and b are one run of a name (a title line `The Backseat` is no first name of `Rosa`). */
  const adjacent = (a: number, b: number): boolean => nameGap(doc, tok[2 * a + 1], tok[2 * b]);

  /** Extend a name from token `t` (already accepted); returns the last token of the name. */
  const extendName = (t: number): number => {
    let last = t;
    let words = 1;
    while (words < MAX_NAME_WORDS && !isPossessive(last)) {
      let n = last + 1;
      if (n >= nTok || !adjacent(last, n)) break;
      if (kinds[n] === TokenKind.Word && isUpper(text.charCodeAt(tok[2 * n])) && PLACE_SUFFIXES.has(text.slice(tok[2 * n], possessiveCut(text, tok[2 * n], tok[2 * n + 1])).toLowerCase())) {
        // Harley Street, Brampton Hall: the suffix ends the sequence (and makes it a place).
        last = n;
        break;
      }
      if (kinds[n] === TokenKind.Word && continuesName(n)) {
        last = n;
        words++;
        continue;
      }
      // particle + capitalised word: Ludwig van Beethoven
      if (kinds[n] === TokenKind.Word && n + 1 < nTok && NAME_PARTICLES.has(text.slice(tok[2 * n], tok[2 * n + 1]).toLowerCase()) && adjacent(n, n + 1) && continuesName(n + 1)) {
        last = n + 1;
        words += 2;
        continue;
      }
      break;
    }
    return last;
  };

  const starts = new IntList(4096);
  const ends = new IntList(4096);
  const kindList: number[] = [];
  const genderList: number[] = [];
  const push = (s: number, e: number, kind: number, gender: number): void => {
    starts.push(s);
    ends.push(e);
    kindList.push(kind);
    genderList.push(gender);
  };

  const quotes = new RegionCursor(regions);
  // Chat and script labels (`Dessa: well????`, `JOHN: Where were you?`) are names, capitalised or not.
  const labelEnd = new Map<number, number>();
  const labels = doc.speakerLabels;
  for (let k = 0; k < labels.length; k += 4) labelEnd.set(labels[k], labels[k + 1]);

  for (let t = 0; t < nTok; t++) {
    if (kinds[t] !== TokenKind.Word || inHeading[t]) continue;
    const s = tok[2 * t];
    const e = tok[2 * t + 1];
    const le = labelEnd.get(s);
    if (le !== undefined) {
      // `Me: where are you`: the narrator's own line.
      const me = le - s === 2 && text.slice(s, le).toLowerCase() === 'me';
      push(s, le, me ? MentionKind.FirstPerson : MentionKind.Proper, GenderCode.Unknown);
      while (t + 1 < nTok && tok[2 * t + 2] < le) t++;
      continue;
    }
    const c0 = text.charCodeAt(s);
    const inQuote = quotes.inside(s);
    const lw = text.slice(s, e).toLowerCase();
    // `Y/N` (`(y/n)`, `Y/N's`): reader-insert fan fiction's placeholder for the reader's name; a bare
    // lower-case `y/n` only in a second-person story (elsewhere it may be yes/no). `Y/N.` may come
    // as `N.` (an initial with its period) and `Y/N's` as `N's`: the mention is the three characters.
    if (
      lw === 'y' && t + 2 < nTok && tok[2 * t + 2] === e && text.charCodeAt(e) === 47 && tok[2 * t + 4] === e + 1 &&
      /^n(?:\.|['\u2019]s)?$/i.test(text.slice(e + 1, tok[2 * t + 5])) &&
      (c0 === 89 || secondPerson || text.charCodeAt(s - 1) === 40 || text.charCodeAt(s - 1) === 91)
    ) {
      push(s, e + 2, MentionKind.Proper, GenderCode.Unknown);
      t += 2;
      continue;
    }
    // A role word the text only ever uses bare (`said nanny`, `when nanny had gone`) is a name.
    if (ROLE_NAMES.has(lw) && isLower(c0)) {
      const uses = roleUses.get(lw);
      if (uses && uses[1] === 0 && uses[0] >= 3) {
        push(s, e, MentionKind.Proper, PERSON_NOUNS.get(lw) ?? GenderCode.Unknown);
        continue;
      }
    }
    // A contracted subject pronoun (`she’s saying`, `He’d laughed`): the pronoun alone is the mention.
    const contracted = CONTRACTED_PRONOUN.exec(lw);
    if (contracted) {
      push(s, s + contracted[1].length, MentionKind.Pronoun, THIRD_PERSON.get(contracted[1])!);
      continue;
    }

    if (isUpper(c0)) {
      // Honorific + name: Mr. Knightley, Lady Russell, Captain Wentworth, Aunt Polly.
      const hon = HONORIFICS.get(stripPeriod(lw));
      // A title of several words (`Detective Chief Inspector Okafor`, `Assistant Chief Constable
      // Hume`): one mention from its first word, the name after the last title, which gives the sex
      // (`Chief` is no name of hers). Only when a title follows the rank words: `Mr. Senior` is Mr. Senior.
      const lastTitle = hon !== undefined || RANK_WORDS.has(lw) ? titleAfterRanks(t) : -1;
      if (lastTitle >= 0) {
        const k = lastTitle;
        if (k + 1 < nTok && adjacent(k, k + 1) && !isPossessive(k) && continuesName(k + 1)) {
          const last = extendName(k + 1);
          push(s, possessiveCut(text, tok[2 * last], tok[2 * last + 1]), MentionKind.Proper, HONORIFICS.get(stripPeriod(text.slice(tok[2 * k], tok[2 * k + 1]).toLowerCase()))!);
          t = last;
        }
        continue;
      }
      // `Professor de Worms`, `Marquis de Griers`: a particle between the title and the name.
      const particle =
        hon !== undefined && t + 2 < nTok && kinds[t + 1] === TokenKind.Word && NAME_PARTICLES.has(text.slice(tok[2 * t + 2], tok[2 * t + 3]).toLowerCase()) &&
        adjacent(t, t + 1) && adjacent(t + 1, t + 2) && continuesName(t + 2);
      if (hon !== undefined && !isPossessive(t) && t + 1 < nTok && adjacent(t, t + 1) && (particle || continuesName(t + 1))) {
        const last = extendName(particle ? t + 2 : t + 1);
        const lastEnd = tok[2 * last + 1];
        const lastWord = text.slice(tok[2 * last], lastEnd).toLowerCase();
        if (!PLACE_SUFFIXES.has(lastWord)) {
          push(s, possessiveCut(text, tok[2 * last], lastEnd), MentionKind.Proper, hon);
        }
        t = last;
        continue;
      }
      // A family word used as a name: `Grandmother said`, `"Yes, Mother."` (capitalised mid-sentence
      // elsewhere too, no determiner before it).
      // So is a pet name written that way (`said Baby`).
      const bareWord = possessiveCut(text, s, e) === e ? lw : lw.slice(0, -2);
      const kin = KIN_NAMES.get(bareWord) ?? (PET_NAMES.has(bareWord) ? GenderCode.Unknown : undefined);
      // Written as a name twice mid-sentence, or standing alone as a sentence of the narration (`My
      // phone buzzes. Mum. I answer it.`: who is calling).
      const alone = initial[t] && !inQuote && t + 1 < nTok && /^[.!?]$/.test(text.slice(tok[2 * t + 2], tok[2 * t + 3])) && tok[2 * t + 2] === e;
      // Or opening narration sentences as their subject, as a name does (`Mom stood at the sink.`),
      // three times or more: a close third person's `Mom`.
      const kinKey = lw.replace(/['’]s$/, '');
      if (kin !== undefined && ((capMidCount.get(kinKey) ?? 0) >= 2 || (kinSubjects.get(kinKey) ?? 0) >= 3 || alone)) {
        const pw = t > 0 && kinds[t - 1] === TokenKind.Word ? text.slice(tok[2 * t - 2], tok[2 * t - 1]).toLowerCase() : '';
        if (!NOMINAL_DETERMINERS.has(pw)) {
          push(s, possessiveCut(text, s, e), MentionKind.Proper, kin);
          continue;
        }
      }
      // `From a Leonardo she had become a living woman`: a name after `a` or `an` is a thing of the
      // kind (a painting, one of a family), not someone in the story.
      const indefinite = t > 0 && kinds[t - 1] === TokenKind.Word && adjacent(t - 1, t) && /^an?$/.test(text.slice(tok[2 * t - 2], tok[2 * t - 1]));
      if (indefinite && hon === undefined && stripPeriod(lw).length > 1 && !PERSON_NOUNS.has(lw) && isNameWord(t)) {
        // A description, the whole run with its article (`a Quaker`, `a Henley Regatta` leaves no `Regatta`).
        const last = extendName(t);
        push(tok[2 * t - 2], possessiveCut(text, tok[2 * last], tok[2 * last + 1]), MentionKind.Nominal, GenderCode.Unknown);
        t = last;
        continue;
      }
      if (hon === undefined && !PERSON_NOUNS.has(lw) && isNameWord(t)) {
        // `Hitherto Gino`, `Lest Cecil`, `What'll Fagin`: a sentence opener never capitalised elsewhere,
        // before a known name, is not part of it. A known first name is (`Thomas Lynde`, `Ann Shirley`,
        // `Milt Dale`, with Lynde, Shirley, Dale said alone elsewhere).
        if (initial[t] && !capMidCount.has(lw) && t + 1 < nTok && adjacent(t, t + 1) && continuesName(t + 1)) {
          const nw = text.slice(tok[2 * (t + 1)], possessiveCut(text, tok[2 * (t + 1)], tok[2 * (t + 1) + 1])).toLowerCase();
          if ((capStartCount.get(nw) ?? 0) > 0 && !lowerCount.has(lw) && firstNameGender(lw) === undefined) continue;
        }
        const last = extendName(t);
        const lastEnd = tok[2 * last + 1];
        const lastWord = text.slice(tok[2 * last], possessiveCut(text, tok[2 * last], lastEnd)).toLowerCase();
        // A Title Case epithet: `the Iron Captain`, `the Red Witch` (a description, not a name).
        const h = last + 1;
        if (t > 0 && !isPossessive(last) && h < nTok && kinds[h] === TokenKind.Word && adjacent(last, h) && adjacent(t - 1, t) && isUpper(text.charCodeAt(tok[2 * h])) && text.slice(tok[2 * (t - 1)], tok[2 * t - 1]).toLowerCase() === 'the') {
          const hw = text.slice(tok[2 * h], possessiveCut(text, tok[2 * h], tok[2 * h + 1])).toLowerCase();
          const hg = PERSON_NOUNS.get(hw) ?? HONORIFICS.get(stripPeriod(hw)) ?? personNounShape(hw);
          if (hg !== undefined) {
            push(tok[2 * (t - 1)], possessiveCut(text, tok[2 * h], tok[2 * h + 1]), MentionKind.Nominal, hg);
            t = h;
            continue;
          }
        }
        if (!PLACE_SUFFIXES.has(lastWord)) {
          push(s, possessiveCut(text, tok[2 * last], lastEnd), MentionKind.Proper, GenderCode.Unknown);
        }
        t = last;
        continue;
      }
    }

    // Third-person pronouns (inside or outside quotes); contracted ones are taken above.
    const pg = THIRD_PERSON.get(lw);
    if (pg !== undefined) {
      push(s, e, MentionKind.Pronoun, pg);
      continue;
    }
    // The narrator's first person, outside quotes only.
    if (!inQuote) {
      if (c0 === 73 && (e - s === 1 || isApos(text.charCodeAt(s + 1)))) {
        push(s, s + 1, MentionKind.FirstPerson, GenderCode.Unknown);
        continue;
      }
      if (FIRST_PERSON_LOWER.has(lw) || (secondPerson && SECOND_PERSON.has(lw))) {
        push(s, e, MentionKind.FirstPerson, GenderCode.Unknown);
        continue;
      }
    }
    // `said the other`: in a speech tag, `the other` is the other one talking (not `the other day`).
    // So is `the other said` (`it was with diffidence that the other said:`, `"…," the other said.`),
    // with a tag verb in the past next (not `the other answers could wait`).
    if (lw === 'other' && t >= 1 && kinds[t - 1] === TokenKind.Word && adjacent(t - 1, t) && text.slice(tok[2 * t - 2], tok[2 * t - 1]).toLowerCase() === 'the') {
      const next = t + 1 < nTok && kinds[t + 1] === TokenKind.Word && adjacent(t, t + 1) ? text.slice(tok[2 * t + 2], tok[2 * t + 3]).toLowerCase() : '';
      const inverted =
        t >= 2 && kinds[t - 2] === TokenKind.Word && adjacent(t - 2, t - 1) && SPEECH_VERBS.has(text.slice(tok[2 * t - 4], tok[2 * t - 3]).toLowerCase()) &&
        !PERSON_NOUNS.has(next) && personNounShape(next) === undefined;
      if (inverted || INVERTED_TAG_VERBS.has(next)) {
        push(tok[2 * t - 2], e, MentionKind.Nominal, GenderCode.Unknown);
        continue;
      }
    }
    // Descriptive mentions: determiner (+ up to two adjectives) + person noun.
    const base = isPossessive(t) ? lw.slice(0, -2) : lw;
    // A capitalised title mid-sentence is a person too (`the Major growled`), though `major` alone is not.
    const ng = PERSON_NOUNS.get(base) ?? personNounShape(base) ?? (isUpper(c0) && !initial[t] ? HONORIFICS.get(stripPeriod(base)) : undefined);
    if (ng !== undefined) {
      let j = t - 1;
      let adjectives = 0;
      const headUpper = isUpper(c0);
      while (j >= 0 && adjectives < 2 && kinds[j] === TokenKind.Word && adjacent(j, j + 1)) {
        const aw = text.slice(tok[2 * j], tok[2 * j + 1]).toLowerCase();
        // A capitalised head is a title used as a name (`the bewildered Colonel`): any lower-case word before it describes.
        const describes = PERSON_ADJECTIVES.has(aw) || /^[a-z]+-(?:haired|eyed|faced|headed|skinned|bearded)$/.test(aw) || (headUpper && /^[a-z]{3,}$/.test(aw) && !NOMINAL_DETERMINERS.has(aw) && !PERSON_NOUNS.has(aw) && !SPEECH_VERBS.has(aw) && !PREPOSITIONS.has(aw));
        if (!describes) break;
        adjectives++;
        j--;
      }
      let pushed = false;
      if (j >= 0 && kinds[j] === TokenKind.Word && adjacent(j, j + 1)) {
        const dw = text.slice(tok[2 * j], tok[2 * j + 1]);
        const dlw = dw.toLowerCase();
        // `Daisy s mamma`: a text that lost its apostrophes leaves the possessive `s` a word alone.
        const lostApostrophe = dlw === 's' && j > 0 && kinds[j - 1] === TokenKind.Word && tok[2 * j - 1] + 1 === tok[2 * j] && isUpper(text.charCodeAt(tok[2 * j - 2]));
        if (NOMINAL_DETERMINERS.has(dlw) || (isUpper(dw.charCodeAt(0)) && isPossessive(j)) || lostApostrophe) {
          // A possessor's whole name opens the description (`Mr. Bumble's good lady`, not `Bumble's
          // good lady`): a tag reading it then finds the description first, not the name inside it.
          const possessorEnd = lostApostrophe ? tok[2 * j - 1] : isPossessive(j) ? possessiveCut(text, tok[2 * j], tok[2 * j + 1]) : -1;
          let from = tok[2 * j];
          let named = false;
          for (let k = starts.length - 1; possessorEnd >= 0 && k >= 0 && k >= starts.length - 3; k--) {
            if (ends.get(k) === possessorEnd && starts.get(k) <= from) {
              from = starts.get(k);
              named = true;
              break;
            }
          }
          // A lone `s` is a possessive only after a name (`Daisy s`).
          if (!lostApostrophe || named) {
            push(from, possessiveCut(text, s, e), MentionKind.Nominal, ng);
            pushed = true;
          }
        }
      }
      // A bare capitalised title right after a speech verb is a person called by it (`laughed
      // Mademoiselle`, `muttered Mlle.`).
      if (!pushed && headUpper && !PERSON_NOUNS.has(base) && t > 0 && kinds[t - 1] === TokenKind.Word && adjacent(t - 1, t) && SPEECH_VERBS.has(text.slice(tok[2 * t - 2], tok[2 * t - 1]).toLowerCase())) {
        push(s, possessiveCut(text, s, e), MentionKind.Proper, ng);
        pushed = true;
      }
      // Right after a speech verb any lower-case modifiers go (`said the logical girl`, `replied the
      // police inspector`): a tag names a person there.
      if (!pushed) {
        let d = t - 1;
        while (d >= 0 && t - d <= 3 && kinds[d] === TokenKind.Word && adjacent(d, d + 1) && /^[a-z][a-z-]*$/.test(text.slice(tok[2 * d], tok[2 * d + 1])) && !NOMINAL_DETERMINERS.has(text.slice(tok[2 * d], tok[2 * d + 1])) && !PREPOSITIONS.has(text.slice(tok[2 * d], tok[2 * d + 1]))) d--;
        if (
          d >= 1 && d < t - 1 && kinds[d] === TokenKind.Word && kinds[d - 1] === TokenKind.Word && adjacent(d - 1, d) && adjacent(d, d + 1) &&
          /^(?:the|a|an)$/i.test(text.slice(tok[2 * d], tok[2 * d + 1])) && SPEECH_VERBS.has(text.slice(tok[2 * d - 2], tok[2 * d - 1]).toLowerCase())
        ) {
          push(tok[2 * d], possessiveCut(text, s, e), MentionKind.Nominal, ng);
        }
      }
    }
  }

  // Descriptions a given cast lists as aliases (`the croupier`, `the gentleman in the white
  // waistcoat`) are mentions wherever they occur, even when their noun is not in our person lists.
  if (options.cast) addGivenDescriptions(doc, options.cast.characters, starts, ends, push);
  // The cast's names and aliases wherever they occur, even where our own name rules pass them by.
  const replaced = options.cast ? addGivenNames(doc, options.cast.characters, { initial, inHeading, lowerCount, lowerInitialCount, capMidCount }, starts, ends, kindList, push) : null;

  // Sort by start ascending, longer first on ties (nominals were pushed after their determiner pronoun).
  const n = kindList.length - (replaced?.size ?? 0);
  const order = new Int32Array(n);
  for (let i = 0, k = 0; i < kindList.length; i++) if (!replaced?.has(i)) order[k++] = i;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    const a = order[i - 1];
    const b = order[i];
    if (starts.get(b) < starts.get(a) || (starts.get(b) === starts.get(a) && ends.get(b) > ends.get(a))) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    const st = starts.toArray();
    const en = ends.toArray();
    order.sort((a, b) => st[a] - st[b] || en[b] - en[a]);
  }
  const mentions = new Int32Array(n * 3);
  const genders = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i];
    mentions[3 * i] = starts.get(k);
    mentions[3 * i + 1] = ends.get(k);
    mentions[3 * i + 2] = kindList[k];
    genders[i] = genderList[k];
  }
  doc.mentions = mentions;
  doc.mentionGenders = genders;
}

/**
 * Nominal mentions for the descriptive aliases of a given cast (`the/a/an` + words): every place the
 * text says `the` + the rest of the phrase (any case), unless a mention with that span exists. The cast
 * stage resolves them by their text.
 */
function addGivenDescriptions(
  doc: Document,
  cast: readonly CastCharacter[],
  starts: IntList,
  ends: IntList,
  push: (s: number, e: number, kind: number, gender: number) => void,
): void {
  // First word after the determiner → the word sequences that follow it.
  const phrases = new Map<string, string[][]>();
  for (const c of cast) {
    for (const name of [c.name, ...(c.aliases ?? [])]) {
      const words = name.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu);
      if (!words || words.length < 2 || words.length > 9 || !/^(the|a|an)$/.test(words[0])) continue;
      const rest = words.slice(1);
      const list = phrases.get(rest[0]) ?? [];
      if (!list.some((x) => x.join(' ') === rest.join(' '))) list.push(rest);
      phrases.set(rest[0], list);
    }
  }
  if (phrases.size === 0) return;
  const existing = new Set<string>();
  for (let i = 0; i < starts.length; i++) existing.add(`${starts.get(i)}:${ends.get(i)}`);
  const text = doc.text;
  const tok = doc.tokens;
  const nTok = tok.length >> 1;
  const word = (t: number) => text.slice(tok[2 * t], tok[2 * t + 1]).toLowerCase().replace(/’/g, "'");
  for (let t = 0; t + 1 < nTok; t++) {
    const det = word(t);
    if (det !== 'the' && det !== 'a' && det !== 'an') continue;
    const list = phrases.get(word(t + 1));
    if (!list) continue;
    let best = -1;
    for (const rest of list) {
      let ok = t + rest.length < nTok;
      for (let i = 0; ok && i < rest.length; i++) ok = word(t + 1 + i) === rest[i].replace(/’/g, "'");
      if (ok && rest.length > best) best = rest.length;
    }
    if (best < 0) continue;
    const s = tok[2 * t];
    const e = tok[2 * (t + best) + 1];
    if (!existing.has(`${s}:${e}`)) push(s, e, MentionKind.Nominal, GenderCode.Unknown);
  }
}

export const mentionsStage: Stage = {
  assigns: 'mentions',
  requires: ['tokens', 'sentences', 'quotes'],
  run: (doc, options) => findMentions(doc, options),
};
