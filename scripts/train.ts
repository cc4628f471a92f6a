/**
 * `npm run train`: learn the speaker ranker from the PDNC novels in ../shared/data/pdnc and write
 * src/stages/attribution/weights.ts. Prints leave-novels-out cross-validated ranker accuracy first
 * (the same folds as `dramatis eval pdnc --cv`), then fits on all novels.
 * Usage: node --import tsx scripts/train.ts [PDNC_DIR] [--folds K] [--check]
 *   --check: do not write; exit 1 if the shipped weights differ from what training gives.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPdncNovelDirs, loadPdncNovel } from '../src/eval/pdnc.js';
import { fitRanker, foldsByName, rankerAccuracy, trainingSet, writeWeightsModule } from '../src/learn/ranker-training.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const foldsArg = args.indexOf('--folds');
const folds = foldsArg >= 0 ? Number(args[foldsArg + 1]) : 6;
const check = args.includes('--check');
const dataDir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--folds') ?? resolve(root, '../shared/data/pdnc');
const weightsPath = resolve(root, 'src/stages/attribution/weights.ts');

const t0 = performance.now();
const sets = listPdncNovelDirs(dataDir).map((d) => trainingSet(loadPdncNovel(d)));
const labelled = sets.reduce((a, s) => a + s.labelled, 0);
const covered = sets.reduce((a, s) => a + s.covered, 0);
console.log(`${sets.length} novels, ${labelled} labelled utterances, gold speaker among candidates: ${((100 * covered) / labelled).toFixed(1)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const fold = foldsByName(sets.map((s) => s.name), folds);
let right = 0;
let total = 0;
for (let k = 0; k < folds; k++) {
  const train = sets.filter((s) => fold.get(s.name) !== k);
  const test = sets.filter((s) => fold.get(s.name) === k);
  const model = fitRanker(train);
  const acc = rankerAccuracy(test, model);
  right += acc.right;
  total += acc.total;
  console.log(`fold ${k + 1}/${folds}: ${test.map((s) => s.name).join(', ')}: ${((100 * acc.right) / acc.total).toFixed(1)}% of ${acc.total}`);
}
console.log(`cross-validated ranker accuracy (utterances, gold cast): ${((100 * right) / total).toFixed(1)}%`);

const model = fitRanker(sets);
const provenance = `trained on ${sets.length} PDNC novels, ${labelled} labelled utterances`;
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
