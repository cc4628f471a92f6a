/**
 * Name clustering: name forms → characters.
 *
 *  A. Full names (two or more name words) found characters, one per first + last name; a married
 *     title before a man's first name (`Mrs. John Dashwood`) is his wife, a character of her own.
 *  B. A title + one word (`Mr. Knightley`, `Sir Walter`, `Dr. Aziz`) joins the character whose
 *     surname (or first name, for `Sir`, `Aunt`, `Lord Henry`) it is, when gender and titles agree
 *     (Mr. and Doctor Losberne are one man; Mr. and Mrs. Bennet, Miss and Mrs. Hilbery, a Captain and
 *     an Admiral of one family are not) and the two forms are not often side by side in a sentence.
 *     Several candidates: the one already carrying that title, else one with three times the
 *     mentions of the next, else a character of its own. A married woman's title does not join a
 *     full-named woman when the family also has a `Miss`.
 *  C. A bare word (`Emma`, `Poirot`, `Lizzy`) joins the one character whose first name it is (or a
 *     nickname of it), else the one whose surname it is (a man's first: a bare surname in narration
 *     is usually a man; then the one carrying Mr. or a rank); ambiguous words stay unresolved; an
 *     unknown word founds a character.
 * Seeds (a given cast, the cast hint) take part as ready-made characters.
 */
import { GenderCode } from '../../document/document.js';
import { commonFirstNameGender, firstNameGender } from '../../lang/en/first-names.js';
import { EITHER_NAME_TITLES, FIRST_NAME_TITLES, titleClass, titlesCompatible } from '../../lang/en/titles.js';
import type { Form, FormTable } from './forms.js';
import { firstNameVariants, isInitial, nicknamesOf, strongTitleGender, titleGender } from './names.js';
import { ADDRESS_WORDS, NEUTRAL_ADDRESS_WORDS } from '../../lang/en/address-words.js';
import { KINSHIP_NOUNS } from '../../lang/en/person-nouns.js';

/** Short kin words said as a name (`My Gran`, `Nan`, `Gramps`): never a short form of someone's name. */
const KIN_SHORT: ReadonlySet<string> = new Set(['gran', 'nan', 'nana', 'gramps', 'grandad', 'granddad', 'pop', 'pops', 'ma', 'pa', 'bro', 'sis']);

export interface Cluster {
  forms: number[];
  /** First name (lower case) or ''. */
  first: string;
  /** Surname (lower case) or ''. */
  last: string;
  /** Canonical titles seen on the character's names. */
  titles: Set<string>;
  /** Certain gender from titles: 0 none, 1 he, 2 she, 3 conflict. */
  titleGender: number;
  he: number;
  she: number;
  /** Pronoun votes alone (without the titles' leanings). */
  phe: number;
  pshe: number;
  /** Possessives right after a subject use (`Theo sat with his legs dangling`). */
  possHe: number;
  possShe: number;
  count: number;
  person: number;
  place: number;
  the: number;
  pluralCue: number;
  voc: number;
  narr: number;
  /** Mentions set in underscores (plain-text italics). */
  italic: number;
  /** Has a full name (first and last). */
  full: boolean;
  /** A family or people (`the Crofts`), not one person. */
  plural: boolean;
  /** Named by her husband's name (`Mrs. John Dashwood`, `Mrs. Charles`). */
  wife: boolean;
  /** Index of the given or hinted character this cluster stands for, -1 when discovered. */
  seed: number;
  /** Absorbed into another cluster (links); its forms moved there. */
  mergedInto: number;
  /** Forms that joined as a shortened first name (`Mari` for Marisol): linked, with evidence. */
  shortened: number[];
}

/** Decided gender from votes: needs a clear majority. */
export function voteGender(he: number, she: number): number {
  if (he >= 2 && he >= 2 * she) return GenderCode.He;
  if (she >= 2 && she >= 2 * he) return GenderCode.She;
  if (he > 0 && she === 0) return GenderCode.He;
  if (she > 0 && he === 0) return GenderCode.She;
  return GenderCode.Unknown;
}

/** Gender of a character: a certain title first, then a first-name prior unless the text clearly says otherwise, then votes. */
export function clusterGender(c: Cluster): number {
  if (c.titleGender === GenderCode.He || c.titleGender === GenderCode.She) return c.titleGender;
  const prior = c.first && !c.wife ? firstNameGender(c.first) : undefined;
  if (prior !== undefined) {
    const same = prior === GenderCode.He ? c.he : c.she;
    const opp = prior === GenderCode.He ? c.she : c.he;
    // The name list may know a name for one sex only (`Aurel` as a woman's): the text overrules it when
    // its own he/she say the other, or when nothing in it agrees with the list, three subject pronouns
    // say the other and, with the possessives after the name, five (`Aurel … before he'd`, `Aurel …
    // his cloak`). Possessives alone are weak (`Tom took her hand` is hers).
    const samePossessive = prior === GenderCode.He ? c.possHe : c.possShe;
    const oppPossessive = prior === GenderCode.He ? c.possShe : c.possHe;
    const unanimous = same === 0 && samePossessive === 0 && opp >= 3 && opp + oppPossessive >= 5;
    if (!(opp >= 4 && opp >= 3 * same) && !unanimous) return prior;
  }
  // Pronouns first; a rank's male lean (Captain, Dr.) only when they say nothing.
  const byPronouns = voteGender(c.phe, c.pshe);
  if (byPronouns !== GenderCode.Unknown) return byPronouns;
  const byTitle = voteGender(c.he, c.she);
  if (byTitle !== GenderCode.Unknown || c.person === 0) return byTitle;
  // Pronoun votes tied (one `he` after the name, one `she` that was someone else's): two or more
  // possessives after its subject uses, all one way, break the tie.
  if (c.he + c.she > 0) return c.he !== c.she ? byTitle : c.possHe >= 2 && c.possShe === 0 ? GenderCode.He : c.possShe >= 2 && c.possHe === 0 ? GenderCode.She : GenderCode.Unknown;
  // Nothing else says, and the name is someone's (person evidence: a tag, a vocative, a title):
  // the possessives right after its subject uses, all one way.
  return c.possHe >= 1 && c.possShe === 0 ? GenderCode.He : c.possShe >= 1 && c.possHe === 0 ? GenderCode.She : GenderCode.Unknown;
}

export function emptyCluster(seed = -1): Cluster {
  return {
    forms: [],
    first: '',
    last: '',
    titles: new Set(),
    titleGender: 0,
    he: 0,
    she: 0,
    phe: 0,
    pshe: 0,
    possHe: 0,
    possShe: 0,
    count: 0,
    person: 0,
    place: 0,
    the: 0,
    pluralCue: 0,
    voc: 0,
    narr: 0,
    italic: 0,
    full: false,
    plural: false,
    wife: false,
    seed,
    mergedInto: -1,
    shortened: [],
  };
}

export function addTitle(c: Cluster, t: string): void {
  if (t === '') return;
  c.titles.add(t);
  if (strongTitleGender(t)) {
    const g = titleGender(t);
    if (g === GenderCode.He || g === GenderCode.She) {
      if (c.titleGender === 0) c.titleGender = g;
      else if (c.titleGender !== g) c.titleGender = 3;
    }
  }
}

export function addForm(clusters: Cluster[], ci: number, forms: Form[], f: number): void {
  const c = clusters[ci];
  const form = forms[f];
  form.cluster = ci;
  c.forms.push(f);
  c.count += form.count;
  c.person += form.person;
  c.place += form.place;
  c.the += form.the;
  c.pluralCue += form.pluralCue;
  c.voc += form.voc;
  c.narr += form.narr;
  c.italic += form.italic;
  c.he += form.he;
  c.she += form.she;
  c.phe += form.phe;
  c.pshe += form.pshe;
  c.possHe += form.possHe;
  c.possShe += form.possShe;
  addTitle(c, form.parsed.title);
}

/** Move every form of cluster `from` into `into`. */
export function mergeClusters(clusters: Cluster[], forms: Form[], into: number, from: number): void {
  const src = clusters[from];
  for (const f of src.forms) addForm(clusters, into, forms, f);
  for (const t of src.titles) addTitle(clusters[into], t);
  if (!clusters[into].first && src.first) clusters[into].first = src.first;
  if (!clusters[into].last && src.last) clusters[into].last = src.last;
  src.forms = [];
  src.count = 0;
  src.mergedInto = into;
}

/** Can a form with title `t` and gender `g` (GenderCode, Unknown when not known) join cluster c? */
function compatible(c: Cluster, t: string, g: number): boolean {
  if (c.titleGender === 3) return false;
  for (const x of c.titles) if (t !== '' && !titlesCompatible(x, t)) return false;
  if (g === GenderCode.Unknown) return true;
  const cg = clusterGender(c);
  return cg === GenderCode.Unknown || cg === g;
}

/** The certain gender of a form: its title's, else a clear vote, else Unknown. */
function formGender(form: Form): number {
  const t = form.parsed.title;
  if (strongTitleGender(t)) return titleGender(t);
  // A rank leans male (Captain, Dr.) but says nothing certain: only pronouns decide here.
  return voteGender(form.phe, form.pshe);
}

const ROYAL: ReadonlySet<string> = new Set(['king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'sultan', 'tsar', 'czar']);
const MILITARY: ReadonlySet<string> = new Set(['general', 'colonel', 'admiral', 'major', 'captain', 'lieutenant', 'commander', 'commodore', 'sergeant', 'corporal', 'ensign']);
const MARRIED = (t: string): boolean => titleClass(t) === 'mrs' || titleClass(t) === 'noble-f';
/** A rank or a noble title: father and son may share the name, never the rank. */
const RANKED = (t: string): boolean => t !== '' && (titleClass(t) === 'rank' || titleClass(t) === 'noble-m' || titleClass(t) === 'noble-f');

export function discover(table: FormTable, clusters: Cluster[]): Cluster[] {
  const { forms, co } = table;
  const F = forms.length;
  /** True until step C: bare first names have not joined their full names yet. */
  let pendingFirstNames = true;
  /** Does form f name someone else than cluster ci (they often share a sentence: `least` times, and `share` of the fewer mentions)? */
  const apart = (f: number, ci: number, share: number, least = 2): boolean => {
    const c = clusters[ci];
    let k = 0;
    let size = c.count;
    for (const g of c.forms) k += co.get(Math.min(f, g) * F + Math.max(f, g)) ?? 0;
    // A full name's bare first name, still to join (`George` for George Emerson), counts as its own.
    if (pendingFirstNames && c.full && c.first !== '') {
      const b = table.byKey.get(c.first);
      if (b !== undefined && b !== f && forms[b].cluster === -1) {
        k += co.get(Math.min(f, b) * F + Math.max(f, b)) ?? 0;
        size += forms[b].count;
      }
    }
    return k >= least && k >= share * Math.min(forms[f].count, Math.max(1, size));
  };
  const order = forms.map((_, i) => i).sort((a, b) => forms[b].count - forms[a].count || a - b);
  const live = (ci: number): boolean => clusters[ci].mergedInto < 0;
  /** Mentions of a cluster, counting the bare first name that will join a full name later (`Lucy`). */
  const weight = (ci: number): number => {
    const c = clusters[ci];
    if (!pendingFirstNames || !c.full || c.first === '') return c.count;
    const f = table.byKey.get(c.first);
    return c.count + (f !== undefined && forms[f].cluster === -1 ? forms[f].count : 0);
  };
  /** The one candidate; or the one carrying `title`; or one with 3× the mentions of the next. */
  const choose = (cands: number[], title: string): number => {
    const u = [...new Set(cands)];
    if (u.length === 0) return -1;
    if (u.length === 1) return u[0];
    if (title !== '') {
      const withTitle = u.filter((ci) => clusters[ci].titles.has(title));
      if (withTitle.length === 1) return withTitle[0];
      // Or the one with a title of the same kind (Comrade Gregory → Mr. Lucian Gregory).
      const cls = titleClass(title);
      const sameKind = u.filter((ci) => [...clusters[ci].titles].some((x) => titleClass(x) === cls));
      if (withTitle.length === 0 && sameKind.length === 1) return sameKind[0];
    }
    u.sort((a, b) => weight(b) - weight(a));
    if (weight(u[0]) >= 3 * Math.max(1, weight(u[1]))) return u[0];
    return -1;
  };
  // Clusters by first name and by surname (and by the last word of `de worms`), to find candidates fast.
  const byName = new Map<string, number[]>();
  const indexName = (w: string, ci: number): void => {
    if (w === '') return;
    const l = byName.get(w);
    if (l === undefined) byName.set(w, [ci]);
    else if (l[l.length - 1] !== ci) l.push(ci);
  };
  const indexCluster = (ci: number): void => {
    const c = clusters[ci];
    indexName(c.first, ci);
    indexName(c.last, ci);
    const sp = c.last.lastIndexOf(' ');
    if (sp > 0) indexName(c.last.slice(sp + 1), ci);
  };
  for (let ci = 0; ci < clusters.length; ci++) indexCluster(ci);
  /** Clusters with a full name (for shortened first names). */
  const fullClusters: number[] = [];
  for (let ci = 0; ci < clusters.length; ci++) if (clusters[ci].full && clusters[ci].first.length > 1) fullClusters.push(ci);
  /** Clusters whose first name or surname is one of `words`, in index order. */
  const candidatesFor = (words: readonly string[]): number[] => {
    const out: number[] = [];
    for (const w of words) for (const ci of byName.get(w) ?? []) out.push(ci);
    if (words.length > 1) {
      out.sort((a, b) => a - b);
      return out.filter((ci, k) => k === 0 || out[k - 1] !== ci);
    }
    return out;
  };
  const newCluster = (f: number, first: string, last: string, full: boolean, wife = false): number => {
    const c = emptyCluster();
    c.first = first;
    c.last = last;
    c.full = full;
    c.wife = wife;
    c.plural = forms[f].plural;
    clusters.push(c);
    addForm(clusters, clusters.length - 1, forms, f);
    indexCluster(clusters.length - 1);
    if (full && first !== '' && !isInitial(first)) fullClusters.push(clusters.length - 1);
    return clusters.length - 1;
  };
  const fullKey = new Map<string, number[]>();
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    if (c.full) (fullKey.get(`${c.first}|${c.last}`) ?? fullKey.set(`${c.first}|${c.last}`, []).get(`${c.first}|${c.last}`)!).push(ci);
  }

  // A. Full names.
  for (const f of order) {
    const form = forms[f];
    const p = form.parsed;
    if (form.cluster !== -1 || p.core.length < 2 || form.plural) continue;
    const first = isInitial(p.core[0]) ? p.core[0] : p.core[0];
    const last = p.core[p.core.length - 1];
    const wife = MARRIED(p.title) && firstNameGender(first) === GenderCode.He;
    const key = wife ? `wife:${first}|${last}` : `${first}|${last}`;
    const g = formGender(form);
    let target = -1;
    for (const ci of fullKey.get(key) ?? []) {
      if (live(ci) && compatible(clusters[ci], p.title, g)) {
        target = ci;
        break;
      }
    }
    // `Bill Sikes` and `Mr. William Sikes`: a nickname of the same first name, same surname, no rank or nobility on either.
    // Only a rare spelling joins: `Tom Gradgrind` (the son, often) and `Thomas Gradgrind` (the father) stay two.
    if (target < 0 && !wife && !RANKED(p.title)) {
      for (const v of [...firstNameVariants(first).slice(1), ...nicknamesOf(first)]) {
        for (const ci of fullKey.get(`${v}|${last}`) ?? []) {
          const c = clusters[ci];
          const rare = form.count <= 6 || 4 * form.count <= c.count;
          if (target < 0 && rare && live(ci) && !c.wife && ![...c.titles].some(RANKED) && compatible(c, p.title, g)) target = ci;
        }
      }
    }
    if (target >= 0) addForm(clusters, target, forms, f);
    else {
      target = newCluster(f, wife ? '' : first, last, !wife, wife);
      (fullKey.get(key) ?? fullKey.set(key, []).get(key)!).push(target);
    }
  }

  // A married title before a man's full name that is another woman's surname (`Princess Abdul Akbar`
  // beside `Jenny Abdul Akbar`): the two words are her surname, not her husband's names.
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    if (!live(ci) || !c.wife || c.seed >= 0) continue;
    const p = forms[c.forms[0]].parsed;
    if (p.core.length !== 2) continue;
    const [w1, w2] = p.core;
    let target = -1;
    for (const cj of byName.get(w2) ?? []) {
      const d = clusters[cj];
      if (cj === ci || !live(cj) || d.wife || !d.full || d.last !== w2 || clusterGender(d) === GenderCode.He) continue;
      if (!d.forms.some((g) => forms[g].parsed.core.length >= 3 && forms[g].parsed.core[forms[g].parsed.core.length - 2] === w1)) continue;
      target = target === -1 ? cj : -2;
    }
    if (target >= 0) mergeClusters(clusters, forms, target, ci);
  }

  // B. Title + one word; married women's titles after the others (a Miss claims the full-named daughter first).
  const formKeys = new Set(forms.map((x) => x.key));
  const titled = order.filter((f) => forms[f].parsed.title !== '' && forms[f].parsed.core.length === 1 && !forms[f].plural && forms[f].cluster === -1);
  titled.sort((a, b) => Number(MARRIED(forms[a].parsed.title)) - Number(MARRIED(forms[b].parsed.title)));
  const wifeKey = new Map<string, number>();
  for (const f of titled) {
    const form = forms[f];
    const t = form.parsed.title;
    const w = form.parsed.core[0];
    const g = formGender(form);
    if (MARRIED(t) && commonFirstNameGender(w) === GenderCode.He) {
      // `Mrs. Charles`: the wife of a Charles.
      const prev = wifeKey.get(w);
      if (prev !== undefined) addForm(clusters, prev, forms, f);
      else wifeKey.set(w, newCluster(f, '', '', false, true));
      continue;
    }
    const position = FIRST_NAME_TITLES.has(t) ? 'first' : EITHER_NAME_TITLES.has(t) ? 'either' : 'last';
    const variants = firstNameVariants(w);
    const atFirst: number[] = [];
    const atLast: number[] = [];
    for (const ci of candidatesFor(variants)) {
      const c = clusters[ci];
      if (!live(ci) || c.wife || c.plural) continue;
      const firstHit = c.first !== '' && (c.first === w || variants.includes(c.first));
      const lastHit = c.last === w;
      if (!firstHit && !lastHit) continue;
      if (!compatible(c, t, g)) continue;
      // Side by side in a sentence means two people, unless the name already carries a title of this
      // kind (`Mr. Lucian Gregory … Comrade Gregory` is one man introduced).
      const sameKind = [...c.titles].some((x) => titleClass(x) === titleClass(t));
      if (!sameKind && apart(f, ci, firstHit && !lastHit ? 0.3 : 0.12)) continue;
      // King James is not Mr. James Vane: a royal title joins only a name that carries it.
      if (ROYAL.has(t) && !c.titles.has(t) && c.full) continue;
      // General Tilney is not Mr. Henry Tilney: a military rank does not join a full name already
      // called Mr. and never by that rank (the father, the brother).
      if (MILITARY.has(t) && c.full && !c.titles.has(t) && [...c.titles].some((x) => titleClass(x) === 'm')) continue;
      // A married woman's title does not take the full-named woman of a family that also has a Miss,
      // nor one the narration calls by her first name far more often (Mrs. Lennox is not Mary Lennox).
      if (MARRIED(t) && c.full && ![...c.titles].some(MARRIED)) {
        if (formKeys.has(`miss ${w}`)) continue;
        const bare = table.byKey.get(c.first);
        if (bare !== undefined && forms[bare].count > 3 * form.count) continue;
        // Nor one she shares a sentence with, once being enough among few mentions (`Mrs. Quill
        // took the bill before Nora could reach it`, `"Nora, …," said Mrs. Quill`): the mother.
        if (apart(f, ci, 0.12, 1)) continue;
      }
      if (firstHit && position !== 'last') atFirst.push(ci);
      if (lastHit && position !== 'first') atLast.push(ci);
    }
    let target = -1;
    if (position === 'first') target = choose(atFirst, t);
    else if (position === 'last') target = choose(atLast, t);
    else target = atFirst.length > 0 ? choose(atFirst, t) : choose(atLast, t);
    // Several sisters: `Miss Elliot` is the eldest, whom we cannot tell; keep her apart. Several men
    // of a family: `General Tilney` is not the one with the most mentions but the one with the rank.
    const several = new Set(atLast).size > 1 && atFirst.length === 0;
    const dominant = target >= 0 && atLast.every((ci) => ci === target || weight(target) >= 10 * weight(ci));
    if (target >= 0 && several && ((t === 'miss' && !dominant) || (RANKED(t) && !clusters[target].titles.has(t)))) target = -1;
    if (target >= 0) addForm(clusters, target, forms, f);
    else {
      const asFirst = position === 'first' || (position === 'either' && commonFirstNameGender(w) !== undefined);
      newCluster(f, asFirst ? w : '', asFirst ? '' : w, false);
    }
  }

  // C. Bare single words.
  pendingFirstNames = false;
  for (const f of order) {
    const form = forms[f];
    const p = form.parsed;
    if (form.cluster !== -1 || p.title !== "" || p.core.length !== 1 || form.plural) continue;
    const w = p.core[0];
    const prior = firstNameGender(w);
    const g = prior ?? formGender(form);
    const atFirst: number[] = [];
    const atNick: number[] = [];
    const atLast: number[] = [];
    const nickOf = firstNameVariants(w).slice(1);
    for (const ci of candidatesFor(firstNameVariants(w))) {
      const c = clusters[ci];
      if (!live(ci) || c.plural) continue;
      const firstHit = c.first === w;
      const nickHit = !firstHit && c.first !== '' && nickOf.includes(c.first);
      const lastHit = c.last === w || (c.last.endsWith(` ${w}`) && c.last.indexOf(' ') === c.last.length - w.length - 1);
      if (!firstHit && !nickHit && !lastHit) continue;
      if (!compatible(c, '', firstHit || nickHit ? g : formGender(form))) continue;
      if (apart(f, ci, 0.2)) continue;
      if (firstHit) atFirst.push(ci);
      else if (nickHit) atNick.push(ci);
      if (lastHit && !c.wife) atLast.push(ci);
    }
    // The formal name of someone the text calls by a nickname (`Jo` throughout, `Josephine` in a
    // scolding): forms come most-said first, so the nickname's cluster is there before the formal name.
    // Only a rarely said formal name joins (`Tom` and a much-named `Thomas` may be son and father).
    if (atFirst.length + atNick.length + atLast.length === 0) {
      for (const nick of nicknamesOf(w)) {
        for (const ci of byName.get(nick) ?? []) {
          const c = clusters[ci];
          // A lone word not known as a first name (`Jo`) was kept as the cluster's only name.
          const named = c.first === nick || (!c.full && c.first === '' && c.last === nick);
          if (!live(ci) || c.plural || !named || !(form.count <= 6 || 4 * form.count <= c.count)) continue;
          if (!compatible(c, '', g) || apart(f, ci, 0.2)) continue;
          if (!atNick.includes(ci)) atNick.push(ci);
        }
      }
    }
    let target = -1;
    let ambiguous = false;
    const firsts = atFirst.length > 0 ? atFirst : atNick;
    if (firsts.length > 0 && (prior !== undefined || atLast.length === 0)) {
      target = choose(firsts, '');
      ambiguous = target < 0;
      // Namesakes named five times or more (`Jock Menzies` once beside `Jock Grant-Menzies` is a slip).
      // Full names only: beside `Mlle. Blanche`, a `Blanche de Cominges` may be her in full.
      const namesakes = [...new Set(atFirst)].filter((ci) => clusters[ci].count >= 5);
      if (target >= 0 && namesakes.length >= 2 && namesakes.every((ci) => clusters[ci].full)) form.sharedWith = namesakes;
    } else if (atLast.length > 0 && formGender(form) !== GenderCode.She && atLast.every((ci) => clusters[ci].first === '' && [...clusters[ci].titles].some(MARRIED))) {
      // `Morel` beside only a `Mrs. Morel`: the man of the family, someone of his own.
      target = -1;
    } else if (atLast.length > 0) {
      // A bare surname is usually a man; then the one called Mr. or by a rank.
      const men = atLast.filter((ci) => clusterGender(clusters[ci]) === GenderCode.He);
      let menCount = 0;
      let othersMax = 0;
      for (const ci of atLast) {
        if (clusterGender(clusters[ci]) === GenderCode.He) menCount += clusters[ci].count;
        // Women known by title and surname only (Mrs Smith) can be called by the surname; not Marianne Dashwood.
        else if (clusters[ci].first === '') othersMax = Math.max(othersMax, clusters[ci].count);
      }
      // (`Smith` is not the late Mr Smith, named eight times, beside the Mrs Smith of a hundred.)
      if (men.length > 0 && 5 * menCount >= othersMax) {
        const mr = men.filter((ci) => [...clusters[ci].titles].some((t) => titleClass(t) === 'm' || titleClass(t) === 'rank'));
        target = men.length === 1 ? men[0] : mr.length === 1 ? mr[0] : choose(men, '');
      } else target = choose(atLast, '');
      ambiguous = target < 0;
    }
    // A shortened first name (`Mari`, `Sol` for Marisol): the one full name it begins or ends.
    if (target < 0 && !ambiguous && atFirst.length + atNick.length + atLast.length === 0 && w.length >= 3 && commonFirstNameGender(w) === undefined) {
      // The short form's own gender in a name list means little (Sol, Alex); only its pronouns count.
      const fg = formGender(form);
      /** The one live cluster among `cands` that `fits` and agrees in gender; -2 for several, -1 for none. */
      const onlyFit = (cands: Iterable<number>, fits: (c: Cluster) => boolean): number => {
        let found = -1;
        for (const ci of cands) {
          const c = clusters[ci];
          if (!live(ci) || !fits(c)) continue;
          const cg = clusterGender(c);
          if (fg !== GenderCode.Unknown && cg !== GenderCode.Unknown && fg !== cg) continue;
          if (found >= 0) return -2;
          found = ci;
        }
        return found;
      };
      let found = onlyFit(fullClusters, (c) => c.first.length >= w.length + 2 && (c.first.startsWith(w) || c.first.endsWith(w)));
      // A short form said only in speech (`It's an empty car park, Cor.`) also shortens a name
      // known alone (Corin): the start of it, or its end when four letters or more (`Dette` for
      // Odette), and only one such name.
      // Not a word of address or kin said as one (`My Gran knitted it` is no `Granger`).
      if (found === -1 && form.narr === 0 && !ADDRESS_WORDS.has(w) && !NEUTRAL_ADDRESS_WORDS.has(w) && !KINSHIP_NOUNS.has(w) && !KIN_SHORT.has(w)) {
        found = onlyFit(clusters.keys(), (c) => {
          const only = c.full ? '' : c.first || c.last;
          // (The end only of a name said without a title: `Ross` is no short form of a `Mr. Cross`.)
          return !only.includes(' ') && ((only.length >= w.length + 2 && only.startsWith(w)) || (w.length >= 4 && c.titles.size === 0 && only.length > w.length && only.endsWith(w)));
        });
      }
      if (found >= 0 && !apart(f, found, 0.2)) {
        target = found;
        clusters[found].shortened.push(f);
      }
    }
    // `Mary` said 135 times, `Mary M.` and `Lady Mary Grey` once each: Mary is someone of her own.
    if (ambiguous) {
      let others = 0;
      for (const ci of [...firsts, ...atLast]) others += clusters[ci].count;
      if (form.count >= 5 * others) ambiguous = false;
    }
    if (target >= 0) addForm(clusters, target, forms, f);
    else if (!ambiguous) newCluster(f, prior !== undefined ? w : '', prior !== undefined ? '' : w, false);
  }
  return clusters;
}
