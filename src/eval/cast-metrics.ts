/**
 * Cast measures against PDNC's character_info.csv: how well the discovered cast covers the gold
 * characters, under how many of their names, how often one discovered character holds two gold
 * characters, and how often the gender is right.
 *
 * - recall: gold characters of a category that the name mapping (mapCastByNames, one to one) pairs
 *   with a discovered character;
 * - alias recall: gold names (main name and aliases) of major and intermediate characters that occur
 *   in the text, found among the names of the discovered character mapped to that gold character;
 * - over-merges: discovered characters holding names of two or more gold characters (names that
 *   belong to one gold character only, compared after normalisation);
 * - gender: mapped characters whose gold gender is he or she, with the same predicted gender
 *   ("unknown" counts as wrong).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from './csv.js';
import { mapCastByNames, type NamedCharacter } from './metrics.js';
import { normName } from './pdnc.js';
import { escapeRegExp } from '../stages/quotes/labels.js';

export interface CastGold {
  id: string;
  name: string;
  aliases: readonly string[];
  gender: 'he' | 'she' | 'unknown';
  /** PDNC category: major, intermediate, minor (anything else counts as minor). */
  category?: string;
}

export interface CastPred extends NamedCharacter {
  gender: string;
}

export interface CastCounts {
  /** Discovered characters. */
  predicted: number;
  goldMajor: number;
  foundMajor: number;
  goldIntermediate: number;
  foundIntermediate: number;
  goldMinor: number;
  foundMinor: number;
  /** Gold names (of major and intermediate characters) that occur in the text, and those found. */
  aliases: number;
  aliasesFound: number;
  /** Discovered characters holding the names of two or more gold characters. */
  overMerges: number;
  /**
   * The same, not counting gold characters that look like duplicate entries of another (every name
   * of one is a name of the other, or one with its title dropped: PDNC lists `Bounderby` beside
   * `Josiah Bounderby`, whose alias is `Mr. Bounderby`).
   */
  overMergesDistinct: number;
  /** Mapped characters with a gold gender (he/she), and those whose predicted gender agrees. */
  genderScored: number;
  genderCorrect: number;
  /** The same, over major and intermediate characters only. */
  genderScoredMain: number;
  genderCorrectMain: number;
}

export interface CastDetail {
  /** Major/intermediate gold characters with no discovered character mapped to them. */
  missed: string[];
  /** `predicted name: gold A + gold B` for each over-merge. */
  overMerged: string[];
  /** `gold name: gold gender → predicted gender` for each gender error. */
  genderErrors: string[];
}

export function emptyCastCounts(): CastCounts {
  return {
    predicted: 0,
    goldMajor: 0,
    foundMajor: 0,
    goldIntermediate: 0,
    foundIntermediate: 0,
    goldMinor: 0,
    foundMinor: 0,
    aliases: 0,
    aliasesFound: 0,
    overMerges: 0,
    overMergesDistinct: 0,
    genderScored: 0,
    genderCorrect: 0,
    genderScoredMain: 0,
    genderCorrectMain: 0,
  };
}

export function addCastCounts(into: CastCounts, from: CastCounts): void {
  for (const k of Object.keys(into) as (keyof CastCounts)[]) into[k] += from[k];
}

/** PDNC's narrator marks and other aliases that are not names written in the text. */
const NOT_TEXT_NAMES: ReadonlySet<string> = new Set(['_narr', 'narr', 'narrator']);


/** Does the name occur in the text (case-sensitive, whole words; a leading The/A may be lower case)? */
export function nameOccurs(text: string, name: string): boolean {
  const m = /^(The|A|An) (.+)$/.exec(name);
  const body = m ? `(?:${m[1]}|${m[1].toLowerCase()}) ${escapeRegExp(m[2])}` : escapeRegExp(name);
  const words = body.replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

export function scoreCast(text: string, pred: readonly CastPred[], gold: readonly CastGold[]): { counts: CastCounts; detail: CastDetail } {
  const counts = emptyCastCounts();
  const detail: CastDetail = { missed: [], overMerged: [], genderErrors: [] };
  counts.predicted = pred.length;
  const mapping = mapCastByNames(pred, gold);
  const predOf = new Map<string, number>();
  mapping.forEach((g, pi) => {
    if (g !== null) predOf.set(g, pi);
  });
  const predNames = pred.map((c) => new Set([c.name, ...c.aliases].map(normName)));

  for (const g of gold) {
    const cat = g.category === 'major' || g.category === 'intermediate' ? g.category : 'minor';
    const pi = predOf.get(g.id);
    const found = pi !== undefined;
    if (cat === 'major') {
      counts.goldMajor++;
      if (found) counts.foundMajor++;
    } else if (cat === 'intermediate') {
      counts.goldIntermediate++;
      if (found) counts.foundIntermediate++;
    } else {
      counts.goldMinor++;
      if (found) counts.foundMinor++;
    }
    const main = cat !== 'minor';
    if (main && !found) detail.missed.push(g.name);
    if (main) {
      const seen = new Set<string>();
      for (const a of [g.name, ...g.aliases]) {
        const k = normName(a);
        if (k === '' || seen.has(k) || NOT_TEXT_NAMES.has(k)) continue;
        seen.add(k);
        if (!nameOccurs(text, a)) continue;
        counts.aliases++;
        if (found && predNames[pi].has(k)) counts.aliasesFound++;
      }
    }
    if (found && (g.gender === 'he' || g.gender === 'she')) {
      const ok = pred[pi].gender === g.gender;
      counts.genderScored++;
      if (ok) counts.genderCorrect++;
      if (main) {
        counts.genderScoredMain++;
        if (ok) counts.genderCorrectMain++;
      }
      if (!ok) detail.genderErrors.push(`${g.name}: ${g.gender} → ${pred[pi].gender}`);
    }
  }

  // Over-merges: names that belong to exactly one gold character.
  const owner = new Map<string, number>();
  gold.forEach((g, gi) => {
    for (const a of new Set([g.name, ...g.aliases].map(normName))) {
      if (a === '' || NOT_TEXT_NAMES.has(a)) continue;
      const prev = owner.get(a);
      owner.set(a, prev === undefined || prev === gi ? gi : -1);
    }
  });
  const goldNames = gold.map((g) => [...new Set([g.name, ...g.aliases].map(normName))].filter((k) => k !== '' && !NOT_TEXT_NAMES.has(k)));
  const goldWords = goldNames.map((names) => {
    const w = new Set<string>(names);
    for (const k of names) w.add(k.replace(TITLE_PREFIX, ''));
    return w;
  });
  pred.forEach((c, pi) => {
    const held = new Set<number>();
    for (const k of predNames[pi]) {
      const gi = owner.get(k);
      if (gi !== undefined && gi >= 0) held.add(gi);
    }
    if (held.size >= 2) {
      counts.overMerges++;
      detail.overMerged.push(`${c.name}: ${[...held].map((gi) => gold[gi].name).join(' + ')}`);
      const list = [...held];
      let distinct = false;
      for (let a = 0; a < list.length && !distinct; a++) {
        for (let b = a + 1; b < list.length && !distinct; b++) {
          if (!duplicateOf(goldWords[list[a]], goldNames[list[b]]) && !duplicateOf(goldWords[list[b]], goldNames[list[a]])) distinct = true;
        }
      }
      if (distinct) counts.overMergesDistinct++;
    }
  });
  return { counts, detail };
}

/** PDNC category per character id, read from the novel folder's character_info.csv (empty when absent). */
const TITLE_PREFIX = /^(?:mr|mrs|miss|ms|dr|doctor|sir|lady|lord|captain|colonel|major|general|admiral|young|old|little|the) /;

/** Is every name of a gold character a name of another, or one with its title dropped (`Bounderby` of `Mr. Bounderby`)? */
function duplicateOf(otherWords: Set<string>, names: readonly string[]): boolean {
  return names.length > 0 && names.every((k) => otherWords.has(k));
}

export function loadCategories(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let csv: string;
  try {
    csv = readFileSync(join(dir, 'character_info.csv'), 'utf8');
  } catch {
    return out;
  }
  for (const r of parseCsvRecords(csv).records) {
    const id = (r['Character ID'] ?? '').trim();
    if (id !== '') out.set(id, (r.Category ?? '').trim().toLowerCase());
  }
  return out;
}
