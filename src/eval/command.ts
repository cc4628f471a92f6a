/** `dramatis eval pdnc DIR…`: score dramatis against PDNC novel folders. */
import { resolve } from 'node:path';
import { ExitCode } from '../errors.js';
import { evaluateNovel, totalResult, type NovelResult } from './evaluate.js';
import { isPdncNovelDir, listPdncNovelDirs, loadPdncNovel } from './pdnc.js';
import { formatTable, reportJson } from './report.js';

export interface EvalIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const NO_MODEL_NOTE = 'no trained model yet: scores are of the rule-based attributor (no cross-validation was run)';

/**
 * Each DIR is a PDNC novel folder (novel_text.txt, quotation_info.csv, character_info.csv) or a
 * directory containing such folders (the PDNC data root). Returns the exit code.
 */
export async function runPdncEvalCommand(dirs: string[], opts: { json: boolean; cv?: number }, io: EvalIo): Promise<number> {
  if (dirs.length === 0) {
    io.stderr.write('dramatis eval pdnc: give a PDNC novel folder or the PDNC data directory\n');
    return ExitCode.Usage;
  }
  let cvNote: string | null = null;
  if (opts.cv !== undefined) {
    if (!Number.isInteger(opts.cv) || opts.cv < 2) {
      io.stderr.write(`dramatis eval pdnc: --cv must be a whole number of folds, 2 or more (got ${String(opts.cv)})\n`);
      return ExitCode.Usage;
    }
    cvNote = `--cv ${opts.cv}: ${NO_MODEL_NOTE}`;
    io.stderr.write(`${cvNote}\n`);
  }

  const novelDirs: string[] = [];
  const seen = new Set<string>();
  for (const d of dirs) {
    const found = isPdncNovelDir(d) ? [d] : listPdncNovelDirs(d);
    if (found.length === 0) {
      io.stderr.write(
        `dramatis eval pdnc: ${d} is not a PDNC novel folder (novel_text.txt, quotation_info.csv, character_info.csv) nor a directory of them\n`,
      );
      return ExitCode.Input;
    }
    for (const f of found) {
      const key = resolve(f);
      if (!seen.has(key)) {
        seen.add(key);
        novelDirs.push(f);
      }
    }
  }

  const results: NovelResult[] = [];
  for (const dir of novelDirs) {
    let novel;
    try {
      novel = loadPdncNovel(dir);
    } catch (e) {
      io.stderr.write(`dramatis eval pdnc: cannot read ${dir}: ${(e as Error).message.split('\n')[0]}\n`);
      return ExitCode.Input;
    }
    const r = evaluateNovel(novel);
    results.push(r);
    io.stderr.write(`eval: ${r.name}: ${r.goldQuotations} gold quotations, ${r.seconds.toFixed(1)} s\n`);
    // Yield between novels so a long run stays responsive to signals and stream flushing.
    await new Promise<void>((res) => setImmediate(res));
  }
  const overall = totalResult(results);
  if (opts.json) io.stdout.write(JSON.stringify(reportJson(results, overall, cvNote), null, 2) + '\n');
  else io.stdout.write(formatTable(results, overall, cvNote));
  return ExitCode.Ok;
}
