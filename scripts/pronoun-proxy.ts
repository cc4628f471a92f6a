/**
 * Developer tool: how often `pronounCandidates` ranks the gold speaker first (and at all) on PDNC
 * anaphoric quotes whose strongest tag names the speaker by a pronoun or an unresolved description.
 * A fast check of the rule (no training), in-sample by nature: the rule learns nothing.
 * Usage: node --import tsx scripts/pronoun-proxy.ts [PDNC_DIR]
 *   env NOMS=1: one line per description tag (text, novel, the cast's resolution, gold, first right?);
 *   env CTX='the other': also the context of each wrong case of that description.
 */
import { resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { goldSpeakers } from '../src/learn/ranker-training.js';
import { addressedBefore, mentionInQuote, pronounCandidates, runRules } from '../src/stages/attribution/index.js';
import { MentionKind } from '../src/document/document.js';

const dataDir = process.argv[2] ?? resolve('../shared/data/pdnc');
const ANA = QUOTE_TYPES.indexOf('Anaphoric');
const stat = { pron: [0, 0, 0], nom: [0, 0, 0], rule: [0, 0], res: [0, 0] };
for (const dir of listPdncNovelDirs(dataDir)) {
  const novel = loadPdncNovel(dir);
  const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, rankerModel: null });
  const rules = runRules(doc);
  const { gold, types } = goldSpeakers(novel, doc);
  const inQuote = mentionInQuote(doc);
  const local = [0, 0];
  for (let u = 0; u < gold.length; u++) {
    if (gold[u] < 0 || types[u] !== ANA) continue;
    stat.rule[0]++;
    local[0]++;
    if (rules.speakers[u] === gold[u]) (stat.rule[1]++, local[1]++);
    const e = rules.evidence[u][0];
    if (!e) continue;
    const kind = doc.mentions[3 * e.mention + 2];
    if (kind === MentionKind.Nominal && doc.mentionCharacters[e.mention] >= 0) {
      stat.res[0]++;
      if (doc.mentionCharacters[e.mention] === gold[u]) stat.res[1]++;
    }
    if (process.env.NOMS && kind === MentionKind.Nominal) {
      const pc = pronounCandidates(doc, e.mention, u, rules.genders, rules.speakers, rules.conv, rules.para, rules.notSpeaker[u], inQuote, addressedBefore(u, rules.para, rules.conv, rules.speakers, rules.vocatives, rules.spokenTo, rules.runFirst));
      const res = doc.mentionCharacters[e.mention];
      if (process.env.CTX && doc.mentionText(e.mention).toLowerCase() === process.env.CTX && pc[0]?.[0] !== gold[u]) {
        const qs = doc.quotes[4 * doc.utterances[2 * u]];
        console.log(`CTX gold=${doc.characters[gold[u]].name} pc=${pc.slice(0, 3).map(([c, x]) => doc.characters[c].name + ':' + x.toFixed(1)).join(' ')} prev=${doc.characters[rules.speakers[u - 1]]?.name}\n   ${doc.text.slice(qs - 400, qs + 150).replace(/\s+/g, ' ')}`);
      }
      console.log(`NOM\t${doc.mentionText(e.mention).toLowerCase()}\t${novel.name}\t${res >= 0 ? doc.characters[res].name : '-'}\t${doc.characters[gold[u]].name}\t${pc[0]?.[0] === gold[u] ? 1 : 0}\t${res >= 0 ? (res === gold[u] ? 'res-ok' : 'res-bad') : 'unres'}`);
    }
    if (!(kind === MentionKind.Pronoun || (kind === MentionKind.Nominal && doc.mentionCharacters[e.mention] < 0))) continue;
    const pc = pronounCandidates(doc, e.mention, u, rules.genders, rules.speakers, rules.conv, rules.para, rules.notSpeaker[u], inQuote, addressedBefore(u, rules.para, rules.conv, rules.speakers, rules.vocatives, rules.spokenTo, rules.runFirst));
    const s = kind === MentionKind.Pronoun ? stat.pron : stat.nom;
    s[0]++;
    if (pc[0]?.[0] === gold[u]) s[1]++;
    if (pc.some((x) => x[0] === gold[u])) s[2]++;
  }
  console.log(`${novel.name.padEnd(30)} rules on anaphoric ${((100 * local[1]) / local[0]).toFixed(1)}% of ${local[0]}`);
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`rules on anaphoric: ${pct(stat.rule[1], stat.rule[0])} of ${stat.rule[0]}`);
console.log(`pronoun tags: first ${pct(stat.pron[1], stat.pron[0])}, listed ${pct(stat.pron[2], stat.pron[0])} of ${stat.pron[0]}`);
console.log(`descriptions the cast resolves: right ${pct(stat.res[1], stat.res[0])} of ${stat.res[0]}`);
console.log(`description tags: first ${pct(stat.nom[1], stat.nom[0])}, listed ${pct(stat.nom[2], stat.nom[0])} of ${stat.nom[0]}`);
