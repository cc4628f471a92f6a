/**
 * `npm run bench`: throughput of dramatis over the PDNC novel texts (../shared/data/pdnc, resolved from
 * the repo root), single-threaded, in one process:
 *   - a bare tokenizing pass (paragraphs + tokens stages only),
 *   - the full analysis (analyzeDocument),
 * each as one warm-up round then the best of REPS rounds over all texts; and the peak RSS of a full
 * analysis of the largest text, measured in a fresh child process. Prints plain text lines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '../src/document/document.js';
import { runPipeline } from '../src/pipeline/run.js';
import { analyzeDocument } from '../src/index.js';

const REPS = 3;
const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '..');
const PDNC = join(ROOT, '..', 'shared', 'data', 'pdnc');

if (process.argv[2] === '--child-big') {
  // Child mode: a generated plain-text story of N MB (CRLF line endings, dialogue-heavy) read from
  // bytes and analysed like `dramatis analyze` does (src/input), then serialised; memory as JSON.
  const { analyzeFile } = await import('../src/index.js');
  const { generatedBlock } = await import('./generated-story.js');
  const block = generatedBlock('\r\n');
  const copies = Math.ceil((Number(process.argv[3]) * 1e6) / block.length);
  const bytes = Buffer.concat(Array.from({ length: copies }, () => block));
  const before = process.resourceUsage().maxRSS;
  const t0 = process.hrtime.bigint();
  const analysis = await analyzeFile(bytes, 'generated.txt');
  const json = JSON.stringify(analysis);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ before, after, seconds, bytes: bytes.length, quotes: analysis.quotes.length, json: json.length }) + '\n');
  process.exit(0);
}

if (process.argv[2] === '--child') {
  // Child mode: one full analysis of the given file, then report memory as JSON on stdout.
  // maxRSS is a high-water mark, and loading the code (tsx compiling it) can set it higher than the
  // analysis does: the resident set just before and after (the document alive) is reported too.
  const before = process.resourceUsage().maxRSS;
  const text = readFileSync(process.argv[3], 'utf8');
  const rssBefore = process.memoryUsage().rss;
  const doc = analyzeDocument(text);
  const rssAfter = process.memoryUsage().rss;
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ before, after, rssBefore, rssAfter, quotes: doc.quoteCount }) + '\n');
  process.exit(0);
}

interface Novel {
  name: string;
  path: string;
  text: string;
  bytes: number;
}

function loadNovels(): Novel[] {
  if (!existsSync(PDNC)) {
    process.stderr.write(`bench: ${PDNC} not found (the PDNC data is expected in ../shared/data/pdnc)\n`);
    process.exit(2);
  }
  const out: Novel[] = [];
  for (const name of readdirSync(PDNC).sort()) {
    const path = join(PDNC, name, 'novel_text.txt');
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const buf = readFileSync(path);
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    out.push({ name, path, text, bytes: buf.length });
  }
  return out;
}

function tokenizeAll(novels: Novel[]): number {
  let tokens = 0;
  for (const n of novels) {
    const doc = new Document(n.text);
    runPipeline(doc, {}, 'tokens');
    tokens += doc.tokenCount;
  }
  return tokens;
}

function analyzeAll(novels: Novel[]): number {
  let quotes = 0;
  for (const n of novels) quotes += analyzeDocument(n.text).quoteCount;
  return quotes;
}

/** One warm-up round, then the best wall time (seconds) of REPS rounds. */
function best(fn: () => number): { seconds: number; result: number } {
  let result = fn();
  let seconds = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s < seconds) seconds = s;
  }
  return { seconds, result };
}

const fmt = (x: number, d = 1): string => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

const novels = loadNovels();
if (novels.length === 0) {
  process.stderr.write(`bench: no novel_text.txt found under ${PDNC}\n`);
  process.exit(2);
}
const totalBytes = novels.reduce((s, n) => s + n.bytes, 0);
const mb = totalBytes / 1e6;
const cpu = cpus();

const bare = best(() => tokenizeAll(novels));
const tokens = bare.result;
const full = best(() => analyzeAll(novels));

const largest = novels.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const child = spawnSync(process.execPath, [...process.execArgv, HERE, '--child', largest.path], { encoding: 'utf8' });
let rssLine: string;
if (child.status === 0) {
  const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as { before: number; after: number; rssBefore: number; rssAfter: number };
  rssLine =
    `peak RSS, full analysis of the largest text (${largest.name}, ${fmt(largest.bytes / 1e6, 2)} MB) in a fresh process: ` +
    `${fmt(m.after / 1024)} MB (process before the analysis: ${fmt(m.before / 1024)} MB); ` +
    `resident set ${fmt(m.rssBefore / 1048576)} MB just before the analysis, ${fmt(m.rssAfter / 1048576)} MB after it with the document alive`;
} else {
  rssLine = `peak RSS: child process failed (exit ${child.status}): ${child.stderr.trim().split('\n')[0] ?? ''}`;
}

// A generated 100 MB story (the "100 MB text"), in a fresh process.
const BIG_MB = Number(process.env.DRAMATIS_BENCH_BIG_MB ?? 100);
let bigLine = `generated ${BIG_MB} MB story: skipped (DRAMATIS_BENCH_BIG_MB=0)`;
if (BIG_MB > 0) {
  const big = spawnSync(process.execPath, [...process.execArgv, HERE, '--child-big', String(BIG_MB)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (big.status === 0) {
    const m = JSON.parse(big.stdout.trim().split('\n').pop()!) as { before: number; after: number; seconds: number; bytes: number; quotes: number; json: number };
    bigLine =
      `generated ${fmt(m.bytes / 1e6)} MB story (analyzeFile + JSON, ${int(m.quotes)} quote spans, ${fmt(m.json / 1e6)} MB of JSON) in a fresh process: ` +
      `${fmt(m.seconds)} s, peak RSS ${fmt(m.after / 1024)} MB (before: ${fmt(m.before / 1024)} MB)`;
  } else {
    bigLine = `generated ${BIG_MB} MB story: child process failed (exit ${big.status}): ${big.stderr.trim().split('\n')[0] ?? ''}`;
  }
}

const lines = [
  `dramatis benchmark, ${new Date().toISOString().slice(0, 10)}`,
  `node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores (the benchmark runs on one thread)`,
  `corpus: ${novels.length} PDNC novel texts, ${fmt(mb, 2)} MB UTF-8, ${int(tokens)} tokens (MB = 10^6 bytes)`,
  `tokenize (paragraphs + tokens), best of ${REPS} after a warm-up: ${fmt(bare.seconds, 3)} s, ${fmt(tokens / bare.seconds / 1e6, 2)} M tokens/s, ${fmt(mb / bare.seconds)} MB/s`,
  `full analysis (analyzeDocument), best of ${REPS} after a warm-up: ${fmt(full.seconds, 3)} s, ${fmt(tokens / full.seconds / 1e6, 2)} M tokens/s, ${fmt(mb / full.seconds)} MB/s (${int(full.result)} quote spans)`,
  `full / tokenize time: ${fmt(full.seconds / bare.seconds)}x`,
  rssLine,
  bigLine,
];
process.stdout.write(lines.join('\n') + '\n');
