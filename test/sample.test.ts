/**
 * The bundled sample story against its hand annotation (test/fixtures/the-salt-road.speakers.json).
 *
 * The fixture has one entry per quote span, in text order: the first ~40 characters of the span
 * (marks excluded), the speaker's cast id, the addressees, and the kind of evidence in the text:
 * `explicit` (a named tag), `anaphoric` (a pronoun or descriptive tag), `implicit` (no tag). Spans
 * of one utterance (an interrupted quote, a speech over several paragraphs) share speaker,
 * addressees and type; addressees are given per utterance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyze, parseCastFile } from '../src/index.js';
import type { Analysis, AnalysisQuote } from '../src/types.js';

/**
 * Speaker accuracy the attribution stage must reach on the sample, minus a margin: measured 93.3%
 * (83/89) with the ranker that learns from the 52 modern scenes of data/modern-train, 2026-11-28
 * (82/89 with the 24 of 2026-11-27 late, 83/89 on its first training; 84/89 with the ranker retrained with the candidates named after a line, that night; 83/89
 * with the two-bag ranker before it, 81/89 with the one-ensemble ranker retrained after
 * the kin-word link, 84/89 on the weights before, 86/89 earlier; each retraining moves a few lines
 * of this sample either way).
 */
const SPEAKER_ACCURACY_FLOOR = 0.89;
/** Share of annotated quotes that quote detection must find. */
const QUOTE_RECALL_FLOOR = 0.95;

interface Annotation {
  text: string;
  speaker: string;
  addressees: string[];
  type: 'explicit' | 'anaphoric' | 'implicit';
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = readFileSync(join(root, 'samples/the-salt-road.txt'), 'utf8');
const cast = parseCastFile(readFileSync(join(root, 'samples/the-salt-road.cast.json'), 'utf8'));
const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/the-salt-road.speakers.json'), 'utf8')) as Annotation[];

/** Quote spans counted independently: a “ opens a span, closed by ” or by the end of its paragraph line. */
function countQuoteSpans(s: string): number {
  return [...s.matchAll(/“[^“”\n]*(?:”|(?=\n)|$)/g)].length;
}

test('the sample is the story the brief describes', () => {
  const words = text.split(/\s+/).filter(Boolean).length;
  assert.ok(words >= 1800 && words <= 2400, `word count ${words}`);
  assert.ok(!/["']/.test(text), 'only curly quotes and apostrophes');
  const lines = text.split('\n');
  assert.equal(lines[0], 'The Salt Road');
  assert.ok(lines.includes('Chapter 1') && lines.includes('Chapter 2'), "expected: lines.includes('Chapter 1') && lines.includes('Chapter 2')");
  assert.equal(lines.filter((l) => l === '* * *').length, 1);
  assert.equal(text.split('“').length, countQuoteSpans(text) + 1, 'every opening mark starts one span');
});

test('the fixture is consistent with the sample text', () => {
  const ids = new Set(cast.characters.map((c) => c.id));
  let pos = 0;
  for (const [i, a] of fixture.entries()) {
    assert.ok(a.text.length > 0 && a.text.length <= 40, `#${i} text length`);
    assert.ok(ids.has(a.speaker), `#${i} speaker ${a.speaker} is a cast id`);
    for (const ad of a.addressees) assert.ok(ids.has(ad), `#${i} addressee ${ad} is a cast id`);
    assert.ok(['explicit', 'anaphoric', 'implicit'].includes(a.type), `#${i} type`);
    const at = text.indexOf('“' + a.text, pos);
    assert.ok(at >= 0, `#${i} “${a.text}” occurs in the sample after offset ${pos}`);
    // No quote span is skipped between the previous annotation and this one.
    assert.equal(countQuoteSpans(text.slice(pos, at)), 0, `#${i} no unannotated quote before “${a.text}”`);
    pos = at + 1;
  }
  assert.equal(fixture.length, countQuoteSpans(text));
  // Every character of the cast speaks at least once, and all three annotation types occur.
  assert.deepEqual(new Set(fixture.map((a) => a.speaker)), ids);
  assert.deepEqual(new Set(fixture.map((a) => a.type)), new Set(['explicit', 'anaphoric', 'implicit']));
});

/** Match annotations to analysis quotes in text order: the next quote whose text starts with the annotated text. */
function matchQuotes(quotes: AnalysisQuote[]): (AnalysisQuote | null)[] {
  const out: (AnalysisQuote | null)[] = [];
  let next = 0;
  for (const a of fixture) {
    let found = -1;
    for (let k = next; k < quotes.length; k++) {
      if (quotes[k].text.startsWith(a.text)) {
        found = k;
        break;
      }
    }
    if (found >= 0) next = found + 1;
    out.push(found >= 0 ? quotes[found] : null);
  }
  return out;
}

/** The analysis of the sample, computed once, on first use (so the fixture checks run even if analyze throws). */
let cached: { analysis: Analysis; matched: (AnalysisQuote | null)[]; found: number; recall: number } | null = null;
function result() {
  if (!cached) {
    const analysis = analyze(text, { cast, source: 'the-salt-road.txt' });
    const matched = matchQuotes(analysis.quotes);
    const found = matched.filter((q) => q !== null).length;
    cached = { analysis, matched, found, recall: found / fixture.length };
  }
  return cached;
}

test('speaker accuracy on the sample', () => {
  const { analysis, matched, found, recall } = result();
  const byType = new Map<string, [number, number]>();
  let correct = 0;
  let addresseeHits = 0;
  let addresseeTotal = 0;
  fixture.forEach((a, i) => {
    const q = matched[i];
    const ok = q !== null && q.speaker === a.speaker;
    if (ok) correct++;
    const t = byType.get(a.type) ?? [0, 0];
    byType.set(a.type, [t[0] + (ok ? 1 : 0), t[1] + 1]);
    for (const ad of a.addressees) {
      addresseeTotal++;
      if (q?.addressees.includes(ad)) addresseeHits++;
    }
  });
  const accuracy = correct / fixture.length;
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  console.log(`the-salt-road: quotes found ${found}/${fixture.length} (${pct(recall)}), analysis has ${analysis.quotes.length} spans`);
  console.log(`the-salt-road: speaker accuracy ${correct}/${fixture.length} (${pct(accuracy)})`);
  for (const [type, [c, n]] of byType) console.log(`  ${type}: ${c}/${n} (${pct(c / n)})`);
  console.log(`the-salt-road: addressee recall ${addresseeHits}/${addresseeTotal} (${pct(addresseeHits / addresseeTotal)})`);
  assert.ok(accuracy >= SPEAKER_ACCURACY_FLOOR, `speaker accuracy ${pct(accuracy)} below floor ${pct(SPEAKER_ACCURACY_FLOOR)}`);
});

test('quote detection finds the annotated quotes', () => {
  const { found, recall } = result();
  assert.ok(recall >= QUOTE_RECALL_FLOOR, `found ${found}/${fixture.length} annotated quotes (${(100 * recall).toFixed(1)}%)`);
});
