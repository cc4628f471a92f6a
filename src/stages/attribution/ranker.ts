/**
 * The speaker ranker: candidates are scored per utterance (gradient-boosted regression trees, plus
 * an optional linear part) and a softmax over each utterance's candidates gives probabilities. Its
 * parameters are learned by `npm run train` from PDNC (src/learn/) and ship in weights.ts; without
 * them the rules' decisions stand.
 */
import { GenderCode, type Document } from '../../document/document.js';
import { Cue } from './cues.js';
import {
  buildCandidates,
  FEATURE_NAMES,
  localRows,
  NUM_FEATURES,
  STACKED_FEATURE_NAMES,
  stackedFeatures,
  withStacked,
  type CandidateTable,
  type ScoredTable,
} from './features.js';
import { childCharacters, describesGrownUp, descriptionOwner, isOtherReply, type RuleState, voiceIsAnother, voiceReferent } from './index.js';
import { addTreeScores, treeScore, validTrees, type TreeEnsemble } from './trees.js';
import { RANKER_MODEL } from './weights.js';
import { SEX_MARKING_NOUNS } from '../../lang/en/person-nouns.js';

/** The last word of a description, lower case (`the old gentleman` → `gentleman`). */
const headWord = (s: string): string => s.slice(s.search(/\S+\s*$/)).trim().toLowerCase();

export interface LinearModel {
  /** Feature names the weights were trained for (checked against the code's feature list). */
  features: readonly string[];
  weights: readonly number[];
}

/** One scoring stage: the sum of a linear part and a tree ensemble (either may be absent). */
export interface RankerStage {
  /** Feature names the stage was trained for (checked against the code's feature list). */
  features: readonly string[];
  weights?: readonly number[];
  trees?: TreeEnsemble;
}

/**
 * Stages: the first scores candidates from the rules' evidence; the next adds what the first
 * believes about the neighbouring turns (stacking), so turn-taking reads the ranker's decisions, and
 * each further round does the same with the beliefs of the round before.
 * The final scores are divided by `temperature` (fitted for calibrated confidences) before the softmax.
 */
export interface RankerModel extends RankerStage {
  stacked?: RankerStage;
  /** First-stage scores from the line's own evidence only (localRows): the turn chain's local beliefs. */
  local?: RankerStage;
  /** A second stacking round: the stacked features again, from the stacked stage's beliefs. */
  restacked?: RankerStage;
  /** Further stacking rounds after restacked, each from the beliefs of the round before. */
  rounds?: RankerStage[];
  temperature?: number;
}

/** Softmax of scores within each utterance (in place), after dividing them by temperature. */
export function softmaxByUtterance(offsets: ArrayLike<number>, scores: Float64Array, temperature = 1): Float64Array {
  const nU = offsets.length - 1;
  for (let u = 0; u < nU; u++) {
    const a = offsets[u];
    const b = offsets[u + 1];
    let max = -Infinity;
    for (let k = a; k < b; k++) if ((scores[k] /= temperature) > max) max = scores[k];
    let z = 0;
    for (let k = a; k < b; k++) z += scores[k] = Math.exp(scores[k] - max);
    for (let k = a; k < b; k++) scores[k] /= z;
  }
  return scores;
}

/** Linear scores of every candidate row. */
function linearScores(table: ScoredTable, weights: ArrayLike<number>, out: Float64Array): Float64Array {
  const width = weights.length;
  for (let k = 0; k < out.length; k++) {
    let s = 0;
    const base = k * width;
    for (let f = 0; f < width; f++) s += weights[f] * table.features[base + f];
    out[k] += s;
  }
  return out;
}

/** Raw scores of every candidate under one stage (the table's rows are the stage's features). */
export function stageScores(table: ScoredTable, stage: RankerStage): Float64Array {
  const out = new Float64Array(table.candidates.length);
  if (stage.weights) linearScores(table, stage.weights, out);
  if (stage.trees) addTreeScores(stage.trees, table.features, stage.features.length, out);
  return out;
}

/** Probability of each candidate (softmax of the linear scores), flat like the candidate table. */
export function candidateProbabilities(table: ScoredTable, weights: ArrayLike<number>): Float64Array {
  return softmaxByUtterance(table.offsets, linearScores(table, weights, new Float64Array(table.candidates.length)));
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
  prev_paragraph_subject: Cue.NarrationSubject,
};

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The model if its feature lists match this code's (a stale weights file is ignored, not misread). */
export function usableModel(model: RankerModel | null): RankerModel | null {
  if (!model || !usableStage(model, FEATURE_NAMES)) return null;
  if (model.stacked && !usableStage(model.stacked, [...FEATURE_NAMES, ...STACKED_FEATURE_NAMES])) return null;
  if (model.local && !usableStage(model.local, FEATURE_NAMES)) return null;
  if (model.restacked && (!model.stacked || !usableStage(model.restacked, [...FEATURE_NAMES, ...STACKED_FEATURE_NAMES]))) return null;
  if (model.rounds && (!model.restacked || !model.rounds.every((r) => usableStage(r, [...FEATURE_NAMES, ...STACKED_FEATURE_NAMES])))) return null;
  return model;
}

function usableStage(stage: RankerStage, names: readonly string[]): boolean {
  if (!sameNames(stage.features, names) || (!stage.weights && !stage.trees)) return false;
  if (stage.weights && stage.weights.length !== names.length) return false;
  return !stage.trees || validTrees(stage.trees, names.length);
}

/** Probabilities of the local stage (its rows hide the rules' alternation). */
export function localProbabilities(table: ScoredTable, local: RankerStage): Float64Array {
  return softmaxByUtterance(table.offsets, stageScores({ ...table, features: localRows(table) }, local));
}

/** Candidate probabilities under a model: first stage, then each stacking round the model has. */
export function modelProbabilities(table: CandidateTable, model: RankerModel, rules: RuleState): { table: CandidateTable; probs: Float64Array; stage: RankerStage } {
  const scores1 = stageScores(table, model);
  if (!model.stacked) return { table, probs: softmaxByUtterance(table.offsets, scores1, model.temperature), stage: model };
  const probs1 = softmaxByUtterance(table.offsets, scores1);
  const local = model.local ? localProbabilities(table, model.local) : probs1;
  const table2 = withStacked(table, stackedFeatures(table, probs1, rules, local));
  if (!model.restacked) return { table: table2, probs: softmaxByUtterance(table.offsets, stageScores(table2, model.stacked), model.temperature), stage: model.stacked };
  let tableK = table2;
  let stageK = model.stacked;
  for (const next of [model.restacked, ...(model.rounds ?? [])]) {
    const probsK = softmaxByUtterance(table.offsets, stageScores(tableK, stageK));
    tableK = withStacked(table, stackedFeatures(table, probsK, rules, local));
    stageK = next;
  }
  return { table: tableK, probs: softmaxByUtterance(table.offsets, stageScores(tableK, stageK), model.temperature), stage: stageK };
}

/** Final speakers: the ranker's choice among candidates where a model is available. */
export function rankSpeakers(doc: Document, rules: RuleState, model: RankerModel | null = RANKER_MODEL): RuleState {
  const usable = usableModel(model);
  if (!usable || doc.utteranceCount === 0) return rules;
  const { table, probs, stage } = modelProbabilities(buildCandidates(doc, rules), usable, rules);
  const nU = doc.utteranceCount;
  const speakers = new Int32Array(nU).fill(-1);
  const confidence = new Float32Array(nU);
  const cues = rules.cues.slice();
  for (let u = 0; u < nU; u++) {
    // `replied the other`: whoever it is, not the one who spoke just before.
    const notPrevious = u > 0 && rules.conv[u - 1] === rules.conv[u] && speakers[u - 1] >= 0 && tagsTheOther(doc, rules, u) ? speakers[u - 1] : -1;
    // A tag's description nobody is known by: of the sex its word means (`said the girl` is no man;
    // `said the captain` may be a woman), and `said the old gentleman` a grown man, not one the book
    // calls a child.
    const top = rules.evidence[u][0];
    const described = top !== undefined && top.cue === Cue.TagNominal && doc.mentionCharacters[top.mention] < 0;
    const grownUp = described && describesGrownUp(doc, top.mention);
    const children = grownUp ? childCharacters(doc) : null;
    const sex = grownUp || (described && SEX_MARKING_NOUNS.has(headWord(doc.mentionText(top.mention)))) ? doc.mentionGenders[top.mention] : GenderCode.Unknown;
    // `said Kit's brother`: not Kit.
    const owner = described ? descriptionOwner(doc, top.mention) : -1;
    const fits = (c: number): boolean => c !== owner && !children?.[c] && (sex === GenderCode.Unknown || rules.genders[c] === GenderCode.Unknown || rules.genders[c] === sex);
    let best = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      const c = table.candidates[k];
      if (c === notPrevious || !fits(c)) continue;
      if (best < 0 || probs[k] > probs[best]) best = k;
    }
    // `said the voice`: the voice heard a line or a few before, whoever the ranker prefers, as
    // surely as that line was placed (not when that one also spoke the line just before: a voice
    // does not answer itself; nor when the narration after the line names its owner).
    const referent = voiceReferent(rules.voiceTags, rules.conv, u);
    const back = referent >= 0 && !namesOwnerAfter(doc, rules, u) ? referent : -1;
    const voice = back >= 0 && (back === u - 1 || speakers[u - 1] !== speakers[back]) ? speakers[back] : -1;
    let same = -1;
    if (voice >= 0) for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (table.candidates[k] === voice) same = k;
    if (same >= 0) {
      speakers[u] = voice;
      confidence[u] = Math.min(confidence[back], Math.max(probs[same], 0.5));
      cues[u] = Cue.TagNominal;
      continue;
    }
    if (best < 0) {
      cues[u] = Cue.None;
      continue;
    }
    speakers[u] = table.candidates[best];
    confidence[u] = candidateConfidence(table, probs, rules, u, best);
    if (speakers[u] !== rules.speakers[u]) cues[u] = strongestCue(table, best, stage);
  }
  return { ...rules, speakers, confidence, cues };
}

/**
 * The confidence of choosing flat candidate k for utterance u: its probability, except that a lone
 * candidate gets probability 1 from the softmax whatever the evidence, so its confidence is the
 * rules' own (`"Stop," said the policeman` with one character in the cast is no certainty).
 */
function candidateConfidence(table: CandidateTable, probs: ArrayLike<number>, rules: RuleState, u: number, k: number): number {
  const alone = table.offsets[u + 1] - table.offsets[u] === 1;
  return alone ? Math.min(probs[k], rules.confidence[u] > 0 ? rules.confidence[u] : 0.5) : probs[k];
}

/** Does the narration after line u name someone its evidence points to (`"Wait," said the voice, and Dace came in`)? */
function namesOwnerAfter(doc: Document, rules: RuleState, u: number): boolean {
  const end = doc.quotes[4 * (doc.utterances[2 * u + 1] - 1) + 1];
  return rules.evidence[u].some((e) => doc.mentions[3 * e.mention] >= end && doc.mentionCharacters[e.mention] >= 0);
}

/**
 * Is the utterance's tag `replied the other` (a reply: `continued the other` is the same one going
 * on) or a voice that is not the one heard just before (see voiceIsAnother)?
 */
function tagsTheOther(doc: Document, rules: RuleState, u: number): boolean {
  const e = rules.evidence[u][0];
  return (e !== undefined && e.cue === Cue.TagNominal && isOtherReply(doc, e.mention)) || voiceIsAnother(rules.voiceTags, rules.conv, u);
}

/** One row's score under a stage. */
function rowScore(stage: RankerStage, row: ArrayLike<number>): number {
  let s = 0;
  if (stage.weights) for (let f = 0; f < stage.weights.length; f++) s += stage.weights[f] * row[f];
  if (stage.trees) s += treeScore(stage.trees, row, 0);
  return s;
}

/**
 * The cue of the feature that pushed candidate k's score up most: how much the score drops when that
 * feature is set to zero (for a linear stage, exactly weight × value). Cue.Ranker when none did.
 */
function strongestCue(table: CandidateTable, k: number, stage: RankerStage): string {
  const width = stage.features.length;
  const row = table.features.slice(k * width, (k + 1) * width);
  const full = rowScore(stage, row);
  let bestF = -1;
  let bestV = 0;
  for (let f = 0; f < NUM_FEATURES; f++) {
    if (!FEATURE_CUE[FEATURE_NAMES[f]] || row[f] === 0) continue;
    const x = row[f];
    row[f] = 0;
    const v = full - rowScore(stage, row);
    row[f] = x;
    if (v > bestV) {
      bestV = v;
      bestF = f;
    }
  }
  return bestF >= 0 ? FEATURE_CUE[FEATURE_NAMES[bestF]] : Cue.Ranker;
}
