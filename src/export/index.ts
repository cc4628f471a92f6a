/**
 * The export formats of `dramatis analyze --format`: json (the Analysis), booknlp (a directory of
 * BookNLP files), tei, csv and script. Each format is one file of this folder.
 */
import type { Document } from '../document/document.js';
import type { Analysis } from '../types.js';
import { toBookNlp } from './booknlp.js';
import { toCsv } from './csv.js';
import { toScript } from './script.js';
import { toTei } from './tei.js';

export const EXPORT_FORMATS = ['json', 'booknlp', 'tei', 'csv', 'script'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** The text of a single-file format. */
export function exportText(format: Exclude<ExportFormat, 'booknlp'>, doc: Document, analysis: Analysis, opts: { pretty?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return (opts.pretty ? JSON.stringify(analysis, null, 2) : JSON.stringify(analysis)) + '\n';
    case 'csv':
      return toCsv(analysis);
    case 'tei':
      return toTei(doc, analysis);
    case 'script': {
      const script = toScript(doc, analysis);
      return (opts.pretty ? JSON.stringify(script, null, 2) : JSON.stringify(script)) + '\n';
    }
  }
}

/** The BookNLP book id for a source file: its name without directory and extension. */
export function bookId(source: string | null): string {
  if (!source) return 'book';
  const base = source.split(/[\\/]/).pop() ?? source;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const safe = stem.replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^\.+/, '');
  return safe || 'book';
}

export { toBookNlp, toCsv, toScript, toTei };
