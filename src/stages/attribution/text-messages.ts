/**
 * Text messages written as quoted lines, the way modern stories write a phone conversation:
 *
 *   My phone buzzes. It's Kit.          ⏎  "where are you"
 *   Then a second one.                  ⏎  "wren. WREN."
 *   I text back: "on my way"
 *   The three dots appear at once.      ⏎  "is that a metaphor"
 *
 * A line standing alone in its paragraph right after narration that says a message arrives (a phone
 * buzzes, pings or lights up; `a text`, `another message`, `the reply comes`, `the three dots`; with a
 * phone or texting named there or just before) is the sender's: the one that narration names (`It's
 * Kit.`, `a text from Mum`, `Mum, who …`; not the phone's holder, `Marit's phone`), or, named nowhere,
 * the one the exchange is with: the sender of the message before, or the one the holder last texted
 * (`I text Kit: "…"`). `Then a second one.` after a message is the same sender again. A message
 * arriving is never the holder's own line, which is why the talk in the room (turn-taking) gives
 * these lines to the wrong person. A line the narrator types (`I text back: "…"`, `I type, with one
 * thumb: "…"`) is the narrator's. Neither overrides a tag or beat of the line's own paragraph.
 */
import { MentionKind, type Document } from '../../document/document.js';
import { Cue } from './cues.js';
import { mentionInQuote, type RuleState } from './index.js';

/** How sure a message line is of its sender. */
const MESSAGE_CONFIDENCE = 0.85;
/** How far back (characters) the one an exchange is with is remembered: a chapter's texts are mostly with one person. */
const PARTNER_REACH = 20000;
/** Longest paragraph (characters) between an arrival and its line that only names the sender (`It's Kit.`). */
const SHORT_PARAGRAPH = 80;

/** Narration that says a message comes in. */
const ARRIVES =
  /\b(?:buzz(?:es|ed|ing)?|vibrat(?:es|ed|ing)|pings?|pinged|dings?|dinged|chimes?|chimed|lights? up|lit up|(?:goes|went) off)\b|\bthree (?:little |grey |gray )?dots\b|\b(?:a|another|new|next|one more|second) (?:text|message|notification|dm)\b|\b(?:the|her|his|their|a) (?:reply|answer|response) (?:comes|came|arrives|arrived|is|was)\b/i;
/** Phones and texting: a message word means one of these only near them. */
const PHONE_CONTEXT = /\b(?:phones?|mobile|cell|screen|notifications?|texts?|texted|texting|typing|dms?|whatsapp|snapchat|buzz(?:es|ed|ing)?|vibrat(?:es|ed|ing)|three (?:little |grey |gray )?dots)\b/i;
/** Several messages at once (`it went off like a slot machine`): the lines right after are all the sender's. */
const BURST = /\b(?:went off|goes off|(?:keeps|kept) (?:buzzing|vibrating|pinging)|messages|texts|a (?:string|flurry|stream|barrage|volley) of)\b/i;
/** `Then a second one.`, `Another.`: one more message from the same sender. */
const ONE_MORE = /^\W*(?:then,?\s+)?(?:(?:right\s+)?(?:on top of it|behind it|after it),?\s+)?(?:another|a second|a third|one more)(?:\s+(?:one|buzz|text|message))?\b/i;
/** The narrator typing the line that follows in the same paragraph: `I text back:`, `I type, very slowly, …:`. */
const NARRATOR_TYPES = /\bI\s+(?:text|type|send|reply|message|write|thumb|tap)(?:\s+(?:out|back))?\b[^"\u201c\u2018]*:\s*$/;
/** The narration's last sentence has the narrator type what follows: `I typed back one-handed.`, `I … typed with both thumbs.` */
const NARRATOR_TYPED = /\bI\b(?:(?!\b(?:he|she|they|we|you|it)\b)[^.!?,;"\u201c])*\b(?:typed|type|texted|text|wrote back|write back|sent back|send back|messaged)\b[^.!?"\u201c]*[.:]\s*$/;
/** The one texted: `I text Kit:`. */
const TEXTED_NAME = /\bI\s+(?:text|message)\s+$/;

/**
 * Per utterance, the sender of a text message written as a quoted line (or the narrator for one
 * they type), or -1.
 */
export function messageSenders(doc: Document, state: RuleState): Int32Array {
  const nU = doc.utteranceCount;
  const out = new Int32Array(nU).fill(-1);
  const text = doc.text;
  const { para, narrator } = state;
  const inQuote = mentionInQuote(doc);
  const paraText = (p: number): string => text.slice(doc.paragraphs[2 * p], doc.paragraphs[2 * p + 1]);
  /** Paragraph p holds no line (pure narration). */
  const narration = (p: number, u: number): boolean => {
    let v = u - 1;
    while (v >= 0 && para[v] > p) v--;
    return v < 0 || para[v] !== p;
  };
  let partner = -1;
  let partnerAt = -1;
  // The last message line, whether it came in, and whether it came in a burst.
  let last = -1;
  let lastIncoming = false;
  let lastBurst = false;
  for (let u = 0; u < nU; u++) {
    const p = para[u];
    const ps = doc.paragraphs[2 * p];
    const pe = doc.paragraphs[2 * p + 1];
    const qs = doc.quotes[4 * doc.utterances[2 * u]];
    const qe = doc.quotes[4 * (doc.utterances[2 * u + 1] - 1) + 1];
    if (partnerAt >= 0 && qs - partnerAt > PARTNER_REACH) partner = -1;
    // The narrator types it: the narration before the line in its own paragraph ends `I text Kit:`.
    if (narrator >= 0 && (u === 0 || para[u - 1] !== p)) {
      const before = text.slice(ps, qs).replace(/["\u201c\u2018]\s*$/, '');
      if (NARRATOR_TYPES.test(before)) {
        out[u] = narrator;
        const to = namedIn(doc, ps, qs, narrator, inQuote, (m) => TEXTED_NAME.test(text.slice(Math.max(ps, doc.mentions[3 * m] - 12), doc.mentions[3 * m])));
        if (to >= 0) {
          partner = to;
          partnerAt = qs;
        }
        last = u;
        lastIncoming = false;
        continue;
      }
    }
    // Otherwise only a line standing alone in its paragraph.
    if ((u > 0 && para[u - 1] === p) || (u + 1 < nU && para[u + 1] === p) || !standsAlone(text, ps, pe, qs, qe) || p === 0) continue;
    const a = p - 1;
    let sender = -1;
    let burst = false;
    if (u > 0 && para[u - 1] === a) {
      // Right after another message line: the partner answering the narrator, or more of a burst.
      if (last === u - 1 && !lastIncoming && partner >= 0) sender = partner;
      else if (last === u - 1 && lastIncoming && lastBurst) {
        sender = out[u - 1];
        burst = true;
      }
    } else {
      const announce = paraText(a);
      const as = doc.paragraphs[2 * a];
      const ae = doc.paragraphs[2 * a + 1];
      // The arrival said a paragraph earlier, this one only naming the sender (`My phone buzzes.` ⏎ `It's Kit.`).
      const earlier = a > 0 && ae - as <= SHORT_PARAGRAPH && ARRIVES.test(paraText(a - 1)) ? a - 1 : -1;
      if (narrator >= 0 && NARRATOR_TYPED.test(announce.trimEnd())) {
        sender = narrator;
      } else if (ONE_MORE.test(announce) && last >= 0 && lastIncoming && u - last <= 2 && para[last] >= a - 1) {
        sender = out[last];
      } else if ((ARRIVES.test(announce) && (phoneNear(doc, a) || (last >= 0 && para[last] >= a - 2))) || earlier >= 0) {
        burst = BURST.test(announce);
        sender = namedIn(doc, as, ae, narrator, inQuote, () => true);
        if (sender < 0 && earlier >= 0) sender = namedIn(doc, doc.paragraphs[2 * earlier], doc.paragraphs[2 * earlier + 1], narrator, inQuote, () => true);
        // Named right after (`"Good luck!!!"` ⏎ `Dessa. She had been texting me since breakfast.`).
        if (sender < 0 && u + 1 < nU && narration(p + 1, u + 2 < nU ? u + 2 : nU) && p + 1 < doc.paragraphCount) sender = namedOpening(doc, p + 1, narrator, inQuote);
        if (sender < 0 && partner >= 0) sender = partner;
      }
    }
    if (sender < 0) continue;
    out[u] = sender;
    last = u;
    lastIncoming = sender !== narrator;
    if (lastIncoming) {
      lastBurst = burst;
      partner = sender;
      partnerAt = qs;
    }
  }
  return out;
}

/** A name standing alone opening paragraph p (`Dessa.`, `Dessa, of course.`), not the narrator: -1 when none. */
function namedOpening(doc: Document, p: number, narrator: number, inQuote: Uint8Array): number {
  const ps = doc.paragraphs[2 * p];
  const m = doc.mentionAtOrAfter(ps);
  if (m >= doc.mentionCount || inQuote[m] || doc.mentions[3 * m + 2] !== MentionKind.Proper || doc.text.slice(ps, doc.mentions[3 * m]).trim() !== '') return -1;
  const c = doc.mentionCharacters[m];
  if (c < 0 || c === narrator) return -1;
  return /^[.,!]/.test(doc.text.slice(doc.mentions[3 * m + 1], doc.mentions[3 * m + 1] + 1)) ? c : -1;
}

/** Is the paragraph [ps, pe) the line [qs, qe) and nothing else but quote marks and spaces? */
function standsAlone(text: string, ps: number, pe: number, qs: number, qe: number): boolean {
  return /^[\s"\u201c\u201d\u2018\u2019']*$/.test(text.slice(ps, qs)) && /^[\s"\u201c\u201d\u2018\u2019']*$/.test(text.slice(qe, pe));
}

/** Does paragraph a, or one of the two before it, speak of phones or texting? */
function phoneNear(doc: Document, a: number): boolean {
  for (let p = a; p >= Math.max(0, a - 2); p--) {
    if (PHONE_CONTEXT.test(doc.text.slice(doc.paragraphs[2 * p], doc.paragraphs[2 * p + 1]))) return true;
  }
  return false;
}

/**
 * The first character named in the narration of [from, to) who passes `accept`, not the narrator
 * and not a phone's holder (`Marit's phone`); one introduced as the sender (`It's Kit`, `from Kit`)
 * comes first. -1 when none.
 */
function namedIn(doc: Document, from: number, to: number, narrator: number, inQuote: Uint8Array, accept: (m: number) => boolean): number {
  const text = doc.text;
  let first = -1;
  for (let m = doc.mentionAtOrAfter(from); m < doc.mentionCount && doc.mentions[3 * m] < to; m++) {
    const kind = doc.mentions[3 * m + 2];
    if (kind !== MentionKind.Proper && kind !== MentionKind.Nominal) continue;
    const c = doc.mentionCharacters[m];
    if (c < 0 || c === narrator || inQuote[m]) continue;
    const s = doc.mentions[3 * m];
    const e = doc.mentions[3 * m + 1];
    if (/^['\u2019]s\s+(?:phone|mobile|screen)\b/i.test(text.slice(e, e + 12))) continue;
    if (!accept(m)) continue;
    if (/\b(?:it['\u2019]s|it\s+is|it\s+was|from)\s+$/i.test(text.slice(Math.max(from, s - 10), s))) return c;
    if (first < 0) first = c;
  }
  return first;
}

/**
 * The sender of a message line wins over the ranker's and the rules' choice, unless a tag or beat in
 * the line's own paragraph names someone.
 */
export function applyTextMessages(doc: Document, state: RuleState): RuleState {
  const senders = messageSenders(doc, state);
  let speakers: Int32Array | null = null;
  let confidence: Float32Array | null = null;
  let cues: string[] | null = null;
  for (let u = 0; u < senders.length; u++) {
    const c = senders[u];
    if (c < 0 || state.speakers[u] === c) continue;
    const top = state.evidence[u][0];
    if (top !== undefined && doc.paragraphAt(doc.mentions[3 * top.mention]) === state.para[u] && (top.cue === Cue.TagName || top.cue === Cue.TagNominal || top.cue === Cue.TagPronoun)) continue;
    speakers ??= state.speakers.slice();
    confidence ??= state.confidence.slice();
    cues ??= state.cues.slice();
    speakers[u] = c;
    confidence[u] = MESSAGE_CONFIDENCE;
    cues[u] = Cue.TextMessage;
  }
  return speakers ? { ...state, speakers, confidence: confidence!, cues: cues! } : state;
}
