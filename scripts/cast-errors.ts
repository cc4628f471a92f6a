/**
 * Developer tool: what the discovered cast costs the speaker attribution. For each PDNC novel, runs
 * the analysis with the gold cast and with no cast, takes the gold quotations that are right with the
 * gold cast but wrong with our own (scored as `eval pdnc` scores them: discovered characters mapped to
 * gold ones by names), and sorts them by cause: the speaker split over two discovered characters, two
 * gold characters merged into one, a speaker never discovered, a wrong gender, and the rest.
 * The ranker is the shipped one (in-sample): use it to find causes, `eval pdnc --cv` to measure.
 * Usage: node --import tsx scripts/cast-errors.ts PDNC_DIR [NOVEL] [-v]
 */
import type { Document } from '../src/document/document.js';
import { analyzeDocument } from '../src/index.js';
import { heaviestSpeaker, mapCastByNames } from '../src/eval/metrics.js';
import { scoredQuotes } from '../src/eval/evaluate.js';
import { goldCastFile, listPdncNovelDirs, loadPdncNovel, normName } from '../src/eval/pdnc.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const root = args[0] ?? '../shared/data/pdnc';
const only = args[1];
const verbose = process.argv.includes('-v');
const HONORIFIC = /^(mr|mrs|miss|ms|mister|madam|madame|mme|mlle|monsieur|dr|doctor|sir|lady|lord|captain|colonel|major|general|admiral|aunt|uncle|father|mother|rev|reverend|professor|signor|signora|herr|frau|master) /;

/** Speaker key of a gold quotation as the eval picks it: largest overlap; 'UNDETECTED' when no span overlaps. */
function pick(doc: Document, spans: ArrayLike<number>, key: (ci: number) => string): string | null {
  const w = new Map<string | null, number>();
  for (let i = 0; i < doc.quoteCount; i++) {
    const ps = doc.quotes[4 * i];
    const pe = doc.quotes[4 * i + 1];
    for (let k = 0; k < spans.length; k += 2) {
      const ov = Math.min(pe, spans[k + 1]) - Math.max(ps, spans[k]);
      if (ov <= 0) continue;
      const u = doc.quotes[4 * i + 3];
      const ci = u >= 0 && u < doc.speakers.length ? doc.speakers[u] : -1;
      const kk = ci >= 0 ? key(ci) : null;
      w.set(kk, (w.get(kk) ?? 0) + ov);
    }
  }
  return w.size === 0 ? 'UNDETECTED' : heaviestSpeaker(w);
}

const causes = new Map<string, Map<string, number>>();
const add = (cause: string, example: string): void => {
  const m = causes.get(cause) ?? causes.set(cause, new Map()).get(cause)!;
  m.set(example, (m.get(example) ?? 0) + 1);
};
let total = 0;
let goldRight = 0;
let ownRight = 0;
for (const dir of listPdncNovelDirs(root)) {
  const novel = loadPdncNovel(dir);
  if (only && novel.name !== only) continue;
  const goldDoc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, source: novel.name });
  const ownDoc = analyzeDocument(novel.text, { source: novel.name });
  const goldNamed = novel.characters.filter((c) => !c.pseudo);
  const goldIds = new Set(goldNamed.map((c) => c.id));
  const byId = new Map(goldNamed.map((c) => [c.id, c]));
  const mapping = mapCastByNames(ownDoc.characters, goldNamed);
  const ownOfGold = new Map<string, number>();
  mapping.forEach((g, pi) => {
    if (g !== null) ownOfGold.set(g, pi);
  });
  const goldKey = (ci: number): string => {
    const id = goldDoc.characters[ci]?.id ?? `#${ci}`;
    return goldIds.has(id) ? id : `?${id}`;
  };
  const names = new Map<string, Set<string>>();
  for (const g of goldNamed) {
    const s = new Set<string>();
    for (const a of [g.name, ...g.aliases]) {
      const k = normName(a);
      if (k === '' || k === '_narr' || k === 'narr') continue;
      s.add(k);
      s.add(k.replace(HONORIFIC, ''));
    }
    names.set(g.id, s);
  }
  /** Does discovered character ci hold one of gold character gid's names? */
  const holds = (ci: number, gid: string): boolean => [ownDoc.characters[ci].name, ...ownDoc.characters[ci].aliases].some((a) => names.get(gid)!.has(normName(a)));
  let n = 0;
  let g = 0;
  let o = 0;
  const lost = new Map<string, number>();
  for (const q of scoredQuotes(novel).quotes) {
    if (q.speakerId === null) continue;
    n++;
    const gp = pick(goldDoc, q.spans, goldKey);
    const op = pick(ownDoc, q.spans, (ci) => `${ci}`);
    const ownId = op === null || op === 'UNDETECTED' ? null : mapping[Number(op)];
    if (gp === q.speakerId) g++;
    if (ownId === q.speakerId) o++;
    if (gp !== q.speakerId || ownId === q.speakerId) continue;
    const G = byId.get(q.speakerId)!;
    const mapped = ownOfGold.get(G.id);
    let cause: string;
    let ex: string;
    if (op === 'UNDETECTED' || op === null) {
      cause = op === null ? 'no speaker' : 'undetected';
      ex = G.name;
    } else {
      const x = Number(op);
      const xc = ownDoc.characters[x];
      const xg = mapping[x];
      if (xg === null && holds(x, G.id)) {
        cause = 'split: the speaker is a discovered character that maps to nothing but holds his name';
        ex = `${G.name} <- ${xc.name} [mapped: ${mapped !== undefined ? ownDoc.characters[mapped].name : '-'}]`;
      } else if (xg !== null && holds(x, G.id)) {
        cause = 'over-merge: one discovered character holds the speaker and another gold character';
        ex = `${G.name} in ${xc.name} = ${byId.get(xg)?.name}`;
      } else if (mapped === undefined) {
        const narrator = G.aliases.includes('_narr') || G.aliases.includes('Narr');
        cause = narrator ? 'narrator not mapped' : 'missing: the speaker was never discovered';
        ex = G.name;
      } else if ((G.gender === 'he' || G.gender === 'she') && ownDoc.characters[mapped].gender !== G.gender) {
        cause = 'gender of the speaker wrong';
        ex = `${G.name}: ${G.gender} -> ${ownDoc.characters[mapped].gender}`;
      } else if (xg === null) {
        cause = 'an unmapped discovered character (not a gold name)';
        ex = `${G.name} <- ${xc.name}`;
      } else {
        cause = 'other: another gold character predicted';
        ex = `${G.name} -> ${byId.get(xg)?.name}`;
      }
    }
    add(cause, `${novel.name}: ${ex}`);
    lost.set(cause.split(':')[0], (lost.get(cause.split(':')[0]) ?? 0) + 1);
  }
  total += n;
  goldRight += g;
  ownRight += o;
  const lostList = [...lost].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${k}`).join(', ');
  console.log(`${novel.name.padEnd(30)} ${n} quotes, gold cast ${((100 * g) / n).toFixed(1)}%, own ${((100 * o) / n).toFixed(1)}%; lost: ${lostList}`);
}
console.log(`\nall: ${total} quotes, gold cast ${((100 * goldRight) / total).toFixed(2)}%, own ${((100 * ownRight) / total).toFixed(2)}% (in-sample ranker)`);
for (const [cause, ex] of [...causes].sort((a, b) => sumOf(b[1]) - sumOf(a[1]))) {
  console.log(`\n${sumOf(ex)}  ${cause}`);
  for (const [e, k] of [...ex].sort((a, b) => b[1] - a[1]).slice(0, verbose ? 200 : 15)) console.log(`  ${String(k).padStart(4)}  ${e}`);
}

function sumOf(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
