/**
 * Developer tool: leave-novels-out scores in seconds instead of minutes, for rule changes.
 *
 *   node --import tsx scripts/cv-folds.ts train [PDNC_DIR] [--folds K] [--models FILE] [--gbdt key=N,…] [--rounds N] [--no-scenes | --scenes DIR [--scene-weight N]]
 *     fits one ranker per fold (as `eval pdnc --cv K` does, same folds, with the annotated modern scenes
 *     of data/modern-train in every fold's training; `--no-scenes` without them, `--scenes` with others,
 *     each counted N times; `--rounds N` stacking rounds after the first stage, 3 as shipped) and saves them to FILE
 *     (default: dramatis-cv-folds.json in the system's temporary directory). About 9 minutes per bag
 *     of trees (two by default; `--gbdt bags=1` for a quicker look; keys as in train.ts).
 *   node --import tsx scripts/cv-folds.ts eval [PDNC_DIR] [--models FILE] [--dump FILE.jsonl]
 *     scores every novel with the ranker of its fold, both casts (the same numbers as `eval pdnc
 *     --cv K` while the code is the one the folds were trained on), then, with the gold cast, where
 *     the errors are: by quote type and the rules' cue, whether the rules or the ranker had it right;
 *     the held-out log-loss of the gold speaker (a second measure beside accuracy for comparing rankers);
 *     and how long the runs of consecutive wrong lines are (a flipped exchange is a long run).
 *
 * After a rule change the saved rankers still score it held-out (each novel by a ranker that never
 * saw it), though trained on the old rules' features: a close, fast estimate. A change of features
 * needs `train` again; a claim needs `npm run train` and `eval pdnc --cv 6`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { scoreNovel, totalResult } from '../src/eval/evaluate.js';
import { formatTable } from '../src/eval/report.js';
import { defaultSceneSets, fitRanker, foldsByName, goldSpeakers, sceneTrainingSets, trainingSet } from '../src/learn/ranker-training.js';
import { analyzeDocument } from '../src/index.js';
import { runRules } from '../src/stages/attribution/index.js';
import { modelProbabilities, usableModel, type RankerModel } from '../src/stages/attribution/ranker.js';
import { parseGbdtSpec } from '../src/learn/gbdt.js';
import { buildCandidates } from '../src/stages/attribution/features.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
// Options that take a value; the others (`--no-scenes`) stand alone.
const VALUED = new Set(['--folds', '--models', '--gbdt', '--dump', '--scenes', '--scene-weight', '--rounds']);
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
const [mode = '', dataDir = resolve('../shared/data/pdnc')] = positional;
const folds = Number(opt('--folds', '6'));
const modelsPath = opt('--models', join(tmpdir(), 'dramatis-cv-folds.json'));

const novels = listPdncNovelDirs(dataDir).map((d) => loadPdncNovel(d));
const fold = foldsByName(novels.map((n) => n.name), folds);

if (mode === 'train') {
  const gbdtSpec = parseGbdtSpec(opt('--gbdt', ''));
  if (typeof gbdtSpec === 'string') {
    console.error(`cv-folds: --gbdt ${gbdtSpec}`);
    process.exit(2);
  }
  const stackRounds = Number(opt('--rounds', '3'));
  if (!Number.isInteger(stackRounds) || stackRounds < 1) {
    console.error('cv-folds: --rounds needs a whole number >= 1');
    process.exit(2);
  }
  const gbdt = { gbdt: gbdtSpec, stackRounds };
  const sets = novels.map((n) => trainingSet(n));
  // The shipped recipe's annotated modern scenes join every fold's training (`--no-scenes`: none;
  // `--scenes DIR --scene-weight N`: others).
  const scenesDir = opt('--scenes', '');
  const sceneWeight = Number(opt('--scene-weight', '1'));
  if (!Number.isInteger(sceneWeight) || sceneWeight < 1) {
    console.error('cv-folds: --scene-weight needs a whole number >= 1');
    process.exit(2);
  }
  const scenes = args.includes('--no-scenes') ? [] : scenesDir === '' ? defaultSceneSets() : sceneTrainingSets(scenesDir, sceneWeight);
  const models: RankerModel[] = [];
  for (let k = 0; k < folds; k++) {
    models.push(fitRanker([...sets.filter((s) => fold.get(s.name) !== k), ...scenes], gbdt));
    console.error(`cv-folds: trained fold ${k + 1}/${folds}`);
  }
  const tmp = `${modelsPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ folds, fold: Object.fromEntries(fold), models }));
  renameSync(tmp, modelsPath);
  console.error(`cv-folds: wrote ${modelsPath}`);
} else if (mode === 'eval') {
  let saved: { folds: number; fold: Record<string, number>; models: RankerModel[] };
  try {
    saved = JSON.parse(readFileSync(modelsPath, 'utf8'));
  } catch (e) {
    console.error(`cv-folds: cannot read ${modelsPath} (${(e as Error).message.split('\n')[0]}); run \`cv-folds.ts train\` first`);
    process.exit(1);
  }
  // Each novel must be scored by a ranker that never saw it: the folds must be the ones trained.
  if (saved.folds !== folds || novels.some((n) => saved.fold?.[n.name] !== fold.get(n.name))) {
    console.error(`cv-folds: ${modelsPath} was trained on other folds or other novels; run train again on ${dataDir}`);
    process.exit(1);
  }
  // Rankers trained on other features cannot score these rows (a feature whose computation changed
  // under the same name is not caught: train again after changing one).
  if (saved.models.some((m) => usableModel(m) === null)) {
    console.error('cv-folds: the saved rankers were trained on other features; run train again');
    process.exit(1);
  }
  const results = [];
  // [type][rule cue] → counts of (rules right, ranker right) pairs: ++, +-, -+, --.
  const byCue = new Map<string, [number, number, number, number]>();
  const runs = new Map<number, number>();
  const dump: string[] = [];
  // Held-out log-loss of the gold speaker (where it is a candidate): a second measure for comparing rankers.
  let logLoss = 0;
  let logLossN = 0;
  for (const novel of novels) {
    const model = saved.models[fold.get(novel.name)!];
    // The same two analyses `eval pdnc` scores; the gold-cast one is also read for the census.
    const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, source: novel.name, rankerModel: model });
    results.push(scoreNovel(novel, doc, analyzeDocument(novel.text, { source: novel.name, rankerModel: model })));
    const rules = runRules(doc);
    const { gold, types } = goldSpeakers(novel, doc);
    const { table: cand, probs } = modelProbabilities(buildCandidates(doc, rules), model, rules);
    for (let u = 0; u < doc.utteranceCount; u++) {
      if (gold[u] < 0) continue;
      for (let k = cand.offsets[u]; k < cand.offsets[u + 1]; k++) {
        if (cand.candidates[k] !== gold[u]) continue;
        logLoss -= Math.log(Math.max(probs[k], 1e-12));
        logLossN++;
      }
    }
    let run = 0;
    for (let u = 0; u <= doc.utteranceCount; u++) {
      const scored = u < doc.utteranceCount && gold[u] >= 0;
      const right = scored && doc.speakers[u] === gold[u];
      if (scored && !right) run++;
      else if (run > 0 && (u === doc.utteranceCount || scored)) {
        runs.set(Math.min(run, 10), (runs.get(Math.min(run, 10)) ?? 0) + run);
        run = 0;
      }
      if (!scored) continue;
      const ruleRight = rules.speakers[u] === gold[u];
      const key = `${QUOTE_TYPES[types[u]] ?? '?'}\t${rules.cues[u]}`;
      const counts = byCue.get(key) ?? byCue.set(key, [0, 0, 0, 0]).get(key)!;
      counts[(ruleRight ? 0 : 2) + (right ? 0 : 1)]++;
      if (!right) {
        const name = (c: number): string | null => (c >= 0 ? doc.characters[c].name : null);
        dump.push(JSON.stringify({ novel: novel.name, utterance: u, start: doc.quotes[4 * doc.utterances[2 * u]], type: QUOTE_TYPES[types[u]], gold: name(gold[u]), ranker: name(doc.speakers[u]), rules: name(rules.speakers[u]), ruleCue: rules.cues[u], cue: doc.speakerCues[u], confidence: Number(doc.speakerConfidence[u].toFixed(2)) }));
      }
    }
    console.error(`cv-folds: ${novel.name}`);
  }
  const table = formatTable(results, totalResult(results), `fixed fold rankers from ${modelsPath}`);
  console.log(table.split('\n').filter((l) => /^(OVERALL|Explicit|Anaphoric|Implicit|All|addressees)\b/.test(l)).join('\n'));
  console.log(`held-out log-loss of the gold speaker (gold cast, ${logLossN} utterances where it is a candidate): ${(logLoss / logLossN).toFixed(4)}`);
  console.log('\nutterances with a gold speaker, gold cast: by type and the rules\' cue (R = rules right, F = final right)');
  console.log(`${'type'.padEnd(10)} ${'rules cue'.padEnd(18)} ${'R F'.padStart(6)} ${'R !F'.padStart(6)} ${'!R F'.padStart(6)} ${'!R !F'.padStart(6)}  final%`);
  for (const [key, c] of [...byCue].sort((a, b) => b[1][1] + b[1][3] - (a[1][1] + a[1][3]))) {
    const [type, cue] = key.split('\t');
    const n = c[0] + c[1] + c[2] + c[3];
    if (n < 20) continue;
    console.log(`${type.padEnd(10)} ${cue.padEnd(18)} ${c.map((x) => String(x).padStart(6)).join(' ')}  ${((100 * (c[0] + c[2])) / n).toFixed(1)}`);
  }
  const wrong = [...runs.values()].reduce((a, b) => a + b, 0);
  console.log('\nwrong utterances by the length of their run of consecutive wrong ones (among utterances with a gold speaker; runs may cross scenes)');
  for (const [len, k] of [...runs].sort((a, b) => a[0] - b[0])) console.log(`  ${len === 10 ? '10+' : String(len).padStart(3)}: ${String(k).padStart(5)} (${((100 * k) / wrong).toFixed(1)}%)`);
  const dumpPath = opt('--dump', '');
  if (dumpPath !== '') writeFileSync(dumpPath, dump.join('\n') + '\n');
} else {
  console.error('usage: cv-folds.ts train|eval [PDNC_DIR] [--folds K] [--models FILE] [--gbdt key=N,…] [--dump FILE.jsonl]');
  process.exit(2);
}
