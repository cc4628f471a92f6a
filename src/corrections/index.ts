/**
 * Corrections: a user's fixes to an analysis (a line's speaker, renamed, merged or split characters,
 * a character's gender), saved as a JSON file and applied after every re-analysis, so the fixes
 * survive changes to the text and to dramatis itself.
 *
 * The file (documented in docs/report.md, "Corrections file"):
 *
 *   {
 *     "format": "dramatis-corrections",
 *     "version": 1,
 *     "source": "story.txt",                 // informative only
 *     "operations": [ Operation, … ]        // applied in order
 *   }
 *
 * A character is referred to as `{"id": …, "name": …}`: by id first, then by name or alias (ids of
 * discovered characters are derived from names and can change when the text changes). A quote is
 * referred to as `{"start": …, "end": …, "text": …}` (code points, as in the Analysis) and is found
 * again by its offsets and text: the same span, else the nearest span with the same text, else an
 * overlapping span with nearly the same text. An operation that cannot be applied is skipped with a
 * warning (`correction-skipped`) in the Analysis; it is never an error.
 *
 * Corrections change the Document's cast and attribution layers in place (`applyCorrections`), so
 * the Analysis and every export read the corrected story.
 */
import { InputError } from '../errors.js';
import type { CharacterRecord, Document } from '../document/document.js';
import type { CastFile, Gender } from '../types.js';

export const CORRECTIONS_FORMAT = 'dramatis-corrections';
export const CORRECTIONS_VERSION = 1;

/** The cue and confidence of a line whose speaker the user set. */
export const CORRECTED_CUE = 'corrected';

export interface CharacterRef {
  id?: string;
  name?: string;
}

export interface QuoteRef {
  start: number;
  end: number;
  text: string;
}

export type CorrectionOp =
  | { op: 'speaker'; quote: QuoteRef; speaker: CharacterRef | null }
  | { op: 'rename'; character: CharacterRef; name: string }
  | { op: 'gender'; character: CharacterRef; gender: Gender }
  | { op: 'merge'; character: CharacterRef; into: CharacterRef }
  | {
      op: 'split';
      character: CharacterRef;
      /** The new character: its mentions are those of `character` whose text is its name or an alias. */
      new: { id?: string; name: string; aliases?: string[]; gender?: Gender };
      /** Lines that move to the new character. */
      quotes?: QuoteRef[];
    };

export interface Corrections {
  format: typeof CORRECTIONS_FORMAT;
  version: number;
  source?: string | null;
  operations: CorrectionOp[];
}

export function emptyCorrections(source: string | null = null): Corrections {
  return { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, source, operations: [] };
}

// ---------------------------------------------------------------------------------------------
// Validation

const GENDERS = new Set(['he', 'she', 'they', 'unknown']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function charRef(v: unknown, where: string): CharacterRef {
  if (!isObj(v)) throw new InputError(`${where} must be an object with "id" or "name"`);
  const id = v.id;
  const name = v.name;
  if (id !== undefined && typeof id !== 'string') throw new InputError(`${where}.id must be a string`);
  if (name !== undefined && typeof name !== 'string') throw new InputError(`${where}.name must be a string`);
  if ((id === undefined || id === '') && (name === undefined || name.trim() === '')) throw new InputError(`${where} needs "id" or "name"`);
  const ref: CharacterRef = {};
  if (id) ref.id = id;
  if (name) ref.name = name;
  return ref;
}

function quoteRef(v: unknown, where: string): QuoteRef {
  if (!isObj(v)) throw new InputError(`${where} must be an object with "start", "end" and "text"`);
  const { start, end, text } = v;
  if (!Number.isInteger(start) || (start as number) < 0) throw new InputError(`${where}.start must be a non-negative integer`);
  if (!Number.isInteger(end) || (end as number) < (start as number)) throw new InputError(`${where}.end must be an integer not before start`);
  if (typeof text !== 'string') throw new InputError(`${where}.text must be a string`);
  return { start: start as number, end: end as number, text };
}

function gender(v: unknown, where: string): Gender {
  if (typeof v !== 'string' || !GENDERS.has(v)) throw new InputError(`${where} must be one of he, she, they, unknown`);
  return v as Gender;
}

/** Validate parsed JSON as a corrections file; throws an InputError naming the first bad entry. */
export function validateCorrections(data: unknown, name = 'corrections file'): Corrections {
  if (!isObj(data)) throw new InputError(`${name} must be a JSON object`);
  if (data.format !== CORRECTIONS_FORMAT) throw new InputError(`${name} is not a dramatis corrections file (its "format" must be "${CORRECTIONS_FORMAT}")`);
  if (data.version !== CORRECTIONS_VERSION) throw new InputError(`${name} has version ${JSON.stringify(data.version)}; this dramatis reads version ${CORRECTIONS_VERSION}`);
  if (!Array.isArray(data.operations)) throw new InputError(`${name} must have an "operations" array`);
  const ops: CorrectionOp[] = data.operations.map((raw, i): CorrectionOp => {
    const w = `${name}: operations[${i}]`;
    if (!isObj(raw)) throw new InputError(`${w} is not an object`);
    switch (raw.op) {
      case 'speaker':
        return { op: 'speaker', quote: quoteRef(raw.quote, `${w}.quote`), speaker: raw.speaker === null ? null : charRef(raw.speaker, `${w}.speaker`) };
      case 'rename':
        if (typeof raw.name !== 'string' || raw.name.trim() === '') throw new InputError(`${w}.name must be a non-empty string`);
        return { op: 'rename', character: charRef(raw.character, `${w}.character`), name: raw.name.trim() };
      case 'gender':
        return { op: 'gender', character: charRef(raw.character, `${w}.character`), gender: gender(raw.gender, `${w}.gender`) };
      case 'merge':
        return { op: 'merge', character: charRef(raw.character, `${w}.character`), into: charRef(raw.into, `${w}.into`) };
      case 'split': {
        const n = raw.new;
        if (!isObj(n) || typeof n.name !== 'string' || n.name.trim() === '') throw new InputError(`${w}.new must be an object with a "name"`);
        if (n.id !== undefined && (typeof n.id !== 'string' || n.id === '')) throw new InputError(`${w}.new.id must be a non-empty string`);
        if (n.aliases !== undefined && (!Array.isArray(n.aliases) || n.aliases.some((a) => typeof a !== 'string'))) {
          throw new InputError(`${w}.new.aliases must be an array of strings`);
        }
        if (raw.quotes !== undefined && !Array.isArray(raw.quotes)) throw new InputError(`${w}.quotes must be an array`);
        const op: CorrectionOp = {
          op: 'split',
          character: charRef(raw.character, `${w}.character`),
          new: { name: n.name.trim() },
        };
        if (n.id !== undefined) op.new.id = n.id as string;
        if (n.aliases !== undefined) op.new.aliases = (n.aliases as string[]).map((a) => a.trim()).filter((a) => a !== '');
        if (n.gender !== undefined) op.new.gender = gender(n.gender, `${w}.new.gender`);
        if (raw.quotes !== undefined) op.quotes = (raw.quotes as unknown[]).map((q, k) => quoteRef(q, `${w}.quotes[${k}]`));
        return op;
      }
      default:
        throw new InputError(`${w}.op must be one of speaker, rename, gender, merge, split`);
    }
  });
  const source = typeof data.source === 'string' ? data.source : null;
  return { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, source, operations: ops };
}

export function parseCorrections(json: string, name = 'corrections file'): Corrections {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new InputError(`${name} is not valid JSON: ${(e as Error).message}`);
  }
  return validateCorrections(data, name);
}

// ---------------------------------------------------------------------------------------------
// Snapshots (the server applies the whole list again to the pristine analysis after every edit)

export interface EditableLayers {
  characters: CharacterRecord[];
  mentionCharacters: Int32Array;
  speakers: Int32Array;
  speakerConfidence: Float32Array;
  speakerCues: string[];
  addressees: number[][];
  warnings: Document['warnings'];
}

export function snapshotEditable(doc: Document): EditableLayers {
  return {
    characters: doc.characters.map((c) => ({ ...c, aliases: [...c.aliases] })),
    mentionCharacters: doc.mentionCharacters.slice(),
    speakers: doc.speakers.slice(),
    speakerConfidence: doc.speakerConfidence.slice(),
    speakerCues: [...doc.speakerCues],
    addressees: doc.addressees.map((a) => [...(a ?? [])]),
    warnings: doc.warnings.map((w) => ({ ...w })),
  };
}

export function restoreEditable(doc: Document, s: EditableLayers): void {
  const copy = snapshotEditable({ ...s } as unknown as Document);
  doc.characters = copy.characters;
  doc.mentionCharacters = copy.mentionCharacters;
  doc.speakers = copy.speakers;
  doc.speakerConfidence = copy.speakerConfidence;
  doc.speakerCues = copy.speakerCues;
  doc.addressees = copy.addressees;
  doc.warnings = copy.warnings;
}

// ---------------------------------------------------------------------------------------------
// Applying

export interface ApplyResult {
  applied: number;
  skipped: { index: number; op: string; reason: string }[];
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Dice coefficient of character bigrams: 1 for equal strings, near 1 for small edits. */
export function similarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      grams.set(g, n - 1);
      common++;
    }
  }
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Finds quote spans of a document again from QuoteRefs. */
export class QuoteMatcher {
  private readonly byText = new Map<string, number[]>();
  private readonly cpStarts: Int32Array;
  private readonly cpEnds: Int32Array;

  constructor(private readonly doc: Document) {
    const n = doc.quoteCount;
    this.cpStarts = new Int32Array(n);
    this.cpEnds = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      this.cpStarts[k] = doc.toCodePoint(doc.quotes[4 * k]);
      this.cpEnds[k] = doc.toCodePoint(doc.quotes[4 * k + 1]);
      const key = norm(doc.quoteText(k));
      const list = this.byText.get(key);
      if (list) list.push(k);
      else this.byText.set(key, [k]);
    }
  }

  /** Index of the quote span the reference points to, or -1. */
  find(ref: QuoteRef): number {
    const n = this.cpStarts.length;
    // 1. The same span with the same text.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cpStarts[mid] < ref.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && this.cpStarts[lo] === ref.start && this.cpEnds[lo] === ref.end && norm(this.doc.quoteText(lo)) === norm(ref.text)) return lo;
    // 2. The nearest span with the same text.
    const same = this.byText.get(norm(ref.text));
    if (same && same.length > 0) {
      let best = -1;
      let bestDist = Infinity;
      for (const k of same) {
        const d = Math.abs(this.cpStarts[k] - ref.start);
        if (d < bestDist) {
          bestDist = d;
          best = k;
        }
      }
      return best;
    }
    // 3. An overlapping (or nearby) span with nearly the same text: the text was edited a little.
    const slack = Math.max(200, ref.end - ref.start);
    let best = -1;
    let bestSim = 0.75;
    for (let k = Math.max(0, lo - 50); k < Math.min(n, lo + 50); k++) {
      if (this.cpEnds[k] < ref.start - slack || this.cpStarts[k] > ref.end + slack) continue;
      const sim = similarity(this.doc.quoteText(k), ref.text);
      if (sim > bestSim) {
        bestSim = sim;
        best = k;
      }
    }
    return best;
  }

  /** The reference of span k, as a corrections file stores it. */
  ref(k: number): QuoteRef {
    return { start: this.cpStarts[k], end: this.cpEnds[k], text: this.doc.quoteText(k) };
  }
}

/** Index of the character a reference points to, or -1: id first, then name, then alias. */
export function findCharacter(doc: Document, ref: CharacterRef): number {
  const chars = doc.characters;
  if (ref.id !== undefined) {
    const i = chars.findIndex((c) => c.id === ref.id);
    if (i >= 0) return i;
  }
  if (ref.name !== undefined) {
    const n = norm(ref.name);
    let i = chars.findIndex((c) => norm(c.name) === n);
    if (i >= 0) return i;
    i = chars.findIndex((c) => c.aliases.some((a) => norm(a) === n));
    if (i >= 0) return i;
  }
  return -1;
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'character';
}

function freshId(doc: Document, wanted: string): string {
  const taken = new Set(doc.characters.map((c) => c.id));
  if (!taken.has(wanted)) return wanted;
  for (let k = 2; ; k++) if (!taken.has(`${wanted}-${k}`)) return `${wanted}-${k}`;
}

function addAlias(c: CharacterRecord, alias: string): void {
  const a = alias.trim();
  if (a === '' || norm(a) === norm(c.name)) return;
  if (!c.aliases.some((x) => norm(x) === norm(a))) c.aliases.push(a);
}

/** Remove character `idx`, re-pointing mentions/speakers/addressees at `into` (or -1), and shift indexes. */
function removeCharacter(doc: Document, idx: number, into: number): void {
  const remap = (c: number): number => {
    if (c === idx) c = into;
    if (c < 0) return -1;
    return c > idx ? c - 1 : c;
  };
  const mc = doc.mentionCharacters;
  for (let m = 0; m < mc.length; m++) mc[m] = remap(mc[m]);
  const sp = doc.speakers;
  for (let u = 0; u < sp.length; u++) sp[u] = remap(sp[u]);
  for (let u = 0; u < doc.addressees.length; u++) {
    const list = doc.addressees[u];
    if (!list) continue;
    const out: number[] = [];
    for (const a of list) {
      const r = remap(a);
      if (r >= 0 && !out.includes(r)) out.push(r);
    }
    doc.addressees[u] = out;
  }
  // A line spoken by a character to themself after a merge: drop that addressee.
  for (let u = 0; u < sp.length; u++) {
    if (sp[u] >= 0 && doc.addressees[u]) doc.addressees[u] = doc.addressees[u].filter((a) => a !== sp[u]);
  }
  doc.characters.splice(idx, 1);
}

function setSpeaker(doc: Document, u: number, ch: number): void {
  doc.speakers[u] = ch;
  doc.speakerConfidence[u] = 1;
  doc.speakerCues[u] = CORRECTED_CUE;
  if (ch >= 0 && doc.addressees[u]) doc.addressees[u] = doc.addressees[u].filter((a) => a !== ch);
}

function refText(ref: CharacterRef): string {
  return ref.name ?? ref.id ?? '?';
}

/**
 * Apply corrections to an analysed Document, in order. Operations that cannot be applied are
 * skipped and reported (also as `correction-skipped` warnings on the Document).
 */
export function applyCorrections(doc: Document, corrections: Corrections): ApplyResult {
  const result: ApplyResult = { applied: 0, skipped: [] };
  if (doc.speakers.length < doc.utteranceCount) {
    const sp = new Int32Array(doc.utteranceCount).fill(-1);
    sp.set(doc.speakers);
    doc.speakers = sp;
  }
  if (doc.speakerConfidence.length < doc.utteranceCount) {
    const c = new Float32Array(doc.utteranceCount);
    c.set(doc.speakerConfidence);
    doc.speakerConfidence = c;
  }
  const matcher = new QuoteMatcher(doc);
  const skip = (index: number, op: string, reason: string): void => {
    result.skipped.push({ index, op, reason });
    doc.warn('correction-skipped', `correction ${index + 1} (${op}) skipped: ${reason}`);
  };
  corrections.operations.forEach((op, index) => {
    switch (op.op) {
      case 'speaker': {
        const k = matcher.find(op.quote);
        if (k < 0) return skip(index, op.op, `no quote like "${op.quote.text.slice(0, 40)}" near offset ${op.quote.start}`);
        let ch = -1;
        if (op.speaker !== null) {
          ch = findCharacter(doc, op.speaker);
          if (ch < 0) return skip(index, op.op, `no character ${refText(op.speaker)}`);
        }
        setSpeaker(doc, doc.quotes[4 * k + 3], ch);
        break;
      }
      case 'rename': {
        const ch = findCharacter(doc, op.character);
        if (ch < 0) return skip(index, op.op, `no character ${refText(op.character)}`);
        const c = doc.characters[ch];
        const old = c.name;
        c.name = op.name;
        c.aliases = c.aliases.filter((a) => norm(a) !== norm(op.name));
        addAlias(c, old);
        break;
      }
      case 'gender': {
        const ch = findCharacter(doc, op.character);
        if (ch < 0) return skip(index, op.op, `no character ${refText(op.character)}`);
        doc.characters[ch].gender = op.gender;
        break;
      }
      case 'merge': {
        const from = findCharacter(doc, op.character);
        const into = findCharacter(doc, op.into);
        if (from < 0) return skip(index, op.op, `no character ${refText(op.character)}`);
        if (into < 0) return skip(index, op.op, `no character ${refText(op.into)}`);
        if (from === into) return skip(index, op.op, `${refText(op.character)} and ${refText(op.into)} are the same character`);
        const a = doc.characters[from];
        const b = doc.characters[into];
        addAlias(b, a.name);
        for (const al of a.aliases) addAlias(b, al);
        b.mentions += a.mentions;
        b.quotes += a.quotes;
        if (b.gender === 'unknown') b.gender = a.gender;
        removeCharacter(doc, from, into);
        break;
      }
      case 'split': {
        const from = findCharacter(doc, op.character);
        if (from < 0) return skip(index, op.op, `no character ${refText(op.character)}`);
        const wantedId = op.new.id ?? slug(op.new.name);
        if (op.new.id !== undefined && doc.characters.some((c) => c.id === op.new.id)) {
          return skip(index, op.op, `a character with id ${op.new.id} exists already`);
        }
        const names = new Set([op.new.name, ...(op.new.aliases ?? [])].map(norm));
        const src = doc.characters[from];
        const created: CharacterRecord = {
          id: freshId(doc, wantedId),
          name: op.new.name,
          aliases: [],
          gender: op.new.gender ?? src.gender,
          mentions: 0,
          quotes: 0,
          given: true,
        };
        for (const a of op.new.aliases ?? []) addAlias(created, a);
        src.aliases = src.aliases.filter((a) => !names.has(norm(a)));
        const idx = doc.characters.length;
        doc.characters.push(created);
        const mc = doc.mentionCharacters;
        let moved = 0;
        for (let m = 0; m < mc.length; m++) {
          if (mc[m] === from && names.has(norm(doc.mentionText(m)))) {
            mc[m] = idx;
            moved++;
          }
        }
        created.mentions = moved;
        src.mentions = Math.max(0, src.mentions - moved);
        for (const q of op.quotes ?? []) {
          const k = matcher.find(q);
          if (k >= 0) setSpeaker(doc, doc.quotes[4 * k + 3], idx);
        }
        break;
      }
    }
    result.applied++;
  });
  return result;
}

/** The corrected cast as a cast file (`--cast`), keeping ids. */
export function castFromDocument(doc: Document): CastFile {
  return {
    characters: doc.characters.map((c) => ({ id: c.id, name: c.name, aliases: [...c.aliases], gender: c.gender })),
  };
}
