/**
 * A cast given by the user (or a cast hint): an alias index from its names, aliases and the
 * unambiguous parts of them (`Anne Elliot` → `Anne`, `Miss Elliot`), keyed like the name forms.
 */
import { GenderCode } from '../../document/document.js';
import type { CastCharacter } from '../../types.js';
import { NICKNAMES } from '../../lang/en/nicknames.js';
import { canonicalKey, firstNameVariants, genderCode, nameKey, parseName } from './names.js';

export const AMBIGUOUS = -2;
const FIRST_NAME_TITLES: ReadonlySet<string> = new Set(['sir', 'ser', 'dame', 'aunt', 'uncle']);

/** Canonical key of a written name (`Doctor Aziz` → `dr aziz`), `the` dropped. */
export function keyOfName(name: string): string {
  let k = nameKey(name);
  if (k.startsWith('the ')) k = k.slice(4);
  return canonicalKey(parseName(k));
}

/**
 * The names and aliases exactly as a given cast lists them, keyed (for the typo lookup); a duplicate
 * entry's names stand for the entry it repeats, as in the alias index.
 */
export function listedNames(cast: readonly CastCharacter[]): Map<string, number> {
  const out = new Map<string, number>();
  const names = cast.map((c) => [c.name, ...(c.aliases ?? [])].map(keyOfName));
  const dup = duplicateEntries(cast, names);
  names.forEach((keys, i) => {
    const ci = dup[i] >= 0 ? dup[i] : i;
    for (const k of keys) {
      if (!k) continue;
      const prev = out.get(k);
      out.set(k, prev === undefined || prev === ci ? ci : AMBIGUOUS);
    }
  });
  return out;
}

/**
 * Alias index for a given cast: explicit names and aliases, plus unambiguous derived sub-aliases.
 * A bare first name listed for one entry that is also the first name of another entry's full name
 * (`John` under John Beaver, beside John Andrew) is contested: it goes into `ambiguous` and, with
 * the entry that lists it, into `contested`, so the text decides and the list only breaks a tie.
 */
export function buildGivenIndex(cast: readonly CastCharacter[], ambiguous?: Set<string>, contested?: Map<string, number>): Map<string, number> {
  const explicit = new Map<string, number>();
  const setKey = (map: Map<string, number>, k: string, ci: number): void => {
    if (!k) return;
    const prev = map.get(k);
    if (prev === undefined) map.set(k, ci);
    else if (prev !== ci) map.set(k, AMBIGUOUS);
  };
  const names: string[][] = cast.map((c) => [c.name, ...(c.aliases ?? [])].map(keyOfName));
  const dup = duplicateEntries(cast, names);
  names.forEach((keys, ci) => keys.forEach((k) => setKey(explicit, k, dup[ci] >= 0 ? dup[ci] : ci)));
  const derived = new Map<string, number>();
  // Everyone a bare surname could name, for the tie-break below.
  const surnameOwners = new Map<string, Set<number>>();
  // Everyone whose full name starts with a first name, for contested aliases.
  const firstOwners = new Map<string, Set<number>>();
  const own = (k: string, ci: number): void => {
    let s = surnameOwners.get(k);
    if (!s) surnameOwners.set(k, (s = new Set()));
    s.add(ci);
  };
  cast.forEach((c, ci) => {
    if (dup[ci] >= 0) return;
    const g = genderCode(c.gender);
    for (const k of names[ci]) {
      const p = parseName(k);
      const core = p.core;
      if (core.length === 0) continue;
      if (p.title !== '') setKey(derived, core.join(' '), ci);
      // `Sir John`, `Aunt Celia`: these titles take a first name, not a surname.
      if (core.length === 1 && p.title !== '' && !FIRST_NAME_TITLES.has(p.title)) own(core[0], ci);
      if (core.length >= 2) {
        if (!firstOwners.has(core[0])) firstOwners.set(core[0], new Set());
        firstOwners.get(core[0])!.add(ci);
        for (const v of firstNameVariants(core[0])) setKey(derived, v, ci);
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
        const last = core[core.length - 1];
        setKey(derived, last, ci);
        own(last, ci);
        if (p.title !== '') setKey(derived, `${p.title} ${last}`, ci);
        if (g === GenderCode.She) setKey(derived, `miss ${last}`, ci);
        if (g === GenderCode.He) setKey(derived, `mr ${last}`, ci);
        setKey(derived, `${core[0]} ${last}`, ci);
      } else if (core.length === 1 && p.title === '') {
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
      }
    }
  });
  // A bare surname shared by several given characters (`Denham`: Ralph Denham, Mrs. Denham) names
  // the man when exactly one of them is a man: narration calls women by a title, rarely by surname alone.
  for (const [k, owners] of surnameOwners) {
    if (derived.get(k) !== AMBIGUOUS) continue;
    const men = [...owners].filter((ci) => genderCode(cast[ci].gender) === GenderCode.He);
    if (men.length === 1) derived.set(k, men[0]);
  }
  const index = new Map(explicit);
  for (const [k, ci] of explicit) {
    const holders = firstOwners.get(k);
    if (ci === AMBIGUOUS || !holders || ![...holders].some((cj) => cj !== ci)) continue;
    index.delete(k);
    ambiguous?.add(k);
    contested?.set(k, ci);
  }
  for (const [k, ci] of derived) {
    if (!index.has(k) && ci !== AMBIGUOUS) index.set(k, ci);
    else if (ci === AMBIGUOUS && !index.has(k)) ambiguous?.add(k);
  }
  return index;
}

/**
 * Given entries that only repeat another one's surname: a list with `Bounderby` next to `Josiah
 * Bounderby` (alias `Mr. Bounderby`) or `Reggie` next to `Reggie St Cloud` names one man twice.
 * Such an entry (every name one capitalised word, gender unknown or male) is routed to the one
 * other entry that word can name — the man of that surname with no other title, or the one of that
 * first name; -1 for every other entry. `Mr. Morland` beside `James Morland` stays: that is the father.
 */
export function duplicateEntries(cast: readonly CastCharacter[], names: readonly string[][]): Int32Array {
  const out = new Int32Array(cast.length).fill(-1);
  const parsed = names.map((keys) => keys.map(parseName));
  const surnameOf = (ci: number): string | null => {
    let s: string | null = null;
    for (const p of parsed[ci]) {
      if (p.core.length !== 1 || (p.title !== '' && p.title !== 'mr')) return null;
      if (s !== null && s !== p.core[0]) return null;
      s = p.core[0];
    }
    return s;
  };
  cast.forEach((c, ci) => {
    const g = genderCode(c.gender);
    if (g !== GenderCode.Unknown && g !== GenderCode.He) return;
    // Only bare words written as names: `Mr. Morland` beside `James Morland` is the father, and
    // `The Servant` is a description.
    if (![c.name, ...(c.aliases ?? [])].every((n) => /^\p{Lu}[\p{L}'’-]*$/u.test(n.trim()))) return;
    const surname = surnameOf(ci);
    if (surname === null) return;
    const men: number[] = [];
    cast.forEach((d, di) => {
      if (di === ci || genderCode(d.gender) !== GenderCode.He || surnameOf(di) !== null) return;
      const ps = parsed[di];
      const hasSurname = ps.some((p) => p.core.length >= 2 && p.core[p.core.length - 1] === surname) || ps.some((p) => p.title === 'mr' && p.core.length === 1 && p.core[0] === surname);
      const otherTitle = ps.some((p) => p.title !== '' && p.title !== 'mr');
      if (hasSurname && !otherTitle) men.push(di);
    });
    // A bare first name (`Reggie` next to `Reggie St Cloud`) is the one entry of that first name.
    const bare = parsed[ci].every((p) => p.title === '');
    const firsts: number[] = [];
    if (bare) {
      cast.forEach((d, di) => {
        if (di === ci || surnameOf(di) !== null) return;
        const dg = genderCode(d.gender);
        if (g !== GenderCode.Unknown && dg !== GenderCode.Unknown && dg !== g) return;
        if (parsed[di].some((p) => p.core.length >= 2 && p.core[0] === surname)) firsts.push(di);
      });
    }
    if (men.length + firsts.length === 1) out[ci] = men.length === 1 ? men[0] : firsts[0];
  });
  return out;
}

/** Look up a canonical name key in an alias index, trying the bare name and title + surname. -1 when absent, AMBIGUOUS when shared. */
export function lookupName(index: Map<string, number>, key: string): number {
  const tries: string[] = [key];
  const p = parseName(key);
  if (p.title !== '') {
    tries.push(p.core.join(' '));
    if (p.core.length >= 2) tries.push(`${p.title} ${p.core[p.core.length - 1]}`);
  }
  if (p.core.length >= 3) tries.push(`${p.core[0]} ${p.core[p.core.length - 1]}`);
  for (const k of tries) {
    const ci = index.get(k);
    if (ci !== undefined) return ci;
  }
  return -1;
}

/**
 * A written name that misses the index by one typo (`Nawab Bahadur` for a listed `Nawab Badahur`):
 * the same words but one, and that one (five letters or more) one edit away, or the same letters
 * with two swapped. A given cast is typed by people; the text is what the author wrote. `index` holds
 * the names and aliases as listed (not derived parts). -1 when no single character matches.
 */
export function typoLookup(index: ReadonlyMap<string, number>, key: string): number {
  const words = key.split(' ');
  let found = -1;
  for (const [k, ci] of index) {
    if (ci < 0 || ci === found) continue;
    const kw = k.split(' ');
    if (kw.length !== words.length) continue;
    let diff = 0;
    let ok = true;
    for (let i = 0; i < kw.length && ok; i++) {
      if (kw[i] === words[i]) continue;
      diff++;
      ok = diff === 1 && isTypo(kw[i], words[i]);
    }
    if (!ok || diff !== 1) continue;
    if (found >= 0) return -1;
    found = ci;
  }
  return found;
}

/**
 * A written name with letters lost in transcoding (`th?r?se de vitr` for a listed `Thérèse de Vitré`):
 * each `?` (or U+FFFD) stands for one letter, and a word may have lost its last letter with the
 * question mark that ended it (`Vitr?.`). The one known key it can be, or null (none, or several).
 */
export function repairLossyKey(keys: Iterable<string>, key: string): string | null {
  if (!/[?\ufffd]/.test(key)) return null;
  const words = key.split(' ').map((w) => new RegExp(`^${w.replace(/[.*+^${}()|[\]\\]/g, '\\$&').replace(/[?\ufffd]/g, '\\p{L}')}\\p{L}?$`, 'u'));
  let found: string | null = null;
  for (const k of keys) {
    if (k === found) continue;
    const kw = k.split(' ');
    if (kw.length !== words.length || !kw.every((w, i) => words[i].test(w))) continue;
    if (found !== null) return null;
    found = k;
  }
  return found;
}

function isTypo(a: string, b: string): boolean {
  // Short words and plurals (`Thorpes`, the family) are other words, not typos; so is a different first letter.
  if (Math.min(a.length, b.length) < 6 || a[0] !== b[0]) return false;
  if (a + 's' === b || b + 's' === a) return false;
  if (a.length === b.length && a[a.length - 1] === b[b.length - 1] && [...a].sort().join('') === [...b].sort().join('')) return true;
  // One changed letter in a short name is too often another name (`Rodney`, `Romney`).
  if (a.length === b.length && a.length < 8 && !isNeighbourSwap(a, b)) return false;
  return withinOneEdit(a, b);
}

function isNeighbourSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Damerau distance ≤ 1: one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
