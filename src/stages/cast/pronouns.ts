/**
 * Pronoun resolution (he/she outside quotes) → the most salient compatible candidate: in the
 * pronoun's own sentence the leftmost (subject-like) one before it; else, in the nearest earlier
 * narration sentence (up to two back) that has one, its leftmost. Candidates are names, descriptions
 * (an unresolved description blocks: `the old man … he` stays unresolved), already-resolved
 * pronouns and unresolved he/she (which block too), outside quotes; never one a name later in the
 * pronoun's own clause stands for. A speech tag far into a dialogue looks up to six narration sentences back
 * for a known character. Past that reach, a pronoun resolves only when every known character of its
 * gender (or of none) in the last six narration sentences is one person (`soleCandidate`), and that
 * person's gender already agrees (by name, or by a nearer pronoun): a guess this far back must not be
 * what gives them a gender. Pronouns inside quotes are left unresolved.
 */
import { GenderCode, MentionKind } from '../../document/document.js';
import type { Ctx } from './context.js';

/** Punctuation that ends a clause (or opens a parenthesis) between a pronoun and a later name. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013"\u201c\u201d]|--/;

/**
 * `relativeOf(c, description)`: the character a possessive kinship description (`his wife`,
 * `Daisy's mamma`) is when its possessor is c (see family.ts), or -1.
 */
export function resolvePronouns(ctx: Ctx, mc: Int32Array, genders: number[], relativeOf: (c: number, description: number) => number = () => -1): void {
  const doc = ctx.doc;
  const m = doc.mentions;
  const n = doc.mentionCount;
  const mg = doc.mentionGenders;
  // Candidate mention indexes outside quotes, in order.
  const cand = new Int32Array(n);
  let nc = 0;
  // Per character: the gender of a he/she resolved to them so far (the first one), or Unknown.
  const pronounGender = new Uint8Array(genders.length).fill(GenderCode.Unknown);
  const candGender = (j: number): number => {
    const ci = mc[j];
    if (ci >= 0 && genders[ci] !== GenderCode.Unknown) return genders[ci];
    return mg[j];
  };
  /**
   * Leftmost compatible candidate of the nearest sentence (within `maxDist` narration sentences)
   * holding one; unresolved descriptions count (and block) only when `allowUnresolved`.
   */
  const search = (i: number, g: number, rank: number, maxDist: number, allowUnresolved: boolean, notThem: readonly number[]): number => {
    let chosen = -1;
    let bestSent = -1;
    for (let c = nc - 1; c >= 0; c--) {
      const j = cand[c];
      const sj = ctx.sent[j];
      if (rank - ctx.narrRank[sj] > maxDist) break;
      if (bestSent >= 0 && sj !== bestSent) break;
      if (m[3 * j] === m[3 * i]) continue;
      if (!allowUnresolved && mc[j] < 0) continue;
      if (mc[j] >= 0 && notThem.includes(mc[j])) continue;
      const cg = candGender(j);
      if (cg !== g && !(cg === GenderCode.Unknown && mc[j] >= 0)) continue;
      bestSent = sj;
      chosen = j;
    }
    return chosen;
  };
  /** The latest candidate within `maxDist` narration sentences when all the compatible ones there are one character, else -1. */
  const soleCandidate = (i: number, g: number, rank: number, maxDist: number, notThem: readonly number[]): number => {
    let chosen = -1;
    for (let c = nc - 1; c >= 0; c--) {
      const j = cand[c];
      if (rank - ctx.narrRank[ctx.sent[j]] > maxDist) break;
      const cg = candGender(j);
      // Someone of unknown gender could be the one too: they count, as in `search`.
      if (mc[j] < 0 || (cg !== g && cg !== GenderCode.Unknown) || notThem.includes(mc[j])) continue;
      if (chosen < 0) chosen = j;
      else if (mc[j] !== mc[chosen]) return -1;
    }
    // A guess this far back does not hand a gender to someone who has none yet: it must agree with
    // the name's, or with a nearer pronoun already resolved to them.
    if (chosen < 0) return -1;
    const ci = mc[chosen];
    return genders[ci] !== GenderCode.Unknown || pronounGender[ci] === g ? chosen : -1;
  };
  /**
   * Whoever a name (or a resolved description) stands for later in the pronoun's own clause, with no
   * clause punctuation between: `He looked down on Oliver` is not Oliver, `she told Lucy` not Lucy.
   * Only the subject and object forms: `his mother kissed Oliver` may be Oliver's mother, `himself`
   * is the clause's own subject, and `When he came in, Oliver smiled` (a comma between) may be Oliver.
   */
  const namedLaterInClause = (i: number): number[] => {
    const out: number[] = [];
    if (!/^(?:he|she|him)$/i.test(doc.mentionText(i))) return out;
    let from = m[3 * i + 1];
    for (let j = i + 1; j < n && ctx.sent[j] === ctx.sent[i] && !ctx.inQuote[j]; j++) {
      if (CLAUSE_BREAK.test(doc.text.slice(from, m[3 * j]))) break;
      from = m[3 * j + 1];
      const kj = m[3 * j + 2];
      if ((kj === MentionKind.Proper || kj === MentionKind.Nominal) && mc[j] >= 0 && !out.includes(mc[j])) out.push(mc[j]);
    }
    return out;
  };
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    if (ctx.inQuote[i]) continue;
    // `Daisy's mamma`: a name owns it, already known.
    if (k === MentionKind.Nominal && mc[i] < 0 && i + 1 < n && m[3 * (i + 1)] === m[3 * i] && m[3 * (i + 1) + 2] === MentionKind.Proper) mc[i] = relativeOf(mc[i + 1], i);
    if (k === MentionKind.Pronoun) {
      const g = mg[i];
      if (g === GenderCode.He || g === GenderCode.She) {
        const si = ctx.sent[i];
        const rank = ctx.narrRank[si];
        const notThem = namedLaterInClause(i);
        let chosen = search(i, g, rank, 2, true, notThem);
        // A speech tag far into a dialogue (`"…," said he`): look further back for a known character.
        if (chosen < 0 && ctx.sentHasQuote[si]) chosen = search(i, g, rank, 6, false, notThem);
        // Further back, only when one known character of that gender is in the scene (`She looked
        // from one to the other` with one woman at a table of men).
        else if (chosen < 0) chosen = soleCandidate(i, g, rank, 6, notThem);
        if (chosen >= 0) {
          mc[i] = mc[chosen];
          if (pronounGender[mc[i]] === GenderCode.Unknown) pronounGender[mc[i]] = g;
          // `his wife` starts where its `his` does (the description comes first): resolved with it,
          // so `His wife did not reply. … Her eyes gleamed` is the wife's, not a woman named before.
          if (i > 0 && m[3 * (i - 1)] === m[3 * i] && mc[i - 1] < 0 && m[3 * (i - 1) + 2] === MentionKind.Nominal) mc[i - 1] = relativeOf(mc[i], i - 1);
        }
      }
    }
    // An unresolved `she` still blocks, as an unresolved description does: `She forgot about Adela in
    // her surprise` — `her` is whoever `She` is, not Adela; a pronoun whose nearest antecedent is one
    // nobody could name is not handed to someone further back.
    const subjectPronoun = k === MentionKind.Pronoun && /^(?:he|she)$/i.test(doc.mentionText(i));
    if (k === MentionKind.Proper || k === MentionKind.Nominal || (k === MentionKind.Pronoun && (mc[i] >= 0 || subjectPronoun))) {
      cand[nc++] = i;
    }
  }
}
