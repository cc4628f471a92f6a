/**
 * Quotations: the spans of direct speech, and how they group into utterances.
 *
 * One pass over each paragraph's characters (char codes, no per-character objects). The document's
 * dialogue mark is decided first: double quotes (`"`, `“ ”`, `« »`) or single quotes (`'`, `‘ ’`, the
 * British style). In a double-quote text single marks are only ever nested quotes or apostrophes and
 * are ignored; in a single-quote text double marks are nested quotes inside a single-quoted span (and
 * still open a quote of their own outside one).
 *
 * Direction of a straight mark comes from its neighbours (space before + word after = opening; word or
 * punctuation before + space after = closing) with a toggle as the fallback. Single marks between two
 * letters are apostrophes (don't); a mark after a letter and before a space (the Joneses', nothin') is
 * only a tentative close, confirmed when nothing better closes the quote; leading elisions ('em, 'tis,
 * rock 'n' roll) never open a quote, except a lower-case one opening its paragraph before a clear
 * close (`'em too?' Jo asked.`).
 *
 * Chat and script lines (`Dessa: well????`, labels.ts) are lines of their own, quote marks or not.
 *
 * Recovery: a quote still open at the paragraph end closes there; when the next paragraph opens with a
 * quote mark the quote continues there (one utterance over several paragraphs), the usual convention
 * for long speeches. A paragraph whose first mark is a lone closing mark and whose start looks cut off
 * (it starts with a space, an apostrophe or a lower-case letter) gets a quote from its start to that mark.
 *
 * Utterances: consecutive spans in one paragraph are one utterance (a quote interrupted by its tag,
 * `"You came back," she said. "I never thought…"`) unless the narration between them is long and
 * itself names a new speaker turn (see `sameUtterance`).
 */
import { Document, IntList, ParagraphKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { findSpeakerLabels } from './labels.js';

const enum Dir {
  None = 0,
  Open = 1,
  Close = 2,
  /** Straight double mark with no clear direction: toggle. */
  Ambiguous = 3,
  /** A single mark after a letter and before a space/punctuation: a close or a trailing apostrophe. */
  WeakClose = 4,
}

const enum Kind {
  Double = 1,
  Single = 2,
}

const DQ = 34;
const SQ = 39;
const LDQ = 0x201c;
const RDQ = 0x201d;
const LSQ = 0x2018;
const RSQ = 0x2019;
const LAQ = 0xab; // «
const RAQ = 0xbb; // »
const LOW_DQ = 0x201e; // „ (opens, German style)

/** Elisions that start with an apostrophe and are never the start of a quotation. */
const ELISIONS: ReadonlySet<string> = new Set([
  'em', 'tis', 'twas', 'twere', 'twill', 'twould', 'twon', 'cause', 'cos', 'bout', 'nough', 'mongst', 'neath',
  'gainst', 'spose', 'prentice', 'specially', 'fore', 'im', 'ome', 'alf', 'ello', 'ud', 'uns', 'n', 's', 'd',
  'll', 've', 're', 't', 'm', 'ee', 'ard', 'appen', 'ouse', 'ave', 'ad', 'is', 'ere', 'er', 'ow', 'un',
]);

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c);
}
/** Whitespace, or no character at all (paragraph edge: c = -1). */
function isSpaceOrEdge(c: number): boolean {
  return c < 0 || c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 12;
}
function isOpenBracket(c: number): boolean {
  return c === 40 || c === 91 || c === 123;
}
/** Punctuation that ends a spoken clause: a mark after it and before a space closes a quote. */
function isClausePunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58 || c === 0x2026 || isDash(c);
}
/** Punctuation that follows a closing mark: `"word",` `"word".` */
function isTrailingPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58 || c === 41 || c === 93 || c === 0x2026;
}
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2012;
}
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Document-wide choices made before the scan. */
interface Conventions {
  /** Single marks carry dialogue (British style). */
  single: boolean;
  /** Guillemets point inward (»like this«, German) instead of «like this». */
  guillemetsReversed: boolean;
}

/** Is the word after the apostrophe at `i` a leading elision ('em, 'tis, 'n')? */
function isLeadingElision(text: string, i: number, end: number): boolean {
  let j = i + 1;
  let w = '';
  while (j < end && j - i <= 10) {
    const c = text.charCodeAt(j);
    if (!isLetter(c)) break;
    w += String.fromCharCode(lower(c));
    j++;
  }
  if (w.length === 0 || w.length > 9) return false;
  if (!ELISIONS.has(w)) return false;
  // 'is / 'er / 'ere / 'ow / 'ad / 'un are also ordinary words after an opening mark only when
  // capitalised at a sentence start ('Is it?'); lower-case they are elisions.
  const first = text.charCodeAt(i + 1);
  if ((w === 'is' || w === 'er' || w === 'ere' || w === 'ow' || w === 'ad' || w === 'un' || w === 'ave' || w === 'ee') && first >= 65 && first <= 90) {
    return false;
  }
  return true;
}

/**
 * A single mark opening its paragraph before a lower-case elision word (`‘is that yours?’`, `'em
 * too?'` in texting-style lines) is the line's opening mark when a clear closing mark (clause
 * punctuation, the mark, then a space or the paragraph end) follows before any other opening mark
 * (a mark after a word is no such close: dialect narration ends on `nothin'` too):
 * otherwise the whole line would be lost. Mid-paragraph the word stays an elision.
 */
function opensLineOnElision(text: string, i: number, ps: number, pe: number): boolean {
  for (let k = ps; k < i; k++) if (!isSpaceOrEdge(text.charCodeAt(k))) return false;
  for (let k = i + 1; k < pe; k++) {
    const c = text.charCodeAt(k);
    if (c !== SQ && c !== RSQ && c !== LSQ) continue;
    const p = text.charCodeAt(k - 1);
    const q = k + 1 < pe ? text.charCodeAt(k + 1) : -1;
    if (c !== LSQ && isClausePunct(p) && p !== 45 && isSpaceOrEdge(q)) return true;
    // Another line opening first: this mark is an apostrophe after all.
    if (isSpaceOrEdge(p) && isLetter(q) && (c === LSQ || !isLeadingElision(text, k, pe))) return false;
  }
  return false;
}

/** `em`, `tis`, `twas` at `i` (a whole word): after a double mark it is an apostrophe typed as `"`. */
function isTypedApostrophe(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < 5 && isLetter(text.charCodeAt(j))) j++;
  if (j < end && isLetter(text.charCodeAt(j))) return false;
  const w = text.slice(i, j);
  return w === 'em' || w === 'tis' || w === 'twas';
}

function chooseConventions(doc: Document): Conventions {
  const text = doc.text;
  const n = text.length;
  let doubles = 0;
  let singleOpens = 0;
  let singleStrongCloses = 0;
  let firstGuillemet = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DQ || c === LDQ || c === RDQ || c === LOW_DQ) doubles++;
    else if (c === LAQ || c === RAQ) {
      doubles++;
      if (firstGuillemet === 0) firstGuillemet = c;
    } else if (c === SQ || c === LSQ || c === RSQ) {
      const p = i > 0 ? text.charCodeAt(i - 1) : -1;
      const q = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if ((isSpaceOrEdge(p) || isOpenBracket(p) || p === DQ || p === LDQ) && isLetter(q)) {
        if (c === LSQ || !isLeadingElision(text, i, Math.min(n, i + 12))) singleOpens++;
      } else if (c !== LSQ && (isClausePunct(p) && p !== 45) && isSpaceOrEdge(q)) {
        singleStrongCloses++;
      }
    }
  }
  const singleEvidence = Math.min(singleOpens, singleStrongCloses * 2 + 1);
  return {
    single: singleOpens >= 2 && singleStrongCloses >= 1 && singleEvidence > doubles,
    guillemetsReversed: firstGuillemet === RAQ,
  };
}

/** Classify the mark at `i` (paragraph [ps, pe)); returns its direction and kind in one number. */
function classify(text: string, i: number, ps: number, pe: number, conv: Conventions, singles: boolean): number {
  const c = text.charCodeAt(i);
  const p = i > ps ? text.charCodeAt(i - 1) : -1;
  const q = i + 1 < pe ? text.charCodeAt(i + 1) : -1;
  switch (c) {
    case LDQ:
    case LOW_DQ:
      return Dir.Open | (Kind.Double << 4);
    case RDQ:
      // A right mark used as an opener by a careless typesetter: space before and a word after.
      if (isSpaceOrEdge(p) && isWordChar(q)) return Dir.Ambiguous | (Kind.Double << 4);
      return Dir.Close | (Kind.Double << 4);
    case LAQ:
      return (conv.guillemetsReversed ? Dir.Close : Dir.Open) | (Kind.Double << 4);
    case RAQ:
      return (conv.guillemetsReversed ? Dir.Open : Dir.Close) | (Kind.Double << 4);
    case DQ: {
      const before = isSpaceOrEdge(p) || isOpenBracket(p);
      const after = isSpaceOrEdge(q);
      let d: Dir;
      // An apostrophe typed as a double mark (`"em`, `"tis`): not a quote mark at all.
      if (before && q >= 97 && q <= 122 && isTypedApostrophe(text, i + 1, pe)) return Dir.None;
      if (before && !after) d = isTrailingPunct(q) && q !== 46 ? Dir.Ambiguous : Dir.Open;
      else if (!before && after) d = Dir.Close;
      else if (before && after) d = Dir.Ambiguous;
      else if (isTrailingPunct(q)) d = Dir.Close;
      else if (isDash(p) && isWordChar(q)) d = Dir.Open;
      else d = Dir.Ambiguous;
      return d | (Kind.Double << 4);
    }
  }
  // Single marks: ' ‘ ’
  if (!singles) return Dir.None;
  if (isWordChar(p) && isWordChar(q)) return Dir.None; // don't, O'Brien, ma'am
  const before = isSpaceOrEdge(p) || isOpenBracket(p) || p === DQ || p === LDQ || isDash(p);
  // `'I'm not—'. Idris stopped`: a mark between a dash and a full stop or comma closes the broken-off line.
  if (c !== LSQ && isDash(p) && (q === 46 || q === 44 || q === 33 || q === 63 || q === 59 || q === 58)) return Dir.Close | (Kind.Single << 4);
  if (c === LSQ) {
    if (isWordChar(p)) return Dir.None;
    if (isLetter(q) && isLeadingElision(text, i, pe) && !opensLineOnElision(text, i, ps, pe)) return Dir.None;
    if (isDigit(q) && !before) return Dir.None;
    return Dir.Open | (Kind.Single << 4);
  }
  if (before && (isWordChar(q) || q === SQ || q === LSQ || q === DQ || q === LDQ || q === 0x2026 || q === 46 || isDash(q))) {
    if (isLetter(q) && isLeadingElision(text, i, pe) && !opensLineOnElision(text, i, ps, pe)) return Dir.None;
    if (isDigit(q) && i + 3 < pe && isDigit(text.charCodeAt(i + 2)) && !isDigit(text.charCodeAt(i + 3))) return Dir.None; // '99
    return Dir.Open | (Kind.Single << 4);
  }
  // `'I'm not—' Idris stopped`: after a dash the line is broken off and the mark closes it.
  if (isDash(p) && (isSpaceOrEdge(q) || isClausePunct(q))) return Dir.Close | (Kind.Single << 4);
  if (before) return Dir.None; // a lone mark between spaces
  // After something that is not a space.
  if (isClausePunct(p) || p === DQ || p === RDQ) return Dir.Close | (Kind.Single << 4);
  if (isWordChar(p)) return Dir.WeakClose | (Kind.Single << 4);
  return Dir.None;
}

/**
 * The spoken part of a labelled line text[s, e): inside the quote marks when the whole line is one
 * quotation (`Dessa: "well?"`, `Marit: ‘no’`), else all of it (`Marit: 'cause i'm tired`, `Dessa:
 * 'tired' lol`). Returns [start, end).
 */
function labelledLine(text: string, s: number, e: number): [number, number] {
  const c = text.charCodeAt(s);
  const last = text.charCodeAt(e - 1);
  const double = (c === DQ || c === LDQ || c === RDQ || c === LOW_DQ || c === LAQ || c === RAQ) && (last === DQ || last === RDQ || last === LDQ || last === RAQ || last === LAQ);
  const single = (c === SQ || c === LSQ) && (last === SQ || last === RSQ) && !isLetter(text.charCodeAt(e - 2));
  return e - s >= 2 && (double || single) ? [s + 1, e - 1] : [s, e];
}

/** Speech verbs that make narration between two quotes a tag rather than a beat. */
const TAG_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'asked', 'asks', 'replied', 'replies', 'cried', 'cries', 'answered', 'answers',
  'exclaimed', 'whispered', 'added', 'adds', 'shouted', 'muttered', 'murmured', 'called', 'continued',
  'continues', 'returned', 'observed', 'remarked', 'began', 'went', 'repeated', 'rejoined', 'inquired',
  'enquired', 'resumed', 'retorted', 'laughed', 'sighed', 'cried', 'declared', 'explained', 'insisted',
  'protested', 'pursued', 'urged', 'pleaded', 'begged', 'suggested', 'stammered', 'sobbed', 'screamed',
  'yelled', 'snapped', 'growled', 'groaned', 'interrupted', 'interposed', 'persisted', 'agreed', 'admitted',
  'announced', 'demanded', 'responded', 'thought', 'wrote', 'read', 'sang', 'concluded', 'ejaculated',
  'spluttered', 'sputtered', 'thundered', 'blubbered', 'screeched', 'gasped', 'faltered', 'hissed', 'roared',
  'bellowed', 'chuckled', 'grumbled', 'wailed', 'moaned', 'panted', 'breathed', 'drawled', 'piped', 'lisped',
  'squeaked', 'shrieked', 'howled', 'barked', 'simpered', 'giggled', 'sneered', 'scoffed', 'mused', 'ventured',
  'hazarded', 'rejoins', 'speaks', 'spoke', 'tells', 'told', 'whimpered', 'croaked', 'reply', 'answer', 'saying', 'quoted',
]);

/** Does `text[s, e)` contain a speech verb (said, asked, ...)? */
function hasTagVerb(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    if (isLetter(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < e && isLetter(text.charCodeAt(j))) j++;
      if (isTagVerb(text, i, j)) return true;
      i = j;
    } else i++;
  }
  return false;
}

/**
 * Are two consecutive spans of one paragraph one utterance? Measured on PDNC: a quote cut by its tag
 * (`"Yes," she said, "and no."`) is one utterance; after a quote that ends its sentence, narration
 * without a speech verb is a beat that usually separates two quotations, and so is a long narration
 * of several sentences.
 */
function sameUtterance(text: string, prevEnd: number, nextStart: number): Join {
  // Last character of the previous span's words.
  let k = prevEnd - 1;
  while (k > 0 && isSpaceOrEdge(text.charCodeAt(k))) k--;
  const last = text.charCodeAt(k);
  const continues = last === 44 || last === 59 || isDash(last); // , ; -- : the sentence goes on
  const gs = prevEnd + 1;
  const ge = nextStart - 1;
  let sentences = 0;
  let verb = false;
  let verbAfterBreak = false; // a speech verb after the gap's last sentence break
  let words = 0;
  // A break counts once words follow it: the mark that ends the gap (`spoke Mary: "`) is no break.
  let breakPending = false;
  let i = gs;
  while (i < ge) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < ge && isLetter(text.charCodeAt(j))) j++;
      words++;
      if (breakPending) {
        sentences++;
        verbAfterBreak = false;
        breakPending = false;
      }
      if (isTagVerb(text, i, j)) verb = verbAfterBreak = true;
      i = j;
      continue;
    }
    if ((c === 46 || c === 33 || c === 63 || c === 59 || c === 58) && i + 1 < ge && isSpaceOrEdge(text.charCodeAt(i + 1)) && !(c === 46 && afterTitle(text, i))) breakPending = true;
    i++;
  }
  // `"…," said Lady B, calmly. After a pause Sir T added, "…"`: a new sentence with its own tag
  // introduces the next line.
  if (sentences >= 1 && verbAfterBreak) return Join.Separate;
  // `Milly said, "Are you in town?" Babs said, "Have you a cigarette?"`: after a finished sentence, a
  // tag that introduces a new capitalised sentence is the next speaker's.
  if (verb && (last === 46 || last === 33 || last === 63) && endsInComma(text, gs, ge) && isUpperStart(text, nextStart)) return Join.Separate;
  // `"The first room in the front--" "You must have it,"`: a line broken off at a dash and answered
  // at once, with nothing between the marks, is cut short by the next speaker.
  if (words === 0 && isDash(last) && !/[-\u2013\u2014]/.test(text.slice(gs, ge)) && isUpperStart(text, nextStart)) return Join.Separate;
  if (continues) return verb ? Join.Tagged : Join.Continues;
  if (words === 0) return Join.BackToBack; // "Who is that?" "Is the town large?"
  if (!verb) return Join.Separate;
  return ge - gs > GROUP_LONG && sentences >= 1 ? Join.Separate : Join.Tagged;
}
/** Does a speech tag follow the span ending at `end` (`"…," returned Mrs. Sparsit`)? Its first four words, up to a quote or sentence end. */
function tagFollows(text: string, end: number, paraEnd: number): boolean {
  let i = end + 1;
  let words = 0;
  while (i < paraEnd && words < 4) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < paraEnd && isLetter(text.charCodeAt(j))) j++;
      if (isTagVerb(text, i, j)) return true;
      words++;
      i = j;
      continue;
    }
    // A sentence end, or a double or single opening mark (`'` after a space, `‘`): the next span.
    if (c === 46 || c === 33 || c === 63 || c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || (c === 39 && isSpaceOrEdge(text.charCodeAt(i - 1)))) return false;
    i++;
  }
  return false;
}

/** Is the full stop at `i` a title's or an initial's (`Mr.`, `Dr.`, `St.`, `J.`), not a sentence end? */
function afterTitle(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
  const c = text.charCodeAt(k);
  if (i - k === 1) return c >= 65 && c <= 90 && c !== 73; // an initial, but not `I`
  return TITLE_ABBREVIATIONS.has(text.slice(k, i));
}
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Mme', 'Mlle', 'Messrs', 'Rev', 'Col', 'Capt', 'Gen', 'Lt', 'Sgt', 'Prof']);

/** Is the word text[i, j) a speech verb of a tag? */
function isTagVerb(text: string, i: number, j: number): boolean {
  return j - i >= 3 && j - i <= 12 && TAG_VERBS.has(text.slice(i, j).toLowerCase());
}

/**
 * Is one of the last words of the narration in [from, to) a tag verb (`Tony would say,`, `Mrs. Sparsit
 * said with forced lightness of heart,`)?
 */
function tagVerbNear(text: string, from: number, to: number): boolean {
  let j = to;
  for (let words = 0; words < INTRO_VERB_WORDS; words++) {
    while (j > from && !isLetter(text.charCodeAt(j - 1))) j--;
    let i = j;
    while (i > from && isLetter(text.charCodeAt(i - 1))) i--;
    if (i === j) return false;
    if (isTagVerb(text, i, j)) return true;
    j = i;
  }
  return false;
}

/** How far back from the quote the verb of its introducing tag may stand, in words. */
const INTRO_VERB_WORDS = 7;

/** Does the narration in [from, to) end in a comma or colon? */
function endsInComma(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpaceOrEdge(text.charCodeAt(k))) k--;
  return k >= from && (text.charCodeAt(k) === 44 || text.charCodeAt(k) === 58);
}

/** Does the narration [from, to) open with a capitalised word that can be a name, then a tag verb (`Mr. Bounderby replied,`)? */
function namedSubjectOpens(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && !isLetter(text.charCodeAt(i))) i++;
  let j = i;
  while (j < to && isLetter(text.charCodeAt(j))) j++;
  if (j === i || !isUpperStart(text, i) || NOT_NAME_OPENERS.has(text.slice(i, j).toLowerCase()) || hasTagVerb(text, i, j)) return false;
  return hasTagVerb(text, j, to);
}
/**
 * Does the narration [from, to) hold a tag verb and then close on another one whose subject is a
 * name not said before it (`said Jude, at the same moment that Roz said,`)? Then the span after it
 * is that person's line. A pronoun (`said Elinor, and she added,`) may be the same speaker: left alone.
 */
function namedTagCloses(text: string, from: number, to: number): boolean {
  if (!endsInComma(text, from, to)) return false;
  // The last two words: `Roz said` (or `Roz asked`).
  let j = to;
  const word = (): [number, number] => {
    while (j > from && !isLetter(text.charCodeAt(j - 1))) j--;
    const e = j;
    while (j > from && isLetter(text.charCodeAt(j - 1))) j--;
    return [j, e];
  };
  const [vi, vj] = word();
  if (vi === vj || !isTagVerb(text, vi, vj)) return false;
  const [ni, nj] = word();
  // The first-person narrator is someone else than whoever the first tag names (`"Nothing," Callum
  // says, at exactly the same moment I say, "His wrist."`, `he says, and I say,`); a third-person
  // pronoun there may be that one going on.
  const me = text.slice(ni, nj) === 'I';
  if (ni === nj || !isUpperStart(text, ni) || (!me && NOT_NAME_OPENERS.has(text.slice(ni, nj).toLowerCase())) || isTagVerb(text, ni, nj)) return false;
  // The name opens a clause of its own (`at the same moment that Roz said`, `while Roz said`, `and
  // Roz said`), not one about what was said (`ignoring what Roz said`, `something Roz said`) nor an
  // aside (`as Katharine thought`).
  const [bi, bj] = word();
  if (bi === bj || !CLAUSE_BEFORE_NAME.has(text.slice(bi, bj).toLowerCase())) return false;
  // A tag of the line before it (`said Jude`) earlier in the narration, naming someone else.
  const name = text.slice(ni, nj);
  return hasTagVerb(text, from, bi) && (me ? !/\bI\b/.test(text.slice(from, ni)) : !new RegExp(`\\b${name}\\b`).test(text.slice(from, ni)));
}
/** Words after which a name opens a clause of its own in a tag (`at the same moment that Roz said,`). */
const CLAUSE_BEFORE_NAME: ReadonlySet<string> = new Set(['that', 'while', 'when', 'whereupon', 'and', 'but', 'then', 'moment', 'instant', 'time', 'before']);

/** Capitalised words that open a clause but never a name: pronouns, conjunctions, adverbs of place and time. */
const NOT_NAME_OPENERS: ReadonlySet<string> = new Set(['i', 'he', 'she', 'they', 'we', 'you', 'it', 'then', 'and', 'but', 'here', 'there', 'now']);

/** Does the span starting at `s` start with a capital letter? */
function isUpperStart(text: string, s: number): boolean {
  let k = s;
  while (k < text.length && !isLetter(text.charCodeAt(k))) k++;
  const ch = text[k];
  return ch !== undefined && ch !== ch.toLowerCase();
}

/** How two consecutive spans of a paragraph relate (see sameUtterance). */
const enum Join {
  Separate,
  /** Nothing between them: one speaker going on, unless the utterance already had its tag. */
  BackToBack,
  /** The first span's sentence goes on into the second, with no tag between (`"Yes, " -- "and no."`). */
  Continues,
  /** Narration with a speech verb between them (`"Yes," she said, "and no."`). */
  Tagged,
}
/** Narration longer than this (UTF-16 units) with a sentence break separates two quotations. */
const GROUP_LONG = 150;

/** Verbs after which a quote without a comma is still speech: `he said "No."` */
const SAY_WORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'saying', 'asked', 'asks', 'ask', 'replied', 'reply', 'cried', 'answered', 'exclaimed',
  'whispered', 'added', 'shouted', 'muttered', 'murmured', 'called', 'repeated', 'thought', 'think', 'wrote',
  'began', 'continued', 'returned', 'observed', 'remarked', 'yelled', 'screamed', 'sang', 'sung', 'read',
]);

/**
 * A short phrase in marks inside narration (`calling him "poor Richard"`, `the "unconventional"
 * party`): a mention or a scare quote, not speech. The opening mark follows a word (no comma, colon or
 * dash between), and the content is short or starts in lower case.
 */
function isScareQuote(text: string, mark: number, ps: number, s: number, e: number): boolean {
  let b = mark - 1;
  while (b >= ps && isSpaceOrEdge(text.charCodeAt(b))) b--;
  if (b < ps) return false;
  const pc = text.charCodeAt(b);
  if (!isWordChar(pc) && pc !== 95 /* _ */ && pc !== 39 && pc !== RSQ) return false;
  let a = b;
  while (a > ps && isLetter(text.charCodeAt(a - 1))) a--;
  const prevWord = text.slice(a, b + 1).toLowerCase();
  if (SAY_WORDS.has(prevWord)) return false;
  let k = s;
  while (k < e && !isWordChar(text.charCodeAt(k))) k++;
  const first = text.charCodeAt(k);
  if (first >= 97 && first <= 122) return true;
  let words = 0;
  let inWord = false;
  for (let j = s; j < e; j++) {
    const w = isWordChar(text.charCodeAt(j));
    if (w && !inWord) words++;
    inWord = w;
    if (words > SCARE_MAX_WORDS) return false;
  }
  return true;
}
/** A phrase in marks after a word is a mention when it has at most this many words. */
const SCARE_MAX_WORDS = 3;
/** A quote this close after another one in its paragraph is speech resumed after a tag, never a mention. */
const SCARE_GAP = 80;

/** Does the paragraph start look cut off (its first words lost)? */
function looksCutOff(text: string, ps: number): boolean {
  const c = text.charCodeAt(ps);
  if (c === SQ || c === RSQ || c === LSQ) return true;
  if (c >= 97 && c <= 122) return true;
  // The raw line started with a space (paragraph offsets are trimmed).
  const b = ps > 0 ? text.charCodeAt(ps - 1) : -1;
  return b === 32 || b === 9;
}

export function scanQuotes(doc: Document): void {
  const text = doc.text;
  const paras = doc.paragraphs;
  const kinds = doc.paragraphKinds;
  const pcount = paras.length >> 1;
  const conv = chooseConventions(doc);
  const labels = findSpeakerLabels(doc);
  doc.speakerLabels = labels;
  let nextLabel = 0; // index (stride 4) of the next labelled line
  const quotes = new IntList(Math.max(64, pcount * 4));
  const utterances = new IntList(Math.max(64, pcount));

  let utterance = -1; // current utterance index
  let uttFirst = 0; // first quote of the current utterance
  let continuing = false; // previous paragraph ended inside a quote (may continue here)
  let continuingKind = 0;

  let uttTagged = false; // the current utterance has a tag between two of its spans
  let uttPreTagged = false; // the current utterance's first span follows its tag (`Tony said, "…`)
  const endUtterance = (): void => {
    if (utterance >= 0) {
      utterances.push2(uttFirst, quotes.length >> 2);
      utterance = -1;
      uttTagged = false;
      uttPreTagged = false;
    }
  };
  let paraHasQuote = false;
  let lastEnd = -1; // end offset of the last span in this paragraph
  const emit = (s: number, e: number, para: number, join: boolean): void => {
    // Drop spans with nothing in them ("" or marks around spaces).
    let k = s;
    while (k < e && isSpaceOrEdge(text.charCodeAt(k))) k++;
    if (k >= e) return;
    if (!(join && utterance >= 0)) {
      const how = paraHasQuote && utterance >= 0 ? sameUtterance(text, lastEnd, s) : Join.Separate;
      // `"…?" said B; "…, do you?" "Oh no," returned C`: a quote right after one whose speaker
      // was already tagged is the answer, not more of the same line.
      // `"…?" said B. "Not I," returned C`: a span followed by a tag of its own, after one already
      // tagged, is another line (an utterance has one tag).
      const ownTag = (how === Join.Tagged || uttTagged) && how !== Join.Separate && tagFollows(text, e, paras[2 * para + 1]);
      // `Beaver would say, "…", and Tony would say, "…"`: a line whose tag came before it is followed
      // by another tag introducing the next span: a second speaker's line.
      // So is `Mrs. Sparsit said, "…," Mr. Bounderby replied, "…"`: a name, not a pronoun, opening the
      // second tag.
      const secondIntro = how === Join.Tagged && uttPreTagged && (/^\W*(?:and|but|while|whereupon|then)\s/i.test(text.slice(lastEnd + 1, s - 1)) || namedSubjectOpens(text, lastEnd + 1, s - 1)) && endsInComma(text, lastEnd + 1, s - 1);
      // `"God, no," said Jude, at the same moment that Roz said, "Eleven years."`: the first line's tag
      // ends by introducing someone else by name.
      const namedIntro = how === Join.Tagged && !uttPreTagged && namedTagCloses(text, lastEnd + 1, s - 1);
      if (how === Join.Separate || (how === Join.BackToBack && uttTagged) || ownTag || secondIntro || namedIntro) {
        endUtterance();
        utterance = utterances.length >> 1;
        uttFirst = quotes.length >> 2;
        const from = paraHasQuote ? lastEnd + 1 : paras[2 * para];
        // Narration right after a quote is that quote's tag (`"…," said B, "…`) unless a new sentence starts in it.
        uttPreTagged = endsInComma(text, from, s - 1) && tagVerbNear(text, from, s - 1) && (!paraHasQuote || /[.!?]\s/.test(text.slice(from, s - 1)));
      } else if (how === Join.Tagged) uttTagged = true;
    }
    quotes.push(s);
    quotes.push(e);
    quotes.push(para);
    quotes.push(utterance);
    paraHasQuote = true;
    lastEnd = e;
  };

  for (let para = 0; para < pcount; para++) {
    const ps = paras[2 * para];
    const pe = paras[2 * para + 1];
    paraHasQuote = false;
    lastEnd = -1;
    if (kinds.length > para && kinds[para] === ParagraphKind.SceneBreak) {
      if (continuing) endUtterance();
      continuing = false;
      endUtterance();
      continue;
    }
    // Chat or script lines (`Dessa: well????`): in a paragraph holding any, each labelled line is a
    // line of its own; the paragraph's other lines are narration.
    while (nextLabel < labels.length && labels[nextLabel + 2] < ps) nextLabel += 4;
    if (nextLabel < labels.length && labels[nextLabel + 2] < pe) {
      continuing = false;
      endUtterance();
      for (; nextLabel < labels.length && labels[nextLabel + 2] < pe; nextLabel += 4) {
        const [s, e] = labelledLine(text, labels[nextLabel + 2], labels[nextLabel + 3]);
        emit(s, e, para, false);
        endUtterance();
      }
      continue;
    }
    let open = -1; // content start of the open quote
    let openKind = 0;
    let weak = -1; // tentative close (single marks) inside the open quote
    let marks = 0; // marks seen in this paragraph
    let joinNext = false; // the next span continues the previous paragraph's utterance

    // Does this paragraph continue a quote left open by the previous one?
    if (continuing) {
      const d = classify(text, ps, ps, pe, conv, conv.single);
      const dir = d & 15;
      const kind = d >> 4;
      if (kind === continuingKind && (dir === Dir.Open || dir === Dir.Ambiguous)) {
        joinNext = true;
      } else {
        endUtterance();
      }
      continuing = false;
    } else {
      endUtterance();
    }

    for (let i = ps; i < pe; i++) {
      const c = text.charCodeAt(i);
      if (c !== DQ && c !== SQ && c !== LDQ && c !== RDQ && c !== LSQ && c !== RSQ && c !== LAQ && c !== RAQ && c !== LOW_DQ) continue;
      const d = classify(text, i, ps, pe, conv, conv.single);
      const dir = d & 15;
      if (dir === Dir.None) continue;
      const kind = d >> 4;
      marks++;
      if (open < 0) {
        if (dir === Dir.Open || dir === Dir.Ambiguous) {
          open = i + 1;
          openKind = kind;
          weak = -1;
        } else if (dir === Dir.Close && marks === 1 && !paraHasQuote && looksCutOff(text, ps)) {
          // The opening words were lost: quote from the paragraph start.
          emit(ps, i, para, false);
        }
        // Otherwise a stray closing mark (or a trailing apostrophe) outside any quote: ignore.
        continue;
      }
      // Inside a quote. A mark of the other kind is a nested quote (or an apostrophe): content.
      if (kind !== openKind) continue;
      if (dir === Dir.Close || dir === Dir.Ambiguous) {
        if (!joinNext && !(paraHasQuote && open - lastEnd <= SCARE_GAP) && isScareQuote(text, open - 1, ps, open, i)) {
          open = -1;
          weak = -1;
          continue;
        }
        emit(open, i, para, joinNext);
        joinNext = false;
        open = -1;
        weak = -1;
      } else if (dir === Dir.WeakClose) {
        if (weak < 0) weak = i;
      } else if (dir === Dir.Open) {
        // An opening mark inside an open quote: the quote was closed without a mark we recognised
        // (at the tentative close if there is one, else right here).
        const e = weak >= 0 ? weak : i;
        emit(open, e, para, joinNext);
        joinNext = false;
        open = i + 1;
        weak = -1;
      }
    }
    if (open >= 0) {
      // Unclosed at the paragraph end. Does the next paragraph open with the same mark?
      let nextOpens = false;
      if (para + 1 < pcount && !(kinds.length > para + 1 && kinds[para + 1] !== ParagraphKind.Text)) {
        const ns = paras[2 * para + 2];
        const ne = paras[2 * para + 3];
        if (ne > ns) {
          const d = classify(text, ns, ns, ne, conv, conv.single);
          const dir = d & 15;
          nextOpens = d >> 4 === openKind && (dir === Dir.Open || dir === Dir.Ambiguous);
        }
      }
      // A tentative close followed by a tag (`'See the Joneses' she said`) closes there even when the
      // next paragraph opens a quote.
      if (weak >= 0 && (!nextOpens || hasTagVerb(text, weak + 1, pe))) {
        emit(open, weak, para, joinNext);
      } else {
        emit(open, pe, para, joinNext);
        if (nextOpens) {
          continuing = true;
          continuingKind = openKind;
        }
      }
    }
  }
  endUtterance();
  doc.quotes = quotes.toArray();
  doc.utterances = utterances.toArray();
}

export const quotesStage: Stage = {
  assigns: 'quotes',
  requires: ['paragraphs', 'tokens'],
  run: (doc) => scanQuotes(doc),
};
