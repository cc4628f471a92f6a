/** Per-chapter presence of each character (for `dramatis summary`): mentions and lines per chapter. */
import type { Document } from '../document/document.js';

export interface ChapterPresence {
  /** Chapter titles, in order. */
  chapters: string[];
  /** Per character id: [mentions, lines] per chapter. */
  rows: { id: string; mentions: number[]; lines: number[] }[];
}

/** Index of the chapter containing UTF-16 offset `pos` (text before the first heading counts as chapter 0). */
function chapterOf(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Presence by chapter, or null when the story has fewer than two chapters. */
export function chapterPresence(doc: Document): ChapterPresence | null {
  const chapters = doc.chapters;
  if (chapters.length < 2) return null;
  const starts = chapters.map((c) => c.start);
  const nc = chapters.length;
  const rows = doc.characters.map((c) => ({ id: c.id, mentions: new Array<number>(nc).fill(0), lines: new Array<number>(nc).fill(0) }));
  const m = doc.mentions;
  for (let i = 0; i < doc.mentionCount; i++) {
    const c = doc.mentionCharacters[i];
    if (c >= 0 && c < rows.length) rows[c].mentions[chapterOf(starts, m[3 * i])]++;
  }
  for (let u = 0; u < doc.utteranceCount; u++) {
    const sp = doc.speakers[u] ?? -1;
    if (sp < 0 || sp >= rows.length) continue;
    const firstQuote = doc.utterances[2 * u];
    rows[sp].lines[chapterOf(starts, doc.quotes[4 * firstQuote])]++;
  }
  return { chapters: chapters.map((c) => c.title), rows };
}
