/**
 * The `dramatis` command. `main(argv, io)` parses the user's arguments, runs the command and
 * RETURNS the exit code; it never touches `process` (bin/dramatis.js does), so tests call it in-process.
 *
 * Every user error is one line on stderr, prefixed `dramatis: `, with the exit code of src/errors.ts:
 * 2 input, 64 usage, 73 output, 1 internal (a bug: `dramatis: internal error: …`, stack only with
 * DRAMATIS_DEBUG=1).
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DramatisError, ExitCode } from '../errors.js';
import type { Document } from '../document/document.js';
import { analyzeStoryDocument, countWords, storyAnalysis, type Story } from '../input/index.js';
import { chapterPresence } from './presence.js';
import type { Analysis, CastFile } from '../types.js';
import { checkOutputPath, readCast, readStoryInput, STDIN_NAME, writeFileAtomic, type InStream, type OutStream } from './io.js';
import { formatSummary } from './summary.js';
import { parseFormat, runAnalyzeExport, runReport, runVoice } from '../export/command.js';
import { parsePort, runServe } from '../serve/command.js';

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Standard input, read by `-`. */
  stdin?: InStream;
  /** Environment (DRAMATIS_DEBUG=1 prints stacks of internal errors). */
  env?: Record<string, string | undefined>;
  /** Process id, used to name the temp file of `-o`. */
  pid?: number;
}

function packageVersion(): string {
  try {
    // src/cli/main.ts and dist/cli/main.js are both two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** One line: newlines and runs of white space in a message become single spaces. */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function parseCv(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of folds (2 or more)');
  const n = Number(value);
  if (n < 2 || n > 1000) throw new InvalidArgumentError('must be between 2 and 1000');
  return n;
}

function parseFormatOption(value: string): string {
  try {
    return parseFormat(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message.replace(/^--format /, ''));
  }
}

function parsePortOption(value: string): number {
  try {
    return parsePort(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message.replace(/^--port /, ''));
  }
}

interface AnalyzeCliOptions {
  cast?: string;
  castOnly?: boolean;
  output?: string;
  pretty?: boolean;
  format?: string;
  corrections?: string;
  emitText?: string;
}

interface LoadedStory {
  analysis: Analysis;
  words: number;
  story: Story;
  doc: Document;
}

async function loadStory(file: string, castPath: string | undefined, io: CliIO, castOnly = false): Promise<LoadedStory> {
  if (castOnly && castPath === undefined) throw new DramatisError('--cast-only needs --cast <cast.json>', ExitCode.Usage);
  // Read the cast first: a bad cast file is a quicker error than a long read.
  const cast: CastFile | undefined = castPath === undefined ? undefined : await readCast(castPath);
  // Text, HTML or EPUB, recognised by content (src/input): one story, with the source's chapters.
  const story = await readStoryInput(file, io.stdin);
  const source = file === '-' ? null : file;
  const doc = analyzeStoryDocument(story, { cast, castOnly, source: source ?? undefined });
  return { analysis: storyAnalysis(doc, source, story), words: countWords(doc), story, doc };
}

/** The Analysis as JSON, or a clear error when it is too large for one string. */
function toJson(analysis: Analysis, pretty: boolean | undefined): string {
  try {
    return (pretty ? JSON.stringify(analysis, null, 2) : JSON.stringify(analysis)) + '\n';
  } catch (e) {
    if (e instanceof RangeError) throw new DramatisError('the analysis is too large to write as one JSON document; analyse the story in parts', ExitCode.Input);
    throw e;
  }
}

/** `--emit-text FILE`: its own file, never the input or the -o file; its directory must exist. */
async function checkEmitText(file: string, opts: AnalyzeCliOptions): Promise<void> {
  if (opts.emitText === undefined) return;
  const target = resolvePath(opts.emitText);
  if (opts.emitText === '-' || (opts.output !== undefined && target === resolvePath(opts.output))) {
    throw new DramatisError('--emit-text needs a file of its own (not -, not the -o file)', ExitCode.Usage);
  }
  if (file !== '-' && target === resolvePath(file)) throw new DramatisError('--emit-text would overwrite the input file', ExitCode.Usage);
  await checkOutputPath(opts.emitText);
}

async function runAnalyze(file: string, opts: AnalyzeCliOptions, io: CliIO): Promise<number> {
  // Other formats and corrections: src/export/command.ts.
  if ((opts.format !== undefined && opts.format !== 'json') || opts.corrections !== undefined) return runAnalyzeExport(file, opts, io);
  if (opts.output === '-') opts.output = undefined; // `-o -`: standard output
  if (opts.output !== undefined) await checkOutputPath(opts.output);
  await checkEmitText(file, opts);
  const { analysis, story } = await loadStory(file, opts.cast, io, opts.castOnly === true);
  const json = toJson(analysis, opts.pretty);
  const pid = io.pid ?? Math.floor(Math.random() * 1e9);
  // The text the offsets index (input.sha256 is its hash), so spans can be checked.
  if (opts.emitText !== undefined) await writeFileAtomic(opts.emitText, story.text, pid);
  if (opts.output !== undefined) {
    await writeFileAtomic(opts.output, json, pid);
  } else {
    io.stdout.write(json);
  }
  return ExitCode.Ok;
}

async function runSummary(file: string, opts: { cast?: string; castOnly?: boolean }, io: CliIO): Promise<number> {
  const { analysis, words, doc } = await loadStory(file, opts.cast, io, opts.castOnly === true);
  const width = io.stdout.isTTY && io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : 80;
  io.stdout.write(formatSummary(analysis, { width, words, sourceName: STDIN_NAME, presence: chapterPresence(doc) ?? undefined }));
  return ExitCode.Ok;
}

async function runEvalPdnc(dirs: string[], opts: { json?: boolean; cv?: number }, io: CliIO): Promise<number> {
  // Loaded on demand: the evaluation (and whatever it imports) is only paid for, and can only fail, here.
  let mod: typeof import('../eval/command.js');
  try {
    mod = await import('../eval/command.js');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = String((e as Error)?.message ?? e);
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /eval[\\/]command/.test(msg)) {
      throw new DramatisError('the PDNC evaluation is not part of this build (src/eval/command.ts is missing)', ExitCode.Internal);
    }
    throw e;
  }
  const evalOpts: { json: boolean; cv?: number } = { json: opts.json === true };
  if (opts.cv !== undefined) evalOpts.cv = opts.cv;
  return mod.runPdncEvalCommand(dirs, evalOpts, io);
}

/** Build the commander program; `result.code` receives the command's exit code. */
function buildProgram(io: CliIO, result: { code: number }): Command {
  const program = new Command();
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => void io.stdout.write(s),
        writeErr: (s) => void io.stderr.write(s),
        // Errors are printed by main(), as one line.
        outputError: () => undefined,
        getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
        getErrHelpWidth: () => 80,
      })
      .showSuggestionAfterError(true);

  configure(program)
    .name('dramatis')
    .description('Reads fiction and writes down who is in the story, and who says each line to whom.')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print help and exit')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 internal error, 2 input error, 64 usage error, 73 output cannot be written.\nSee docs/cli.md.',
    );

  configure(program.command('analyze'))
    .description('write the Analysis JSON of a story (FILE, or - for standard input)')
    .argument('<file>', 'story file (text, HTML or EPUB), or - to read standard input')
    .option('--cast <cast.json>', 'match the names of this cast (other characters are still found)')
    .option('--cast-only', 'with --cast: only the given characters, no others')
    .option('-o, --output <out.json>', 'write to this file (atomically) instead of standard output (- for standard output)')
    .option('--pretty', 'indent the JSON (json and script formats)')
    .option('--emit-text <story.txt>', 'also write the text the offsets index (the text extracted from HTML/EPUB) to this file')
    .option('--format <format>', 'json (default), booknlp (a directory: -o DIR), tei, csv or script', parseFormatOption)
    .option('--corrections <corrections.json>', 'apply these corrections (saved by `dramatis serve`)')
    .action(async (file: string, opts: AnalyzeCliOptions) => {
      result.code = await runAnalyze(file, opts, io);
    });

  configure(program.command('summary'))
    .description('print a readable summary: counts, the cast, lines per character, presence by chapter, the first quotes')
    .argument('<file>', 'story file (text, HTML or EPUB), or - to read standard input')
    .option('--cast <cast.json>', 'match the names of this cast (other characters are still found)')
    .option('--cast-only', 'with --cast: only the given characters, no others')
    .action(async (file: string, opts: { cast?: string; castOnly?: boolean }) => {
      result.code = await runSummary(file, opts, io);
    });

  configure(program.command('report'))
    .description('write a self-contained HTML report: the story with quotes coloured by speaker, the cast, the network')
    .argument('<file>', 'story file (text, HTML or EPUB), or - to read standard input')
    .option('--cast <cast.json>', 'use this cast instead of discovering one')
    .option('--corrections <corrections.json>', 'apply these corrections')
    .option('--title <title>', 'title of the report (default: the file name)')
    .option('-o, --output <report.html>', 'write to this file (atomically) instead of standard output')
    .action(async (file: string, opts: { cast?: string; corrections?: string; title?: string; output?: string }) => {
      result.code = await runReport(file, opts, io);
    });

  configure(program.command('serve'))
    .description('open a local web app to view stories and correct their speakers and cast (stop with Ctrl-C)')
    .argument('[file...]', 'story files the app may open (it reads no other file)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePortOption, 4750)
    .option('--cast <cast.json>', 'use this cast instead of discovering one')
    .option('--corrections <corrections.json>', 'with one FILE: load these corrections (if the file exists) and save every change to it')
    .action(async (files: string[], opts: { host?: string; port?: number; cast?: string; corrections?: string }) => {
      result.code = (await runServe(files, opts, io)).code;
    });

  configure(program.command('voice'))
    .description('read the story aloud with espeak-ng: narrator and a voice per character, into one WAV file')
    .argument('<file>', 'story file (text, HTML or EPUB), or - to read standard input')
    .requiredOption('-o, --output <out.wav>', 'the WAV file to write (atomically)')
    .option('--cast <cast.json>', 'use this cast instead of discovering one')
    .option('--corrections <corrections.json>', 'apply these corrections')
    .action(async (file: string, opts: { cast?: string; corrections?: string; output?: string }) => {
      result.code = await runVoice(file, opts, io);
    });

  const evalCmd = configure(program.command('eval')).description('evaluate against an annotated corpus');
  configure(evalCmd.command('pdnc'))
    .description('score quotation attribution on PDNC novels (each DIR is a novel, or a folder of novels)')
    .argument('<dir...>', 'PDNC novel directory, or a directory of them')
    .option('--json', 'print the scores as JSON')
    .option('--cv <k>', 'k-fold cross-validation over novels', parseCv)
    .action(async (dirs: string[], opts: { json?: boolean; cv?: number }) => {
      result.code = await runEvalPdnc(dirs, opts, io);
    });

  configure(evalCmd.command('litbank'))
    .description('score person mentions, pronoun links, name clustering and (with quotations/tsv) speakers on LitBank (DIR: its root, or coref/brat)')
    .argument('<dir>', 'LitBank directory')
    .option('--json', 'print the scores as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const mod = await import('../eval/litbank.js');
      result.code = await mod.runLitbankEvalCommand(dir, { json: opts.json === true }, io);
    });

  return program;
}

/** Run `dramatis` with the user's arguments (without `node` and the script). Returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`dramatis: ${oneLine(message)}\n`);
    return code;
  };
  try {
    if (argv.length === 0) return fail("missing command (analyze, summary, report, serve, voice, eval); see 'dramatis --help'", ExitCode.Usage);
    if (argv.length === 1 && argv[0] === 'eval') return fail("missing evaluation (pdnc, litbank); see 'dramatis eval --help'", ExitCode.Usage);
    const result = { code: ExitCode.Ok as number };
    await buildProgram(io, result).parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return ExitCode.Ok;
      if (e.code === 'commander.help') return ExitCode.Usage; // help shown for a missing subcommand
      return fail(e.message.replace(/^error: /, ''), ExitCode.Usage);
    }
    if (e instanceof DramatisError) return fail(e.message, e.exitCode);
    const err = e instanceof Error ? e : new Error(String(e));
    const code = fail(`internal error: ${err.message}`, ExitCode.Internal);
    if (io.env?.DRAMATIS_DEBUG === '1' && err.stack) io.stderr.write(err.stack + '\n');
    return code;
  }
}
