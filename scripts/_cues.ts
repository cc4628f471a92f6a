import { resolve } from 'node:path';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, QUOTE_TYPES } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { goldSpeakers } from '../src/learn/ranker-training.js';
import { addressedBefore, mentionInQuote, pronounCandidates, runRules } from '../src/stages/attribution/index.js';
import { MentionKind } from '../src/document/document.js';

const dataDir = resolve('/work/shared/data/pdnc');
const ANA = QUOTE_TYPES.indexOf('Anaphoric');
const st = new Map<string, [number, number]>();
const rec = (k: string, fired: boolean, ok: boolean) => { if (!fired) return; const s = st.get(k) ?? [0, 0]; s[0]++; if (ok) s[1]++; st.set(k, s); };
for (const dir of listPdncNovelDirs(dataDir)) {
  const novel = loadPdncNovel(dir);
  const doc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, rankerModel: null });
  const rules = runRules(doc);
  const { gold, types } = goldSpeakers(novel, doc);
  const inQuote = mentionInQuote(doc);
  const nU = gold.length;
  for (let u = 0; u < nU; u++) {
    if (gold[u] < 0 || types[u] !== ANA) continue;
    const e = rules.evidence[u][0];
    if (!e || (e.cue !== 'tag-pronoun')) continue;
    const m = e.mention;
    if (doc.mentions[3 * m + 2] !== MentionKind.Pronoun) continue;
    const g = doc.mentionGenders[m];
    const G = gold[u];
    const pc = pronounCandidates(doc, m, u, rules.genders, rules.speakers, rules.conv, rules.para, rules.notSpeaker[u], inQuote, addressedBefore(u, rules.para, rules.conv, rules.speakers, rules.vocatives, rules.spokenTo));
    rec('all', true, true);
    rec('pc1', pc.length > 0, pc[0]?.[0] === G);
    const res = doc.mentionCharacters[m];
    rec('castres', res >= 0, res === G);
    rec('pc1|castres fired', res >= 0, pc[0]?.[0] === G);
    rec('castres|disagree', res >= 0 && pc[0]?.[0] !== res, res === G);
    rec('pc1|disagree', res >= 0 && pc[0]?.[0] !== res, pc[0]?.[0] === G);
    rec('pc1|castres none', res < 0, pc[0]?.[0] === G);
    // previous utterance in a different paragraph, gold speaker
    let v = u - 1;
    while (v >= 0 && rules.para[v] === rules.para[u]) v--;
    const sameConv = v >= 0 && rules.conv[v] === rules.conv[u];
    rec('gold==goldprev', sameConv && gold[v] >= 0, gold[v] === G);
    rec('gold==goldprev(samegender)', sameConv && gold[v] >= 0 && rules.genders[gold[v]] === g, gold[v] === G);
    rec('castres==rulesprev', sameConv && res >= 0 && res === rules.speakers[v], res === G);
    rec('castres!=rulesprev', sameConv && res >= 0 && rules.speakers[v] >= 0 && res !== rules.speakers[v], res === G);
    rec('castres==rulesprev:prevTagName', sameConv && res >= 0 && res === rules.speakers[v] && rules.cues[v] === 'tag-name', res === G);
    rec('castres==rulesprev:pc1', sameConv && res >= 0 && res === rules.speakers[v], pc[0]?.[0] === G);
    let v2 = v - 1;
    while (v2 >= 0 && rules.para[v2] === rules.para[v]) v2--;
    rec('gold==goldprev2(prev same gender)', sameConv && v2 >= 0 && rules.conv[v2] === rules.conv[u] && gold[v] >= 0 && gold[v2] >= 0 && rules.genders[gold[v]] === g && gold[v2] !== gold[v] && rules.genders[gold[v2]] === g, gold[v2] === G);
    // addressee of prev: vocative or spokenTo
    if (sameConv) {
      const adr = [...rules.vocatives[v], ...rules.spokenTo[v]].filter((c) => c !== gold[v] && (rules.genders[c] === g));
      rec('prev-addressee', adr.length > 0, adr[0] === G);
      rec('pc1|prev-addressee fired', adr.length > 0, pc[0]?.[0] === G);
      rec('castres|prev-addressee fired', adr.length > 0 && res >= 0, res === G);
    }
    // subject of last narration sentence before the quote within the paragraph
    const q0 = doc.utterances[2 * u];
    const qs = doc.quotes[4 * q0];
    const p = rules.para[u];
    const ps = doc.paragraphs[2 * p];
    let subj = -1;
    let subjAny = -1;
    if (qs > ps + 2) {
      const s = doc.sentenceAt(qs - 2);
      const sStart = s >= 0 ? Math.max(ps, doc.sentences[4 * s]) : ps;
      for (let k = doc.mentionAtOrAfter(sStart); k < doc.mentionCount && doc.mentions[3 * k] < qs; k++) {
        if (inQuote[k]) continue;
        const c = doc.mentions[3 * k + 2] === MentionKind.FirstPerson ? rules.narrator : doc.mentionCharacters[k];
        if (subjAny < 0 && c >= 0) subjAny = c;
        if (c >= 0 && (rules.genders[c] === g)) { subj = c; break; }
      }
    }
    rec('first-same-gender-in-sentence-before-quote-in-para', subj >= 0, subj === G);
    rec('first-any-in-sentence-before-quote-in-para', subjAny >= 0, subjAny === G);
    // tag after quote: is quote the first thing in its paragraph?
    const opens = qs <= ps + 2;
    rec('opens-para:pc1', opens && pc.length > 0, pc[0]?.[0] === G);
    rec('mid-para:pc1', !opens && pc.length > 0, pc[0]?.[0] === G);
    rec('opens-para:castres', opens && res >= 0, res === G);
    rec('mid-para:castres', !opens && res >= 0, res === G);
  }
}
for (const [k, [n, r]] of st) console.log(`${k.padEnd(55)} ${String(n).padStart(5)} ${((100 * r) / n).toFixed(1)}%`);
