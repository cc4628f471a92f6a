/** The human summary of `dramatis summary`: a pure function of the Analysis (no I/O). */
import type { Analysis, AnalysisQuote } from '../types.js';
import type { ChapterPresence } from './presence.js';

export interface SummaryOptions {
  /** Line width to truncate to (the terminal's, or 80). */
  width?: number;
  /** Number of words in the text (the Analysis counts tokens; the CLI counts word tokens). */
  words?: number;
  /** How many quotes to list. */
  quotes?: number;
  /** Name to show when the Analysis has no source. */
  sourceName?: string;
  /** Mentions and lines of each character per chapter (shown when the story has two chapters or more). */
  presence?: ChapterPresence;
}

/** One utterance: its spans joined, with the speaker of its first span. */
interface Line {
  utterance: number;
  text: string;
  speaker: string | null;
  confidence: number;
}

const NUMBER = new Intl.NumberFormat('en-US');
const fmt = (n: number): string => NUMBER.format(n);
const plural = (n: number, one: string, many = `${one}s`): string => `${fmt(n)} ${n === 1 ? one : many}`;

/** Cut a line to `width` code points, ending with `…` when cut. */
export function truncate(line: string, width: number): string {
  if (width <= 0) return '';
  if (line.length <= width) return line; // UTF-16 length ≥ code points, so this is exact enough to skip
  const cps = Array.from(line);
  if (cps.length <= width) return line;
  return cps.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/** Shorten a path from the left (`…der/of/tale.txt`) to fit `room` code points; other strings are left alone. */
export function shortenLeft(path: string, room: number): string {
  const cps = Array.from(path);
  if (cps.length <= room || !/[\\/]/.test(path) || room < 2) return path;
  return '…' + cps.slice(cps.length - (room - 1)).join('');
}

function padRight(s: string, n: number): string {
  const len = Array.from(s).length;
  return len >= n ? s : s + ' '.repeat(n - len);
}
function padLeft(s: string, n: number): string {
  const len = Array.from(s).length;
  return len >= n ? s : ' '.repeat(n - len) + s;
}

/** Group quote spans into utterances, in text order. */
export function utterancesOf(quotes: readonly AnalysisQuote[]): Line[] {
  const lines: Line[] = [];
  let last: Line | undefined;
  for (const q of quotes) {
    if (last && last.utterance === q.utterance) {
      last.text += ' … ' + q.text;
      continue;
    }
    last = { utterance: q.utterance, text: q.text, speaker: q.speaker, confidence: q.confidence };
    lines.push(last);
  }
  return lines;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function formatSummary(analysis: Analysis, options: SummaryOptions = {}): string {
  const width = Math.max(20, options.width ?? 80);
  const maxQuotes = options.quotes ?? 12;
  const out: string[] = [];
  const emit = (s = ''): void => {
    out.push(truncate(s, width));
  };

  const lines = utterancesOf(analysis.quotes);
  const byId = new Map(analysis.characters.map((c) => [c.id, c] as const));
  const linesOf = new Map<string, number>();
  let unattributed = 0;
  for (const l of lines) {
    if (l.speaker === null) unattributed++;
    else linesOf.set(l.speaker, (linesOf.get(l.speaker) ?? 0) + 1);
  }

  const source = analysis.source ?? options.sourceName ?? 'input';
  const counts = [
    options.words !== undefined ? plural(options.words, 'word') : plural(analysis.stats.tokens, 'token'),
    plural(analysis.stats.paragraphs, 'paragraph'),
    plural(analysis.stats.quotes, 'quote'),
    plural(analysis.characters.length, 'character'),
  ];
  if (analysis.chapters.length > 0) counts.push(plural(analysis.chapters.length, 'chapter'));
  emit(shortenLeft(source, width));
  emit(counts.join(', '));
  const work = analysis.work;
  if (work && (work.title || work.authors.length > 0)) {
    const site = analysis.input?.site ? ` (${{ ao3: 'AO3', ffn: 'FanFiction.Net', fanficfare: 'FanFicFare' }[analysis.input.site]})` : '';
    emit(`${work.title ?? 'Untitled'}${work.authors.length > 0 ? ` by ${work.authors.join(', ')}` : ''}${site}`);
  }

  // The cast.
  emit();
  if (analysis.characters.length === 0) {
    emit('Cast: none found');
  } else {
    emit(`Cast (${fmt(analysis.characters.length)})`);
    const nameW = Math.min(28, Math.max(4, ...analysis.characters.map((c) => Array.from(c.name).length)));
    emit(`  ${padRight('Name', nameW)}  Gender   Mentions  Lines  Aliases`);
    for (const c of analysis.characters) {
      const aliases = c.aliases.filter((a) => a !== c.name).join(', ');
      emit(
        `  ${padRight(truncate(c.name, nameW), nameW)}  ${padRight(c.gender, 7)}  ${padLeft(fmt(c.mentions), 8)}  ${padLeft(
          fmt(linesOf.get(c.id) ?? 0),
          5,
        )}  ${aliases || '-'}`,
      );
    }
  }

  // Lines per character, most first.
  if (lines.length > 0) {
    emit();
    emit(`Lines per character (${plural(lines.length, 'line')})`);
    const rows: [string, number][] = [...linesOf.entries()]
      .map(([id, n]) => [byId.get(id)?.name ?? id, n] as [string, number])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (unattributed > 0) rows.push(['?', unattributed]);
    const nameW = Math.min(28, Math.max(...rows.map((r) => Array.from(r[0]).length)));
    const max = Math.max(...rows.map((r) => r[1]));
    const barW = Math.max(0, width - (2 + nameW + 2 + 6 + 2 + 6 + 2));
    for (const [name, n] of rows) {
      const pct = `${Math.round((100 * n) / lines.length)}%`;
      const bar = '#'.repeat(max > 0 ? Math.round((barW * n) / max) : 0);
      emit(`  ${padRight(truncate(name, nameW), nameW)}  ${padLeft(fmt(n), 6)}  ${padLeft(pct, 6)}  ${bar}`);
    }
  }

  if (options.presence) formatPresence(analysis, options.presence, width, emit);

  // The first quotes.
  emit();
  if (lines.length === 0) {
    emit('Quotes: none found');
  } else {
    const shown = Math.min(maxQuotes, lines.length);
    emit(shown < lines.length ? `First ${fmt(shown)} of ${plural(lines.length, 'line')}` : `Lines (${fmt(lines.length)})`);
    for (let i = 0; i < shown; i++) {
      const l = lines[i];
      const who = l.speaker === null ? '?' : (byId.get(l.speaker)?.name ?? l.speaker);
      emit(`  ${who} (${l.confidence.toFixed(2)}): “${oneLine(l.text)}”`);
    }
  }

  if (analysis.warnings.length > 0) {
    emit();
    emit(`Warnings (${fmt(analysis.warnings.length)})`);
    for (const w of analysis.warnings.slice(0, 5)) emit(`  ${w.code}: ${oneLine(w.message)}`);
    if (analysis.warnings.length > 5) emit(`  … and ${fmt(analysis.warnings.length - 5)} more`);
  }
  return out.join('\n') + '\n';
}

/**
 * Presence by chapter: one column per chapter, `#` where the character speaks, `+` where it is only
 * mentioned, `.` where it is absent. Chapters past the width are cut (with `…`).
 */
function formatPresence(analysis: Analysis, presence: ChapterPresence, width: number, emit: (s?: string) => void): void {
  const byId = new Map(presence.rows.map((r) => [r.id, r] as const));
  const chars = analysis.characters.filter((c) => byId.has(c.id));
  if (chars.length === 0) return;
  const n = presence.chapters.length;
  const nameW = Math.min(28, Math.max(4, ...chars.map((c) => Array.from(c.name).length)));
  const room = Math.max(1, width - nameW - 4);
  const shown = Math.min(n, room);
  const cut = shown < n ? '…' : '';
  emit();
  emit(`Presence by chapter (${plural(n, 'chapter')}; # speaks, + mentioned, . absent)`);
  const ruler = Array.from({ length: shown }, (_, k) => String((k + 1) % 10)).join('');
  emit(`  ${padRight('', nameW)}  ${ruler}`);
  for (const c of chars) {
    const r = byId.get(c.id)!;
    let cells = '';
    for (let k = 0; k < shown; k++) cells += r.lines[k] > 0 ? '#' : r.mentions[k] > 0 ? '+' : '.';
    emit(`  ${padRight(truncate(c.name, nameW), nameW)}  ${cells}${cut}`);
  }
}
