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
    };
    compiled.set(trees, c);
  }
  return c;
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
  for (let k = 0; k < n; k++) out[k] += treeScore(trees, features, k * width);
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
