import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLinear } from '../src/learn/ranker-training.js';
import { candidateProbabilities, usableModel } from '../src/stages/attribution/ranker.js';
import { RANKER_MODEL } from '../src/stages/attribution/weights.js';
import type { CandidateTable } from '../src/stages/attribution/features.js';

/** Two features; the gold candidate is the one with feature 0 set (feature 1 is noise). */
function syntheticSet(n: number): { table: Pick<CandidateTable, 'candidates' | 'offsets' | 'features'>; labels: Int32Array } {
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

test('training learns the signal feature and the softmax ranks the gold candidate first', () => {
  const set = syntheticSet(60);
  const model = fitLinear([set], ['signal', 'noise'], { epochs: 150 });
  assert.ok(model.weights[0] > 1, `signal weight ${model.weights[0]}`);
  assert.ok(Math.abs(model.weights[1]) < model.weights[0] / 2);
  const probs = candidateProbabilities(set.table, model.weights);
  for (let u = 0; u < 60; u++) {
    let best = set.table.offsets[u];
    for (let k = best; k < set.table.offsets[u + 1]; k++) if (probs[k] > probs[best]) best = k;
    assert.equal(best, set.labels[u]);
    let sum = 0;
    for (let k = set.table.offsets[u]; k < set.table.offsets[u + 1]; k++) sum += probs[k];
    assert.ok(Math.abs(sum - 1) < 1e-9);
  }
});

test('the shipped weights match the code’s feature lists (a stale weights file would be ignored)', () => {
  assert.ok(RANKER_MODEL, 'weights.ts holds a trained model');
  assert.ok(usableModel(RANKER_MODEL), 'weights.ts was trained for other features: run npm run train');
  assert.ok(RANKER_MODEL!.stacked, 'the stacked stage is trained too');
});
