/**
 * Text messages written as quoted lines, the way modern stories write a phone conversation:
 *
 *   My phone buzzes. It's Kit.          ⏎  "where are you"
 *   Then a second one.                  ⏎  "wren. WREN."
 *   I text back: "on my way"
 *   The three dots appear at once.      ⏎  "is that a metaphor"
 *   Then Felix, predictably:            ⏎  "i sent the screenshot"
 *   Hannah typed with her thumb.        ⏎  "Nothing yet."
 *
 * Only where texting is about: a phone that buzzes or lights up, or texting named outright, in the
 * narration just before the line (phone words said inside a line do not count), or a message line a
 * few paragraphs back; a call being taken is talk. A line standing alone in its paragraph after
 * narration is, in order:
 * - the subject's, when that narration's last sentence has someone text, or (where texting is about)
 *   type, send or answer (`I typed back one-handed.`, `She sent it.`, `Lou had replied.`);
 * - the one named, when it ends on a colon naming one person (`Felix, still in capitals:`);
 * - the same sender again after `Then a second one.`;
 * - when it says a message arrives: the one it names (`It's Kit.`, `Dani's answer comes in`; not a
 *   phone's holder, `Marit's phone`), else the one named right after the line (`Dessa. She had been
 *   texting me.`, `That's from Dani.`), else the one the exchange is with (the last sender).
 * A line right after a message line, nothing between: after one the holder sent, the other side's
 * when it is written as that side writes (all lower case or not); after one that came in, the same
 * sender's in a burst (`it went off like a slot machine`, `lit up twice`; five lines at most) or when
 * written as the sender writes and the holder writes otherwise. Else it is left to the talk around
 * it: someone in the room may be the one speaking. A line whose own paragraph has someone type or send it
 * before a colon (`I type back with my thumb: "…"`) is theirs. A tag of the line's own paragraph
 * always keeps it. The rules are written from scenes of our own (test/fixtures/modern: texting,
 * tournament, waiting, groupthread) and guarded against ordinary novel prose in
 * test/text-messages.test.ts; no PDNC line is read as a message.
 */
import { MentionKind, TokenKind, type Document } from '../../document/document.js';
import { Cue } from './cues.js';
import { mentionInQuote, startsCall, type RuleState } from './index.js';
import { speakerOverrides } from './overrides.js';

/** How sure a message line is of its sender. */
const MESSAGE_CONFIDENCE = 0.85;
/** How far back (characters) the one an exchange is with is remembered. */
const PARTNER_REACH = 6000;
/** Most lines a burst (`it went off like a slot machine`) gives its sender with nothing between. */
const BURST_LINES = 5;
/** Longest paragraph (characters) between an arrival and its line that only names the sender (`It's Kit.`). */
const SHORT_PARAGRAPH = 80;
/** How many paragraphs back a message line keeps the talk a texting one. */
const CONTEXT_PARAGRAPHS = 4;

/** A phone in a sentence that says a message comes in: `my phone buzzes`, `her mobile lit up`. */
const PHONE_NOUN = /\b(?:phones?|mobiles?|cellphones?|iphones?|handsets?)\b/i;
/** The screen lights up only where texts are already being exchanged (not a cinema's). */
const SCREEN_NOUN = /\bscreens?\b/i;
/** A phone's signal: buzzing, pinging, lighting up, going off. */
const SIGNAL_VERB = /\b(?:buzz(?:es|ed|ing)?|vibrat(?:es|ed|ing)|pings?|pinged|pinging|dings?|dinged|chimes?|chimed|lights? up|lit up|lighting up|(?:goes|went|going) (?:off|again))\b/i;
/** Texting named outright. */
const TEXTING = /\b(?:texted|texting|text messages?|a text|the text|another text|new text|texts? (?:me|him|her|them|us|you|back)|group chat|the chat|notifications?|dms?|whatsapp|snapchat|three (?:little |grey |gray )?dots)\b/i;
/** A message arrives, told without the phone (`another message`, `the three dots`), where texting is already about. */
const MESSAGE_ARRIVES = /\b(?:(?:a|another|new|next|one more|second) (?:text|message|notification|dm|buzz|ping)\b|three (?:little |grey |gray )?dots\b|(?:reply|answer|response) (?:comes|came|arrives|arrived)\b)/i;
/** `it buzzed one last time`, `When it finally buzzes`: the phone, already in hand. */
const IT_SIGNALS = /\bit\s+(?:just\s+|then\s+|finally\s+|suddenly\s+)?(?:buzz|vibrat|pings?\b|pinged|dings?\b|dinged|chime|lights? up|lit up|went off|goes off)/i;
/** Several messages at once (`it went off like a slot machine`, `lit up twice`): the lines right after are all the sender's. */
const BURST = /\b(?:went off|goes off|(?:keeps|kept) (?:buzzing|vibrating|pinging)|messages|texts|twice|two|three|several|a (?:string|flurry|stream|barrage|volley) of)\b/i;
/** `Then a second one.`, `Another buzz, also him:`: one more message from the same sender (not `Another officer came in`). */
const ONE_MORE = /^\W*(?:then,?\s+)?(?:(?:right\s+)?(?:on top of it|behind it|after it),?\s+)?(?:another|a second|a third|one more)(?:\s+(?:one|buzz|text|message|ping))?\s*(?:[,.!:;\u2014\u2013-]|$)/i;
/** Verbs of texting: their subject wrote the line. */
const TEXT_VERBS: ReadonlySet<string> = new Set(['text', 'texts', 'texted', 'message', 'messages', 'messaged', 'thumb', 'thumbs', 'thumbed']);
/** Verbs of sending or answering anything (a typewriter types, a boy is sent): a message's only where texting is about. */
const SEND_VERBS: ReadonlySet<string> = new Set([
  'type', 'types', 'typed', 'send', 'sends', 'sent', 'reply', 'replies', 'replied', 'respond', 'responds', 'responded', 'write', 'writes', 'wrote',
]);
/** Phrases of answering that need more than the verb (`comes straight back`, `gets in before he can`, `chimes in`, `fires back`). */
const SEND_PHRASE = /\b(?:(?:comes?|came)\s+(?:straight|right)\s+back|(?:gets?|got)\s+in\s+(?:first|before)|(?:chimes?|chimed)\s+in|(?:fires?|fired|shoots?|shot)\s+back)\b/i;
/** Words between a subject and its verb (`Lou had replied`, `she immediately sent`). */
const BETWEEN: ReadonlySet<string> = new Set(['had', 'has', 'have', 'then', 'just', 'already', 'also', 'still', 'finally', 'immediately', 'quickly', 'slowly', 'instantly', 'eventually', 'only', 'now', 'must', 'would', 'will', "'d", 'd']);
/** A line named after it: `Dessa.`, `That's from Dani.`, `That one's Felix again`, `It was Mum`. */
const NAMED_AFTER = /^\s*(?:(?:that(?: one)?['\u2019]s|that (?:one )?was|that['\u2019]s from|it['\u2019]s|it was|from)\s+)?$/i;

/** How a text is written: 1 all lower case (`ok so thats`), -1 capitalised (`Nothing yet.`), 0 not known. */
function writingStyle(line: string): number {
  for (const w of line.match(/\p{L}[\p{L}'\u2019]*/gu) ?? []) {
    if (w.length > 1 && w === w.toUpperCase()) continue; // shouting (`GUYS`, `THE screenshot`) says nothing
    return w[0] === w[0].toLowerCase() ? 1 : -1;
  }
  return 0;
}

/**
 * Per utterance, the sender of a text message written as a quoted line (or its writer for one the
 * holder types), or -1.
 */
export function messageSenders(doc: Document, state: RuleState): Int32Array {
  const nU = doc.utteranceCount;
  const out = new Int32Array(nU).fill(-1);
  const text = doc.text;
  const { para, narrator } = state;
  const inQuote = mentionInQuote(doc);
  // Who the lines are exchanged between: the holder (who receives and sends) and the partner (who sent last).
  let holder = narrator;
  let partner = -1;
  let partnerAt = -1;
  // The last message line, how many lines its burst has left (`it went off like a slot machine`),
  // and each writer's habit (writingStyle).
  let last = -1;
  let burstLeft = 0;
  const style = new Map<number, number>();
  const record = (u: number, c: number, at: number, burst: number): void => {
    out[u] = c;
    last = u;
    burstLeft = burst;
    const s = writingStyle(text.slice(doc.quotes[4 * doc.utterances[2 * u]], doc.quotes[4 * (doc.utterances[2 * u + 1] - 1) + 1]));
    if (s !== 0) style.set(c, s);
    if (c !== holder) {
      partner = c;
      partnerAt = at;
    }
  };
  for (let u = 0; u < nU; u++) {
    const p = para[u];
    const ps = doc.paragraphs[2 * p];
    const pe = doc.paragraphs[2 * p + 1];
    const qs = doc.quotes[4 * doc.utterances[2 * u]];
    const qe = doc.quotes[4 * (doc.utterances[2 * u + 1] - 1) + 1];
    if (partnerAt >= 0 && qs - partnerAt > PARTNER_REACH) partner = -1;
    // An exchange of texts is going on (a message line a few paragraphs back), or has been in this
    // stretch of the story (a message line within PARTNER_REACH): then a bare `Buzz.` or a screen
    // lighting up is a message too.
    const recent = last >= 0 && para[last] >= p - CONTEXT_PARAGRAPHS;
    const established = last >= 0 && qs - doc.quotes[4 * doc.utterances[2 * last]] <= PARTNER_REACH;
    if (!established) {
      holder = narrator;
      style.clear();
    }
    // A telephone call is talk: texts are read there only when they were being exchanged before it.
    if (state.calls[2 * state.conv[u]] >= 0 && !recent) continue;
    // Typed in its own paragraph: `I type back with my thumb: "…"`, `She thumbed back: "…"`.
    if ((u === 0 || para[u - 1] !== p) && endsOnColon(text, ps, qs)) {
      const own = text.slice(ps, qs);
      const texting = recent || TEXTING.test(own) || PHONE_NOUN.test(own);
      const writer = senderSubject(doc, ps, qs, narrator, inQuote, recent ? holder : -1, state.genders, texting);
      if (writer >= 0) {
        if (writer !== narrator && narrator < 0 && holder < 0) holder = writer;
        if (writer === holder) {
          const to = namedIn(doc, ps, qs, narrator, inQuote, (m) => /\b(?:text|texted|message|messaged)\s+$/i.test(text.slice(Math.max(ps, doc.mentions[3 * m] - 10), doc.mentions[3 * m])));
          if (to >= 0) {
            partner = to;
            partnerAt = qs;
          }
        }
        record(u, writer, qs, 0);
        continue;
      }
    }
    // Otherwise only a line standing alone in its paragraph.
    if ((u > 0 && para[u - 1] === p) || (u + 1 < nU && para[u + 1] === p) || !standsAlone(text, ps, pe, qs, qe) || p === 0) continue;
    let sender = -1;
    let burst = 0;
    if (u > 0 && para[u - 1] === p - 1) {
      // Right after another line, nothing between.
      if (last !== u - 1) continue;
      const prev = out[u - 1];
      // Named right after (`"it was for noor"` ⏎ `That one's Felix again.`).
      const after = p + 1 < doc.paragraphCount && (u + 1 >= nU || para[u + 1] !== p + 1) ? namedOpening(doc, p + 1, narrator, inQuote) : -1;
      // Otherwise the other side of the exchange, or more from the same sender, only when the line is
      // written as they write (all lower case or not): someone in the room may be speaking (`"Who are
      // you texting?"`), and the holder's own replies are left to the talk around them.
      const s = writingStyle(text.slice(qs, qe));
      const writesAs = (c: number): boolean => s !== 0 && style.get(c) === s;
      if (after >= 0 && after !== holder) sender = after;
      else if (prev >= 0 && prev === holder && partner >= 0 && writesAs(partner)) sender = partner;
      else if (prev >= 0 && prev !== holder && burstLeft > 0) {
        sender = prev;
        burst = burstLeft - 1;
      } else if (prev >= 0 && prev !== holder && holder >= 0 && writesAs(prev) && style.has(holder) && !writesAs(holder)) sender = prev;
      // The holder answering, as the talk around already reads it and as the holder writes: the
      // exchange goes on through their line (the next may be the other side's again).
      else if (prev >= 0 && prev !== holder && holder >= 0 && state.speakers[u] === holder && writesAs(holder) && style.has(prev) && !writesAs(prev)) sender = holder;
    } else {
      // The narration before the line: its paragraph, and the one before when that holds no line either
      // or this one is short (`It's Kit.` after `… my phone buzzes.`).
      const a = p - 1;
      const announce = narrationOf(doc, a);
      const a0 = a > 0 && (u === 0 || para[u - 1] < a - 1 || announce.length <= SHORT_PARAGRAPH) ? a - 1 : a;
      // The paragraph that says a message comes in, the nearer first.
      const arrival = arrives(announce, established) ? a : a0 < a && arrives(narrationOf(doc, a0), established) ? a0 : -1;
      const texting = recent || arrival >= 0 || TEXTING.test(announce) || (a0 < a && TEXTING.test(narrationOf(doc, a0)));
      if (!texting) continue;
      // A call taken is talk, not texts (`My phone buzzes. Mum. I answer it.`).
      if ((arrival >= 0 && startsCall(doc, arrival)) || startsCall(doc, a)) continue;
      // Whose phone it is (`Her phone buzzed`, `my phone`): they receive, they are not the sender.
      if (arrival >= 0 && narrator < 0) {
        const h = phoneHolder(doc, arrival, inQuote);
        if (h >= 0) holder = h;
      }
      const as = doc.paragraphs[2 * a];
      const ae = doc.paragraphs[2 * a + 1];
      const lastSentence = doc.sentenceAt(Math.max(as, ae - 1));
      const ls = lastSentence >= 0 ? Math.max(as, doc.sentences[4 * lastSentence]) : as;
      const writer = senderSubject(doc, ls, ae, narrator, inQuote, recent ? holder : -1, state.genders, recent || TEXTING.test(text.slice(ls, ae)) || PHONE_NOUN.test(text.slice(ls, ae)));
      const intro = endsOnColon(text, as, ae) ? colonIntro(doc, ls, ae, narrator, inQuote) : -1;
      if (writer >= 0) sender = writer;
      else if (intro >= 0) sender = intro;
      else if (recent && ONE_MORE.test(announce) && out[last] >= 0 && out[last] !== holder && para[last] >= a0 - 1) sender = out[last];
      else if (arrival >= 0) {
        if (BURST.test(arrival === a ? announce : narrationOf(doc, arrival))) burst = BURST_LINES;
        const notHolder = (m: number): boolean => doc.mentionCharacters[m] !== holder;
        sender = namedIn(doc, as, ae, narrator, inQuote, notHolder);
        if (sender < 0 && arrival < a) sender = namedIn(doc, doc.paragraphs[2 * arrival], doc.paragraphs[2 * arrival + 1], narrator, inQuote, notHolder);
        if (sender < 0) {
          // Named right after the line, or after the run of lines it opens (`"GUYS"` ⏎ `"GUYS I NEED…"` ⏎ `Felix.`).
          let v = u;
          while (v + 1 < nU && v - u < BURST_LINES && para[v + 1] === para[v] + 1 && standsAloneAt(doc, para, v + 1, nU)) v++;
          const after = para[v] + 1;
          if (after < doc.paragraphCount && (v + 1 >= nU || para[v + 1] !== after)) {
            const named = namedOpening(doc, after, narrator, inQuote);
            if (named >= 0) {
              sender = named;
              if (v > u) burst = Math.max(burst, v - u);
            }
          }
        }
        if (sender < 0 && partner >= 0) sender = partner;
      }
    }
    if (sender < 0) continue;
    record(u, sender, qs, burst);
  }
  return out;
}

/** Does the text [from, to) end on a colon, past spaces and an opening quote mark (`I type back:`, `She wrote: "`)? */
function endsOnColon(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && /[\s"\u201c\u2018]/.test(text[k])) k--;
  return k >= from && text.charCodeAt(k) === 58;
}

/**
 * Does a paragraph's narration say a message comes in: a sentence with a phone that buzzes, pings,
 * lights up or goes off; or, told without the phone, `another message`, `another buzz`, `the three
 * dots`, `the reply came`, `Noor gets in first`, with texting named there or exchanged in this stretch
 * of the story (`texting`); then also a screen lighting up, `It buzzes again.` or a bare `Buzz.`
 * (not `the smoke alarm went off` nor `The doorbell chimed.`: a thing of their own doing it).
 */
function arrives(narr: string, texting: boolean): boolean {
  if (narr.trim() === '') return false;
  for (const sentence of narr.split(/(?<=[.!?\u2026])\s+/)) {
    const signal = SIGNAL_VERB.test(sentence);
    const message = MESSAGE_ARRIVES.test(sentence) || SEND_PHRASE.test(sentence);
    if (!signal && !message) continue;
    if (signal && PHONE_NOUN.test(sentence)) return true;
    if (signal && texting && (SCREEN_NOUN.test(sentence) || IT_SIGNALS.test(sentence) || /^\W*(?:then,?\s+)?(?:buzz|ping|ding)\b/i.test(sentence))) return true;
    if (message && (texting || TEXTING.test(narr) || PHONE_NOUN.test(narr))) return true;
  }
  return false;
}

/**
 * Paragraph p's narration: its text with the quotations blanked out (phone words said in a line do
 * not count). Read only for the few paragraphs before a line, so nothing is kept.
 */
function narrationOf(doc: Document, p: number): string {
  const ps = doc.paragraphs[2 * p];
  const pe = doc.paragraphs[2 * p + 1];
  // The first quotation of paragraph p (quotations are in text order).
  let lo = 0;
  let hi = doc.quoteCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.quotes[4 * mid + 2] < p) lo = mid + 1;
    else hi = mid;
  }
  let s = '';
  let at = ps;
  for (let k = lo; k < doc.quoteCount && doc.quotes[4 * k + 2] === p; k++) {
    const qs = Math.max(at, doc.quotes[4 * k]);
    const qe = Math.min(pe, doc.quotes[4 * k + 1]);
    s += doc.text.slice(at, qs) + ' '.repeat(Math.max(0, qe - qs));
    at = Math.max(at, qe);
  }
  return s + doc.text.slice(at, pe);
}

/** Is the paragraph [ps, pe) the line [qs, qe) and nothing else but quote marks and spaces? */
function standsAlone(text: string, ps: number, pe: number, qs: number, qe: number): boolean {
  return /^[\s"\u201c\u201d\u2018\u2019']*$/.test(text.slice(ps, qs)) && /^[\s"\u201c\u201d\u2018\u2019']*$/.test(text.slice(qe, pe));
}

/** Does utterance v stand alone in its paragraph? */
function standsAloneAt(doc: Document, para: Int32Array, v: number, nU: number): boolean {
  if ((v > 0 && para[v - 1] === para[v]) || (v + 1 < nU && para[v + 1] === para[v])) return false;
  const p = para[v];
  return standsAlone(doc.text, doc.paragraphs[2 * p], doc.paragraphs[2 * p + 1], doc.quotes[4 * doc.utterances[2 * v]], doc.quotes[4 * (doc.utterances[2 * v + 1] - 1) + 1]);
}

/** The character a narration mention stands for (the narrator for `I`), or -1. */
function characterOf(doc: Document, m: number, narrator: number): number {
  return doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
}

/**
 * The subject of the last sending verb in the narration [from, to) (`I typed back`, `Lou had
 * replied`, `She sent it`, `Noor comes straight back`): its character, or -1. The subject is the
 * mention right before the verb, past a few auxiliaries and adverbs; a pronoun counts as the cast
 * stage resolved it.
 */
function senderSubject(doc: Document, from: number, to: number, narrator: number, inQuote: Uint8Array, holder: number, genders: Uint8Array, texting: boolean): number {
  let found = -1;
  // A `she` who sends in a texting scene is the one holding the phone when the gender fits: the
  // narration follows them, and the other end is not in the room.
  const who = (m: number): number => {
    const c = characterOf(doc, m, narrator);
    if (doc.mentions[3 * m + 2] === MentionKind.Pronoun && holder >= 0 && c !== holder && genders[holder] === doc.mentionGenders[m]) return holder;
    return c;
  };
  const t0 = doc.tokenAtOrAfter(from);
  for (let t = t0; t < doc.tokenCount && doc.tokens[2 * t] < to; t++) {
    if (doc.tokenKinds[t] !== TokenKind.Word) continue;
    const w = doc.tokenText(t).toLowerCase();
    // Texting verbs always; sending, typing and answering only where texting is about.
    let verb = TEXT_VERBS.has(w) || (texting && SEND_VERBS.has(w));
    if (!verb && texting && /^(?:comes?|came|gets?|got|chimes?|chimed|fires?|fired|shoots?|shot)$/.test(w)) verb = SEND_PHRASE.exec(doc.text.slice(doc.tokens[2 * t], Math.min(to, doc.tokens[2 * t] + 24)))?.index === 0;
    if (!verb) continue;
    // `I write back`, not `I wrote a letter` read as a message: write only with `back`.
    if (/^(?:write|writes|wrote)$/.test(w) && !/^\s+back\b/i.test(doc.text.slice(doc.tokens[2 * t + 1], doc.tokens[2 * t + 1] + 6))) continue;
    let k = t - 1;
    while (k >= t0 && doc.tokenKinds[k] === TokenKind.Word && (BETWEEN.has(doc.tokenText(k).toLowerCase()) || /ly$/i.test(doc.tokenText(k)))) k--;
    if (k < t0 || doc.tokenKinds[k] !== TokenKind.Word) continue;
    // `She smiled despite herself and thumbed back a reply`: a second verb of the sentence's subject.
    if (doc.tokenText(k).toLowerCase() === 'and') {
      const s = doc.sentenceAt(doc.tokens[2 * t]);
      const m = doc.mentionAtOrAfter(Math.max(from, s >= 0 ? doc.sentences[4 * s] : from));
      if (m < doc.mentionCount && doc.mentions[3 * m] < doc.tokens[2 * k] && !inQuote[m] && subjectLike(doc, m)) {
        const c = who(m);
        if (c >= 0) found = c;
      }
      continue;
    }
    const end = doc.tokens[2 * k + 1];
    let m = doc.mentionAtOrAfter(doc.tokens[2 * k]);
    if (m > 0 && (m >= doc.mentionCount || doc.mentions[3 * m] > doc.tokens[2 * k])) m--;
    if (m < 0 || m >= doc.mentionCount || doc.mentions[3 * m + 1] !== end || inQuote[m]) continue;
    if (!subjectLike(doc, m)) continue;
    const c = who(m);
    if (c >= 0) found = c;
  }
  return found;
}

/** Can mention m be a clause's subject: a name, a description, `he`/`she`/`they`, `I`? */
function subjectLike(doc: Document, m: number): boolean {
  const kind = doc.mentions[3 * m + 2];
  const mt = doc.mentionText(m).toLowerCase();
  if (kind === MentionKind.Pronoun) return /^(?:he|she|they)$/.test(mt);
  if (kind === MentionKind.FirstPerson) return mt === 'i';
  return kind === MentionKind.Proper || kind === MentionKind.Nominal;
}

/** The one whose phone paragraph p speaks of (`Her phone buzzed`, `Hannah's phone`), or -1. */
function phoneHolder(doc: Document, p: number, inQuote: Uint8Array): number {
  const end = doc.paragraphs[2 * p + 1];
  for (let m = doc.mentionAtOrAfter(doc.paragraphs[2 * p]); m < doc.mentionCount && doc.mentions[3 * m] < end; m++) {
    if (inQuote[m]) continue;
    const e = doc.mentions[3 * m + 1];
    const t = doc.mentionText(m).toLowerCase();
    const possessive = t === 'her' || t === 'his' || t === 'their' || /['\u2019]s$/.test(t) || /^['\u2019]s\b/.test(doc.text.slice(e, e + 2));
    if (!possessive || !/^(?:['\u2019]s)?\s+(?:\w+\s+)?(?:phone|mobile|screen)\b/i.test(doc.text.slice(e, e + 24))) continue;
    const c = doc.mentionCharacters[m];
    if (c >= 0) return c;
  }
  return -1;
}

/** `Then Felix, predictably:`, `Felix, still in capitals:`: the one person named in a sentence [from, to) ending on a colon. */
function colonIntro(doc: Document, from: number, to: number, narrator: number, inQuote: Uint8Array): number {
  let one = -1;
  for (let m = doc.mentionAtOrAfter(from); m < doc.mentionCount && doc.mentions[3 * m] < to; m++) {
    if (inQuote[m]) continue;
    const kind = doc.mentions[3 * m + 2];
    const c = characterOf(doc, m, narrator);
    if (c < 0 || (kind !== MentionKind.Proper && kind !== MentionKind.Pronoun)) continue;
    if (one >= 0 && one !== c) return -1;
    one = c;
  }
  return one === narrator ? -1 : one;
}

/** A name opening paragraph p as the sender of what came before (`Dessa.`, `That's from Dani.`), not the narrator: -1 when none. */
function namedOpening(doc: Document, p: number, narrator: number, inQuote: Uint8Array): number {
  const ps = doc.paragraphs[2 * p];
  const m = doc.mentionAtOrAfter(ps);
  if (m >= doc.mentionCount || inQuote[m] || doc.mentions[3 * m + 2] !== MentionKind.Proper) return -1;
  if (!NAMED_AFTER.test(doc.text.slice(ps, doc.mentions[3 * m]))) return -1;
  const c = doc.mentionCharacters[m];
  if (c < 0 || c === narrator) return -1;
  const bare = doc.text.slice(ps, doc.mentions[3 * m]).trim() === '';
  // A bare name is a sentence of its own (`Dessa.`, `Lou, obviously.`), not the subject of one
  // (`Dessa laughed.`, `Callum, still on his knees, holds up a dowel.`).
  return !bare || /^(?:[.!]|,\s*(?:[\p{L}'\u2019-]+\s+){0,2}[\p{L}'\u2019-]+[.!])/u.test(doc.text.slice(doc.mentions[3 * m + 1], doc.mentions[3 * m + 1] + 40)) ? c : -1;
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
 * The sender of a message line wins over the ranker's and the rules' choice, unless a tag in the
 * line's own paragraph names someone.
 */
export function applyTextMessages(doc: Document, state: RuleState): RuleState {
  const senders = messageSenders(doc, state);
  const changes = speakerOverrides(state);
  for (let u = 0; u < senders.length; u++) {
    const c = senders[u];
    if (c < 0 || state.speakers[u] === c) continue;
    const top = state.evidence[u][0];
    if (top !== undefined && doc.paragraphAt(doc.mentions[3 * top.mention]) === state.para[u] && (top.cue === Cue.TagName || top.cue === Cue.TagNominal || top.cue === Cue.TagPronoun)) continue;
    changes.set(u, c, MESSAGE_CONFIDENCE, Cue.TextMessage);
  }
  return changes.result();
}
