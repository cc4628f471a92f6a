/**
 * Name forms: each distinct normalised proper name (`mr knightley`, `emma woodhouse`, `emma`) with its
 * counts and the evidence around its mentions: person cues (a title, a speech verb next to it, a
 * vocative, a `'s sister`), place cues (`in`, `at`, `into` before it), `the` before it, plural cues,
 * and gender votes (the title's gender, the next he/she/himself/herself after a subject-like use).
 */
import { type Document, GenderCode, MentionKind, TokenKind, lastStartAtOrBefore } from '../../document/document.js';
import { PERSON_VERBS, INVERTED_TAG_VERBS } from '../../lang/en/person-verbs.js';
import { PLACE_PREPOSITIONS } from '../../lang/en/common-capitalized.js';
import { PREPOSITIONS } from '../../lang/en/prepositions.js';
import { KINSHIP_NOUNS, PERSON_NOUNS } from '../../lang/en/person-nouns.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { ADDRESS_WORDS, NEUTRAL_ADDRESS_WORDS } from '../../lang/en/address-words.js';
import { canonicalTitle } from '../../lang/en/titles.js';
import { firstNameGender } from '../../lang/en/first-names.js';
import type { Ctx } from './context.js';
import { tokenAfter, tokenBefore, wordBefore } from './context.js';
import { canonicalKey, nameKey, parseName, strongTitleGender, titleGender, type ParsedName } from './names.js';

const VOTING_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'himself', 'herself']);
const PLURAL_BEFORE: ReadonlySet<string> = new Set([
  'all', 'many', 'some', 'these', 'those', 'two', 'three', 'four', 'five', 'several', 'other', 'few', 'both', 'most', 'such',
]);
const NAMING_BEFORE = /(?:\bname (?:is|was)|\bnamed|\bcalled|\bcall me|\bI am|\bI'm)\s+$/i;
const PLURAL_AFTER: ReadonlySet<string> = new Set(['were', 'are', 'have', 'themselves', 'they']);
/** Greetings and thanks a call by name follows without a comma in casual writing (`Good luck Marit!`, `Thanks Jo.`). */
const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hey', 'hello', 'thanks', 'bye', 'goodbye', 'morning', 'evening', 'night', 'luck', 'welcome', 'cheers', 'congrats', 'congratulations']);

export interface Form {
  key: string;
  parsed: ParsedName;
  /** Surface spellings with counts. */
  surfaces: Map<string, number>;
  count: number;
  /** Index of the first mention. */
  first: number;
  /** Person evidence: title, speech verb next to it, vocative, `'s` + person noun. */
  person: number;
  /** Place evidence (weighted prepositions before it). */
  place: number;
  /** Mentions preceded by `the`. */
  the: number;
  /** Plural cues (a quantifier before, `were`/`are` after). */
  pluralCue: number;
  /** Vocative uses inside quotes. */
  voc: number;
  /** Mentions outside quotes. */
  narr: number;
  /** Mentions opening their sentence, where any word is capitalised (`Iris-necked pigeons …`). */
  opening: number;
  /** Mentions set in underscores, the plain-text italics of a title of a work (`_Cousin Kate_`). */
  italic: number;
  he: number;
  she: number;
  /** Pronoun votes alone (without the title's). */
  phe: number;
  pshe: number;
  /** A possessive right after a subject use (`Theo sat with his legs dangling`): a last resort. */
  possHe: number;
  possShe: number;
  /**
   * Clusters whose first name this bare word is, when it is several's (`John`: John Beaver, John
   * Andrew): the form joined one of them, and each mention is read again by its scene.
   */
  sharedWith?: number[];
  /** Plural of another name's last word: a family or a people (`Crofts`, `Miss Musgroves`). */
  plural: boolean;
  /** Cluster index, -1 while unassigned. */
  cluster: number;
}

export interface FormTable {
  forms: Form[];
  /** Form index per mention (-1 for mentions that are not proper names). */
  formOf: Int32Array;
  byKey: Map<string, number>;
  /** 1 when the proper-name mention is a vocative inside a quote (`"Come here, Jo."`). */
  vocative: Uint8Array;
  /** Same-sentence co-occurrence of two forms: key min*F+max → count. */
  co: Map<number, number>;
}

function isPossessiveSpan(text: string, end: number): boolean {
  const a = text.charCodeAt(end);
  const s = text.charCodeAt(end + 1);
  return (a === 39 || a === 0x2019) && (s === 115 || s === 83);
}

export function collectForms(ctx: Ctx): FormTable {
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
  const vocative = new Uint8Array(n);
  const parseCache = new Map<string, { surface: string; parsed: ParsedName; key: string }>();
  /** Quotes that are only the name (`"Traffic," said Marisol.`): a call, or an answer that is no name. */
  const aloneVoc = new Map<number, number>();
  /** Mentions opening a line before a word of address (`"Tea, Miss?"`), per form: calls only if the word is met otherwise. */
  const offeredAt = new Map<number, number[]>();
  /** Mentions opening a line as a sentence of their own (`'Tea. Two sugars.'`), per form: calls only if the word is a name otherwise. */
  const sentenceCallAt = new Map<number, number[]>();
  // Names said alone (`Sakura`): `Sakura-chan` is she, while a `Min-chan` never said without its
  // ending keeps it (in a Korean given name it is a syllable of the name).
  const aloneKeys = new Set<string>();
  for (let i = 0; i < n; i++) if (m[3 * i + 2] === MentionKind.Proper) aloneKeys.add(nameKey(text.slice(m[3 * i], m[3 * i + 1])));
  const parsedAt = (i: number): { surface: string; parsed: ParsedName; key: string } => {
    const raw = text.slice(m[3 * i], m[3 * i + 1]);
    let parsedRaw = parseCache.get(raw);
    if (parsedRaw === undefined) {
      const surf = raw.replace(/\s+/g, ' ');
      const k = nameKey(surf);
      const chan = /^(.{2,})-(?:chan|chama)$/.exec(k);
      const p = parseName(chan && aloneKeys.has(chan[1]) ? chan[1] : k);
      parsedRaw = { surface: surf, parsed: p, key: canonicalKey(p) };
      parseCache.set(raw, parsedRaw);
    }
    return parsedRaw;
  };
  // Titles some full name carries (`Mademoiselle Reisz`): that title said alone (`laughed
  // Mademoiselle`) is the same person, linked later by title, not a character of its own.
  const heldTitles = new Set<string>();
  const labelStarts = new Set<number>();
  for (let k = 0; k < doc.speakerLabels.length; k += 4) labelStarts.add(doc.speakerLabels[k]);
  for (let i = 0; i < n; i++) {
    if (m[3 * i + 2] === MentionKind.Proper) {
      const t = parsedAt(i).parsed.title;
      if (t !== '') heldTitles.add(t);
    }
  }
  for (let i = 0; i < n; i++) {
    if (m[3 * i + 2] !== MentionKind.Proper) continue;
    const s = m[3 * i];
    const e = m[3 * i + 1];
    const { surface, parsed, key } = parsedAt(i);
    if (parsed.core.length === 0) continue;
    if (parsed.core.length === 1 && parsed.title === '' && HONORIFICS.has(parsed.core[0]) && heldTitles.has(canonicalTitle(parsed.core[0]))) continue;
    let f = byKey.get(key);
    if (f === undefined) {
      f = forms.length;
      byKey.set(key, f);
      forms.push({ key, parsed, surfaces: new Map(), count: 0, first: i, person: 0, place: 0, the: 0, pluralCue: 0, voc: 0, narr: 0, opening: 0, italic: 0, he: 0, she: 0, phe: 0, pshe: 0, possHe: 0, possShe: 0, plural: false, cluster: -1 });
    }
    const form = forms[f];
    formOf[i] = f;
    form.count++;
    form.surfaces.set(surface, (form.surfaces.get(surface) ?? 0) + 1);
    // A family word written as a name (`Mum`, `Papa`) is someone's, like a title, and has its gender.
    const kin = form.parsed.title === '' && form.parsed.core.length === 1 && KINSHIP_NOUNS.has(form.parsed.core[0]) ? form.parsed.core[0] : '';
    if (form.parsed.title !== '' || kin !== '') form.person++;
    // A chat or script label (`Dessa: well????`) names who says the line: a person, twice over.
    if (labelStarts.has(s)) form.person += 2;
    if (kin !== '') {
      const g = PERSON_NOUNS.get(kin);
      if (g === GenderCode.He) form.he += 4;
      else if (g === GenderCode.She) form.she += 4;
    }
    if (!ctx.inQuote[i]) form.narr++;
    if (/^[\s"'“‘(_]*$/.test(text.slice(doc.sentences[4 * ctx.sent[i]], s))) form.opening++;
    if (text.charCodeAt(s - 1) === 95 || (s >= 2 && text.charCodeAt(s - 2) === 95 && /["'“‘]/.test(text[s - 1]))) form.italic++;
    const tb = tokenBefore(doc, s);
    const ta = tokenAfter(doc, e);
    const before = tb >= 0 && kinds[tb] === TokenKind.Word ? text.slice(tok[2 * tb], tok[2 * tb + 1]).toLowerCase() : '';
    const after = ta < nTok && kinds[ta] === TokenKind.Word ? text.slice(tok[2 * ta], tok[2 * ta + 1]).toLowerCase() : '';
    if (PERSON_VERBS.has(before) || PERSON_VERBS.has(after)) form.person++;
    // `said the President`: the verb before the article.
    // Not after a word of its own: `that the smugglers called the Spine` names a thing.
    else if (before === 'the' && tb > 0 && kinds[tb - 1] === TokenKind.Word && INVERTED_TAG_VERBS.has(text.slice(tok[2 * tb - 2], tok[2 * tb - 1]).toLowerCase()) && (tb < 2 || kinds[tb - 2] !== TokenKind.Word)) form.person++;
    if (isPossessiveSpan(text, e) && PERSON_NOUNS.has(after)) form.person++;
    // `my name is X`, `a man named X`, `call me X`
    if ((before === 'is' || before === 'was' || before === 'named' || before === 'called' || before === 'me' || before === 'am' || before === "i'm") && NAMING_BEFORE.test(text.slice(Math.max(0, s - 14), s))) form.person += 2;
    const pw = PLACE_PREPOSITIONS.get(before);
    if (pw !== undefined) form.place += pw;
    if (before === 'the') form.the++;
    if (PLURAL_BEFORE.has(before) || PLURAL_AFTER.has(after)) form.pluralCue++;
    if (ctx.inQuote[i]) {
      // Vocative: `"Come here, Jo."`, `"Jo, come here."`
      const bk = tb >= 0 ? kinds[tb] : TokenKind.QuoteMark;
      const ak = ta < nTok ? kinds[ta] : TokenKind.QuoteMark;
      const bc = tb >= 0 ? text.charCodeAt(tok[2 * tb]) : 0;
      const ac = ta < nTok ? text.charCodeAt(tok[2 * ta]) : 0;
      // A titled name opening a sentence inside the quote, closed by a comma, is an address too (`"… at
      // the club. Mr. Vyse, will you …"`); untitled, a capitalised first word proves too little.
      const sentenceStart = form.parsed.title !== '' && bk === TokenKind.Punct && (bc === 46 || bc === 33 || bc === 63) && ak === TokenKind.Punct && ac === 44;
      const beforeOk = bk === TokenKind.QuoteMark || (bk === TokenKind.Punct && bc === 44) || sentenceStart || before === 'dear' || before === 'oh' || before === 'my' || GREETINGS.has(before);
      // After a comma, a dash closes the address too (`"Let me see, Mr. Vyse--I forget"`).
      const dash = ac === 45 || ac === 0x2014 || ac === 0x2013;
      const afterOk = ak === TokenKind.QuoteMark || (ak === TokenKind.Punct && (ac === 44 || ac === 33 || ac === 63 || ac === 46 || ac === 59 || (dash && bk === TokenKind.Punct && bc === 44)));
      // `"Traffic," said Marisol.`: a quote that is only this word is an answer, not an address.
      const alone = bk === TokenKind.QuoteMark && ta + 1 < nTok && kinds[ta] === TokenKind.Punct && kinds[ta + 1] === TokenKind.QuoteMark;
      // `"Tea, Miss?"`, `"Coffee, love?"`: the word opening the line may be offered, the address
      // following it. Counted as a call only if the word is a name elsewhere (`"Draco, darling, …"`).
      const offered = bk === TokenKind.QuoteMark && ac === 44 && ta + 1 < nTok && isAddressWord(doc.tokenText(ta + 1).toLowerCase());
      // `'Tea. Two sugars.'`: a word opening the line as a sentence of its own is a call (`'Jory. You're
      // still here?'`) only if the word shows itself a name elsewhere (see below).
      const ownSentence = bk === TokenKind.QuoteMark && ac === 46 && !alone && form.parsed.title === '' && kin === '';
      if (offered && beforeOk && afterOk && !isPossessiveSpan(text, e)) {
        (offeredAt.get(f) ?? offeredAt.set(f, []).get(f)!).push(i);
      } else if (ownSentence && !isPossessiveSpan(text, e)) {
        (sentenceCallAt.get(f) ?? sentenceCallAt.set(f, []).get(f)!).push(i);
      } else if (beforeOk && afterOk && !isPossessiveSpan(text, e)) {
        form.person++;
        form.voc++;
        vocative[i] = 1;
        if (alone) aloneVoc.set(f, (aloneVoc.get(f) ?? 0) + 1);
      }
    }
  }
  // An opening word before a word of address is a call when the word is met otherwise too.
  for (const [f, at] of offeredAt) {
    if (forms[f].count === at.length) continue;
    forms[f].person += at.length;
    forms[f].voc += at.length;
    for (const i of at) vocative[i] = 1;
  }
  // A line opening with the word as its own sentence is a call when the word is a known first name
  // (`Henry. Pass the spanner.`), is met mid-sentence, next to a person's verb, or called otherwise:
  // not a word that opens sentences only (`Tea.`).
  for (const [f, at] of sentenceCallAt) {
    const form = forms[f];
    if (form.opening === form.count && form.person === 0 && !(form.parsed.core.length === 1 && firstNameGender(form.parsed.core[0]) !== undefined)) continue;
    form.person += at.length;
    form.voc += at.length;
    for (const i of at) vocative[i] = 1;
  }
  // A word met once, and then only as a one-word quote, is not shown to be a name.
  for (const [f, k] of aloneVoc) {
    if (forms[f].count === k) {
      forms[f].person -= k;
      forms[f].voc -= k;
    }
  }
  personByCoordination(ctx, forms, formOf);
  voteGenders(ctx, forms, formOf);
  // Plurals of another name's last word are families or peoples: Crofts, Miss Musgroves, Dashwoods.
  const words = new Set<string>();
  for (const f of forms) for (const w of f.parsed.core) words.add(w);
  for (const f of forms) {
    const last = f.parsed.core[f.parsed.core.length - 1];
    if (f.parsed.rawTitle === 'messrs' || f.parsed.core[0] === 'mesdames') f.plural = true;
    // `Captains Harville and Wentworth`, `the Misses Bertram`
    const w0 = f.parsed.core[0];
    if (f.parsed.core.length >= 2 && w0.length > 3 && w0.endsWith('s') && (HONORIFICS.has(w0.slice(0, -1)) || w0 === 'misses')) f.plural = true;
    // `the Crofts`, `the Miss Musgroves`: a plural cue is needed, or a name like Sikes would go.
    const cued = f.the + f.pluralCue >= Math.max(1, 0.2 * f.count);
    if (cued && last.length > 3 && last.endsWith('s') && (words.has(last.slice(0, -1)) || (last.endsWith('es') && words.has(last.slice(0, -2))))) f.plural = true;
  }
  return { forms, formOf, byKey, vocative, co: coOccurrence(ctx, forms, formOf) };
}

/**
 * A name joined by `and` to a name the text shows to be a person, the two the subject of a verb in the
 * narration (`Kit Varga and Jo Penn sat on the step`), is one too: places and things are listed with
 * their kind. Read from the evidence before this pass, so one shown person vouches only for their
 * direct partner; a full name is shown by its first or last word said alone (`Jo said`).
 */
function personByCoordination(ctx: Ctx, forms: Form[], formOf: Int32Array): void {
  const doc = ctx.doc;
  const m = doc.mentions;
  // A full name is shown a person by its first or last word alone too (`Jo said` for `Jo Penn`).
  const shownWords = new Set<string>();
  for (const f of forms) if (f.person > 0 && f.parsed.core.length === 1) shownWords.add(f.parsed.core[0]);
  /** After `the`, a possessive or a capitalised word (`Christmas Day`): said as a thing. */
  const thingLike = (i: number): boolean => {
    const t = tokenBefore(doc, m[3 * i]);
    if (t < 0 || doc.tokenKinds[t] !== TokenKind.Word) return false;
    const w = doc.tokenText(t);
    return w.toLowerCase() === 'the' || /['\u2019]s$/.test(w) || /^\p{Lu}/u.test(w);
  };
  const shown = forms.map((f) => f.person > 0 || shownWords.has(f.parsed.core[0]) || shownWords.has(f.parsed.core[f.parsed.core.length - 1]));
  for (let i = 0; i + 1 < doc.mentionCount; i++) {
    const j = i + 1;
    const fi = formOf[i];
    const fj = formOf[j];
    if (fi < 0 || fj < 0 || fi === fj || ctx.inQuote[i] || ctx.inQuote[j]) continue;
    if (m[3 * i + 2] !== MentionKind.Proper || m[3 * j + 2] !== MentionKind.Proper) continue;
    if (m[3 * j] - m[3 * i + 1] > 7 || !/^\s+and\s+$/.test(doc.text.slice(m[3 * i + 1], m[3 * j]))) continue;
    // The pair is the subject of a verb (`… and Jo Penn sat`), not a list (`Dan and Lisbon, the two
    // things she loved`, `Dan and Halloran, the firm`).
    const after = tokenAfter(doc, m[3 * j + 1]);
    if (after >= doc.tokenCount || doc.tokenKinds[after] !== TokenKind.Word || !/^\p{Ll}/u.test(doc.tokenText(after)) || PREPOSITIONS.has(doc.tokenText(after))) continue;
    // A name ever used as a place (`in Ruritania`), or said here as a thing (`the Dryad's Bubble and
    // Anne`, `Christmas Day and …`), is not vouched for.
    if (shown[fj] && !shown[fi] && forms[fi].place === 0 && !thingLike(i)) forms[fi].person++;
    else if (shown[fi] && !shown[fj] && forms[fj].place === 0 && !thingLike(j)) forms[fj].person++;
  }
}

/**
 * Does paragraph p start with a quotation? A quote span (which excludes its mark) must begin right
 * after the paragraph's first mark: an elision such as `'Twas` opens no quote.
 */
export function opensWithQuote(doc: Document, p: number): boolean {
  const text = doc.text;
  let k = doc.paragraphs[2 * p];
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 9)) k++;
  const c = text.charCodeAt(k);
  if (c !== 34 && c !== 39 && c !== 0x201c && c !== 0x2018) return false;
  const q = lastStartAtOrBefore(doc.quotes, 4, k + 1);
  return q >= 0 && doc.quotes[4 * q] === k + 1;
}

/** Gender votes: the title's gender, then the next subject/reflexive he/she after a subject-like use. */
function voteGenders(ctx: Ctx, forms: Form[], formOf: Int32Array): void {
  const doc = ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const text = doc.text;
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
    const t = form.parsed.title;
    const w = t !== '' ? (strongTitleGender(t) ? 4 : 1) : 0;
    const hg = titleGender(t);
    if (hg === GenderCode.He) form.he += w;
    else if (hg === GenderCode.She) form.she += w;
    // Only subject-like names vote: the first name of the sentence, or one right after a speech verb (`said Jo`).
    if (!subject && !INVERTED_TAG_VERBS.has(wordBefore(doc, m[3 * i]))) continue;
    let possessive = false;
    let otherPerson = false;
    for (let j = i + 1; j < n && j < i + 12; j++) {
      if (ctx.sent[j] > ctx.sent[i] + 1) break;
      if (possessive && ctx.sent[j] !== ctx.sent[i]) break;
      // A next paragraph that opens with a quote is the next turn: its he/she is as likely the other speaker.
      if (ctx.para[j] !== ctx.para[i] && opensWithQuote(doc, ctx.para[j])) break;
      const k = m[3 * j + 2];
      if (k === MentionKind.Proper || ctx.inQuote[j]) {
        if (k === MentionKind.Proper && !ctx.inQuote[j]) break;
        continue;
      }
      // Someone else brought in (`watched the woman and her dog`): a possessive after them is theirs.
      if (k === MentionKind.Nominal) otherPerson = true;
      if (k === MentionKind.Pronoun) {
        const g = doc.mentionGenders[j];
        if (g !== GenderCode.He && g !== GenderCode.She) continue;
        // Only subject and reflexive forms vote: `her`/`him`/`his` are too often someone else, and an
        // object (`followed him; he limped`) is passed over.
        const pw = text.slice(m[3 * j], m[3 * j + 1]).toLowerCase();
        if (pw === 'him' || pw === 'them') continue;
        // After a possessive only a reflexive of the same clause still speaks for the subject
        // (`Idris came in shaking rain out of his hair, pleased with himself`).
        if (possessive && pw !== 'himself' && pw !== 'herself') break;
        if (pw === 'his' || pw === 'her') {
          // The first possessive after the subject, before anyone else is named or described, is most
          // likely theirs (not after `the Weald`, a place: `the Weald and his farm`); `her` only before
          // a noun's words (`waved to her from the wall` is an object).
          if (!possessive && !otherPerson && wordBefore(doc, m[3 * i]) !== 'the' && (pw === 'his' || possessiveHer(doc, m[3 * j + 1]))) {
            if (g === GenderCode.He) form.possHe++;
            else form.possShe++;
          }
          possessive = true;
          continue;
        }
        if (VOTING_PRONOUNS.has(pw)) {
          if (g === GenderCode.He) {
            form.he++;
            form.phe++;
          } else {
            form.she++;
            form.pshe++;
          }
        }
        break;
      }
    }
  }
}

/** Same-sentence co-occurrence of two different forms: a sign they name different people. */
function coOccurrence(ctx: Ctx, forms: Form[], formOf: Int32Array): Map<number, number> {
  const co = new Map<number, number>();
  const F = forms.length;
  const n = formOf.length;
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
  return co;
}

function isAddressWord(w: string): boolean {
  return ADDRESS_WORDS.has(w) || NEUTRAL_ADDRESS_WORDS.has(w);
}

/** Is the `her` ending at offset `end` a possessive: followed by a lower-case word that is no preposition or conjunction? */
function possessiveHer(doc: Document, end: number): boolean {
  const t = tokenAfter(doc, end);
  if (t >= doc.tokenCount || doc.tokenKinds[t] !== TokenKind.Word || doc.tokens[2 * t] > end + 1) return false;
  const w = doc.tokenText(t);
  return /^\p{Ll}/u.test(w) && !PREPOSITIONS.has(w) && !HER_OBJECT_FOLLOWERS.has(w);
}

/** Words after an object `her` (`told her and left`, `saw her again`). */
const HER_OBJECT_FOLLOWERS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'as', 'that', 'if', 'when', 'while', 'again', 'back', 'up', 'down', 'out', 'away', 'so', 'too', 'then', 'now', 'go', 'a', 'an', 'the']);
