/** Letter classes the name finders share (ASCII and Latin-1; other scripts are not matched yet). */
import type { Document } from '../../document/document.js';

export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** True when every letter of text[s, e) is upper case and it has at least two letters. */
export function allCaps(text: string, s: number, e: number): boolean {
  let letters = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters > 1;
}

/**
 * Are the words ending at `from` and starting at `to` one run of a name: only spaces between, and no
 * paragraph break? A line break inside a paragraph may fall inside a name (`Mr.⏎Knightley`); a
 * paragraph break may not, whether a blank line or (text pasted one paragraph per line) one newline.
 */
export function nameGap(doc: Document, from: number, to: number): boolean {
  const text = doc.text;
  let newline = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) newline = true;
    else if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return !newline || doc.paragraphAt(from) === doc.paragraphAt(to);
}
