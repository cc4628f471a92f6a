/**
 * Cast: cluster proper-name mentions into characters, link epithets and nicknames to them, infer
 * their gender, and resolve every mention (names, descriptions, pronouns, the narrator's I) to a
 * character index.
 *
 *  - forms.ts: each distinct name form with its evidence (person, place, plural, gender votes);
 *  - cluster.ts: forms → characters (full names, titles, bare first names and surnames);
 *  - given.ts: a given cast's alias index (its characters are the seeds; `castOnly` keeps only them);
 *  - links.ts: epithets and nicknames linked by apposition, copula, a name given in the text
 *    (`called him Sparrow`), a description that keeps pointing at the one character who fits, a
 *    comparative description in a two-person scene, a vocative answered by a known character, and
 *    the narrator's name; titles (`the Captain`) resolve to their one holder here; capitalised
 *    descriptions nobody took (`the Grandmother`), and telling ones that tag speech (`said the
 *    policeman`), become characters of their own;
 *  - pronouns.ts: he/she in the narration → the salient compatible character;
 *  - importance.ts: major / intermediate / minor from mentions and lines (used by the output).
 * Characters with too little person evidence, used mostly as places (`in Marabar`, `the Ganges`),
 * or as a plural (`the Indians`) are dropped.
 */
import { Document, GenderCode, MentionKind, TokenKind, type CharacterLink, type CharacterRecord } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions, CastCharacter } from '../../types.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { PREPOSITIONS } from '../../lang/en/prepositions.js';
import { SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import { KINSHIP_NOUNS, PERSON_ADJECTIVES, PERSON_NOUNS } from '../../lang/en/person-nouns.js';
import { canonicalTitle, titleClass } from '../../lang/en/titles.js';
import { firstNameGender } from '../../lang/en/first-names.js';
import { buildContext, nextToSpeechVerb, tokensAround, type Ctx } from './context.js';
import { collectForms, type Form, type FormTable } from './forms.js';
import { addTitle, clusterGender, discover, emptyCluster, voteGender, type Cluster } from './cluster.js';
import { AMBIGUOUS, buildGivenIndex, keyOfName, listedNames, lookupName, typoLookup, repairLossyKey } from './given.js';
import { genderCode, genderName, isInitial, nameKey, parseName, slug } from './names.js';
import { resolvePronouns } from './pronouns.js';
import { familyByNames, relationOf } from './family.js';
import { addLink, GENERIC, NOT_EPITHET, linkEpithets, linkNaming, linkNarrator, linkRelative, linkKinCalls, linkNamedLater, linkVocatives } from './links.js';

export { nameKey } from './names.js';
export { buildGivenIndex } from './given.js';

/** A seed cluster for a given or hinted character, from its name and aliases. */
function seedCluster(c: CastCharacter, seed: number): Cluster {
  const cl = emptyCluster(seed);
  for (const name of [c.name, ...(c.aliases ?? [])]) {
    const p = parseName(keyOfName(name));
    if (p.core.length === 0 || /^narrator$/i.test(name)) continue;
    addTitle(cl, p.title);
    if (p.core.length >= 2) {
      if (!cl.full) {
        cl.first = isInitial(p.core[0]) ? '' : p.core[0];
        cl.last = p.core[p.core.length - 1];
        cl.full = cl.first !== '';
      }
    } else if (!cl.first && !cl.last) {
      if (p.title !== '' && p.title !== 'sir' && p.title !== 'aunt' && p.title !== 'uncle') cl.last = p.core[0];
      else cl.first = p.core[0];
    }
  }
  const g = genderCode(c.gender);
  if (g === GenderCode.He) cl.he += 100;
  else if (g === GenderCode.She) cl.she += 100;
  return cl;
}

/** Person filter: enough mentions or some person evidence; not mostly a place, a plural or a `the X` thing. */
function isPerson(c: Cluster, forms: Form[]): boolean {
  if (c.plural || c.count === 0) return false;
  const n = c.count;
  // Set in italics most of the time: the title of a book, a play or a ship (`_Cousin Kate_`), not a person.
  if (c.italic >= 2 && c.italic >= 0.5 * n) return false;
  const person = c.person / n;
  const place = c.place / n;
  if (place >= 0.35 && person < 0.1) return false;
  if (c.the / n >= 0.5 && person < 0.15) return false;
  const name = forms[c.forms[0]].parsed.core.join(' ');
  if ((c.pluralCue / n >= 0.2 || (c.pluralCue + c.the) / n >= 0.3) && /[^s]s$/.test(name) && c.titles.size === 0 && !c.full) return false;
  if (name.length <= 2 && c.titles.size === 0 && c.person < 2) return false;
  // Never next to a speech verb, never addressed, no title, no he/she after it: not a person; unless
  // a first and last name (`Theo Brandt`, a first name the lists lack) has his or her after it twice
  // (`Brandt lifted his head`), which a country (`Carvonia closed her borders`) is not.
  if (c.person === 0 && c.he + c.she === 0 && !(c.full && c.possHe + c.possShe >= 2) && c.count < 20 && !(c.full && firstNameGender(c.first) !== undefined)) return false;
  if (c.count >= 3) return true;
  // One word said once or twice, always opening a sentence, with nothing of a person but a he or she
  // nearby (`Iris-necked pigeons ran …`, `Herein he differed`): a capitalised word, not a name.
  if (c.person === 0 && !name.includes(' ') && c.forms.every((f) => forms[f].opening === forms[f].count) && c.count <= 2 && firstNameGender(name) === undefined) return false;
  return (c.person > 0 || c.he + c.she > 0) && place < 1;
}

/** The display name: the most frequent full form (`Emma Woodhouse`), else the most frequent form. */
function chooseName(c: Cluster, forms: Form[]): string {
  let best = -1;
  let bestScore = -1;
  for (const f of c.forms) {
    const form = forms[f];
    const full = form.parsed.core.length >= 2 ? 1 : 0;
    const score = full * 1e7 + form.count * 2 + (form.parsed.title === '' ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = f;
    }
  }
  return mostFrequentSurface(forms[best]);
}

function mostFrequentSurface(form: Form): string {
  let s = '';
  let n = -1;
  for (const [k, v] of form.surfaces) {
    if (v > n) {
      n = v;
      s = k;
    }
  }
  return s;
}

function aliasesOf(c: Cluster, forms: Form[]): string[] {
  const aliases: string[] = [];
  const seen = new Set<string>();
  const sorted = [...c.forms].sort((a, b) => forms[b].count - forms[a].count);
  for (const f of sorted) {
    for (const s of forms[f].surfaces.keys()) {
      if (!seen.has(s)) {
        seen.add(s);
        aliases.push(s);
      }
    }
  }
  return aliases;
}

function uniqueId(used: Set<string>, base: string): string {
  let id = base;
  if (used.has(id)) {
    let k = 2;
    while (used.has(`${base}-${k}`)) k++;
    id = `${base}-${k}`;
  }
  used.add(id);
  return id;
}

/** Everything the cast passes share while building characters. */
export interface CastState {
  ctx: Ctx;
  table: FormTable;
  clusters: Cluster[];
  /** Cluster index per character, and character index per cluster (-1 = not a character). */
  clusterOf: number[];
  charOf: Int32Array;
  chars: CharacterRecord[];
  /** GenderCode per character. */
  genders: number[];
  /** Character per mention (-1 unresolved). */
  mc: Int32Array;
}

/**
 * A bare first name two given characters share (`Charles`: Charles Musgrove, Charles Hayter) names
 * the one the text rarely calls anything else: a man the narration calls `Beaver` is not the `John` of
 * the nursery (when both are named five times or more). Failing that, the one the text rarely
 * qualifies: when the author nearly always writes `Charles Hayter` (or `Sir John`) for one of them, a
 * plain `Charles` is the other. Failing both,
 * the entry that lists the name as an alias (`contested`) keeps it; otherwise it stays ambiguous.
 */
function resolveSharedFirstNames(forms: Form[], clusters: Cluster[], nGiven: number, contested: ReadonlyMap<string, number>): void {
  for (let f = 0; f < forms.length; f++) {
    const form = forms[f];
    if (form.cluster !== -2 || form.parsed.title !== '' || form.parsed.core.length !== 1) continue;
    const first = form.parsed.core[0];
    const owners = [];
    for (let ci = 0; ci < nGiven; ci++) if (clusters[ci].first === first && clusters[ci].mergedInto < 0) owners.push(ci);
    const lister = contested.get(form.key);
    let pick = -1;
    if (owners.length >= 2) {
      // How often the text writes each owner's first name with a surname or a title.
      const qualified = owners.map((ci) => clusters[ci].forms.reduce((n, g) => n + (forms[g].parsed.core[0] === first && (forms[g].parsed.core.length > 1 || forms[g].parsed.title !== '') ? forms[g].count : 0), 0));
      // First by how often each is called anything else, among owners the text names five times or
      // more (a namesake named twice is no contender); then by how often each is written in full.
      const counts = owners.map((ci) => clusters[ci].count);
      if (Math.min(...counts) >= 5) pick = rarest(owners, counts);
      if (pick < 0) pick = rarest(owners, qualified);
    }
    if (pick < 0 && lister !== undefined) pick = lister;
    if (pick >= 0) joinCluster(forms, clusters, f, pick);
  }
}

/** The owner whose count is at most half the next lowest (which must be at least 5); -1 if none. */
function rarest(owners: number[], counts: number[]): number {
  const order = owners.map((_, i) => i).sort((a, b) => counts[a] - counts[b]);
  const [lo, next] = [counts[order[0]], counts[order[1]]];
  return next < 5 || next < 2 * lo ? -1 : owners[order[0]];
}

/** Form f joins cluster ci: its mentions and pronoun votes count for it. */
function joinCluster(forms: Form[], clusters: Cluster[], f: number, ci: number): void {
  const cl = clusters[ci];
  forms[f].cluster = ci;
  cl.forms.push(f);
  cl.count += forms[f].count;
  cl.he += forms[f].he;
  cl.she += forms[f].she;
}

export function buildCast(doc: Document, options: AnalyzeOptions): void {
  const n = doc.mentionCount;
  const ctx = buildContext(doc);
  const table = collectForms(ctx);
  const { forms, formOf } = table;
  const given = options.cast?.characters ?? doc.givenCast ?? null;
  const hasGiven = given !== null && given.length > 0;
  const clusters: Cluster[] = [];
  const hintNames: string[] = [];

  if (hasGiven) {
    given.forEach((c, ci) => clusters.push(seedCluster(c, ci)));
    const ambiguous = new Set<string>();
    const contested = new Map<string, number>();
    const index = buildGivenIndex(given, ambiguous, contested);
    const listed = listedNames(given);
    let knownKeys: string[] | null = null;
    for (let f = 0; f < forms.length; f++) {
      // A name with letters lost in transcoding reads as the one listed name it can be.
      const lossy = /[?\ufffd]/.test(forms[f].key);
      const repaired = lossy ? repairLossyKey((knownKeys ??= [...index.keys(), ...ambiguous]), forms[f].key) : null;
      if (repaired !== null) {
        if (table.byKey.get(forms[f].key) === f) table.byKey.delete(forms[f].key);
        if (!table.byKey.has(repaired)) table.byKey.set(repaired, f);
        forms[f].key = repaired;
        forms[f].parsed = parseName(repaired);
      }
      let ci = lookupName(index, forms[f].key);
      if (ci === -1 && ambiguous.has(forms[f].key)) ci = AMBIGUOUS;
      if (ci === -1) ci = typoLookup(listed, forms[f].key);
      if (ci >= 0) joinCluster(forms, clusters, f, ci);
      else if (ci === AMBIGUOUS) forms[f].cluster = -2;
    }
    resolveSharedFirstNames(forms, clusters, given.length, contested);
    discover(table, clusters);
  } else {
    for (const h of options.castHint ?? []) {
      const name = cleanHint(h);
      if (name === '') continue;
      hintNames.push(name);
      const cl = seedCluster({ name }, -1);
      cl.person += 2;
      clusters.push(cl);
    }
    discover(table, clusters);
  }

  // Characters: given ones in their order, then discovered (and hinted) people.
  const charOf = new Int32Array(clusters.length).fill(-1);
  const clusterOf: number[] = [];
  const chars: CharacterRecord[] = [];
  const usedIds = new Set<string>(hasGiven ? given.map((c, ci) => c.id ?? `c${ci}`) : []);
  if (hasGiven) {
    given.forEach((c, ci) => {
      charOf[ci] = chars.length;
      clusterOf.push(ci);
      chars.push({
        id: c.id ?? `c${ci}`,
        name: c.name,
        aliases: [...new Set(c.aliases ?? [])],
        gender: c.gender && c.gender !== 'unknown' ? c.gender : genderName(voteGender(clusters[ci].he, clusters[ci].she)),
        mentions: 0,
        quotes: 0,
        given: true,
        ...(c.narrator === true ? { narrator: true } : {}),
        source: 'given',
      });
    });
  }
  const hintCount = hasGiven ? 0 : hintNames.length;
  for (let ci = hasGiven ? given.length : 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    if (c.mergedInto >= 0 || c.count === 0 || options.castOnly) continue;
    const hinted = !hasGiven && ci < hintCount;
    if (!hinted && !isPerson(c, forms)) continue;
    let name = hinted ? hintNames[ci] : chooseName(c, forms);
    charOf[ci] = chars.length;
    clusterOf.push(ci);
    const aliases = aliasesOf(c, forms);
    if (hinted && !aliases.includes(name)) aliases.unshift(name);
    // A word the text nearly always writes after `the` (`said the President`), or words that are no
    // first name and surname (`the Artful Dodger`), are a description used as a name.
    const described = !name.includes(' ') ? !c.full : firstNameGender(name.split(' ')[0].toLowerCase()) === undefined;
    if (!hinted && described && c.titles.size === 0 && c.the >= 0.5 * c.count && !/^the /i.test(name)) {
      name = `the ${name}`;
      aliases.unshift(name);
    }
    chars.push({
      id: uniqueId(usedIds, slug(name)),
      name,
      aliases,
      gender: genderName(clusterGender(c)),
      mentions: 0,
      quotes: 0,
      given: false,
      source: hinted ? 'hint' : 'discovered',
    });
  }
  const genders = chars.map((ch, k) => (ch.given ? genderCode(ch.gender) : clusterGender(clusters[clusterOf[k]])));
  chars.forEach((ch, k) => {
    for (const f of clusters[clusterOf[k]].shortened) (ch.links ?? (ch.links = [])).push(linkOf(doc, forms[f].first, 'nickname', 0.6));
  });
  const mc = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const f = formOf[i];
    if (f >= 0 && forms[f].cluster >= 0) mc[i] = charOf[forms[f].cluster];
  }
  const st: CastState = { ctx, table, clusters, clusterOf, charOf, chars, genders, mc };
  readSharedFirstNamesByScene(st, formOf);

  resolveTitles(st, hasGiven ? given : null);
  linkEpithets(st);
  linkRelative(st);
  epithetCharacters(st, options.castOnly === true);
  linkVocatives(st);
  linkNamedLater(st);
  // A given cast that lists no narrator still gets one for a first-person story's I (not with castOnly).
  const narrator = linkNarrator(st, hasGiven, options.castOnly === true);

  const m = doc.mentions;
  for (let i = 0; i < n; i++) if (m[3 * i + 2] === MentionKind.FirstPerson) st.mc[i] = narrator;
  const relative = familyByNames(st.chars, st.genders);
  resolvePronouns(ctx, st.mc, st.genders, (c, d) => {
    const r = relationOf(doc.mentionText(d));
    return r === undefined ? -1 : relative(c, r);
  });
  linkKinCalls(st);
  linkNaming(st);
  genderFromResolvedPronouns(st);

  // Counts, then order by mentions (discovered characters only; a given cast keeps its order first).
  let list = st.chars;
  for (const c of list) c.mentions = 0;
  for (let i = 0; i < n; i++) if (st.mc[i] >= 0) list[st.mc[i]].mentions++;
  const fixed = hasGiven ? given.length : 0;
  const order = list.map((_, i) => i);
  const tail = order.slice(fixed).sort((a, b) => list[b].mentions - list[a].mentions || a - b);
  const newOrder = [...order.slice(0, fixed), ...tail];
  const remap = new Int32Array(list.length);
  newOrder.forEach((old, k) => (remap[old] = k));
  list = newOrder.map((i) => list[i]);
  for (let i = 0; i < n; i++) if (st.mc[i] >= 0) st.mc[i] = remap[st.mc[i]];
  // Discovered characters no mention points at any more (all linked away) are dropped.
  const keep = list.map((c) => c.given || c.mentions > 0);
  if (keep.some((k) => !k)) {
    const idx = new Int32Array(list.length).fill(-1);
    let k = 0;
    list.forEach((_, i) => {
      if (keep[i]) idx[i] = k++;
    });
    list = list.filter((_, i) => keep[i]);
    for (let i = 0; i < n; i++) if (st.mc[i] >= 0) st.mc[i] = idx[st.mc[i]];
  }
  doc.characters = list;
  doc.mentionCharacters = st.mc;
}

/**
 * Characters still of unknown gender take it from the pronouns resolved to them (a clear majority of
 * two or more), or from a title that is their whole name (`the Rajah`).
 */
function genderFromResolvedPronouns(st: CastState): void {
  const doc = st.ctx.doc;
  const m = doc.mentions;
  const he = new Int32Array(st.chars.length);
  const she = new Int32Array(st.chars.length);
  for (let i = 0; i < st.mc.length; i++) {
    const c = st.mc[i];
    if (c < 0 || m[3 * i + 2] !== MentionKind.Pronoun || st.ctx.inQuote[i]) continue;
    const g = doc.mentionGenders[i];
    if (g === GenderCode.He) he[c]++;
    else if (g === GenderCode.She) she[c]++;
  }
  st.chars.forEach((ch, k) => {
    if (ch.given || st.genders[k] !== GenderCode.Unknown) return;
    let g = voteGender(he[k] >= 2 ? he[k] : 0, she[k] >= 2 ? she[k] : 0);
    if (g !== GenderCode.Unknown && Math.min(he[k], she[k]) * 3 > Math.max(he[k], she[k])) g = GenderCode.Unknown;
    if (g === GenderCode.Unknown) {
      const t = HONORIFICS.get(nameKey(ch.name));
      if (t === GenderCode.He || t === GenderCode.She) g = t;
    }
    if (g !== GenderCode.Unknown) {
      st.genders[k] = g;
      ch.gender = genderName(g);
    }
  });
}

/** An archive tag as a name: `Marisol Vega (Original Work)` → `Marisol Vega`; generic tags → ''. */
export function cleanHint(tag: string): string {
  const t = tag.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(original (female |male |non-binary |)characters?|other characters?|reader|you|ensemble|oc|ocs?)$/i.test(t)) return '';
  if (t.includes('/') || t.includes('&')) return '';
  return t;
}

/** A link record for a mention. */
export function linkOf(doc: Document, i: number, evidence: string, confidence: number): CharacterLink {
  const s = doc.mentions[3 * i];
  const e = doc.mentions[3 * i + 1];
  return { text: doc.text.slice(s, e).replace(/\s+/g, ' '), evidence, confidence: Math.round(confidence * 100) / 100, start: s, end: e };
}

/**
 * `the man`, `the girl`: the article and a bare noun of sex and age, which fits anyone of the kind
 * (not `the stranger`, `the child`, `the gentleman`: those single someone out in a scene, and often
 * one person for a whole book).
 */
const PLAIN_DESCRIPTIONS: ReadonlySet<string> = new Set(['the man', 'the woman', 'the girl', 'the boy']);
/** Is a listed character called by something besides descriptions (`Persephone`, `Hansom Driver`)? */
function namedOtherwise(ch: CharacterRecord): boolean {
  return [ch.name, ...ch.aliases].some((a) => !/^(?:the|a|an)\s/i.test(a.trim()));
}
/** How many paragraphs back a character must have been named for a listed plain description to be theirs. */
const PLAIN_DESCRIPTION_REACH = 3;

/**
 * Nominal titles: `the Captain` → the one character carrying that title (`Captain Wentworth`), or
 * the one given character with that alias. Used twice or more, the title becomes an alias.
 */
function resolveTitles(st: CastState, given: readonly CastCharacter[] | null): void {
  const doc = st.ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const text = doc.text;
  const titleIndex = new Map<string, number>();
  const put = (k: string, ci: number): void => {
    const prev = titleIndex.get(k);
    titleIndex.set(k, prev === undefined || prev === ci ? ci : AMBIGUOUS);
  };
  /** Descriptions a given cast lists as aliases (`the old woman`, `the man in grey`): exact matches. */
  const descAlias = new Map<string, number>();
  /**
   * Descriptions listed with their indefinite article and a word besides the head (`An Old Woman`,
   * `A Small Girl`): the text's own words for someone met once, so the narration's first use of the
   * same words (`An old woman came and opened it`) is them; a later `an old woman`, or one in a
   * line (`I am an old woman`), is somebody else. (Value: not met yet.)
   */
  const listedIndefinite = new Map<string, boolean>();
  /** Given characters named with a title and a name (`Doctor Losberne`), by title. */
  const titledNames = new Map<string, Set<number>>();
  if (given) {
    given.forEach((c, gi) => {
      const k = st.charOf[gi];
      if (k < 0) return;
      for (const name of [c.name, ...(c.aliases ?? [])]) {
        const low = name.toLowerCase().replace(/\s+/g, ' ').trim();
        // `Little Girl`, `His Valet`: a description listed without its article is `the little girl`, `the valet`.
        const bare = low.replace(/^(?:his|her|their) /, '').split(' ');
        const describes = !/^(?:the|a|an) /.test(low) && (bare.length > 1 || /^(?:his|her|their) /.test(low)) && PERSON_NOUNS.has(bare[bare.length - 1]) && bare.slice(0, -1).every((w) => PERSON_ADJECTIVES.has(w));
        // `Brenda's Solicitor`, `Dan's Girl`: a person described by whose they are, written so in the text.
        // So is one described from the narrator's side (`Our neighbour`, `my aunt`).
        const owned =
          (/^[a-z]+['\u2019]s [a-z]+$/.test(low) || /^(?:my|our|your) [a-z]+$/.test(low)) && PERSON_NOUNS.has(low.slice(low.indexOf(' ') + 1));
        if (owned) {
          const prev = descAlias.get(low.replace('\u2019', "'"));
          descAlias.set(low.replace('\u2019', "'"), prev === undefined || prev === k ? k : AMBIGUOUS);
        }
        if (/^(?:a|an) \S+ \S/.test(low)) listedIndefinite.set(low, true);
        if (/^(?:the|a|an) /.test(low) || describes) {
          const key = describes ? `the ${bare.join(' ')}` : low.replace(/^(?:a|an) /, 'the ');
          // A description with a qualifier (`the jailer at the trial`) is written short in the text too
          // (`the jailer`), unless its head is generic (`the man in grey` is not every `the man`).
          const short = /^(the (?:\S+ )?\S+) (?:at|of|in|from|with|on|by) /.exec(key)?.[1];
          const generic = short !== undefined && GENERIC.has(short.slice(short.lastIndexOf(' ') + 1));
          for (const d of short && !generic ? [key, short] : [key]) {
            const prev = descAlias.get(d);
            descAlias.set(d, prev === undefined || prev === k ? k : AMBIGUOUS);
          }
        }
        const key = nameKey(name).replace(/^the /, '');
        const p = parseName(key);
        if (p.core.length === 1 && p.title === '' && (PERSON_NOUNS.has(key) || HONORIFICS.has(key))) put(canonicalTitle(key), k);
        else if (p.title !== '') {
          put(p.title, k);
          if (p.core.length > 0) (titledNames.get(p.title) ?? titledNames.set(p.title, new Set()).get(p.title)!).add(k);
        }
      }
    });
  }
  // Discovered holders of a title: the one, or one with five times the mentions of the others.
  const holders = new Map<string, number[]>();
  for (let k = 0; k < st.chars.length; k++) {
    if (st.chars[k].given) continue;
    for (const t of st.clusters[st.clusterOf[k]].titles) (holders.get(t) ?? holders.set(t, []).get(t)!).push(k);
  }
  const weight = (k: number): number => st.clusters[st.clusterOf[k]].count;
  for (const [t, ks] of holders) {
    if (titleIndex.has(t)) {
      for (const k of ks) put(t, k);
      continue;
    }
    ks.sort((a, b) => weight(b) - weight(a));
    if (ks.length === 1 || weight(ks[0]) >= 3 * weight(ks[1])) titleIndex.set(t, ks[0]);
    else {
      // Several discovered holders: the scene tells them apart (below).
      titleIndex.set(t, AMBIGUOUS);
      titledNames.set(t, new Set(ks));
    }
  }
  const uses = new Map<number, { count: number; first: number; capitalised: number }>();
  /** Per character, the paragraphs it is named or described in (other than by a plain description), in order. */
  const namedParas = new Map<number, number[]>();
  const named = (c: number, p: number): void => {
    const l = namedParas.get(c);
    if (!l) namedParas.set(c, [p]);
    else if (l[l.length - 1] !== p) l.push(p);
  };
  /** Listed plain descriptions (`the man` for the Hansom Driver), decided once the names are read: [mention, character]. */
  const plain: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (st.mc[i] >= 0 && (m[3 * i + 2] === MentionKind.Proper || m[3 * i + 2] === MentionKind.Nominal)) named(st.mc[i], st.ctx.para[i]);
    if (m[3 * i + 2] === MentionKind.Proper && st.mc[i] < 0) {
      // A title said alone as a name (`"Well, Admiral?"`).
      const key = nameKey(doc.mentionText(i));
      if (!key.includes(' ') && HONORIFICS.has(key)) {
        const ci = titleIndex.get(canonicalTitle(key));
        if (ci !== undefined && ci >= 0) st.mc[i] = ci;
      }
      continue;
    }
    if (m[3 * i + 2] !== MentionKind.Nominal || st.mc[i] >= 0) continue;
    if (descAlias.size > 0) {
      // `a great lubberly fellow` introduces the listed `The Great Lubberly Fellow`, but `a doctor` is
      // seldom the listed `the doctor`: an indefinite article counts only before a telling head.
      const low = doc.mentionText(i).toLowerCase().replace(/\s+/g, ' ').replace('\u2019', "'");
      const indefinite = /^(?:a|an) /.test(low);
      const telling = !GENERIC.has(low.slice(low.lastIndexOf(' ') + 1)) && (low.split(' ').length >= 3 || (!st.ctx.inQuote[i] && introducedAsSubject(doc, i)));
      const key = low.replace(/^(?:a|an) /, 'the ');
      const listedFirst = indefinite && listedIndefinite.get(low) === true && !st.ctx.inQuote[i];
      if (listedFirst) listedIndefinite.set(low, false);
      const d = indefinite && !telling && !listedFirst ? undefined : descAlias.get(key);
      if (d !== undefined && d >= 0) {
        if (PLAIN_DESCRIPTIONS.has(key) && namedOtherwise(st.chars[d])) plain.push([i, d]);
        else {
          st.mc[i] = sceneTitleHolder(st, i, d, titledNames);
          named(st.mc[i], st.ctx.para[i]);
        }
        continue;
      }
    }
    const s0 = m[3 * i];
    if ((text.charCodeAt(s0) | 32) !== 116 || (text.charCodeAt(s0 + 1) | 32) !== 104 || (text.charCodeAt(s0 + 2) | 32) !== 101) continue;
    const span = text.slice(s0, m[3 * i + 1]);
    const words = span.split(/\s+/);
    if (words.length < 2 || words[0].toLowerCase() !== 'the') continue;
    const head = words[words.length - 1];
    // `the Captain`, `the poor General` (a capitalised title after adjectives).
    if (words.length > 2 && !/^[A-Z]/.test(head)) continue;
    const title = canonicalTitle(nameKey(head));
    let ci = titleIndex.get(title);
    // Two duchesses in the book: `the duchess` is the one the scene named.
    const holders = titledNames.get(title);
    if (ci === AMBIGUOUS && holders && SCENE_TITLES.has(titleClass(title)) && !EVERYDAY_NOBLE.has(title)) ci = recentHolder(st, i, holders);
    if (ci === undefined || ci < 0) continue;
    st.mc[i] = ci;
    named(ci, st.ctx.para[i]);
    const u = uses.get(ci) ?? uses.set(ci, { count: 0, first: i, capitalised: 0 }).get(ci)!;
    u.count++;
    if (/^[A-Z]/.test(head) && words.length === 2 && titleClass(canonicalTitle(nameKey(head))) === 'rank') u.capitalised++;
  }
  // A plain description listed for someone with a name (`the man`, `the girl`) is theirs only where
  // they are about: named or described in this paragraph or the few before (or by the same words
  // just before). Elsewhere it is any man or girl. Where the text never calls them anything else (a
  // label such as `Cab Driver`), `the man` is all it has for them.
  const chain = new Map<number, number>();
  for (const [i, d] of plain) {
    const paras = namedParas.get(d);
    const p = st.ctx.para[i];
    let near = paras === undefined || (chain.get(d) ?? -1e9) >= p - PLAIN_DESCRIPTION_REACH;
    if (!near) {
      // The first paragraph at or after p - REACH that names them: at or before p.
      let lo = 0;
      let hi = paras!.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (paras![mid] < p - PLAIN_DESCRIPTION_REACH) lo = mid + 1;
        else hi = mid;
      }
      near = lo < paras!.length && paras![lo] <= p;
    }
    if (!near) continue;
    st.mc[i] = sceneTitleHolder(st, i, d, titledNames);
    chain.set(st.mc[i], p);
  }
  // The evidence is kept as a link (no alias: a title is shared by too many minor characters).
  for (const [ci, u] of uses) {
    const ch = st.chars[ci];
    if (ch.given) continue;
    (ch.links ?? (ch.links = [])).push(linkOf(doc, u.first, 'title', u.count >= 3 ? 0.7 : 0.5));
    // A rank used as a name, capitalised and often (`the General`), is one of the character's names.
    if (u.capitalised >= 5) {
      const alias = `the ${doc.mentionText(u.first).split(/\s+/).pop()}`;
      if (!ch.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) ch.aliases.push(alias);
    }
  }
}

const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['and', 'but', 'when', 'then', 'while', 'as', 'until', 'till', 'where', 'presently']);

/**
 * `a waiter came out`, `said a waiter`: an indefinite description that opens a clause as its subject
 * (or follows a speech verb) brings someone on stage, where `I need a doctor` only wishes for one.
 * Callers ask this of the narration only: in a quote it is as often a supposition (`"Well, a doctor
 * would know"`).
 */
function introducedAsSubject(doc: Document, i: number): boolean {
  const [tb, ta] = tokensAround(doc, i);
  if (ta >= doc.tokenCount || doc.tokenKinds[ta] !== TokenKind.Word) return false;
  const after = doc.tokenText(ta);
  if (after.toLowerCase() !== after || PREPOSITIONS.has(after)) return false;
  // Opening its paragraph (whatever ended the one before, a quote mark included); a line break
  // inside a hard-wrapped paragraph is no opening.
  if (tb < 0 || doc.tokens[2 * tb] < doc.paragraphs[2 * doc.paragraphAt(doc.mentions[3 * i])]) return true;
  const before = doc.tokenText(tb).toLowerCase();
  if (doc.tokenKinds[tb] !== TokenKind.Word) return /^[,;:.!?]$/.test(before);
  return CLAUSE_OPENERS.has(before) || SPEECH_VERBS.has(before);
}

/** How far back (UTF-16 units) a scene is read for who holds a title. */
const TITLE_SCENE = 6000;

/**
 * `the doctor` is listed as a minor character of its own, and `Doctor Losberne` is listed too: in a
 * scene where Losberne was just named, `said the doctor` is Losberne. Picks, among the description's
 * own character and the holders of that title, the one named most recently (within a few pages) —
 * a description already read as a holder carries the scene on, however long it calls him only so;
 * the description's character when none is.
 */
function sceneTitleHolder(st: CastState, i: number, described: number, titledNames: Map<string, Set<number>>): number {
  const doc = st.ctx.doc;
  const words = doc.mentionText(i).toLowerCase().split(/\s+/);
  if (words.length !== 2) return described;
  const holders = titledNames.get(canonicalTitle(words[1]));
  if (!holders || (holders.size === 1 && holders.has(described))) return described;
  const c = recentHolder(st, i, holders, described);
  return c >= 0 ? c : described;
}

/**
 * The character named most recently before mention i, within a few pages, who is one of `holders`
 * (by name or by a description already read as them) or is `also`; -1 when none is.
 */
function recentHolder(st: CastState, i: number, holders: ReadonlySet<number>, also = -1): number {
  const doc = st.ctx.doc;
  const pos = doc.mentions[3 * i];
  for (let j = i - 1; j >= 0 && pos - doc.mentions[3 * j] < TITLE_SCENE; j--) {
    const c = st.mc[j];
    const kind = doc.mentions[3 * j + 2];
    if (c >= 0 && (c === also || (holders.has(c) && (kind === MentionKind.Proper || kind === MentionKind.Nominal)))) return c;
  }
  return -1;
}

/**
 * A bare first name several characters share (`John`: John Beaver, John Andrew) joined one of them;
 * each of its mentions goes to whichever of them the scene last named otherwise (`John Andrew was
 * brought in` … `said John`), within a few pages, or that an earlier mention read so carries on; with
 * none named there, it stays with the one it joined.
 */
function readSharedFirstNamesByScene(st: CastState, formOf: Int32Array): void {
  const doc = st.ctx.doc;
  const forms = st.table.forms;
  const n = doc.mentionCount;
  // Mentions of a shared name already read by their scene carry it on (`said John` … `John argued`).
  const readByScene = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = formOf[i];
    const shared = f >= 0 ? forms[f].sharedWith : undefined;
    if (!shared || st.mc[i] < 0) continue;
    const owners = new Set<number>();
    for (const ci of shared) if (st.charOf[ci] >= 0) owners.add(st.charOf[ci]);
    if (owners.size < 2) continue;
    const pos = doc.mentions[3 * i];
    for (let j = i - 1; j >= 0 && pos - doc.mentions[3 * j] < TITLE_SCENE; j--) {
      const fj = formOf[j];
      if (fj < 0 || (forms[fj].sharedWith && !readByScene[j]) || !owners.has(st.mc[j])) continue;
      st.mc[i] = st.mc[j];
      readByScene[i] = 1;
      break;
    }
  }
}

/** Title classes whose bare use (`the duchess`, `the colonel`) names one holder; not kinship words. */
const SCENE_TITLES: ReadonlySet<string> = new Set(['rank', 'noble-m', 'noble-f']);
/** Noble titles too common to name one holder by scene (`the lady` is any woman). */
const EVERYDAY_NOBLE: ReadonlySet<string> = new Set(['lady', 'lord', 'sir', 'dame', 'don']);

/**
 * Capitalised descriptions that no name took (`the Grandmother`, `the Coroner`), used three times or
 * more, are characters of their own rather than nobody (or somebody on a guess); so are lower-case
 * ones with a telling head, used three times or more, that tag speech twice or more (`said the
 * policeman`). Never with `castOnly`.
 */
function epithetCharacters(st: CastState, castOnly: boolean): void {
  const doc = st.ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const text = doc.text;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (m[3 * i + 2] !== MentionKind.Nominal || st.mc[i] >= 0) continue;
    const s0 = m[3 * i];
    if ((text.charCodeAt(s0) | 32) !== 116 || (text.charCodeAt(s0 + 1) | 32) !== 104 || (text.charCodeAt(s0 + 2) | 32) !== 101) continue;
    const words = text.slice(s0, m[3 * i + 1]).split(/\s+/);
    if (words.length < 2 || words[0].toLowerCase() !== 'the' || !words.slice(1).every((w) => /^[A-Z]/.test(w))) continue;
    const key = words.slice(1).join(' ').toLowerCase();
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  // Lower-case descriptions with a telling head (`the surgeon`, `the landlady`), unresolved, that tag
  // speech twice or more (`said the policeman`): a nameless speaker of their own. Generic heads (`the
  // old man`, `the girl`) are left to the scene: they are most often a named character.
  // (Not beside a given cast: it lists whom it means.)
  const described = new Map<string, number[]>();
  const hasGiven = st.chars.some((c) => c.given);
  for (let i = 0; i < n && !hasGiven; i++) {
    if (m[3 * i + 2] !== MentionKind.Nominal || st.mc[i] >= 0) continue;
    const s0 = m[3 * i];
    if ((text.charCodeAt(s0) | 32) !== 116 || text.charCodeAt(s0 + 1) !== 104 || text.charCodeAt(s0 + 2) !== 101) continue;
    const key = text.slice(s0, m[3 * i + 1]).replace(/\s+/g, ' ').replace(/^T/, 't');
    const words = key.split(' ');
    if (words.length < 2 || words.length > 3 || words[0] !== 'the' || !words.slice(1).every((w) => /^[a-z][a-z-]*$/.test(w))) continue;
    // `the good doctor`, `the little doctor`: a title with an adjective is the titled character.
    if (GENERIC.has(words[words.length - 1]) || NOT_EPITHET.test(key) || (words.length === 3 && HONORIFICS.has(words[2]))) continue;
    (described.get(key) ?? described.set(key, []).get(key)!).push(i);
  }
  for (const [key, occ] of described) {
    let tags = 0;
    for (const i of occ) if (!st.ctx.inQuote[i] && nextToSpeechVerb(doc, i, false)) tags++;
    if (tags >= 2) groups.set(key, occ);
  }
  // Someone introduced as a stranger (`A woman in a green raincoat sits down`) and then called `the
  // woman` in the scene, who speaks: a nameless character of their own.
  // Strangers keep two mentions when both tag a line (introducedStrangers checked).
  const strangerKeys = new Set<string>();
  if (!hasGiven) {
    const strangers = introducedStrangers(st);
    for (const [key, occ] of strangers.nameless) {
      strangerKeys.add(key);
      const had = groups.get(key);
      groups.set(key, had ? [...new Set([...had, ...occ])].sort((a, b) => a - b) : occ);
    }
    // A stranger who gives their name (`"I'm Maeve, by the way."`) is that character from the start.
    for (const [occ, c] of strangers.named) {
      for (const i of occ) if (st.mc[i] < 0) st.mc[i] = c;
      addLink(st.chars[c], linkOf(doc, occ[0], 'descriptive', 0.6));
    }
  }
  // The narrator's family in a first- or second-person story (`my mother said`, `your father says`):
  // one person the narration keeps calling so, who speaks: a character even from a single tagged line.
  const kin = hasGiven || castOnly ? new Map<string, number[]>() : narratorKin(st);
  for (const [key, occ] of kin) if (!groups.has(key)) groups.set(key, occ);
  const used = new Set(st.chars.map((c) => c.id));
  // `castOnly`: the given characters and nobody else.
  for (const [key, occ] of castOnly ? [] : groups) {
    if (occ.length < 3 && !kin.has(key) && !strangerKeys.has(key)) continue;
    // The narrator's kin keep the narration's words (`my mother`); descriptions read `the <head>`.
    const name = kin.has(key) ? key : `the ${doc.mentionText(occ[0]).split(/\s+/).slice(1).join(' ')}`;
    let id = slug(name);
    for (let k = 2; used.has(id); k++) id = `${slug(name)}-${k}`;
    used.add(id);
    const k = st.chars.length;
    const g = doc.mentionGenders[occ[0]];
    st.chars.push({ id, name, aliases: [name], gender: genderName(g), mentions: 0, quotes: 0, given: false, source: 'discovered' });
    st.genders.push(g);
    st.clusterOf.push(-1);
    for (const i of occ) st.mc[i] = k;
    void key;
  }
}

/** Kin of a narrator's that the narration calls by the relation (`my mother`, `your dad`). */
const NARRATOR_KIN = /^(?:my|your) (?:mother|father|mum|mom|mam|dad|mummy|mommy|daddy|brother|sister|gran|granny|grandma|grandmother|grandpa|grandfather|nan|nana|aunt|auntie|uncle|husband|wife|son|daughter|boyfriend|girlfriend|cousin|stepmother|stepfather|stepmom|stepdad|stepmum)$/;

/**
 * Unresolved `my <kin>` (in a second-person story `your <kin>`) outside quotes, in a story told in
 * the first (second) person, grouped by the words, when a speech tag stands beside one of them.
 */
function narratorKin(st: CastState): Map<string, number[]> {
  const doc = st.ctx.doc;
  const m = doc.mentions;
  const out = new Map<string, number[]>();
  let firstPerson = 0;
  for (let i = 0; i < doc.mentionCount; i++) if (m[3 * i + 2] === MentionKind.FirstPerson && !st.ctx.inQuote[i]) firstPerson++;
  if (firstPerson < 5) return out;
  const det = doc.secondPersonNarration ? 'your ' : 'my ';
  const groups = new Map<string, number[]>();
  for (let i = 0; i < doc.mentionCount; i++) {
    if (m[3 * i + 2] !== MentionKind.Nominal || st.mc[i] >= 0 || st.ctx.inQuote[i]) continue;
    const key = doc.mentionText(i).replace(/\s+/g, ' ').toLowerCase();
    if (!key.startsWith(det) || !NARRATOR_KIN.test(key)) continue;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  for (const [key, occ] of groups) if (occ.some((i) => nextToSpeechVerb(doc, i, false))) out.set(key, occ);
  return out;
}

/** Heads that can introduce a nameless stranger (`a woman`, `a barmaid`); kin and group words cannot. */
const NOT_STRANGER_HEADS: ReadonlySet<string> = new Set(['one', 'other', 'people', 'men', 'women', 'person', 'friend', 'creature', 'baby', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'husband', 'wife']);
/** Heads that say the person is unknown, so `the` + head may open a stranger with no `a` + head before. */
const UNKNOWN_PERSON_HEADS: ReadonlySet<string> = new Set(['stranger', 'newcomer', 'intruder']);
/** Words before a name a speaker gives as their own: `I'm`, `I am`, `my name is`, `my name's`, `the name's`, `call me` (not `her name is`). */
const SELF_NAMING = /(?:\bI['\u2019]m|\bI am|\b[Mm]y name(?:['\u2019]s| is)|\b[Tt]he name['\u2019]s|\b[Cc]all me)\s+$/;
/** How far (UTF-16 units) a `the woman` may stand from the last mention of the stranger it continues. */
const STRANGER_REACH = 3000;
/** How far from the introduction (UTF-16 units) a stranger is followed: one scene. */
const STRANGER_SCENE = 8000;

/**
 * Unresolved descriptions introduced with `a`/`an` outside quotes (`A woman in a green raincoat`,
 * `A barmaid appeared`), each followed in the scene by `the` + the same head (`the woman says`):
 * the group, keyed `the <head>`, when it has three mentions or more and speaks (a speech tag beside
 * one, or two in paragraphs that hold a line). A second `a woman` starts someone new. Not when the
 * description is how the book goes on calling someone (most of its `the <head>` fall outside the
 * scene), nor when someone of that gender is first named in the scene: the stranger may be them
 * (`a beautiful young lady` … `Her name was Daisy`). When the first so named is first heard of in a
 * line that gives it as the speaker's own name, after the stranger came in (`"I'm Maeve, by the
 * way."`), the stranger is them (`named`: the group's mentions and that character).
 */
function introducedStrangers(st: CastState): { nameless: Map<string, number[]>; named: Array<[number[], number]> } {
  const doc = st.ctx.doc;
  const m = doc.mentions;
  const out = new Map<string, number[]>();
  const named: Array<[number[], number]> = [];
  // Where each character is first mentioned at all, and whether that mention is in a line that gives
  // it as the speaker's own name (`"I'm Maeve, by the way."`, `"Name's Hollis."`).
  const firstAny: number[] = [];
  const firstSelfNamed: boolean[] = [];
  for (let i = 0; i < doc.mentionCount; i++) {
    const c = st.mc[i];
    if (c >= 0 && firstAny[c] === undefined && m[3 * i + 2] === MentionKind.Proper) {
      firstAny[c] = m[3 * i];
      // (`I'm Maeve's mother` gives someone else's name.)
      firstSelfNamed[c] = st.ctx.inQuote[i] === 1 && SELF_NAMING.test(doc.text.slice(Math.max(0, m[3 * i] - 20), m[3 * i])) && !/^['\u2019]s\b/.test(doc.text.slice(m[3 * i + 1], m[3 * i + 1] + 3));
    }
  }
  const open = new Map<string, { occ: number[]; last: number }>();
  const paraHasQuote = new Uint8Array(doc.paragraphCount);
  for (let q = 0; q < doc.quoteCount; q++) paraHasQuote[doc.quotes[4 * q + 2]] = 1;
  // Unresolved `the <head>` outside quotes, counted over the whole text.
  const definite = new Map<string, number>();
  // Where each named character is first named in the narration.
  const firstNamed: number[] = [];
  for (let i = 0; i < doc.mentionCount; i++) {
    if (st.ctx.inQuote[i]) continue;
    const kind = m[3 * i + 2];
    if (kind === MentionKind.Proper && st.mc[i] >= 0 && firstNamed[st.mc[i]] === undefined) firstNamed[st.mc[i]] = m[3 * i];
    const head = strangerHead(doc, st, i);
    if (head !== '' && /^the\s/i.test(doc.mentionText(i))) definite.set(head, (definite.get(head) ?? 0) + 1);
  }
  const close = (head: string): void => {
    const g = open.get(head);
    open.delete(head);
    if (!g || g.occ.length < 2 || 2 * (g.occ.length - 1) < (definite.get(head) ?? 0)) return;
    const from = m[3 * g.occ[0]];
    const gender = doc.mentionGenders[g.occ[0]];
    // The first character of a fitting gender named in the narration after the stranger came in.
    let maybe = -1;
    for (let c = 0; c < firstNamed.length; c++) {
      const at = firstNamed[c];
      if (at === undefined || at <= from || at > g.last + STRANGER_REACH) continue;
      // Nobody is introduced as `a woman` and then called by a family word (`Mum`): that is someone else.
      if (KINSHIP_NOUNS.has(nameKey(st.chars[c].name))) continue;
      if (gender === GenderCode.Unknown || st.genders[c] === GenderCode.Unknown || st.genders[c] === gender) {
        if (maybe < 0 || at < firstNamed[maybe]) maybe = c;
      }
    }
    let tags = 0;
    let inDialogue = 0;
    for (const i of g.occ) {
      if (nextToSpeechVerb(doc, i, false)) tags++;
      if (paraHasQuote[st.ctx.para[i]]) inDialogue++;
    }
    if (tags < 1 && inDialogue < 2) return;
    // Two mentions are enough only when both tag a line (`said the stranger` twice).
    if (g.occ.length < 3 && tags < 2) return;
    if (maybe >= 0) {
      // First heard as a name someone gives as their own, after a stranger of that gender came in: the stranger's.
      if (gender !== GenderCode.Unknown && st.genders[maybe] === gender && firstSelfNamed[maybe] && firstAny[maybe] > from) named.push([g.occ, maybe]);
      return;
    }
    const key = `the ${head}`;
    if (!out.has(key)) out.set(key, g.occ);
  };
  // Where each character's name tags a line (`said Kate`): someone who speaks as themselves is not
  // the stranger. Read once, and only for a text with a `the stranger` to place.
  let taggedAt: number[][] | null = null;
  const taggedPositions = (): number[][] => {
    if (taggedAt) return taggedAt;
    const at: number[][] = [];
    for (let j = 0; j < doc.mentionCount; j++) {
      const c = st.mc[j];
      if (c >= 0 && !st.ctx.inQuote[j] && m[3 * j + 2] === MentionKind.Proper && nextToSpeechVerb(doc, j, false)) (at[c] ??= []).push(m[3 * j]);
    }
    return (taggedAt = at);
  };
  /**
   * Is some character first named in the narration of mention i's paragraph or the one before it, who
   * could be who it describes (`Dan Morrow walked in.` ⏎ `said the newcomer`): not one whose own name
   * tags a line in the scene (`Kate Morrow was alone in the bar.` ⏎ `said the stranger` … `said Kate`)?
   */
  const namedJustBefore = (i: number): boolean => {
    const p = st.ctx.para[i];
    const from = doc.paragraphs[2 * Math.max(0, p - 1)];
    const at = m[3 * i];
    return firstNamed.some((f, c) => f !== undefined && f >= from && f < at && !(taggedPositions()[c] ?? []).some((t) => t > at && t - at < STRANGER_SCENE));
  };
  for (let i = 0; i < doc.mentionCount; i++) {
    if (st.ctx.inQuote[i]) continue;
    const head = strangerHead(doc, st, i);
    if (head === '') continue;
    const det = /^\S+/.exec(doc.mentionText(i))![0].toLowerCase();
    if (det === 'a' || det === 'an') {
      close(head);
      open.set(head, { occ: [i], last: m[3 * i] });
    } else if (det === 'the') {
      const g = open.get(head);
      if (!g) {
        // `the stranger`, `the newcomer` introduce themselves: the word says nobody known, unless
        // someone was first named just before (`Dan Morrow walked in.` ⏎ `"Evening," said the newcomer.`).
        if (UNKNOWN_PERSON_HEADS.has(head) && !namedJustBefore(i)) open.set(head, { occ: [i], last: m[3 * i] });
        continue;
      }
      if (m[3 * i] - g.last > STRANGER_REACH || m[3 * i] - m[3 * g.occ[0]] > STRANGER_SCENE) {
        close(head);
        continue;
      }
      g.occ.push(i);
      g.last = m[3 * i];
    }
  }
  for (const head of [...open.keys()]) close(head);
  return { nameless: out, named };
}

/** The head noun of an unresolved description of two to four words that could be a stranger, or ''. */
function strangerHead(doc: Document, st: CastState, i: number): string {
  if (doc.mentions[3 * i + 2] !== MentionKind.Nominal || st.mc[i] >= 0) return '';
  const words = doc.mentionText(i).toLowerCase().split(/\s+/);
  if (words.length < 2 || words.length > 4 || !/^(?:a|an|the)$/.test(words[0])) return '';
  const head = words[words.length - 1];
  return NOT_STRANGER_HEADS.has(head) || !/^[a-z-]+$/.test(head) ? '' : head;
}

export const castStage: Stage = {
  assigns: 'cast',
  requires: ['mentions'],
  run: (doc, options) => buildCast(doc, options),
};
