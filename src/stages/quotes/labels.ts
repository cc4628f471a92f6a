/**
 * Speaker labels: chat logs and script-format passages write a line as `Dessa: well????` (text
 * messages, group chats, play-script fan fiction: `JOHN: Where were you?`), usually with no quote
 * marks, one line after another (a paragraph each, or lines of one paragraph). Each is a line whose
 * speaker the label names.
 *
 * A line is labelled when it opens with one to three capitalised words (or one user-name-like word:
 * letters, digits, `_`, `.`), optionally in `**`, `__` or `[ ]` kept from bold markup, then a colon, a
 * space and more text; a chat's time stamp may stand before the name or between it and the colon
 * (`[21:04] Priya: …`, `21:04 - Priya: …`, `Priya (9:04 PM): …`; bare, only with a colon in the time). It must stand next to another labelled line (a chat is a run of them; one
 * `Worse: he was walking over.` in prose is not), or, for a label said more than once, one line of
 * narration away (a script's stage direction); a document has labels only when at least three lines
 * are labelled so and one label repeats. Headers and fields are not labels (`A/N:`, `POV:`,
 * `Rating:`, `Name:`, `Age:`, days, captions), nor a word the text also writes in lower case and never
 * capitalises mid-sentence outside labels (`Problem:` … `Solution:`).
 */
import type { Document } from '../../document/document.js';
import { ParagraphKind } from '../../document/document.js';

/** Longest label, in characters. */
const MAX_LABEL = 32;

/** A chat's time stamp: `21:04`, `9:04 PM`, `12/03 21:04`, `21:04:33`. */
const TIME = String.raw`(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
/** A bare time stamp: a colon between hours and minutes (`7.30 Breakfast:` heads a diary's entry, not a chat line). */
const BARE_TIME = String.raw`(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
/** A time stamp opening a chat line (`[21:04] Dessa: …`, `(9:04 PM) Dessa: …`, `21:04 - Dessa: …`). */
const TIME_BEFORE = new RegExp(String.raw`^(?:\[${TIME}\]|\(${TIME}\)|${BARE_TIME}(?=\s))\s*(?:[-\u2013\u2014|]\s*)?`);
const LABEL = new RegExp(
  String.raw`^(\*\*|__|\[)?((?:[A-Z][\p{L}'\u2019.-]*)(?: [A-Z][\p{L}'\u2019.-]*){0,2}|[\p{L}\d][\p{L}\d_.]{1,23})(\*\*|__|\])?` +
    // A time stamp after the name (`Dessa [21:04]: …`, `Dessa (9:04 PM): …`).
    String.raw`(?:\s*(?:\[${TIME}\]|\(${TIME}\)))?:(\*\*|__)?[ \t]+(?=\S)`,
  'u',
);
/** The closing markup a label's opening markup needs (`**Dessa**:`, `**Dessa:**`, `[Dessa]:`). */
const CLOSES: Record<string, string> = { '**': '**', __: '__', '[': ']' };

/** Words before a colon that head a note, a field, a list or a date, never a speaker. */
const NOT_LABELS: ReadonlySet<string> = new Set([
  'a/n', 'an', 'note', 'notes', 'author', "author's note", 'authors note', 'summary', 'warning', 'warnings',
  'disclaimer', 'chapter', 'edit', 'update', 'rating', 'pairing', 'pairings', 'fandom', 'fandoms', 'tags',
  'beta', 'words', 'status', 'date', 'time', 'location', 'place', 'subject', 'from', 'to', 're', 'cc', 'ps',
  'p.s', 'p.s.', 'sent', 'characters', 'character', 'relationship', 'relationships', 'category', 'language',
  'series', 'stats', 'published', 'completed', 'updated', 'chapters', 'kudos', 'bookmarks', 'hits',
  'comments', 'part', 'prompt', 'title', 'day', 'scene', 'setting', 'genre', 'length', 'dedication',
  'epilogue', 'prologue', 'pov', 'tw', 'cw', 'tws', 'cws', 'content warning', 'trigger warning', 'au',
  'name', 'full name', 'nickname', 'age', 'hair', 'eyes', 'height', 'weight', 'species', 'occupation', 'job',
  'likes', 'dislikes', 'hobbies', 'birthday', 'appearance', 'personality', 'background', 'family', 'role',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'yesterday', 'today', 'tomorrow', 'later', 'meanwhile', 'now', 'then', 'afterwards', 'before', 'after',
  'answer', 'question', 'q', 'a', 'step', 'rule', 'item', 'ingredients', 'result', 'results', 'example',
  'problem', 'solution', 'tip', 'hint', 'fact', 'reason', 'plan', 'idea', 'goal', 'mood', 'song', 'music',
  'p', 'nb', 'n.b', 'n.b.', 'picture', 'illustration', 'image', 'figure', 'caption', 'photo', 'also',
  'and', 'but', 'so', 'still', 'yes', 'no', 'well', 'oh', 'ok', 'okay', 'edit 2', 'update 2',
  // A diary's, a log's or a schedule's entries (`06:00 Wind: NW 4`, `12:30 Lunch: soup`).
  'breakfast', 'lunch', 'dinner', 'supper', 'tea', 'snack', 'wind', 'sea', 'weather', 'temperature',
  'position', 'course', 'speed', 'heading', 'visibility', 'barometer', 'visitors', 'visitor', 'meds',
  'medication', 'medicine', 'task', 'tasks', 'todo', 'to do', 'status update', 'entry', 'log',
]);

/**
 * The labelled lines of the document, in text order: [labelStart, labelEnd, lineStart, lineEnd] per
 * line (the label without its markup; the line from after the colon and spaces to the end of its
 * line of text), stride 4. Empty when the document has no chat or script lines.
 */
export function findSpeakerLabels(doc: Document): Int32Array {
  const text = doc.text;
  const paras = doc.paragraphs;
  const kinds = doc.paragraphKinds;
  const pcount = paras.length >> 1;
  // Candidate lines: [labelStart, labelEnd, lineStart, lineEnd, unit] where unit numbers the lines of
  // text (two candidates stand next to each other when their units are consecutive).
  const cand: number[] = [];
  const keys: string[] = [];
  let unit = 0;
  for (let p = 0; p < pcount; p++) {
    const ps = paras[2 * p];
    const pe = paras[2 * p + 1];
    if (kinds.length > p && kinds[p] !== ParagraphKind.Text) {
      unit += 2;
      continue;
    }
    let ls = ps;
    while (ls < pe) {
      let le = text.indexOf('\n', ls);
      if (le < 0 || le > pe) le = pe;
      let e = le;
      while (e > ls && (text.charCodeAt(e - 1) === 13 || text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      const s = labelAt(text, ls, e);
      if (s) {
        cand.push(ls + s.start, ls + s.start + s.name.length, ls + s.line, e, unit);
        keys.push(s.name.toLowerCase());
      }
      unit++;
      ls = le + 1;
    }
    unit++; // a paragraph break between units of two paragraphs still counts as next to each other
  }
  const n = keys.length;
  if (n < 3) return new Int32Array(0);
  // Next to another labelled line: consecutive units, or one paragraph break between (units differ
  // by 2); a label said more than once may have a line of narration between (a script's stage
  // direction: units differ by up to 4).
  const said = new Map<string, number>();
  for (const k of keys) said.set(k, (said.get(k) ?? 0) + 1);
  const near = (a: number, b: number): boolean => Math.abs(cand[5 * a + 4] - cand[5 * b + 4]) <= (said.get(keys[a])! >= 2 ? 4 : 2);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if ((i > 0 && near(i, i - 1)) || (i + 1 < n && near(i, i + 1))) keep.push(i);
  // Words of the language: written in lower case elsewhere and never capitalised mid-sentence outside labels.
  const common = new Map<string, boolean>();
  const isCommon = (key: string, surface: string): boolean => {
    let v = common.get(key);
    if (v === undefined) {
      v = /^[\p{Lu}][\p{Ll}'’.-]*$/u.test(surface) && lowerElsewhere(text, key) && !capitalisedMidSentence(text, surface);
      common.set(key, v);
    }
    return v;
  };
  const out: number[] = [];
  const counts = new Map<string, number>();
  for (const i of keep) {
    const key = keys[i];
    if (isCommon(key, text.slice(cand[5 * i], cand[5 * i + 1]))) continue;
    out.push(cand[5 * i], cand[5 * i + 1], cand[5 * i + 2], cand[5 * i + 3]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (out.length < 12 || ![...counts.values()].some((k) => k >= 2)) return new Int32Array(0);
  return Int32Array.from(out);
}

/** The label of the line text[ls, le), relative to ls: where the name starts, the name, where the line starts. */
function labelAt(text: string, ls: number, le: number): { start: number; name: string; line: number } | null {
  // A chat's time stamp before the label is passed over (its colon is not the label's).
  let off = 0;
  const c0 = text.charCodeAt(ls);
  if (c0 === 91 || c0 === 40 || (c0 >= 48 && c0 <= 57)) {
    const t = TIME_BEFORE.exec(text.slice(ls, Math.min(le, ls + 40)));
    if (t) off = t[0].length;
  }
  // Cheap test first: a colon near the start of the line (a time stamp after the name is longer).
  const head = Math.min(le, ls + off + MAX_LABEL + 24);
  let colon = -1;
  for (let k = ls + off; k < head; k++) {
    if (text.charCodeAt(k) === 58) {
      colon = k;
      break;
    }
  }
  if (colon < 0) return null;
  const m = LABEL.exec(text.slice(ls + off, Math.min(le, ls + off + MAX_LABEL + 30)));
  if (!m) return null;
  // Markup comes in pairs: `[Picture: …]` (a caption) is no label.
  const open = m[1] ?? '';
  const close = m[3] ?? m[4] ?? '';
  if ((open !== '' || close !== '') && (open === '' || CLOSES[open] !== close)) return null;
  const name = m[2];
  const key = name.toLowerCase();
  if (NOT_LABELS.has(key) || /^\d+$/.test(name)) return null;
  return { start: off + open.length, name, line: off + m[0].length };
}

/** Does the text use `key` as a lower-case word somewhere? */
function lowerElsewhere(text: string, key: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\d_])${escapeRegExp(key)}(?![\\p{L}\\d_])`, 'u');
  return re.test(text);
}

/** Is `surface` written capitalised after a lower-case word (mid-sentence, not a label): `said Will`? */
function capitalisedMidSentence(text: string, surface: string): boolean {
  const re = new RegExp(`[\\p{Ll},] ${escapeRegExp(surface)}(?![\\p{L}\\d_:])`, 'u');
  return re.test(text);
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
