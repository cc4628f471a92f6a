/**
 * Speaker labels: chat logs and script-format passages write a line as `Dessa: well????` (text
 * messages, group chats, play-script fan fiction: `JOHN: Where were you?`), often with no quote marks.
 * Each such paragraph is a line whose speaker the label names.
 *
 * A paragraph is labelled when it opens with one to three capitalised words (or one user-name-like
 * word: letters, digits, `_`, `.`), optionally in `**`, `__` or `[ ]` (kept from bold markup), then a
 * colon, a space and more text. Headers (`Note:`, `A/N:`, `Rating:`, days and months) are not
 * labels. A document has labels only when it has at least three such paragraphs and at least one
 * label repeats: a colon after a sentence's first word now and then (`Later: the flood.`) is prose.
 */
import type { Document } from '../../document/document.js';
import { ParagraphKind } from '../../document/document.js';

/** Longest label, in characters. */
const MAX_LABEL = 32;

const LABEL =
  /^(\*\*|__|\[)?((?:[A-Z][\p{L}'\u2019.-]*)(?: [A-Z][\p{L}'\u2019.-]*){0,2}|[\p{L}\d][\p{L}\d_.]{1,23})(\*\*|__|\])?:(\*\*|__)?[ \t]+(?=\S)/u;
/** The closing markup a label's opening markup needs (`**Dessa**:`, `**Dessa:**`, `[Dessa]:`). */
const CLOSES: Record<string, string> = { '**': '**', __: '__', '[': ']' };

/** Words before a colon that head a note, a field or a date, never a speaker. */
const NOT_LABELS: ReadonlySet<string> = new Set([
  'a/n', 'an', 'note', 'notes', 'author', "author's note", 'authors note', 'summary', 'warning', 'warnings',
  'disclaimer', 'chapter', 'edit', 'update', 'rating', 'pairing', 'pairings', 'fandom', 'fandoms', 'tags',
  'beta', 'words', 'status', 'date', 'time', 'location', 'place', 'subject', 'from', 'to', 're', 'cc', 'ps',
  'p.s', 'p.s.', 'characters', 'character', 'relationship', 'relationships', 'category', 'language', 'series',
  'stats', 'published', 'completed', 'updated', 'chapters', 'kudos', 'bookmarks', 'hits', 'comments', 'part',
  'prompt', 'title', 'day', 'scene', 'setting', 'genre', 'length', 'dedication', 'epilogue', 'prologue',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'yesterday', 'today', 'tomorrow', 'later', 'meanwhile', 'now', 'then', 'afterwards', 'before', 'after',
  'answer', 'question', 'q', 'a', 'step', 'rule', 'item', 'ingredients', 'result', 'results', 'example',
  'p', 'ps', 'nb', 'n.b', 'n.b.', 'picture', 'illustration', 'image', 'figure', 'caption', 'photo', 'also', 'and', 'but', 'so', 'still', 'yes', 'no', 'well', 'oh', 'ok', 'okay',
]);

/**
 * Per paragraph, [start, end) of its speaker label (the name without markup), and the offset where
 * its line starts (after the colon and spaces): stride 3, -1 when the paragraph has no label.
 */
export function findSpeakerLabels(doc: Document): Int32Array {
  const text = doc.text;
  const paras = doc.paragraphs;
  const kinds = doc.paragraphKinds;
  const pcount = paras.length >> 1;
  const out = new Int32Array(3 * pcount).fill(-1);
  const counts = new Map<string, number>();
  let labelled = 0;
  for (let p = 0; p < pcount; p++) {
    if (kinds.length > p && kinds[p] !== ParagraphKind.Text) continue;
    const ps = paras[2 * p];
    const pe = paras[2 * p + 1];
    // Cheap test first: a colon near the start.
    const colon = text.indexOf(':', ps);
    if (colon < 0 || colon >= pe || colon - ps > MAX_LABEL + 4) continue;
    const m = LABEL.exec(text.slice(ps, Math.min(pe, ps + MAX_LABEL + 12)));
    if (!m) continue;
    // Markup comes in pairs: `[Picture: …]` (a caption) is no label.
    const open = m[1] ?? '';
    const close = m[3] ?? m[4] ?? '';
    if ((open !== '' || close !== '') && (open === '' || CLOSES[open] !== close)) continue;
    const name = m[2];
    const key = name.toLowerCase();
    if (NOT_LABELS.has(key) || /^\d+$/.test(name)) continue;
    const s = ps + open.length;
    out[3 * p] = s;
    out[3 * p + 1] = s + name.length;
    out[3 * p + 2] = ps + m[0].length;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    labelled++;
  }
  const repeats = [...counts.values()].some((k) => k >= 2);
  if (labelled < 3 || !repeats) out.fill(-1);
  return out;
}
