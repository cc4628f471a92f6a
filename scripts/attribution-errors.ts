/**
 * Developer tool: show attribution errors on a PDNC novel with their context, to see what a rule
 * misses. Usage: node --import tsx scripts/attribution-errors.ts NOVEL_DIR [TYPE] [N] [--own] [--heldout]
 *   --heldout: score with a ranker trained on the other novels beside NOVEL_DIR (as cross-validation
 *     sees the novel; the shipped ranker has seen it), about two minutes of training first.
 */
import { basename, dirname } from 'node:path';
import { listPdncNovelDirs, loadPdncNovel, goldCastFile } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';
import { fitRanker, trainingSet } from '../src/learn/ranker-training.js';

const [dir, type = 'all', nStr = '20'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const own = process.argv.includes('--own');
const novel = loadPdncNovel(dir);
const heldout = process.argv.includes('--heldout')
  ? { rankerModel: fitRanker(listPdncNovelDirs(dirname(dir)).filter((d) => basename(d) !== basename(dir)).map((d) => trainingSet(loadPdncNovel(d)))) }
  : {};
const doc = analyzeDocument(novel.text, own ? heldout : { cast: goldCastFile(novel.characters), castOnly: true, ...heldout });
const nameOf = new Map(novel.characters.map((c) => [c.id, c.name]));
let shown = 0;
let wrong = 0;
let total = 0;
const cueStats = new Map<string, [number, number]>();
for (const q of novel.quotes) {
  if (!q.speakerId || (type !== 'all' && q.type.toLowerCase() !== type.toLowerCase())) continue;
  const s = q.spans[0];
  let k = -1;
  for (let i = 0; i < doc.quoteCount; i++) if (doc.quotes[4 * i] < q.spans[1] && doc.quotes[4 * i + 1] > s) { k = i; break; }
  if (k < 0) continue;
  total++;
  const u = doc.quotes[4 * k + 3];
  const sp = doc.speakers[u];
  const pred = sp >= 0 ? doc.characters[sp] : null;
  const ok = !own && pred?.id === q.speakerId;
  const cue = doc.speakerCues[u];
  const st = cueStats.get(cue) ?? [0, 0];
  st[0]++;
  if (ok) st[1]++;
  cueStats.set(cue, st);
  if (ok) continue;
  wrong++;
  if (shown++ >= Number(nStr)) continue;
  const p = doc.quotes[4 * k + 2];
  const ctxStart = doc.paragraphs[2 * Math.max(0, p - 1)];
  const ctxEnd = doc.paragraphs[2 * p + 1];
  console.log(`--- ${q.type} gold=${nameOf.get(q.speakerId)} pred=${pred?.name ?? '-'} cue=${cue} conf=${doc.speakerConfidence[u].toFixed(2)}`);
  console.log(novel.text.slice(ctxStart, ctxEnd).replace(/\s+/g, ' ').slice(-500));
}
console.log(`wrong ${wrong}/${total}`);
for (const [cue, [n, r]] of [...cueStats].sort((a, b) => b[1][0] - a[1][0])) console.log(`${cue.padEnd(16)} ${String(n).padStart(5)} ${(100 * r / n).toFixed(1)}%`);
