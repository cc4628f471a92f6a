/**
 * Reading what readers have: plain text, HTML pages (AO3 downloads, saved FanFiction.Net pages,
 * anything else) and EPUBs (AO3, FanFicFare, others), detected by content. `readStory(bytes)` gives
 * the story text (the text every offset of the Analysis indexes) with the work's metadata;
 * `analyzeStory` runs the pipeline over it as one story, with the chapters the source marks.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES, decodeBytes } from '../document/decode.js';
import { Document, ParagraphKind, TokenKind, type Warning } from '../document/document.js';
import { STAGES, checkChain } from '../pipeline/run.js';
import { toAnalysis } from '../output/analysis.js';
import type { Analysis, AnalysisInput, AnalysisWork, AnalyzeOptions, SourceFormat, SourceSite, TextKind } from '../types.js';
import { StoryBuilder, type BuiltChapter } from './builder.js';
import { declaredCharset, isZip, looksLikeHtml } from './detect.js';
import { readEpub } from './epub.js';
import { HtmlExtractor, emptyParagraphsAreBreaks, rulesFor } from './html.js';
import { emptyMetadata, type WorkMetadata } from './metadata.js';
import { preparePlainText } from './text.js';

export { parseHtml, MAX_HTML_DEPTH, type El, type HtmlHandler } from './html-events.js';
export { ZIP_LIMITS } from './zip.js';
export type { WorkMetadata, WorkNote } from './metadata.js';

/** A story as read from a file: its text, and what the source says about it. */
export interface Story {
  /** The text to analyse; every offset of the Analysis indexes it. */
  text: string;
  format: SourceFormat;
  site: SourceSite | null;
  /** Encoding of the bytes (`utf-8`, `windows-1252`, …), or null when text was given as a string. */
  encoding: string | null;
  /** Size of the input in bytes, or null when text was given as a string. */
  bytes: number | null;
  /** How `text` relates to the input (see docs/analysis-format.md, `input.text`). */
  textKind: TextKind;
  /** Chapters the source marks (UTF-16 offsets of their heading lines), or null: find headings in the text. */
  chapters: BuiltChapter[] | null;
  work: WorkMetadata;
  warnings: Warning[];
}

/** Largest story text accepted after extraction, in UTF-16 code units. */
export const MAX_STORY_CHARS = MAX_INPUT_BYTES;

/** A story given as a string: analysed exactly as given. */
export function storyFromText(text: string): Story {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return { text: t, format: 'text', site: null, encoding: null, bytes: null, textKind: 'as-given', chapters: null, work: emptyMetadata(), warnings: [] };
}

/**
 * Read a story file's bytes: detect its format by content, decode, extract the text and metadata.
 * Throws an InputError (one line) for input that cannot be read; recoverable problems become warnings.
 */
export async function readStory(bytes: Uint8Array, name = 'input'): Promise<Story> {
  if (bytes.length === 0) throw new InputError(`${name} is empty`);
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
  if (isZip(bytes)) {
    const r = await readEpub(bytes, name);
    return finish(name, {
      text: r.built.text,
      format: 'epub',
      site: r.site,
      encoding: 'zip',
      bytes: bytes.length,
      textKind: 'extracted',
      chapters: r.built.chapters,
      work: r.meta,
      warnings: r.warnings,
    });
  }
  const decoded = decodeBytes(bytes, name, { declaredCharset: declaredCharset(bytes) });
  const warnings: Warning[] = decoded.warnings.map((w) => ({ ...w }));
  if (looksLikeHtml(decoded.text)) {
    const html = decoded.text;
    const rules = rulesFor(html);
    const builder = new StoryBuilder();
    builder.emptyParagraphsAreBreaks = emptyParagraphsAreBreaks(html);
    const meta = emptyMetadata();
    const ex = new HtmlExtractor(builder, meta);
    const r = ex.readDocument(html, { rules, kind: 'page' });
    if (rules === 'ffn' && ex.ffnOptions.length > 1) {
      const k = Math.max(0, ex.ffnOptions.findIndex((o) => o.selected));
      const m = /^(\d+)\.\s*(.*)$/.exec(ex.ffnOptions[k].text);
      const number = m ? Number(m[1]) : k + 1;
      const title = m ? m[2] : ex.ffnOptions[k].text;
      builder.insertHeading(0, /^chapter\b/i.test(title) ? title : title ? `Chapter ${number}: ${title}` : `Chapter ${number}`);
    }
    if (rules === 'generic' && meta.title === null && r.pageTitle) meta.title = r.pageTitle;
    if (r.stats.flattened > 0) warnings.push({ code: 'html-too-deep', message: `elements nested deeper than ${r.stats.maxDepth} levels were flattened (${r.stats.flattened})` });
    for (const n of builder.notes) meta.notes.push(n);
    const built = builder.finish();
    return finish(name, {
      text: built.text,
      format: 'html',
      site: rules === 'generic' ? null : rules,
      encoding: decoded.encoding,
      bytes: bytes.length,
      textKind: 'extracted',
      chapters: built.chapters,
      work: meta,
      warnings,
    });
  }
  const prepared = preparePlainText(decoded.text);
  const work = emptyMetadata();
  work.notes.push(...prepared.notes);
  return finish(name, {
    text: prepared.text,
    format: 'text',
    site: null,
    encoding: decoded.encoding,
    bytes: bytes.length,
    textKind: prepared.changed ? 'extracted' : 'decoded',
    chapters: null,
    work,
    warnings,
  });
}

function finish(name: string, story: Story): Story {
  if (story.text.trim().length === 0) {
    throw new InputError(`${name} has no story text (${story.format === 'text' ? 'only notes' : `no paragraphs found in the ${story.format === 'epub' ? 'EPUB' : 'HTML'}`})`);
  }
  if (story.text.length > MAX_STORY_CHARS) {
    throw new InputError(`the story text of ${name} is ${(story.text.length / 1048576).toFixed(1)} M characters; the limit is ${MAX_STORY_CHARS / 1048576} M`);
  }
  return story;
}

/** Run the pipeline over a story, as one text; the source's chapters replace the guessed headings. */
export function analyzeStoryDocument(story: Story, options: AnalyzeOptions = {}): Document {
  // The archive's character tags are the author's own cast list: a hint for the cast stage.
  if (options.cast === undefined && options.castHint === undefined && story.work.characters.length > 0) {
    options = { ...options, castHint: story.work.characters };
  }
  const doc = new Document(story.text);
  for (const w of story.warnings) doc.warnings.push({ ...w });
  checkChain(STAGES);
  for (const stage of STAGES) {
    stage.run(doc, options);
    doc.layers.push(stage.assigns);
    if (stage.assigns === 'paragraphs' && story.chapters !== null) applyChapters(doc, story.chapters);
  }
  return doc;
}

function applyChapters(doc: Document, chapters: BuiltChapter[]): void {
  doc.chapters = [];
  for (const c of chapters) {
    const p = doc.paragraphAt(c.start);
    if (p < 0) continue;
    if (doc.paragraphKinds[p] !== ParagraphKind.Heading) doc.paragraphKinds[p] = ParagraphKind.Heading;
    doc.chapters.push({ paragraph: p, start: c.start, title: c.title });
  }
}

/** Word tokens in the text. */
export function countWords(doc: Document): number {
  let n = 0;
  const kinds = doc.tokenKinds;
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === TokenKind.Word) n++;
  return n;
}

/** The Analysis of a finished document, with the story's input description and work metadata. */
export function storyAnalysis(doc: Document, source: string | null, story: Story): Analysis {
  const base = toAnalysis(doc, source);
  const input: AnalysisInput = {
    format: story.format,
    site: story.site,
    encoding: story.encoding,
    bytes: story.bytes,
    text: story.textKind,
    sha256: createHash('sha256').update(doc.text, 'utf8').digest('hex'),
  };
  const w = story.work;
  const work: AnalysisWork = {
    title: w.title,
    authors: w.authors,
    fandoms: w.fandoms,
    rating: w.rating,
    archiveWarnings: w.archiveWarnings,
    categories: w.categories,
    relationships: w.relationships,
    characters: w.characters,
    additionalTags: w.additionalTags,
    genres: w.genres,
    series: w.series,
    language: w.language,
    summary: w.summary,
    notes: w.notes.map((n) => ({ kind: n.kind, chapter: n.chapter, text: n.text })),
    url: w.url,
    published: w.published,
    updated: w.updated,
    status: w.status,
    declaredWords: w.declaredWords,
    declaredChapters: w.declaredChapters,
    words: countWords(doc),
  };
  const length = doc.toCodePoint(doc.text.length);
  const chapters = base.chapters.map((c, i) => ({ title: c.title, start: c.start, end: i + 1 < base.chapters.length ? base.chapters[i + 1].start : length }));
  const { version, source: src, stats, chapters: _found, characters, quotes, warnings, ...rest } = base;
  void _found;
  return { version, source: src, input, work, stats, chapters, characters, quotes, warnings, ...rest };
}

export function analyzeStory(story: Story, options: AnalyzeOptions = {}): Analysis {
  return storyAnalysis(analyzeStoryDocument(story, options), options.source ?? null, story);
}

/** Read a file's bytes (text, HTML or EPUB, detected by content) and analyse it. */
export async function analyzeFile(bytes: Uint8Array, name = 'input', options: AnalyzeOptions = {}): Promise<Analysis> {
  const story = await readStory(bytes, name);
  return analyzeStory(story, { ...options, source: options.source ?? name });
}
