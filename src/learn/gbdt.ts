/**
 * Gradient-boosted regression trees for listwise ranking: each utterance is a softmax over its
 * candidates, the loss is the gold candidate's log-loss. For candidate k the gradient is p_k − y_k and
 * the hessian p_k(1 − p_k); leaves take the Newton step −G/(H + λ), shrunk by the learning rate.
 * Splits are found on histograms of pre-binned features (quantile bins computed from the training
 * rows). Deterministic: sampling (colsample, subsample) is seeded by the tree's index, the iteration
 * order is fixed, and ties go to the first feature and bin.
 * Generic in the feature width (any candidate table whose rows have `width` features).
 */
import type { ScoredTable } from '../stages/attribution/features.js';
import type { TreeEnsemble } from '../stages/attribution/trees.js';

export interface GbdtOptions {
  /** Number of trees (boosting rounds). */
  trees?: number;
  /** Largest depth of a tree (depth d has at most 2^d leaves). */
  depth?: number;
  learningRate?: number;
  /** L2 regularisation of leaf values (λ in −G/(H + λ)). */
  lambda?: number;
  /** Smallest hessian sum a child may have. */
  minHessian?: number;
  /** Largest number of bins per feature (≤ 256). */
  bins?: number;
  /**
   * Share of the features each tree may split on, drawn per tree by a seeded generator (so a
   * training run gives the same file twice); 1 = all. Fewer features per tree lean less on any one;
   * 0.5 was 0.2 points behind on the first two cross-validation folds, so the default stays 1.
   */
  colsample?: number;
  /**
   * Share of the training utterances each tree learns from, drawn per tree by a seeded generator
   * (stochastic boosting); the others pass through the tree with no say in its splits. 1 = all.
   * Alone it changed little (`train --check`: 0.7 gave 85.0% against 84.8%, log-loss 0.3999 against
   * 0.3996); it is what makes the bags below differ.
   */
  subsample?: number;
  /**
   * Bagging: this many ensembles, each boosted on its own seeded draw of `subsample` of the
   * utterances (which must then be below 1), averaged into one (leaf scores divided by their number).
   * One ranker is one draw from a spread of about ±0.3 points of PDNC lines (a feature of pure noise
   * moved cross-validated accuracy by 45–70 lines of 23,633); averaging steadies it. Measured with
   * the cv-folds rankers on 2026-11-27 (lines right with PDNC's cast / with ours, held-out log-loss):
   * one ensemble 20,390 / 19,806 / 0.3615; two bags of 0.8 20,453 / 19,833 / 0.3590; three bags
   * (`eval pdnc --cv 6`) 20,444 / 19,820 / 0.3580; one ensemble of 600 trees at rate 0.05 20,419 /
   * 19,846 / 0.3584. At the same number of trees bagging gains nothing (three bags of 100 trees at
   * 0.3: 20,381 / 19,799 / 0.3648; two of 150 at 0.2: 20,435 / 19,800 / 0.3616): the gain is bought
   * with scoring time, which the trees dominate (`npm run bench`: 0.36 M tokens/s with one ensemble,
   * 0.26 with two bags, 0.20 with three). Two bags are the trade.
   */
  bags?: number;
  /** Offset of the seeds of the utterance draws (bag k draws with seed + k). */
  seed?: number;
}

export interface RankingSet {
  table: ScoredTable;
  /** Per utterance: flat candidate index of the gold candidate, or -1 (the utterance is not trained on). */
  labels: Int32Array;
  /** Optional start score per candidate row (e.g. a linear model's); zero when absent. */
  start?: Float64Array;
}

/**
 * Chosen by leave-novels-out cross-validation: shallow trees generalise across novels best, but with
 * the second stage's many belief features depth 4 beat depth 3 (84.6% against 84.4% of utterances,
 * log-loss 0.403 against 0.410; 600 trees at rate 0.05 were no better on the first fold).
 */
const DEFAULTS: Required<GbdtOptions> = { trees: 300, depth: 4, learningRate: 0.1, lambda: 1, minHessian: 1, bins: 32, colsample: 1, subsample: 0.8, bags: 2, seed: 0 };

/** Leaf values are rounded like the shipped file, so training sees the model that ships. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Quantile bin edges of one feature: sorted distinct values where a bin ends (x ≤ edge[b] is in bin ≤ b);
 * values above the last edge fall in the last bin. Every edge is a value seen in training.
 */
function binEdges(values: Float64Array, maxBins: number): Float64Array {
  const v = values.slice().sort();
  const n = v.length;
  const edges: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && v[j] === v[i]) j++;
    // v[i] occupies [i, j); close a bin after it once its share of rows is reached.
    if (j < n && j >= ((edges.length + 1) * n) / maxBins) edges.push(v[i]);
    i = j;
  }
  return Float64Array.from(edges.slice(0, maxBins - 1));
}

function binOf(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Fit a tree ensemble on candidate tables whose rows have `width` features. */
export function fitTrees(sets: readonly RankingSet[], width: number, options: GbdtOptions = {}): TreeEnsemble {
  const o = { ...DEFAULTS, ...options };
  const bags = Math.max(1, Math.floor(o.bags));
  if (bags > 1 && !(o.subsample < 1)) throw new Error('gbdt: bagging needs subsample below 1 (identical bags otherwise)');
  // The rows are binned once; every bag boosts from them.
  const rows = binnedRows(sets, width, o.bins);
  if (bags === 1) return boost(rows, width, o);
  const out = { roots: [] as number[], feature: [] as number[], value: [] as number[], right: [] as number[] };
  for (let k = 0; k < bags; k++) {
    const one = boost(rows, width, { ...o, seed: o.seed + k });
    const base = out.feature.length;
    for (const r of one.roots) out.roots.push(r + base);
    for (let i = 0; i < one.feature.length; i++) {
      out.feature.push(one.feature[i]);
      out.value.push(one.feature[i] < 0 ? round6(one.value[i] / bags) : one.value[i]);
      out.right.push(one.feature[i] < 0 ? 0 : one.right[i] + base);
    }
  }
  return out;
}

/** The trainable rows of the sets, binned: what every bag of one fit boosts from. */
interface BinnedRows {
  /** Bins per feature. */
  B: number;
  nRows: number;
  nUtt: number;
  /** Per utterance, its first row (and nRows at the end); per utterance, its gold row. */
  uStart: Int32Array;
  gold: Int32Array;
  /** Start scores per row (the sets' `start`, else zero). */
  start: Float64Array;
  /** Per feature, its bin edges; per row and feature, its bin; per feature, its most common bin. */
  edges: Float64Array[];
  bins: Uint8Array;
  common: Int32Array;
  /** Sparse rows: per row, the (feature, bin) cells off their feature's most common bin. */
  rowPtr: Int32Array;
  cell: Int32Array;
}

function binnedRows(sets: readonly RankingSet[], width: number, maxBins: number): BinnedRows {
  const B = Math.min(256, Math.max(2, maxBins));
  // Trainable utterances: a gold candidate and at least two candidates (one alone has no gradient).
  let nRows = 0;
  let nUtt = 0;
  for (const s of sets) {
    for (let u = 0; u < s.labels.length; u++) {
      const m = s.table.offsets[u + 1] - s.table.offsets[u];
      if (s.labels[u] >= 0 && m >= 2) {
        nRows += m;
        nUtt++;
      }
    }
  }
  const uStart = new Int32Array(nUtt + 1);
  const gold = new Int32Array(nUtt);
  const start = new Float64Array(nRows);
  const raw = new Float64Array(nRows * width);
  {
    let r = 0;
    let q = 0;
    for (const s of sets) {
      for (let u = 0; u < s.labels.length; u++) {
        const a = s.table.offsets[u];
        const b = s.table.offsets[u + 1];
        if (s.labels[u] < 0 || b - a < 2) continue;
        uStart[q] = r;
        gold[q] = r + s.labels[u] - a;
        q++;
        raw.set(s.table.features.subarray(a * width, b * width), r * width);
        if (s.start) start.set(s.start.subarray(a, b), r);
        r += b - a;
      }
    }
    uStart[nUtt] = r;
  }
  // Bins, row-major (for partitioning), and sparse rows (for histograms): only the bins that differ
  // from their feature's most common bin, whose histogram entry is the node total minus the others.
  const edges: Float64Array[] = [];
  const bins = new Uint8Array(nRows * width);
  const column = new Float64Array(nRows);
  const common = new Int32Array(width);
  const counts = new Int32Array(B);
  for (let f = 0; f < width; f++) {
    for (let r = 0; r < nRows; r++) column[r] = raw[r * width + f];
    const e = binEdges(column, B);
    edges.push(e);
    counts.fill(0);
    for (let r = 0; r < nRows; r++) counts[(bins[r * width + f] = binOf(e, column[r]))]++;
    for (let b = 1; b < B; b++) if (counts[b] > counts[common[f]]) common[f] = b;
  }
  const rowPtr = new Int32Array(nRows + 1);
  for (let r = 0; r < nRows; r++) {
    let m = 0;
    for (let f = 0; f < width; f++) if (bins[r * width + f] !== common[f]) m++;
    rowPtr[r + 1] = rowPtr[r] + m;
  }
  const cell = new Int32Array(rowPtr[nRows]);
  for (let r = 0, p = 0; r < nRows; r++) {
    for (let f = 0; f < width; f++) if (bins[r * width + f] !== common[f]) cell[p++] = (f * B + bins[r * width + f]) << 1;
  }
  return { B, nRows, nUtt, uStart, gold, start, edges, bins, common, rowPtr, cell };
}

/** One boosted ensemble from binned rows (`o.bags` is not read here; `o.seed` draws its utterances). */
function boost(rows: BinnedRows, width: number, o: Required<GbdtOptions>): TreeEnsemble {
  const { B, nRows, nUtt, uStart, gold, edges, bins, common, rowPtr, cell } = rows;
  const scores = rows.start.slice();
  const g = new Float64Array(nRows);
  const h = new Float64Array(nRows);
  const idx = new Int32Array(nRows);
  const histSize = width * B * 2;
  const hists = Array.from({ length: o.depth + 1 }, () => [new Float64Array(histSize), new Float64Array(histSize)]);
  const out = { roots: [] as number[], feature: [] as number[], value: [] as number[], right: [] as number[] };

  const buildHist = (hist: Float64Array, start: number, end: number): void => {
    hist.fill(0);
    let G = 0;
    let H = 0;
    for (let i = start; i < end; i++) {
      const r = idx[i];
      const gr = g[r];
      const hr = h[r];
      G += gr;
      H += hr;
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const j = cell[p];
        hist[j] += gr;
        hist[j + 1] += hr;
      }
    }
    for (let f = 0; f < width; f++) {
      let gs = G;
      let hs = H;
      const j0 = f * B * 2;
      for (let j = j0; j < j0 + B * 2; j += 2) {
        gs -= hist[j];
        hs -= hist[j + 1];
      }
      const c = j0 + common[f] * 2;
      hist[c] = gs;
      hist[c + 1] = hs;
    }
  };

  const leaf = (start: number, end: number, G: number, H: number): void => {
    const v = round6((-G / (H + o.lambda)) * o.learningRate);
    out.feature.push(-1);
    out.value.push(v);
    out.right.push(0);
    for (let i = start; i < end; i++) scores[idx[i]] += v;
  };

  const grow = (start: number, end: number, hist: Float64Array, G: number, H: number, depth: number): void => {
    let bestGain = 1e-9;
    let bestF = -1;
    let bestB = -1;
    let bestGL = 0;
    let bestHL = 0;
    if (depth < o.depth && H >= 2 * o.minHessian) {
      const parent = (G * G) / (H + o.lambda);
      for (let f = 0; f < width; f++) {
        if (!allowed[f]) continue;
        const nb = edges[f].length;
        let GL = 0;
        let HL = 0;
        for (let b = 0; b < nb; b++) {
          const j = (f * B + b) << 1;
          GL += hist[j];
          HL += hist[j + 1];
          if (HL < o.minHessian) continue;
          const HR = H - HL;
          if (HR < o.minHessian) break;
          const GR = G - GL;
          const gain = (GL * GL) / (HL + o.lambda) + (GR * GR) / (HR + o.lambda) - parent;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestB = b;
            bestGL = GL;
            bestHL = HL;
          }
        }
      }
    }
    if (bestF < 0) return leaf(start, end, G, H);
    // Partition rows: bin ≤ bestB to the left.
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (bins[idx[i] * width + bestF] <= bestB) i++;
      else {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        j--;
      }
    }
    const mid = i;
    const node = out.feature.length;
    out.feature.push(bestF);
    out.value.push(edges[bestF][bestB]);
    out.right.push(0);
    // Histogram of the smaller child by scanning, the larger one by subtraction.
    const [small, large] = hists[depth + 1];
    const leftSmaller = mid - start <= end - mid;
    if (leftSmaller) buildHist(small, start, mid);
    else buildHist(small, mid, end);
    for (let k = 0; k < histSize; k++) large[k] = hist[k] - small[k];
    const leftHist = leftSmaller ? small : large;
    const rightHist = leftSmaller ? large : small;
    // The right child's histogram must survive the left subtree (which reuses deeper buffers only).
    grow(start, mid, leftHist, bestGL, bestHL, depth + 1);
    out.right[node] = out.feature.length;
    grow(mid, end, rightHist, G - bestGL, H - bestHL, depth + 1);
  };

  const allowed = new Uint8Array(width).fill(1);
  const order = Int32Array.from({ length: width }, (_, f) => f);
  const perTree = Math.max(1, Math.min(width, Math.round(o.colsample * width)));
  const sampled = new Uint8Array(nUtt).fill(1);
  for (let t = 0; t < o.trees; t++) {
    if (perTree < width) drawFeatures(t, order, perTree, allowed);
    if (o.subsample < 1) drawUtterances(t, o.subsample, sampled, o.seed);
    // Gradients and hessians of the softmax log-loss, utterance by utterance.
    let G = 0;
    let H = 0;
    for (let q = 0; q < nUtt; q++) {
      const a = uStart[q];
      const b = uStart[q + 1];
      let max = -Infinity;
      for (let r = a; r < b; r++) if (scores[r] > max) max = scores[r];
      let z = 0;
      for (let r = a; r < b; r++) z += g[r] = Math.exp(scores[r] - max);
      if (!sampled[q]) {
        for (let r = a; r < b; r++) g[r] = h[r] = 0;
        continue;
      }
      for (let r = a; r < b; r++) {
        const p = g[r] / z;
        g[r] = p - (r === gold[q] ? 1 : 0);
        h[r] = Math.max(p * (1 - p), 1e-12);
        G += g[r];
        H += h[r];
      }
    }
    for (let r = 0; r < nRows; r++) idx[r] = r;
    const [root] = hists[0];
    buildHist(root, 0, nRows);
    out.roots.push(out.feature.length);
    grow(0, nRows, root, G, H, 0);
  }
  return out;
}

/** A generator of numbers in [0, 1) seeded with `seed` (mulberry32): a training run gives the same file twice. */
function seeded(seed: number): () => number {
  let state = seed | 0;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mark each utterance sampled for tree `t` with probability `share`. */
function drawUtterances(t: number, share: number, sampled: Uint8Array, seed: number): void {
  const next = seeded((t + 1) * 0x85ebca6b + seed * 0x27d4eb2f);
  for (let q = 0; q < sampled.length; q++) sampled[q] = next() < share ? 1 : 0;
}

/** Mark `k` of the features allowed for tree `t`: a partial shuffle by a generator seeded with `t`. */
function drawFeatures(t: number, order: Int32Array, k: number, allowed: Uint8Array): void {
  const next = seeded((t + 1) * 0x9e3779b9);
  for (let f = 0; f < order.length; f++) order[f] = f;
  allowed.fill(0);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (order.length - i));
    const x = order[i];
    order[i] = order[j];
    order[j] = x;
    allowed[order[i]] = 1;
  }
}

/** Option keys a `key=value,…` spec may set (scripts' `--gbdt`). */
export const GBDT_OPTION_KEYS = ['trees', 'depth', 'learningRate', 'lambda', 'minHessian', 'bins', 'colsample', 'subsample', 'bags'] as const;

/** `trees=500,bags=1` → tree options; a message for an unknown key or a value that is no number. */
export function parseGbdtSpec(spec: string): GbdtOptions | string {
  const out: Record<string, number> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const [key, value] = part.split('=');
    if (!(GBDT_OPTION_KEYS as readonly string[]).includes(key) || value === undefined || !Number.isFinite(Number(value))) {
      return `expected ${GBDT_OPTION_KEYS.map((k) => `${k}=N`).join(',')}; got ${part}`;
    }
    out[key] = Number(value);
  }
  return out as GbdtOptions;
}
