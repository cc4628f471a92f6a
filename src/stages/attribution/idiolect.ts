/**
 * Idiolect: how each character talks, learned from lines already attributed in this very text (by a
 * tag in the first stage; lines the first stage is sure of in the stacked one), and how much another
 * line sounds like each of them. A smoothed word model per speaker
 * (Dirichlet prior on the words of all quotes); the score is the mean log-likelihood ratio of the
 * line's words under the speaker's model against all speech. A tagged line is scored leaving its own
 * words out, so a line never vouches for itself.
 */
import type { Document } from '../../document/document.js';
import { isLetterCode } from '../tokens/index.js';
import { isStrong, type RuleState } from './index.js';

/** Dirichlet smoothing mass: how many words of all speech a speaker's model starts with. */
const PRIOR = 300;
/** A speaker needs this many words of tagged speech to have a model. */
const MIN_WORDS = 150;
/** At most this many speakers get a model (the most talkative), bounding memory on huge inputs. */
const MAX_SPEAKERS = 60;

export interface Idiolect {
  /** Mean log-likelihood ratio of utterance u's words under character c's model; 0 without a model. */
  score(u: number, c: number): number;
  /** Does character c have a model? */
  has(c: number): boolean;
}

/** The words of each utterance's quotes as ids (flat, with offsets), and their counts over all speech. */
export interface UtteranceWords {
  offsets: Int32Array;
  ids: Int32Array;
  background: Float64Array;
}

export function utteranceWords(doc: Document): UtteranceWords {
  const nU = doc.utteranceCount;
  const vocab = new Map<string, number>();
  const offsets = new Int32Array(nU + 1);
  const ids: number[] = [];
  for (let u = 0; u < nU; u++) {
    offsets[u] = ids.length;
    for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1]; k++) {
      const s = doc.quotes[4 * k];
      const e = doc.quotes[4 * k + 1];
      for (let t = doc.tokenAtOrAfter(s); t < doc.tokenCount && doc.tokens[2 * t] < e; t++) {
        if (!isLetterCode(doc.text.charCodeAt(doc.tokens[2 * t]))) continue;
        const w = doc.tokenText(t).toLowerCase();
        let id = vocab.get(w);
        if (id === undefined) vocab.set(w, (id = vocab.size));
        ids.push(id);
      }
    }
  }
  offsets[nU] = ids.length;
  const background = new Float64Array(vocab.size);
  for (const id of ids) background[id]++;
  return { offsets, ids: Int32Array.from(ids), background };
}

/** Owners from the rules: the lines a tag attributes (a name, a pronoun, a description, the narrator's I). */
export function taggedOwners(rules: RuleState): Int32Array {
  const owner = new Int32Array(rules.speakers.length).fill(-1);
  for (let u = 0; u < owner.length; u++) if (rules.speakers[u] >= 0 && isStrong(rules.cues[u])) owner[u] = rules.speakers[u];
  return owner;
}

/** Word models of the characters who own lines (`owner[u]`, -1 for none). */
export function buildIdiolect(uw: UtteranceWords, owner: Int32Array): Idiolect {
  const { offsets, ids: words, background } = uw;
  const nU = owner.length;
  const total = Math.max(1, words.length);
  const size = new Map<number, number>();
  for (let u = 0; u < nU; u++) {
    const c = owner[u];
    if (c >= 0) size.set(c, (size.get(c) ?? 0) + offsets[u + 1] - offsets[u]);
  }
  const chosen = [...size].filter(([, n]) => n >= MIN_WORDS).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_SPEAKERS);
  const counts = new Map<number, Map<number, number>>();
  const totals = new Map<number, number>();
  for (const [c, n] of chosen) {
    counts.set(c, new Map());
    totals.set(c, n);
  }
  for (let u = 0; u < nU; u++) {
    const m = owner[u] >= 0 ? counts.get(owner[u]) : undefined;
    if (!m) continue;
    for (let i = offsets[u]; i < offsets[u + 1]; i++) m.set(words[i], (m.get(words[i]) ?? 0) + 1);
  }

  const own = new Map<number, number>();
  return {
    has: (c) => counts.has(c),
    score(u, c) {
      const m = counts.get(c);
      const a = offsets[u];
      const b = offsets[u + 1];
      if (!m || b === a) return 0;
      // Leave the line's own words out of its speaker's model.
      own.clear();
      const self = owner[u] === c;
      if (self) for (let i = a; i < b; i++) own.set(words[i], (own.get(words[i]) ?? 0) + 1);
      const n = (totals.get(c) ?? 0) - (self ? b - a : 0);
      let sum = 0;
      for (let i = a; i < b; i++) {
        const w = words[i];
        const pBg = background[w] / total;
        const cw = (m.get(w) ?? 0) - (self ? (own.get(w) ?? 0) : 0);
        sum += Math.log((cw + PRIOR * pBg) / (n + PRIOR)) - Math.log(pBg);
      }
      return sum / (b - a);
    },
  };
}

/**
 * Idiolect features of one utterance's candidates, written into rows: the line's score under each
 * candidate's model, whether it is the best among the candidates with a model, and its margin over
 * the best other — weighted up to full strength at 25 words (short lines say little).
 */
export function idiolectFeatures(
  idiolect: Idiolect,
  uw: UtteranceWords,
  u: number,
  candidates: ArrayLike<number>,
  from: number,
  to: number,
  write: (k: number, score: number, best: number, margin: number) => void,
): void {
  const n = to - from;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = idiolect.has(candidates[from + i]) ? idiolect.score(u, candidates[from + i]) : Number.NaN;
  const weight = Math.min(1, (uw.offsets[u + 1] - uw.offsets[u]) / 25);
  for (let i = 0; i < n; i++) {
    const id = scores[i];
    if (Number.isNaN(id)) continue;
    let other = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i && !Number.isNaN(scores[j])) other = Math.max(other, scores[j]);
    const margin = other === -Infinity ? 0 : Math.max(-1, Math.min(1, id - other)) * weight;
    write(from + i, Math.max(-1.5, Math.min(1.5, id)) * weight, other !== -Infinity && id > other ? weight : 0, margin);
  }
}
