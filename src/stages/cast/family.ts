/**
 * Family read from names alone: `his wife`, `her husband`, `Daisy's mamma`, `her father` resolve to
 * the one character the cast's names make that relative of the possessor. A wife goes by a wife's
 * title and the family name (`Mrs. Pontellier`, `Madame Lebrun`); a husband and a father by a title
 * and the family name (`Mr. Pontellier`, `General Tilney`). Only a single match counts: a mother and
 * her son, a brother and sister, share a name as spouses do, so two women titled with one family
 * name, two titled men, or a woman and two men of one name, name nobody, and a widow's untitled son
 * is no husband. Nobody's parents are read from a married woman's name, nor from a titled man's:
 * another titled man of his name may be his brother (`Mr. Lawrence Cavendish` is John's), the woman
 * of it his wife. `his husband`, `her wife` are left alone: the names pair a Mrs. with a Mr.
 */
import { GenderCode, type CharacterRecord } from '../../document/document.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { canonicalTitle, titleClass } from '../../lang/en/titles.js';
import { nameKey } from './names.js';

/** Male titles that say nothing of a father (`Uncle Ned`, `Brother Cadfael`, `Master Tom`, a boy). */
const NOT_FATHER_TITLES: ReadonlySet<string> = new Set(['uncle', 'brother', 'father', 'master', 'cousin']);

/** A title a married woman goes by with her husband's family name: the married women's class (`Mrs.`, `Madame`, `Frau`), and `Lady`. */
const isWifeTitle = (w: string): boolean => {
  const t = canonicalTitle(w);
  return titleClass(t) === 'mrs' || t === 'lady';
};

export const enum Relation {
  Wife,
  Husband,
  Mother,
  Father,
}

/** The relation a kinship head word names (`wife`, `mamma`, `papa`), or undefined. */
const RELATION_WORDS: ReadonlyMap<string, Relation> = new Map([
  ['wife', Relation.Wife], ['husband', Relation.Husband],
  ['mother', Relation.Mother], ['mamma', Relation.Mother], ['mama', Relation.Mother], ['mum', Relation.Mother], ['mom', Relation.Mother], ['mummy', Relation.Mother], ['mommy', Relation.Mother],
  ['father', Relation.Father], ['papa', Relation.Father], ['dad', Relation.Father], ['daddy', Relation.Father],
]);

/** The relation of a possessive kinship description (`his wife`, `Daisy's poor mamma`), by its last word. */
export function relationOf(description: string): Relation | undefined {
  const words = description.trim().toLowerCase().split(/\s+/);
  return words.length <= 4 ? RELATION_WORDS.get(words[words.length - 1]) : undefined;
}

/** `relative(c, r)`: the one character the names make c's spouse, mother or father, or -1. */
export function familyByNames(chars: readonly CharacterRecord[], genders: readonly number[]): (c: number, r: Relation) => number {
  /**
   * Family names of c: the last word of each name of two words or more; with `wifeTitled`, of the
   * names with a wife's title only (`Mrs. Pontellier`), with `titled`, of those with a man's title
   * that could be a father's (`Mr. Hale`, `General Tilney`; not `Uncle Ned`).
   */
  const familyNames = (c: number, wifeTitled: boolean, titled = false): string[] => {
    const out: string[] = [];
    for (const name of [chars[c].name, ...chars[c].aliases]) {
      const words = nameKey(name).split(' ');
      if (words.length < 2) continue;
      if (wifeTitled && !(words.length <= 3 && isWifeTitle(words[0]))) continue;
      if (titled && !(HONORIFICS.get(words[0]) === GenderCode.He && !NOT_FATHER_TITLES.has(words[0]))) continue;
      const last = words[words.length - 1];
      if (last.length > 2 && !out.includes(last)) out.push(last);
    }
    return out;
  };
  const index = (pick: (c: number) => string[]): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    chars.forEach((_, c) => {
      for (const f of pick(c)) (out.get(f) ?? out.set(f, []).get(f)!).push(c);
    });
    return out;
  };
  const wives = index((c) => (genders[c] === GenderCode.She ? familyNames(c, true) : []));
  const men = index((c) => (genders[c] === GenderCode.He ? familyNames(c, false) : []));
  const titledMen = index((c) => (genders[c] === GenderCode.He ? familyNames(c, false, true) : []));
  // Spouses: the one wife-titled woman of a name and the one man of it, who goes by a title too
  // (`Mr. Pontellier`): a widow's son (`Paul Morel`) is no husband.
  const spouse = new Int32Array(chars.length).fill(-1);
  for (const [f, ws] of wives) {
    const hs = men.get(f);
    if (ws.length !== 1 || hs === undefined || hs.length !== 1 || !(titledMen.get(f) ?? []).includes(hs[0])) continue;
    spouse[ws[0]] = spouse[ws[0]] === -1 ? hs[0] : -2;
    spouse[hs[0]] = spouse[hs[0]] === -1 ? ws[0] : -2;
  }
  /** The one candidate under c's family names, c and c's spouse left out; -1 when none or several. */
  const single = (c: number, byName: Map<string, number[]>): number => {
    // A wife's own parents had another name; a titled man's titled namesake may be his brother, and
    // the woman titled with his name may be his wife (`his mother`, with a son in the cast who leaves
    // the pairing unsure).
    if (familyNames(c, true).length > 0 || familyNames(c, false, true).length > 0) return -1;
    let found = -1;
    for (const f of familyNames(c, false)) {
      for (const k of byName.get(f) ?? []) {
        if (k === c || k === spouse[c]) continue;
        if (found >= 0 && found !== k) return -1;
        found = k;
      }
    }
    return found;
  };
  return (c, r) => {
    if (c < 0) return -1;
    // `his husband`, `her wife`: a couple the names cannot pair (they pair a Mrs. with a Mr.).
    if (r === Relation.Wife || r === Relation.Husband) {
      const want = r === Relation.Wife ? GenderCode.She : GenderCode.He;
      return genders[c] !== want && spouse[c] >= 0 && genders[spouse[c]] === want ? spouse[c] : -1;
    }
    return single(c, r === Relation.Mother ? wives : titledMen);
  };
}
