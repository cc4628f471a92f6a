/**
 * The Document owns the story text and every layer the pipeline adds to it.
 *
 * Layers are flat typed arrays of offsets (a fixed number of slots per span), never one object per
 * token: a novel has hundreds of thousands of tokens and the pipeline must stay fast and small.
 *
 * Offsets inside the Document are UTF-16 code-unit offsets, because that is what JavaScript string
 * slicing and regular expressions use. The public Analysis speaks code points (as Python indexes a
 * string, so spans can be checked against PDNC); `toCodePoint` converts at the boundary, and is the
 * identity for texts without astral characters (nearly all prose).
 */

import type { CastCharacter } from '../types.js';

/** Paragraph kinds (slot values of `paragraphKinds`). */
export const enum ParagraphKind {
  Text = 0,
  Heading = 1,
  SceneBreak = 2,
}

/** Token kinds (slot values of `tokenKinds`). */
export const enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
  /** A quotation mark or an apostrophe that may open or close a quote (`"`, `“`, `”`, `'`, `‘`, `’`). */
  QuoteMark = 4,
  Symbol = 5,
}

/** Mention kinds (slot values of `mentionKinds`). */
export const enum MentionKind {
  /** A proper name, with or without honorific: `Emma`, `Mr. Knightley`, `Captain Wentworth`. */
  Proper = 1,
  /** A descriptive person mention: `the redhead`, `the Captain`, `his sister`. */
  Nominal = 2,
  /** A third-person pronoun: he, she, they and their other cases. */
  Pronoun = 3,
  /**
   * The first person outside quotes (narrator): I, me, my, mine, myself; in a second-person story
   * (`secondPersonNarration`) also you, your, yours, yourself.
   */
  FirstPerson = 4,
}

/** Gender values used in flat arrays. */
export const enum GenderCode {
  Unknown = 0,
  He = 1,
  She = 2,
  They = 3,
}

export interface Chapter {
  /** Index of the heading paragraph. */
  paragraph: number;
  /** Offset where the chapter starts (the heading's start). */
  start: number;
  title: string;
}

export interface Warning {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

/** A character of the cast, as the cast stage builds it. */
export interface CharacterRecord {
  id: string;
  name: string;
  aliases: string[];
  gender: 'he' | 'she' | 'they' | 'unknown';
  /** Number of mentions resolved to this character. */
  mentions: number;
  /** Number of quotes (spans) attributed to this character; filled by attribution. */
  quotes: number;
  /** True when the character came from a user-supplied cast. */
  given: boolean;
  /** True for the first-person narrator (the character the narration's `I` resolves to). */
  narrator?: boolean;
  /** Where the character came from: a given cast, the cast hint, or the text alone. */
  source?: 'given' | 'hint' | 'discovered';
  /** Epithets and names linked to the character, each with its evidence (cast stage). */
  links?: CharacterLink[];
}

/** A description or name linked to a character, with the evidence that licensed the link. */
export interface CharacterLink {
  /** The linked words as written (`the ex-smuggler`, `Mari`). */
  text: string;
  /** `apposition`, `copula`, `naming`, `descriptive`, `vocative`, `nickname`, `title`, `narrator-name`. */
  evidence: string;
  /** How sure the link is, in [0, 1]. */
  confidence: number;
  /** UTF-16 span of the mention that licensed the link. */
  start: number;
  end: number;
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);
const EMPTY_F32 = new Float32Array(0);

export class Document {
  /** The decoded text, exactly as read (BOM removed). Every offset indexes this string. */
  readonly text: string;

  /** [start, end) per paragraph: stride 2. Paragraph text excludes its trailing newlines. */
  paragraphs: Int32Array = EMPTY_I32;
  paragraphKinds: Uint8Array = EMPTY_U8;
  chapters: Chapter[] = [];

  /** [start, end) per token: stride 2. */
  tokens: Int32Array = EMPTY_I32;
  tokenKinds: Uint8Array = EMPTY_U8;

  /** [start, end, firstToken, endToken) per sentence: stride 4. */
  sentences: Int32Array = EMPTY_I32;

  /**
   * Quotes: [start, end, paragraph, utterance] per quote span, stride 4. start/end exclude the
   * quote marks. Spans of one utterance (a quote interrupted by its tag, or a quote running over
   * several paragraphs) share the utterance index.
   */
  quotes: Int32Array = EMPTY_I32;
  /** [firstQuote, endQuote) per utterance: stride 2. */
  utterances: Int32Array = EMPTY_I32;
  /**
   * Speaker labels of chat and script lines (`Dessa: well????`), in text order: [labelStart,
   * labelEnd, lineStart, lineEnd] per labelled line, stride 4. Set by the quotes stage.
   */
  speakerLabels: Int32Array = EMPTY_I32;

  /** Mentions: [start, end, kind] per mention, stride 3, in text order. */
  mentions: Int32Array = EMPTY_I32;
  /** The narration says `you` for its protagonist (set by the mentions stage): those `you`s are FirstPerson mentions. */
  secondPersonNarration = false;
  /** Gender the mention itself signals (a pronoun, an honorific): GenderCode per mention. */
  mentionGenders: Uint8Array = EMPTY_U8;
  /** Character index (into `characters`) per mention, -1 when unresolved. Filled by the cast stage. */
  mentionCharacters: Int32Array = EMPTY_I32;

  characters: CharacterRecord[] = [];

  /** Per utterance: speaker character index (-1 = unknown). */
  speakers: Int32Array = EMPTY_I32;
  /** Per utterance: confidence in [0, 1]. */
  speakerConfidence: Float32Array = EMPTY_F32;
  /** Per utterance: the evidence that decided the speaker. */
  speakerCues: string[] = [];
  /** Per utterance: addressee character indexes. */
  addressees: number[][] = [];

  /** Cast supplied by the user, if any (the cast stage reads it). */
  givenCast: CastCharacter[] | null = null;

  warnings: Warning[] = [];

  /** Names of the layers assigned so far, in order (the pipeline checks requirements against it). */
  readonly layers: string[] = [];

  private cpPrefix: Int32Array | null | undefined;

  constructor(text: string) {
    this.text = text;
  }

  get paragraphCount(): number {
    return this.paragraphs.length >> 1;
  }
  get tokenCount(): number {
    return this.tokens.length >> 1;
  }
  get sentenceCount(): number {
    return this.sentences.length >> 2;
  }
  get quoteCount(): number {
    return this.quotes.length >> 2;
  }
  get utteranceCount(): number {
    return this.utterances.length >> 1;
  }
  get mentionCount(): number {
    return (this.mentions.length / 3) | 0;
  }

  tokenText(i: number): string {
    return this.text.slice(this.tokens[2 * i], this.tokens[2 * i + 1]);
  }
  quoteText(i: number): string {
    return this.text.slice(this.quotes[4 * i], this.quotes[4 * i + 1]);
  }
  mentionText(i: number): string {
    return this.text.slice(this.mentions[3 * i], this.mentions[3 * i + 1]);
  }
  paragraphText(i: number): string {
    return this.text.slice(this.paragraphs[2 * i], this.paragraphs[2 * i + 1]);
  }

  /** Index of the paragraph containing offset `pos` (or the last one starting before it). */
  paragraphAt(pos: number): number {
    return lastStartAtOrBefore(this.paragraphs, 2, pos);
  }
  /** Index of the sentence containing offset `pos` (or the last one starting before it). */
  sentenceAt(pos: number): number {
    return lastStartAtOrBefore(this.sentences, 4, pos);
  }
  /** Index of the first token whose start is ≥ pos. */
  tokenAtOrAfter(pos: number): number {
    const t = this.tokens;
    let lo = 0;
    let hi = t.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[2 * mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Index of the first quote span whose start is ≥ pos. */
  quoteAtOrAfter(pos: number): number {
    const q = this.quotes;
    let lo = 0;
    let hi = this.quoteCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (q[4 * mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Index of the first mention whose start is ≥ pos. */
  mentionAtOrAfter(pos: number): number {
    const m = this.mentions;
    let lo = 0;
    let hi = (m.length / 3) | 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m[3 * mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Convert a UTF-16 offset to a code-point offset (what the public Analysis reports). */
  toCodePoint(offset: number): number {
    if (this.cpPrefix === undefined) this.cpPrefix = buildSurrogatePrefix(this.text);
    if (this.cpPrefix === null) return offset;
    return offset - this.cpPrefix[offset];
  }

  /** Convert a code-point offset to a UTF-16 offset (for checking spans given in code points). */
  fromCodePoint(cp: number): number {
    if (this.cpPrefix === undefined) this.cpPrefix = buildSurrogatePrefix(this.text);
    const p = this.cpPrefix;
    if (p === null) return cp;
    // offset - p[offset] is non-decreasing in offset: binary search.
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mid - p[mid] < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  warn(code: string, message: string, start?: number, end?: number): void {
    this.warnings.push({ code, message, start, end });
  }
}

/** Index of the last entry (of `stride` ints, start first) starting at or before `pos`; -1 if none. */
export function lastStartAtOrBefore(arr: Int32Array, stride: number, pos: number): number {
  let lo = 0;
  let hi = (arr.length / stride) | 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[stride * mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * prefix[i] = number of low surrogates in text[0, i): subtracting it from a UTF-16 offset gives the
 * code-point offset. Null when the text has no surrogate pairs.
 */
function buildSurrogatePrefix(text: string): Int32Array | null {
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const prefix = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) count++;
    }
  }
  prefix[text.length] = count;
  return prefix;
}

/** A growable list of int32 values, frozen into an Int32Array once a stage is done. */
export class IntList {
  private buf: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  push2(a: number, b: number): void {
    this.push(a);
    this.push(b);
  }
  get(i: number): number {
    return this.buf[i];
  }
  set(i: number, v: number): void {
    this.buf[i] = v;
  }
  toArray(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}
