/**
 * Developer tool: in-sample (shipped weights) causes of errors on PDNC anaphoric quotations, counted
 * per cause over all novels. Usage:
 *   node --import tsx scripts/anaphoric-causes.ts [PDNC_DIR] [--show CAUSE] [--n N]
 */
import { resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { goldSpeakers } from '../src/learn/ranker-training.js';
import { buildCandidates } from '../src/stages/attribution/features.js';
import { addressedBefore, mentionInQuote, pronounCandidates, runRules } from '../src/stages/attribution/index.js';
import { MentionKind } from '../src/document/document.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const showCause = opt('--show', '');
const showN = Number(opt('--n', '15'));
const type = opt('--type', 'Anaphoric');
const dataDir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? resolve('../shared/data/pdnc');
const TYPE = QUOTE_TYPES.indexOf(type as (typeof QUOTE_TYPES)[number]);
const cats = new Map<string, number>();
const count = (c: string) => cats.set(c, (cats.get(c) ?? 0) + 1);
const kindName = ['?', 'name', 'nominal', 'pronoun', 'first'];
let shown = 0;
let total = 0;
let wrong = 0;
for (const dir of listPdncNovelDirs(dataDir)) {
  const novel = loadPdncNovel(dir);
  const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true });
  const rules = runRules(doc);
  const table = buildCandidates(doc, rules);
  const { gold, types } = goldSpeakers(novel, doc);
  const inQuote = mentionInQuote(doc);
  const nm = (c: number) => (c >= 0 ? `${doc.characters[c].name}/${doc.characters[c].gender ?? '?'}` : '-');
  // Gold speaker of the turn (paragraph) d turns before u in the same conversation.
  const turnBefore = (u: number, d: number): number => {
    let v = u;
    for (let i = 0; i < d; i++) {
      const p = rules.para[v];
      while (v >= 0 && rules.para[v] === p) v--;
      if (v < 0 || rules.conv[v] !== rules.conv[u]) return -2;
    }
    return gold[v];
  };
  for (let u = 0; u < gold.length; u++) {
    if (gold[u] < 0 || types[u] !== TYPE) continue;
    total++;
    const pred = doc.speakers[u];
    if (pred === gold[u]) continue;
    wrong++;
    const g = gold[u];
    let inTable = false;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (table.candidates[k] === g) inTable = true;
    const ev = rules.evidence[u][0];
    let cat = '';
    let detail = '';
    if (!ev) cat = 'no-evidence';
    else {
      const kind = doc.mentions[3 * ev.mention + 2];
      const res = doc.mentionCharacters[ev.mention];
      const mtext = doc.mentionText(ev.mention);
      const tag = ev.cue === 'tag-pronoun' || ev.cue === 'tag-nominal' || ev.cue === 'tag-name';
      detail = `ev=${ev.cue}:"${mtext}" res=${nm(res)}`;
      if (!tag) cat = `beat-${kindName[kind]}`;
      else if (kind === MentionKind.Proper) cat = res === g ? 'name-right-overridden' : 'name-wrong';
      else if (kind === MentionKind.Nominal && res >= 0) {
        cat = res === g ? 'nom-resolved-right-overridden' : 'nom-resolved-wrong';
        // A character the cast knows only by a description (`The Painter`) that the tag's words match.
        if (/^(?:the|a|an|one) /i.test(doc.characters[res].name)) cat += '-to-described-only';
      }
      else {
        const pc = pronounCandidates(doc, ev.mention, u, rules.genders, rules.speakers, rules.conv, rules.para, rules.notSpeaker[u], inQuote, addressedBefore(u, rules.para, rules.conv, rules.speakers, rules.vocatives, rules.spokenTo, rules.runFirst));
        const rank = pc.findIndex((x) => x[0] === g);
        detail += ' pc=' + pc.slice(0, 4).map(([c, s]) => `${nm(c)}:${s.toFixed(2)}`).join(' ');
        const k = kind === MentionKind.Pronoun ? 'pron' : 'nom';
        const gg = doc.characters[g].gender;
        const pg = pred >= 0 ? doc.characters[pred].gender : null;
        const genderNote = gg && pg && gg === pg ? 'same-g' : 'diff-g';
        const prevT = turnBefore(u, 1);
        const prev2 = turnBefore(u, 2);
        const where = g === prev2 ? 'gold=prev2' : g === prevT ? 'gold=prev1' : 'gold=other';
        const predWhere = pred === prevT ? 'pred=prev1' : pred === prev2 ? 'pred=prev2' : 'pred=other';
        if (rank < 0) cat = `${k}-gold-absent`;
        else if (rank === 0) cat = `${k}-rank1-overridden`;
        else cat = `${k}-rank${Math.min(rank + 1, 3)}`;
        const q0 = doc.utterances[2 * u];
        const quoteFirst = doc.quotes[4 * q0] - doc.paragraphs[2 * rules.para[u]] < 3;
        cat += ` ${genderNote} ${where} ${predWhere} ${quoteFirst ? 'quote-first' : 'narr-first'} ${res < 0 ? 'unresolved' : res === g ? 'res-right' : 'res-wrong'}`;
      }
    }
    if (!inTable) cat += ' (not-cand)';
    count(cat);
    if (showCause && cat.includes(showCause) && shown++ < showN) {
      const q0 = doc.utterances[2 * u];
      const p = doc.quotes[4 * q0 + 2];
      const ps = doc.paragraphs[2 * Math.max(0, p - 2)];
      const qs = doc.quotes[4 * q0];
      const pe = doc.paragraphs[2 * p + 1];
      console.log(`--- ${novel.name} u${u} [${cat}] gold=${nm(g)} pred=${nm(pred)} rule=${nm(rules.speakers[u])}/${rules.cues[u]} ${detail}`);
      console.log(doc.text.slice(Math.max(ps, qs - 700), Math.min(pe, qs + 300)).replace(/\s+/g, ' '));
    }
  }
}
console.log(`\n${type}: wrong ${wrong}/${total} (${((100 * (total - wrong)) / total).toFixed(1)}% right)`);
for (const [c, n] of [...cats].sort((a, b) => b[1] - a[1])) console.log(`${c.padEnd(60)} ${n}`);
