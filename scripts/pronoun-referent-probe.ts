/**
 * Developer tool: how often simple antecedent rules name the speaker of a PDNC anaphoric quotation
 * whose tag is a pronoun, against the shipped pipeline's choice on the same lines (in-sample).
 * Usage: node --import tsx scripts/pronoun-referent-probe.ts [PDNC_DIR]
 */
import { resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { goldSpeakers } from '../src/learn/ranker-training.js';
import { mentionInQuote, runRules, tagAntecedent } from '../src/stages/attribution/index.js';
import { GenderCode, MentionKind } from '../src/document/document.js';
import { PREPOSITIONS } from '../src/lang/en/prepositions.js';

const dataDir = process.argv[2] ?? resolve('../shared/data/pdnc');
const ANA = QUOTE_TYPES.indexOf('Anaphoric');
type Stat = { n: number; right: number; predRight: number; fix: number; hurt: number };
const stats = new Map<string, Stat>();
const note = (h: string, c: number, g: number, pred: number) => {
  const s = stats.get(h) ?? { n: 0, right: 0, predRight: 0, fix: 0, hurt: 0 };
  if (c < 0) return;
  s.n++;
  if (c === g) s.right++;
  if (pred === g) s.predRight++;
  if (c === g && pred !== g) s.fix++;
  if (c !== g && pred === g) s.hurt++;
  stats.set(h, s);
};
for (const dir of listPdncNovelDirs(dataDir)) {
  const novel = loadPdncNovel(dir);
  const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true });
  const rules = runRules(doc);
  const { gold, types } = goldSpeakers(novel, doc);
  const inQuote = mentionInQuote(doc);
  const gOf = rules.genders;
  for (let u = 0; u < gold.length; u++) {
    if (gold[u] < 0 || types[u] !== ANA) continue;
    const e = rules.evidence[u][0];
    if (!e || e.cue !== 'tag-pronoun' || doc.mentions[3 * e.mention + 2] !== MentionKind.Pronoun) continue;
    const pred = doc.speakers[u];
    const g = doc.mentionGenders[e.mention];
    note('all', pred, gold[u], pred);
    const pos = doc.mentions[3 * e.mention];
    const p = doc.paragraphAt(pos);
    const pStart = doc.paragraphs[2 * p];
    const q0 = doc.utterances[2 * u];
    const tagBeforeQuote = pos < doc.quotes[4 * q0];
    // Same paragraph, narration before the tag: the nearest same-gender name or description.
    let h1 = -1;
    let h2 = -1;
    let h1Subj = -1;
    let any = false;
    for (let m = e.mention - 1; m >= 0 && doc.mentions[3 * m] >= pStart; m--) {
      if (inQuote[m]) continue;
      const kind = doc.mentions[3 * m + 2];
      const c = doc.mentionCharacters[m];
      if (kind === MentionKind.Pronoun || c < 0) continue;
      if (g !== GenderCode.Unknown && gOf[c] !== g) continue;
      any = true;
      if (h1 < 0) h1 = c;
      const t = doc.tokenAtOrAfter(doc.mentions[3 * m]);
      const prevW = t > 0 ? doc.tokenText(t - 1).toLowerCase() : '';
      const obj = PREPOSITIONS.has(prevW) || /^(?:him|her)$/.test(prevW);
      if (h1Subj < 0 && !obj) h1Subj = c;
      if (h2 < 0) {
        // The subject of its sentence: first mention of the sentence.
        const s = doc.sentenceAt(doc.mentions[3 * m]);
        const ms = doc.mentionAtOrAfter(doc.sentences[4 * s]);
        if (ms === m) h2 = c;
      }
    }
    const h3 = tagAntecedent(doc, e.mention, g, gOf, inQuote);
    const res = doc.mentionCharacters[e.mention];
    const k0 = doc.quotes[4 * q0] - pStart < 3 ? 'quoteFirst' : 'narrFirst';
    note(`cast-resolution-${k0}`, res, gold[u], pred);
    note(`h3-clause-subject-${k0}`, h3, gold[u], pred);
    if (h3 >= 0 && res >= 0) {
      note(`h3-vs-res-both-${k0}`, h3, gold[u], res);
    }
    if (h3 >= 0 && res < 0) note(`h3-where-res-none-${k0}`, h3, gold[u], pred);
    const kindTag = tagBeforeQuote ? 'tagBefore' : 'tagAfter';
    const paraStartsWithQuote = doc.quotes[4 * q0] - pStart < 3;
    const k2 = paraStartsWithQuote ? 'quoteFirst' : 'narrFirst';
    note(`h1-nearest-${kindTag}-${k2}`, h1, gold[u], pred);
    note(`h1s-nearest-nonobj-${kindTag}-${k2}`, h1Subj, gold[u], pred);
    note(`h2-sentence-subject-${kindTag}-${k2}`, h2, gold[u], pred);
    if (!any) note(`none-in-para-${kindTag}-${k2}`, pred, gold[u], pred);
    // Previous-but-one turn's speaker by the pipeline (two-person exchange).
    let v = u;
    const turns: number[] = [];
    while (turns.length < 2) {
      const pp = rules.para[v];
      while (v >= 0 && rules.para[v] === pp) v--;
      if (v < 0 || rules.conv[v] !== rules.conv[u]) break;
      turns.push(doc.speakers[v]);
    }
    if (turns.length === 2 && turns[0] !== turns[1] && turns[1] >= 0 && (g === GenderCode.Unknown || gOf[turns[1]] === g)) {
      note(`prev2-${k2}`, turns[1], gold[u], pred);
      if (!any) note(`prev2-noPara-${k2}`, turns[1], gold[u], pred);
    }
  }
}
console.log('rule                                       n   rule%  pipe%   fix  hurt');
for (const [h, s] of stats) console.log(`${h.padEnd(40)} ${String(s.n).padStart(5)}  ${((100 * s.right) / s.n).toFixed(1)}  ${((100 * s.predRight) / s.n).toFixed(1)}  ${String(s.fix).padStart(4)}  ${String(s.hurt).padStart(4)}`);
