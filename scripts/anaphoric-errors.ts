/**
 * Developer tool: classify out-of-fold errors on PDNC anaphoric quotes (speaker named by a pronoun or
 * a description in the tag). Reads the dump of `scripts/train.ts --dump FILE`.
 * Usage: node --import tsx scripts/anaphoric-errors.ts DUMP [PDNC_DIR] [--show N] [--type Anaphoric]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { trainingSet } from '../src/learn/ranker-training.js';
import { addressedBefore, mentionInQuote, pronounCandidates } from '../src/stages/attribution/index.js';
import { MentionKind } from '../src/document/document.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const show = Number(opt('--show', '40'));
const type = opt('--type', 'Anaphoric');
const [dumpPath, dataDir = resolve('../shared/data/pdnc')] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const rows = readFileSync(dumpPath, 'utf8').trim().split('\n').map((l) => l.split('\t'));
const byNovel = new Map<string, string[][]>();
for (const r of rows) if (r[2] === type) (byNovel.get(r[0]) ?? byNovel.set(r[0], []).get(r[0])!).push(r);
const cats = new Map<string, number>();
const count = (c: string) => cats.set(c, (cats.get(c) ?? 0) + 1);
const kindName = ['', 'name', 'nominal', 'pronoun', 'first'];
let shown = 0;
let total = 0;
let wrong = 0;
for (const dir of listPdncNovelDirs(dataDir)) {
  const novel = loadPdncNovel(dir);
  const list = byNovel.get(novel.name);
  if (!list) continue;
  const set = trainingSet(novel);
  const { rules, table } = set;
  // trainingSet does not keep the document; analyse again for the text layers.
  const d = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, rankerModel: null });
  const inQuote = mentionInQuote(d);
  const nm = (c: number) => (c >= 0 ? d.characters[c].name + `/${d.characters[c].gender ?? '?'}` : '-');
  for (const r of list) {
    total++;
    const u = Number(r[1]);
    const gold = Number(r[3]);
    const pred = Number(r[4]);
    if (gold === pred) {
      count('ok');
      continue;
    }
    wrong++;
    const ev = rules.evidence[u][0];
    let cat: string;
    let detail = '';
    const inTable = (() => {
      for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (table.candidates[k] === gold) return true;
      return false;
    })();
    if (!ev) cat = 'no-evidence';
    else {
      const kind = d.mentions[3 * ev.mention + 2];
      const res = d.mentionCharacters[ev.mention];
      const mtext = d.mentionText(ev.mention);
      detail = `ev=${ev.cue}:"${mtext}"(${kindName[kind]}, g${d.mentionGenders[ev.mention]}) res=${nm(res)}`;
      if (kind === MentionKind.Proper) cat = res === gold ? 'name-tag-right-but-overridden' : 'name-evidence-wrong';
      else if (kind === MentionKind.FirstPerson) cat = 'first-person';
      else if (kind === MentionKind.Nominal && res >= 0) cat = res === gold ? 'nominal-resolved-right-overridden' : 'nominal-resolved-wrong';
      else {
        const pc = pronounCandidates(d, ev.mention, u, rules.genders, rules.speakers, rules.conv, rules.para, rules.notSpeaker[u], inQuote, addressedBefore(u, rules.para, rules.conv, rules.speakers, rules.vocatives, rules.spokenTo, rules.runFirst));
        const rank = pc.findIndex((x) => x[0] === gold);
        detail += ' pc=' + pc.slice(0, 4).map(([c, s]) => `${nm(c)}:${s.toFixed(2)}`).join(' ');
        const k = kind === MentionKind.Pronoun ? 'pron' : 'nom';
        if (ev.cue !== 'tag-pronoun' && ev.cue !== 'tag-nominal') cat = `${k}-beat`;
        else if (rank < 0) cat = `${k}-gold-not-in-list`;
        else if (rank === 0) cat = `${k}-gold-rank1-overridden`;
        else cat = `${k}-gold-rank${Math.min(rank + 1, 3)}`;
      }
    }
    if (!inTable) cat += '(not-candidate)';
    count(cat);
    if (shown++ < show) {
      const q0 = d.utterances[2 * u];
      const p = d.quotes[4 * q0 + 2];
      const ps = d.paragraphs[2 * Math.max(0, p - 1)];
      const pe = d.paragraphs[2 * p + 1];
      const qs = d.quotes[4 * q0];
      const ctx = d.text.slice(Math.max(ps, qs - 500), Math.min(pe, qs + 300)).replace(/\s+/g, ' ');
      console.log(`--- ${novel.name} u${u} [${cat}] gold=${nm(gold)} pred=${nm(pred)} rule=${nm(rules.speakers[u])}/${rules.cues[u]} ${detail}`);
      console.log(ctx);
    }
  }
}
console.log(`\n${type}: wrong ${wrong}/${total} (${((100 * (total - wrong)) / total).toFixed(1)}% right)`);
for (const [c, n] of [...cats].sort((a, b) => b[1] - a[1])) console.log(`${c.padEnd(44)} ${n}`);
