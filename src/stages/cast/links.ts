/**
 * Links between a character and the other words the text uses for them, each with its evidence:
 *
 *  - apposition: `Dace, the ex-smuggler,` / `the ex-smuggler, Dace,` (0.9);
 *  - copula: `Dace was the ex-smuggler`, `the ex-smuggler was Dace` (0.8);
 *  - a definite description used again later (`the ex-smuggler`) follows its linked character when
 *    every apposition or copula for it agrees and it is not a generic noun (`the man`) (0.7);
 *  - descriptive: a description (or a capitalised epithet, `the Jew`) whose scenes keep holding one
 *    character who fits its gender, and that character far more often than any other;
 *  - vocative: a first name said to a character known only by title and surname, answered by that
 *    character's tagged reply (`"Maggie, …"` → `… said Mrs. Hilbery`) two times or more;
 *  - address and answer: a title and surname nobody tags as speaking (`"…, Mr. Vyse?"`) is the bare
 *    first name who answers those addresses (next or previous turn, the narration right after) and
 *    is in their scenes, when the two names never share a sentence;
 *  - naming: `Folk called him Sparrow`, `Dace, known as Sparrow,` (after pronoun resolution);
 *  - a comparative description (`the older man`) in a scene of exactly two who fit, when the
 *    sentence names the other one (a link on that mention only);
 *  - narrator-name: `My name is …`, or a name said in quotes (never in the narration) and answered
 *    by the narrator's `I said`;
 *  - named later: a person noun that opens a sentence (`The girl with the green hair comes out`) is
 *    the first new name the talk after it says (`"Ivy," Sam says`) (0.5).
 * Unlinked descriptions stay unresolved rather than merged on a guess.
 */
import { Document, GenderCode, MentionKind, TokenKind, lastStartAtOrBefore, type CharacterRecord } from '../../document/document.js';
import { SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import { nextToSpeechVerb } from './context.js';
import { firstNameGender } from '../../lang/en/first-names.js';
import type { CastState } from './index.js';
import { linkOf } from './index.js';
import { clusterGender } from './cluster.js';
import { titleClass } from '../../lang/en/titles.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { KIN_ADDRESS_WORDS } from '../../lang/en/address-words.js';

/** Nouns too generic to name one character across a book. */
export const GENERIC: ReadonlySet<string> = new Set([
  'man', 'woman', 'boy', 'girl', 'lady', 'gentleman', 'person', 'child', 'fellow', 'stranger', 'other',
  'one', 'people', 'men', 'women', 'creature', 'visitor', 'guest', 'friend', 'baby', 'youth', 'lad',
  'servant', 'maid', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'husband', 'wife',
]);

/** `the only person`, `the same man`, `the first lady`: a predicate, not a name for someone. */
export const NOT_EPITHET = /^the\s+(?:only|same|other|first|last|next|very|one|latter|former)\b/i;
const APPOS_BETWEEN = /^\s*,\s*$/;
const COPULA_BETWEEN = /^\s+(?:is|was|had been|became|,\s*who\s+was)\s+$|^\s*,\s*who\s+(?:is|was)\s+$/;
const AFTER_APPOS = /^\s*(?:[,.;:!?)—–-]|$)/;

function mentionKind(doc: Document, i: number): number {
  return doc.mentions[3 * i + 2];
}
function between(doc: Document, a: number, b: number): string {
  return doc.text.slice(doc.mentions[3 * a + 1], doc.mentions[3 * b]);
}
function startsWithThe(doc: Document, i: number): boolean {
  const s = doc.mentions[3 * i];
  const t = doc.text;
  return (t.charCodeAt(s) | 32) === 116 && (t.charCodeAt(s + 1) | 32) === 104 && (t.charCodeAt(s + 2) | 32) === 101 && (t.charCodeAt(s + 3) === 32 || t.charCodeAt(s + 3) === 10 || t.charCodeAt(s + 3) === 13);
}
/** Key of a definite description: lower case, single spaces. */
function descKey(doc: Document, i: number): string {
  return doc.mentionText(i).toLowerCase().replace(/\s+/g, ' ');
}
function headNoun(key: string): string {
  const w = key.split(' ');
  return w[w.length - 1];
}

export function addLink(ch: CharacterRecord, link: ReturnType<typeof linkOf>): void {
  const links = ch.links ?? (ch.links = []);
  if (links.length < 50 && !links.some((l) => l.text.toLowerCase() === link.text.toLowerCase() && l.evidence === link.evidence)) links.push(link);
}
function addAlias(ch: CharacterRecord, a: string): void {
  a = a.replace(/\s+/g, ' ');
  if (!ch.aliases.some((x) => x.toLowerCase() === a.toLowerCase())) ch.aliases.push(a);
}

/** Re-point every mention of character `from` to `into`, moving its aliases. */
export function mergeCharacters(st: CastState, into: number, from: number): void {
  const mc = st.mc;
  for (let i = 0; i < mc.length; i++) if (mc[i] === from) mc[i] = into;
  for (const a of st.chars[from].aliases) addAlias(st.chars[into], a);
  const g = st.genders[into];
  if (g === GenderCode.Unknown) st.genders[into] = st.genders[from];
  st.chars[from].aliases = [];
}

/** A character made from a capitalised description nobody took (`the Grandmother`). */
function describedCharacter(st: CastState, k: number): boolean {
  return st.clusterOf[k] === -1 && !st.chars[k].narrator && !st.chars[k].given;
}

/** Is a proper-name character really a capitalised epithet (`the Jew`, `the Dodger`)? */
function epithetCharacter(st: CastState, k: number): boolean {
  if (st.clusterOf[k] === undefined || st.clusterOf[k] < 0) return false;
  const c = st.clusters[st.clusterOf[k]];
  return !st.chars[k].given && c.titles.size === 0 && !c.full && c.count >= 2 && c.the / c.count >= 0.5;
}

export function linkEpithets(st: CastState): void {
  const doc = st.ctx.doc;
  const n = doc.mentionCount;
  const mc = st.mc;
  const ctx = st.ctx;
  /** Votes per description key (and per epithet character): character → count. */
  const keyVotes = new Map<string, Map<number, number>>();
  const vote = (key: string, c: number): void => {
    const v = keyVotes.get(key) ?? keyVotes.set(key, new Map()).get(key)!;
    v.set(c, (v.get(c) ?? 0) + 1);
  };
  const named = (i: number): number => (mentionKind(doc, i) === MentionKind.Proper && mc[i] >= 0 && !epithetCharacter(st, mc[i]) ? mc[i] : -1);
  const describes = (j: number): boolean => {
    const k = mentionKind(doc, j);
    if (k === MentionKind.Nominal) return mc[j] < 0;
    return k === MentionKind.Proper && mc[j] >= 0 && epithetCharacter(st, mc[j]);
  };
  const fitsGender = (j: number, c: number): boolean => {
    const g = doc.mentionGenders[j];
    const k = mentionKind(doc, j) === MentionKind.Proper ? st.genders[mc[j]] : g;
    const cg = st.genders[c];
    return k === GenderCode.Unknown || k === GenderCode.They || cg === GenderCode.Unknown || cg === k;
  };
  /** `Polina, the General, and Mr. Astley`: a list, not an apposition. */
  const inList = (j: number): boolean => {
    const rest = doc.text.slice(doc.mentions[3 * j + 1], doc.mentions[3 * j + 1] + 12);
    if (/^\s*,\s*(?:and|or|nor)\b/.test(rest)) return true;
    return j + 1 < n && mentionKind(doc, j + 1) !== MentionKind.Pronoun && /^\s*,\s*$/.test(between(doc, j, j + 1));
  };
  const link = (j: number, c: number, evidence: string, conf: number): void => {
    if (!fitsGender(j, c)) return;
    if (mentionKind(doc, j) === MentionKind.Nominal) mc[j] = c;
    const key = mentionKind(doc, j) === MentionKind.Proper ? `#${mc[j]}` : startsWithThe(doc, j) ? descKey(doc, j) : '';
    if (key !== '') vote(key, c);
    addLink(st.chars[c], linkOf(doc, j, evidence, conf));
  };
  // 1. Appositions and copulas between neighbouring mentions.
  for (let i = 0; i + 1 < n; i++) {
    const j = i + 1;
    if (ctx.sent[i] !== ctx.sent[j]) continue;
    const a = named(i);
    const b = a >= 0 ? -1 : named(j);
    if (a < 0 && b < 0) continue;
    // Neighbours only: a comma or a short copula between them.
    if (doc.mentions[3 * j] - doc.mentions[3 * i + 1] > 16) continue;
    const gap = between(doc, i, j);
    if (a >= 0 && describes(j)) {
      const after = doc.text.slice(doc.mentions[3 * j + 1], doc.mentions[3 * j + 1] + 3);
      if (APPOS_BETWEEN.test(gap) && AFTER_APPOS.test(after) && !possessiveOf(doc, j) && !inList(j) && !(i > 0 && /^\s*,\s*$/.test(between(doc, i - 1, i)))) link(j, a, 'apposition', 0.9);
      else if (COPULA_BETWEEN.test(gap) && startsWithThe(doc, j) && AFTER_APPOS.test(after) && !NOT_EPITHET.test(doc.mentionText(j))) link(j, a, 'copula', 0.8);
    } else if (b >= 0 && describes(i)) {
      const after = doc.text.slice(doc.mentions[3 * j + 1], doc.mentions[3 * j + 1] + 3);
      if (APPOS_BETWEEN.test(gap) && AFTER_APPOS.test(after) && startsWithThe(doc, i)) link(i, b, 'apposition', 0.9);
      else if (/^\s+(?:is|was)\s+$/.test(gap) && startsWithThe(doc, i)) link(i, b, 'copula', 0.8);
    }
  }
  // 2. Descriptions linked by apposition/copula follow their character elsewhere when all votes agree.
  const decided = new Map<string, number>();
  for (const [key, votes] of keyVotes) {
    if (votes.size !== 1) continue;
    const [c] = votes.keys();
    if (key.startsWith('#')) {
      decided.set(key, c);
      continue;
    }
    const words = key.split(' ');
    if (words.length < 2 || GENERIC.has(headNoun(key)) || NOT_EPITHET.test(key)) continue;
    decided.set(key, c);
  }
  // 3. Descriptions whose scenes keep holding one fitting character.
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = mentionKind(doc, i);
    let key = '';
    if (k === MentionKind.Nominal && mc[i] < 0 && startsWithThe(doc, i)) {
      key = descKey(doc, i);
      const words = key.split(' ');
      // Titles (`the Doctor`, `the little Doctor`) are resolved by title only.
      if ((GENERIC.has(headNoun(key)) && words.length < 3) || HONORIFICS.has(headNoun(key))) key = '';
    } else if (k === MentionKind.Proper && mc[i] >= 0 && epithetCharacter(st, mc[i])) key = `#${mc[i]}`;
    if (key === '' || decided.has(key)) continue;
    (occurrences.get(key) ?? occurrences.set(key, []).get(key)!).push(i);
  }
  // Share of paragraphs whose scene (that paragraph and the two before) names the character.
  const presenceCache = new Map<number, number>();
  let parasOf: Map<number, number[]> | null = null;
  const presence = (c: number): number => {
    const cached = presenceCache.get(c);
    if (cached !== undefined) return cached;
    if (parasOf === null) {
      parasOf = new Map();
      for (let j = 0; j < n; j++) {
        if (mc[j] < 0 || mentionKind(doc, j) !== MentionKind.Proper || ctx.inQuote[j]) continue;
        (parasOf.get(mc[j]) ?? parasOf.set(mc[j], []).get(mc[j])!).push(ctx.para[j]);
      }
    }
    // Paragraphs p with a mention in p-2..p: the union of [q, q+2] over the mention paragraphs q (sorted).
    let k = 0;
    let covered = -1;
    for (const q of parasOf.get(c) ?? []) {
      const from = Math.max(q, covered + 1);
      if (q + 2 >= from) k += q + 2 - from + 1;
      covered = Math.max(covered, q + 2);
    }
    const nPar = doc.paragraphCount;
    const r = nPar > 0 ? Math.min(1, k / nPar) : 0;
    presenceCache.set(c, r);
    return r;
  };
  const hasGiven = st.chars.some((c) => c.given);
  for (const [key, occ] of occurrences) {
    if (occ.length < 3) continue;
    const g = key.startsWith('#') ? st.genders[Number(key.slice(1))] : doc.mentionGenders[occ[0]];
    const present = new Map<number, number>();
    const unique = new Map<number, number>();
    const contra = new Map<number, number>();
    for (const i of occ) {
      const cands = sceneCharacters(st, i, g, key.startsWith('#') ? Number(key.slice(1)) : -1);
      for (const c of cands) present.set(c, (present.get(c) ?? 0) + 1);
      // Named in the same sentence as the description (not in apposition): someone else.
      for (let j = i - 1; j >= 0 && ctx.sent[j] === ctx.sent[i]; j--) if (mentionKind(doc, j) === MentionKind.Proper && mc[j] >= 0) contra.set(mc[j], (contra.get(mc[j]) ?? 0) + 1);
      for (let j = i + 1; j < n && ctx.sent[j] === ctx.sent[i]; j++) if (mentionKind(doc, j) === MentionKind.Proper && mc[j] >= 0) contra.set(mc[j], (contra.get(mc[j]) ?? 0) + 1);
      if (cands.size === 1) {
        const [c] = cands;
        unique.set(c, (unique.get(c) ?? 0) + 1);
      }
    }
    const ranked = [...present].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) continue;
    const [best, p1] = ranked[0];
    const p2 = ranked.length > 1 ? ranked[1][1] : 0;
    const u = unique.get(best) ?? 0;
    const against = contra.get(best) ?? 0;
    // Far more present than usual: the hero of the book is in every scene, whatever it describes.
    const lift = p1 / occ.length / Math.max(0.02, presence(best));
    // A description with a telling head that tags speech twice or more (`"Players," the arbiter said`)
    // is a nameless speaker of its own (see epithetCharacters), not the one other person the scene
    // names: a writer who meant that person would name them, or say so (an apposition, a copula).
    if (!key.startsWith('#') && !GENERIC.has(headNoun(key)) && !hasGiven) {
      let tags = 0;
      for (const i of occ) if (!ctx.inQuote[i] && nextToSpeechVerb(doc, i, false)) tags++;
      if (tags >= 2) continue;
    }
    if (p1 >= 0.6 * occ.length && p1 >= 2 * p2 && u >= 2 && u >= 0.4 * occ.length && against <= 0.1 * occ.length && lift >= 2) decided.set(key, best);
  }
  let byKey: Map<string, number[]> | null = null;
  /** Definite descriptions by key (`the ex-smuggler` → its mention indexes), built once. */
  const nominalsByKey = (): Map<string, number[]> => {
    if (byKey) return byKey;
    byKey = new Map();
    for (let i = 0; i < n; i++) {
      if (mentionKind(doc, i) !== MentionKind.Nominal || !startsWithThe(doc, i)) continue;
      const k = descKey(doc, i);
      if (decided.has(k)) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(i);
    }
    return byKey;
  };
  // Apply: descriptions → their character; capitalised epithet characters merge into theirs.
  for (const [key, c] of decided) {
    if (key.startsWith('#')) {
      const e = Number(key.slice(1));
      if (e === c) continue;
      const votes = keyVotes.get(key);
      const conf = votes ? 0.85 : 0.6;
      addLink(st.chars[c], { ...firstMentionLink(st, e), evidence: votes ? 'apposition' : 'descriptive', confidence: conf });
      mergeCharacters(st, c, e);
      continue;
    }
    const direct = keyVotes.has(key);
    let count = 0;
    let firstI = -1;
    for (const i of nominalsByKey().get(key) ?? []) {
      if (mc[i] < 0) mc[i] = c;
      if (firstI < 0) firstI = i;
      count++;
    }
    if (firstI < 0) continue;
    if (!direct) addLink(st.chars[c], linkOf(doc, firstI, 'descriptive', 0.6));
    // Only descriptions the text itself equates with the name (apposition, copula) become aliases.
    if (direct && count >= 2) addAlias(st.chars[c], doc.mentionText(firstI));
  }
}

function possessiveOf(doc: Document, j: number): boolean {
  const t = doc.text.slice(doc.mentions[3 * j], doc.mentions[3 * j] + 4).toLowerCase();
  return /^(his|her|its|my|our|your|their)\s/.test(t);
}

function firstMentionLink(st: CastState, k: number): ReturnType<typeof linkOf> {
  const doc = st.ctx.doc;
  for (let i = 0; i < st.mc.length; i++) if (st.mc[i] === k) return linkOf(doc, i, 'descriptive', 0.6);
  return { text: st.chars[k].name, evidence: 'descriptive', confidence: 0.6, start: 0, end: 0 };
}

/**
 * Named characters present around mention i: proper names resolved to a character in the two
 * paragraphs before and the mention's own paragraph, outside quotes, whose gender fits g.
 */
function sceneCharacters(st: CastState, i: number, g: number, exclude: number): Set<number> {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const out = new Set<number>();
  const p = ctx.para[i];
  const fits = (c: number): boolean => {
    if (c < 0 || c === exclude) return false;
    const cg = st.genders[c];
    return g === GenderCode.Unknown || g === GenderCode.They || cg === GenderCode.Unknown || cg === g;
  };
  for (let j = i - 1; j >= 0 && ctx.para[j] >= p - 2 && i - j < 60; j--) {
    if (mentionKind(doc, j) === MentionKind.Proper && !ctx.inQuote[j] && fits(st.mc[j]) && !epithetCharacter(st, st.mc[j])) out.add(st.mc[j]);
  }
  for (let j = i + 1; j < st.mc.length && ctx.para[j] === p && j - i < 30; j++) {
    if (mentionKind(doc, j) === MentionKind.Proper && !ctx.inQuote[j] && fits(st.mc[j]) && !epithetCharacter(st, st.mc[j])) out.add(st.mc[j]);
  }
  return out;
}

/** Is mention j a name (or a described character) in the narration next to a speech verb (`said Mrs. Hilbery`)? */
function speechTagMention(st: CastState, j: number): boolean {
  const doc = st.ctx.doc;
  if (st.ctx.inQuote[j] || st.mc[j] < 0) return false;
  const k = mentionKind(doc, j);
  if (k !== MentionKind.Proper && !(k === MentionKind.Nominal && describedCharacter(st, st.mc[j]))) return false;
  return nextToSpeechVerb(doc, j, true);
}

const TAG_SCAN = 300;

/** Character named by a speech tag in paragraph p (`said Mrs. Hilbery`, `Mrs. Hilbery replied`), or -1. */
function taggedSpeaker(st: CastState, p: number, fromMention: number): number {
  const ctx = st.ctx;
  // A tag further than a few hundred mentions on is not this line's (and a huge paragraph is not scanned per quote).
  const stop = Math.min(st.mc.length, fromMention + TAG_SCAN);
  for (let j = fromMention; j < stop && ctx.para[j] <= p; j++) {
    if (ctx.para[j] < p) continue;
    if (speechTagMention(st, j)) return st.mc[j];
  }
  return -1;
}

/** Does paragraph p hold the narrator's speech tag (`I said`, `said I`, `I replied`)? */
function narratorReplies(st: CastState, p: number, fromMention: number): boolean {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  for (let j = fromMention; j < st.mc.length && ctx.para[j] <= p; j++) {
    if (ctx.para[j] < p || ctx.inQuote[j] || mentionKind(doc, j) !== MentionKind.FirstPerson) continue;
    if (doc.mentionText(j) !== 'I') continue;
    const s = doc.mentions[3 * j];
    const tb = doc.tokenAtOrAfter(s) - 1;
    const ta = doc.tokenAtOrAfter(s + 1);
    const before = tb >= 0 && doc.tokenKinds[tb] === TokenKind.Word ? doc.tokenText(tb).toLowerCase() : '';
    const after = ta < doc.tokenCount && doc.tokenKinds[ta] === TokenKind.Word ? doc.tokenText(ta).toLowerCase() : '';
    if (SPEECH_VERBS.has(before) || SPEECH_VERBS.has(after)) return true;
    // `"He's sorry," I tried.`: a line that ends in a comma goes on into its tag, whatever the verb.
    if (after !== '' && commaLineBefore(doc.text, s)) return true;
    // `I hung up my coat. "Did you sleep here?"`: a paragraph opening on the narrator's beat and
    // holding a line. Only the paragraph's first mention can open it, so the gap read is short.
    const sj = ctx.sent[j];
    const paraStart = doc.paragraphs[2 * p];
    if (j === paragraphFirstMentions(st)[p] && doc.text.slice(paraStart, s).trim() === '' && (ctx.sentHasQuote[sj] || (sj + 1 < ctx.sentHasQuote.length && ctx.sentHasQuote[sj + 1] && doc.sentences[4 * (sj + 1)] < doc.paragraphs[2 * p + 1]))) return true;
    // `"It's a train, not a promise." I shove my hands into my pockets.`: a paragraph opening on a
    // line whose next sentence is the narrator's beat.
    if (j === paragraphFirstMentions(st)[p] && opensOnQuote(doc, p) && sj > 0 && ctx.sentHasQuote[sj - 1] && doc.sentences[4 * (sj - 1)] <= paraStart + 8) return true;
  }
  return false;
}

/** Does a line ending in a comma close right before offset s (`"He's sorry,” I`, `‘Sorry,’ I`)? */
function commaLineBefore(text: string, s: number): boolean {
  let k = s - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  const close = text.charCodeAt(k);
  return k > 0 && k < s - 1 && (close === 0x201d || close === 34 || close === 0x2019 || close === 39) && text.charCodeAt(k - 1) === 44;
}

/** Does paragraph p open on a quote (of any mark: `"`, `“`, `'`, `‘`), within its first few characters? */
function opensOnQuote(doc: Document, p: number): boolean {
  const paraStart = doc.paragraphs[2 * p];
  const lo = doc.quoteAtOrAfter(paraStart);
  return lo < doc.quoteCount && doc.quotes[4 * lo] <= paraStart + 8 && doc.quotes[4 * lo] < doc.paragraphs[2 * p + 1];
}

/** First mention index in paragraph p (or the next one). */
function firstMentionOfPara(st: CastState, p: number, from: number): number {
  const first = paragraphFirstMentions(st);
  return Math.max(from, first[Math.min(p, first.length - 1)]);
}

/** Per paragraph (and one past the last), its first mention index (or the next paragraph's): O(1) lookups on huge paragraphs. */
const firstMentionCache = new WeakMap<object, Int32Array>();
function paragraphFirstMentions(st: CastState): Int32Array {
  let first = firstMentionCache.get(st.ctx);
  if (first !== undefined) return first;
  const nPar = st.ctx.doc.paragraphs.length >> 1;
  const n = st.mc.length;
  first = new Int32Array(nPar + 1).fill(n);
  for (let j = n - 1; j >= 0; j--) first[st.ctx.para[j]] = j;
  for (let p = nPar - 1; p >= 0; p--) if (first[p] > first[p + 1]) first[p] = first[p + 1];
  firstMentionCache.set(st.ctx, first);
  return first;
}

/**
 * Vocatives: a first name (a character with no surname or title of its own) said to someone and
 * answered by a tagged reply of a character known only by title and surname → the same person.
 */
export function linkVocatives(st: CastState): void {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const voc = st.table.vocative;
  const pairs = new Map<number, Map<number, number>>();
  const firstVoc = new Map<number, number>();
  for (let i = 0; i < st.mc.length; i++) {
    if (!voc[i] || st.mc[i] < 0) continue;
    const v = st.mc[i];
    const p = ctx.para[i];
    const r = taggedSpeaker(st, p + 1, firstMentionOfPara(st, p + 1, i));
    if (r < 0 || r === v) continue;
    // The vocative's own speaker is not its addressee.
    if (taggedSpeaker(st, p, firstMentionOfPara(st, p, Math.max(0, i - 40))) === r) continue;
    const m = pairs.get(v) ?? pairs.set(v, new Map()).get(v)!;
    m.set(r, (m.get(r) ?? 0) + 1);
    if (!firstVoc.has(v)) firstVoc.set(v, i);
  }
  // Speech tags per character (`said Cecil`), for vocatives whose bearer is never tagged by that name.
  const tags = new Int32Array(st.chars.length);
  for (let j = 0; j < st.mc.length; j++) if (speechTagMention(st, j)) tags[st.mc[j]]++;
  linkAddressedTitles(st, tags);
  for (const [v, m] of pairs) {
    const ch = st.chars[v];
    if (ch.given || !(st.clusterOf[v] >= 0)) continue;
    const cv = st.clusters[st.clusterOf[v]];
    if (cv.mergedInto >= 0) continue;
    let total = 0;
    for (const x of m.values()) total += x;
    const [r, cnt] = [...m].sort((a, b) => b[1] - a[1])[0];
    if (cnt < 2 || cnt < 0.6 * total) continue;
    // `"Fagin, …"` answered by `… said the Jew`, again and again: the description is the named one.
    const rEpithet = epithetCharacter(st, r) || describedCharacter(st, r);
    if (rEpithet && !epithetCharacter(st, v) && cnt >= 3 && (st.clusterOf[r] < 0 || st.clusters[st.clusterOf[r]].mergedInto < 0) && st.chars[r].aliases.length > 0) {
      const gv = st.genders[v];
      const gr = st.genders[r];
      if (gv !== GenderCode.Unknown && gr !== GenderCode.Unknown && gv !== gr) continue;
      addLink(st.chars[v], { ...firstMentionLink(st, r), evidence: 'vocative', confidence: Math.round(100 * Math.min(0.9, 0.5 + 0.05 * cnt) * (cnt / total)) / 100 });
      mergeCharacters(st, v, r);
      if (st.clusterOf[r] >= 0) st.clusters[st.clusterOf[r]].mergedInto = st.clusterOf[v];
      continue;
    }
    if (!(st.clusterOf[r] >= 0)) continue;
    // Otherwise only a bare first name (no surname, no title but Aunt/Uncle) joins a titled character.
    if (cv.full || [...cv.titles].some((t) => titleClass(t) !== 'kin') || cv.first === '') continue;
    const cr = st.clusters[st.clusterOf[r]];
    if (st.chars[r].given || cr.first !== '' || cr.titles.size === 0) continue;
    const pg = firstNameGender(cv.first);
    const rg = clusterGender(cr);
    if (pg !== undefined && rg !== GenderCode.Unknown && pg !== rg) continue;
    addLink(st.chars[r], linkOf(doc, firstVoc.get(v)!, 'vocative', Math.min(0.9, 0.5 + 0.1 * cnt) * (cnt / total)));
    cr.first = cv.first;
    mergeCharacters(st, r, v);
    cv.mergedInto = st.clusterOf[r];
  }
}

/** Is a titled name with no first name (`Mr. Vyse`, `Signor Carella`, not `Aunt Ann`) all the character is called? */
function titledSurnameOnly(st: CastState, k: number): boolean {
  const ci = st.clusterOf[k];
  if (!(ci >= 0) || st.chars[k].given) return false;
  const c = st.clusters[ci];
  return c.mergedInto < 0 && !c.full && c.first === '' && c.last !== '' && c.titles.size > 0 && ![...c.titles].some((t) => titleClass(t) === 'kin');
}

/** Is a bare first name (no surname, no title) all the character is called (`Cecil`)? */
function firstNameOnly(st: CastState, k: number): boolean {
  const ci = st.clusterOf[k];
  if (!(ci >= 0) || st.chars[k].given) return false;
  const c = st.clusters[ci];
  return c.mergedInto < 0 && !c.full && c.first !== '' && c.last === '' && c.titles.size === 0;
}

/** Does the quote that ends at `end` (its closing mark included) close its sentence (`….”`, `…?”`)? */
function closesSentence(text: string, end: number): boolean {
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63) return true;
    if (c === 44 || c === 59 || c === 58 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  }
  return false;
}

/** Evidence, per addressed character and per other character, over the quotes that address the first. */
interface AddressEvidence {
  /** Quotes saying the address. */
  quotes: number;
  /** Quotes answered (or followed, or preceded) by the other character's turn. */
  answer: Map<number, number>;
  /** Quotes whose scene names the other character in the narration. */
  present: Map<number, number>;
  /** Quotes the other character is the tagged speaker of (they call someone else so). */
  speaks: Map<number, number>;
  /** Quotes next to a turn (two paragraphs either way) that calls the other character by name: two people talking. */
  called: Map<number, number>;
}

/** Does a quoted region start in [from, to)? */
function holdsQuote(regions: Int32Array, from: number, to: number): boolean {
  const k = lastStartAtOrBefore(regions, 2, to - 1);
  return k >= 0 && regions[2 * k] >= from;
}

/**
 * For each quote that addresses a character `wanted` keeps: who takes the next turn (a tagged reply,
 * or a paragraph opening with a name in the narration), who spoke the tagged turn before it, who acts
 * in the narration right after it while the quote's own tagged speaker is someone else (`"Sit down,
 * Mr. X." Ronny replied by …`); who is named in the narration of the scene (six paragraphs before to
 * two after); and the quote's own tagged speaker.
 */
function addressEvidence(st: CastState, wanted: (k: number) => boolean): Map<number, AddressEvidence> {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const text = doc.text;
  const m = doc.mentions;
  const par = doc.paragraphs;
  const nPar = par.length >> 1;
  const out = new Map<number, AddressEvidence>();
  const bump = (map: Map<number, number>, k: number): void => void map.set(k, (map.get(k) ?? 0) + 1);
  let lastRegion = -1;
  let lastV = -1;
  for (let i = 0; i < st.mc.length; i++) {
    const v = st.mc[i];
    if (!st.table.vocative[i] || v < 0 || !wanted(v)) continue;
    const q = ctx.region[i];
    if (q < 0 || (q === lastRegion && v === lastV)) continue;
    lastRegion = q;
    lastV = v;
    const p = ctx.para[i];
    const ev = out.get(v) ?? out.set(v, { quotes: 0, answer: new Map(), present: new Map(), speaks: new Map(), called: new Map() }).get(v)!;
    ev.quotes++;
    const j0 = firstMentionOfPara(st, p, Math.max(0, i - 40));
    let own = taggedSpeaker(st, p, j0);
    // Untagged, the name opening the paragraph right before its first quote speaks it (`Emma sat up. "Mrs. Hudson, …"`).
    if (own < 0 && j0 < i && ctx.para[j0] === p && !ctx.inQuote[j0] && mentionKind(doc, j0) === MentionKind.Proper && /^\s*$/.test(text.slice(par[2 * p], m[3 * j0])) && !holdsQuote(ctx.regions, par[2 * p], ctx.regions[2 * q])) own = st.mc[j0];
    if (own >= 0 && own !== v) bump(ev.speaks, own);
    const answers = new Set<number>();
    if (p + 1 < nPar) {
      const j = firstMentionOfPara(st, p + 1, i);
      const opens = j < st.mc.length && ctx.para[j] === p + 1 && !ctx.inQuote[j] && mentionKind(doc, j) === MentionKind.Proper && /^\s*$/.test(text.slice(par[2 * (p + 1)], m[3 * j]));
      answers.add(opens ? st.mc[j] : taggedSpeaker(st, p + 1, j));
    }
    if (p > 0) answers.add(taggedSpeaker(st, p - 1, firstMentionOfPara(st, p - 1, Math.max(0, i - 80))));
    if (own >= 0) {
      const end = ctx.regions[2 * q + 1];
      const j = Math.max(i + 1, doc.mentionAtOrAfter(end));
      if (j < st.mc.length && ctx.para[j] === p && !ctx.inQuote[j] && mentionKind(doc, j) === MentionKind.Proper && closesSentence(text, end) && /^[\s"'”’]*$/.test(text.slice(end, m[3 * j]))) answers.add(st.mc[j]);
    }
    for (const y of answers) if (y >= 0 && y !== v && y !== own) bump(ev.answer, y);
    const seen = new Set<number>();
    const calledHere = new Set<number>();
    for (let j = firstMentionOfPara(st, Math.max(0, p - 6), Math.max(0, i - 400)), stop = Math.min(st.mc.length, i + 400); j < stop && ctx.para[j] <= p + 2; j++) {
      const y = st.mc[j];
      if (y >= 0 && y !== v && st.table.vocative[j] && ctx.region[j] !== q && ctx.para[j] >= p - 2 && !calledHere.has(y)) {
        calledHere.add(y);
        bump(ev.called, y);
      }
      if (y < 0 || y === v || y === own || ctx.inQuote[j] || mentionKind(doc, j) !== MentionKind.Proper || seen.has(y)) continue;
      seen.add(y);
      bump(ev.present, y);
    }
  }
  return out;
}

/**
 * Sentences naming both a character of `xs` and another character: per x, other character → number
 * of such sentences. One pass over the mentions.
 */
function sharedSentences(st: CastState, xs: ReadonlySet<number>): Map<number, Map<number, number>> {
  const doc = st.ctx.doc;
  const sent = st.ctx.sent;
  const inSent = new Map<number, number[]>();
  for (let j = 0; j < st.mc.length; j++) {
    const c = st.mc[j];
    if (!xs.has(c) || mentionKind(doc, j) !== MentionKind.Proper) continue;
    const l = inSent.get(sent[j]) ?? inSent.set(sent[j], []).get(sent[j])!;
    if (!l.includes(c)) l.push(c);
  }
  const out = new Map<number, Map<number, number>>();
  const counted = new Set<string>();
  for (let j = 0; j < st.mc.length; j++) {
    const r = st.mc[j];
    const l = r >= 0 && mentionKind(doc, j) === MentionKind.Proper ? inSent.get(sent[j]) : undefined;
    if (l === undefined) continue;
    for (const x of l) {
      const key = `${x}:${r}:${sent[j]}`;
      if (x === r || counted.has(key)) continue;
      counted.add(key);
      const mm = out.get(x) ?? out.set(x, new Map()).get(x)!;
      mm.set(r, (mm.get(r) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * `"…, Mr. Vyse?"` … `said Cecil`: a character known only by title and surname, addressed so in
 * two quotes or more but (almost) never the name of a speech tag, and a speaker known only by a
 * bare first name (never titled, no surname) are one person — the narration calls him Cecil, the
 * others Mr. Vyse — when the first name answers the addresses twice or more, is in the scene of
 * half of them or more, never says the address himself, fits the gender, and no other such name
 * comes close. The first name joins the titled character.
 */
function linkAddressedTitles(st: CastState, tags: Int32Array): void {
  const evidence = addressEvidence(st, (k) => titledSurnameOnly(st, k) && tags[k] <= 1);
  const shared = sharedSentences(st, new Set(evidence.keys()));
  for (const [v, ev] of evidence) {
    if (ev.quotes < 2 || !titledSurnameOnly(st, v)) continue;
    const gv = st.genders[v];
    if (gv === GenderCode.Unknown) continue;
    let best = -1;
    let bestScore = 0;
    let second = 0;
    for (const [r, present] of ev.present) {
      // Someone who says the address often, or whom the turns around it call by name, is talking to another person.
      if (!firstNameOnly(st, r) || 3 * ((ev.speaks.get(r) ?? 0) + (ev.called.get(r) ?? 0)) > (ev.answer.get(r) ?? 0)) continue;
      const gr = st.genders[r];
      const pg = firstNameGender(st.clusters[st.clusterOf[r]].first);
      if ((gr !== GenderCode.Unknown && gr !== gv) || (pg !== undefined && pg !== gv)) continue;
      // The titled name is not how the narration tags this speaker.
      if (tags[v] > Math.max(1, 0.05 * tags[r])) continue;
      // Two people are named together in a sentence now and then; one person under two names is not.
      if ((shared.get(v)?.get(r) ?? 0) > 1) continue;
      const score = present + (ev.answer.get(r) ?? 0);
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = r;
      } else if (score > second) second = score;
    }
    if (best < 0) continue;
    const answered = ev.answer.get(best) ?? 0;
    if (answered < 2 || 2 * (ev.present.get(best) ?? 0) < ev.quotes || second * 2 > bestScore) continue;
    const cv = st.clusters[st.clusterOf[v]];
    const cr = st.clusters[st.clusterOf[best]];
    addLink(st.chars[v], { ...firstMentionLink(st, best), evidence: 'vocative', confidence: Math.min(0.9, 0.5 + 0.1 * answered) });
    cv.first = cr.first;
    mergeCharacters(st, v, best);
    cr.mergedInto = st.clusterOf[v];
  }
}

/**
 * Fewest narration `I`s for a first-person narrator. Few, so a short first-person story (a drabble,
 * one scene) has its narrator; the share of he/she below keeps out a third-person text's stray `I`.
 */
const NARRATOR_MIN_FIRST_PERSON = 5;
/**
 * Calls by name answered by the narrator that name them: one in a short story (fewer than 80 `I`s:
 * a scene, a drabble), one more per 80 `I`s after that, five at most (a novel).
 */
function callsNeeded(firstPerson: number): number {
  return Math.min(5, 1 + Math.floor(firstPerson / 80));
}

/** Verbs whose object `me` is the one a line in the same paragraph is said to (`he sees me`, `turns to me`, `hands it to me`; not `next to me`). */
const TOWARDS_ME =
  /\b(?:(?:turns?|turned|says?|said|speaks?|spoke|looks?|looked|smiles?|smiled|grins?|grinned|winks?|winked|nods?|nodded|calls?|called|leans?|leaned|waves?|waved|glances?|glanced|stares?|stared)\s+(?:over\s+|across\s+|up\s+|down\s+|back\s+)?(?:at|to)|sees|saw|tells|told|asks|asked|hands|handed|gives|gave|eyes|eyed|studies|studied|regards|regarded|nudges|nudged)\s+$|\b(?:hands?|handed|gives?|gave|pass(?:es)?|passed|slides?|slid|pushe[sd]|push|holds?\s+out|held\s+out|tosse[sd]|toss|throws?|threw)\s+(?:(?:it|them|one|the|a|an|his|her|their|\w+)\s+){1,3}(?:back\s+)?(?:to|at)\s+$/i;

/** Does the narration of paragraph p look at, turn to or speak to `me`? */
function lookedAtMe(st: CastState, p: number): boolean {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const from = doc.paragraphs[2 * p];
  for (let j = doc.mentionAtOrAfter(from); j < doc.mentionCount && doc.mentions[3 * j] < doc.paragraphs[2 * p + 1]; j++) {
    if (ctx.inQuote[j] || mentionKind(doc, j) !== MentionKind.FirstPerson || doc.mentionText(j).toLowerCase() !== 'me') continue;
    const s = doc.mentions[3 * j];
    if (TOWARDS_ME.test(doc.text.slice(Math.max(from, s - 30), s))) return true;
  }
  return false;
}
/**
 * A thought tag in the third person: `, he thought`, `she wondered`, `thought Harry`. Not the
 * narrator's own `I thought he was wrong`, `I'd always thought she…`, `We wondered if Tomas…`.
 */
const THOUGHT_TAG =
  /\b(?:he|she|they|(?!We\b)[A-Z][a-z]+)\s+(?:thought|thinks|wondered|wonders|mused|muses|realised|realized)\b|(?<!\b(?:I|[Ww]e)(?:['\u2019]d)?(?:\s+(?:had|have|always|never|just|once|often|really|also|even|still|too))*\s+)\b(?:thought|wondered|mused)\s+(?:he|she|they|[A-Z][a-z]+)\b/;

/**
 * The first-person narrator: many `I`s in the narration. A character aliased `Narrator` (given)
 * takes them; else the character whose name is said in quotes answered by the narrator's `I said`
 * (five times or more, once in a short story; twice as often as any other; rarely named in the
 * narration); else a new
 * character `Narrator` (not with a given cast). Returns the narrator's index or -1.
 */
export function linkNarrator(st: CastState, hasGiven: boolean, noNew: boolean): number {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const m = doc.mentions;
  const n = doc.mentionCount;
  let fp = 0;
  let third = 0;
  // Sentences that are a character's unquoted thought (`I can't do this, he thought.`): their `I` is
  // the thinker's, not a narrator's. Judged once per sentence.
  let thoughtSentence = -1;
  let isThought = false;
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    if (k === MentionKind.FirstPerson) {
      const s = ctx.sent[i];
      if (s !== thoughtSentence) {
        thoughtSentence = s;
        isThought = s >= 0 && THOUGHT_TAG.test(doc.text.slice(doc.sentences[4 * s], doc.sentences[4 * s + 1]));
      }
      if (!isThought) fp++;
    } else if (k === MentionKind.Pronoun && !ctx.inQuote[i]) third++;
  }
  // A given cast that marks its narrator (`"narrator": true`) is taken at its word, however few the
  // `I`s; only the first so marked.
  const marked = st.chars.findIndex((c) => c.given && c.narrator === true);
  if (marked >= 0) {
    for (let c = marked + 1; c < st.chars.length; c++) if (st.chars[c].narrator) st.chars[c].narrator = false;
    return marked;
  }
  if (!(fp >= NARRATOR_MIN_FIRST_PERSON && fp >= 0.25 * third)) return -1;
  const existing = st.chars.findIndex((c) => c.id === 'narrator' || c.name.toLowerCase() === 'narrator' || c.aliases.some((a) => a.toLowerCase() === 'narrator'));
  if (existing >= 0) {
    st.chars[existing].narrator = true;
    return existing;
  }
  // Reader-insert fan fiction: `Y/N`, the placeholder for the reader's name, is the narrator (the
  // `I`, or the `you` of a second-person story).
  const readerName = (n: string): boolean => n.toLowerCase().replace(/[()[\]]/g, '') === 'y/n';
  const reader = st.chars.findIndex((c) => !c.given && (readerName(c.name) || c.aliases.some(readerName)));
  if (reader >= 0) {
    st.chars[reader].narrator = true;
    return reader;
  }
  // A given cast that marks no narrator: the same evidence names one of its characters (`Wren`, said
  // to the narrator and never in the narration), or a new `Narrator` stands for the I.
  // `My name is Ishmael.`, `I am Dace Holloway`, `Call me Ishmael`: the narration names its I.
  for (let i = 0; i + 1 < n; i++) {
    if (ctx.inQuote[i] || m[3 * i + 2] !== MentionKind.FirstPerson) continue;
    const j = i + 1;
    if (m[3 * j + 2] !== MentionKind.Proper || st.mc[j] < 0 || ctx.inQuote[j] || ctx.sent[j] !== ctx.sent[i]) continue;
    const me = doc.mentionText(i).toLowerCase();
    const gap = between(doc, i, j).toLowerCase();
    const named =
      (me === 'my' && /^\s+(?:name|real name|full name)\s+(?:is|was)\s+$/.test(gap)) ||
      (me === 'i' && /^(?:\s+am|['’]m)\s+$/.test(gap)) ||
      (me === 'me' && /^\s+$/.test(gap) && /call\s+$/i.test(doc.text.slice(Math.max(0, m[3 * i] - 6), m[3 * i])));
    if (named) {
      const c = st.mc[j];
      st.chars[c].narrator = true;
      addLink(st.chars[c], linkOf(doc, j, 'narrator-name', 0.9));
      return c;
    }
  }
  const votes = new Map<number, number>();
  const othersVotes = new Map<number, number>();
  const narratorCalls = new Set<number>();
  const narr = new Map<number, number>();
  const firstVoc = new Map<number, number>();
  const inQ = new Map<number, number>();
  const first = paragraphFirstMentions(st);
  // Is paragraph p the narrator's reply, read from its first mention: once per paragraph (-1: not
  // read yet), so a paragraph full of calls is not rescanned for each of them.
  const replyOf = new Int8Array(first.length).fill(-1);
  const narratorParagraph = (p: number): boolean => {
    if (replyOf[p] < 0) replyOf[p] = narratorReplies(st, p, first[p]) ? 1 : 0;
    return replyOf[p] === 1;
  };
  for (let i = 0; i < n; i++) {
    const c = st.mc[i];
    if (c < 0 || m[3 * i + 2] !== MentionKind.Proper) continue;
    if (!ctx.inQuote[i]) {
      narr.set(c, (narr.get(c) ?? 0) + 1);
      continue;
    }
    if (!st.table.vocative[i]) continue;
    const p = ctx.para[i];
    inQ.set(c, (inQ.get(c) ?? 0) + 1);
    if (!firstVoc.has(c)) firstVoc.set(c, i);
    // A call answered by the narrator's line, or one in the line right after the narrator's own
    // (`"He's sorry," I said.` ⏎ `"Is he, Dev?"`), not itself the narrator's.
    const answered = narratorParagraph(Math.min(p + 1, first.length - 1)) || narratorParagraph(Math.min(p + 2, first.length - 1));
    // Or said to `me` by the narration of its own paragraph (`Then he sees me properly. "… Nessa."`).
    const replyToMe = p > 0 && narratorParagraph(p - 1) && !narratorParagraph(p);
    const atMe = lookedAtMe(st, p);
    if (answered || replyToMe || atMe) {
      votes.set(c, (votes.get(c) ?? 0) + 1);
      // A pooled name needs more: said to the narrator in someone else's line, by the narration
      // (`She looks at me. "…, Tamsin."`) or as the reply to the narrator's own line (two sisters
      // calling each other before the narrator cuts in are not calling the narrator).
      if (replyToMe || atMe) othersVotes.set(c, (othersVotes.get(c) ?? 0) + 1);
    }
    if (narratorParagraph(p)) narratorCalls.add(c);
  }
  // Addressed by name in quotes, answered by `I said` at least once, (almost) never named in the narration.
  let eligible = [...inQ]
    // (A listed character the narrator calls is someone else: the list names its people.)
    .filter(([c, q]) => q >= callsNeeded(fp) && (votes.get(c) ?? 0) >= 1 && (narr.get(c) ?? 0) <= Math.max(2, 0.1 * q) && !(st.chars[c].given && narratorCalls.has(c)))
    .sort((a, b) => b[1] - a[1]);
  // A given cast lists the narrator if they speak: a listed name said to the narrator (in the line
  // right after the narrator's own, or by someone looking at `me`) goes before one the text alone
  // names (`"Lorraine?"`, someone talked about, against the listed `Tamsin`), unless that name is
  // called more than twice as often. A listed name only answered (`"Dev?"` … `"He's asleep," I told
  // her`) is no reason to pass over the narrator the cast left out (`Kit`).
  const listed = eligible.find(([c]) => st.chars[c].given && (othersVotes.get(c) ?? 0) >= 1);
  if (hasGiven && listed && 2 * listed[1] >= eligible[0][1]) eligible = [listed];
  if (eligible.length > 0) {
    const [c, q] = eligible[0];
    const q2 = eligible.length > 1 ? eligible[1][1] : 0;
    if (q >= 2 * q2) {
      st.chars[c].narrator = true;
      const v = votes.get(c) ?? 0;
      addLink(st.chars[c], linkOf(doc, firstVoc.get(c)!, 'narrator-name', Math.min(0.9, 0.5 + 0.05 * v + 0.01 * q)));
      return c;
    }
  }
  // A narrator others call by several names (`Tamsin` to a teacher, `Reyes` to a friend), none
  // often enough alone: names that are only ever calls, never in the narration, each said to the
  // narrator at least once as above and never in the narrator's own line, two or three of them with
  // no gender between them that clashes, are the narrator's together. (The narrator's own calls,
  // `"Get inside, Sam," I said.`, name the others.)
  const pool = [...inQ]
    .filter(([c]) => (othersVotes.get(c) ?? 0) >= 1 && !narratorCalls.has(c) && !narr.has(c))
    .sort((a, b) => b[1] - a[1] || (votes.get(b[0]) ?? 0) - (votes.get(a[0]) ?? 0) || firstVoc.get(a[0])! - firstVoc.get(b[0])!);
  const genders = new Set(pool.map(([c]) => st.genders[c]).filter((g) => g !== GenderCode.Unknown));
  const calls = pool.reduce((k, [, q]) => k + q, 0);
  // (A given cast's characters are never merged: it lists them as different people.)
  if (!hasGiven && pool.length >= 2 && pool.length <= 3 && genders.size <= 1 && calls >= callsNeeded(fp) + 1) {
    const c = pool[0][0];
    st.chars[c].narrator = true;
    addLink(st.chars[c], linkOf(doc, firstVoc.get(c)!, 'narrator-name', 0.6));
    for (const [o] of pool.slice(1)) mergeCharacters(st, c, o);
    return c;
  }
  // A given cast lists the narrator under their name: the one listed character the lines call but
  // the narration never names (the narration says `I`) is them; not one the narrator calls (`"Jo,
  // it's midnight," I said.`).
  if (hasGiven) {
    const unnamed = [...inQ.keys()].filter((c) => st.chars[c].given && !narr.has(c) && !narratorCalls.has(c));
    if (unnamed.length === 1) {
      const c = unnamed[0];
      st.chars[c].narrator = true;
      addLink(st.chars[c], linkOf(doc, firstVoc.get(c)!, 'narrator-name', 0.5));
      return c;
    }
  }
  if (noNew) return -1;
  const used = new Set(st.chars.map((c) => c.id));
  let id = 'narrator';
  for (let k = 2; used.has(id); k++) id = `narrator-${k}`;
  const name = doc.secondPersonNarration ? 'You' : 'Narrator';
  st.chars.push({ id, name, aliases: [], gender: 'unknown', mentions: 0, quotes: 0, given: false, narrator: true, source: 'discovered' });
  st.genders.push(GenderCode.Unknown);
  st.clusterOf.push(-1);
  const c = st.chars.length - 1;
  // `Y/N` said once and left without a character of its own is the narrator's name all the same.
  for (let i = 0; i < n; i++) {
    if (st.mc[i] >= 0 || m[3 * i + 2] !== MentionKind.Proper || !readerName(doc.mentionText(i))) continue;
    st.mc[i] = c;
    addAlias(st.chars[c], doc.mentionText(i));
  }
  return c;
}

/** Comparative descriptions that single out one of two (`the older man`, `the other woman`). */
const RELATIVE = /^the\s+(?:older|younger|elder|taller|shorter|bigger|smaller|other|stouter|thinner|fairer|darker|first|second)\s+(?:man|woman|boy|girl|lady|gentleman|fellow|one|brother|sister)$/i;

/**
 * `the older man` in a two-man scene: when the scene holds exactly two named characters who fit and
 * the same sentence names one of them, the description is the other (a link on that mention only).
 */
export function linkRelative(st: CastState): void {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const n = doc.mentionCount;
  const mc = st.mc;
  for (let i = 0; i < n; i++) {
    if (mc[i] >= 0 || mentionKind(doc, i) !== MentionKind.Nominal || ctx.inQuote[i]) continue;
    if (!RELATIVE.test(doc.mentionText(i).replace(/\s+/g, ' '))) continue;
    const g = doc.mentionGenders[i];
    const scene = sceneCharacters(st, i, g, -1);
    if (scene.size !== 2) continue;
    const named = new Set<number>();
    for (let j = i - 1; j >= 0 && ctx.sent[j] === ctx.sent[i]; j--) if (mentionKind(doc, j) === MentionKind.Proper && mc[j] >= 0) named.add(mc[j]);
    for (let j = i + 1; j < n && ctx.sent[j] === ctx.sent[i]; j++) if (mentionKind(doc, j) === MentionKind.Proper && mc[j] >= 0) named.add(mc[j]);
    const [a, b] = [...scene];
    const other = named.has(a) && !named.has(b) ? b : named.has(b) && !named.has(a) ? a : -1;
    if (other < 0) continue;
    mc[i] = other;
    addLink(st.chars[other], linkOf(doc, i, 'descriptive', 0.6));
  }
}

/** Person nouns a scene may bring someone in by before it names them (`the girl with the green hair`). */
const NAMED_LATER_HEADS: ReadonlySet<string> = new Set(['girl', 'woman', 'boy', 'man', 'lady']);
/** How far after the description (characters) the name must come. */
const NAMED_LATER_REACH = 1500;

/**
 * Someone brought in by a description and named a little later (`The girl with the green hair comes
 * out` … `"Ivy," Sam says`): the description's mentions, up to a little past the name, are the first
 * new name that follows within NAMED_LATER_REACH, when that name is first said in speech and fits
 * the description's gender. The first description of its words only, opening a sentence.
 */
export function linkNamedLater(st: CastState): void {
  const doc = st.ctx.doc;
  const ctx = st.ctx;
  const n = doc.mentionCount;
  const mc = st.mc;
  const firstPos = new Int32Array(st.chars.length).fill(-1);
  for (let i = 0; i < n; i++) if (mc[i] >= 0 && firstPos[mc[i]] < 0) firstPos[mc[i]] = doc.mentions[3 * i];
  const done = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (mc[i] >= 0 || mentionKind(doc, i) !== MentionKind.Nominal || ctx.inQuote[i] || !startsWithThe(doc, i)) continue;
    const key = descKey(doc, i);
    if (done.has(key)) continue;
    done.add(key);
    if (!NAMED_LATER_HEADS.has(headNoun(key))) continue;
    const g = doc.mentionGenders[i];
    if (g !== GenderCode.He && g !== GenderCode.She) continue;
    const pos = doc.mentions[3 * i];
    // Brought in as a sentence's subject (`The girl with the green hair comes out`), not talked of in passing.
    if (doc.text.charCodeAt(pos) !== 84) continue;
    let named = -1;
    for (let j = i + 1; j < n && doc.mentions[3 * j] - pos < NAMED_LATER_REACH; j++) {
      const c = mc[j];
      if (c < 0 || mentionKind(doc, j) !== MentionKind.Proper || firstPos[c] < pos) continue;
      // The name is first heard in speech (`"Ivy," Sam says`, `"This is Dan"`): how a scene names
      // someone it brought in; a name the narration brings is someone (or somewhere) new.
      if (!ctx.inQuote[j] || (st.genders[c] !== g && st.genders[c] !== GenderCode.Unknown)) break;
      named = c;
      break;
    }
    if (named < 0) continue;
    const until = firstPos[named] + NAMED_LATER_REACH;
    for (let k = i; k < n && doc.mentions[3 * k] < until; k++) {
      if (mc[k] < 0 && mentionKind(doc, k) === MentionKind.Nominal && descKey(doc, k) === key) mc[k] = named;
    }
    addLink(st.chars[named], linkOf(doc, i, 'descriptive', 0.5));
  }
}

/**
 * `Aunt Celia, Mrs. Milvain, who …`: two names side by side in the narration, set off by commas and
 * followed by a relative clause, are one person (not a list: no name or `and` around them).
 */
function appositiveNames(st: CastState, i: number, j: number): boolean {
  const doc = st.ctx.doc;
  if (st.ctx.inQuote[i] || st.ctx.inQuote[j] || st.mc[i] < 0 || !/^\s*,\s*$/.test(between(doc, i, j))) return false;
  const end = doc.mentions[3 * j + 1];
  if (!/^\s*,\s*(?:who|whose|whom)\b/.test(doc.text.slice(end, end + 12))) return false;
  if (i > 0 && mentionKind(doc, i - 1) === MentionKind.Proper && /^\s*,\s*(?:and\s+)?$/.test(between(doc, i - 1, i))) return false;
  // Two full names are two people (`Tom Hale, Jack Orme, who was late, and …`: a list).
  const ci = st.clusterOf[st.mc[i]];
  const cj = st.mc[j] >= 0 ? st.clusterOf[st.mc[j]] : -1;
  if (ci >= 0 && cj >= 0 && st.clusters[ci].full && st.clusters[cj].full) return false;
  // Nor do they often share a sentence elsewhere (two people do; one person, in another apposition).
  if (st.mc[j] >= 0) {
    const a = st.mc[i];
    const b = st.mc[j];
    const sa = new Set<number>();
    const sb = new Set<number>();
    for (let k = 0; k < st.mc.length; k++) {
      if (mentionKind(doc, k) !== MentionKind.Proper || st.ctx.sent[k] === st.ctx.sent[i]) continue;
      if (st.mc[k] === a) sa.add(st.ctx.sent[k]);
      else if (st.mc[k] === b) sb.add(st.ctx.sent[k]);
    }
    let shared = 0;
    for (const x of sb) if (sa.has(x)) shared++;
    if (shared > 1 + 0.15 * Math.min(sa.size, sb.size)) return false;
  }
  return true;
}

function mentionCount(mc: Int32Array, c: number): number {
  let k = 0;
  for (let i = 0; i < mc.length; i++) if (mc[i] === c) k++;
  return k;
}

const NAMING_VERB = /^(?:called|named|nicknamed|dubbed|christened|call|name)$/i;
const NAMING_GAP = /^\s*,?\s*(?:known as|also known as|alias|called|nicknamed|better known as|otherwise|late)\s+$/i;

/**
 * Names given in the text: `Folk called him Sparrow`, `Dace, known as Sparrow,`, `Bolter, late
 * Claypole`, `Claypole, otherwise Bolter` — the name is the character's (after pronoun resolution, so
 * `him` is known). Its character, if it had one, joins.
 */
export function linkNaming(st: CastState): void {
  const doc = st.ctx.doc;
  const n = doc.mentionCount;
  const mc = st.mc;
  for (let j = 1; j < n; j++) {
    if (mentionKind(doc, j) !== MentionKind.Proper) continue;
    const i = j - 1;
    const ki = mentionKind(doc, i);
    let c = -1;
    let guessed = false;
    if (ki === MentionKind.Pronoun && /^\s+$/.test(between(doc, i, j))) {
      const w = doc.mentionText(i).toLowerCase();
      const t = doc.tokenAtOrAfter(doc.mentions[3 * i]) - 1;
      if ((w === 'him' || w === 'her') && t >= 0 && NAMING_VERB.test(doc.tokenText(t))) {
        c = mc[i];
        // Inside a quote the pronoun is unresolved: the name said just before in the same quote.
        if (c < 0 && st.ctx.inQuote[i]) {
          const g = doc.mentionGenders[i];
          for (let k = i - 1; k >= 0 && st.ctx.region[k] === st.ctx.region[i]; k--) {
            if (mentionKind(doc, k) !== MentionKind.Proper || mc[k] < 0) continue;
            // `when Diana was born … he called her Diana`: the name itself, earlier in the sentence.
            if (st.ctx.sent[k] === st.ctx.sent[i]) {
              if (mc[k] === mc[j]) break;
              // `Folk called him Sparrow`: the subject of the naming is someone else.
              continue;
            }
            const gk = st.genders[mc[k]];
            if (gk === GenderCode.Unknown || gk === g) c = mc[k];
            guessed = true;
            break;
          }
        }
      }
    } else if (ki === MentionKind.Proper && NAMING_GAP.test(between(doc, i, j))) c = mc[i];
    else if (ki === MentionKind.Proper && appositiveNames(st, i, j)) c = mc[i];
    let e = mc[j];
    if (c < 0 || e === c) continue;
    if (e >= 0) {
      if (st.chars[e].given || st.chars[e].narrator) continue;
      // A guess from the quote around does not join someone the book names often to someone else
      // (`Jane or Mary or some sensible name. … he called her Diana`).
      if (guessed && mentionCount(mc, e) > 5) continue;
      const ge = st.genders[e];
      const gc = st.genders[c];
      if (ge !== GenderCode.Unknown && gc !== GenderCode.Unknown && ge !== gc) continue;
      // `Bolter, late Claypole`: two names of one man; the one named more often keeps the other.
      if (ki === MentionKind.Proper && !st.chars[c].given && !st.chars[c].narrator && mentionCount(mc, e) > mentionCount(mc, c)) [c, e] = [e, c];
      mergeCharacters(st, c, e);
    } else mc[j] = c;
    addAlias(st.chars[c], doc.mentionText(j));
    addLink(st.chars[c], linkOf(doc, j, 'naming', 0.8));
  }
}

/** Determiners before a kinship noun that point at one family's relative (`their father`, `the mother`). */
const KIN_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'their', 'the', 'my', 'our']);

/**
 * `said their father`, `her mum`: the one given character the cast knows by a word a family calls
 * that relative (an alias `Dad`), unless that character is the possessor (`his father` is not
 * whoever `his` is). Outside quotes only, after pronouns are resolved (the possessor is one); a cast
 * with two characters called `Mum` links none. Only a given cast: a `Mama` we discover ourselves is
 * mostly a vocative nobody merged into Mrs. Dashwood (PDNC with our cast lost 38 lines when these
 * linked to it).
 */
export function linkKinCalls(st: CastState): void {
  const doc = st.ctx.doc;
  const n = doc.mentionCount;
  const mc = st.mc;
  // Per list of calls (one relative): the one character named by one of them, or -2 for several.
  const named = new Map<readonly string[], number>();
  st.chars.forEach((ch, c) => {
    if (!ch.given) return;
    for (const name of [ch.name, ...ch.aliases]) {
      const calls = KIN_ADDRESS_WORDS.get(name.toLowerCase().replace(/^the\s+/, ''));
      if (calls) named.set(calls, named.has(calls) && named.get(calls) !== c ? -2 : c);
    }
  });
  if (named.size === 0) return;
  for (let i = 0; i < n; i++) {
    if (mc[i] >= 0 || mentionKind(doc, i) !== MentionKind.Nominal || st.ctx.inQuote[i]) continue;
    const words = descKey(doc, i).split(' ');
    if (words.length !== 2 || !KIN_DETERMINERS.has(words[0])) continue;
    const calls = KIN_ADDRESS_WORDS.get(words[1]);
    const c = calls ? named.get(calls) : undefined;
    if (c === undefined || c < 0) continue;
    const possessor = i + 1 < n && doc.mentions[3 * (i + 1)] === doc.mentions[3 * i] ? mc[i + 1] : -1;
    if (possessor === c) continue;
    mc[i] = c;
    addLink(st.chars[c], linkOf(doc, i, 'descriptive', 0.6));
  }
}
