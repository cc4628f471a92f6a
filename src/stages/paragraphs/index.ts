/**
 * Paragraphs, chapter headings and scene breaks.
 *
 * Two layouts occur: wrapped text with blank lines between paragraphs (Gutenberg, archive text
 * downloads), and one paragraph per line with no blank lines (text pasted from web pages). The
 * layout is chosen from the text itself: if blank lines are rare, every line is a paragraph.
 */
import { Document, IntList, ParagraphKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';

const HEADING =
  /^\s*(?:(?:chapter|book|part|volume|canto|section|act)\s+(?:[0-9]+|[ivxlcdm]+\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|the\s+\w+)\b[^\n]{0,80}|prologue|epilogue|interlude|afterword|foreword|[IVXLCDM]{1,7}\.?|\d{1,3}\.?)\s*$/i;
const SCENE_BREAK = /^\s*(?:(?:[*#~=_•·◇◆♦+§\-–—.]\s*){3,}|o0o|oOo|xXx|0o0|-x-|~o~)\s*$/;
const ALL_CAPS_TITLE = /^\s*[^a-z\n]{2,60}$/;

export function findParagraphs(doc: Document): void {
  const text = doc.text;
  const n = text.length;
  // Line starts/ends (a line ends before \n, \r\n or \r).
  const lines = new IntList(1024);
  let blank = 0;
  let nonBlank = 0;
  let i = 0;
  while (i <= n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    lines.push2(i, j);
    if (isBlank(text, i, j)) blank++;
    else nonBlank++;
    if (j >= n) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  const lineMode = nonBlank > 8 && blank < nonBlank * 0.1;
  const paras = new IntList(256);
  const count = lines.length >> 1;
  let pStart = -1;
  let pEnd = -1;
  for (let k = 0; k < count; k++) {
    const s = lines.get(2 * k);
    const e = lines.get(2 * k + 1);
    if (isBlank(text, s, e)) {
      if (pStart >= 0) paras.push2(pStart, pEnd);
      pStart = -1;
      continue;
    }
    const [ts, te] = trimRange(text, s, e);
    if (lineMode) {
      paras.push2(ts, te);
      continue;
    }
    // A heading or scene-break line stands alone even without blank lines around it.
    const alone = SCENE_BREAK.test(text.slice(s, e)) || (HEADING.test(text.slice(s, e)) && pStart < 0);
    if (alone) {
      if (pStart >= 0) paras.push2(pStart, pEnd);
      paras.push2(ts, te);
      pStart = -1;
      continue;
    }
    if (pStart < 0) pStart = ts;
    pEnd = te;
  }
  if (pStart >= 0) paras.push2(pStart, pEnd);
  doc.paragraphs = paras.toArray();
  classifyParagraphs(doc);
}

function classifyParagraphs(doc: Document): void {
  const count = doc.paragraphCount;
  const kinds = new Uint8Array(count);
  const chapters = doc.chapters;
  for (let p = 0; p < count; p++) {
    const s = doc.paragraphs[2 * p];
    const e = doc.paragraphs[2 * p + 1];
    if (e - s > 120) continue;
    const t = doc.text.slice(s, e);
    if (t.includes('\n')) continue;
    if (SCENE_BREAK.test(t)) {
      kinds[p] = ParagraphKind.SceneBreak;
    } else if (HEADING.test(t)) {
      kinds[p] = ParagraphKind.Heading;
      const headingIndex = p;
      let title = t.trim();
      // "CHAPTER IV" followed by a short all-caps line: that line is the chapter's title.
      if (p + 1 < count) {
        const ns = doc.paragraphs[2 * p + 2];
        const ne = doc.paragraphs[2 * p + 3];
        const next = doc.text.slice(ns, ne);
        if (ne - ns < 60 && ALL_CAPS_TITLE.test(next) && /[A-Z]/.test(next) && !/["“”]/.test(next)) {
          kinds[p + 1] = ParagraphKind.Heading;
          title += ' ' + next.trim();
          p++;
        }
      }
      chapters.push({ paragraph: headingIndex, start: s, title });
    }
  }
  doc.paragraphKinds = kinds;
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 10 || c === 13;
}

export const paragraphsStage: Stage = {
  assigns: 'paragraphs',
  requires: [],
  run: (doc) => findParagraphs(doc),
};
