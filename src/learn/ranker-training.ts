/**
 * Training the speaker ranker from PDNC: candidate tables from the gold-cast analysis of each novel,
 * labels from PDNC's speakers, and full-batch Adam on the softmax log-loss with L2. No randomness
 * anywhere (fixed order, zero start), so the same data gives the same weights file twice.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { analyzeDocument } from '../index.js';
import { runRules } from '../stages/attribution/index.js';
import {
  buildCandidates,
  FEATURE_NAMES,
  STACKED_FEATURE_NAMES,
  stackedFeatures,
  withStacked,
  type CandidateTable,
} from '../stages/attribution/features.js';
import { candidateProbabilities, modelProbabilities, type LinearModel, type RankerModel } from '../stages/attribution/ranker.js';
import type { RuleState } from '../stages/attribution/index.js';
import { goldCastFile, type PdncNovel } from '../eval/pdnc.js';
import { scoredQuotes } from '../eval/evaluate.js';

export interface TrainingSet {
  name: string;
  table: CandidateTable;
  rules: RuleState;
  /** Per utterance: index (into the flat candidate list) of the gold speaker, or -1 if unlabelled or not a candidate. */
  labels: Int32Array;
  /** Per utterance: the gold speaker's character index, or -1 when PDNC gives none. */
  gold: Int32Array;
  /** Utterances with a gold speaker, and how many had that speaker among the candidates. */
  labelled: number;
  covered: number;
}

/** Build the candidate table of a novel analysed with its gold cast, with gold labels. */
export function trainingSet(novel: PdncNovel): TrainingSet {
  // The same setting as the evaluation's gold-cast run: only the given characters.
  const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, source: novel.name, rankerModel: null });
  const rules = runRules(doc);
  const table = buildCandidates(doc, rules);
  const idIndex = new Map(doc.characters.map((c, i) => [c.id, i]));
  const nU = doc.utteranceCount;
  // Gold speaker votes per utterance, through the predicted spans that overlap each gold quotation.
  const votes: Map<number, number>[] = Array.from({ length: nU }, () => new Map());
  const { quotes } = scoredQuotes(novel);
  let k = 0;
  for (const q of quotes) {
    if (!q.speakerId) continue;
    const ci = idIndex.get(q.speakerId);
    if (ci === undefined) continue;
    const s = q.spans[0];
    const e = q.spans[q.spans.length - 1];
    while (k < doc.quoteCount && doc.quotes[4 * k + 1] <= s) k++;
    for (let j = k; j < doc.quoteCount && doc.quotes[4 * j] < e; j++) {
      const u = doc.quotes[4 * j + 3];
      votes[u].set(ci, (votes[u].get(ci) ?? 0) + 1);
    }
  }
  const labels = new Int32Array(nU).fill(-1);
  const goldOf = new Int32Array(nU).fill(-1);
  let labelled = 0;
  let covered = 0;
  for (let u = 0; u < nU; u++) {
    let gold = -1;
    let best = 0;
    for (const [c, n] of votes[u]) if (n > best || (n === best && c < gold)) [gold, best] = [c, n];
    if (gold < 0) continue;
    goldOf[u] = gold;
    labelled++;
    for (let j = table.offsets[u]; j < table.offsets[u + 1]; j++) {
      if (table.candidates[j] === gold) {
        labels[u] = j;
        covered++;
        break;
      }
    }
  }
  return { name: novel.name, table, rules, labels, gold: goldOf, labelled, covered };
}

export interface FitOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

/** Fit both stages: a linear softmax ranker, then a second one with stacked neighbour features. */
export function fitRanker(sets: readonly TrainingSet[], opts: FitOptions = {}): RankerModel {
  const first = fitLinear(sets.map((s) => ({ table: s.table, labels: s.labels })), [...FEATURE_NAMES], opts);
  // The second stage learns from the first stage's in-sample beliefs about the neighbouring turns.
  const stackedSets = sets.map((s) => {
    const probs = candidateProbabilities(s.table, first.weights);
    return { table: withStacked(s.table, stackedFeatures(s.table, probs, s.rules)), labels: s.labels };
  });
  const stacked = fitLinear(stackedSets, [...FEATURE_NAMES, ...STACKED_FEATURE_NAMES], opts);
  return { ...first, stacked };
}

/** Fit one linear softmax ranker (full-batch Adam on the log-loss with L2, from zero). */
export function fitLinear(
  sets: readonly { table: Pick<CandidateTable, 'offsets' | 'features'>; labels: Int32Array }[],
  names: string[],
  opts: FitOptions = {},
): LinearModel {
  const epochs = opts.epochs ?? 300;
  const lr = opts.learningRate ?? 0.05;
  const l2 = opts.l2 ?? 1e-3;
  const W = names.length;
  const w = new Float64Array(W);
  const m = new Float64Array(W);
  const v = new Float64Array(W);
  const grad = new Float64Array(W);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let n = 0;
  for (const s of sets) for (const l of s.labels) if (l >= 0) n++;
  if (n === 0) throw new Error('no labelled utterances to train on');
  let scores = new Float64Array(64);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (const s of sets) {
      const { offsets, features } = s.table;
      for (let u = 0; u < s.labels.length; u++) {
        const gold = s.labels[u];
        if (gold < 0) continue;
        const a = offsets[u];
        const b = offsets[u + 1];
        if (b - a > scores.length) scores = new Float64Array(b - a);
        let max = -Infinity;
        for (let k = a; k < b; k++) {
          let x = 0;
          for (let f = 0; f < W; f++) x += w[f] * features[k * W + f];
          scores[k - a] = x;
          if (x > max) max = x;
        }
        let z = 0;
        for (let k = a; k < b; k++) z += scores[k - a] = Math.exp(scores[k - a] - max);
        // d(-log p_gold)/dw = sum_k p_k f_k - f_gold
        for (let k = a; k < b; k++) {
          const p = scores[k - a] / z;
          for (let f = 0; f < W; f++) grad[f] += p * features[k * W + f];
        }
        for (let f = 0; f < W; f++) grad[f] -= features[gold * W + f];
      }
    }
    for (let f = 0; f < W; f++) {
      const g = grad[f] / n + l2 * w[f];
      m[f] = beta1 * m[f] + (1 - beta1) * g;
      v[f] = beta2 * v[f] + (1 - beta2) * g * g;
      const mh = m[f] / (1 - Math.pow(beta1, epoch));
      const vh = v[f] / (1 - Math.pow(beta2, epoch));
      w[f] -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { features: names, weights: Array.from(w, (x) => Math.round(x * 1e6) / 1e6) };
}

/** Accuracy of a model on sets: over utterances with a gold speaker; when the gold speaker is not among the candidates, it counts as wrong. */
export function rankerAccuracy(sets: readonly TrainingSet[], model: RankerModel): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const s of sets) {
    const { probs } = modelProbabilities(s.table, model, s.rules);
    for (let u = 0; u < s.labels.length; u++) {
      if (s.gold[u] < 0) continue;
      total++;
      if (s.labels[u] < 0) continue;
      let best = -1;
      for (let k = s.table.offsets[u]; k < s.table.offsets[u + 1]; k++) if (best < 0 || probs[k] > probs[best]) best = k;
      if (best === s.labels[u]) right++;
    }
  }
  return { right, total };
}

/** Deterministic fold of each novel for K-fold leave-novels-out cross-validation (round-robin by name). */
export function foldsByName(names: readonly string[], k: number): Map<string, number> {
  const sorted = [...names].sort();
  return new Map(sorted.map((n, i) => [n, i % k]));
}

/** The weights module that ships in the package (written atomically). */
export function writeWeightsModule(path: string, model: RankerModel, provenance: string): void {
  const linear = (m: LinearModel, indent: string): string[] => [
    `${indent}features: [`,
    ...m.features.map((f) => `${indent}  '${f}',`),
    `${indent}],`,
    `${indent}weights: [`,
    ...m.weights.map((x, i) => `${indent}  ${x}, // ${m.features[i]}`),
    `${indent}],`,
  ];
  const lines = [
    '/** Speaker-ranker weights. Generated by `npm run train`; do not edit by hand. */',
    `// ${provenance}`,
    "import type { RankerModel } from './ranker.js';",
    '',
    'export const RANKER_MODEL: RankerModel | null = {',
    ...linear(model, '  '),
    ...(model.stacked ? ['  stacked: {', ...linear(model.stacked, '    '), '  },'] : []),
    '};',
    '',
  ];
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, lines.join('\n'));
  renameSync(tmp, path);
}
