/**
 * Lines that name their own speaker: `"Hello, sir. I'm Dr. Doyle."`, `"My name is Ives."`, `"Call me
 * Bea."`, a name alone answering a question of who one is (`"May I know your name?"` … `"Mrs.
 * Moore."`), and on a telephone call the name one picks up with (`"Halverson."`) or gives (`"Hi, it's
 * Kieran."`). Whoever says it is the one named, unless the line's own tag or beat says otherwise (a
 * name or a description for someone else, the narrator's `I said`, a pronoun of the other gender). A
 * name opening a line on a call is the one picking up only when it is the whole line (`"Tony. Where
 * are you?"` calls Tony). In PDNC's 18 novels a line with `I'm X`, `I am
 * X`, `my name is X` or `call me X` is X's 16 times of 18 (the two others are tagged mimicry); the
 * ranker, which reads a name inside a line as someone talked about, had 6 of the 16 wrong.
 */
import { GenderCode, MentionKind, type Document } from '../../document/document.js';
import { Cue } from './cues.js';
import type { RuleState } from './index.js';
import { speakerOverrides } from './overrides.js';

/**
 * What stands right before a name the speaker calls themself: the phrase opening its clause (after
 * the line's start, a sentence end, a comma or a dash), so `You think I'm Harry?` (a question, see
 * below) and `He said I'm Harry's` do not count by the phrase alone.
 */
const SELF_BEFORE = /(?:^|[.!?,;:\u2014\u2013-]\s*|^\s*(?:oh|well|yes|hello|hi|hey)\s+)(?:I['’]m|I am|[Mm]y name is|[Mm]y name['’]s|[Cc]all me)\s+$/u;
/**
 * A line asking someone who they are, as a question of its own (not `who's that?`, which asks after
 * a third person, nor `who are you looking for?`): the answer that is only a name is the answerer's.
 */
const IDENTITY_QUESTION = /\b(?:who are you|who(?: is|['’]s) (?:it|there)|what(?:['’]s| is) your name|(?:may|can|could) I (?:know|ask|have) your name|your name)\s*\?/i;
/** On a call, what opens the first sentence before the name a caller gives (`Hi, it's Kieran`, `This is Dr. Vance`). */
const CALLER_BEFORE = /^\s*(?:(?:hi|hello|hey|yes)[,!]?\s+)?(?:it['’]s|it is|this is)\s+$/i;
/** How sure a self-naming line is of its speaker (16 of 18 in PDNC). */
const SELF_CONFIDENCE = 0.9;

/**
 * Per utterance, the character its own words name as the speaker, or -1. `conv` (per utterance: its
 * conversation) keeps an answer to the question of the same exchange; with `onCall` (per utterance:
 * on a telephone call), a call's lines also name their speaker as callers do (`"Halverson."`
 * picking up, `"Hi, it's Kieran."`, `"Kieran here."`).
 */
export function selfNamedSpeakers(doc: Document, conv: Int32Array | null = null, onCall: Uint8Array | null = null): Int32Array {
  const nU = doc.utteranceCount;
  const out = new Int32Array(nU).fill(-1);
  const text = doc.text;
  for (let u = 0; u < nU; u++) {
    const lineStart = doc.quotes[4 * doc.utterances[2 * u]];
    const lineEnd = doc.quotes[4 * doc.utterances[2 * u] + 1];
    const call = onCall !== null && onCall[u] === 1;
    const sameExchange = u > 0 && (conv === null || conv[u - 1] === conv[u]);
    // `"May I know your name?"` … `"Mrs. Moore."`: a line opening on a name and a full stop, in
    // answer; on a call, the line that is only a name, picking up (`"Halverson."`, `"Kieran here."`).
    const m = doc.mentionAtOrAfter(lineStart);
    if (m < doc.mentionCount && doc.mentions[3 * m] <= lineStart + 1 && doc.mentionCharacters[m] >= 0 && doc.mentions[3 * m + 2] === MentionKind.Proper) {
      const e = doc.mentions[3 * m + 1];
      const prevFrom = sameExchange ? doc.quotes[4 * doc.utterances[2 * (u - 1)]] : 0;
      const prevTo = sameExchange ? doc.quotes[4 * (doc.utterances[2 * u - 1] - 1) + 1] : 0;
      const answered = sameExchange && text.charCodeAt(e) === 46 && IDENTITY_QUESTION.test(text.slice(prevFrom, prevTo));
      const picksUp = call && (u === 0 || conv === null || conv[u - 1] !== conv[u]) && /^(?:\s+(?:here|speaking))?[.!]?\s*$/i.test(text.slice(e, lineEnd));
      const gives = call && /^\s+(?:here|speaking)\b/i.test(text.slice(e, e + 10));
      if (answered || picksUp || gives) {
        out[u] = doc.mentionCharacters[m];
        continue;
      }
    }
    for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1] && out[u] < 0; k++) {
      const spanStart = doc.quotes[4 * k];
      const spanEnd = doc.quotes[4 * k + 1];
      for (let j = doc.mentionAtOrAfter(spanStart); j < doc.mentionCount && doc.mentions[3 * j] < spanEnd; j++) {
        const c = doc.mentionCharacters[j];
        if (c < 0 || doc.mentions[3 * j + 2] !== MentionKind.Proper) continue;
        const s = doc.mentions[3 * j];
        const e = doc.mentions[3 * j + 1];
        // `I'm Harry's cousin` names Harry as someone else; `You think I'm Harry?`, `I am Heathcliff!`
        // are no introductions.
        if (/^(?:['’]s\b|\s*[?!])/.test(text.slice(e, e + 3))) continue;
        const before = text.slice(Math.max(spanStart, s - 24), s);
        const own = SELF_BEFORE.test(s - 24 < spanStart ? before : before.replace(/^\S*\s/, ' '));
        // A caller names themself in the first sentence of the line only (`"Come quick. It's Harry."` is news).
        const caller = call && k === doc.utterances[2 * u] && CALLER_BEFORE.test(text.slice(spanStart, s));
        if (!own && !caller) continue;
        out[u] = c;
        break;
      }
    }
  }
  return out;
}

/**
 * The self-named speaker wins over the ranker's and the rules' choice, except where the line's own
 * tag or beat says otherwise (see the top of this file).
 */
export function applySelfNaming(doc: Document, state: RuleState): RuleState {
  const onCall = new Uint8Array(doc.utteranceCount);
  for (let u = 0; u < onCall.length; u++) if (state.calls[2 * state.conv[u]] >= 0) onCall[u] = 1;
  const self = selfNamedSpeakers(doc, state.conv, onCall);
  const changes = speakerOverrides(state);
  for (let u = 0; u < self.length; u++) {
    const c = self[u];
    if (c < 0 || state.speakers[u] === c) continue;
    // A tag or beat naming someone else keeps the line theirs; a pronoun tag (`"I'm Dr. Doyle," he
    // said`) is only as good as its resolution, which the line's own words outweigh, unless its
    // gender is not the named one's (`"I am Tony Stark," she said, in his voice`).
    const top = state.evidence[u][0];
    if (top !== undefined) {
      const kind = doc.mentions[3 * top.mention + 2];
      const named = top.cue === Cue.Narrator ? state.narrator : kind === MentionKind.Pronoun ? -1 : doc.mentionCharacters[top.mention];
      if (named >= 0 && named !== c) continue;
      const g = doc.mentionGenders[top.mention];
      const cg = state.genders[c];
      if (kind === MentionKind.Pronoun && (g === GenderCode.He || g === GenderCode.She) && (cg === GenderCode.He || cg === GenderCode.She) && g !== cg) continue;
    }
    changes.set(u, c, SELF_CONFIDENCE, Cue.SelfNamed);
    // The pronoun between two lines of one paragraph tags both (`"I've been the doctor for eleven
    // weeks." He crouched beside the bed. "Hello, sir. I'm Dr. Doyle."`): the other line is theirs too.
    if (top !== undefined && top.cue !== Cue.TagName && doc.mentions[3 * top.mention + 2] === MentionKind.Pronoun) {
      for (const v of [u - 1, u + 1]) {
        if (v < 0 || v >= self.length || state.para[v] !== state.para[u] || self[v] >= 0) continue;
        if (state.evidence[v][0]?.mention !== top.mention) continue;
        changes.set(v, c, Math.min(SELF_CONFIDENCE, 0.85), Cue.SameParagraph);
      }
    }
  }
  return changes.result();
}
