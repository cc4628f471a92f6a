/** `dramatis eval pdnc DIR…`: score dramatis against PDNC novel folders. */
import { resolve } from 'node:path';
import { ExitCode } from '../errors.js';
import { evaluateNovel, totalResult, type NovelResult } from './evaluate.js';
import { isPdncNovelDir, listPdncNovelDirs, loadPdncNovel, type PdncNovel } from './pdnc.js';
import { defaultSceneSets, fitRanker, foldsByName, trainingSet } from '../learn/ranker-training.js';
import type { RankerModel } from '../stages/attribution/ranker.js';
import { RANKER_MODEL } from '../stages/attribution/weights.js';
import { formatTable, reportJson } from './report.js';

export interface EvalIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}


/**
 * Each DIR is a PDNC novel folder (novel_text.txt, quotation_info.csv, character_info.csv) or a
 * directory containing such folders (the PDNC data root). Returns the exit code.
 */
export async function runPdncEvalCommand(dirs: string[], opts: { json: boolean; cv?: number }, io: EvalIo): Promise<number> {
  if (dirs.length === 0) {
    io.stderr.write('dramatis eval pdnc: give a PDNC novel folder or the PDNC data directory\n');
    return ExitCode.Usage;
  }
  // Without --cv the shipped ranker scores novels it was trained on: say so next to the numbers.
  let cvNote: string | null = RANKER_MODEL
    ? 'the shipped speaker ranker was trained on the PDNC novels: these scores are in-sample; use --cv K for leave-novels-out scores'
    : null;
  if (opts.cv !== undefined) {
    if (!Number.isInteger(opts.cv) || opts.cv < 2) {
      io.stderr.write(`dramatis eval pdnc: --cv must be a whole number of folds, 2 or more (got ${String(opts.cv)})\n`);
      return ExitCode.Usage;
    }
    cvNote = `--cv ${opts.cv}: leave-novels-out cross-validation; each novel is scored by a ranker trained on the other folds (round-robin folds by name)`;
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

  const novels: PdncNovel[] = [];
  for (const dir of novelDirs) {
    try {
      novels.push(loadPdncNovel(dir));
    } catch (e) {
      io.stderr.write(`dramatis eval pdnc: cannot read ${dir}: ${(e as Error).message.split('\n')[0]}\n`);
      return ExitCode.Input;
    }
  }
  // Cross-validation: one ranker per fold, trained on the novels outside it.
  const modelFor = new Map<string, RankerModel | null>();
  if (opts.cv !== undefined) {
    if (novels.length < opts.cv) {
      io.stderr.write(`dramatis eval pdnc: --cv ${opts.cv} needs at least ${opts.cv} novels (got ${novels.length})\n`);
      return ExitCode.Usage;
    }
    io.stderr.write(`eval: building training sets for ${novels.length} novels\n`);
    const sets = novels.map((n) => trainingSet(n));
    // The shipped recipe: the package's annotated modern scenes join every fold's training.
    const scenes = defaultSceneSets();
    const fold = foldsByName(novels.map((n) => n.name), opts.cv);
    for (let k = 0; k < opts.cv; k++) {
      const train = [...sets.filter((s) => fold.get(s.name) !== k), ...scenes];
      // Folds with nothing to learn from fall back to the rules alone.
      const model = train.some((s) => s.covered > 0) ? fitRanker(train) : null;
      for (const n of novels) if (fold.get(n.name) === k) modelFor.set(n.name, model);
      io.stderr.write(`eval: trained fold ${k + 1}/${opts.cv}\n`);
      await new Promise<void>((res) => setImmediate(res));
    }
  }

  const results: NovelResult[] = [];
  for (const novel of novels) {
    const r = opts.cv !== undefined ? evaluateNovel(novel, modelFor.get(novel.name) ?? null) : evaluateNovel(novel);
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
