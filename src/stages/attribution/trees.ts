/**
 * Regression-tree ensembles for the speaker ranker (gradient-boosted, trained by src/learn/gbdt.ts).
 *
 * Nodes are stored flat in pre-order: a split node's left child is the next node, its right child
 * is at `right[i]`; a row goes left when `x[feature[i]] <= value[i]`. A leaf has feature -1 and its
 * value is the leaf's score. `roots[t]` is the first node of tree t. Scores of all trees add up.
 */
export interface TreeEnsemble {
  roots: readonly number[];
  feature: readonly number[];
  value: readonly number[];
  right: readonly number[];
}

interface Compiled {
  roots: Int32Array;
  feature: Int32Array;
  value: Float64Array;
  right: Int32Array;
  /** The same trees as complete trees of the ensemble's depth, or null when it is deeper than MAX_COMPLETE_DEPTH. */
  complete: CompleteTrees | null;
}

/**
 * Trees laid out complete, in heap order (node i's children are 2i+1 and 2i+2), all as deep as the
 * deepest: per tree `splits` split features and thresholds, then `leaves` leaf scores. A shallower
 * branch is padded with splits whose two sides carry the same leaf score, so a row gets exactly the
 * score it gets from the pre-order trees (sums stay bit-identical) without chasing node links.
 */
interface CompleteTrees {
  count: number;
  depth: number;
  splits: number;
  leaves: number;
  feature: Int32Array;
  threshold: Float64Array;
  leaf: Float64Array;
}

/** Deeper ensembles are scored by walking the nodes (padding would double per level). */
const MAX_COMPLETE_DEPTH = 6;

function nodeDepth(trees: Compiled, i: number): number {
  return trees.feature[i] < 0 ? 0 : 1 + Math.max(nodeDepth(trees, i + 1), nodeDepth(trees, trees.right[i]));
}

function completeTrees(trees: Compiled): CompleteTrees | null {
  const n = trees.roots.length;
  let depth = 0;
  for (let t = 0; t < n; t++) depth = Math.max(depth, nodeDepth(trees, trees.roots[t]));
  if (depth > MAX_COMPLETE_DEPTH) return null;
  const SPLITS = (1 << depth) - 1;
  const LEAVES = 1 << depth;
  const feature = new Int32Array(n * SPLITS);
  const threshold = new Float64Array(n * SPLITS);
  const leaf = new Float64Array(n * LEAVES);
  // Fill heap slot h (depth d) of tree t from pre-order node i.
  const fill = (t: number, i: number, h: number, d: number): boolean => {
    if (d === depth) {
      if (trees.feature[i] >= 0) return false;
      leaf[t * LEAVES + h - SPLITS] = trees.value[i];
      return true;
    }
    const f = trees.feature[i];
    if (f < 0) {
      // A leaf above the full depth: a split on feature 0 whose both sides end in this leaf.
      feature[t * SPLITS + h] = 0;
      threshold[t * SPLITS + h] = 0;
      return fill(t, i, 2 * h + 1, d + 1) && fill(t, i, 2 * h + 2, d + 1);
    }
    feature[t * SPLITS + h] = f;
    threshold[t * SPLITS + h] = trees.value[i];
    return fill(t, i + 1, 2 * h + 1, d + 1) && fill(t, trees.right[i], 2 * h + 2, d + 1);
  };
  for (let t = 0; t < n; t++) if (!fill(t, trees.roots[t], 0, 0)) return null;
  return { count: n, depth, splits: SPLITS, leaves: LEAVES, feature, threshold, leaf };
}

const compiled = new WeakMap<TreeEnsemble, Compiled>();

function compile(trees: TreeEnsemble): Compiled {
  let c = compiled.get(trees);
  if (!c) {
    c = {
      roots: Int32Array.from(trees.roots),
      feature: Int32Array.from(trees.feature),
      value: Float64Array.from(trees.value),
      right: Int32Array.from(trees.right),
      complete: null,
    };
    c.complete = completeTrees(c);
    compiled.set(trees, c);
  }
  return c;
}

/** Whether the ensemble is scored through the complete layout (for tests: deeper ones walk the nodes). */
export function hasCompleteLayout(trees: TreeEnsemble): boolean {
  return compile(trees).complete !== null;
}

/** The ensemble's score of one row (features[base .. base + width)). */
export function treeScore(trees: TreeEnsemble, features: ArrayLike<number>, base: number): number {
  const { roots, feature, value, right } = compile(trees);
  let s = 0;
  for (let t = 0; t < roots.length; t++) {
    let i = roots[t];
    let f = feature[i];
    while (f >= 0) {
      i = features[base + f] <= value[i] ? i + 1 : right[i];
      f = feature[i];
    }
    s += value[i];
  }
  return s;
}

/** Add the ensemble's score of every row (width features each) to out. */
export function addTreeScores(trees: TreeEnsemble, features: ArrayLike<number>, width: number, out: Float64Array): void {
  const n = out.length;
  const complete = compile(trees).complete;
  if (complete === null) {
    for (let k = 0; k < n; k++) out[k] += treeScore(trees, features, k * width);
    return;
  }
  const { count, depth, splits, leaves, feature, threshold, leaf } = complete;
  // A row goes left when x <= threshold (a NaN goes right, as in treeScore); +bool is 0 or 1, so
  // there is no branch to mispredict. The shipped depth is unrolled (a loop over levels costs a third more).
  if (depth === 4) {
    for (let k = 0; k < n; k++) {
      const base = k * width;
      let s = 0;
      for (let t = 0, fs = 0, ls = 0; t < count; t++, fs += 15, ls += 16) {
        let h = 2 - +(features[base + feature[fs]] <= threshold[fs]);
        h = 2 * h + 2 - +(features[base + feature[fs + h]] <= threshold[fs + h]);
        h = 2 * h + 2 - +(features[base + feature[fs + h]] <= threshold[fs + h]);
        h = 2 * h + 2 - +(features[base + feature[fs + h]] <= threshold[fs + h]);
        s += leaf[ls + h - 15];
      }
      out[k] += s;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const base = k * width;
    let s = 0;
    for (let t = 0, fs = 0, ls = 0; t < count; t++, fs += splits, ls += leaves) {
      let h = 0;
      for (let d = 0; d < depth; d++) h = 2 * h + 2 - +(features[base + feature[fs + h]] <= threshold[fs + h]);
      s += leaf[ls + h - splits];
    }
    out[k] += s;
  }
}

/** Whether every split reads a feature below width and the node links are in range (a sane file). */
export function validTrees(trees: TreeEnsemble, width: number): boolean {
  const n = trees.feature.length;
  if (trees.value.length !== n || trees.right.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const f = trees.feature[i];
    if (f >= width || (f >= 0 && (trees.right[i] <= i + 1 || trees.right[i] >= n))) return false;
  }
  return trees.roots.every((r) => r >= 0 && r < n);
}
