import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitLinear, fitTemperature, writeWeightsModule } from '../src/learn/ranker-training.js';
import { fitTrees } from '../src/learn/gbdt.js';
import { candidateProbabilities, softmaxByUtterance, stageScores, usableModel } from '../src/stages/attribution/ranker.js';
import { treeScore, validTrees } from '../src/stages/attribution/trees.js';
import { RANKER_MODEL } from '../src/stages/attribution/weights.js';
import { FEATURE_NAMES, localRows, NUM_FEATURES, type ScoredTable } from '../src/stages/attribution/features.js';

/** Two features; the gold candidate is the one with feature 0 set (feature 1 is noise). */
function syntheticSet(n: number): { table: ScoredTable; labels: Int32Array } {
  const candidates: number[] = [];
  const offsets = new Int32Array(n + 1);
  const features: number[] = [];
  const labels = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    offsets[u] = candidates.length;
    for (let c = 0; c < 3; c++) {
      const gold = c === u % 3;
      if (gold) labels[u] = candidates.length;
      candidates.push(c);
      features.push(gold ? 1 : 0, (u * 7 + c * 3) % 5 === 0 ? 1 : 0);
    }
  }
  offsets[n] = candidates.length;
  return { table: { candidates: Int32Array.from(candidates), offsets, features: Float64Array.from(features) }, labels };
}

test('training is deterministic: the same data gives the same weights twice', () => {
  const set = syntheticSet(60);
  const a = fitLinear([set], ['signal', 'noise'], { epochs: 80 });
  const b = fitLinear([set], ['signal', 'noise'], { epochs: 80 });
  assert.deepEqual(a, b);
});

/** Per utterance, the flat index of its most probable candidate (the first on a tie). */
function argmaxByUtterance(offsets: ArrayLike<number>, probs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let u = 0; u + 1 < offsets.length; u++) {
    let best = offsets[u];
    for (let k = best; k < offsets[u + 1]; k++) if (probs[k] > probs[best]) best = k;
    out.push(best);
  }
  return out;
}

/** How many utterances have their gold candidate most probable. */
function rightCount(set: { table: { offsets: ArrayLike<number> }; labels: ArrayLike<number> }, probs: ArrayLike<number>): number {
  return argmaxByUtterance(set.table.offsets, probs).filter((best, u) => best === set.labels[u]).length;
}

test('training learns the signal feature and the softmax ranks the gold candidate first', () => {
  const set = syntheticSet(60);
  const model = fitLinear([set], ['signal', 'noise'], { epochs: 150 });
  assert.ok(model.weights[0] > 1, `signal weight ${model.weights[0]}`);
  assert.ok(Math.abs(model.weights[1]) < model.weights[0] / 2, "expected: Math.abs(model.weights[1]) < model.weights[0] / 2");
  const probs = candidateProbabilities(set.table, model.weights);
  const best = argmaxByUtterance(set.table.offsets, probs);
  for (let u = 0; u < 60; u++) {
    assert.equal(best[u], set.labels[u]);
    let sum = 0;
    for (let k = set.table.offsets[u]; k < set.table.offsets[u + 1]; k++) sum += probs[k];
    assert.ok(Math.abs(sum - 1) < 1e-9, "expected: Math.abs(sum - 1) < 1e-9");
  }
});

test('the shipped weights match the code’s feature lists (a stale weights file would be ignored)', () => {
  assert.ok(RANKER_MODEL, 'weights.ts holds a trained model');
  assert.ok(usableModel(RANKER_MODEL), 'weights.ts was trained for other features: run npm run train');
  assert.ok(RANKER_MODEL!.trees && RANKER_MODEL!.stacked?.trees, 'both stages are tree ensembles');
  assert.ok(RANKER_MODEL!.local?.trees && RANKER_MODEL!.restacked?.trees, 'with the local stage and the second stacking round');
});

/** Three features; the gold candidate is the one where exactly one of features 0 and 1 is set (XOR), feature 2 is noise. */
function xorSet(n: number): { table: ScoredTable; labels: Int32Array } {
  const candidates: number[] = [];
  const offsets = new Int32Array(n + 1);
  const features: number[] = [];
  const labels = new Int32Array(n);
  const patterns = [
    [0, 0],
    [1, 1],
    [1, 0],
    [0, 1],
  ];
  for (let u = 0; u < n; u++) {
    offsets[u] = candidates.length;
    // One XOR candidate among three non-XOR ones, at a position that moves with u.
    const goldAt = u % 3;
    for (let c = 0; c < 3; c++) {
      const [a, b] = c === goldAt ? patterns[2 + (u % 2)] : patterns[(u + c) % 2];
      if (c === goldAt) labels[u] = candidates.length;
      candidates.push(c);
      features.push(a, b, (u * 5 + c) % 7 === 0 ? 1 : 0);
    }
  }
  offsets[n] = candidates.length;
  return { table: { candidates: Int32Array.from(candidates), offsets, features: Float64Array.from(features) }, labels };
}

test('boosted trees learn an interaction a linear ranker cannot, deterministically', () => {
  const set = xorSet(90);
  const opts = { trees: 30, depth: 2, learningRate: 0.3, minHessian: 0.1 };
  const a = fitTrees([set], 3, opts);
  assert.deepEqual(a, fitTrees([set], 3, opts), 'the same data gives the same trees twice');
  assert.ok(validTrees(a, 3), "expected: validTrees(a, 3)");
  const stage = { features: ['a', 'b', 'noise'], trees: a };
  const probs = softmaxByUtterance(set.table.offsets, stageScores(set.table, stage));
  argmaxByUtterance(set.table.offsets, probs).forEach((best, u) => assert.equal(best, set.labels[u], `utterance ${u}`));
  // A linear model cannot separate XOR: it gets some utterances wrong.
  const linear = fitLinear([set], ['a', 'b', 'noise'], { epochs: 150 });
  const lp = candidateProbabilities(set.table, linear.weights);
  const wrong = 90 - rightCount(set, lp);
  assert.ok(wrong > 0, `expected the linear ranker to get some utterances wrong (${wrong})`);
});

test('colsample lets each tree split on a seeded share of the features, the same way twice', () => {
  const set = xorSet(90);
  const opts = { trees: 20, depth: 2, learningRate: 0.3, minHessian: 0.1, colsample: 0.34 };
  const a = fitTrees([set], 3, opts);
  assert.deepEqual(a, fitTrees([set], 3, opts), 'the same data and options give the same trees twice');
  for (let t = 0; t < a.roots.length; t++) {
    const end = t + 1 < a.roots.length ? a.roots[t + 1] : a.feature.length;
    const used = new Set(a.feature.slice(a.roots[t], end).filter((f) => f >= 0));
    assert.ok(used.size <= 1, `tree ${t} splits on one of the three features at most (used ${[...used].join(',')})`);
  }
  const all = new Set(a.feature.filter((f) => f >= 0));
  assert.ok(all.size >= 2, 'different trees draw different features');
});

test('subsample lets each tree learn from a seeded share of the utterances, the same way twice, and still learns', () => {
  const set = xorSet(90);
  const opts = { trees: 40, depth: 2, learningRate: 0.3, minHessian: 0.1 };
  const sampled = fitTrees([set], 3, { ...opts, subsample: 0.6 });
  assert.deepEqual(sampled, fitTrees([set], 3, { ...opts, subsample: 0.6 }), 'the same data and options give the same trees twice');
  assert.notDeepEqual(sampled, fitTrees([set], 3, opts), 'a share of the utterances gives other trees than all of them');
  const probs = softmaxByUtterance(set.table.offsets, stageScores(set.table, { features: ['a', 'b', 'noise'], trees: sampled }));
  const right = rightCount(set, probs);
  assert.ok(right >= 85, `the sampled trees still learn the interaction (${right}/90 right)`);
});

test('bagging averages seeded bags into one ensemble, the same way twice, and still learns', () => {
  const set = xorSet(90);
  const opts = { trees: 20, depth: 2, learningRate: 0.3, minHessian: 0.1, subsample: 0.7 };
  const bagged = fitTrees([set], 3, { ...opts, bags: 2 });
  assert.deepEqual(bagged, fitTrees([set], 3, { ...opts, bags: 2 }), 'the same data and options give the same trees twice');
  assert.ok(validTrees(bagged, 3), 'expected: validTrees(bagged, 3)');
  const first = fitTrees([set], 3, { ...opts, bags: 1, seed: 0 });
  const second = fitTrees([set], 3, { ...opts, bags: 1, seed: 1 });
  assert.notDeepEqual(first, second, 'each bag draws its own utterances');
  assert.equal(bagged.roots.length, first.roots.length + second.roots.length);
  // The bagged score of every row is the mean of the two bags' scores (leaf values rounded to 1e-6).
  const stage = (trees: typeof bagged) => stageScores(set.table, { features: ['a', 'b', 'noise'], trees });
  const [sb, s0, s1] = [stage(bagged), stage(first), stage(second)];
  for (let k = 0; k < sb.length; k++) assert.ok(Math.abs(sb[k] - (s0[k] + s1[k]) / 2) < 1e-4, `row ${k}: ${sb[k]} against ${(s0[k] + s1[k]) / 2}`);
  const probs = softmaxByUtterance(set.table.offsets, sb);
  const right = rightCount(set, probs);
  assert.ok(right >= 85, `the bagged trees still learn the interaction (${right}/90 right)`);
  assert.throws(() => fitTrees([set], 3, { ...opts, subsample: 1, bags: 2 }), /subsample below 1/, 'bags of all the utterances would all be the same');
});

test('tree scores read the flat node arrays: splits send x <= value left, leaves add up', () => {
  // Tree 0: x0 <= 0.5 ? 1 : (x1 <= 2 ? 2 : 3); tree 1: a single leaf of 10.
  const trees = { roots: [0, 5], feature: [0, -1, 1, -1, -1, -1], value: [0.5, 1, 2, 2, 3, 10], right: [2, 0, 4, 0, 0, 0] };
  assert.ok(validTrees(trees, 2), "expected: validTrees(trees, 2)");
  assert.ok(!validTrees(trees, 1), 'a split on a feature beyond the width is invalid');
  assert.equal(treeScore(trees, [0.5, 9], 0), 11);
  assert.equal(treeScore(trees, [0.6, 2], 0), 12);
  assert.equal(treeScore(trees, [0.6, 2.5], 0), 13);
});

test('the temperature fitted on held-out scores undoes overconfidence', () => {
  // Scores twice as large as the true log-odds: the fitted temperature is close to 2.
  const offsets = new Int32Array(201);
  const scores = new Float64Array(400);
  const labels = new Int32Array(200);
  for (let u = 0; u < 200; u++) {
    offsets[u + 1] = 2 * (u + 1);
    scores[2 * u] = 2 * Math.log(3); // p = 0.75 at temperature 1 … 0.9 shown
    labels[u] = u % 4 === 0 ? 2 * u + 1 : 2 * u;
  }
  const t = fitTemperature([{ scores, offsets, labels }]);
  assert.ok(Math.abs(t - 2) < 0.01, `temperature ${t}`);
});

test('the weights module round-trips a tree model exactly, and a stale one is not used', async () => {
  const set = xorSet(60);
  const trees = fitTrees([set], 3, { trees: 5, depth: 2, minHessian: 0.1 });
  const stage = { features: ['a', 'b', 'noise'], trees };
  const model = { ...stage, stacked: stage, local: stage, restacked: stage, rounds: [stage, stage], temperature: 1.25 };
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-weights-'));
  try {
    const path = join(dir, 'weights.ts');
    writeWeightsModule(path, model, 'test');
    const mod = (await import(pathToFileURL(path).href)) as { RANKER_MODEL: unknown };
    assert.deepEqual(mod.RANKER_MODEL, model);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Trained for other features than this code's: ignored.
  assert.equal(usableModel(model), null);
  const real = RANKER_MODEL!;
  assert.equal(usableModel({ ...real, trees: { ...real.trees!, feature: real.trees!.feature.map((f) => (f >= 0 ? 999 : f)) } }), null);
  // A second stacking round needs the first, a third the second.
  assert.equal(usableModel({ ...real, stacked: undefined }), null);
  assert.equal(usableModel({ ...real, restacked: undefined, rounds: real.stacked ? [real.stacked] : [] }), null);
});

test('the local stage sees a line’s own evidence, not the alternation the rules decided', () => {
  const at = (name: string) => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number]);
  // Two candidates: the rules' turn-taking choice (also the previous-but-one speaker) and one named by a beat.
  const features = new Float64Array(2 * NUM_FEATURES);
  for (const f of ['rule', 'rule_cue_turn_taking', 'prev2', 'prev2_x_no_evidence']) features[at(f)] = 1;
  features[at('rule_conf')] = 0.8;
  features[at('salience')] = 0.5;
  features[NUM_FEATURES + at('evidence_any')] = 0.6;
  features[NUM_FEATURES + at('prev1')] = 1;
  const rows = localRows({ candidates: Int32Array.from([0, 1]), offsets: Int32Array.from([0, 2]), features });
  for (const f of ['rule', 'rule_conf', 'rule_cue_turn_taking', 'prev2', 'prev2_x_no_evidence']) assert.equal(rows[at(f)], 0, f);
  assert.equal(rows[at('salience')], 0.5);
  assert.equal(rows[NUM_FEATURES + at('evidence_any')], 0.6);
  assert.equal(rows[NUM_FEATURES + at('prev1')], 0);
  // A rule choice from a tag stays.
  const tagged = new Float64Array(NUM_FEATURES);
  tagged[at('rule')] = 1;
  tagged[at('rule_cue_tag_name')] = 1;
  assert.equal(localRows({ candidates: Int32Array.from([0]), offsets: Int32Array.from([0, 1]), features: tagged })[at('rule')], 1);
});

test('scoring rows through the complete-tree layout gives exactly the pre-order walk’s sums', async () => {
  const { RANKER_MODEL } = await import('../src/stages/attribution/weights.js');
  const { addTreeScores, hasCompleteLayout } = await import('../src/stages/attribution/trees.js');
  assert.ok(RANKER_MODEL?.trees, "expected: RANKER_MODEL?.trees");
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const stage of [RANKER_MODEL, RANKER_MODEL.stacked, RANKER_MODEL.local, RANKER_MODEL.restacked, ...(RANKER_MODEL.rounds ?? [])]) {
    if (!stage?.trees) continue;
    const width = stage.features.length;
    const rows = 500;
    const x = new Float64Array(rows * width);
    // Mostly 0/1 like the real rows, some fractions, a few NaN (which go right in both layouts).
    for (let i = 0; i < x.length; i++) {
      const r = rand();
      x[i] = r < 0.5 ? 0 : r < 0.75 ? 1 : r < 0.99 ? rand() * 2 - 0.5 : NaN;
    }
    const out = new Float64Array(rows);
    assert.ok(hasCompleteLayout(stage.trees), 'complete layout');
    addTreeScores(stage.trees, x, width, out);
    for (let k = 0; k < rows; k++) assert.equal(out[k], treeScore(stage.trees, x, k * width));
  }
  // Trees of mixed depth (a lone leaf, depth 2, a chain of depth 4) are padded to the deepest.
  const mixed = {
    roots: [0, 1, 6],
    feature: [-1, 0, -1, 1, -1, -1, 2, 3, 4, 0, -1, -1, -1, -1, -1],
    value: [0.5, 0.5, 1, 0.2, 2, 3, 0.3, 0.4, 0.5, 0.1, 0.01, 0.02, 0.03, 0.04, 0.05],
    right: [0, 3, 0, 5, 0, 0, 14, 13, 12, 11, 0, 0, 0, 0, 0],
  };
  const rows = 300;
  const x = new Float64Array(rows * 5);
  for (let i = 0; i < x.length; i++) x[i] = rand();
  const out = new Float64Array(rows);
  assert.ok(hasCompleteLayout(mixed), 'complete layout');
  addTreeScores(mixed, x, 5, out);
  for (let k = 0; k < rows; k++) assert.equal(out[k], treeScore(mixed, x, k * 5));
  // A row down the whole chain: 0.5 + 1 (x0 <= 0.5) + 0.01 (x2..x4 and x0 low).
  assert.equal(treeScore(mixed, [0.05, 0.9, 0.1, 0.1, 0.1], 0), 0.5 + 1 + 0.01);
});

test('annotated scenes become training sets: each quotation matched in order, each scene counted `weight` times under one name', async () => {
  const { sceneTrainingSets, defaultSceneSets, SCENE_WEIGHT } = await import('../src/learn/ranker-training.js');
  const { writeFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-scenes-'));
  try {
    const cast = { characters: [{ id: 'mara', name: 'Mara', gender: 'she' }, { id: 'rook', name: 'Rook', gender: 'he' }] };
    writeFileSync(join(dir, 'one.txt'), 'Mara leaned on the rail.\n\n\u201cCold,\u201d she said. \u201cVery cold.\u201d\n\n\u201cWear a coat.\u201d Rook did not look up.\n');
    writeFileSync(join(dir, 'one.cast.json'), JSON.stringify(cast));
    writeFileSync(join(dir, 'one.speakers.json'), JSON.stringify([{ text: 'Cold', speaker: 'mara' }, { text: 'Very cold', speaker: 'mara' }, { text: 'Wear a coat', speaker: 'rook' }]));
    const sets = sceneTrainingSets(dir, 2);
    assert.equal(sets.length, 2);
    assert.equal(sets[0].name, sets[1].name);
    // Two utterances (the interrupted line is one), both labelled, the gold speaker a candidate.
    assert.equal(sets[0].labelled, 2);
    assert.equal(sets[0].covered, 2);
    // A quotation the finder does not see is an error, not a silent gap.
    writeFileSync(join(dir, 'one.speakers.json'), JSON.stringify([{ text: 'Warm', speaker: 'mara' }]));
    assert.throws(() => sceneTrainingSets(dir, 1), /not found in order: Warm/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The shipped recipe reads the package's own scenes.
  const shipped = defaultSceneSets();
  assert.ok(shipped.length >= 20 * SCENE_WEIGHT, `${shipped.length} scene sets`);
  assert.ok(shipped.every((s) => s.labelled > 0 && s.covered === s.labelled), 'every scene labelled, gold always a candidate');
});
