/**
 * Cast: cluster proper-name mentions into characters, infer their gender, and resolve every mention
 * (names, descriptions, pronouns, the narrator's I) to a character index.
 *
 * Discovery (no given cast):
 *  1. Each distinct normalised surface form (`mr knightley`, `emma woodhouse`, `emma`) gathers its
 *     count, person evidence (honorific, speech verb next to it, vocative in a quote), place
 *     evidence (after `in`, `at`, `into`…), and gender votes (honorific prior + the next he/she in the
 *     same or next sentence outside quotes).
 *  2. Full names (two or more words without the honorific) found characters; an honorific + one
 *     word (`Miss Woodhouse`, `Sir Walter`) joins the one gender-compatible full name holding that
 *     word, else founds its own character (Mr. X and Mrs. X never merge); a single word (`Emma`,
 *     `Lizzy`) joins the one character whose first name (or nickname) or surname it is.
 *  3. Characters with too little person evidence, or mostly used as places, are dropped.
 * Given cast: the given characters are the cast; their names, aliases and unambiguous sub-aliases
 * (`Anne Elliot` → `Anne`, `Miss Elliot`) form the alias index.
 * Pronouns resolve to the most salient compatible mention in the last two narration sentences.
 */
import { Document, GenderCode, MentionKind, TokenKind, type CharacterRecord } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions, CastCharacter, Gender } from '../../types.js';
import { HONORIFICS, STRONG_HONORIFIC_GENDER, FIRST_NAME_HONORIFICS } from '../../lang/en/honorifics.js';
import { NICKNAMES } from '../../lang/en/nicknames.js';
import { firstNameGender } from '../../lang/en/first-names.js';
import { PLACE_PREPOSITIONS } from '../../lang/en/common-capitalized.js';
import { PERSON_VERBS, INVERTED_TAG_VERBS } from '../../lang/en/person-verbs.js';
import { PERSON_NOUNS } from '../../lang/en/person-nouns.js';
import { quotedRegions, RegionCursor } from '../mentions/quote-spans.js';

const AMBIGUOUS = -2;
const VOTING_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'himself', 'herself']);

/** Lower case, no periods, single spaces, straight apostrophes. */
export function nameKey(s: string): string {
  return s.toLowerCase().replace(/[.]/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

interface ParsedName {
  /** Honorific (normalised, e.g. `mr`) or '' when none. */
  hon: string;
  /** Name words after the honorific (lower case, no periods). */
  core: string[];
}

function parseName(key: string): ParsedName {
  const words = key.split(' ').filter((w) => w.length > 0);
  if (words.length > 1 && HONORIFICS.has(words[0])) return { hon: words[0], core: words.slice(1) };
  return { hon: '', core: words };
}

function honorificGender(hon: string): number {
  return hon === '' ? GenderCode.Unknown : HONORIFICS.get(hon) ?? GenderCode.Unknown;
}

function genderName(g: number): Gender {
  return g === GenderCode.He ? 'he' : g === GenderCode.She ? 'she' : g === GenderCode.They ? 'they' : 'unknown';
}
function genderCode(g: Gender | undefined): number {
  return g === 'he' ? GenderCode.He : g === 'she' ? GenderCode.She : g === 'they' ? GenderCode.They : GenderCode.Unknown;
}

function slug(s: string): string {
  const base = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'character';
}

/** A distinct normalised surface form of a proper name. */
interface Form {
  key: string;
  parsed: ParsedName;
  /** Surface spellings with counts. */
  surfaces: Map<string, number>;
  count: number;
  /** Person evidence: speech verb next to it, vocative, honorific. */
  person: number;
  /** Place evidence (weighted prepositions before it). */
  place: number;
  he: number;
  she: number;
  /** Plural of another name's last word: a family (`Crofts`, `Miss Musgroves`). */
  plural: boolean;
  /** Cluster index, -1 while unassigned. */
  cluster: number;
}

interface Cluster {
  forms: number[];
  /** Lower-case core words of the founding name. */
  core: string[];
  /** Strong-honorific gender seen on any form (0 none, 1 he, 2 she, 3 conflict). */
  honGender: number;
  he: number;
  she: number;
  count: number;
  person: number;
  place: number;
  /** First name (lower case) when the character has a full name or a bare single-word name. */
  firstName: string;
  /** A family or group (`the Crofts`, `the Miss Musgroves`), not one person. */
  plural: boolean;
}

/** Per-document context shared by discovery and resolution. */
interface Ctx {
  doc: Document;
  inQuote: Uint8Array;
  /** Sentence index per mention. */
  sent: Int32Array;
  /** Narration rank of each sentence (sentences with narration increase it). */
  narrRank: Int32Array;
  /** 1 when the sentence holds (part of) a quote. */
  sentHasQuote: Uint8Array;
}

function buildContext(doc: Document): Ctx {
  const m = doc.mentions;
  const n = doc.mentionCount;
  const regions = quotedRegions(doc);
  const cur = new RegionCursor(regions);
  const inQuote = new Uint8Array(n);
  const sent = new Int32Array(n);
  const sen = doc.sentences;
  let si = 0;
  const nSent = sen.length >> 2;
  for (let i = 0; i < n; i++) {
    const s = m[3 * i];
    inQuote[i] = cur.inside(s) ? 1 : 0;
    while (si + 1 < nSent && sen[4 * (si + 1)] <= s) si++;
    sent[i] = si;
  }
  // A sentence counts as narration when some of its text lies outside quotes.
  const narrRank = new Int32Array(nSent);
  const rc = new RegionCursor(regions);
  let rank = 0;
  for (let k = 0; k < nSent; k++) {
    const s = sen[4 * k];
    const e = sen[4 * k + 1];
    let narration = false;
    // Narration if the start is outside a quote or a quote ends before the sentence ends.
    if (!rc.inside(s)) narration = true;
    else {
      const r = rc.regionOf(s);
      if (r >= 0 && regions[2 * r + 1] + 1 < e) narration = true;
    }
    if (narration) rank++;
    narrRank[k] = rank;
  }
  const sentHasQuote = new Uint8Array(nSent);
  for (let r = 0, k = 0; r < regions.length; r += 2) {
    while (k + 1 < nSent && sen[4 * (k + 1)] <= regions[r]) k++;
    sentHasQuote[k] = 1;
    // the sentence holding the quote's end, too
    let k2 = k;
    while (k2 + 1 < nSent && sen[4 * (k2 + 1)] <= regions[r + 1]) k2++;
    sentHasQuote[k2] = 1;
    if (k2 + 1 < nSent) sentHasQuote[k2 + 1] = sentHasQuote[k2 + 1] || (sen[4 * (k2 + 1)] <= regions[r + 1] + 2 ? 1 : 0);
  }
  return { doc, inQuote, sent, narrRank, sentHasQuote };
}

/** Word token text (lower case) just before offset `pos`, or '' (punctuation / quote mark → ''). */
function wordBefore(doc: Document, pos: number): string {
  const t = doc.tokenAtOrAfter(pos) - 1;
  if (t < 0 || doc.tokenKinds[t] !== TokenKind.Word) return '';
  return doc.tokenText(t).toLowerCase();
}

/** Collect surface forms of the proper mentions; returns form index per mention (-1 for others). */
function collectForms(ctx: Ctx): { forms: Form[]; formOf: Int32Array; co: Map<number, number> } {
  const doc = ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const text = doc.text;
  const tok = doc.tokens;
  const kinds = doc.tokenKinds;
  const nTok = tok.length >> 1;
  const formOf = new Int32Array(n).fill(-1);
  const forms: Form[] = [];
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (m[3 * i + 2] !== MentionKind.Proper) continue;
    const s = m[3 * i];
    const e = m[3 * i + 1];
    const surface = text.slice(s, e).replace(/\s+/g, ' ');
    const key = nameKey(surface);
    let f = byKey.get(key);
    if (f === undefined) {
      f = forms.length;
      byKey.set(key, f);
      forms.push({ key, parsed: parseName(key), surfaces: new Map(), count: 0, person: 0, place: 0, he: 0, she: 0, plural: false, cluster: -1 });
    }
    const form = forms[f];
    formOf[i] = f;
    form.count++;
    form.surfaces.set(surface, (form.surfaces.get(surface) ?? 0) + 1);
    if (form.parsed.hon !== '') form.person++;
    // Context: the token before and after.
    const tb = doc.tokenAtOrAfter(s) - 1;
    let ta = doc.tokenAtOrAfter(e);
    // skip a possessive remainder inside the same token
    if (ta < nTok && tok[2 * ta] < e) ta++;
    if (ta > 0 && ta - 1 < nTok && tok[2 * (ta - 1) + 1] > e) {
      // the mention ended inside a token (possessive 's): no speech-verb evidence after it
    }
    const before = tb >= 0 && kinds[tb] === TokenKind.Word ? text.slice(tok[2 * tb], tok[2 * tb + 1]).toLowerCase() : '';
    const after = ta < nTok && kinds[ta] === TokenKind.Word ? text.slice(tok[2 * ta], tok[2 * ta + 1]).toLowerCase() : '';
    if (PERSON_VERBS.has(before) || PERSON_VERBS.has(after)) form.person++;
    const pw = PLACE_PREPOSITIONS.get(before);
    if (pw !== undefined) form.place += pw;
    if (ctx.inQuote[i]) {
      // Vocative: `"Come here, Jo."`, `"Jo, come here."`
      const bk = tb >= 0 ? kinds[tb] : TokenKind.QuoteMark;
      const ak = ta < nTok ? kinds[ta] : TokenKind.QuoteMark;
      const bc = tb >= 0 ? text.charCodeAt(tok[2 * tb]) : 0;
      const ac = ta < nTok ? text.charCodeAt(tok[2 * ta]) : 0;
      const beforeOk = bk === TokenKind.QuoteMark || (bk === TokenKind.Punct && bc === 44) || before === 'dear' || before === 'oh';
      const afterOk = ak === TokenKind.QuoteMark || (ak === TokenKind.Punct && (ac === 44 || ac === 33 || ac === 63 || ac === 46));
      if (beforeOk && afterOk) form.person++;
    }
  }
  // Gender votes: the next he/she after a name (outside quotes) in the same or next sentence.
  let prevSent = -1;
  let firstInSent = true;
  for (let i = 0; i < n; i++) {
    const k0 = m[3 * i + 2];
    if (ctx.sent[i] !== prevSent) {
      prevSent = ctx.sent[i];
      firstInSent = true;
    }
    const subject = firstInSent;
    if (!ctx.inQuote[i] && k0 !== MentionKind.FirstPerson) firstInSent = false;
    const f = formOf[i];
    if (f < 0 || ctx.inQuote[i]) continue;
    const form = forms[f];
    const w = form.parsed.hon !== '' ? (STRONG_HONORIFIC_GENDER.has(form.parsed.hon) ? 4 : 1) : 0;
    const hg = honorificGender(form.parsed.hon);
    if (hg === GenderCode.He) form.he += w;
    else if (hg === GenderCode.She) form.she += w;
    // Only subject-like names vote: the first name of the sentence, or one right after a speech verb (`said Jo`).
    if (!subject && !INVERTED_TAG_VERBS.has(wordBefore(doc, m[3 * i]))) continue;
    for (let j = i + 1; j < n && j < i + 12; j++) {
      if (ctx.sent[j] > ctx.sent[i] + 1) break;
      const k = m[3 * j + 2];
      if (k === MentionKind.Proper || ctx.inQuote[j]) {
        if (k === MentionKind.Proper && !ctx.inQuote[j]) break;
        continue;
      }
      if (k === MentionKind.Pronoun) {
        const g = doc.mentionGenders[j];
        if (g !== GenderCode.He && g !== GenderCode.She) continue;
        // Only subject and reflexive forms vote: `her`/`him`/`his` are too often someone else.
        if (VOTING_PRONOUNS.has(text.slice(m[3 * j], m[3 * j + 1]).toLowerCase())) {
          if (g === GenderCode.He) form.he++;
          else form.she++;
        }
        break;
      }
    }
  }
  // Plurals of another name's last word are families: Crofts, Miss Musgroves, Dashwoods.
  const words = new Set<string>();
  for (const f of forms) for (const w of f.parsed.core) words.add(w);
  for (const f of forms) {
    const last = f.parsed.core[f.parsed.core.length - 1];
    if (last.length > 3 && last.endsWith('s') && (words.has(last.slice(0, -1)) || (last.endsWith('es') && words.has(last.slice(0, -2))))) f.plural = true;
  }
  // Same-sentence co-occurrence of two different forms: a sign they name different people.
  const co = new Map<number, number>();
  const F = forms.length;
  const inSent: number[] = [];
  let cur = -1;
  const flush = (): void => {
    for (let a = 0; a < inSent.length && a < 8; a++) {
      for (let b = a + 1; b < inSent.length && b < 8; b++) {
        const x = Math.min(inSent[a], inSent[b]);
        const y = Math.max(inSent[a], inSent[b]);
        if (x === y) continue;
        const key = x * F + y;
        co.set(key, (co.get(key) ?? 0) + 1);
      }
    }
    inSent.length = 0;
  };
  for (let i = 0; i < n; i++) {
    if (formOf[i] < 0) continue;
    if (ctx.sent[i] !== cur) {
      flush();
      cur = ctx.sent[i];
    }
    if (!inSent.includes(formOf[i])) inSent.push(formOf[i]);
  }
  flush();
  return { forms, formOf, co };
}

/** Decided gender from votes: needs a clear majority. */
function voteGender(he: number, she: number): number {
  if (he >= 2 && he >= 2 * she) return GenderCode.He;
  if (she >= 2 && she >= 2 * he) return GenderCode.She;
  if (he > 0 && she === 0) return GenderCode.He;
  if (she > 0 && he === 0) return GenderCode.She;
  return GenderCode.Unknown;
}

function clusterGender(c: Cluster): number {
  if (c.honGender === GenderCode.He || c.honGender === GenderCode.She) return c.honGender;
  const prior = c.firstName ? firstNameGender(c.firstName) : undefined;
  if (prior !== undefined) {
    const same = prior === GenderCode.He ? c.he : c.she;
    const opp = prior === GenderCode.He ? c.she : c.he;
    if (!(opp >= 10 && opp >= 3 * same)) return prior;
  }
  return voteGender(c.he, c.she);
}

/** Can a name carrying honorific `hon` (form gender votes he/she) join cluster c? */
function compatible(c: Cluster, hon: string, fhe: number, fshe: number): boolean {
  let g = STRONG_HONORIFIC_GENDER.has(hon) ? honorificGender(hon) : GenderCode.Unknown;
  if (g === GenderCode.Unknown) g = voteGender(fhe, fshe);
  if (g === GenderCode.Unknown) return true;
  if (c.honGender === 3) return false;
  if (c.honGender !== 0) return c.honGender === g;
  const cg = clusterGender(c);
  return cg === GenderCode.Unknown || cg === g;
}

function addForm(clusters: Cluster[], ci: number, forms: Form[], f: number): void {
  const c = clusters[ci];
  const form = forms[f];
  form.cluster = ci;
  c.forms.push(f);
  c.count += form.count;
  c.person += form.person;
  c.place += form.place;
  c.he += form.he;
  c.she += form.she;
  const hon = form.parsed.hon;
  if (STRONG_HONORIFIC_GENDER.has(hon)) {
    const g = honorificGender(hon);
    if (c.honGender === 0) c.honGender = g;
    else if (c.honGender !== g) c.honGender = 3;
  }
}

function newCluster(clusters: Cluster[], forms: Form[], f: number, core: string[]): number {
  const p = forms[f].parsed;
  const firstName = core.length >= 2 || p.hon === '' || FIRST_NAME_HONORIFICS.has(p.hon) ? core[0] : '';
  clusters.push({ forms: [], core, honGender: 0, he: 0, she: 0, count: 0, person: 0, place: 0, firstName, plural: forms[f].plural });
  addForm(clusters, clusters.length - 1, forms, f);
  return clusters.length - 1;
}

/** Formal names a first name may stand for (itself plus nickname expansions). */
function firstNameVariants(w: string): readonly string[] {
  const nick = NICKNAMES.get(w);
  return nick ? [w, ...nick] : [w];
}

/** Pick the one candidate, or the dominant one (3× the mentions of the next), else -1. */
function pickUnique(cands: number[], clusters: Cluster[]): number {
  if (cands.length === 0) return -1;
  if (cands.length === 1) return cands[0];
  const sorted = [...new Set(cands)].sort((a, b) => clusters[b].count - clusters[a].count);
  if (sorted.length === 1) return sorted[0];
  if (clusters[sorted[0]].count >= 3 * clusters[sorted[1]].count) return sorted[0];
  return -1;
}

function discover(forms: Form[], co: Map<number, number>): Cluster[] {
  const clusters: Cluster[] = [];
  const F = forms.length;
  /** Does form f name someone else than cluster ci (they often share a sentence)? */
  const apart = (f: number, ci: number): boolean => {
    let k = 0;
    for (const g of clusters[ci].forms) k += co.get(Math.min(f, g) * F + Math.max(f, g)) ?? 0;
    return k >= 2 && k >= 0.03 * Math.min(forms[f].count, clusters[ci].count);
  };
  const order = forms.map((_, i) => i).sort((a, b) => forms[b].count - forms[a].count);
  const coreIndex = new Map<string, number>();
  // 1. Full names: two or more core words.
  for (const f of order) {
    const p = forms[f].parsed;
    if (p.core.length < 2 || forms[f].plural) continue;
    const ck = p.core.join(' ');
    const existing = coreIndex.get(ck);
    if (existing !== undefined && compatible(clusters[existing], p.hon, forms[f].he, forms[f].she)) {
      addForm(clusters, existing, forms, f);
    } else {
      const ci = newCluster(clusters, forms, f, p.core);
      if (existing === undefined) coreIndex.set(ck, ci);
    }
  }
  const fullClusters = clusters.length;
  // 2. Single words that are the first name (or a nickname) of exactly one full name: Emma → Emma Woodhouse.
  for (const f of order) {
    const p = forms[f].parsed;
    if (p.hon !== '' || p.core.length !== 1 || forms[f].plural) continue;
    const variants = new Set(firstNameVariants(p.core[0]));
    const atFirst: number[] = [];
    for (let ci = 0; ci < fullClusters; ci++) if (variants.has(clusters[ci].core[0]) && !apart(f, ci)) atFirst.push(ci);
    const target = pickUnique(atFirst, clusters);
    if (target >= 0) addForm(clusters, target, forms, f);
  }
  // 3. Honorific + one word: joins the one full name holding the word whose gender is known and matches
  //    (Miss Woodhouse → Emma Woodhouse), unless that character already has another title on that
  //    word (Miss X and Mrs. X are different people); else founds its own character.
  const honKey = new Map<string, number>();
  const formKeys = new Set(forms.map((f) => f.key));
  const titlesOn = new Map<number, Set<string>>();
  for (const f of order) {
    const form = forms[f];
    const p = form.parsed;
    if (p.hon === '' || p.core.length !== 1 || form.plural) continue;
    const w = p.core[0];
    const hk = `${p.hon} ${w}`;
    const prev = honKey.get(hk);
    if (prev !== undefined) {
      addForm(clusters, prev, forms, f);
      continue;
    }
    // Family titles: Mrs./Lady X next to a man of the family is his wife or mother; Mr. X next to a
    // Mrs. X is her husband (the son keeps his first name). Neither joins a full-name character.
    const married = p.hon === 'mrs' || p.hon === 'lady' || p.hon === 'madame' || p.hon === 'mme';
    const maleOfFamily = formKeys.has(`mr ${w}`) || formKeys.has(`sir ${w}`) || clusters.some((c, ci) => ci < fullClusters && c.core[c.core.length - 1] === w && clusterGender(c) === GenderCode.He);
    if ((married && maleOfFamily) || (p.hon === 'mr' && (formKeys.has(`mrs ${w}`) || formKeys.has(`lady ${w}`)))) {
      const t = newCluster(clusters, forms, f, [w]);
      honKey.set(hk, t);
      titlesOn.set(t, new Set([hk]));
      continue;
    }
    const firstPref = FIRST_NAME_HONORIFICS.has(p.hon);
    const hg = honorificGender(p.hon);
    const atLast: number[] = [];
    const atFirst: number[] = [];
    for (let ci = 0; ci < fullClusters; ci++) {
      const c = clusters[ci];
      if (!compatible(c, p.hon, form.he, form.she) || apart(f, ci)) continue;
      const cg = clusterGender(c);
      if (hg !== GenderCode.Unknown && cg !== hg) continue;
      const titles = titlesOn.get(ci);
      if (titles && titles.size > 0 && !titles.has(hk)) {
        // another title already on this character for the same word
        let clash = false;
        for (const t of titles) if (t.endsWith(` ${w}`)) clash = true;
        if (clash) continue;
      }
      if (c.core[c.core.length - 1] === w) atLast.push(ci);
      if (firstNameVariants(w).includes(c.core[0]) || c.core[0] === w) atFirst.push(ci);
    }
    const primary = firstPref ? atFirst : atLast;
    const secondary = firstPref ? atLast : atFirst;
    let target = primary.length === 1 ? primary[0] : primary.length === 0 && secondary.length === 1 ? secondary[0] : -1;
    if (target >= 0) addForm(clusters, target, forms, f);
    else target = newCluster(clusters, forms, f, [w]);
    if (!titlesOn.has(target)) titlesOn.set(target, new Set());
    titlesOn.get(target)!.add(hk);
    honKey.set(hk, target);
  }
  // 4. Remaining single words: first name (or nickname) of one character, else surname of one, else new.
  for (const f of order) {
    const form = forms[f];
    const p = form.parsed;
    if (p.hon !== '' || p.core.length !== 1 || form.cluster >= 0 || form.plural) continue;
    const w = p.core[0];
    const variants = new Set(firstNameVariants(w));
    const atFirst: number[] = [];
    const atLast: number[] = [];
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci];
      if (apart(f, ci)) continue;
      const hon = parseHonOfCluster(c, forms);
      if (c.core.length >= 2 || FIRST_NAME_HONORIFICS.has(hon)) {
        if (variants.has(c.core[0])) atFirst.push(ci);
      }
      if (c.core[c.core.length - 1] === w && (c.core.length >= 2 || !FIRST_NAME_HONORIFICS.has(hon))) atLast.push(ci);
    }
    let target = pickUnique(atFirst, clusters);
    if (target < 0 && atFirst.length === 0) target = atLast.length === 1 ? atLast[0] : -1;
    if (target >= 0) addForm(clusters, target, forms, f);
    else if (atFirst.length === 0 && atLast.length === 0) newCluster(clusters, forms, f, [w]);
    // else: ambiguous between several characters — left unresolved.
  }
  return clusters;
}

/** Honorific of the founding form of a cluster ('' for none). */
function parseHonOfCluster(c: Cluster, forms: Form[]): string {
  return forms[c.forms[0]].parsed.hon;
}

/** Person filter: enough mentions or some person evidence, and not mostly used as a place. */
function isPerson(c: Cluster): boolean {
  if (c.plural) return false;
  const placeShare = c.place / c.count;
  const personShare = c.person / c.count;
  if (placeShare >= 0.35 && personShare < 0.1) return false;
  if (c.count >= 3) return true;
  return c.person > 0 && placeShare < 1;
}

/** The display name: the most frequent full form (`Emma Woodhouse`), else the most frequent form. */
function chooseName(c: Cluster, forms: Form[]): string {
  let best = -1;
  let bestScore = -1;
  for (const f of c.forms) {
    const form = forms[f];
    // Full names first (without honorific preferred on ties), then anything by frequency.
    const full = form.parsed.core.length >= 2 ? 1 : 0;
    const score = full * 1e7 + form.count * 2 + (form.parsed.hon === '' ? 1 : 0);
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

/** Alias index for a given cast: explicit names and aliases, plus unambiguous derived sub-aliases. */
export function buildGivenIndex(cast: readonly CastCharacter[]): Map<string, number> {
  const explicit = new Map<string, number>();
  const setKey = (map: Map<string, number>, k: string, ci: number): void => {
    if (!k) return;
    const prev = map.get(k);
    if (prev === undefined) map.set(k, ci);
    else if (prev !== ci) map.set(k, AMBIGUOUS);
  };
  const names: string[][] = cast.map((c) => [c.name, ...(c.aliases ?? [])].map(nameKey).map((k) => (k.startsWith('the ') ? k.slice(4) : k)));
  names.forEach((keys, ci) => keys.forEach((k) => setKey(explicit, k, ci)));
  const derived = new Map<string, number>();
  cast.forEach((c, ci) => {
    const g = genderCode(c.gender);
    for (const k of names[ci]) {
      const p = parseName(k);
      const core = p.core;
      if (p.hon !== '') setKey(derived, core.join(' '), ci);
      if (core.length >= 2) {
        for (const v of firstNameVariants(core[0])) setKey(derived, v, ci);
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
        const last = core[core.length - 1];
        setKey(derived, last, ci);
        if (p.hon !== '') setKey(derived, `${p.hon} ${last}`, ci);
        if (g === GenderCode.She) setKey(derived, `miss ${last}`, ci);
        if (g === GenderCode.He) setKey(derived, `mr ${last}`, ci);
        setKey(derived, `${core[0]} ${last}`, ci);
      } else if (core.length === 1 && p.hon === '') {
        for (const [nick, formal] of NICKNAMES) if (formal.includes(core[0])) setKey(derived, nick, ci);
      }
    }
  });
  const index = new Map(explicit);
  for (const [k, ci] of derived) if (!index.has(k) && ci !== AMBIGUOUS) index.set(k, ci);
  return index;
}

/** Look up a proper-name key in an alias index, trying the core name and honorific + surname. */
function lookupName(index: Map<string, number>, key: string): number {
  const tries: string[] = [key];
  const p = parseName(key);
  if (p.hon !== '') {
    tries.push(p.core.join(' '));
    if (p.core.length >= 2) tries.push(`${p.hon} ${p.core[p.core.length - 1]}`);
  }
  if (p.core.length >= 3) tries.push(`${p.core[0]} ${p.core[p.core.length - 1]}`);
  for (const k of tries) {
    const ci = index.get(k);
    if (ci !== undefined) return ci;
  }
  return -1;
}

export function buildCast(doc: Document, options: AnalyzeOptions): void {
  const n = doc.mentionCount;
  const mc = new Int32Array(n).fill(-1);
  const ctx = buildContext(doc);
  const { forms, formOf, co } = collectForms(ctx);
  const m = doc.mentions;
  const given = options.cast?.characters ?? doc.givenCast ?? null;

  let chars: CharacterRecord[] = [];
  /** Gender code per character (used by the pronoun resolver). */
  let genders: number[] = [];
  /** Honorific/title words per character (for `the Captain`). */
  let titleIndex = new Map<string, number>();

  if (given && given.length > 0) {
    const index = buildGivenIndex(given);
    const he = new Float64Array(given.length);
    const she = new Float64Array(given.length);
    for (let i = 0; i < n; i++) {
      const f = formOf[i];
      if (f < 0) continue;
      const ci = lookupName(index, forms[f].key);
      if (ci >= 0) mc[i] = ci;
    }
    for (const form of forms) {
      const ci = lookupName(index, form.key);
      if (ci >= 0) {
        he[ci] += form.he;
        she[ci] += form.she;
      }
    }
    chars = given.map((c, ci) => ({
      id: c.id ?? `c${ci}`,
      name: c.name,
      aliases: [...new Set(c.aliases ?? [])],
      gender: c.gender && c.gender !== 'unknown' ? c.gender : genderName(voteGender(he[ci], she[ci])),
      mentions: 0,
      quotes: 0,
      given: true,
    }));
    genders = chars.map((c) => genderCode(c.gender));
    // Titles: nominal `the Admiral` → the one given character with alias `Admiral`/`The Admiral` or `Admiral X`.
    titleIndex = new Map();
    for (const [k, ci] of index) {
      if (ci < 0) continue;
      const p = parseName(k);
      const single = p.core.length === 1 && p.hon === '' ? p.core[0] : '';
      if (single && (PERSON_NOUNS.has(single) || HONORIFICS.has(single))) titleIndex.set(single, titleIndex.has(single) && titleIndex.get(single) !== ci ? AMBIGUOUS : ci);
    }
    for (let ci = 0; ci < given.length; ci++) {
      for (const k of [given[ci].name, ...(given[ci].aliases ?? [])].map(nameKey)) {
        const p = parseName(k);
        if (p.hon !== '' && !titleIndex.has(p.hon)) titleIndex.set(p.hon, ci);
        else if (p.hon !== '' && titleIndex.get(p.hon) !== ci && !index.has(p.hon)) titleIndex.set(p.hon, AMBIGUOUS);
      }
    }
  } else {
    const clusters = discover(forms, co);
    const keep: number[] = [];
    for (let ci = 0; ci < clusters.length; ci++) if (isPerson(clusters[ci])) keep.push(ci);
    const newIndex = new Int32Array(clusters.length).fill(-1);
    keep.forEach((ci, k) => (newIndex[ci] = k));
    const usedIds = new Set<string>();
    chars = keep.map((ci) => {
      const c = clusters[ci];
      const name = chooseName(c, forms);
      let id = slug(name);
      if (usedIds.has(id)) {
        let k = 2;
        while (usedIds.has(`${id}-${k}`)) k++;
        id = `${id}-${k}`;
      }
      usedIds.add(id);
      const aliases: string[] = [];
      const seen = new Set<string>();
      const sortedForms = [...c.forms].sort((a, b) => forms[b].count - forms[a].count);
      for (const f of sortedForms) {
        for (const s of forms[f].surfaces.keys()) {
          if (!seen.has(s)) {
            seen.add(s);
            aliases.push(s);
          }
        }
      }
      return { id, name, aliases, gender: genderName(clusterGender(c)), mentions: 0, quotes: 0, given: false };
    });
    genders = keep.map((ci) => clusterGender(clusters[ci]));
    for (let i = 0; i < n; i++) {
      const f = formOf[i];
      if (f >= 0 && forms[f].cluster >= 0) mc[i] = newIndex[forms[f].cluster];
    }
    // Titles: the one character carrying the honorific (`the Captain` → Captain Wentworth).
    for (let k = 0; k < keep.length; k++) {
      const c = clusters[keep[k]];
      for (const f of c.forms) {
        const hon = forms[f].parsed.hon;
        if (hon === '') continue;
        const prev = titleIndex.get(hon);
        if (prev === undefined) titleIndex.set(hon, k);
        else if (prev !== k) titleIndex.set(hon, AMBIGUOUS);
      }
    }
  }

  // Narrator: many first-person mentions outside quotes.
  let fp = 0;
  let third = 0;
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    if (k === MentionKind.FirstPerson) fp++;
    else if (k === MentionKind.Pronoun && !ctx.inQuote[i]) third++;
  }
  let narrator = -1;
  if (fp >= 30 && fp >= 0.25 * third) {
    const existing = chars.findIndex((c) => c.id === 'narrator' || c.name.toLowerCase() === 'narrator' || c.aliases.some((a) => a.toLowerCase() === 'narrator'));
    if (existing >= 0) narrator = existing;
    else if (!given) {
      narrator = chars.length;
      chars.push({ id: uniqueId(chars, 'narrator'), name: 'Narrator', aliases: [], gender: 'unknown', mentions: 0, quotes: 0, given: false });
      genders.push(GenderCode.Unknown);
    }
  }

  // Nominal mentions: `the Captain` → the one character with that title.
  const text = doc.text;
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    if (k === MentionKind.FirstPerson) {
      mc[i] = narrator;
      continue;
    }
    if (k !== MentionKind.Nominal) continue;
    const span = text.slice(m[3 * i], m[3 * i + 1]);
    const sp = span.indexOf(' ');
    if (sp < 0) continue;
    const det = span.slice(0, sp).toLowerCase();
    if (det !== 'the') continue;
    const rest = nameKey(span.slice(sp + 1));
    const ci = titleIndex.get(rest);
    if (ci !== undefined && ci >= 0) mc[i] = ci;
  }

  resolvePronouns(ctx, mc, genders);

  // Counts, then order by mentions (discovered cast only; a given cast keeps its order).
  for (let i = 0; i < n; i++) if (mc[i] >= 0) chars[mc[i]].mentions++;
  if (!given) {
    const order = chars.map((_, i) => i).sort((a, b) => chars[b].mentions - chars[a].mentions || a - b);
    const remap = new Int32Array(chars.length);
    order.forEach((old, k) => (remap[old] = k));
    chars = order.map((i) => chars[i]);
    for (let i = 0; i < n; i++) if (mc[i] >= 0) mc[i] = remap[mc[i]];
  }
  doc.characters = chars;
  doc.mentionCharacters = mc;
}

function uniqueId(chars: CharacterRecord[], base: string): string {
  const ids = new Set(chars.map((c) => c.id));
  if (!ids.has(base)) return base;
  let k = 2;
  while (ids.has(`${base}-${k}`)) k++;
  return `${base}-${k}`;
}

/**
 * He/she outside quotes → the most salient compatible candidate: in the pronoun's own sentence the
 * leftmost (subject-like) one before it; else, in the nearest earlier narration sentence (up to two
 * back) that has one, its leftmost. Candidates are names, descriptions (an unresolved description
 * blocks: `the old man … he` stays unresolved) and already-resolved pronouns, outside quotes.
 * Pronouns inside quotes are left unresolved.
 */
function resolvePronouns(ctx: Ctx, mc: Int32Array, genders: number[]): void {
  const doc = ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const mg = doc.mentionGenders;
  // Candidate mention indexes outside quotes, in order.
  const cand = new Int32Array(n);
  let nc = 0;
  const candGender = (j: number): number => {
    const ci = mc[j];
    if (ci >= 0 && genders[ci] !== GenderCode.Unknown) return genders[ci];
    return mg[j];
  };
  /**
   * Leftmost compatible candidate of the nearest sentence (within `maxDist` narration sentences)
   * holding one; unresolved descriptions count (and block) only when `allowUnresolved`.
   */
  const search = (i: number, g: number, rank: number, maxDist: number, allowUnresolved: boolean): number => {
    let chosen = -1;
    let bestSent = -1;
    for (let c = nc - 1; c >= 0; c--) {
      const j = cand[c];
      const sj = ctx.sent[j];
      if (rank - ctx.narrRank[sj] > maxDist) break;
      if (bestSent >= 0 && sj !== bestSent) break;
      if (m[3 * j] === m[3 * i]) continue;
      if (!allowUnresolved && mc[j] < 0) continue;
      const cg = candGender(j);
      if (cg !== g && !(cg === GenderCode.Unknown && mc[j] >= 0)) continue;
      bestSent = sj;
      chosen = j;
    }
    return chosen;
  };
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    if (ctx.inQuote[i]) continue;
    if (k === MentionKind.Pronoun) {
      const g = mg[i];
      if (g === GenderCode.He || g === GenderCode.She) {
        const si = ctx.sent[i];
        const rank = ctx.narrRank[si];
        let chosen = search(i, g, rank, 2, true);
        // A speech tag far into a dialogue (`"…," said he`): look further back for a known character.
        if (chosen < 0 && ctx.sentHasQuote[si]) chosen = search(i, g, rank, 6, false);
        if (chosen >= 0) mc[i] = mc[chosen];
      }
    }
    if (k === MentionKind.Proper || k === MentionKind.Nominal || (k === MentionKind.Pronoun && mc[i] >= 0)) {
      cand[nc++] = i;
    }
  }
}

export const castStage: Stage = {
  assigns: 'cast',
  requires: ['mentions'],
  run: (doc, options) => buildCast(doc, options),
};
