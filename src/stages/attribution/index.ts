/**
 * Speaker attribution, first version: rules in the order a reader uses them.
 *
 *  1. A speech tag next to the quote: `said X`, `X said`, `he snapped`, `X, frowning, said`.
 *  2. An action beat in the same paragraph: the subject of the narration beside the quote
 *     (`Rook glared at her. "…"`).
 *  3. Turn-taking inside a conversation: with two people talking, untagged lines alternate; anchors are
 *     the tagged lines before and after, and a vocative (`"Sit, Mari."`) says who is *not* speaking.
 *  4. Otherwise the character most recently active in the narration, with low confidence.
 * Every decision records a cue and a confidence; addressees come from vocatives, lines said `to X`,
 * and the speakers of the neighbouring turns.
 */
import { Document, MentionKind, GenderCode, ParagraphKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions } from '../../types.js';
import { SPEECH_VERBS, TAG_FILLERS } from '../../lang/en/speech-verbs.js';
import { PREPOSITIONS } from '../../lang/en/prepositions.js';
import { KINSHIP_NOUNS, PERSON_NOUNS } from '../../lang/en/person-nouns.js';
import { HONORIFICS } from '../../lang/en/honorifics.js';
import { isLetterCode, isSpaceCode } from '../tokens/index.js';
import { rankSpeakers } from './ranker.js';
import { applySelfNaming } from './self-naming.js';
import { applyTextMessages } from './text-messages.js';

export { Cue } from './cues.js';
import { Cue } from './cues.js';
import { exitMentions } from './exits.js';
import { addressReferents, addressWords } from './address.js';

interface Decision {
  speaker: number;
  confidence: number;
  cue: string;
}

/** Longest narration gap (in characters of narration-only paragraphs) that keeps a conversation going. */
const CONVERSATION_GAP = 600;
/** How many turns each way an addressee is looked for past turns of the line's own speaker. */
const ADDRESSEE_REACH = 3;
/** How many tokens after a quote a speech tag may start at. */
const TAG_WINDOW = 4;
/** How many tokens back from a quote a speech verb of its own sentence introduces it (`Ratcliffe said, looking out over the swollen sea, all a sort of grey purple, "…`). */
const SPEECH_VERB_REACH = 24;
/** How much a pronoun tag disfavours the previous speaker when another of that gender is present. */
const PREV_PENALTY = 3;
/**
 * Weight of the cast stage's own resolution of a tag pronoun among the pronoun's candidates. Measured
 * on PDNC anaphoric pronoun tags: where it and the rest of the votes disagree, it is right twice as often.
 */
const RESOLVED_WEIGHT = 6;
/** Bonus, for a kinship tag (`said her mother`), of a candidate sharing the possessor's family name. */
const KIN_SURNAME_WEIGHT = 4;
/** Weight of whom the previous turn addressed, among a tag pronoun's candidates. */
const ADDRESSED_WEIGHT = 5;

/** What the rules decided, and the evidence they read: the ranker's input. */
export interface RuleState {
  speakers: Int32Array;
  confidence: Float32Array;
  cues: string[];
  vocatives: number[][];
  /** Characters the narration says the line is spoken to (`said to Mari`, `turning to Rook`). */
  spokenTo: number[][];
  /** Who is not the speaker: those the line calls by name, and those its own tag says it is said to. */
  notSpeaker: number[][];
  evidence: Evidence[][];
  para: Int32Array;
  /** Per utterance: the first and last utterance of its paragraph's run (see paragraphRuns). */
  runFirst: Int32Array;
  runLast: Int32Array;
  conv: Int32Array;
  /** Per conversation id, the two people of the telephone call it is (-1 -1 when it is none). */
  calls: Int32Array;
  narrator: number;
  genders: Uint8Array;
  /** Per mention: 1 when it is the subject of an exit (`she left the room`; see exits.ts). */
  exits: Uint8Array;
  /** Per utterance: how a voice tags it (a VoiceTag code; see voiceTag). */
  voiceTags: Uint8Array;
}

export function attributeSpeakers(doc: Document, options: AnalyzeOptions): void {
  const rules = runRules(doc);
  const ranked = applyTextMessages(doc, applySelfNaming(doc, options.rankerModel === undefined ? rankSpeakers(doc, rules) : rankSpeakers(doc, rules, options.rankerModel)));
  const { speakers, confidence, cues, vocatives, conv, runFirst, runLast } = ranked;
  const nU = doc.utteranceCount;

  // Addressees: whoever the line calls by name or is said to speak to, and the other side of the
  // exchange — the speakers of the turns before and after (in a group scene both are listening).
  const addressees: number[][] = new Array(nU);
  // The nearest turn that way by someone else: past turns of the same speaker (`"…" ⏎ She paused. ⏎
  // "…"` is still said to whoever spoke before), at most ADDRESSEE_REACH turns.
  const turnSpeaker = (u: number, dir: number): number => {
    let v = dir < 0 ? runFirst[u] - 1 : runLast[u] + 1;
    for (let step = 0; v >= 0 && v < nU && conv[v] === conv[u]; step++) {
      if (speakers[v] !== speakers[u] || step + 1 >= ADDRESSEE_REACH) return speakers[v];
      v = dir < 0 ? runFirst[v] - 1 : runLast[v] + 1;
    }
    return -1;
  };
  for (let u = 0; u < nU; u++) {
    const set = [...new Set([...vocatives[u], ...ranked.spokenTo[u]])].filter((c) => c !== speakers[u]);
    for (const side of [turnSpeaker(u, -1), turnSpeaker(u, 1)]) {
      if (side >= 0 && side !== speakers[u] && !set.includes(side)) set.push(side);
    }
    addressees[u] = set;
  }

  doc.speakers = speakers;
  doc.speakerConfidence = confidence;
  doc.speakerCues = cues;
  doc.addressees = addressees;
  for (const c of doc.characters) c.quotes = 0;
  for (let u = 0; u < nU; u++) {
    if (speakers[u] >= 0) doc.characters[speakers[u]].quotes += doc.utterances[2 * u + 1] - doc.utterances[2 * u];
  }
}

/** 1 for mentions inside a quote span (one merge pass: both layers are in text order). */
export function mentionInQuote(doc: Document): Uint8Array {
  const out = new Uint8Array(doc.mentionCount);
  let q = 0;
  for (let m = 0; m < doc.mentionCount; m++) {
    const pos = doc.mentions[3 * m];
    while (q < doc.quoteCount && doc.quotes[4 * q + 1] <= pos) q++;
    if (q < doc.quoteCount && doc.quotes[4 * q] <= pos) out[m] = 1;
  }
  return out;
}

/** The rule passes: tags, pronoun tags, same-paragraph turns, turn-taking, recent mention. */
export function runRules(doc: Document): RuleState {
  const nU = doc.utteranceCount;
  const speakers = new Int32Array(nU).fill(-1);
  const confidence = new Float32Array(nU);
  const cues = new Array<string>(nU).fill(Cue.None);
  const vocatives: number[][] = new Array(nU);
  const genders = characterGenders(doc);
  const para = new Int32Array(nU);
  for (let u = 0; u < nU; u++) para[u] = doc.quotes[4 * doc.utterances[2 * u] + 2];
  const narrator = narratorCharacter(doc);
  const inQuote = mentionInQuote(doc);
  const { conv, calls } = conversationIds(doc, para, narrator, inQuote);
  const [runFirst, runLast] = paragraphRuns(para);
  const exits = exitMentions(doc);

  // Evidence next to each utterance: tags first, then beats, strongest first.
  const evidence: Evidence[][] = new Array(nU);
  const spokenTo: number[][] = new Array(nU);
  // Who is *not* speaking: the people the line calls by name or the narration says it is said to.
  const notSpeaker: number[][] = new Array(nU);
  const voiceTags = new Uint8Array(nU);
  for (let u = 0; u < nU; u++) {
    vocatives[u] = findVocatives(doc, u);
    voiceTags[u] = voiceTag(doc, u);
    evidence[u] = findEvidence(doc, u, voiceTags[u] === VoiceTag.New || voiceTags[u] === VoiceTag.Known);
    const to = findSpokenTo(doc, u);
    spokenTo[u] = to.all;
    // Only the tag's own clause after the line rules a speaker out: in `Tom looked at Mary. "Well?"
    // she asked.` Mary, looked at before the line, is the one who answers.
    notSpeaker[u] = to.inTag.length === 0 ? vocatives[u] : [...new Set([...vocatives[u], ...to.inTag])];
    // `said Kit's brother`: not Kit.
    const owner = evidence[u][0]?.cue === Cue.TagNominal ? descriptionOwner(doc, evidence[u][0].mention) : -1;
    if (owner >= 0 && doc.mentionCharacters[evidence[u][0].mention] < 0 && !notSpeaker[u].includes(owner)) notSpeaker[u] = [...notSpeaker[u], owner];
  }
  const decide = (u: number, c: number, e: Evidence) => {
    speakers[u] = c;
    confidence[u] = e.confidence;
    cues[u] = e.cue;
  };

  const resolvedCharacter = (m: number): number => {
    const kind = doc.mentions[3 * m + 2];
    if (kind === MentionKind.FirstPerson) return narrator;
    return kind === MentionKind.Pronoun ? -1 : doc.mentionCharacters[m];
  };
  // Pass 1: tags and beats whose subject is a name, a description the cast resolves, or the narrator.
  for (let u = 0; u < nU; u++) {
    const e = evidence[u][0];
    if (!e) continue;
    const c = resolvedCharacter(e.mention);
    if (c >= 0 && !vocatives[u].includes(c)) decide(u, c, e);
  }
  calledByWords(doc, speakers, cues, conv, para, genders, vocatives, notSpeaker);
  // Pass 2: pronouns and unresolved descriptions (`said the gentleman`), resolved among the people
  // of the exchange.
  for (let u = 0; u < nU; u++) {
    const e = evidence[u][0];
    if (!e || speakers[u] >= 0) continue;
    const kind = doc.mentions[3 * e.mention + 2];
    if (kind !== MentionKind.Pronoun && kind !== MentionKind.Nominal) continue;
    const addressed = addressedBefore(u, para, conv, speakers, vocatives, spokenTo, runFirst);
    const c = pronounCandidates(doc, e.mention, u, genders, speakers, conv, para, notSpeaker[u], inQuote, addressed, narrator)[0]?.[0] ?? -1;
    if (c >= 0) decide(u, c, kind === MentionKind.Nominal ? { ...e, confidence: e.confidence - 0.15 } : e);
  }

  // Utterances in one paragraph are one turn: an untagged one takes the paragraph's tagged speaker.
  for (let u = 0; u < nU; u++) {
    if (speakers[u] >= 0) continue;
    for (const v of [u - 1, u + 1]) {
      if (v >= 0 && v < nU && para[v] === para[u] && speakers[v] >= 0 && isStrong(cues[v])) {
        speakers[u] = speakers[v];
        confidence[u] = Math.min(0.85, confidence[v]);
        cues[u] = Cue.SameParagraph;
        break;
      }
    }
  }

  // Pass 3: conversations and turn-taking.
  assignTurnTaking(para, conv, speakers, confidence, cues, notSpeaker, calls);

  // Someone the narration just brought forward who has not been in the exchange yet speaks the
  // untagged line that follows (`Our neighbour stood outside with a box of eggs.` ⏎ `"Morning,
  // girls!"`): a newcomer's first words, not the next turn of those already talking. Not someone
  // already heard, or named in the exchange's narration before (`Pepper rolled her eyes.` is a
  // bystander's reaction, not an entrance). One pass: who was heard and who was named, per exchange.
  const heard = new Set<number>();
  const named = new Set<number>();
  let mention = 0;
  for (let u = 0; u < nU; u++) {
    if (u > 0 && conv[u - 1] !== conv[u]) {
      heard.clear();
      named.clear();
    }
    if (u > 0 && cues[u] === Cue.TurnTaking && conv[u - 1] === conv[u]) {
      const subject = previousParagraphSubject(doc, u, narrator, exits);
      if (subject >= 0 && !notSpeaker[u].includes(subject) && !heard.has(subject) && !named.has(subject)) {
        speakers[u] = subject;
        confidence[u] = 0.3;
        cues[u] = Cue.NarrationSubject;
      }
    }
    if (speakers[u] >= 0 && cues[u] !== Cue.TurnTaking) heard.add(speakers[u]);
    // Named in the narration up to the end of this line's paragraph (the narration after it is the next line's).
    const upTo = doc.paragraphs[2 * para[u] + 1];
    for (; mention < doc.mentionCount && doc.mentions[3 * mention] < upTo; mention++) {
      const c = inQuote[mention] ? -1 : resolvedCharacter(mention);
      if (c >= 0) named.add(c);
    }
  }

  // Pass 4: anything left gets the most recently active character, weakly — not the speaker of the
  // turn just before or just after: a new paragraph of speech is, nearly always, someone else's.
  for (let u = 0; u < nU; u++) {
    if (speakers[u] >= 0) continue;
    const q0 = doc.utterances[2 * u];
    const exclude = notSpeaker[u].slice();
    for (const v of [runFirst[u] - 1, runLast[u] + 1]) {
      if (v >= 0 && v < nU && conv[v] === conv[u] && speakers[v] >= 0) exclude.push(speakers[v]);
    }
    // A line opening its paragraph after narration: the person that narration ends on, before
    // whoever was mentioned last (`She looked at Idris.` ⏎ `"You knew."` is hers, not his).
    const subject = previousParagraphSubject(doc, u, narrator, exits);
    const bySubject = subject >= 0 && !exclude.includes(subject);
    const recent = bySubject ? subject : recentCharacter(doc, doc.quotes[4 * q0], doc.paragraphs[2 * para[u]], exclude, narrator, exits);
    if (recent >= 0) {
      speakers[u] = recent;
      confidence[u] = 0.25;
      cues[u] = bySubject ? Cue.NarrationSubject : Cue.Recent;
    }
  }

  return { speakers, confidence, cues, vocatives, spokenTo, notSpeaker, evidence, para, runFirst, runLast, conv, calls, narrator, genders, exits, voiceTags };
}

/** For each utterance, the first and last utterance of its paragraph (utterances are in text order). */
function paragraphRuns(para: Int32Array): [Int32Array, Int32Array] {
  const n = para.length;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  for (let u = 0; u < n; u++) first[u] = u > 0 && para[u - 1] === para[u] ? first[u - 1] : u;
  for (let u = n - 1; u >= 0; u--) last[u] = u + 1 < n && para[u + 1] === para[u] ? last[u + 1] : u;
  return [first, last];
}

export function isStrong(cue: string): boolean {
  return cue === Cue.TagName || cue === Cue.TagPronoun || cue === Cue.TagNominal || cue === Cue.Narrator;
}

function characterGenders(doc: Document): Uint8Array {
  const g = new Uint8Array(doc.characters.length);
  doc.characters.forEach((c, i) => {
    g[i] = c.gender === 'he' ? GenderCode.He : c.gender === 'she' ? GenderCode.She : c.gender === 'they' ? GenderCode.They : GenderCode.Unknown;
  });
  return g;
}

export interface Evidence {
  /** The mention naming the speaker (a name, a description, a pronoun, the narrator's I). */
  mention: number;
  cue: string;
  confidence: number;
}

/**
 * Evidence in the narration of the utterance's paragraph(s): a speech tag after any of its spans, an
 * introducing clause before the first span, then beats (the subject of the narration beside it).
 * Sorted strongest first.
 */
function findEvidence(doc: Document, u: number, byVoice: boolean): Evidence[] {
  const q = doc.quotes;
  const first = doc.utterances[2 * u];
  const end = doc.utterances[2 * u + 1];
  const text = doc.text;
  const out: Evidence[] = [];
  // The tag after the last span when it is also the next line's introduction (`Milly said, "…?"
  // Babs said, "…"`) or a clause of its own (`Beaver said, "…", and Brenda asked him`).
  let sharedAfter: Evidence | null = null;
  // After each span of this utterance (up to the next quote in the paragraph or its end).
  for (let k = first; k < end; k++) {
    const p = q[4 * k + 2];
    const pEnd = doc.paragraphs[2 * p + 1];
    const from = skipCloseMark(text, q[4 * k + 1]);
    const nextQuote = k + 1 < doc.quoteCount && q[4 * (k + 1) + 2] === p ? q[4 * (k + 1)] - 1 : pEnd;
    if (nextQuote <= from) continue;
    const e = tagAfter(doc, from, nextQuote);
    if (e) {
      out.push(e);
      if (k === end - 1 && (introducesNext(text, from, nextQuote, nextQuote < pEnd) || opensClause(doc, from))) sharedAfter = e;
      break;
    }
  }
  // Before the first span: `Then Elizabeth said:` or a beat `Rook glared at her.`
  const p0 = q[4 * first + 2];
  const pStart = doc.paragraphs[2 * p0];
  const prevInPara = first > 0 && q[4 * (first - 1) + 2] === p0 ? skipCloseMark(text, q[4 * (first - 1) + 1]) : pStart;
  const before = q[4 * first] - 1;
  const label = labelMention(doc, q[4 * first]);
  if (label >= 0) {
    // A chat or script line: its label names the speaker (`Dessa: well????`; `Me:` the narrator).
    out.push({ mention: label, confidence: 0.97, cue: beatCue(doc, label) === Cue.Narrator ? Cue.Narrator : Cue.TagName });
  } else if (before > prevInPara) {
    const e = tagBefore(doc, prevInPara, before);
    if (e) out.push(e);
    // `Milly said, "Are you in town?" Babs said, "…"`: a line introduced by its own tag keeps it.
    if (e && sharedAfter && e.cue !== Cue.Beat && e.cue !== Cue.Narrator && endsInCommaOrColon(text, prevInPara, before)) {
      sharedAfter.confidence = Math.min(sharedAfter.confidence, e.confidence - 0.01);
    }
  } else if (first === 0 || q[4 * (first - 1) + 2] < p0 - 1) {
    // The quote opens its paragraph and the narration paragraph before it introduces it:
    // `Mr. Beebe was back, saying rather nervously:` ⏎ `"Mr. Emerson is engaged…"`.
    const e = introParagraph(doc, p0 - 1);
    if (e) out.push(e);
  } else if (q[4 * (first - 1) + 2] === p0 - 1) {
    // The paragraph before holds a quote, then narration whose own later sentence introduces this
    // one (`"…," she said. … Katharine raised her head and said:` ⏎ `"Well, …"`).
    const after = skipCloseMark(text, q[4 * (first - 1) + 1]);
    const pe = doc.paragraphs[2 * (p0 - 1) + 1];
    const s0 = doc.sentenceAt(pe - 1);
    if (s0 >= 0 && doc.sentences[4 * s0] > after) {
      const e = introParagraph(doc, p0 - 1, doc.sentences[4 * s0]);
      if (e) out.push(e);
    } else if (s0 >= 0 && endsInColon(text, after, pe)) {
      // One sentence holds that quote and this line's introduction after it (`she thought, "…,"
      // whereupon she said, in her quiet way:` ⏎ `"…"`): the narration after the quote introduces it.
      const e = introParagraph(doc, p0 - 1, after);
      if (e && e.cue !== Cue.Beat) out.push(e);
    }
  }
  // `"Who's there?" cried a voice, and Rook stepped out of the dark`: the one the narration then names.
  if (byVoice) {
    const named = voiceOwner(doc, u);
    if (named >= 0) out.push({ mention: named, confidence: 0.62, cue: Cue.Beat });
  }
  // A beat after the last span, in a later sentence of the paragraph.
  const kLast = end - 1;
  const pl = q[4 * kLast + 2];
  const plEnd = doc.paragraphs[2 * pl + 1];
  const afterFrom = skipCloseMark(text, q[4 * kLast + 1]);
  const nextQ = end < doc.quoteCount && q[4 * end + 2] === pl ? q[4 * end] - 1 : plEnd;
  if (nextQ > afterFrom) {
    const m = firstSubjectMention(doc, afterFrom, nextQ, true);
    if (m >= 0) out.push({ mention: m, confidence: 0.6, cue: beatCue(doc, m) });
  }
  out.sort((a, b) => b.confidence - a.confidence);
  return out;
}

/**
 * The speaker label's mention when quote start qs is a labelled line (right after `Dessa: `, or a
 * quote mark there), else -1.
 */
function labelMention(doc: Document, qs: number): number {
  const labels = doc.speakerLabels;
  // The last labelled line starting at or before qs (they are in text order).
  let lo = 0;
  let hi = (labels.length >> 2) - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (labels[4 * mid + 2] <= qs) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0 || qs > labels[4 * k + 2] + 1) return -1;
  const m = doc.mentionAtOrAfter(labels[4 * k]);
  return m < doc.mentionCount && doc.mentions[3 * m] === labels[4 * k] ? m : -1;
}

/** Does the narration [from, to) end in a comma or colon right before a quote (`Babs said, "`)? */
function introducesNext(text: string, from: number, to: number, quoteFollows: boolean): boolean {
  return quoteFollows && endsInCommaOrColon(text, from, to);
}

/** Does the narration [from, to) end in a colon? */
function endsInColon(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpaceCode(text.charCodeAt(k))) k--;
  return k >= from && text.charCodeAt(k) === 58;
}

/** Does the narration [from, to) end in a comma or colon? */
function endsInCommaOrColon(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpaceCode(text.charCodeAt(k))) k--;
  return k >= from && (text.charCodeAt(k) === 44 || text.charCodeAt(k) === 58);
}

/** Does the narration after a quote open with a conjunction, a clause of its own (`, and Brenda asked`)? */
function opensClause(doc: Document, from: number): boolean {
  let t = doc.tokenAtOrAfter(from);
  while (t < doc.tokenCount && !isWordToken(doc, t)) t++;
  return t < doc.tokenCount && /^(?:and|but|while|whereupon)$/i.test(doc.tokenText(t));
}

function beatCue(doc: Document, m: number): string {
  return doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? Cue.Narrator : Cue.Beat;
}

function skipCloseMark(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 0xbb || c === 0x201c) return pos + 1;
  return pos;
}

function isSpeechVerb(doc: Document, t: number): boolean {
  return SPEECH_VERBS.has(doc.tokenText(t).toLowerCase());
}

/** Mention index starting exactly at token t (or -1). */
function mentionAtToken(doc: Document, t: number): number {
  const pos = doc.tokens[2 * t];
  const m = doc.mentionAtOrAfter(pos);
  if (m < doc.mentionCount && doc.mentions[3 * m] === pos) return m;
  return -1;
}

/** Token index of the first token starting at or after `pos` (mention end → next token). */
function tokenAfterMention(doc: Document, m: number): number {
  return doc.tokenAtOrAfter(doc.mentions[3 * m + 1]);
}

function isWordToken(doc: Document, t: number): boolean {
  return isLetterCode(doc.text.charCodeAt(doc.tokens[2 * t]));
}

function cueFor(doc: Document, m: number): string {
  const kind = doc.mentions[3 * m + 2];
  if (kind === MentionKind.Pronoun) return Cue.TagPronoun;
  if (kind === MentionKind.Nominal) return Cue.TagNominal;
  if (kind === MentionKind.FirstPerson) return Cue.Narrator;
  return Cue.TagName;
}
function tagConfidence(cue: string): number {
  return cue === Cue.TagName ? 0.95 : cue === Cue.Narrator ? 0.9 : cue === Cue.TagPronoun ? 0.85 : 0.8;
}
function tagEvidence(doc: Document, m: number, minus = 0): Evidence {
  const cue = cueFor(doc, m);
  return { mention: m, cue, confidence: tagConfidence(cue) - minus };
}

/** Narration right after a quote: `, said X`, `X said`, `she snapped`, `said the captain`, `X grinned.` */
function tagAfter(doc: Document, from: number, to: number): Evidence | null {
  let t = doc.tokenAtOrAfter(from);
  const nTok = doc.tokenCount;
  // Skip punctuation glued to the quote (`,` `—` `!`).
  while (t < nTok && doc.tokens[2 * t] < to && !isWordToken(doc, t)) t++;
  if (t >= nTok || doc.tokens[2 * t] >= to) return null;
  // `"…", and Tony would say, "…"`: a clause of its own that introduces the next quote, not this one's tag.
  if (/^(?:and|but|while|whereupon)$/i.test(doc.tokenText(t)) && /[,:]\s*$/.test(doc.text.slice(Math.max(from, to - 8), to))) return null;
  // `"…," was his answer` / `was Mr Shepherd's rejoinder` / `was all her reply`: the possessor is the speaker.
  if (/^(was|were)$/i.test(doc.tokenText(t))) {
    // `was all Lady Bertram's reply`
    const o = t + 1 < nTok && /^all$/i.test(doc.tokenText(t + 1)) ? t + 2 : t + 1;
    const pm = o < nTok && doc.tokens[2 * o] < to ? mentionAtToken(doc, o) : -1;
    if (pm >= 0) return tagEvidence(doc, pm, 0.05);
  }
  const limit = Math.min(nTok, t + TAG_WINDOW + 4);
  for (let i = t, words = 0; i < limit && doc.tokens[2 * i] < to && words < TAG_WINDOW; i++) {
    if (!isWordToken(doc, i)) {
      const ch = doc.text.charCodeAt(doc.tokens[2 * i]);
      if (ch === 46 || ch === 33 || ch === 63) break; // sentence ended
      continue;
    }
    words++;
    if (isSpeechVerb(doc, i)) {
      // `said X`: mention right after the verb (allowing filler words).
      let j = i + 1;
      while (j < nTok && doc.tokens[2 * j] < to && TAG_FILLERS.has(doc.tokenText(j).toLowerCase())) j++;
      // `smiling at Anne`: after a bare `at` the name is an object, not the subject (`said at last Tom`
      // has `last` between; `in` and `on` are particles: `put in Tom`, `went on Tom`).
      const objectAfter = j - 1 > i && doc.tokenText(j - 1).toLowerCase() === 'at';
      const after = j < nTok && doc.tokens[2 * j] < to && !objectAfter ? mentionAfterDescribers(doc, j, to) : -1;
      if (after >= 0 && i === t) return tagEvidence(doc, after);
      // `he heard Katharine say`: the one heard speaks.
      const heard = i - 1 > t ? nameEndingAt(doc, i - 1) : -1;
      if (heard >= 0) {
        const before = doc.tokenAtOrAfter(doc.mentions[3 * heard]) - 1;
        if (before >= t && PERCEPTION_VERBS.has(doc.tokenText(before).toLowerCase())) return tagEvidence(doc, heard, 0.05);
      }
      // `X said`: subject before the verb.
      const subj = subjectBefore(doc, t, i);
      if (subj >= 0) return tagEvidence(doc, subj);
      if (after >= 0) return tagEvidence(doc, after, 0.1);
      return null;
    }
  }
  // An inverted tag with a verb we do not list: `"Later," yawned Mrs. Moore`.
  if (t + 1 < nTok && doc.tokens[2 * (t + 1)] < to && looksLikeTagVerb(doc, t)) {
    const inv = mentionAtToken(doc, t + 1);
    if (inv >= 0 && doc.mentions[3 * inv + 2] !== MentionKind.Pronoun && doc.mentions[3 * inv + 2] !== MentionKind.FirstPerson) {
      return tagEvidence(doc, inv, 0.1);
    }
  }
  // No speech verb: a subject mention right after the quote is a beat (`"Fine." Rook shrugged.`,
  // `"Fine." His jaw tightened.`).
  const m = mentionAtToken(doc, t);
  if (m >= 0 && (isSubjectMention(doc, m) || bodyPartSubject(doc, m, to))) {
    const cue = cueFor(doc, m);
    return { mention: m, confidence: cue === Cue.TagName ? 0.8 : 0.7, cue: cue === Cue.Narrator ? Cue.Narrator : Cue.Beat };
  }
  return null;
}

const NOT_TAG_VERBS: ReadonlySet<string> = new Set(['was', 'is', 'has', 'does', 'as', 'this', 'thus', 'yes', 'perhaps', 'unless', 'towards', 'besides']);
/** A lower-case word in verb form (-ed, -s) right after a quote, e.g. `yawned`, `smiles`. */
function looksLikeTagVerb(doc: Document, t: number): boolean {
  const w = doc.tokenText(t);
  const c = w.charCodeAt(0);
  if (c < 97 || c > 122) return false;
  return (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss'))) && w.length > 3 && !NOT_TAG_VERBS.has(w);
}

/** `he heard Katharine say`: verbs whose object is the one who speaks. */
const PERCEPTION_VERBS: ReadonlySet<string> = new Set(['heard', 'hear', 'hears', 'overheard', 'saw', 'watched']);
/** Words that end a run of describing words after a tag verb: what follows them is no longer its subject. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'what', 'nothing', 'something', 'it', 'so', 'not', 'no']);
/**
 * The mention at token t, or a name after up to two lower-case describing words, with or without
 * `the` (`cried the chaotic Gregory`, `said dour Major Callendar`, `sighed pleasure-loving Miss Derek`),
 * or after `the voice of`.
 */
function mentionAfterDescribers(doc: Document, t: number, to: number): number {
  const m = mentionAtToken(doc, t);
  if (m >= 0) return m;
  let words = 0;
  let voiceOf = false;
  for (let i = doc.tokenText(t).toLowerCase() === 'the' ? t + 1 : t; i < doc.tokenCount && doc.tokens[2 * i] < to; i++) {
    const mi = mentionAtToken(doc, i);
    // After `the voice of`, a description too: `replied the voice of the Dodger`.
    if (mi >= 0) return i > t && (doc.mentions[3 * mi + 2] === MentionKind.Proper || (voiceOf && doc.mentions[3 * mi + 2] === MentionKind.Nominal)) ? mi : -1;
    const w = doc.tokenText(i);
    if (w === '-') continue;
    // `said the voice of Mr. Haq`, `called the shattered voice of Aziz`: the voice's owner speaks.
    if (w === 'voice' && i + 1 < doc.tokenCount && doc.tokenText(i + 1) === 'of') {
      i++;
      voiceOf = true;
      continue;
    }
    const c = w.charCodeAt(0);
    if (c < 97 || c > 122 || PREPOSITIONS.has(w) || CLAUSE_WORDS.has(w) || ++words > 2) return -1;
  }
  return -1;
}

/** The mention that is the subject of a speech verb at token `verb`, starting the tag at token `start`. */
function subjectBefore(doc: Document, start: number, verb: number): number {
  for (let i = start; i < verb; i++) {
    const m = mentionAtToken(doc, i);
    if (m < 0) continue;
    if (!isSubjectMention(doc, m)) return -1;
    // Only fillers, adverbs, commas and a verb the speech verb goes with (`kept saying`, `hastened to
    // explain`) may stand between the subject and the verb.
    for (let j = tokenAfterMention(doc, m); j < verb; j++) {
      const w = doc.tokenText(j).toLowerCase();
      if (!(TAG_FILLERS.has(w) || isAdverb(doc, j) || w === ',' || (CATENATIVES.has(w) && j >= verb - 2))) return -1;
    }
    return m;
  }
  return -1;
}

/** Verbs a speech verb follows in a tag (`kept saying`, `hastened to explain`, `ventured to ask`). */
const CATENATIVES: ReadonlySet<string> = new Set(['kept', 'keeps', 'hastened', 'ventured', 'managed', 'began', 'to']);

/** Object-case pronouns (him, her as object, them) are not subjects. */
const SECOND_PERSON_SUBJECT = /^you(?:['\u2019](?:re|d|ve|ll))?$/i;

/** Parts of a person that act for them as a sentence's subject (`His jaw worked`, `Her voice shook`). */
const BODY_PARTS: ReadonlySet<string> = new Set([
  'jaw', 'eyes', 'eye', 'face', 'mouth', 'lips', 'lip', 'voice', 'hand', 'hands', 'fingers', 'gaze', 'brow', 'brows',
  'eyebrows', 'eyebrow', 'shoulders', 'shoulder', 'cheeks', 'smile', 'grin', 'frown', 'expression', 'head', 'chin',
  'throat', 'breath', 'nostrils', 'tone', 'arms', 'arm', 'fist', 'fists', 'knuckles', 'features', 'heart', 'ears',
  'neck', 'forehead',
]);

/**
 * Is mention m a possessive `his` / `her` opening a subject that is part of its owner, with the verb
 * next (`His jaw worked`, `Her eyes narrowed`): the owner acts, as in a beat.
 */
function bodyPartSubject(doc: Document, m: number, to: number): boolean {
  if (doc.mentions[3 * m + 2] !== MentionKind.Pronoun || !/^(?:his|her)$/i.test(doc.mentionText(m))) return false;
  const part = tokenAfterMention(doc, m);
  if (part + 1 >= doc.tokenCount || doc.tokens[2 * (part + 1)] >= to || !BODY_PARTS.has(doc.tokenText(part).toLowerCase())) return false;
  const verb = doc.tokenText(part + 1);
  if (!/^\p{Ll}/u.test(verb) || PREPOSITIONS.has(verb) || CLAUSE_WORDS.has(verb) || verb === 'and' || verb === 'or') return false;
  // `Her head teacher`, `her eye shadow`: the part is part of another noun.
  if (PERSON_NOUNS.has(verb) || PART_COMPOUNDS.has(verb)) return false;
  // A state of a voice is the speaker's (`Her voice was low.`); of anything else it is no act (`His eyes were closed`).
  const part0 = doc.tokenText(part).toLowerCase();
  return part0 === 'voice' || part0 === 'tone' || !STATE_VERBS.has(verb);
}

/** Words after a part of someone that tell a state, not an act (`His eyes were closed`). */
const STATE_VERBS: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'seemed', 'seems', 'remained', 'stayed']);
/** Nouns a part of someone makes a compound with (`eye shadow`, `hand cream`). */
const PART_COMPOUNDS: ReadonlySet<string> = new Set(['shadow', 'colour', 'color', 'length', 'cream', 'bag', 'lotion', 'liner', 'wash', 'phone', 'office', 'injury']);

function isSubjectMention(doc: Document, m: number): boolean {
  const kind = doc.mentions[3 * m + 2];
  if (kind === MentionKind.Pronoun) {
    const w = doc.mentionText(m).toLowerCase();
    return w === 'he' || w === 'she' || w === 'they';
  }
  // The narrator's `I`, or a second-person story's `you` (`"Fine," you say.`, `You roll your eyes.`).
  if (kind === MentionKind.FirstPerson) return doc.mentionText(m) === 'I' || (doc.secondPersonNarration && SECOND_PERSON_SUBJECT.test(doc.mentionText(m)));
  return true;
}

/**
 * Narration before the first span of a quote: `Elizabeth said:` / `Rook glared at her.` With `verbOnly`
 * only a speech verb's subject counts, not a beat.
 */
function tagBefore(doc: Document, from: number, to: number, verbOnly = false): Evidence | null {
  const text = doc.text;
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end <= from) return null;
  const lastCh = text.charCodeAt(end - 1);
  const tEnd = doc.tokenAtOrAfter(end);
  const sStart = doc.sentenceAt(end - 1);
  const sFrom = sStart >= 0 ? Math.max(from, doc.sentences[4 * sStart]) : from;
  // `Then Elizabeth said:` / `Here Anne spoke--` / `thus spoke Mary:` / `he added;` / `and Bull said
  // "…` (no mark at all) — a speech verb in this clause.
  if (lastCh === 58 || lastCh === 44 || lastCh === 59 || lastCh === 45 || lastCh === 0x2014 || lastCh === 0x2013 || isLetterCode(lastCh)) {
    const t0 = doc.tokenAtOrAfter(sFrom);
    // `Cassandra's reply, "…"`
    let last = tEnd - 1;
    while (last > t0 && !isWordToken(doc, last)) last--;
    // `Elizabeth's reply was, "…"`
    if (last - 1 > t0 && /^(?:was|is)$/.test(doc.tokenText(last))) last--;
    if (SPEECH_NOUNS.has(doc.tokenText(last).toLowerCase())) {
      const owner = possessorBefore(doc, last, t0);
      if (owner >= 0) return tagEvidence(doc, owner, 0.05);
    }
    for (let i = tEnd - 1; i >= t0 && i >= tEnd - SPEECH_VERB_REACH; i--) {
      if (isWordToken(doc, i) && isSpeechVerb(doc, i)) {
        const inverted = i + 1 < tEnd ? mentionAtToken(doc, i + 1) : -1;
        const w = doc.tokenText(i);
        // `when someone beside me said,`: the speaker is nobody the text has named (no beat either).
        if (indefiniteSubjectBefore(doc, t0, i)) return null;
        let subj = relativeAntecedent(doc, t0, i);
        if (subj < 0 && w.endsWith('ing')) subj = possessorBefore(doc, i, t0);
        // `thus spoke Mary:` is inverted, but in `Dr Messinger asked Rosa,` the name after the verb is its object.
        if (subj < 0 && inverted >= 0 && doc.mentions[3 * inverted + 2] !== MentionKind.Pronoun && subjectRightBefore(doc, t0, i) < 0) subj = inverted;
        if (subj < 0 && subjectRightBefore(doc, t0, i) < 0) subj = distantSubject(doc, t0, i);
        if (subj < 0) subj = lastSubjectBefore(doc, t0, i);
        if (subj >= 0) return tagEvidence(doc, subj, 0.05);
        break;
      }
    }
  }
  // A beat: the subject of the sentence just before the quote.
  if (verbOnly) return null;
  // Unless that sentence says someone speaks (`But at last she spoke.`, `Tom went on.`): a tag.
  if (lastCh === 46) {
    const e = closedIntro(doc, sFrom, end);
    if (e) return e;
  }
  const m = firstSubjectMention(doc, sFrom, end, false);
  if (m >= 0) {
    // `Lowe gave him a look, and he shrugged. "That's as far as I go."`: the last clause's own
    // subject, someone else, acted last.
    const last = lastClauseSubject(doc, m, end);
    if (last >= 0) return { mention: last, confidence: 0.6, cue: beatCue(doc, last) };
    return { mention: m, confidence: 0.65, cue: beatCue(doc, m) };
  }
  // A sentence that opens on a thing has its person later, as the subject of a clause of its own:
  // `The back door banged open and Wren stamped in. "Who…?"`
  const c = clauseSubject(doc, sFrom, end);
  if (c >= 0) return { mention: c, confidence: 0.65, cue: beatCue(doc, c) };
  return null;
}

/**
 * Words for a speaker nobody has named (`someone said`). Not `a voice`: a book may list the voice as
 * a character (`A Voice From Within`) or give it an owner (`in a voice of cold resentment said`).
 */
const INDEFINITE_SPEAKERS: ReadonlySet<string> = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody']);

/**
 * Is the speech verb at `verb` said by an indefinite subject: `someone` within the four words before
 * it, opening its clause, with no subject mention or punctuation between (`someone beside me said`:
 * `me` is an object; in `when someone laughed, Tom said` the comma ends the search)?
 */
function indefiniteSubjectBefore(doc: Document, t0: number, verb: number): boolean {
  for (let k = verb - 1, words = 0; k >= t0 && words < 4; k--) {
    if (!isWordToken(doc, k)) {
      if (doc.tokenText(k) !== '-') return false;
      continue;
    }
    words++;
    const m = mentionAtToken(doc, k);
    if (m >= 0 && isSubjectMention(doc, m)) return false;
    const w = doc.tokenText(k).toLowerCase();
    if (!INDEFINITE_SPEAKERS.has(w)) continue;
    // A subject opens its clause: after punctuation, the start, or a conjunction (`when someone said`,
    // `and somebody asked`); after a verb or a preposition it is an object (`turned to everyone and said`).
    // A name before it ends a fronted phrase (`Just behind Kate somebody said`).
    const before = k > t0 && isWordToken(doc, k - 1) ? doc.tokenText(k - 1) : '';
    return before === '' || CLAUSE_OPENING_WORDS.has(before.toLowerCase()) || /^\p{Lu}/u.test(before);
  }
  return false;
}

/** Words after which an indefinite pronoun opens a clause as its subject (`when someone said`). */
const CLAUSE_OPENING_WORDS: ReadonlySet<string> = new Set(['when', 'as', 'then', 'and', 'but', 'until', 'till', 'before', 'after', 'while', 'because', 'so', 'if', 'once', 'where', 'finally', 'suddenly']);

/** Verbs of thinking and feeling: their subject is taking something in, not acting. */
const THOUGHT_VERBS: ReadonlySet<string> = new Set(['felt', 'thought', 'knew', 'wondered', 'realised', 'realized', 'listened', 'heard']);

/**
 * The subject of a clause joined by `and` or `but` (`The back door banged open and Wren stamped in`)
 * when it is the first person the sentence names; -1 otherwise, and for one taking in what is said
 * (`and he heard…`, `and he felt that…`).
 */
function clauseSubject(doc: Document, from: number, to: number): number {
  const t0 = doc.tokenAtOrAfter(from);
  for (let t = t0; t < doc.tokenCount && doc.tokens[2 * t] < to; t++) {
    const m = mentionAtToken(doc, t);
    if (m >= 0) {
      if (t === t0 || !/^(?:and|but)$/i.test(doc.tokenText(t - 1)) || !isSubjectMention(doc, m)) return -1;
      // `and Pepper's perfume`: a possessor, no subject.
      if (isPossessor(doc, m)) return -1;
      // A subject has its verb next (`and Wren stamped in`): a lower-case word, not punctuation.
      const next = tokenAfterMention(doc, m);
      if (next >= doc.tokenCount || !isWordToken(doc, next) || !/^\p{Ll}/u.test(doc.tokenText(next))) return -1;
      // `and he heard Lord Henry's voice`, `and he felt that…`: someone taking in what another says.
      const verb = doc.tokenText(next).toLowerCase();
      return PERCEPTION_VERBS.has(verb) || THOUGHT_VERBS.has(verb) ? -1 : m;
    }
  }
  return -1;
}

/**
 * The subject of the sentence's last coordinated clause after mention `m` (`, and he shrugged`, `;
 * she laughed`) when it acts and stands for someone other than m (a different character, or a
 * pronoun of the other gender); -1 otherwise.
 */
function lastClauseSubject(doc: Document, m: number, to: number): number {
  let found = -1;
  const first = doc.mentionCharacters[m];
  const firstGender = doc.mentionGenders[m];
  for (let t = tokenAfterMention(doc, m); t + 1 < doc.tokenCount && doc.tokens[2 * t] < to; t++) {
    const w = doc.tokenText(t);
    const joined = w === ';' || (/^(?:and|but)$/i.test(w) && t > 0 && doc.tokenText(t - 1) === ',');
    if (!joined) continue;
    const c = mentionAtToken(doc, t + 1);
    const next = c >= 0 ? verbOfSubject(doc, c, to) : -1;
    if (next < 0) continue;
    // Someone acting (`and Dan looked up from his paper`, `and he shrugged`), not taking in (`and he
    // heard…`) or holding back (`but he did not answer`, `and he said nothing`).
    const verb = doc.tokenText(next).toLowerCase();
    if (PERCEPTION_VERBS.has(verb) || THOUGHT_VERBS.has(verb)) continue;
    if (/\b(?:not|never|nothing|no)\b|n['\u2019]t\b/i.test(doc.text.slice(doc.tokens[2 * next], to))) continue;
    const ch = doc.mentionCharacters[c];
    const g = doc.mentionGenders[c];
    const other = ch >= 0 ? ch !== first : (g === GenderCode.He || g === GenderCode.She) && (firstGender === GenderCode.He || firstGender === GenderCode.She) && g !== firstGender;
    found = other ? c : -1;
  }
  return found;
}

/** Words after a speech verb that say nothing was said (`and said nothing`). */
const NO_SPEECH: ReadonlySet<string> = new Set(['nothing', 'no', 'not', 'never', 'none']);

/**
 * A narration paragraph (from `from` on, if given) that introduces the quote after it: ending in `:`,
 * a dash, a comma or no mark at all, or (a whole paragraph only) in a full stop after a short closing
 * sentence that says someone speaks (closedIntro).
 */
function introParagraph(doc: Document, p: number, from = -1): Evidence | null {
  if (p < 0 || doc.paragraphKinds[p] !== ParagraphKind.Text) return null;
  const text = doc.text;
  const start = from >= 0 ? from : doc.paragraphs[2 * p];
  let end = doc.paragraphs[2 * p + 1];
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const last = text.charCodeAt(end - 1);
  // Ends in `:`, a dash, a comma (`Marianne calmly said,` ⏎ `"There, …"`) or mid-sentence (`Bull said` ⏎
  // `"I understand nothing."`).
  const open = isLetterCode(last) || last === 44;
  if (end > start && last === 46) return from < 0 && !/["\u201c\u201d]/.test(text.slice(start, end)) ? closedIntro(doc, start, end) : null;
  if (end <= start || !(last === 58 || last === 0x2014 || (last === 45 && text.charCodeAt(end - 2) === 45) || open)) return null;
  // A paragraph that merely lacks its final stop, or breaks off at a comma, is no introduction: there
  // only a speech verb among its last three words counts (`Bull said`, not `…and said nothing`).
  if (open) {
    const tEnd = doc.tokenAtOrAfter(end);
    let verbNear = false;
    for (let i = tEnd - 1, words = 0; i >= 0 && words < 8 && doc.tokens[2 * i] >= start; i--) {
      if (!isWordToken(doc, i)) continue;
      words++;
      if (NO_SPEECH.has(doc.tokenText(i).toLowerCase())) break;
      // Among the last three words, or before a manner phrase (`said in a strained voice`).
      if (isSpeechVerb(doc, i) && (words <= 3 || mannerFollows(doc, i + 1, tEnd))) verbNear = true;
    }
    if (!verbNear) return null;
  }
  const e = tagBefore(doc, start, end, open);
  return e ? { ...e, confidence: e.confidence - 0.05 } : null;
}

/**
 * A narration paragraph whose last sentence says someone speaks (`Mrs Musgrove interposed.`,
 * `Sir Thomas, trying to suppress a smile, went on.`) introduces the quote paragraph after it. The
 * speech verb must be among the sentence's last words, with nothing said to be unsaid after it
 * (`…and said no more.`).
 */
function closedIntro(doc: Document, start: number, end: number): Evidence | null {
  const s = doc.sentenceAt(end - 1);
  if (s < 0) return null;
  const from = Math.max(start, doc.sentences[4 * s]);
  // Back from the full stop over `again`, `on` and adverbs to the verb: `went on.`, `interposed.`,
  // `began again.`, `continued gravely.`, but not `went away.` or `began to laugh.`
  let k = doc.tokenAtOrAfter(end - 1) - 1;
  let particle = false;
  while (k >= 0 && doc.tokens[2 * k] >= from && (/^(?:again|on)$/i.test(doc.tokenText(k)) || isAdverb(doc, k))) {
    if (doc.tokenText(k).toLowerCase() === 'on') particle = true;
    k--;
  }
  if (k < 0 || doc.tokens[2 * k] < from) return null;
  const w = doc.tokenText(k).toLowerCase();
  if (!(INTRO_VERBS.has(w) || (particle && (w === 'went' || w === 'ran')))) return null;
  // The verb's own subject, right before it or across an insertion (`Sir Thomas, trying to suppress a
  // smile, went on.`), never a subordinate clause's (`as she spoke.`, `before the talk began.`).
  let subj = subjectRightBefore(doc, doc.tokenAtOrAfter(from), k);
  if (subj < 0) subj = distantSubject(doc, doc.tokenAtOrAfter(from), k);
  if (subj < 0) return null;
  const t = doc.tokenAtOrAfter(doc.mentions[3 * subj]);
  if (t > 0 && SUBORDINATORS.has(doc.tokenText(t - 1).toLowerCase())) return null;
  return tagEvidence(doc, subj, 0.15);
}
const SUBORDINATORS: ReadonlySet<string> = new Set(['as', 'when', 'while', 'whilst', 'before', 'after', 'till', 'until', 'if', 'though', 'although', 'because', 'since', 'once', 'whenever']);
/** Verbs that, closing a sentence, announce speech to come rather than report speech past (`smiled`, `replied`). */
const INTRO_VERBS: ReadonlySet<string> = new Set(['interposed', 'continued', 'proceeded', 'resumed', 'began', 'spoke']);

/** Words that open how something was said (`in a low voice`, `with a smile`, `like a man waking`). */
const MANNER_WORDS: ReadonlySet<string> = new Set(['in', 'with', 'without', 'like', 'after', 'as']);

/** Does a manner phrase follow a speech verb from token k (past `out`/`up` and a comma)? */
function mannerFollows(doc: Document, k: number, tEnd: number): boolean {
  while (k < tEnd && (!isWordToken(doc, k) || /^(?:out|up|on)$/i.test(doc.tokenText(k)))) {
    if (!isWordToken(doc, k) && doc.tokenText(k) !== ',') return false;
    k++;
  }
  if (k >= tEnd) return false;
  const w = doc.tokenText(k).toLowerCase();
  // `at last`, not `called at the house`.
  if (w === 'at') return k + 1 < tEnd && /^(?:last|once|length)$/i.test(doc.tokenText(k + 1));
  return MANNER_WORDS.has(w) || isAdverb(doc, k);
}

/**
 * The person a relative `who` before the verb refers to: `…looked at Ben, who said,` (right before the
 * verb), or `Mr. Allen, who, on hearing the reason, said,` (a parenthesis after `who`).
 */
function relativeAntecedent(doc: Document, t0: number, verb: number): number {
  let w = verb - 1;
  while (w > t0 && TAG_FILLERS.has(doc.tokenText(w).toLowerCase()) && doc.tokenText(w) !== ',') w--;
  if (w - 2 >= t0 && doc.tokenText(w).toLowerCase() === 'who' && doc.tokenText(w - 1) === ',') return nameEndingAt(doc, w - 2);
  for (let k = verb - 2; k - 3 >= t0 && k >= verb - 30; k--) {
    if (doc.tokenText(k) === ',' && doc.tokenText(k - 1).toLowerCase() === 'who' && doc.tokenText(k - 2) === ',') return nameEndingAt(doc, k - 3);
  }
  return -1;
}

/** A name or description (not a pronoun) whose mention ends where token k ends, or -1. */
function nameEndingAt(doc: Document, k: number): number {
  if (k < 0) return -1;
  const end = doc.tokens[2 * k + 1];
  const m = doc.mentionAtOrAfter(doc.tokens[2 * k]);
  // The mention may start at token k (`Ben`) or before it (`Mr. Thornton`).
  for (const c of [m, m - 1]) {
    if (c >= 0 && c < doc.mentionCount && doc.mentions[3 * c + 1] === end && doc.mentions[3 * c + 2] !== MentionKind.Pronoun) return c;
  }
  return -1;
}

/** `Thorpe's saying,` / `Cassandra's reply,`: the possessor before token k (a gerund or a noun of speech). */
function possessorBefore(doc: Document, k: number, t0: number): number {
  const p = k - 1;
  if (p < t0) return -1;
  const pw = doc.tokenText(p);
  // Written `Thorpe's`, `Thorpe’s`, or, with the apostrophe lost, `Thorpe s`.
  if (pw === 's' || pw === "'s" || pw === '\u2019s') return nameEndingAt(doc, p - 1);
  if (/['\u2019]s$/.test(pw)) {
    const m = mentionAtToken(doc, p);
    return m >= 0 && doc.mentions[3 * m + 2] !== MentionKind.Pronoun ? m : -1;
  }
  return -1;
}

/** Nouns of speech a possessor can stand before, right before a quote (`Cassandra's reply, "…"`). */
const SPEECH_NOUNS: ReadonlySet<string> = new Set(['reply', 'answer', 'words', 'question', 'retort', 'exclamation', 'response', 'remark', 'rejoinder', 'cry', 'voice', 'greeting', 'declaration', 'reproach', 'observation', 'inquiry', 'enquiry', 'protest', 'whisper', 'comment', 'warning', 'assurance', 'advice', 'entreaty']);

/** A lower-case `-ly` word that is no mention (`quietly`; not Molly, Lily, Sally). */
function isAdverb(doc: Document, k: number): boolean {
  const w = doc.tokenText(k);
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && w.endsWith('ly') && mentionAtToken(doc, k) < 0;
}

/** A subject mention right before the verb at token `verb`, with only fillers and adverbs between, or -1. */
function subjectRightBefore(doc: Document, t0: number, verb: number): number {
  let k = verb - 1;
  while (k > t0 && (TAG_FILLERS.has(doc.tokenText(k).toLowerCase()) || isAdverb(doc, k)) && doc.tokenText(k) !== ',') k--;
  if (k < t0) return -1;
  const name = nameEndingAt(doc, k);
  if (name >= 0) return isSubjectMention(doc, name) ? name : -1;
  const m = mentionAtToken(doc, k);
  return m >= 0 && isSubjectMention(doc, m) ? m : -1;
}

/**
 * The subject of a speech verb that other words separate from it, where the nearest name is an
 * object: `Isabella, who in a cold voice said,` (a relative clause), `Mr. Crawford, approaching
 * Julia, said,` (an insertion between commas), `Denham got up, looked at Katharine, and said:` (the
 * clause's own subject governs its coordinated verbs). -1 when the words do not have that shape.
 */
function distantSubject(doc: Document, t0: number, verb: number): number {
  const low = (k: number): string => doc.tokenText(k).toLowerCase();
  const isStop = (k: number): boolean => /^[.;:!?]$/.test(doc.tokenText(k));
  let k = verb - 1;
  while (k > t0 && (TAG_FILLERS.has(low(k)) || isAdverb(doc, k)) && low(k) !== ',') k--;
  if (k <= t0) return -1;
  // A relative `who` some words back, with no stop between: its antecedent. A comma or `and` after
  // `who` closes its clause first (`turned to Mara, who was waiting, and said`: not Mara's verb).
  for (let j = k; j - 2 >= t0 && j >= verb - 16; j--) {
    if (isStop(j) || low(j) === ',' || low(j) === 'and') break;
    if (low(j) === 'who' && doc.tokenText(j - 1) === ',') {
      return nameEndingAt(doc, j - 2);
    }
  }
  if (doc.tokenText(k) === ',') {
    for (let j = k - 1; j - 1 >= t0 && j >= k - 20; j--) {
      if (isStop(j) || (isWordToken(doc, j) && isSpeechVerb(doc, j))) break;
      if (doc.tokenText(j) !== ',') continue;
      // `Mary crossed to the telephone and, after a pause, announced:` — coordinated, below.
      if (low(j - 1) === 'and') {
        k = j - 1;
        break;
      }
      if (afterPreposition(doc, j - 1)) return -1;
      const name = nameEndingAt(doc, j - 1);
      if (name >= 0) return name;
      const m = mentionAtToken(doc, j - 1);
      return m >= 0 && doc.mentions[3 * m + 2] === MentionKind.Pronoun && isSubjectMention(doc, m) ? m : -1;
    }
    if (low(k) !== 'and') return -1;
  }
  if (low(k) === 'and') {
    // Back from `and`, the nearest mention that opens a clause (after its start, a comma or a
    // conjunction) and has a verb of its own before `and`; objects (`looked at Katharine`) are passed.
    // `, and said` after a relative clause closed by its comma coordinates with the clause before it.
    const closed = k - 1 >= t0 && doc.tokenText(k - 1) === ',';
    // `came into the room where she and Eleanor were sitting, and said`: the people of a relative
    // clause closed by that comma are not the subject; look before it.
    let from = k - 1;
    if (closed) {
      for (let r = k - 2; r > t0 && r >= k - 40; r--) {
        if (isStop(r) || low(r) === ',') break;
        if (/^(?:where|whom|whose)$/.test(low(r))) {
          from = r - 1;
          break;
        }
      }
    }
    for (let j = from; j >= t0 && j >= k - 40; j--) {
      if (isStop(j)) break;
      if (/^(?:who|which)$/.test(low(j))) {
        if (closed) continue;
        return j - 2 >= t0 && doc.tokenText(j - 1) === ',' ? nameEndingAt(doc, j - 2) : -1;
      }
      const m = mentionAtToken(doc, j);
      if (m < 0 || !isSubjectMention(doc, m)) continue;
      if (j > t0 && !CLAUSE_OPENERS.has(low(j - 1)) && doc.tokenText(j - 1) !== ',') continue;
      if (doc.tokenAtOrAfter(doc.mentions[3 * m + 1]) >= k) continue;
      return m;
    }
  }
  return -1;
}

/** Words after which a clause, and so a subject, begins. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['and', 'but', 'when', 'while', 'whilst', 'whereupon', 'as', 'that', 'then', 'so', 'until', 'till', 'because', 'where', 'why', 'how', 'if', 'though', 'although', 'after', 'before', 'once', 'since']);

function lastSubjectBefore(doc: Document, t0: number, verb: number): number {
  for (let i = verb - 1; i >= t0; i--) {
    const m = mentionAtToken(doc, i);
    // A subject pronoun after `for` opens a clause (`for she presently added,`): its case says so.
    if (m >= 0 && isSubjectMention(doc, m) && (!afterPreposition(doc, i) || opensClauseAfter(doc, i, m) || doc.mentions[3 * m + 2] === MentionKind.Pronoun)) return m;
  }
  return -1;
}

/**
 * `before John Thorpe came running upstairs`: after a word that is a conjunction as well as a
 * preposition, a mention followed by a lower-case word (its verb) is a subject.
 */
function opensClauseAfter(doc: Document, i: number, m: number): boolean {
  if (!CLAUSE_OPENERS.has(doc.tokenText(i - 1).toLowerCase())) return false;
  const next = tokenAfterMention(doc, m);
  if (next >= doc.tokenCount) return false;
  const w = doc.tokenText(next);
  return /^[a-z]{2,}$/.test(w) && !PREPOSITIONS.has(w) && !CLAUSE_WORDS.has(w);
}

/** Is token t right after a preposition (`with Godbole`): an object, not the subject? */
function afterPreposition(doc: Document, t: number): boolean {
  return t > 0 && PREPOSITIONS.has(doc.tokenText(t - 1).toLowerCase());
}

/**
 * For a line opening its paragraph after a paragraph of pure narration, the subject of that
 * narration's last sentence that has a person for subject (`She hesitated. The question had waited
 * all day.` ⏎ `"Fine."`), up to SUBJECT_SENTENCES back: whoever the narration ends on is often who
 * speaks first. -1 otherwise, and -1 when `exits` is given and that subject is leaving.
 */
export function previousParagraphSubject(doc: Document, u: number, narrator: number, exits: Uint8Array | null = null): number {
  const first = doc.utterances[2 * u];
  const p = doc.quotes[4 * first + 2];
  if (p === 0 || doc.paragraphKinds[p - 1] !== ParagraphKind.Text) return -1;
  const text = doc.text;
  let k = doc.paragraphs[2 * p];
  while (k < doc.quotes[4 * first] - 1 && isSpaceCode(text.charCodeAt(k))) k++;
  if (k !== doc.quotes[4 * first] - 1) return -1;
  // The paragraph before holds no quote.
  if (first > 0 && doc.quotes[4 * (first - 1) + 2] === p - 1) return -1;
  const ps = doc.paragraphs[2 * (p - 1)];
  let pe = doc.paragraphs[2 * (p - 1) + 1];
  for (let back = 0; back < SUBJECT_SENTENCES && pe > ps; back++) {
    const s = doc.sentenceAt(pe - 1);
    if (s < 0) return -1;
    const from = Math.max(doc.sentences[4 * s], ps);
    const m = firstSubjectMention(doc, from, pe, false);
    if (m >= 0) {
      const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
      // With `exits`: someone the narration ends on leaving (`Mary left the room.`) is nobody's pick.
      if (c >= 0) return exits !== null && exits[m] ? -1 : c;
    }
    pe = from;
  }
  return -1;
}
/** How many sentences back from a narration paragraph's end its last person subject is looked for. */
const SUBJECT_SENTENCES = 3;

/** A subject mention at the start of a sentence in [from, to) (the first sentence, or any when `anySentence`). */
export function firstSubjectMention(doc: Document, from: number, to: number, anySentence: boolean): number {
  let t = doc.tokenAtOrAfter(from);
  const nTok = doc.tokenCount;
  while (t < nTok && doc.tokens[2 * t] < to) {
    while (t < nTok && doc.tokens[2 * t] < to && !isWordToken(doc, t)) t++;
    if (t >= nTok || doc.tokens[2 * t] >= to) return -1;
    // `When he was gone, Thorne leaned in`: a leading clause of its own; the sentence's subject follows its comma.
    if (SUBORDINATORS.has(doc.tokenText(t).toLowerCase())) {
      const main = subjectAfterClause(doc, t, to);
      if (main >= 0) return main;
    }
    // Allow one sentence adverbial of up to 2 words before the subject: `Then Rook…`, `Slowly, she…`.
    for (let i = t; i < Math.min(nTok, t + 3) && doc.tokens[2 * i] < to; i++) {
      const m = mentionAtToken(doc, i);
      if (m >= 0) return isSubjectMention(doc, m) || bodyPartSubject(doc, m, to) ? m : -1;
      if (doc.text.charCodeAt(doc.tokens[2 * i]) === 46) break;
    }
    const lead = subjectAfterLeadingPhrase(doc, t, to);
    if (lead >= 0) return lead;
    if (!anySentence) return -1;
    const s = doc.sentenceAt(doc.tokens[2 * t]);
    if (s < 0 || s + 1 >= doc.sentenceCount) return -1;
    const next = doc.sentences[4 * (s + 1) + 2];
    if (next <= t) return -1;
    t = next;
  }
  return -1;
}

/**
 * The subject right after the comma that closes a leading subordinate clause opened at token t
 * (`When he was gone, Thorne leaned in`): a subject mention followed by its verb (a lower-case word),
 * within LEADING_PHRASE tokens; -1 otherwise (no comma, no subject after it, or a clause about
 * speaking: `When Dan answered, Kate could barely hear him` is Dan's).
 */
function subjectAfterClause(doc: Document, t: number, to: number): number {
  const nTok = doc.tokenCount;
  for (let i = t + 1; i < nTok && i < t + LEADING_PHRASE && doc.tokens[2 * i] < to; i++) {
    // `When Dan finally spoke, Kate leaned closer`: a clause about speaking has its speaker (not any
    // verb a tag may use: `When Lou went out to the car`, `As Kate began to clear the plates`).
    if (isWordToken(doc, i)) {
      if (CLAUSE_SPEAKING_VERBS.has(doc.tokenText(i).toLowerCase())) return -1;
      continue;
    }
    const w = doc.tokenText(i);
    if (w !== ',') {
      if (/^[.;:!?"\u201c\u201d]$/.test(w)) return -1;
      continue;
    }
    if (i + 1 >= nTok || doc.tokens[2 * (i + 1)] >= to) return -1;
    const m = mentionAtToken(doc, i + 1);
    return m >= 0 && verbOfSubject(doc, m, to) >= 0 ? m : -1;
  }
  return -1;
}

/**
 * The verb token right after mention m when m is a subject with its verb next, before `to`: a
 * subject form (not a possessor: `Rook's hand`), then a lower-case word that is no preposition or
 * clause word (`Kate leaned in`, not `Kate, who…` or `Kate and…`); -1 otherwise.
 */
function verbOfSubject(doc: Document, m: number, to: number): number {
  if (!isSubjectMention(doc, m) || isPossessor(doc, m)) return -1;
  const next = tokenAfterMention(doc, m);
  if (next >= doc.tokenCount || doc.tokens[2 * next] >= to || !isWordToken(doc, next)) return -1;
  const verb = doc.tokenText(next);
  return /^\p{Ll}/u.test(verb) && !PREPOSITIONS.has(verb) && !CLAUSE_WORDS.has(verb) ? next : -1;
}

/** Verbs that make a leading clause one about someone speaking (`When Dan finally spoke, …`). */
const CLAUSE_SPEAKING_VERBS: ReadonlySet<string> = new Set([
  'spoke', 'speaks', 'said', 'says', 'answered', 'answers', 'replied', 'replies', 'asked', 'asks', 'talked', 'talks',
  'shouted', 'shouts', 'whispered', 'whispers', 'muttered', 'mutters', 'murmured', 'murmurs', 'cried', 'cries',
]);

/** Longest opening phrase, in tokens, that a sentence's subject may follow (`Ever prone to magnify Fate, George…`). */
const LEADING_PHRASE = 16;

/**
 * The subject after an opening phrase that names nobody and ends in a comma: `Advancing, she shook
 * hands`, `Accustomed to the quiet of the country, Rook could not…`. The subject must have its verb
 * next (a lower-case word): `Slowly, Rook's hand…` is a possessor. A phrase that names someone (`When
 * Tom came in, she…`) says nothing certain about whose sentence it is, so -1.
 */
function subjectAfterLeadingPhrase(doc: Document, t: number, to: number): number {
  const nTok = doc.tokenCount;
  for (let i = t; i < nTok && i < t + LEADING_PHRASE && doc.tokens[2 * i] < to; i++) {
    if (mentionAtToken(doc, i) >= 0) return -1;
    if (isWordToken(doc, i)) continue;
    const w = doc.tokenText(i);
    if (w !== ',') {
      if (/^[.;:!?"\u201c\u201d]$/.test(w)) return -1;
      continue;
    }
    if (i === t || i + 1 >= nTok || doc.tokens[2 * (i + 1)] >= to) return -1;
    const m = mentionAtToken(doc, i + 1);
    if (m < 0) continue;
    return verbOfSubject(doc, m, to) >= 0 ? m : -1;
  }
  return -1;
}

/**
 * A pronoun naming a speaker (`he said`, `She shrugged.`): someone of that gender taking part in the
 * exchange (a speaker of the nearby lines, someone named in the narration just before), never the
 * one the quote addresses by name, and, when two of that gender are talking, usually not the
 * previous speaker. The cast stage's own resolution of the pronoun is one vote among these. Names said
 * inside quotes do not count: they are talked about.
 */
export function pronounCandidates(
  doc: Document,
  m: number,
  u: number,
  genders: Uint8Array,
  speakers: Int32Array,
  conv: Int32Array,
  para: Int32Array,
  voc: number[],
  inQuote: Uint8Array,
  addressed: readonly number[] = [],
  narrator = -1,
): Array<[number, number]> {
  // A description the cast resolved has its character's gender, not its word's (`the Captain` may be a woman).
  const resolved = doc.mentions[3 * m + 2] === MentionKind.Nominal ? doc.mentionCharacters[m] : -1;
  const g = resolved >= 0 ? genders[resolved] : doc.mentionGenders[m];
  // `said the old gentleman` is not the one the book calls `little Oliver`.
  const children = resolved < 0 && describesGrownUp(doc, m) ? childCharacters(doc) : null;
  const scores = new Map<number, number>();
  // A first-person narrator is `I` in the narration, never the `he` or `she` of a tag.
  const notNarrator = doc.mentions[3 * m + 2] === MentionKind.Pronoun ? narrator : -1;
  const add = (c: number, x: number) => {
    if (c < 0 || c === notNarrator || voc.includes(c) || children?.[c]) return;
    const cg = genders[c];
    if (g !== GenderCode.Unknown && cg !== GenderCode.Unknown && cg !== g) return;
    const penalty = g !== GenderCode.Unknown && cg === GenderCode.Unknown ? 1 : 0;
    scores.set(c, (scores.get(c) ?? -penalty) + x);
  };
  // `said her mother`: a relative of the possessor — not the possessor, likely one sharing the surname.
  const possessor = kinPossessor(doc, m);
  if (possessor >= 0) voc = [...voc, possessor];
  // `replied the other`: not the one who spoke last.
  if (u > 0 && conv[u - 1] === conv[u] && speakers[u - 1] >= 0 && isOtherReply(doc, m)) voc = [...voc, speakers[u - 1]];
  add(doc.mentionCharacters[m], RESOLVED_WEIGHT);
  // The one the previous turn spoke to answers (`"Well, Mari?" … "No," she said`), unless the
  // narration since that turn gives the pronoun someone else to stand for (freshAntecedent).
  const nU = speakers.length;
  if (addressed.length > 0) {
    const fresh = freshAntecedent(doc, m, u, genders, speakers, conv, para, inQuote);
    for (const c of addressed) if (fresh < 0 || c === fresh) add(c, ADDRESSED_WEIGHT);
  }
  let prevSpeaker = -1;
  for (let d = 1; d <= 8; d++) {
    for (const v of [u - d, u + d]) {
      if (v < 0 || v >= nU || conv[v] !== conv[u] || speakers[v] < 0) continue;
      if (v < u && prevSpeaker < 0 && para[v] !== para[u]) prevSpeaker = speakers[v];
      add(speakers[v], 1.5 - 0.15 * d);
    }
  }
  const pos = doc.mentions[3 * m];
  for (let k = m - 1, seen = 0; k >= 0 && seen < 30; k--, seen++) {
    if (pos - doc.mentions[3 * k] > 1500) break;
    const r = doc.mentionCharacters[k];
    // Names said inside quotes are talked about, not present.
    if (r >= 0 && doc.mentions[3 * k + 2] !== MentionKind.Pronoun && !inQuote[k]) add(r, 1 - seen * 0.03);
  }
  if (possessor >= 0) {
    for (const [c, x] of scores) if (sharesSurname(doc, c, possessor)) scores.set(c, x + KIN_SURNAME_WEIGHT);
  }
  if (prevSpeaker >= 0 && scores.has(prevSpeaker) && scores.size > 1) {
    scores.set(prevSpeaker, (scores.get(prevSpeaker) ?? 0) - PREV_PENALTY);
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}


/** How many narration sentences that name someone (others are passed over) a tag pronoun's antecedent is looked for in. */
const ANTECEDENT_SENTENCES = 3;
/** Words after which a name is an object, not the subject of a clause (`told Anne`, `thanked Mara`). */
const OBJECT_VERBS: ReadonlySet<string> = new Set(['told', 'asked', 'saw', 'thanked', 'followed', 'watched', 'kissed', 'met', 'found', 'left', 'joined', 'called', 'answered', 'interrupted', 'addressed', 'heard', 'let', 'made', 'gave', 'showed', 'helped', 'begged', 'bade', 'bid', 'assured', 'reminded', 'warned', 'urged', 'pressed', 'seized', 'took', 'led', 'brought', 'sent', 'knew', 'loved', 'married', 'than']);

/**
 * The antecedent of a speech-tag pronoun read as a reader does: in the nearest narration sentence
 * before it (up to ANTECEDENT_SENTENCES back) that holds someone of its gender, the *last* one in
 * subject position — the subject of the latest clause, `When Mara left, Rook turned. "…," he said` —
 * where the cast stage takes the sentence's leftmost. Names, descriptions the cast resolved, and
 * subject pronouns the cast resolved (a chain of `he … he`) count; objects (`told Anne`, `to Anne`)
 * and possessives do not. Only mentions from offset `from` on are read. -1 when no sentence holds one.
 */
export function tagAntecedent(doc: Document, m: number, g: number, genders: Uint8Array, inQuote: Uint8Array, from = 0): number {
  const pos = doc.mentions[3 * m];
  let sentence = -1;
  let sentencesSeen = 0;
  let best = -1;
  for (let k = m - 1; k >= 0 && pos - doc.mentions[3 * k] < 3000 && doc.mentions[3 * k] >= from; k--) {
    if (inQuote[k]) continue;
    const ks = doc.mentions[3 * k];
    const s = doc.sentenceAt(ks);
    if (s !== sentence) {
      if (best >= 0) return best;
      if (++sentencesSeen > ANTECEDENT_SENTENCES) return -1;
      sentence = s;
    }
    const c = doc.mentionCharacters[k];
    if (c < 0) continue;
    const kind = doc.mentions[3 * k + 2];
    if (kind === MentionKind.FirstPerson) continue;
    if (g !== GenderCode.Unknown && genders[c] !== g && genders[c] !== GenderCode.Unknown) continue;
    if (kind === MentionKind.Pronoun && !/^(?:he|she)$/i.test(doc.mentionText(k))) continue;
    if (isPossessor(doc, k)) continue; // `Anne's`
    const t = doc.tokenAtOrAfter(ks);
    const sentStart = doc.sentences[4 * s + 2];
    if (t > sentStart) {
      const w = doc.tokenText(t - 1).toLowerCase();
      if (!CLAUSE_OPENERS.has(w) && (PREPOSITIONS.has(w) || OBJECT_VERBS.has(w))) continue;
    }
    // Walking backwards: the first one found is the last in the sentence.
    if (best < 0) best = c;
  }
  return best;
}

/** Is mention m followed by an apostrophe (`Anne's`, `Tam’s boat`): a possessor, not a subject or object? */
export function isPossessor(doc: Document, m: number): boolean {
  const after = doc.text.charCodeAt(doc.mentions[3 * m + 1]);
  return after === 39 || after === 0x2019;
}

/** Tag verbs that carry one speaker on (`continued the other` is the one who spoke last). */
const GOING_ON_VERBS: ReadonlySet<string> = new Set(['continued', 'resumed', 'added', 'pursued', 'persisted', 'repeated', 'went', 'proceeded']);

/** Is mention m `the other` in a tag that answers (`replied the other`, `the other said`, not `continued the other`)? */
export function isOtherReply(doc: Document, m: number): boolean {
  if (!/^the\s+other$/i.test(doc.mentionText(m))) return false;
  const after = tokenAfterMention(doc, m);
  if (after < doc.tokenCount && GOING_ON_VERBS.has(doc.tokenText(after).toLowerCase())) return false;
  let t = doc.tokenAtOrAfter(doc.mentions[3 * m]) - 1;
  // `went on the other`: past the particle to the verb.
  if (t >= 0 && doc.tokenText(t).toLowerCase() === 'on') t--;
  return t < 0 || !GOING_ON_VERBS.has(doc.tokenText(t).toLowerCase());
}

/** How a voice tags a line (RuleState.voiceTags). */
export const VoiceTag = {
  None: 0,
  /** `cried a voice`, `replied a tremulous voice`: someone unseen, heard for the first time. */
  New: 1,
  /** `said the voice`, `said the voice from below`: the voice heard last. */
  Known: 2,
  /** `cried the same voice`: the voice heard last goes on (with none heard, the last speaker is not ruled out). */
  Same: 3,
  /** `the voice of Aziz`: its owner is named. */
  Owned: 4,
} as const;

/**
 * How the utterance's tag names a voice (`"Who's there?" cried a voice`, `said the voice from
 * below`, `the same voice`, `the voice of Aziz`): a VoiceTag code, VoiceTag.None for any other tag.
 */
function voiceTag(doc: Document, u: number): number {
  const first = doc.utterances[2 * u];
  const p = doc.quotes[4 * first + 2];
  const pEnd = doc.paragraphs[2 * p + 1];
  let t = doc.tokenAtOrAfter(skipCloseMark(doc.text, doc.quotes[4 * first + 1]));
  while (t < doc.tokenCount && doc.tokens[2 * t] < pEnd && !isWordToken(doc, t)) {
    if (/^[.!?;]$/.test(doc.tokenText(t)) || doc.tokens[2 * t] >= doc.quotes[4 * first + 1] + 4) return VoiceTag.None;
    t++;
  }
  if (t >= doc.tokenCount || doc.tokens[2 * t] >= pEnd) return VoiceTag.None;
  const verb = doc.tokenText(t).toLowerCase();
  if (!SPEECH_VERBS.has(verb) && verb !== 'came') return VoiceTag.None;
  const det = t + 1 < doc.tokenCount ? doc.tokenText(t + 1).toLowerCase() : '';
  if (det !== 'a' && det !== 'the') return VoiceTag.None;
  let same = false;
  for (let i = t + 2; i < doc.tokenCount && i <= t + 5 && doc.tokens[2 * i] < pEnd; i++) {
    const w = doc.tokenText(i);
    if (w === 'voice') {
      if (i + 1 < doc.tokenCount && doc.tokenText(i + 1) === 'of') return VoiceTag.Owned;
      return same ? VoiceTag.Same : det === 'a' ? VoiceTag.New : VoiceTag.Known;
    }
    if (w === 'same' && det === 'the') same = true;
    else if (!/^\p{Ll}/u.test(w) || mentionAtToken(doc, i) >= 0) return VoiceTag.None;
  }
  return VoiceTag.None;
}

/** How many lines back, in one conversation, `the voice` looks for the voice it means. */
const VOICE_REACH = 6;

/**
 * The earlier line whose voice line u's `said the voice` or `cried the same voice` means: the last
 * line of the conversation that a voice spoke, a few lines back at most. -1 when there is none, or
 * when line u's tag does not refer back to a voice.
 */
export function voiceReferent(voiceTags: Uint8Array, conv: Int32Array, u: number): number {
  const tag = voiceTags[u];
  if (tag !== VoiceTag.Known && tag !== VoiceTag.Same) return -1;
  for (let v = u - 1; v >= 0 && v >= u - VOICE_REACH && conv[v] === conv[u]; v--) if (voiceTags[v] !== VoiceTag.None) return v;
  return -1;
}

/**
 * Does the voice tag of line u say it is someone other than the one who spoke just before? `cried a
 * voice` does. `said the voice` does unless the voice it means spoke that line (`"Come in," said a
 * voice. Mara waited. "Closer," said the voice.`); `the same voice` only when the voice it means
 * spoke before that (`"Hallo!" cried a voice. "Hush," said Tam. "Hallo!" cried the same voice.`).
 */
export function voiceIsAnother(voiceTags: Uint8Array, conv: Int32Array, u: number): boolean {
  const tag = voiceTags[u];
  if (tag === VoiceTag.New) return true;
  if (tag !== VoiceTag.Known && tag !== VoiceTag.Same) return false;
  const v = voiceReferent(voiceTags, conv, u);
  return v >= 0 ? v < u - 1 : tag === VoiceTag.Known;
}

/**
 * The person the narration after a voice tag names, in the same paragraph: the first name or
 * description that is no preposition's object, no possessor, and not someone taking the voice in
 * (`which Rook thought he had heard before`). -1 when there is none.
 */
function voiceOwner(doc: Document, u: number): number {
  const first = doc.utterances[2 * u];
  const p = doc.quotes[4 * first + 2];
  const pEnd = doc.paragraphs[2 * p + 1];
  const from = doc.quotes[4 * first + 1];
  // Up to the next quote of the paragraph: names inside it are talked about.
  const to = first + 1 < doc.quoteCount && doc.quotes[4 * (first + 1) + 2] === p ? doc.quotes[4 * (first + 1)] : pEnd;
  for (let m = doc.mentionAtOrAfter(from); m < doc.mentionCount && doc.mentions[3 * m] < to; m++) {
    const kind = doc.mentions[3 * m + 2];
    if (kind === MentionKind.Pronoun || kind === MentionKind.FirstPerson || doc.mentionCharacters[m] < 0) continue;
    const t = doc.tokenAtOrAfter(doc.mentions[3 * m]);
    if (isPossessor(doc, m)) continue;
    if (afterPreposition(doc, t) && doc.tokenText(t - 1).toLowerCase() !== 'of') continue;
    const next = tokenAfterMention(doc, m);
    const verb = next < doc.tokenCount ? doc.tokenText(next).toLowerCase() : '';
    if (PERCEPTION_VERBS.has(verb) || THOUGHT_VERBS.has(verb)) continue;
    return m;
  }
  return -1;
}

/** Heads of a description of a grown-up (`the man`, `the old lady`); `young`, `younger` or `little` before them may be a child. */
const GROWN_UP_HEADS: ReadonlySet<string> = new Set(['man', 'gentleman', 'woman', 'lady']);
const OLD_WORDS: ReadonlySet<string> = new Set(['old', 'elderly', 'aged']);

/** Does description m say a grown-up (`the gentleman`, `the old woman`, `the elderly clerk`)? */
export function describesGrownUp(doc: Document, m: number): boolean {
  if (doc.mentions[3 * m + 2] !== MentionKind.Nominal) return false;
  const words = doc.mentionText(m).toLowerCase().split(/\s+/);
  if (words.some((w) => OLD_WORDS.has(w))) return true;
  return GROWN_UP_HEADS.has(words[words.length - 1]) && !words.some((w) => w.startsWith('young') || w === 'little');
}

/**
 * How often the text must call someone `little Oliver` for them to be a child. (`Master` is no sign
 * of one: in much fan fiction it is an adult's title, `Master Kenobi`, `Master Bruce`.)
 */
const CHILD_CALLS = 3;
const childCache = new WeakMap<Document, Uint8Array>();
/**
 * Characters the text calls a child: `little` before one of their names (`little Oliver`) three
 * times or more. A name that is itself `Little …` does not count.
 */
export function childCharacters(doc: Document): Uint8Array {
  let out = childCache.get(doc);
  if (out) return out;
  const byWord = new Map<string, number[]>();
  doc.characters.forEach((ch, c) => {
    for (const name of [ch.name, ...ch.aliases]) {
      for (const w of name.split(/\s+/)) {
        if (!/^[A-Z][a-z]{2,}$/.test(w) || w === 'Little' || HONORIFICS.has(w.toLowerCase())) continue;
        const list = byWord.get(w) ?? byWord.set(w, []).get(w)!;
        if (!list.includes(c)) list.push(c);
      }
    }
  });
  const calls = new Int32Array(doc.characters.length);
  for (let t = 0; t + 1 < doc.tokenCount; t++) {
    const c0 = doc.text.charCodeAt(doc.tokens[2 * t]);
    if (c0 !== 108 && c0 !== 76) continue; // l, L: read no other word
    const w = doc.tokenText(t);
    if (w !== 'little' && w !== 'Little') continue;
    const next = byWord.get(doc.tokenText(t + 1));
    if (next?.length === 1) calls[next[0]]++;
  }
  out = new Uint8Array(doc.characters.length);
  doc.characters.forEach((ch, c) => {
    const listedLittle = [ch.name, ...ch.aliases].some((n) => /^little /i.test(n));
    if (calls[c] >= CHILD_CALLS && !listedLittle) out[c] = 1;
  });
  childCache.set(doc, out);
  return out;
}

/** The last utterance of the paragraph of speech before utterance u's, or -1. */
function previousTurn(u: number, para: Int32Array): number {
  let v = u - 1;
  while (v >= 0 && para[v] === para[u]) v--;
  return v;
}

/** Did c speak the previous turn of utterance u's conversation? */
export function previousTurnSpeaker(u: number, para: Int32Array, conv: Int32Array, speakers: Int32Array, c: number): boolean {
  const v = previousTurn(u, para);
  return v >= 0 && conv[v] === conv[u] && speakers[v] === c;
}

/**
 * The antecedent a reader gives the pronoun m of utterance u's tag from the narration since the
 * previous turn of speech (the narration paragraphs between, and the line's own paragraph before
 * it), when that is not the previous turn's speaker: someone the narration brings forward
 * (`Idris came in.` ⏎ `"Don't," he said`). -1 for no pronoun, no such antecedent, or the one who
 * just spoke (`"Well, Rook?" asked Mara.` ⏎ `She waited.` ⏎ `"No," she said` is the other's answer).
 */
export function freshAntecedent(
  doc: Document,
  m: number,
  u: number,
  genders: Uint8Array,
  speakers: Int32Array,
  conv: Int32Array,
  para: Int32Array,
  inQuote: Uint8Array,
): number {
  if (doc.mentions[3 * m + 2] !== MentionKind.Pronoun) return -1;
  const v = previousTurn(u, para);
  const from = v >= 0 ? doc.paragraphs[2 * (para[v] + 1)] : 0;
  const c = tagAntecedent(doc, m, doc.mentionGenders[m], genders, inQuote, from);
  return c >= 0 && previousTurnSpeaker(u, para, conv, speakers, c) ? -1 : c;
}

/**
 * For a kinship description (`her mother`, `Mara's elder brother`), the character its possessor
 * resolves to (the possessive pronoun or name that starts at the same offset), or -1.
 */
export function kinPossessor(doc: Document, m: number): number {
  if (doc.mentions[3 * m + 2] !== MentionKind.Nominal || m + 1 >= doc.mentionCount || doc.mentions[3 * (m + 1)] !== doc.mentions[3 * m]) return -1;
  const words = doc.mentionText(m).toLowerCase().split(/\s+/);
  if (!KINSHIP_NOUNS.has(words[words.length - 1])) return -1;
  return doc.mentionCharacters[m + 1];
}

/**
 * Whom a description owned by a name belongs to (`Kit's brother`, `Mr. Bumble's good lady`: the name
 * that starts where it does), or -1. Whoever it describes, it is not its owner. (Not `his valet`:
 * the pronoun's own resolution is too often the one it describes, `said her mother` read as the
 * mother's `her`; the ranker weighs those.)
 */
export function descriptionOwner(doc: Document, m: number): number {
  if (doc.mentions[3 * m + 2] !== MentionKind.Nominal || m + 1 >= doc.mentionCount || doc.mentions[3 * (m + 1)] !== doc.mentions[3 * m]) return -1;
  return doc.mentions[3 * (m + 1) + 2] === MentionKind.Proper ? doc.mentionCharacters[m + 1] : -1;
}

/** Do characters a and b share a family name (`Mrs. Vale` and `Tamsin Vale`)? */
export function sharesSurname(doc: Document, a: number, b: number): boolean {
  const family = surnames(doc.characters[b]);
  return family.length > 0 && surnames(doc.characters[a]).some((w) => family.includes(w));
}

/** The family names a character goes by: the last word of each name or alias of two words or more. */
function surnames(c: { name: string; aliases: readonly string[] }): string[] {
  const out: string[] = [];
  for (const n of [c.name, ...c.aliases]) {
    const w = n.trim().split(/\s+/);
    const last = w[w.length - 1].toLowerCase();
    if (w.length > 1 && last.length > 2 && !out.includes(last)) out.push(last);
  }
  return out;
}

/** Whom the previous turn of the conversation (an earlier paragraph) calls by name or is said to, its speaker left out. */
export function addressedBefore(
  u: number,
  para: Int32Array,
  conv: Int32Array,
  speakers: Int32Array,
  vocatives: readonly number[][],
  spokenTo: readonly number[][],
  runFirst: Int32Array,
): number[] {
  // Step over the paragraph's earlier utterances by runs, not one by one (a huge paragraph stays linear).
  let v = u - 1;
  while (v >= 0 && para[v] === para[u]) v = runFirst[v] - 1;
  if (v < 0 || conv[v] !== conv[u]) return [];
  const out: number[] = [];
  for (const c of vocatives[v]) if (c !== speakers[v] && !out.includes(c)) out.push(c);
  for (const c of spokenTo[v]) if (c !== speakers[v] && !out.includes(c)) out.push(c);
  return out;
}

/** A description owned by someone other than the speaker (`your brother`, `her father`); titles of address (`Your Grace`) are no descriptions. */
const THIRD_PARTY_DESCRIPTION = /^(?:your|his|her|their|our|its)\s/i;

/** Vocatives inside the utterance: names set off by commas or the quote's edges (`"Sit down, Mari."`). */
function findVocatives(doc: Document, u: number): number[] {
  const out: number[] = [];
  const text = doc.text;
  for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1]; k++) {
    const s = doc.quotes[4 * k];
    const e = doc.quotes[4 * k + 1];
    for (let m = doc.mentionAtOrAfter(s); m < doc.mentionCount && doc.mentions[3 * m] < e; m++) {
      const c = doc.mentionCharacters[m];
      if (c < 0) continue;
      const kind = doc.mentions[3 * m + 2];
      if (kind !== MentionKind.Proper && kind !== MentionKind.Nominal) continue;
      const ms = doc.mentions[3 * m];
      const me = doc.mentions[3 * m + 1];
      // `Your brother, …` talks about someone (a title called so, `Your Majesty`, is no description).
      if (kind === MentionKind.Nominal && THIRD_PARTY_DESCRIPTION.test(text.slice(ms, me))) continue;
      const before = prevNonSpace(text, ms - 1, s);
      const after = nextNonSpace(text, me, e);
      // Dashes close a vocative too: `—`, `–`, or the typed `--`.
      const beforeOk = before === -1 || before === 44 || before === 0x2014 || before === 0x2013 || before === 45 || wordBefore(text, ms, s) === 'oh' || wordBefore(text, ms, s) === 'dear';
      const afterOk = after === -1 || after === 44 || after === 33 || after === 63 || after === 46 || after === 0x2014 || after === 0x2013 || after === 59 || (after === 45 && text.charCodeAt(nextNonSpaceAt(text, me, e) + 1) === 45);
      // A name opening a later sentence of the line and closed by a comma or a mark is a call too:
      // `… If so I go elsewhere. Mr. Ali, how are you?`
      const sentenceOpen = (before === 46 || before === 33 || before === 63) && (after === 44 || after === 33 || after === 63);
      if ((sentenceOpen || (beforeOk && afterOk)) && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

/**
 * Words of address that stand for one person in this story (`Father,` — addressReferents, learned
 * from the name-tagged lines that answer them or that they answer) call that person as a name would: added to the line's vocatives
 * (and so to those it rules out as its speaker), unless the line's own tag names them.
 */
function calledByWords(doc: Document, speakers: Int32Array, cues: string[], conv: Int32Array, para: Int32Array, genders: Uint8Array, vocatives: number[][], notSpeaker: number[][]): void {
  const words = addressWords(doc);
  const nU = words.length;
  const tagged = (u: number, v: number): number => {
    if (v < 0 || v >= nU || conv[v] !== conv[u] || para[v] === para[u] || speakers[v] < 0 || speakers[v] === speakers[u]) return -1;
    return cues[v] === Cue.TagName || cues[v] === Cue.Narrator ? speakers[v] : -1;
  };
  // The tagged line after it, else the one before: in an exchange both are the one called.
  const answerer = (u: number): number => {
    const next = tagged(u, u + 1);
    return next >= 0 ? next : tagged(u, u - 1);
  };
  const referents = addressReferents(words, answerer, genders);
  if (referents.size === 0) return;
  for (let u = 0; u < nU; u++) {
    for (const w of words[u]) {
      const c = referents.get(w);
      if (c === undefined || c === speakers[u] || vocatives[u].includes(c)) continue;
      if (notSpeaker[u] !== vocatives[u] && !notSpeaker[u].includes(c)) notSpeaker[u].push(c);
      vocatives[u].push(c);
    }
  }
}

/** Words after which `to X` names whom a line is said to (`said to`, `turning to`, `nodding to`). */
const TOWARD_WORDS: ReadonlySet<string> = new Set(['to', 'towards', 'toward']);
const TURN_WORDS: ReadonlySet<string> = new Set(['turning', 'turned', 'turns', 'nodding', 'nodded', 'bowing', 'bowed', 'appealing', 'appealed', 'calling', 'called', 'addressing', 'addressed']);
/** Speech-list verbs that are movement before `to` (`went to Mari`, `returned to Rook`): not said to anyone. */
const MOTION_WORDS: ReadonlySet<string> = new Set(['went', 'go', 'goes', 'going', 'returned', 'returns', 'returning', 'came', 'come', 'comes']);
const LOOK_WORDS: ReadonlySet<string> = new Set(['looking', 'looked', 'glancing', 'glanced', 'smiling', 'smiled', 'staring', 'stared', 'gazing', 'gazed', 'nodding', 'nodded', 'winking', 'winked', 'frowning', 'frowned']);

/**
 * Whom the narration beside a line says it is spoken to: `said to Mari`, `turning to Rook`,
 * `addressing Lady Vane`, `looking at Tam`. Read in the narration of the utterance's paragraph next
 * to its spans (a short reach each side).
 */
function findSpokenTo(doc: Document, u: number): { all: number[]; inTag: number[] } {
  let out: number[] = [];
  const q = doc.quotes;
  const first = doc.utterances[2 * u];
  const end = doc.utterances[2 * u + 1];
  const scan = (from: number, to: number) => {
    if (to <= from) return;
    for (let t = doc.tokenAtOrAfter(from); t + 1 < doc.tokenCount && doc.tokens[2 * t] < to; t++) {
      const w = doc.tokenText(t).toLowerCase();
      let trigger = false;
      if (w === 'addressing' || w === 'addressed') trigger = true;
      else if (w === 'at' && t > 0 && LOOK_WORDS.has(doc.tokenText(t - 1).toLowerCase())) trigger = true;
      else if (TOWARD_WORDS.has(w)) {
        for (let b = t - 1; b >= 0 && b >= t - 3; b--) {
          const bw = doc.tokenText(b).toLowerCase();
          if ((SPEECH_VERBS.has(bw) && !MOTION_WORDS.has(bw)) || TURN_WORDS.has(bw)) {
            trigger = true;
            break;
          }
        }
      }
      if (!trigger) continue;
      let n = t + 1;
      if (doc.tokenText(n).toLowerCase() === 'the' && mentionAtToken(doc, n) < 0) n++;
      const m = n < doc.tokenCount && doc.tokens[2 * n] < to ? mentionAtToken(doc, n) : -1;
      if (m < 0) continue;
      const kind = doc.mentions[3 * m + 2];
      const c = doc.mentionCharacters[m];
      if (c >= 0 && (kind === MentionKind.Proper || kind === MentionKind.Nominal) && !out.includes(c)) out.push(c);
    }
  };
  const REACH = 250;
  for (let k = first; k < end; k++) {
    const p = q[4 * k + 2];
    const from = skipCloseMark(doc.text, q[4 * k + 1]);
    const nextQuote = k + 1 < doc.quoteCount && q[4 * (k + 1) + 2] === p ? q[4 * (k + 1)] : doc.paragraphs[2 * p + 1];
    scan(from, Math.min(nextQuote, from + REACH));
  }
  const inTag = out;
  out = inTag.slice();
  const p0 = q[4 * first + 2];
  const prevEnd = first > 0 && q[4 * (first - 1) + 2] === p0 ? q[4 * (first - 1) + 1] : doc.paragraphs[2 * p0];
  scan(Math.max(prevEnd, q[4 * first] - REACH), q[4 * first]);
  return { all: out, inTag };
}

function prevNonSpace(text: string, i: number, floor: number): number {
  while (i >= floor && isSpaceCode(text.charCodeAt(i))) i--;
  return i < floor ? -1 : text.charCodeAt(i);
}
function nextNonSpaceAt(text: string, i: number, ceil: number): number {
  while (i < ceil && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}
function nextNonSpace(text: string, i: number, ceil: number): number {
  while (i < ceil && isSpaceCode(text.charCodeAt(i))) i++;
  return i >= ceil ? -1 : text.charCodeAt(i);
}
function wordBefore(text: string, pos: number, floor: number): string {
  let e = pos;
  while (e > floor && !isLetterCode(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > floor && isLetterCode(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}

/**
 * Conversation ids per utterance: a new conversation starts at a chapter heading, a scene break, a
 * telephone call (startsCall), or when the narration between two quote paragraphs is longer than
 * CONVERSATION_GAP characters. A call lasts until it is hung up, or narration (or a line's own
 * tag or beat) names someone who is not on it. `calls` holds, per conversation id, the two people on
 * the line (callParties; -1 -1 for no call).
 */
function conversationIds(doc: Document, para: Int32Array, narrator: number, inQuote: Uint8Array): { conv: Int32Array; calls: Int32Array } {
  const nU = para.length;
  const conv = new Int32Array(nU);
  const calls: number[] = [-1, -1];
  let id = 0;
  // A story may open on a call: the few paragraphs before its first line.
  if (nU > 0) {
    for (let p = Math.max(0, para[0] - 3); p < para[0]; p++) {
      const parties = doc.paragraphKinds[p] === ParagraphKind.Text && startsCall(doc, p) ? callParties(doc, p, narrator) : null;
      if (parties && parties[1] >= 0) [calls[0], calls[1]] = parties;
    }
  }
  for (let u = 1; u < nU; u++) {
    const p0 = para[u - 1];
    const p1 = para[u];
    let gap = 0;
    let broken = false;
    let call: [number, number] | null = null;
    const onCall = (): boolean => (call ? call[0] >= 0 : calls[2 * id] >= 0 && !broken);
    for (let p = p0 + 1; p < p1; p++) {
      if (doc.paragraphKinds[p] !== ParagraphKind.Text) {
        broken = true;
        call = null;
        continue;
      }
      // A call whose other end the narration does not name (`Tony answered it.`) is left to the
      // talk around it: turn-taking has nobody to give the caller's lines to.
      const parties = startsCall(doc, p) ? callParties(doc, p, narrator) : null;
      if (parties && parties[1] >= 0) {
        broken = true;
        call = parties;
      } else if (onCall() && (hangsUp(doc, p) || namesOthers(doc, p, narrator, call ? call[0] : calls[2 * id], call ? call[1] : calls[2 * id + 1], inQuote))) {
        // Back from the call: the people around take up the talk again.
        broken = true;
        call = null;
      }
      gap += doc.paragraphs[2 * p + 1] - doc.paragraphs[2 * p];
      // A long narration ends the talk; a call later in it still starts one (each paragraph is read once).
      if (gap > CONVERSATION_GAP && !call) broken = true;
    }
    // On a call, a line whose own tag or beat names someone not on it is the room again (`"Who was that?" Tobin asks.`).
    if (p1 !== p0 && onCall() && namesOthers(doc, p1, narrator, call ? call[0] : calls[2 * id], call ? call[1] : calls[2 * id + 1], inQuote)) {
      broken = true;
      call = null;
    }
    if (broken) {
      id++;
      calls.push(call ? call[0] : -1, call ? call[1] : -1);
    }
    conv[u] = id;
  }
  return { conv, calls: Int32Array.from(calls) };
}

/** The character a narration mention stands for (the narrator for `I`), or -1. */
function narrationCharacter(doc: Document, m: number, narrator: number): number {
  return doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
}

/**
 * The people of a call from the paragraph that starts it: the one who takes it and the caller. The
 * caller is the one the narration names as such (`It was Tony.`, `It was Brenda's voice.`, a name
 * standing alone: `My phone buzzes. Mum.`, `a call from Tony`); the one who takes it is the subject
 * of the answering (`Pepper answered her phone`, `I answer it`), whoever watches (`Rhodey watched as
 * Pepper answered`). Failing those, the first two characters named, in order. The second is -1 when
 * only one is found.
 */
function callParties(doc: Document, p: number, narrator: number): [number, number] {
  const start = doc.paragraphs[2 * p];
  const end = doc.paragraphs[2 * p + 1];
  let first = -1;
  let second = -1;
  let caller = -1;
  let taker = -1;
  for (let m = doc.mentionAtOrAfter(start); m < doc.mentionCount && doc.mentions[3 * m] < end; m++) {
    const c = narrationCharacter(doc, m, narrator);
    if (c < 0) continue;
    if (first < 0) first = c;
    else if (second < 0 && c !== first) second = c;
    const ms = doc.mentions[3 * m];
    const me = doc.mentions[3 * m + 1];
    const before = doc.text.slice(Math.max(start, ms - 12), ms).toLowerCase();
    // A caller is named (`It was his telephone.` is no call from him).
    const named = doc.mentions[3 * m + 2] === MentionKind.Proper || doc.mentions[3 * m + 2] === MentionKind.Nominal;
    if (caller < 0 && named && (/\b(?:it\s+was|it['\u2019]s|it\s+is|from)\s+$/.test(before) || standsAlone(doc, ms, me, start, end))) caller = c;
    // The subject right before an answering word (`Pepper answered`, `I pick up`).
    if (taker < 0) {
      const t = doc.tokenAtOrAfter(me);
      const w = t < doc.tokenCount && doc.tokens[2 * t] < end ? doc.tokenText(t).toLowerCase() : '';
      if (ANSWER_WORDS.has(w) || PICK_WORDS.has(w)) taker = c;
    }
  }
  if (caller >= 0) {
    const other = taker >= 0 && taker !== caller ? taker : first !== caller ? first : second;
    return other >= 0 ? [other, caller] : [caller, -1];
  }
  return [first, second];
}

/** Is the mention [s, e) a sentence of its own (`Mum.`)? */
function standsAlone(doc: Document, s: number, e: number, floor: number, ceil: number): boolean {
  let i = s;
  while (i > floor && isSpaceCode(doc.text.charCodeAt(i - 1))) i--;
  const prev = i > floor ? doc.text.charCodeAt(i - 1) : 46;
  const next = e < ceil ? doc.text.charCodeAt(e) : 46;
  return (prev === 46 || prev === 33 || prev === 63) && (next === 46 || next === 33 || next === 63);
}

/** Does paragraph p name someone other than a and b outside its quotes? */
function namesOthers(doc: Document, p: number, narrator: number, a: number, b: number, inQuote: Uint8Array): boolean {
  const end = doc.paragraphs[2 * p + 1];
  for (let m = doc.mentionAtOrAfter(doc.paragraphs[2 * p]); m < doc.mentionCount && doc.mentions[3 * m] < end; m++) {
    if (inQuote[m]) continue;
    const c = narrationCharacter(doc, m, narrator);
    if (c >= 0 && c !== a && c !== b) return true;
  }
  return false;
}

/** Nouns of a telephone. */
const PHONE_NOUNS: ReadonlySet<string> = new Set(['phone', 'telephone', 'mobile', 'cellphone', 'receiver', 'handset']);
/** Any of them in a text, or a ringing (a cheap test before reading words). */
const PHONE_TEXT = /phone|mobile|receiver|handset|\bring|\brang/i;
/** Words that say a call comes in or is made (`it rang`, `the phone was ringing`, `she dialled`): a call on their own. */
const RING_WORDS: ReadonlySet<string> = new Set(['rang', 'ring', 'rings', 'ringing', 'dialled', 'dialed', 'dial', 'dials', 'dialling', 'dialing']);
/** Words that take a call (`I answer it`, `answered her phone`): a call on their own. */
const ANSWER_WORDS: ReadonlySet<string> = new Set(['answered', 'answers', 'answer', 'answering']);
/** A phone that buzzes may hold a message; picking it up may be to read one: a call only together (`It buzzes. I pick up.`). */
const BUZZ_WORDS: ReadonlySet<string> = new Set(['buzzed', 'buzz', 'buzzes', 'buzzing', 'vibrated', 'vibrates', 'vibrating']);
const PICK_WORDS: ReadonlySet<string> = new Set(['picked', 'pick', 'picks', 'picking']);
/** A sentence with one of these is about a call not taken (`She didn't answer.`, `He ignored it.`). */
const NOT_TAKEN = /\b(?:not|never|ignored?|ignores|ignoring|\w+n['\u2019]t)\b/i;
/** Hanging up (`I hang up.`, `the line went dead`, `put the phone down`). */
const HANG_UP = /\b(?:hang|hangs|hung|hanging)\s+up\b|\bline\s+(?:went|goes)\s+dead\b|\bput\s+(?:the|his|her|my|their)\s+(?:phone|receiver)\s+down\b|\bends?\s+the\s+call\b|\bended\s+the\s+call\b/i;

/**
 * Does narration paragraph p say a telephone call starts (`My phone buzzes. Mum. I answer it.`,
 * `He heard the telephone ringing downstairs.`)? The lines after it are an exchange with someone
 * elsewhere: the talk in the room does not carry across it. A phone is named, and in sentences that
 * do not deny it, it rings, is dialled or answered, or it buzzes and is picked up.
 */
export function startsCall(doc: Document, p: number): boolean {
  const start = doc.paragraphs[2 * p];
  const end = doc.paragraphs[2 * p + 1];
  // Most narration names no phone: one scan of the text before reading its words.
  if (!PHONE_TEXT.test(doc.text.slice(start, end))) return false;
  let phone = false;
  let ring = false;
  let rings = 0;
  let personRung = false;
  let rangSomeone = false;
  let buzz = false;
  let pick = false;
  let sentence = -1;
  let denied = false;
  for (let t = doc.tokenAtOrAfter(start); t < doc.tokenCount && doc.tokens[2 * t] < end; t++) {
    const c = doc.text.charCodeAt(doc.tokens[2 * t]);
    if (c === 34 || c === 0x201c) return false; // a paragraph with speech in it is a turn, not this
    const w = doc.tokenText(t).toLowerCase();
    if (PHONE_NOUNS.has(w)) {
      phone = true;
      continue;
    }
    const ringing = RING_WORDS.has(w) || ANSWER_WORDS.has(w);
    if (!ringing && !BUZZ_WORDS.has(w) && !PICK_WORDS.has(w)) continue;
    const s = doc.sentenceAt(doc.tokens[2 * t]);
    if (s !== sentence) {
      sentence = s;
      denied = s >= 0 && NOT_TAKEN.test(doc.text.slice(Math.max(start, doc.sentences[4 * s]), Math.min(end, doc.sentences[4 * s + 1])));
    }
    if (denied || !callWord(doc, t, w)) continue;
    // `went to ring the registrar`, `rang Mum`: ringing a person, phone named or not (`rang for the
    // maid`, `rang the bell`, `the ring Tony gave her` ring no one).
    // `rang up Brenda`: the person after the particle.
    const rungAt = t + 1 < doc.tokenCount && doc.tokenText(t + 1).toLowerCase() === 'up' ? t + 2 : t + 1;
    if (RING_WORDS.has(w) && rungAt < doc.tokenCount && doc.tokens[2 * rungAt] < end && !afterDeterminer(doc, t) && ringsPerson(doc, rungAt)) {
      personRung = true;
      if (PAST_RINGS.has(w)) rangSomeone = true;
    }
    if (ringing) {
      ring = true;
      rings++;
    } else if (BUZZ_WORDS.has(w)) buzz = true;
    else pick = true;
  }
  // With no phone named, only a ringing that happens: `rang her up`, or `went to ring the registrar.
  // It rang nine times.` (a second ringing or an answer), not `promised to ring him back later`.
  if (!phone && personRung && (rangSomeone || rings >= 2)) phone = true;
  return phone && (ring || (buzz && pick));
}

/** Ring words in the past: the ringing happened. */
const PAST_RINGS: ReadonlySet<string> = new Set(['rang', 'dialled', 'dialed']);
/** Is the word before token t a determiner or a possessive (`the ring`, `her ring`): a noun, not a ringing? */
function afterDeterminer(doc: Document, t: number): boolean {
  if (t === 0) return false;
  const prev = doc.tokenText(t - 1).toLowerCase();
  return PHONE_POSSESSIVES.has(prev) || /^(?:an|our|this|that|wedding|engagement|signet)$/.test(prev) || /['’]s$/.test(prev);
}

/** Is the word at token t a person rung (`ring the registrar`, `rang Mum`, `rang him`)? */
function ringsPerson(doc: Document, t: number): boolean {
  const w = doc.tokenText(t).toLowerCase();
  if (w === 'him' || w === 'me' || w === 'them' || w === 'us') return true;
  // `rang her up`, not `rang her bell`.
  if (w === 'her') return t + 1 >= doc.tokenCount || !isWordToken(doc, t + 1) || /^(?:up|back|again|now|later|at|from|to|and|that|the|a)$/i.test(doc.tokenText(t + 1));
  // `rang Tony`, `ring the registrar`; not a possessor (`rang the nurse's bell`, `rang Tony's bell`).
  const m = mentionAtToken(doc, t);
  if (m < 0 || isPossessor(doc, m)) return false;
  const kind = doc.mentions[3 * m + 2];
  return kind === MentionKind.Proper || (w === 'the' && kind === MentionKind.Nominal);
}

/** Does narration paragraph p hang up a call? */
function hangsUp(doc: Document, p: number): boolean {
  return HANG_UP.test(doc.text.slice(doc.paragraphs[2 * p], doc.paragraphs[2 * p + 1]));
}

/** Possessives before a phone (`answered her phone`): not a person answered. */
const PHONE_POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'my', 'their', 'your', 'its', 'the', 'a']);

/** `before he can`, `before Felix could`: what follows did not happen. */
const BEFORE_ANSWERING = /\bbefore\s+(?:\S+\s+){1,2}(?:can|could)\s+$/i;
/**
 * Is the call word at token t about the call? `pick` only with `up` (`picked it up`), and an
 * `answered` with a person after it (`put her phone away and answered him`) is a reply in the room;
 * `answered her phone` (or `Tony's phone`) is the call; an answer that never came (`before he can
 * answer`) is none.
 */
function callWord(doc: Document, t: number, w: string): boolean {
  const next = t + 1 < doc.tokenCount ? doc.tokenText(t + 1).toLowerCase() : '';
  if (PICK_WORDS.has(w)) return next === 'up' || (t + 2 < doc.tokenCount && doc.tokenText(t + 2).toLowerCase() === 'up');
  if (ANSWER_WORDS.has(w)) {
    // `Noor gets in before he can answer`: a reply that never came, not a phone picked up.
    if (BEFORE_ANSWERING.test(doc.text.slice(Math.max(0, doc.tokens[2 * t] - 40), doc.tokens[2 * t]))) return false;
    if (t + 1 >= doc.tokenCount || PHONE_POSSESSIVES.has(next) || PHONE_NOUNS.has(next)) return true;
    const m = mentionAtToken(doc, t + 1);
    if (m < 0) return true;
    // `answered Tony's phone`: a possessor, not the one answered.
    return isPossessor(doc, m);
  }
  return true;
}

/**
 * Turn-taking: in each conversation, paragraphs with quotes are turns. Untagged turns are filled by
 * alternation from the nearest anchored turn (a tag or beat): an even distance gives the anchor's
 * speaker, an odd distance the other participant.
 */
export function assignTurnTaking(
  para: Int32Array,
  conv: Int32Array,
  speakers: Int32Array,
  confidence: Float32Array,
  cues: string[],
  vocatives: number[][],
  calls: Int32Array | null = null,
): void {
  const nU = para.length;
  let u = 0;
  while (u < nU) {
    let v = u;
    while (v < nU && conv[v] === conv[u]) v++;
    // Turns of this conversation: [firstUtterance] per paragraph.
    const turnStart: number[] = [];
    for (let w = u; w < v; w++) if (w === u || para[w] !== para[w - 1]) turnStart.push(w);
    const nT = turnStart.length;
    const turnEnd = (t: number) => (t + 1 < nT ? turnStart[t + 1] : v);
    const turnSpeaker = new Int32Array(nT).fill(-1);
    const turnConf = new Float32Array(nT);
    const turnVoc: number[][] = [];
    for (let t = 0; t < nT; t++) {
      const voc: number[] = [];
      for (let w = turnStart[t]; w < turnEnd(t); w++) {
        if (speakers[w] >= 0 && turnSpeaker[t] < 0) {
          turnSpeaker[t] = speakers[w];
          turnConf[t] = confidence[w];
        }
        for (const c of vocatives[w]) if (!voc.includes(c)) voc.push(c);
      }
      turnVoc.push(voc);
    }
    for (let t = 0; t < nT; t++) {
      if (turnSpeaker[t] >= 0) continue;
      const guess = alternate(turnSpeaker, turnVoc, t, nT, calls && calls[2 * conv[u]] >= 0 && calls[2 * conv[u] + 1] >= 0 ? [calls[2 * conv[u]], calls[2 * conv[u] + 1]] : null);
      if (!guess) continue;
      for (let w = turnStart[t]; w < turnEnd(t); w++) {
        if (speakers[w] >= 0) continue;
        speakers[w] = guess.speaker;
        confidence[w] = guess.confidence;
        cues[w] = guess.cue;
      }
    }
    u = v;
  }
}

function alternate(turnSpeaker: Int32Array, turnVoc: number[][], t: number, nT: number, call: [number, number] | null): Decision | null {
  // Nearest anchors on each side.
  let back = -1;
  for (let k = t - 1; k >= 0 && k >= t - 8; k--) if (turnSpeaker[k] >= 0) { back = k; break; }
  let fwd = -1;
  for (let k = t + 1; k < nT && k <= t + 8; k++) if (turnSpeaker[k] >= 0) { fwd = k; break; }
  const voc = turnVoc[t];
  const votes = new Map<number, number>();
  const vote = (c: number, w: number) => {
    if (c >= 0 && !voc.includes(c)) votes.set(c, (votes.get(c) ?? 0) + w);
  };
  // The other participant of an anchor: the nearest different speaker, looking away from t first
  // (the exchange the anchor belongs to), or whom the anchor addressed by name.
  const partnerOf = (anchor: number, dir: number): number => {
    const a = turnSpeaker[anchor];
    // On a telephone call the other side is the other one on the line.
    if (call && (a === call[0] || a === call[1])) return a === call[0] ? call[1] : call[0];
    for (let d = 1; d <= 6; d++) {
      for (const k of [anchor + dir * d, anchor - dir * d]) {
        if (k >= 0 && k < nT && turnSpeaker[k] >= 0 && turnSpeaker[k] !== a) return turnSpeaker[k];
      }
    }
    for (const c of turnVoc[anchor]) if (c !== a) return c;
    return -1;
  };
  if (back >= 0) {
    const d = t - back;
    vote(d % 2 === 0 ? turnSpeaker[back] : partnerOf(back, -1), Math.max(0.2, 0.8 - 0.08 * d));
  }
  if (fwd >= 0) {
    const d = fwd - t;
    vote(d % 2 === 0 ? turnSpeaker[fwd] : partnerOf(fwd, 1), Math.max(0.2, 0.7 - 0.08 * d));
  }
  // Whoever the previous line called by name usually answers it.
  if (t > 0) for (const c of turnVoc[t - 1]) if (c !== turnSpeaker[t - 1]) vote(c, 0.6);
  let best = -1;
  let bestVote = 0;
  let total = 0;
  for (const [c, w] of votes) {
    total += w;
    if (w > bestVote) {
      best = c;
      bestVote = w;
    }
  }
  if (best < 0) {
    if (voc.length > 0 && back >= 0 && !voc.includes(turnSpeaker[back])) {
      return { speaker: turnSpeaker[back], confidence: 0.35, cue: Cue.Vocative };
    }
    return null;
  }
  // Agreement between the cues raises confidence; disagreement lowers it.
  const conf = Math.min(0.9, 0.25 + 0.5 * bestVote * (bestVote / total));
  return { speaker: best, confidence: conf, cue: Cue.TurnTaking };
}

/**
 * The character most recently named in the narration before pos, skipping those excluded and those
 * whose latest mention before the line's paragraph (from paraStart) sends them out of the scene.
 */
function recentCharacter(doc: Document, pos: number, paraStart: number, exclude: number[], narrator: number, exits: Uint8Array): number {
  const seenBefore: number[] = [];
  for (let m = doc.mentionAtOrAfter(pos) - 1, seen = 0; m >= 0 && seen < 80; m--, seen++) {
    const ms = doc.mentions[3 * m];
    // The last quote starting at or before the mention, found by halving: walking back quote by quote
    // is quadratic over a long run of lines that name no one.
    const q = quoteBefore(doc, ms + 1);
    if (q >= 0 && doc.quotes[4 * q + 1] > ms) continue; // inside a quote: talked about, not present
    const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
    if (c < 0 || exclude.includes(c) || seenBefore.includes(c)) continue;
    if (exits[m] && ms < paraStart) {
      seenBefore.push(c);
      continue;
    }
    return c;
  }
  return -1;
}

function quoteBefore(doc: Document, pos: number): number {
  return doc.quoteAtOrAfter(pos) - 1;
}

/**
 * The first-person narrator, when the narration says "I" often. With a cast that has a character for
 * the narrator (named, not "narrator"), it is the character talked *to* by name in quotes but rarely
 * named in the narration: nobody narrates their own name.
 */
function narratorCharacter(doc: Document): number {
  let firstPerson = 0;
  let resolvedTo = -1;
  for (let m = 0; m < doc.mentionCount; m++) {
    if (doc.mentions[3 * m + 2] !== MentionKind.FirstPerson) continue;
    firstPerson++;
    if (resolvedTo < 0 && doc.mentionCharacters[m] >= 0) resolvedTo = doc.mentionCharacters[m];
  }
  if (firstPerson === 0) return -1;
  // The cast stage marks the narrator it identified (named by the text, or a given one).
  const marked = doc.characters.findIndex((c) => c.narrator === true);
  if (marked >= 0 && !/^(the )?narrator$/i.test(doc.characters[marked].name)) return marked;
  // Beside a given cast, a `Narrator` the cast stage added is the one it found no listed name for:
  // no guess below (a listed `Mum` named in others' speech) overrides that.
  if (marked >= 0 && doc.characters.some((c) => c.given)) return marked;
  const generic = (c: number) => c >= 0 && /^(the )?narrator$/i.test(doc.characters[c].name);
  // The cast already named the narrator (a given character aliased Narrator, or one it linked).
  if (resolvedTo >= 0 && !generic(resolvedTo)) return resolvedTo;
  const aliased = doc.characters.findIndex((c) => [c.name, ...c.aliases].some((n) => /^(the )?narrator$/i.test(n)));
  if (aliased >= 0 && !generic(aliased)) return aliased;
  const fallback = resolvedTo >= 0 ? resolvedTo : aliased;
  // Only a text narrated in the first person throughout (not a letter in a third-person novel).
  if (firstPerson < 3 || firstPerson * 400 < doc.tokenCount) return fallback;
  const n = doc.characters.length;
  const inside = new Float64Array(n);
  const outside = new Float64Array(n);
  let qi = 0;
  for (let m = 0; m < doc.mentionCount; m++) {
    if (doc.mentions[3 * m + 2] !== MentionKind.Proper) continue;
    const c = doc.mentionCharacters[m];
    if (c < 0) continue;
    const pos = doc.mentions[3 * m];
    while (qi < doc.quoteCount && doc.quotes[4 * qi + 1] <= pos) qi++;
    if (qi < doc.quoteCount && doc.quotes[4 * qi] <= pos) inside[c]++;
    else outside[c]++;
  }
  let best = -1;
  let bestScore = 0;
  for (let c = 0; c < n; c++) {
    if (generic(c) || inside[c] < 2) continue;
    // Named in others' speech, (almost) never in the narration; the more often named, the likelier.
    const ratio = inside[c] / (outside[c] + 1);
    const score = ratio >= 2 ? ratio * Math.log1p(inside[c]) : 0;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best >= 0 ? best : fallback;
}

export const attributionStage: Stage = {
  assigns: 'attribution',
  requires: ['quotes', 'cast'],
  run: (doc, options) => attributeSpeakers(doc, options),
};
