/**
 * Work metadata: what the archive says about a story (title, author, tags, stats) and the author's
 * notes, kept apart from the story text. Label parsing is shared by the AO3 tag list, the FanFicFare
 * title page and the FanFiction.Net info line.
 */

import type { AnalysisWork, AnalysisWorkNote } from '../types.js';

export type NoteKind = AnalysisWorkNote['kind'];
export type WorkNote = AnalysisWorkNote;

/** The Analysis' `work` before dramatis counts the words: the public type is the one definition. */
export type WorkMetadata = Omit<AnalysisWork, 'words'>;

export function emptyMetadata(): WorkMetadata {
  return {
    title: null,
    authors: [],
    fandoms: [],
    rating: null,
    archiveWarnings: [],
    categories: [],
    relationships: [],
    characters: [],
    additionalTags: [],
    genres: [],
    series: [],
    language: null,
    summary: null,
    notes: [],
    url: null,
    published: null,
    updated: null,
    status: null,
    declaredWords: null,
    declaredChapters: null,
  };
}

/** Collapse white space; empty → ''. */
export function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Split a comma-separated value (`A, B, C`), dropping empties. */
export function splitList(value: string): string[] {
  return value
    .split(/\s*,\s*/)
    .map(clean)
    .filter((s) => s.length > 0);
}

function pushUnique(list: string[], values: string[]): void {
  for (const v of values) if (v && !list.includes(v)) list.push(v);
}

function parseCount(s: string): number | null {
  const m = /\d[\d,. ]*/.exec(s);
  if (!m) return null;
  const n = Number(m[0].replace(/[^\d]/g, ''));
  return Number.isFinite(n) ? n : null;
}

type Field =
  | 'title' | 'authors' | 'fandoms' | 'rating' | 'archiveWarnings' | 'categories' | 'relationships' | 'characters'
  | 'additionalTags' | 'genres' | 'series' | 'language' | 'summary' | 'url' | 'published' | 'updated' | 'status'
  | 'words' | 'chapters' | 'stats' | 'fandomOrCategory';

/** Normalised label (lower case, no colon) → field. Covers AO3's tag list and FanFicFare's title page. */
const LABELS: Record<string, Field> = {
  title: 'title',
  'story title': 'title',
  author: 'authors',
  authors: 'authors',
  by: 'authors',
  fandom: 'fandoms',
  fandoms: 'fandoms',
  rating: 'rating',
  rated: 'rating',
  'archive warning': 'archiveWarnings',
  'archive warnings': 'archiveWarnings',
  warning: 'archiveWarnings',
  warnings: 'archiveWarnings',
  category: 'fandomOrCategory',
  categories: 'fandomOrCategory',
  relationship: 'relationships',
  relationships: 'relationships',
  pairing: 'relationships',
  pairings: 'relationships',
  ships: 'relationships',
  character: 'characters',
  characters: 'characters',
  'additional tags': 'additionalTags',
  'freeform tags': 'additionalTags',
  freeform: 'additionalTags',
  tags: 'additionalTags',
  genre: 'genres',
  genres: 'genres',
  series: 'series',
  language: 'language',
  summary: 'summary',
  description: 'summary',
  'story url': 'url',
  url: 'url',
  source: 'url',
  published: 'published',
  updated: 'updated',
  'last updated': 'updated',
  completed: 'updated',
  status: 'status',
  words: 'words',
  'word count': 'words',
  chapters: 'chapters',
  stats: 'stats',
};

/** The field a label names (`Archive Warning:`, `Characters`), or null. */
export function labelField(label: string): Field | null {
  const key = clean(label).replace(/:$/, '').trim().toLowerCase();
  return LABELS[key] ?? null;
}

/**
 * Record a labelled value. `items` are the separate values when the page lists them as links (AO3);
 * otherwise the text is split on commas for list fields. Returns false for an unknown label.
 */
export function assignField(meta: WorkMetadata, label: string, text: string, items: string[] = []): boolean {
  const field = labelField(label);
  if (field === null) return false;
  const value = clean(text);
  const list = items.length > 0 ? items.map(clean).filter(Boolean) : splitList(value);
  switch (field) {
    case 'title':
      if (value) meta.title ??= value;
      break;
    case 'authors':
      pushUnique(meta.authors, list);
      break;
    case 'fandoms':
      pushUnique(meta.fandoms, list);
      break;
    case 'fandomOrCategory':
      // AO3's "Category" is F/M, Gen…; FanFicFare's "Category" is the fandom.
      if (list.length > 0 && list.every((c) => /^(F\/F|F\/M|M\/M|Gen|Multi|Other)$/i.test(c))) pushUnique(meta.categories, list);
      else pushUnique(meta.fandoms, list);
      break;
    case 'rating':
      if (value) meta.rating ??= value.replace(/^Fiction\s+/i, '');
      break;
    case 'archiveWarnings':
      pushUnique(meta.archiveWarnings, list);
      break;
    case 'relationships':
      pushUnique(meta.relationships, list);
      break;
    case 'characters':
      pushUnique(meta.characters, list);
      break;
    case 'additionalTags':
      pushUnique(meta.additionalTags, list);
      break;
    case 'genres':
      pushUnique(meta.genres, list.flatMap((g) => g.split(/\s*\/\s*/)).filter(Boolean));
      break;
    case 'series':
      pushUnique(meta.series, items.length > 0 ? [value] : [value].filter(Boolean));
      break;
    case 'language':
      if (value) meta.language ??= value;
      break;
    case 'summary':
      if (value) meta.summary ??= text.trim();
      break;
    case 'url':
      if (/^https?:\/\//i.test(value)) meta.url ??= value;
      break;
    case 'published':
      if (value) meta.published ??= value;
      break;
    case 'updated':
      if (value) meta.updated ??= value;
      break;
    case 'status':
      if (value) meta.status ??= value;
      break;
    case 'words':
      meta.declaredWords ??= parseCount(value);
      break;
    case 'chapters':
      if (value) meta.declaredChapters ??= value;
      break;
    case 'stats':
      parseStats(meta, value);
      break;
  }
  return true;
}

/** AO3 `Stats:` text: `Published: 2022-01-21 Updated: … Chapters: 3/3 Words: 1,000 …`. */
export function parseStats(meta: WorkMetadata, text: string): void {
  const re = /([A-Z][A-Za-z]*(?: [A-Za-z]+)?):\s*([^:]*?)(?=\s+[A-Z][A-Za-z]*(?: [A-Za-z]+)?:|$)/g;
  for (const m of clean(text).matchAll(re)) {
    const label = m[1].toLowerCase();
    const value = m[2].trim();
    if (label === 'published') meta.published ??= value;
    else if (label === 'updated' || label === 'completed') meta.updated ??= value;
    else if (label === 'chapters') {
      meta.declaredChapters ??= value;
      if (/^(\d+)\/(\d+)$/.test(value)) {
        const [a, b] = value.split('/');
        meta.status ??= a === b ? 'Completed' : 'In-Progress';
      }
    } else if (label === 'words') meta.declaredWords ??= parseCount(value);
  }
}

/**
 * FanFiction.Net's info line: `Rated: T - English - Drama/Angst - [Ann B., Cal] Dee - Chapters: 12 -
 * Words: 40,000 - … - Status: Complete - id: 1`. Square brackets mark a pairing.
 */
export function parseFfnInfoLine(meta: WorkMetadata, line: string): void {
  const parts = clean(line).split(/\s+-\s+/);
  let free = 0; // unlabelled parts seen: language, then genres, then characters
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(part);
    if (m) {
      const label = m[1].toLowerCase();
      const value = m[2].trim();
      if (label === 'rated') meta.rating ??= value.replace(/^Fiction\s+/i, '');
      else if (label === 'chapters') meta.declaredChapters ??= value;
      else if (label === 'words') meta.declaredWords ??= parseCount(value);
      else if (label === 'published') meta.published ??= value;
      else if (label === 'updated') meta.updated ??= value;
      else if (label === 'status') meta.status ??= value;
      continue;
    }
    if (free === 0) {
      meta.language ??= part.trim();
      free++;
      continue;
    }
    if (part === 'Complete' || part === 'Completed') {
      meta.status ??= 'Complete';
      continue;
    }
    const looksLikeGenres = free === 1 && !/[[\],]/.test(part) && /^[A-Z][a-z]+(?:[/][A-Z][a-z/]+)*$/.test(part) && /\/|^(Drama|Romance|Humor|Angst|Adventure|Tragedy|Friendship|Family|Hurt|Comfort|General|Horror|Mystery|Fantasy|Parody|Poetry|Suspense|Supernatural|Crime|Spiritual|Western|Sci-Fi)$/.test(part);
    free++;
    if (looksLikeGenres) {
      pushUnique(meta.genres, part.split('/').filter(Boolean));
      continue;
    }
    // Characters: `[A, B] C, D` — a bracketed group is a pairing.
    for (const g of part.matchAll(/\[([^\]]*)\]/g)) {
      const names = splitList(g[1]);
      if (names.length >= 2) pushUnique(meta.relationships, [names.join('/')]);
      pushUnique(meta.characters, names);
    }
    pushUnique(meta.characters, splitList(part.replace(/\[[^\]]*\]/g, ',')));
  }
}
