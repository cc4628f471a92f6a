/**
 * The CLI side of the exports, the report and the voice: `analyze --format/--corrections`,
 * `report`, `voice`. Wired into src/cli/main.ts.
 */
import { DramatisError, ExitCode } from '../errors.js';
import { analyzeStoryDocument, storyAnalysis, type Story } from '../input/index.js';
import type { Document } from '../document/document.js';
import type { Analysis, CastFile } from '../types.js';
import { checkOutputPath, readCast, readStoryInput, writeFileAtomic } from '../cli/io.js';
import type { CliIO } from '../cli/main.js';
import { applyCorrections, type Corrections } from '../corrections/index.js';
import { readCorrections } from '../corrections/file.js';
import { bookId, exportText, isExportFormat, EXPORT_FORMATS, toBookNlp, toScript } from './index.js';
import { writeDirAtomic, checkOutputDir } from './write-dir.js';
import { renderReport } from '../report/build.js';

export interface LoadOptions {
  cast?: string;
  /** With `cast`: only the given characters (`--cast-only`). */
  castOnly?: boolean;
  corrections?: string;
}

export interface Loaded {
  doc: Document;
  analysis: Analysis;
  source: string | null;
  story: Story;
}

/**
 * Read the story (text, HTML or EPUB, as `analyze` does: src/input), the cast and the corrections;
 * analyse it and apply the corrections.
 */
export async function loadCorrected(file: string, opts: LoadOptions, io: CliIO): Promise<Loaded> {
  const cast: CastFile | undefined = opts.cast === undefined ? undefined : await readCast(opts.cast);
  const corrections: Corrections | undefined = opts.corrections === undefined ? undefined : await readCorrections(opts.corrections);
  const story = await readStoryInput(file, io.stdin);
  const source = file === '-' ? null : file;
  const doc = analyzeStoryDocument(story, { cast, castOnly: opts.castOnly === true && cast !== undefined, source: source ?? undefined });
  if (corrections) applyCorrections(doc, corrections);
  return { doc, analysis: storyAnalysis(doc, source, story), source, story };
}

export function parseFormat(value: string): string {
  if (!isExportFormat(value)) throw new DramatisError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${value}")`, ExitCode.Usage);
  return value;
}

export interface AnalyzeExportOptions extends LoadOptions {
  output?: string;
  pretty?: boolean;
  format?: string;
}

const pidOf = (io: CliIO): number => io.pid ?? Math.floor(Math.random() * 1e9);

export async function runAnalyzeExport(file: string, opts: AnalyzeExportOptions, io: CliIO): Promise<number> {
  const format = opts.format ?? 'json';
  if (!isExportFormat(format)) throw new DramatisError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`, ExitCode.Usage);
  if (opts.output === '-') opts.output = undefined;
  if (format === 'booknlp') {
    if (opts.output === undefined) throw new DramatisError('--format booknlp writes a directory of files: give it with -o DIR', ExitCode.Usage);
    await checkOutputDir(opts.output);
    const { doc, analysis, source } = await loadCorrected(file, opts, io);
    const id = bookId(source);
    const { files } = toBookNlp(doc, analysis, id, renderReport(doc, analysis));
    await writeDirAtomic(opts.output, files, pidOf(io));
    return ExitCode.Ok;
  }
  if (opts.output !== undefined) await checkOutputPath(opts.output);
  const { doc, analysis } = await loadCorrected(file, opts, io);
  const text = exportText(format, doc, analysis, { pretty: opts.pretty });
  if (opts.output !== undefined) await writeFileAtomic(opts.output, text, pidOf(io));
  else io.stdout.write(text);
  return ExitCode.Ok;
}

export interface ReportOptions extends LoadOptions {
  output?: string;
  title?: string;
}

export async function runReport(file: string, opts: ReportOptions, io: CliIO): Promise<number> {
  if (opts.output === '-') opts.output = undefined;
  if (opts.output !== undefined) await checkOutputPath(opts.output);
  const { doc, analysis } = await loadCorrected(file, opts, io);
  const html = renderReport(doc, analysis, opts.title);
  if (opts.output !== undefined) await writeFileAtomic(opts.output, html, pidOf(io));
  else io.stdout.write(html);
  return ExitCode.Ok;
}

export interface VoiceCliOptions extends LoadOptions {
  output?: string;
  espeak?: string;
}

export async function runVoice(file: string, opts: VoiceCliOptions, io: CliIO): Promise<number> {
  if (opts.output === undefined || opts.output === '-') throw new DramatisError('voice writes a WAV file: give it with -o OUT.wav', ExitCode.Usage);
  await checkOutputPath(opts.output);
  const { renderVoice, checkEspeak } = await import('../voice/index.js');
  await checkEspeak(opts.espeak);
  const { doc, analysis } = await loadCorrected(file, opts, io);
  const script = toScript(doc, analysis);
  const result = await renderVoice(script, { espeak: opts.espeak });
  await writeFileAtomic(opts.output, result.wav, pidOf(io));
  io.stderr.write(`dramatis: wrote ${opts.output}: ${result.seconds.toFixed(1)} s, ${script.segments.length} segments, ${script.voices.length} voices\n`);
  return ExitCode.Ok;
}
