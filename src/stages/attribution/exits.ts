/**
 * Exits: narration that sends a character out of the scene (`the woman gets off two stops later`,
 * `Mr. Hale left the room`, `he went out`). Someone who has just left seldom speaks the next line,
 * however recently they were named.
 */
import { Document, MentionKind, TokenKind } from '../../document/document.js';

/**
 * Pronouns that can be the subject of a verb (`his left hand`, `her left` are not). Not `I`/`we`: a
 * first-person narrator who leaves takes the scene along.
 */
const SUBJECT_FORMS: ReadonlySet<string> = new Set(['he', 'she', 'they']);

/** Verbs that are an exit on their own after their subject. */
const EXIT_VERBS: ReadonlySet<string> = new Set([
  'left', 'leaves', 'departed', 'departs', 'disappeared', 'disappears', 'vanished', 'vanishes', 'exited',
  'exits', 'withdrew', 'withdraws',
]);
/** Verbs of motion that are an exit with `out`, `away` or `off` after them (`went out`, `gets off`). */
const MOTION_VERBS: ReadonlySet<string> = new Set([
  'went', 'goes', 'gone', 'walked', 'walks', 'stepped', 'steps', 'hurried', 'hurries', 'ran', 'runs', 'slipped',
  'slips', 'stalked', 'stalks', 'stormed', 'storms', 'strode', 'strides', 'drove', 'drives', 'rode',
  'rides', 'got', 'gets', 'marched', 'marches', 'wandered', 'wanders',
]);
const EXIT_PARTICLES: ReadonlySet<string> = new Set(['out', 'away', 'off']);

/** The end of a telephone call: `hung up`, `rang off` (but `rang up` is the start of one). */
const CALL_ENDS: ReadonlyMap<string, string> = new Map([['hung', 'up'], ['hangs', 'up'], ['rang', 'off'], ['rings', 'off']]);
/** Words that may stand between the subject and the verb (`she quietly left`, `he had gone off`), besides -ly adverbs. */
const GAP_WORDS: ReadonlySet<string> = new Set(['then', 'soon', 'had', 'has', 'have', 'just', 'now', 'finally', 'presently', 'also', 'at', 'once', 'last', 'too']);
const MAX_GAP = 2;
/** `was`, `is`: allowed before `gone` only. */
const BE_FORMS: ReadonlySet<string> = new Set(['was', 'is', 'were']);

/**
 * 1 for each mention that is the subject of an exit, and for the same character's later mentions in
 * that sentence. A mention is the subject of an exit when the next words, before any punctuation,
 * are an exit verb, a motion verb followed by `out`/`away`/`off`, or the end of a telephone call,
 * with at most MAX_GAP adverbs or auxiliaries before the verb.
 */
export function exitMentions(doc: Document): Uint8Array {
  const out = new Uint8Array(doc.mentionCount);
  const text = doc.text;
  for (let m = 0; m < doc.mentionCount; m++) {
    const end = doc.mentions[3 * m + 1];
    const kind = doc.mentions[3 * m + 2];
    // `Hale's left hand`: a possessive is no subject; but a pronoun's `'d` / `'s` is `had`, `has` or
    // `is` (`When she'd gone`, `he's gone`).
    let from = end;
    if (text.charCodeAt(end) === 39 || text.charCodeAt(end) === 0x2019) {
      if (kind !== MentionKind.Pronoun || !/^['\u2019][ds]\b/i.test(text.slice(end, end + 3))) continue;
      from = end + 2;
    }
    if ((kind === MentionKind.Pronoun || kind === MentionKind.FirstPerson) && !SUBJECT_FORMS.has(text.slice(doc.mentions[3 * m], end).toLowerCase())) continue;
    let t = doc.tokenAtOrAfter(from);
    if (t < doc.tokenCount && doc.tokens[2 * t] < from) t++;
    for (let gap = 0; gap <= MAX_GAP && t < doc.tokenCount; gap++, t++) {
      if (doc.tokenKinds[t] !== TokenKind.Word) break;
      const w = doc.tokenText(t).toLowerCase();
      if (EXIT_VERBS.has(w)) {
        out[m] = 1;
        break;
      }
      const callEnd = CALL_ENDS.get(w);
      // `When she had gone, Tom…`, `he was gone`: `gone` with nothing after it in its clause.
      if (w === 'gone' && goneForGood(doc, t + 1)) {
        out[m] = 1;
        break;
      }
      if ((MOTION_VERBS.has(w) || callEnd !== undefined) && t + 1 < doc.tokenCount) {
        const p = doc.tokenText(t + 1).toLowerCase();
        // `went to bed` leaves the talk; `went home`, `went upstairs` may take the scene along with the
        // one we follow, and are not read as exits.
        if (callEnd !== undefined ? p === callEnd : (EXIT_PARTICLES.has(p) && !takesOut(doc, w, p, t + 2)) || (p === 'to' && t + 2 < doc.tokenCount && doc.tokenText(t + 2).toLowerCase() === 'bed')) out[m] = 1;
        break;
      }
      // `she was gone`: a state of being gone (but `was left`, `is walking out` are not exits).
      if (gap < MAX_GAP && BE_FORMS.has(w) && t + 1 < doc.tokenCount && doc.tokenText(t + 1).toLowerCase() === 'gone') continue;
      if (gap === MAX_GAP || (!GAP_WORDS.has(w) && !w.endsWith('ly'))) break;
    }
    // The rest of the sentence still sees them go (`… went off with her bucket`), up to a `but` that
    // may bring them back (`Lou had gone, but he came back within the hour`).
    const c = doc.mentionCharacters[m];
    if (out[m] && c >= 0) {
      let stop = end;
      while (stop < text.length && stop - end < SENTENCE_REACH && !isSentenceEnd(text.charCodeAt(stop))) stop++;
      const but = text.slice(end, stop).search(/\bbut\b/i);
      if (but >= 0) stop = end + but;
      for (let n = m + 1; n < doc.mentionCount && doc.mentions[3 * n] < stop; n++) if (doc.mentionCharacters[n] === c) out[n] = 1;
    }
    // Both of a pair go (`Kate and Lou went out`), when the pair opens its clause (not `stayed behind
    // with Dan and Lou went off`, where Dan is an object).
    if (out[m] && m > 0 && /^\s+and\s+$/.test(text.slice(doc.mentions[3 * m - 2], doc.mentions[3 * m]))) {
      const k = doc.mentions[3 * (m - 1) + 2];
      const b = doc.tokenAtOrAfter(doc.mentions[3 * (m - 1)]) - 1;
      const opens = b < 0 || doc.tokenKinds[b] !== TokenKind.Word || PAIR_OPENERS.has(doc.tokenText(b).toLowerCase());
      if ((k === MentionKind.Proper || k === MentionKind.Nominal) && opens) out[m - 1] = 1;
    }
  }
  return out;
}

/**
 * Does `gone` end its clause at token t (punctuation, the end, or the next clause's subject: `When
 * she had gone Tom opened the book`)? Not `gone quiet`, `gone pale` (a change, not an exit) or `gone
 * to the window` (a move within the room); `gone and done it` is no exit either.
 */
function goneForGood(doc: Document, t: number): boolean {
  if (t >= doc.tokenCount || doc.tokenKinds[t] !== TokenKind.Word) return true;
  const m = doc.mentionAtOrAfter(doc.tokens[2 * t]);
  if (m < 0 || m >= doc.mentionCount || doc.mentions[3 * m] !== doc.tokens[2 * t]) return false;
  const kind = doc.mentions[3 * m + 2];
  const w = doc.mentionText(m).toLowerCase();
  return kind === MentionKind.Proper || (kind === MentionKind.Pronoun && SUBJECT_FORMS.has(w)) || (kind === MentionKind.FirstPerson && (w === 'i' || w === 'we'));
}

/** Words after which a pair of names opens a clause (`then Kate and Lou went out`). */
const PAIR_OPENERS: ReadonlySet<string> = new Set(['and', 'but', 'then', 'when', 'as', 'so', 'while', 'until', 'before', 'after', 'soon']);

/** Words that open the object of a transitive `got out` (`got out his phone`, `got out a pen`). */
const TAKEN_OBJECT: ReadonlySet<string> = new Set(['his', 'her', 'their', 'my', 'your', 'its', 'our', 'a', 'an', 'some']);

/**
 * Is `got out` here taking something out (`got out his phone`), not getting out? Only `get` takes
 * such an object: `went out a moment later` is an exit.
 */
function takesOut(doc: Document, verb: string, particle: string, next: number): boolean {
  return (verb === 'got' || verb === 'gets') && particle === 'out' && next < doc.tokenCount && doc.tokenKinds[next] === TokenKind.Word && TAKEN_OBJECT.has(doc.tokenText(next).toLowerCase());
}

const SENTENCE_REACH = 300;
function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}
