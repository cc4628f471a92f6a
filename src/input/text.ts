/**
 * Plain text (a .txt file, pasted text, standard input): line endings become `\n` (CRLF and lone
 * CR alike, as Python's universal newlines read them), and author's notes standing alone at a
 * paragraph start (`A/N: …`), or a disclaimer before the story, are moved to the metadata.
 * Everything else is kept exactly as written; headings and scene breaks are left for the
 * paragraphs stage to find.
 */
import { DISCLAIMER, isAuthorNote } from './builder.js';
import type { WorkNote } from './metadata.js';

export interface PreparedText {
  text: string;
  notes: WorkNote[];
  /** True when anything but line endings changed. */
  changed: boolean;
}

export function normalizeLineEndings(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

export function preparePlainText(input: string): PreparedText {
  const text = normalizeLineEndings(input);
  const notes: WorkNote[] = [];
  // Cheap exit: no note marker anywhere.
  if (!/A\/N|A\.N\.|AN:|author['’]?s?\s+notes?|disclaimer/i.test(text)) return { text, notes, changed: false };

  const lines = text.split('\n');
  let blank = 0;
  for (const l of lines) if (l.trim() === '') blank++;
  const nonBlank = lines.length - blank;
  // One paragraph per line when blank lines are rare (as the paragraphs stage decides).
  const lineMode = nonBlank > 8 && blank < nonBlank * 0.1;

  const keep: string[] = [];
  let seenStory = false;
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      keep.push(lines[i]);
      i++;
      continue;
    }
    // A block: one line, or lines up to the next blank line.
    let j = i + 1;
    if (!lineMode) while (j < lines.length && lines[j].trim() !== '') j++;
    const block = lines.slice(i, j);
    const first = block[0];
    if (isAuthorNote(first) || (!seenStory && DISCLAIMER.test(first))) {
      notes.push({ kind: 'notes', chapter: null, text: block.map((l) => l.trim()).join('\n') });
      // Drop the blank line after the note too, so no gap of two blank lines is left.
      if (j < lines.length && lines[j].trim() === '') j++;
    } else {
      keep.push(...block);
      seenStory = true;
    }
    i = j;
  }
  if (notes.length === 0) return { text, notes, changed: false };
  return { text: keep.join('\n'), notes, changed: true };
}
