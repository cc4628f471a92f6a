/**
 * Lines that name their own speaker: `"Hello, sir. I'm Dr. Doyle."`, `"My name is Ives."`, `"Call me
 * Bea."`, a name alone answering a question of who one is (`"May I know your name?"` … `"Mrs.
 * Moore."`), and on a telephone call the name one picks up with (`"Halverson."`) or gives (`"Hi, it's
 * Kieran."`). Whoever says it is the one named, unless a tag says the line is someone else's (`"I am
 * Josiah Bounderby of Coketown," said Harthouse, mocking him`). In PDNC's 18 novels such a line is
 * its named character's 16 times of 18 (the two others are that mimicry, tagged); the ranker, which
 * reads a name inside a line as someone talked about, had 6 of the 16 wrong.
 */
import { MentionKind, type Document } from '../../document/document.js';
import { Cue } from './cues.js';
import type { RuleState } from './index.js';

/** What stands right before a name that the speaker calls themself. */
const SELF_BEFORE = /(?:^|[^\p{L}'’])(?:I['’]m|I am|[Mm]y name is|[Mm]y name['’]s|[Cc]all me)\s+$/u;
/**
 * A line asking someone who they are (not `who's that?`, which asks after a third person): the
 * answer that is only a name is the answerer's own.
 */
const IDENTITY_QUESTION = /\b(?:who are you|who is (?:it|there)|who['’]s (?:there|it)|what(?:['’]s| is) your name|your name\?|may I (?:know|ask) your name|and you are)\b/i;
/** On a call, what stands before the name a caller gives (`Hi, it's Kieran`, `This is Dr. Vance`). */
const CALLER_BEFORE = /(?:^|[^\p{L}'’])(?:[Ii]t['’]s|[Ii]t is|[Tt]his is)\s+$/u;
/** How sure a self-naming line is of its speaker (16 of 18 in PDNC). */
const SELF_CONFIDENCE = 0.9;

/**
 * Per utterance, the character its own words name as the speaker, or -1. With `onCall` (per
 * utterance: on a telephone call), a call's lines also name their speaker as callers do
 * (`"Halverson."` answering, `"Hi, it's Kieran."`, `"Kieran here."`).
 */
export function selfNamedSpeakers(doc: Document, onCall: Uint8Array | null = null): Int32Array {
  const nU = doc.utteranceCount;
  const out = new Int32Array(nU).fill(-1);
  for (let u = 0; u < nU; u++) {
    const qs = doc.quotes[4 * doc.utterances[2 * u]];
    const call = onCall !== null && onCall[u] === 1;
    // `"May I know your name?"` … `"Mrs. Moore."`: a line opening on a name and nothing else, in
    // answer; on a call, the name the one who picks up answers with.
    if (u > 0 || call) {
      const m = doc.mentionAtOrAfter(qs);
      if (m < doc.mentionCount && doc.mentions[3 * m] <= qs + 1 && doc.mentionCharacters[m] >= 0 && doc.mentions[3 * m + 2] === MentionKind.Proper) {
        const e = doc.mentions[3 * m + 1];
        const prevFrom = u > 0 ? doc.quotes[4 * doc.utterances[2 * (u - 1)]] : 0;
        const prevTo = u > 0 ? doc.quotes[4 * (doc.utterances[2 * u - 1] - 1) + 1] : 0;
        const answersCall = call && (u === 0 || onCall[u - 1] === 0);
        // `"Dorian!"` is a call, not an answer; `"Kieran here."` names the caller.
        if ((doc.text.charCodeAt(e) === 46 && (answersCall || IDENTITY_QUESTION.test(doc.text.slice(prevFrom, prevTo)))) || (call && /^\s+(?:here|speaking)\b/i.test(doc.text.slice(e, e + 10)))) {
          out[u] = doc.mentionCharacters[m];
          continue;
        }
      }
    }
    for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1] && out[u] < 0; k++) {
      const qs = doc.quotes[4 * k];
      const qe = doc.quotes[4 * k + 1];
      for (let m = doc.mentionAtOrAfter(qs); m < doc.mentionCount && doc.mentions[3 * m] < qe; m++) {
        const c = doc.mentionCharacters[m];
        if (c < 0 || doc.mentions[3 * m + 2] !== MentionKind.Proper) continue;
        const s = doc.mentions[3 * m];
        const e = doc.mentions[3 * m + 1];
        const before = doc.text.slice(Math.max(doc.quotes[4 * k], s - 16), s);
        if (!SELF_BEFORE.test(before) && !(call && CALLER_BEFORE.test(before))) continue;
        // `I'm Harry's cousin` names Harry as someone else.
        if (/^['’]s\b/.test(doc.text.slice(e, e + 3))) continue;
        out[u] = c;
        break;
      }
    }
  }
  return out;
}

/**
 * The self-named speaker wins over the ranker's and the rules' choice, except where the line's own
 * tag names someone else (a name or a description the cast resolves, or the narrator's `I said`).
 */
export function applySelfNaming(doc: Document, state: RuleState): RuleState {
  const onCall = new Uint8Array(doc.utteranceCount);
  for (let u = 0; u < onCall.length; u++) if (state.calls[2 * state.conv[u]] >= 0) onCall[u] = 1;
  const self = selfNamedSpeakers(doc, onCall);
  let speakers: Int32Array | null = null;
  let confidence: Float32Array | null = null;
  let cues: string[] | null = null;
  for (let u = 0; u < self.length; u++) {
    const c = self[u];
    if (c < 0 || state.speakers[u] === c) continue;
    // A tag that names someone else keeps the line theirs; a pronoun tag (`"I'm Dr. Doyle," he said`)
    // is only as good as its resolution, which the line's own words outweigh.
    const top = state.evidence[u][0];
    const named = top === undefined ? -1 : top.cue === Cue.Narrator ? state.narrator : top.cue === Cue.TagName || top.cue === Cue.TagNominal ? doc.mentionCharacters[top.mention] : -1;
    if (named >= 0 && named !== c) continue;
    speakers ??= state.speakers.slice();
    confidence ??= state.confidence.slice();
    cues ??= state.cues.slice();
    speakers[u] = c;
    confidence[u] = SELF_CONFIDENCE;
    cues[u] = Cue.SelfNamed;
    // The pronoun between two lines of one paragraph tags both (`"I've been the doctor for eleven
    // weeks." He crouched beside the bed. "Hello, sir. I'm Dr. Doyle."`): the other line is theirs too.
    if (top !== undefined && top.cue !== Cue.TagName && doc.mentions[3 * top.mention + 2] === MentionKind.Pronoun) {
      for (const v of [u - 1, u + 1]) {
        if (v < 0 || v >= self.length || state.para[v] !== state.para[u] || self[v] >= 0) continue;
        if (state.evidence[v][0]?.mention !== top.mention) continue;
        speakers[v] = c;
        confidence[v] = Math.min(SELF_CONFIDENCE, 0.85);
        cues[v] = Cue.SameParagraph;
      }
    }
  }
  return speakers ? { ...state, speakers, confidence: confidence!, cues: cues! } : state;
}
