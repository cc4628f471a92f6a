/**
 * Idiolect: how each character talks, learned from the lines a tag already attributes in this very
 * text, and how much an untagged line sounds like each of them. A smoothed word model per speaker
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

export function buildIdiolect(doc: Document, rules: RuleState): Idiolect {
  const nU = doc.utteranceCount;
  const vocab = new Map<string, number>();
  // Word ids per utterance, flat with offsets.
  const wordOffsets = new Int32Array(nU + 1);
  const words: number[] = [];
  for (let u = 0; u < nU; u++) {
    wordOffsets[u] = words.length;
    for (let k = doc.utterances[2 * u]; k < doc.utterances[2 * u + 1]; k++) {
      const s = doc.quotes[4 * k];
      const e = doc.quotes[4 * k + 1];
      for (let t = doc.tokenAtOrAfter(s); t < doc.tokenCount && doc.tokens[2 * t] < e; t++) {
        if (!isLetterCode(doc.text.charCodeAt(doc.tokens[2 * t]))) continue;
        const w = doc.tokenText(t).toLowerCase();
        let id = vocab.get(w);
        if (id === undefined) vocab.set(w, (id = vocab.size));
        words.push(id);
      }
    }
  }
  wordOffsets[nU] = words.length;
  const background = new Float64Array(vocab.size);
  for (const id of words) background[id]++;
  const total = Math.max(1, words.length);

  // Profiles from the lines the rules attribute by a tag (a name, a pronoun, a description, the narrator's I).
  const owner = new Int32Array(nU).fill(-1);
  const size = new Map<number, number>();
  for (let u = 0; u < nU; u++) {
    const c = rules.speakers[u];
    if (c < 0 || !isStrong(rules.cues[u])) continue;
    owner[u] = c;
    size.set(c, (size.get(c) ?? 0) + wordOffsets[u + 1] - wordOffsets[u]);
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
    for (let i = wordOffsets[u]; i < wordOffsets[u + 1]; i++) m.set(words[i], (m.get(words[i]) ?? 0) + 1);
  }

  const own = new Map<number, number>();
  return {
    has: (c) => counts.has(c),
    score(u, c) {
      const m = counts.get(c);
      const a = wordOffsets[u];
      const b = wordOffsets[u + 1];
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
