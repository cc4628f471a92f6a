/**
 * `--format csv`: one row per quote span, RFC 4180 (comma-separated, fields with a comma, a double
 * quote or a line break are enclosed in double quotes with inner quotes doubled, CRLF line ends),
 * with a header row. Read by spreadsheets and every CSV library.
 */
import type { Analysis } from '../types.js';

export const CSV_COLUMNS = [
  'quote',
  'utterance',
  'start',
  'end',
  'speaker_id',
  'speaker_name',
  'addressee_ids',
  'addressee_names',
  'confidence',
  'cue',
  'chapter',
  'text',
] as const;

/** One CSV field: quoted when it holds a comma, a double quote, a CR or an LF (or starts/ends with a space). */
export function csvField(value: string | number): string {
  const s = String(value);
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(analysis: Analysis): string {
  const names = new Map(analysis.characters.map((c) => [c.id, c.name]));
  const chapters = analysis.chapters;
  const rows: string[] = [CSV_COLUMNS.join(',')];
  let ch = -1;
  analysis.quotes.forEach((q, i) => {
    while (ch + 1 < chapters.length && chapters[ch + 1].start <= q.start) ch++;
    const fields: (string | number)[] = [
      i,
      q.utterance,
      q.start,
      q.end,
      q.speaker ?? '',
      q.speaker === null ? '' : (names.get(q.speaker) ?? ''),
      q.addressees.join(';'),
      q.addressees.map((a) => names.get(a) ?? a).join(';'),
      q.confidence,
      q.cue,
      ch >= 0 ? chapters[ch].title : '',
      q.text,
    ];
    rows.push(fields.map(csvField).join(','));
  });
  return rows.join('\r\n') + '\r\n';
}
