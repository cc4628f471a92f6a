/**
 * The speaker ranker: a linear model over candidate features with a softmax per utterance. Its
 * weights are learned by `npm run train` from PDNC (src/learn/) and ship in weights.ts; without
 * weights the rules' decisions stand.
 */
import type { Document } from '../../document/document.js';
import { Cue } from './cues.js';
import {
  buildCandidates,
  FEATURE_NAMES,
  NUM_FEATURES,
  STACKED_FEATURE_NAMES,
  stackedFeatures,
  withStacked,
  type CandidateTable,
} from './features.js';
import type { RuleState } from './index.js';
import { RANKER_MODEL } from './weights.js';

export interface LinearModel {
  /** Feature names the weights were trained for (checked against the code's feature list). */
  features: readonly string[];
  weights: readonly number[];
}

/**
 * Two stages: the first scores candidates from the rules' evidence; the second adds what the first
 * believes about the neighbouring turns (stacking), so turn-taking reads the ranker's decisions.
 */
export interface RankerModel extends LinearModel {
  stacked?: LinearModel;
}

/** Probability of each candidate (softmax of the linear scores), flat like the candidate table. */
export function candidateProbabilities(table: Pick<CandidateTable, 'offsets' | 'features' | 'candidates'>, weights: ArrayLike<number>): Float64Array {
  const n = table.candidates.length;
  const width = weights.length;
  const probs = new Float64Array(n);
  const nU = table.offsets.length - 1;
  for (let u = 0; u < nU; u++) {
    const a = table.offsets[u];
    const b = table.offsets[u + 1];
    let max = -Infinity;
    for (let k = a; k < b; k++) {
      let s = 0;
      const base = k * width;
      for (let f = 0; f < width; f++) s += weights[f] * table.features[base + f];
      probs[k] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let k = a; k < b; k++) z += probs[k] = Math.exp(probs[k] - max);
    for (let k = a; k < b; k++) probs[k] /= z;
  }
  return probs;
}

/** Which cue names a ranker decision that overrides the rules: the feature that pushed it most. */
const FEATURE_CUE: Record<string, string> = {
  evidence_any: Cue.Beat,
  evidence_top: Cue.Beat,
  pronoun_rank1: Cue.TagPronoun,
  pronoun_rank2: Cue.TagPronoun,
  pronoun_score: Cue.TagPronoun,
  gender_match: Cue.TagPronoun,
  vocative_prev: Cue.Vocative,
  prev2: Cue.TurnTaking,
  next2: Cue.TurnTaking,
  prev2_strong: Cue.TurnTaking,
  next2_strong: Cue.TurnTaking,
  prev2_x_no_evidence: Cue.TurnTaking,
  same_paragraph_strong: Cue.SameParagraph,
  recency: Cue.Recent,
  no_evidence_recency: Cue.Recent,
  window_count: Cue.Recent,
  narrator: Cue.Narrator,
};

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The model if its feature lists match this code's (a stale weights file is ignored, not misread). */
export function usableModel(model: RankerModel | null): RankerModel | null {
  if (!model || !sameNames(model.features, FEATURE_NAMES) || model.weights.length !== NUM_FEATURES) return null;
  if (model.stacked && !sameNames(model.stacked.features, [...FEATURE_NAMES, ...STACKED_FEATURE_NAMES])) return null;
  return model;
}

/** Candidate probabilities under a model: first stage, then the stacked stage if the model has one. */
export function modelProbabilities(table: CandidateTable, model: RankerModel, rules: RuleState): { table: CandidateTable; probs: Float64Array; weights: readonly number[] } {
  const probs1 = candidateProbabilities(table, model.weights);
  if (!model.stacked) return { table, probs: probs1, weights: model.weights };
  const table2 = withStacked(table, stackedFeatures(table, probs1, rules));
  return { table: table2, probs: candidateProbabilities(table2, model.stacked.weights), weights: model.stacked.weights };
}

/** Final speakers: the ranker's choice among candidates where a model is available. */
export function rankSpeakers(doc: Document, rules: RuleState, model: RankerModel | null = RANKER_MODEL): RuleState {
  const usable = usableModel(model);
  if (!usable || doc.utteranceCount === 0) return rules;
  const { table, probs, weights } = modelProbabilities(buildCandidates(doc, rules), usable, rules);
  const nU = doc.utteranceCount;
  const speakers = new Int32Array(nU).fill(-1);
  const confidence = new Float32Array(nU);
  const cues = rules.cues.slice();
  for (let u = 0; u < nU; u++) {
    let best = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (best < 0 || probs[k] > probs[best]) best = k;
    if (best < 0) continue;
    const c = table.candidates[best];
    speakers[u] = c;
    confidence[u] = probs[best];
    if (c !== rules.speakers[u]) cues[u] = strongestCue(table, best, weights);
  }
  return { ...rules, speakers, confidence, cues };
}

function strongestCue(table: CandidateTable, k: number, weights: ArrayLike<number>): string {
  let bestF = -1;
  let bestV = 0;
  const width = weights.length;
  for (let f = 0; f < NUM_FEATURES; f++) {
    const v = weights[f] * table.features[k * width + f];
    if (FEATURE_CUE[FEATURE_NAMES[f]] && v > bestV) {
      bestV = v;
      bestF = f;
    }
  }
  return bestF >= 0 ? FEATURE_CUE[FEATURE_NAMES[bestF]] : Cue.Ranker;
}
