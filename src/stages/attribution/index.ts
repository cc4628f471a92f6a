/**
 * Speaker attribution, first version: rules in the order a reader uses them.
 *
 *  1. A speech tag next to the quote: `said X`, `X said`, `he snapped`, `X, frowning, said`.
 *  2. An action beat in the same paragraph: the subject of the narration beside the quote
 *     (`Rook glared at her. "…"`).
 *  3. Turn-taking inside a conversation: with two people talking, untagged lines alternate; anchors are
 *     the tagged lines before and after, and a vocative (`"Sit, Mari."`) says who is *not* speaking.
 *  4. Otherwise the character most recently active in the narration, with low confidence.
 * Every decision records a cue and a confidence; addressees come from vocatives and the other
 * participant of the conversation.
 */
import { Document, MentionKind, GenderCode, ParagraphKind } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import type { AnalyzeOptions } from '../../types.js';
import { SPEECH_VERBS, TAG_FILLERS } from '../../lang/en/speech-verbs.js';
import { isLetterCode } from '../tokens/index.js';

/** Cue names (documented in docs/analysis-format.md). */
export const Cue = {
  TagName: 'tag-name',
  TagPronoun: 'tag-pronoun',
  TagNominal: 'tag-nominal',
  Beat: 'beat',
  SameParagraph: 'same-paragraph',
  TurnTaking: 'turn-taking',
  Vocative: 'vocative',
  Narrator: 'narrator',
  Recent: 'recent-mention',
  None: 'none',
} as const;

interface Decision {
  speaker: number;
  confidence: number;
  cue: string;
}

/** Longest narration gap (in characters of narration-only paragraphs) that keeps a conversation going. */
const CONVERSATION_GAP = 600;
/** How many tokens after a quote a speech tag may start at. */
const TAG_WINDOW = 4;

export function attributeSpeakers(doc: Document, _options: AnalyzeOptions): void {
  const nU = doc.utteranceCount;
  const speakers = new Int32Array(nU).fill(-1);
  const confidence = new Float32Array(nU);
  const cues = new Array<string>(nU).fill(Cue.None);
  const vocatives: number[][] = new Array(nU);
  const genders = characterGenders(doc);

  // Pass 1: tags and beats, utterance by utterance.
  for (let u = 0; u < nU; u++) {
    vocatives[u] = findVocatives(doc, u);
    const d = tagOrBeat(doc, u, genders, speakers);
    if (d) {
      speakers[u] = d.speaker;
      confidence[u] = d.confidence;
      cues[u] = d.cue;
    }
  }

  // Utterances in one paragraph are one turn: an untagged one takes the paragraph's tagged speaker.
  const para = new Int32Array(nU);
  for (let u = 0; u < nU; u++) para[u] = doc.quotes[4 * doc.utterances[2 * u] + 2];
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

  // Pass 2: conversations and turn-taking.
  const conv = conversationIds(doc, para);
  assignTurnTaking(doc, para, conv, speakers, confidence, cues, vocatives);

  // Pass 3: anything left gets the most recently active character, weakly.
  for (let u = 0; u < nU; u++) {
    if (speakers[u] >= 0) continue;
    const q0 = doc.utterances[2 * u];
    const recent = recentCharacter(doc, doc.quotes[4 * q0], vocatives[u]);
    if (recent >= 0) {
      speakers[u] = recent;
      confidence[u] = 0.25;
      cues[u] = Cue.Recent;
    }
  }

  // Addressees: vocatives first, else the other participant of the exchange.
  const addressees: number[][] = new Array(nU);
  for (let u = 0; u < nU; u++) {
    const set = vocatives[u].filter((c) => c !== speakers[u]);
    if (set.length === 0) {
      for (const v of [u - 1, u + 1]) {
        if (v >= 0 && v < nU && conv[v] === conv[u] && para[v] !== para[u] && speakers[v] >= 0 && speakers[v] !== speakers[u]) {
          set.push(speakers[v]);
          break;
        }
      }
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

function isStrong(cue: string): boolean {
  return cue === Cue.TagName || cue === Cue.TagPronoun || cue === Cue.TagNominal || cue === Cue.Narrator;
}

function characterGenders(doc: Document): Uint8Array {
  const g = new Uint8Array(doc.characters.length);
  doc.characters.forEach((c, i) => {
    g[i] = c.gender === 'he' ? GenderCode.He : c.gender === 'she' ? GenderCode.She : c.gender === 'they' ? GenderCode.They : GenderCode.Unknown;
  });
  return g;
}

/** The narration stretches of the utterance's paragraph: before its first span, between and after spans. */
function tagOrBeat(doc: Document, u: number, genders: Uint8Array, speakers: Int32Array): Decision | null {
  const q = doc.quotes;
  const first = doc.utterances[2 * u];
  const end = doc.utterances[2 * u + 1];
  const text = doc.text;
  // After each span of this utterance (up to the next quote in the paragraph or its end).
  for (let k = first; k < end; k++) {
    const p = q[4 * k + 2];
    const pEnd = doc.paragraphs[2 * p + 1];
    const from = skipCloseMark(text, q[4 * k + 1]);
    const nextQuote = k + 1 < doc.quoteCount && q[4 * (k + 1) + 2] === p ? q[4 * (k + 1)] - 1 : pEnd;
    if (nextQuote <= from) continue;
    const d = tagAfter(doc, from, nextQuote, genders, u, speakers);
    if (d) return d;
  }
  // Before the first span: `Then Elizabeth said:` or a beat `Rook glared at her.`
  const p0 = q[4 * first + 2];
  const pStart = doc.paragraphs[2 * p0];
  const prevInPara = first > 0 && q[4 * (first - 1) + 2] === p0 ? skipCloseMark(text, q[4 * (first - 1) + 1]) : pStart;
  const before = q[4 * first] - 1;
  if (before > prevInPara) {
    const d = tagBefore(doc, prevInPara, before, genders, u, speakers);
    if (d) return d;
  }
  // A beat after the last span, in a later sentence of the paragraph.
  const kLast = end - 1;
  const pl = q[4 * kLast + 2];
  const plEnd = doc.paragraphs[2 * pl + 1];
  const afterFrom = skipCloseMark(text, q[4 * kLast + 1]);
  const nextQ = end < doc.quoteCount && q[4 * end + 2] === pl ? q[4 * end] - 1 : plEnd;
  if (nextQ > afterFrom) {
    const m = firstSubjectMention(doc, afterFrom, nextQ, true);
    if (m >= 0) {
      const c = mentionCharacter(doc, m, genders, u, speakers);
      if (c >= 0) return { speaker: c, confidence: 0.6, cue: Cue.Beat };
    }
  }
  return null;
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

/** Narration right after a quote: `, said X`, `X said`, `she snapped`, `said the captain`, `X grinned.` */
function tagAfter(doc: Document, from: number, to: number, genders: Uint8Array, u: number, speakers: Int32Array): Decision | null {
  let t = doc.tokenAtOrAfter(from);
  const nTok = doc.tokenCount;
  // Skip punctuation glued to the quote (`,` `—` `!`).
  while (t < nTok && doc.tokens[2 * t] < to && !isWordToken(doc, t)) t++;
  const limit = Math.min(nTok, t + TAG_WINDOW + 4);
  for (let i = t, words = 0; i < limit && doc.tokens[2 * i] < to && words < TAG_WINDOW; i++) {
    if (!isWordToken(doc, i)) {
      const ch = doc.text.charCodeAt(doc.tokens[2 * i]);
      if (ch === 46 || ch === 33 || ch === 63) break; // sentence ended
      continue;
    }
    words++;
    if (isSpeechVerb(doc, i)) {
      // `said X`: mention right after the verb (allowing one filler word: `said, at last, X` is rare).
      let j = i + 1;
      while (j < nTok && doc.tokens[2 * j] < to && TAG_FILLERS.has(doc.tokenText(j).toLowerCase())) j++;
      const after = j < nTok && doc.tokens[2 * j] < to ? mentionAtToken(doc, j) : -1;
      if (after >= 0) {
        const c = mentionCharacter(doc, after, genders, u, speakers);
        if (c >= 0) {
          const cue = cueFor(doc, after);
          return { speaker: c, confidence: tagConfidence(cue), cue };
        }
      }
      // `X said`: subject before the verb (searched below from the start).
      const subj = subjectBefore(doc, t, i);
      if (subj >= 0) {
        const c = mentionCharacter(doc, subj, genders, u, speakers);
        if (c >= 0) {
          const cue = cueFor(doc, subj);
          return { speaker: c, confidence: tagConfidence(cue), cue };
        }
      }
      return null;
    }
  }
  // No speech verb: a subject mention right after the quote is a beat (`"Fine." Rook shrugged.`).
  const m = mentionAtToken(doc, t);
  if (m >= 0 && isSubjectMention(doc, m)) {
    const c = mentionCharacter(doc, m, genders, u, speakers);
    if (c >= 0) {
      const cue = cueFor(doc, m);
      return { speaker: c, confidence: cue === Cue.TagName ? 0.8 : 0.7, cue: cue === Cue.Narrator ? Cue.Narrator : Cue.Beat };
    }
  }
  return null;
}

/** The mention that is the subject of a speech verb at token `verb`, starting the tag at token `start`. */
function subjectBefore(doc: Document, start: number, verb: number): number {
  for (let i = start; i < verb; i++) {
    const m = mentionAtToken(doc, i);
    if (m < 0) continue;
    if (!isSubjectMention(doc, m)) return -1;
    // Only fillers, adverbs and commas may stand between the subject and the verb.
    for (let j = tokenAfterMention(doc, m); j < verb; j++) {
      const w = doc.tokenText(j).toLowerCase();
      if (!(TAG_FILLERS.has(w) || w.endsWith('ly') || w === ',')) return -1;
    }
    return m;
  }
  return -1;
}

/** Object-case pronouns (him, her as object, them) are not subjects. */
function isSubjectMention(doc: Document, m: number): boolean {
  const kind = doc.mentions[3 * m + 2];
  const w = doc.mentionText(m).toLowerCase();
  if (kind === MentionKind.Pronoun) return w === 'he' || w === 'she' || w === 'they';
  if (kind === MentionKind.FirstPerson) return w === 'i';
  if (kind === MentionKind.Nominal) return isSubjectNominal(doc, m);
  return true;
}
function isSubjectNominal(doc: Document, m: number): boolean {
  // `his sister` / `the captain` can be speakers; `her voice` is not a mention at all.
  return doc.mentions[3 * m + 2] === MentionKind.Nominal;
}

/** Narration before the first span of a quote: `Elizabeth said:` / `Rook glared at her.` */
function tagBefore(doc: Document, from: number, to: number, genders: Uint8Array, u: number, speakers: Int32Array): Decision | null {
  // Find the last sentence of the stretch.
  const text = doc.text;
  let end = to;
  while (end > from && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 10)) end--;
  const lastCh = text.charCodeAt(end - 1);
  const tEnd = doc.tokenAtOrAfter(end);
  let sStart = doc.sentenceAt(end - 1);
  let sFrom = sStart >= 0 ? Math.max(from, doc.sentences[4 * sStart]) : from;
  if (lastCh === 58 || lastCh === 44) {
    // `Then Elizabeth said:` — a speech verb in this clause with its subject.
    const t0 = doc.tokenAtOrAfter(sFrom);
    for (let i = tEnd - 1; i >= t0 && i >= tEnd - 8; i--) {
      if (isWordToken(doc, i) && isSpeechVerb(doc, i)) {
        const subj = lastMentionBefore(doc, t0, i);
        if (subj >= 0 && isSubjectMention(doc, subj)) {
          const c = mentionCharacter(doc, subj, genders, u, speakers);
          if (c >= 0) {
            const cue = cueFor(doc, subj);
            return { speaker: c, confidence: tagConfidence(cue) - 0.05, cue };
          }
        }
        break;
      }
    }
  }
  // A beat: the subject of the sentence just before the quote.
  if (sStart < 0) return null;
  const m = firstSubjectMention(doc, sFrom, end, false);
  if (m >= 0) {
    const c = mentionCharacter(doc, m, genders, u, speakers);
    if (c >= 0) return { speaker: c, confidence: 0.65, cue: doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? Cue.Narrator : Cue.Beat };
  }
  return null;
}

function lastMentionBefore(doc: Document, t0: number, verb: number): number {
  for (let i = verb - 1; i >= t0; i--) {
    const m = mentionAtToken(doc, i);
    if (m >= 0) return m;
  }
  return -1;
}

/** A subject mention at the start of a sentence in [from, to) (the first sentence, or any when `anySentence`). */
function firstSubjectMention(doc: Document, from: number, to: number, anySentence: boolean): number {
  let t = doc.tokenAtOrAfter(from);
  const nTok = doc.tokenCount;
  while (t < nTok && doc.tokens[2 * t] < to) {
    while (t < nTok && doc.tokens[2 * t] < to && !isWordToken(doc, t)) t++;
    if (t >= nTok || doc.tokens[2 * t] >= to) return -1;
    // Allow one sentence adverbial of up to 2 words before the subject: `Then Rook…`, `Slowly, she…`.
    for (let i = t; i < Math.min(nTok, t + 3) && doc.tokens[2 * i] < to; i++) {
      const m = mentionAtToken(doc, i);
      if (m >= 0) return isSubjectMention(doc, m) ? m : -1;
      if (doc.text.charCodeAt(doc.tokens[2 * i]) === 46) break;
    }
    if (!anySentence) return -1;
    // next sentence
    const s = doc.sentenceAt(doc.tokens[2 * t]);
    if (s < 0 || s + 1 >= doc.sentenceCount) return -1;
    const next = doc.sentences[4 * (s + 1) + 2];
    if (next <= t) return -1;
    t = next;
  }
  return -1;
}

/** The character a mention refers to; unresolved pronouns fall back to the most recent character of that gender. */
function mentionCharacter(doc: Document, m: number, genders: Uint8Array, u: number, speakers: Int32Array): number {
  const c = doc.mentionCharacters[m];
  if (c >= 0) return c;
  const kind = doc.mentions[3 * m + 2];
  if (kind !== MentionKind.Pronoun) return -1;
  const g = doc.mentionGenders[m];
  // Recent speakers of compatible gender first, then recent mentions.
  for (let v = u - 1; v >= 0 && v >= u - 6; v--) {
    const s = speakers[v];
    if (s >= 0 && (genders[s] === g || genders[s] === GenderCode.Unknown)) return s;
  }
  for (let k = m - 1, seen = 0; k >= 0 && seen < 40; k--, seen++) {
    const r = doc.mentionCharacters[k];
    if (r >= 0 && (genders[r] === g || genders[r] === GenderCode.Unknown) && doc.mentions[3 * k + 2] !== MentionKind.Pronoun) return r;
  }
  return -1;
}

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
      const before = prevNonSpace(text, ms - 1, s);
      const after = nextNonSpace(text, me, e);
      const beforeOk = before === -1 || before === 44 || before === 0x2014 || wordBefore(text, ms, s) === 'oh' || wordBefore(text, ms, s) === 'dear';
      const afterOk = after === -1 || after === 44 || after === 33 || after === 63 || after === 46 || after === 0x2014 || after === 59;
      if (beforeOk && afterOk && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

function prevNonSpace(text: string, i: number, floor: number): number {
  while (i >= floor && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10)) i--;
  return i < floor ? -1 : text.charCodeAt(i);
}
function nextNonSpace(text: string, i: number, ceil: number): number {
  while (i < ceil && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10)) i++;
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
 * Conversation ids per utterance: a new conversation starts at a chapter heading, a scene break, or
 * when the narration between two quote paragraphs is longer than CONVERSATION_GAP characters.
 */
function conversationIds(doc: Document, para: Int32Array): Int32Array {
  const nU = para.length;
  const conv = new Int32Array(nU);
  let id = 0;
  for (let u = 1; u < nU; u++) {
    const p0 = para[u - 1];
    const p1 = para[u];
    let gap = 0;
    let broken = false;
    for (let p = p0 + 1; p < p1; p++) {
      if (doc.paragraphKinds[p] !== ParagraphKind.Text) {
        broken = true;
        break;
      }
      gap += doc.paragraphs[2 * p + 1] - doc.paragraphs[2 * p];
      if (gap > CONVERSATION_GAP) {
        broken = true;
        break;
      }
    }
    if (broken) id++;
    conv[u] = id;
  }
  return conv;
}

/**
 * Turn-taking: in each conversation, paragraphs with quotes are turns. Untagged turns are filled by
 * alternation from the nearest anchored turn (a tag or beat): an even distance gives the anchor's
 * speaker, an odd distance the other participant.
 */
function assignTurnTaking(
  doc: Document,
  para: Int32Array,
  conv: Int32Array,
  speakers: Int32Array,
  confidence: Float32Array,
  cues: string[],
  vocatives: number[][],
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
      const guess = alternate(turnSpeaker, turnVoc, t, nT);
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

function alternate(turnSpeaker: Int32Array, turnVoc: number[][], t: number, nT: number): Decision | null {
  // Nearest anchors on each side.
  let back = -1;
  for (let k = t - 1; k >= 0 && k >= t - 8; k--) if (turnSpeaker[k] >= 0) { back = k; break; }
  let fwd = -1;
  for (let k = t + 1; k < nT && k <= t + 8; k++) if (turnSpeaker[k] >= 0) { fwd = k; break; }
  const voc = turnVoc[t];
  const candidates: Decision[] = [];
  const partnerOf = (anchor: number): number => {
    const a = turnSpeaker[anchor];
    // The other participant: the nearest different speaker around the anchor, or whom the anchor addressed.
    for (let d = 1; d <= 6; d++) {
      for (const k of [anchor - d, anchor + d]) {
        if (k >= 0 && k < nT && turnSpeaker[k] >= 0 && turnSpeaker[k] !== a) return turnSpeaker[k];
      }
    }
    for (const c of turnVoc[anchor]) if (c !== a) return c;
    return -1;
  };
  for (const anchor of [back, fwd]) {
    if (anchor < 0) continue;
    const dist = Math.abs(t - anchor);
    const same = dist % 2 === 0;
    const who = same ? turnSpeaker[anchor] : partnerOf(anchor);
    if (who < 0) continue;
    const conf = Math.max(0.3, 0.8 - 0.08 * dist);
    candidates.push({ speaker: who, confidence: conf, cue: Cue.TurnTaking });
  }
  // If this turn calls someone by name, it is not theirs: prefer a candidate that is not the vocative.
  let best: Decision | null = null;
  for (const c of candidates) {
    if (voc.includes(c.speaker)) continue;
    if (!best || c.confidence > best.confidence) best = c;
  }
  if (!best && voc.length > 0 && back >= 0) {
    // Addressing the previous speaker by name: the speaker is whoever that anchor was talking to.
    const prev = turnSpeaker[back];
    if (!voc.includes(prev)) best = { speaker: prev, confidence: 0.4, cue: Cue.Vocative };
  }
  return best;
}

/** The most recent character named outside quotes before `pos`, not one addressed in the quote. */
function recentCharacter(doc: Document, pos: number, exclude: number[]): number {
  for (let m = doc.mentionAtOrAfter(pos) - 1, seen = 0; m >= 0 && seen < 60; m--, seen++) {
    const c = doc.mentionCharacters[m];
    if (c >= 0 && !exclude.includes(c)) return c;
  }
  return -1;
}

export const attributionStage: Stage = {
  assigns: 'attribution',
  requires: ['quotes', 'cast'],
  run: (doc, options) => attributeSpeakers(doc, options),
};
