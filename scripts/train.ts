/**
 * `npm run train`: learn the speaker ranker from the PDNC novels in ../shared/data/pdnc and the
 * annotated modern scenes of data/modern-train (each counted SCENE_WEIGHT times; they join every
 * fold's training and are never scored), and write src/stages/attribution/weights.ts. Prints leave-novels-out cross-validated ranker accuracy first
 * (the same folds as `dramatis eval pdnc --cv`), then fits on all novels.
 * Usage: node --import tsx scripts/train.ts [PDNC_DIR] [--folds K] [--check] [--linear] [--calibrate] [--no-cv]
 *   --check: do not write; exit 1 if the shipped weights differ from what training gives.
 *   --linear: the linear ranker instead of boosted trees (for comparison on the same folds).
 *   --calibrate: fit a softmax temperature on inner out-of-fold scores (off: it did not help).
 *   --no-cv: skip the cross-validation (just fit and write or check).
 *   --gbdt trees=N,depth=D,learningRate=X,lambda=X,minHessian=X,bins=N,colsample=X,subsample=X,bags=N: tree options other than the
 *     defaults in src/learn/gbdt.ts, for comparing settings by cross-validation (with --check, so
 *     nothing is written; the shipped weights always come from the defaults).
 *   --inner K: inner folds for the out-of-fold first-stage beliefs the stacked stages learn from
 *     (default in src/learn/ranker-training.ts; with --check, like --gbdt).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { parseGbdtSpec } from '../src/learn/gbdt.js';
import { defaultSceneSets, fitRanker, foldsByName, rankerAccuracy, SCENE_WEIGHT, trainingSet, writeWeightsModule, type FitOptions } from '../src/learn/ranker-training.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const foldsArg = args.indexOf('--folds');
const folds = foldsArg >= 0 ? Number(args[foldsArg + 1]) : 6;
const check = args.includes('--check');
const opts: FitOptions = { model: args.includes('--linear') ? 'linear' : 'trees', calibrate: args.includes('--calibrate') };
const cv = !args.includes('--no-cv');
const gbdtArg = args.indexOf('--gbdt');
if (gbdtArg >= 0) {
  if (!check) {
    console.error('train: --gbdt is for comparing settings and needs --check (the shipped weights come from the defaults)');
    process.exit(2);
  }
  const parsed = parseGbdtSpec(args[gbdtArg + 1] ?? '');
  if (typeof parsed === 'string') {
    console.error(`train: --gbdt ${parsed}`);
    process.exit(2);
  }
  opts.gbdt = parsed;
}
const innerArg = args.indexOf('--inner');
if (innerArg >= 0) {
  const k = Number(args[innerArg + 1]);
  if (!check || !Number.isInteger(k) || k < 1) {
    console.error('train: --inner K needs a whole number K >= 1 and --check (the shipped weights come from the defaults)');
    process.exit(2);
  }
  opts.innerFolds = k;
}
const dataDir = args.find((a, i) => !a.startsWith('--') && !['--folds', '--dump', '--gbdt', '--inner'].includes(args[i - 1])) ?? resolve(root, '../shared/data/pdnc');
const weightsPath = resolve(root, 'src/stages/attribution/weights.ts');

const t0 = performance.now();
const sets = listPdncNovelDirs(dataDir).map((d) => trainingSet(loadPdncNovel(d)));
const scenes = defaultSceneSets();
const labelled = sets.reduce((a, s) => a + s.labelled, 0);
const covered = sets.reduce((a, s) => a + s.covered, 0);
const sceneLines = scenes.reduce((a, s) => a + s.labelled, 0) / SCENE_WEIGHT;
console.log(`${sets.length} novels, ${labelled} labelled utterances, gold speaker among candidates: ${((100 * covered) / labelled).toFixed(1)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`${scenes.length / SCENE_WEIGHT} annotated modern scenes, ${sceneLines} labelled utterances, each counted ${SCENE_WEIGHT} times, in every fold's training`);

const fold = foldsByName(sets.map((s) => s.name), folds);
const typeRight = QUOTE_TYPES.map(() => 0);
const typeTotal = QUOTE_TYPES.map(() => 0);
// Out-of-fold choices, one line per labelled utterance (`--dump FILE`), for error analysis.
const dumpArg = args.indexOf('--dump');
const dump: string[] = [];
let right = 0;
let total = 0;
let sure = 0;
let sureRight = 0;
let logLoss = 0;
let covered1 = 0;
// The same at temperature 1 (uncalibrated), when the model has a fitted temperature.
const raw = { sure: 0, sureRight: 0, logLoss: 0 };
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;
for (let k = 0; cv && k < folds; k++) {
  const t1 = performance.now();
  const train = [...sets.filter((s) => fold.get(s.name) !== k), ...scenes];
  const test = sets.filter((s) => fold.get(s.name) === k);
  const model = fitRanker(train, opts);
  const acc = rankerAccuracy(test, model);
  for (let i = 0; i < QUOTE_TYPES.length; i++) {
    typeRight[i] += acc.typeRight[i];
    typeTotal[i] += acc.typeTotal[i];
  }
  test.forEach((s, i) => {
    for (let u = 0; u < s.gold.length; u++) if (s.gold[u] >= 0) dump.push(`${s.name}\t${u}\t${QUOTE_TYPES[s.types[u]] ?? '-'}\t${s.gold[u]}\t${acc.chosen[i][u]}`);
  });
  right += acc.right;
  total += acc.total;
  sure += acc.sure;
  sureRight += acc.sureRight;
  logLoss += acc.logLoss;
  covered1 += acc.covered;
  if (model.temperature !== undefined) {
    const r = rankerAccuracy(test, { ...model, temperature: undefined });
    raw.sure += r.sure;
    raw.sureRight += r.sureRight;
    raw.logLoss += r.logLoss;
  }
  const temp = model.temperature !== undefined ? `, temperature ${model.temperature}` : '';
  console.log(`fold ${k + 1}/${folds}: ${test.map((s) => s.name).join(', ')}: ${pct(acc.right, acc.total)} of ${acc.total}${temp} (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
}
if (cv) {
  console.log(`cross-validated ranker accuracy (utterances, gold cast): ${pct(right, total)}`);
  console.log(`  by quote type: ${QUOTE_TYPES.map((t, i) => `${t} ${pct(typeRight[i], typeTotal[i])} of ${typeTotal[i]}`).join(', ')}`);
  if (dumpArg >= 0) writeFileSync(args[dumpArg + 1], dump.join('\n') + '\n');
  console.log(`cross-validated: probability >= 0.9 for ${pct(sure, total)} of utterances, ${pct(sureRight, sure)} of them right; log-loss ${(logLoss / covered1).toFixed(4)}`);
  if (raw.sure > 0) console.log(`  (at temperature 1: probability >= 0.9 for ${pct(raw.sure, total)}, ${pct(raw.sureRight, raw.sure)} right; log-loss ${(raw.logLoss / covered1).toFixed(4)})`);
}

if (gbdtArg >= 0 || innerArg >= 0) {
  // Settings under comparison: their cross-validation is the answer; the shipped file is not theirs.
  console.log(`${gbdtArg >= 0 ? '--gbdt' : '--inner'}: no final fit (the shipped weights come from the defaults)`);
  process.exit(0);
}
const model = fitRanker([...sets, ...scenes], opts);
const provenance = `trained on ${sets.length} PDNC novels, ${labelled} labelled utterances, and ${scenes.length / SCENE_WEIGHT} annotated modern scenes, ${sceneLines} labelled utterances counted ${SCENE_WEIGHT} times`;
if (check) {
  const tmp = `${weightsPath}.check`;
  writeWeightsModule(tmp, model, provenance);
  const same = readFileSync(tmp, 'utf8') === readFileSync(weightsPath, 'utf8');
  unlinkSync(tmp);
  console.log(same ? 'weights.ts matches a fresh training run' : 'weights.ts differs from a fresh training run');
  process.exitCode = same ? 0 : 1;
} else {
  writeWeightsModule(weightsPath, model, provenance);
  console.log(`wrote ${weightsPath}`);
}
