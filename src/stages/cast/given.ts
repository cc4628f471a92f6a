/**
 * A cast given by the user (or a cast hint): an alias index from its names, aliases and the
 * unambiguous parts of them (`Anne Elliot` → `Anne`, `Miss Elliot`), keyed like the name forms.
 */
import { GenderCode } from '../../document/document.js';
import type { CastCharacter } from '../../types.js';
import { NICKNAMES } from '../../lang/en/nicknames.js';
import { canonicalKey, firstNameVariants, genderCode, nameKey, parseName } from './names.js';

export const AMBIGUOUS = -2;

/** Canonical key of a written name (`Doctor Aziz` → `dr aziz`), `the` dropped. */
export function keyOfName(name: string): string {
  let k = nameKey(name);
  if (k.startsWith('the ')) k = k.slice(4);
  return canonicalKey(parseName(k));
}

/** Alias index for a given cast: explicit names and aliases, plus unambiguous derived sub-aliases. */
export function buildGivenIndex(cast: readonly CastCharacter[], ambiguous?: Set<string>): Map<string, number> {
  const explicit = new Map<string, number>();
  const setKey = (map: Map<string, number>, k: string, ci: number): void => {
    if (!k) return;
    const prev = map.get(k);
    if (prev === undefined) map.set(k, ci);
    else if (prev !== ci) map.set(k, AMBIGUOUS);
  };
  const names: string[][] = cast.map((c) => [c.name, ...(c.aliases ?? [])].map(keyOfName));
  names.forEach((keys, ci) => keys.forEach((k) => setKey(explicit, k, ci)));
  const derived = new Map<string, number>();
  cast.forEach((c, ci) => {
    const g = genderCode(c.gender);
    for (const k of names[ci]) {
      const p = parseName(k);
      const core = p.core;
      if (core.length === 0) continue;
      if (p.title !== '') setKey(derived, core.join(' '), ci);
      if (core.length >= 2) {
        for (const v of firstNameVariants(core[0])) setKey(derived, v, ci);
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
        const last = core[core.length - 1];
        setKey(derived, last, ci);
        if (p.title !== '') setKey(derived, `${p.title} ${last}`, ci);
        if (g === GenderCode.She) setKey(derived, `miss ${last}`, ci);
        if (g === GenderCode.He) setKey(derived, `mr ${last}`, ci);
        setKey(derived, `${core[0]} ${last}`, ci);
      } else if (core.length === 1 && p.title === '') {
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
      }
    }
  });
  const index = new Map(explicit);
  for (const [k, ci] of derived) {
    if (!index.has(k) && ci !== AMBIGUOUS) index.set(k, ci);
    else if (ci === AMBIGUOUS && !index.has(k)) ambiguous?.add(k);
  }
  return index;
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
