/**
 * Loading a PDNC novel folder (novel_text.txt, quotation_info.csv, character_info.csv) into gold data
 * with UTF-16 offsets, plus the gold cast as a dramatis cast file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CastCharacter, CastFile } from '../types.js';
import { parseCsvRecords } from './csv.js';
import { asArray, asStringArray, parsePyLiteralOr, type PyValue } from './pyliteral.js';

export const QUOTE_TYPES = ['Explicit', 'Anaphoric', 'Implicit', 'Other'] as const;
export type QuoteType = (typeof QUOTE_TYPES)[number];

export interface GoldCharacter {
  id: string;
  name: string;
  aliases: string[];
  gender: 'he' | 'she' | 'unknown';
  /** PDNC's pseudo-characters `_group` and `_unknowable`: not a person, not in the cast file. */
  pseudo: boolean;
}

export interface GoldQuote {
  id: string;
  /** Sub-quotation spans [start, end) in UTF-16 offsets of the text, marks excluded: flat pairs. */
  spans: number[];
  /** The speaker as written in the CSV. */
  speakerName: string;
  /** The gold character id, or null when the name maps to no character. */
  speakerId: string | null;
  /** Gold addressee ids (PDNC's `addressees`), pseudo-characters and unknown names left out. */
  addresseeIds: string[];
  type: QuoteType;
}

export interface PdncNovel {
  name: string;
  dir: string;
  text: string;
  characters: GoldCharacter[];
  quotes: GoldQuote[];
  /** Speaker names that map to no character (name → number of quotes). */
  unmappedSpeakers: Map<string, number>;
  /** Speaker names that matched only through an alias or after normalisation (name → id). */
  speakersByAlias: Map<string, string>;
}

const FILES = ['novel_text.txt', 'quotation_info.csv', 'character_info.csv'];

/** True when `dir` is a directory holding the three PDNC files. */
export function isPdncNovelDir(dir: string): boolean {
  try {
    if (!statSync(dir).isDirectory()) return false;
  } catch {
    return false;
  }
  return FILES.every((f) => existsSync(join(dir, f)));
}

/** Novel folders directly inside `root`, sorted by name (empty when there are none). */
export function listPdncNovelDirs(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .sort()
    .map((n) => join(root, n))
    .filter(isPdncNovelDir);
}

/** Normalise a name for matching: lower case, no periods or quotes, single spaces. */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.,"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function loadPdncNovel(dir: string): PdncNovel {
  let text = readFileSync(join(dir, 'novel_text.txt'), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const characters = loadCharacters(readFileSync(join(dir, 'character_info.csv'), 'utf8'));
  const resolve = speakerResolver(characters);
  const toUtf16 = codePointToUtf16(text);
  const { records } = parseCsvRecords(readFileSync(join(dir, 'quotation_info.csv'), 'utf8'));
  const quotes: GoldQuote[] = [];
  const unmappedSpeakers = new Map<string, number>();
  const speakersByAlias = new Map<string, string>();
  for (const r of records) {
    const spans: number[] = [];
    for (const pair of asArray(parsePyLiteralOr(r.quoteByteSpans ?? '', []))) {
      const p = asArray(pair);
      if (p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') continue;
      const s = toUtf16(p[0]);
      const e = toUtf16(p[1]);
      if (e > s && s >= 0 && e <= text.length) spans.push(s, e);
    }
    if (spans.length === 0) continue;
    const speakerName = (r.speaker ?? '').trim();
    const res = resolve(speakerName);
    if (res === null) unmappedSpeakers.set(speakerName, (unmappedSpeakers.get(speakerName) ?? 0) + 1);
    else if (res.byAlias) speakersByAlias.set(speakerName, res.id);
    const t = (r.quoteType ?? '').trim();
    const type: QuoteType = t === 'Explicit' || t === 'Anaphoric' || t === 'Implicit' ? t : 'Other';
    const addresseeIds: string[] = [];
    for (const a of asArray(parsePyLiteralOr(r.addressees ?? '', []))) {
      if (typeof a !== 'string' || /^_?(group|unknowable)$/i.test(a.trim())) continue;
      const id = resolve(a.trim())?.id;
      if (id !== undefined && !addresseeIds.includes(id)) addresseeIds.push(id);
    }
    quotes.push({ id: r.quoteID ?? '', spans, speakerName, speakerId: res?.id ?? null, addresseeIds, type });
  }
  quotes.sort((a, b) => a.spans[0] - b.spans[0]);
  return { name: basename(dir), dir, text, characters, quotes, unmappedSpeakers, speakersByAlias };
}

export function loadCharacters(csv: string): GoldCharacter[] {
  const { records } = parseCsvRecords(csv);
  const out: GoldCharacter[] = [];
  for (const r of records) {
    const id = (r['Character ID'] ?? '').trim();
    const name = (r['Main Name'] ?? '').trim();
    if (id === '' || name === '') continue;
    const aliasValue: PyValue = parsePyLiteralOr(r.Aliases ?? '', []);
    const aliases = [...new Set(asStringArray(aliasValue).map((a) => a.trim()).filter((a) => a !== ''))].sort();
    const g = (r.Gender ?? '').trim().toUpperCase();
    out.push({
      id,
      name,
      aliases,
      gender: g === 'M' ? 'he' : g === 'F' ? 'she' : 'unknown',
      // Some novels spell the pseudo-characters without the underscore (`Unknowable`).
      pseudo: /^_?(group|unknowable)$/i.test(name.trim()),
    });
  }
  return out;
}

/** PDNC's marks of the first-person narrator among the aliases (not names found in the text). */
const NARRATOR_MARKS: ReadonlySet<string> = new Set(['_narr', 'Narr']);

/**
 * The gold cast as a cast file: pseudo-characters left out, aliases minus the main name. PDNC marks
 * the first-person narrator with the alias `_narr` (and `Narr`); those become the alias `Narrator`.
 */
export function goldCastFile(characters: GoldCharacter[]): CastFile {
  const list: CastCharacter[] = [];
  for (const c of characters) {
    if (c.pseudo) continue;
    const narrator = c.aliases.some((a) => NARRATOR_MARKS.has(a));
    const aliases = c.aliases.filter((a) => a !== c.name && !NARRATOR_MARKS.has(a));
    if (narrator) aliases.push('Narrator');
    list.push({ id: c.id, name: c.name, aliases, gender: c.gender });
  }
  return { characters: list };
}

/**
 * Map a speaker name to a character id: exact main name first, then normalised main name, then a
 * normalised alias that belongs to exactly one character.
 */
export function speakerResolver(characters: GoldCharacter[]): (name: string) => { id: string; byAlias: boolean } | null {
  const exact = new Map<string, string>();
  const main = new Map<string, string>();
  const alias = new Map<string, string | null>();
  for (const c of characters) {
    exact.set(c.name, c.id);
    main.set(normName(c.name), c.id);
  }
  for (const c of characters) {
    for (const a of [c.name, ...c.aliases]) {
      const k = normName(a);
      const prev = alias.get(k);
      if (prev === undefined) alias.set(k, c.id);
      else if (prev !== c.id) alias.set(k, null);
    }
  }
  return (name) => {
    const e = exact.get(name);
    if (e !== undefined) return { id: e, byAlias: false };
    const k = normName(name);
    const m = main.get(k);
    if (m !== undefined) return { id: m, byAlias: true };
    const a = alias.get(k);
    if (a) return { id: a, byAlias: true };
    return null;
  };
}

/** Code-point offset → UTF-16 offset for `text` (identity when the text has no astral characters). */
export function codePointToUtf16(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return (cp) => cp;
  // utf16At[k] = UTF-16 offset of code point k.
  const utf16At: number[] = [];
  for (let i = 0; i < text.length; ) {
    utf16At.push(i);
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
  }
  utf16At.push(text.length);
  return (cp) => (cp <= 0 ? 0 : cp >= utf16At.length ? text.length + (cp - utf16At.length + 1) : utf16At[cp]);
}
