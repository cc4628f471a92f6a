/**
 * Tokens: one pass over the text with char codes, no regular expression per token.
 *
 * Kept as one token: words with inner apostrophes and hyphens (don't, y'all, well-known),
 * abbreviations with their period (Mr., St., p.m.), initials (J.), dialect elisions with their
 * apostrophe (nothin', 'em), `...` and `…`, runs of dashes (-- and —), numbers (1,000.5),
 * names with a letter lost in transcoding (`Th?r?se`, U+FFFD; not a lost apostrophe: `Mary?s`).
 * Quote marks and apostrophes that may open or close a quote are QuoteMark tokens.
 */
import { Document, IntList, TokenKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { ABBREVIATIONS, LEADING_ELISIONS } from '../../lang/en/abbreviations.js';

export function isLetterCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x300 && c <= 0x36f) // combining marks stay inside the word
  );
}
function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
/** Do the letters from `s` to the word's end make a clitic (`s`, `t`, `ll`, `ve` …): `Mary?s`, `don?t`? */
function lostApostrophe(text: string, s: number, to: number): boolean {
  let e = s;
  while (e < to && isLetterCode(text.charCodeAt(e))) e++;
  return e - s <= 2 && CLITICS.has(text.slice(s, e).toLowerCase());
}
const CLITICS: ReadonlySet<string> = new Set(['s', 't', 'd', 'm', 'll', 're', 've']);
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x200b || c === 12;
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}
function isQuoteMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 0x201e || c === 0x201a;
}
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2012;
}

/** Tokenize `text[from, to)` and append [start, end] pairs and kinds. */
export function tokenizeRange(text: string, from: number, to: number, out: IntList, kinds: number[] | null): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: number;
    if (isLetterCode(c) || (c >= 0xd800 && c <= 0xdbff)) {
      i = scanWord(text, i, to);
      kind = TokenKind.Word;
    } else if (isDigit(c)) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isDigit(d) || isLetterCode(d)) i++;
        else if ((d === 44 || d === 46 || d === 58) && i + 1 < to && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      kind = TokenKind.Number;
    } else if (isApostrophe(c) && i + 1 < to && isLetterCode(text.charCodeAt(i + 1)) && leadingElision(text, i + 1, to)) {
      // 'em, 'tis: the apostrophe belongs to the word.
      i = scanWord(text, i + 1, to);
      kind = TokenKind.Word;
    } else if (isQuoteMark(c)) {
      i++;
      kind = TokenKind.QuoteMark;
    } else if (c === 46) {
      i++;
      while (i < to && text.charCodeAt(i) === 46) i++;
      // ". . ." spaced ellipsis
      while (i + 1 < to && text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 46 && i - start < 8) {
        i += 2;
      }
      kind = TokenKind.Punct;
    } else if (isDash(c)) {
      i++;
      while (i < to && isDash(text.charCodeAt(i))) i++;
      kind = TokenKind.Punct;
    } else if (c === 33 || c === 63) {
      // ?! and !!! stay together
      i++;
      while (i < to && (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63)) i++;
      kind = TokenKind.Punct;
    } else if (c === 44 || c === 59 || c === 58 || c === 0x2026 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125) {
      i++;
      kind = TokenKind.Punct;
    } else {
      i++;
      if (c >= 0xd800 && c <= 0xdbff && i < to) i++;
      kind = TokenKind.Symbol;
    }
    out.push2(start, i);
    if (kinds) kinds.push(kind);
  }
}

function leadingElision(text: string, s: number, to: number): boolean {
  let e = s;
  while (e < to && isLetterCode(text.charCodeAt(e))) e++;
  if (e - s > 9) return false;
  // Only when nothing letter-like precedes the apostrophe (it is not a closing quote or a possessive).
  const before = s - 2 >= 0 ? text.charCodeAt(s - 2) : 32;
  if (isLetterCode(before) || isDigit(before)) return false;
  return LEADING_ELISIONS.has(text.slice(s, e).toLowerCase()) && !(e < to && isApostrophe(text.charCodeAt(e)) && !isLetterCode(text.charCodeAt(e + 1)));
}

function scanWord(text: string, i: number, to: number): number {
  const start = i;
  while (i < to) {
    const d = text.charCodeAt(i);
    if (isLetterCode(d) || isDigit(d)) {
      i++;
    } else if (d >= 0xd800 && d <= 0xdbff) {
      i += 2;
    } else if ((d === 63 || d === 0xfffd) && i > start && i + 1 < to && isLetterCode(text.charCodeAt(i - 1)) && isLowerLetter(text.charCodeAt(i + 1)) && !lostApostrophe(text, i + 1, to)) {
      // A letter lost in transcoding (`Th?r?se`, `Gr\ufffdn`): a question mark does not sit between
      // two letters, unless it stands for a lost apostrophe (`Mary?s`, `don?t`).
      i++;
    } else if ((isApostrophe(d) || d === 45 || d === 0x2010) && i + 1 < to && isLetterCode(text.charCodeAt(i + 1))) {
      // inner apostrophe (don't, O'Brien, y'all) or single hyphen (well-known)
      i += 2;
    } else break;
  }
  if (i < to) {
    const d = text.charCodeAt(i);
    if (d === 46) {
      const word = text.slice(start, i).toLowerCase();
      // Abbreviation (Mr.) or initial (J.) keeps its period; `No.` only before a number (`No. 4`):
      // `"No." Nell was off the ladder` is the word no ending its sentence.
      if (word === 'no') {
        if (/^\s?\d/.test(text.slice(i + 1, i + 3))) return i + 1;
      } else if (ABBREVIATIONS.has(word) || (i - start === 1 && text.charCodeAt(start) >= 65 && text.charCodeAt(start) <= 90)) return i + 1;
      // a.m. / e.g. / U.S.
      if (i - start <= 2 && i + 2 < to && isLetterCode(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46) {
        return i + 3;
      }
    } else if (isApostrophe(d) && (i + 1 >= to || !isLetterCode(text.charCodeAt(i + 1)))) {
      // Dialect g-dropping: nothin', goin' — the apostrophe is part of the word, not a closing quote.
      if (i - start >= 3 && text.charCodeAt(i - 1) === 110 && text.charCodeAt(i - 2) === 105) {
        if (!singleQuoteOpenBefore(text, start)) return i + 1;
      }
    }
  }
  return i;
}

/**
 * In British-style dialogue ('Come in,' she said) a trailing apostrophe after "-in" may close the
 * quote. Look back in the line for an opening single quote with no closing one after it.
 */
function singleQuoteOpenBefore(text: string, wordStart: number): boolean {
  let open = false;
  for (let k = wordStart - 1, steps = 0; k >= 0 && steps < 400; k--, steps++) {
    const c = text.charCodeAt(k);
    if (c === 10 && k > 0 && text.charCodeAt(k - 1) === 10) break;
    if (c === 0x2018 || c === 39) {
      const prev = k > 0 ? text.charCodeAt(k - 1) : 32;
      const next = text.charCodeAt(k + 1);
      if (!isLetterCode(prev) && isLetterCode(next)) {
        open = true;
        break;
      }
      if (isLetterCode(prev) && !isLetterCode(next)) break; // a closing mark: quote already closed
    }
  }
  return open;
}

export function tokenize(doc: Document): void {
  const out = new IntList(Math.max(1024, doc.text.length >> 2));
  const kinds: number[] = [];
  const p = doc.paragraphs;
  for (let k = 0; k < p.length; k += 2) tokenizeRange(doc.text, p[k], p[k + 1], out, kinds);
  doc.tokens = out.toArray();
  doc.tokenKinds = Uint8Array.from(kinds);
}

export const tokensStage: Stage = {
  assigns: 'tokens',
  requires: ['paragraphs'],
  run: (doc) => tokenize(doc),
};
