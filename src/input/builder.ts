/**
 * Builds the story text out of extracted pieces: paragraphs separated by a blank line, chapter
 * headings as their own paragraphs (`Chapter 3: The Storm`, which the paragraphs stage reads as a
 * heading), scene breaks as `* * *`. Author's notes found inside the text (`A/N: …`) are moved to
 * the metadata. Offsets of chapter starts are UTF-16 offsets into the built text.
 */
import { clean, type NoteKind, type WorkNote } from './metadata.js';

export interface BuiltChapter {
  title: string;
  /** UTF-16 offset of the heading line. */
  start: number;
}

export interface BuiltStory {
  text: string;
  chapters: BuiltChapter[];
}

/** A paragraph that is an author's note, not story: `A/N: …`, `(Author's Note: …)`, `AN: …`. */
export const AUTHOR_NOTE = /^\s*[([]?\s*(?:A\/N|A\.N\.|Authors?['’]?s?\s+Notes?\b|Author['’]s\s+Notes?\b)\s*[:\-–—)\]]?|^\s*AN:/i;
const AN_CASE_SENSITIVE = /^\s*AN:/;
/** A disclaimer paragraph, dropped only before a chapter's first story paragraph. */
export const DISCLAIMER = /^\s*[([]?\s*Disclaimer\s*[:\-–—]/i;

/** What the paragraphs stage reads as a scene break (kept as written). */
export const SCENE_BREAK_LINE = /^\s*(?:(?:[*#~=_•·◇◆♦+§\-–—.]\s*){3,}|o0o|oOo|xXx|0o0|-x-|~o~)\s*$/;

/** Headings the paragraphs stage recognises as chapter headings without help. */
export const CHAPTER_LIKE = /^\s*(?:chapter|book|part|volume|act|prologue|epilogue|interlude|afterword|foreword)\b/i;

export function isAuthorNote(p: string): boolean {
  if (!AUTHOR_NOTE.test(p)) return false;
  // `AN:` only in capitals (`An: …` is prose).
  if (/^\s*an:/i.test(p) && !AN_CASE_SENSITIVE.test(p)) return false;
  return true;
}

/** A short paragraph without letters, digits or quote marks: a scene break drawn in symbols. */
function isSymbolLine(p: string): boolean {
  return p.length <= 40 && !/[\p{L}\p{N}"'“”‘’«»]/u.test(p);
}

type Item = { kind: 'p' | 'h' | 'break'; text: string };

export class StoryBuilder {
  private readonly items: Item[] = [];
  private readonly chapterItems: number[] = [];
  private readonly chapterTitles: string[] = [];
  /** Raw inline text of the paragraph being read; `\0` marks a line break. */
  private para = '';
  private paraHasText = false;
  private pendingBr = 0;
  private pendingBreak = false;
  private emptyRun = 0;
  /** Story paragraphs since the last heading (a disclaimer before the first one is a note). */
  private storyParas = 0;
  /** Empty paragraphs (`<p>&nbsp;</p>`) count as scene breaks (set when they are rare in the page). */
  emptyParagraphsAreBreaks = false;
  /** Move `A/N:` paragraphs to the notes. */
  moveAuthorNotes = true;
  readonly notes: WorkNote[] = [];

  get chapterCount(): number {
    return this.chapterTitles.length;
  }
  /** Index of the current chapter, or null before the first heading. */
  get currentChapter(): number | null {
    return this.chapterTitles.length > 0 ? this.chapterTitles.length - 1 : null;
  }
  /** True when no story paragraph has been added since the last heading (or at all). */
  get atChapterStart(): boolean {
    return this.storyParas === 0;
  }
  get paragraphCount(): number {
    return this.items.length;
  }

  /** Inline text (HTML white space is collapsed when the paragraph ends). */
  inline(text: string): void {
    if (text.length === 0) return;
    const hasText = /[^\s\u00a0]/.test(text);
    if (hasText) {
      if (this.pendingBr >= 2) this.boundary();
      else if (this.pendingBr === 1 && this.paraHasText) this.para += '\0';
      this.pendingBr = 0;
      this.paraHasText = true;
    }
    this.para += text.indexOf('\0') >= 0 ? text.replace(/\0/g, '') : text;
  }

  /** `<br>`: one is a line break inside the paragraph, two or more end it. */
  lineBreak(): void {
    if (this.paraHasText) this.pendingBr++;
  }

  /** A block element starts or ends: the current paragraph (if any) is complete. */
  boundary(): void {
    this.pendingBr = 0;
    if (!this.paraHasText) {
      this.para = '';
      return;
    }
    const raw = this.para;
    this.para = '';
    this.paraHasText = false;
    const text = raw
      .replace(/[ \t\n\r\f\u00a0\u2028\u2029]+/g, ' ')
      .split('\0')
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .join('\n');
    this.paragraph(text);
  }

  /** An empty paragraph element (`<p></p>`, `<p>&nbsp;</p>`). */
  emptyParagraph(): void {
    if (this.paraHasText) return;
    this.emptyRun++;
  }

  /** A whole paragraph of story text (already clean). */
  paragraph(text: string): void {
    if (text.length === 0) return;
    if (this.moveAuthorNotes && (isAuthorNote(text) || (this.storyParas === 0 && DISCLAIMER.test(text)))) {
      this.note('notes', text);
      return;
    }
    if (SCENE_BREAK_LINE.test(text) || isSymbolLine(text)) {
      this.emptyRun = 0;
      this.sceneBreak(SCENE_BREAK_LINE.test(text) ? text : '* * *');
      return;
    }
    if (this.emptyRun > 0 && this.emptyParagraphsAreBreaks) this.pendingBreak = true;
    this.emptyRun = 0;
    if (this.pendingBreak && this.storyParas > 0) this.items.push({ kind: 'break', text: this.pendingBreakText });
    this.pendingBreak = false;
    this.items.push({ kind: 'p', text });
    this.storyParas++;
  }

  private pendingBreakText = '* * *';

  /** A scene break (`<hr>`, a line of symbols). Written once, and only between story paragraphs. */
  sceneBreak(text = '* * *'): void {
    this.boundary();
    if (!this.pendingBreak) this.pendingBreakText = text;
    this.pendingBreak = true;
  }

  /** A chapter heading: its own paragraph, and the start of a chapter. */
  heading(title: string): void {
    this.boundary();
    const t = clean(title);
    if (!t) return;
    this.pendingBreak = false;
    this.emptyRun = 0;
    this.chapterItems.push(this.items.length);
    this.chapterTitles.push(t);
    this.items.push({ kind: 'h', text: t });
    this.storyParas = 0;
  }

  /** A position to insert a heading at later (see `insertHeading`). */
  mark(): number {
    this.boundary();
    return this.items.length;
  }

  /** True when story paragraphs were added since `mark`. */
  storySince(mark: number): boolean {
    for (let i = mark; i < this.items.length; i++) if (this.items[i].kind === 'p') return true;
    return false;
  }

  /** Headings before `mark`. */
  headingsBefore(mark: number): number {
    let n = 0;
    for (const i of this.chapterItems) if (i < mark) n++;
    return n;
  }

  /** True when a heading was added since `mark`. */
  headingSince(mark: number): boolean {
    for (let i = mark; i < this.items.length; i++) if (this.items[i].kind === 'h') return true;
    return false;
  }

  /** Insert a chapter heading at `mark` (a chapter title known only after its text was read). */
  insertHeading(mark: number, title: string): void {
    this.boundary();
    const t = clean(title);
    if (!t) return;
    let k = 0;
    while (k < this.chapterItems.length && this.chapterItems[k] < mark) k++;
    for (let i = k; i < this.chapterItems.length; i++) this.chapterItems[i]++;
    this.items.splice(mark, 0, { kind: 'h', text: t });
    this.chapterItems.splice(k, 0, mark);
    this.chapterTitles.splice(k, 0, t);
    for (const n of this.notes) if (n.chapter !== null && n.chapter >= k) n.chapter++;
    // A scene break the new chapter would start with is dropped.
    if (this.items[mark + 1]?.kind === 'break') this.items.splice(mark + 1, 1);
  }

  /** True while the paragraph being read has text. */
  get hasPendingText(): boolean {
    return this.paraHasText;
  }

  note(kind: NoteKind, text: string, chapter: number | null = this.currentChapter): void {
    const t = text.trim();
    if (t) this.notes.push({ kind, chapter, text: t });
  }

  finish(): BuiltStory {
    this.boundary();
    const parts: string[] = [];
    const starts: number[] = new Array(this.items.length);
    let length = 0;
    for (let i = 0; i < this.items.length; i++) {
      if (i > 0) length += 2;
      starts[i] = length;
      parts.push(this.items[i].text);
      length += this.items[i].text.length;
    }
    const text = parts.length > 0 ? parts.join('\n\n') + '\n' : '';
    const chapters = this.chapterItems.map((idx, k) => ({ title: this.chapterTitles[k], start: starts[idx] }));
    return { text, chapters };
  }
}

/**
 * A chapter heading line the paragraphs stage will recognise: titles that already say what they
 * are (`Chapter 3: The Storm`, `Prologue`) are kept; others become `Chapter N: Title`.
 */
export function chapterHeading(title: string, number: number): string {
  const t = clean(title);
  if (!t) return `Chapter ${number}`;
  if (CHAPTER_LIKE.test(t)) return t;
  if (/^\d+$/.test(t)) return `Chapter ${t}`;
  const m = /^(\d+)\s*[.:)\-–—]\s*(.+)$/.exec(t);
  if (m) return CHAPTER_LIKE.test(m[2]) ? m[2] : `Chapter ${m[1]}: ${m[2]}`;
  return `Chapter ${number}: ${t}`;
}
