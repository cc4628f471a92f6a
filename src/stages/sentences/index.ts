/**
 * Sentences over tokens. A sentence ends at . ! ? … (with any closing quotes or brackets after it)
 * when the next token starts a new sentence (capital letter, digit, opening quote), and always at a
 * paragraph's end. Abbreviations carry their period inside the token (tokens stage), so `Mr. Darcy`
 * never splits. `"Is it?" asked Mara.` stays one sentence: the word after the quote is lower case.
 */
import { Document, IntList, TokenKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';

function isTerminal(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e - 1);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
function isCloser(text: string, s: number): boolean {
  const c = text.charCodeAt(s);
  // A mark glued to the following word opens the next sentence instead.
  const next = text.charCodeAt(s + 1);
  if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) return false;
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb;
}
function startsSentence(text: string, s: number): boolean {
  const c = text.charCodeAt(s);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 0xab || (c >= 0xc0 && c <= 0xde);
}

export function splitSentences(doc: Document): void {
  const text = doc.text;
  const tok = doc.tokens;
  const kinds = doc.tokenKinds;
  const out = new IntList(Math.max(256, tok.length >> 4));
  const nTok = tok.length >> 1;
  const par = doc.paragraphs;
  let t = 0;
  for (let p = 0; p < par.length; p += 2) {
    const pEnd = par[p + 1];
    if (t >= nTok || tok[2 * t] >= pEnd) continue;
    let sentStart = t;
    while (t < nTok && tok[2 * t] < pEnd) {
      let end = t + 1;
      if (kinds[t] === TokenKind.Punct && isTerminal(text, tok[2 * t], tok[2 * t + 1])) {
        while (end < nTok && tok[2 * end] < pEnd && isCloser(text, tok[2 * end]) && kinds[end] !== TokenKind.Word) end++;
        if (end >= nTok || tok[2 * end] >= pEnd || startsSentence(text, tok[2 * end])) {
          out.push(tok[2 * sentStart]);
          out.push(tok[2 * (end - 1) + 1]);
          out.push(sentStart);
          out.push(end);
          sentStart = end;
        }
      }
      t = end;
    }
    if (sentStart < t) {
      out.push(tok[2 * sentStart]);
      out.push(tok[2 * (t - 1) + 1]);
      out.push(sentStart);
      out.push(t);
    }
  }
  doc.sentences = out.toArray();
}

export const sentencesStage: Stage = {
  assigns: 'sentences',
  requires: ['tokens'],
  run: (doc) => splitSentences(doc),
};
