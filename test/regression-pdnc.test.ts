/**
 * Regression floors on two small PDNC novels: quote detection F1, speaker accuracy with the gold cast
 * given, and end-to-end speaker accuracy with the discovered cast. Reads ../shared (resolved from the
 * repo root) at run time and skips when it is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateNovel, totalResult } from '../src/eval/evaluate.ts';
import { prf } from '../src/eval/metrics.ts';
import { loadPdncNovel } from '../src/eval/pdnc.ts';

/**
 * Floors, as fractions, over both novels together (micro). Set from the numbers measured when this
 * file was last updated, minus a margin that absorbs the attribution work still landing: measured
 * quote F1 0.990, gold-cast accuracy 0.76 to 0.78, end-to-end accuracy 0.64 to 0.67.
 */
const FLOORS = {
  quoteF1: 0.97,
  goldCastAccuracy: 0.72,
  endToEndAccuracy: 0.58,
};

const NOVELS = ['DaisyMiller', 'WhereAngelsFearToTread'];
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PDNC = join(ROOT, '..', 'shared', 'data', 'pdnc');
const present = NOVELS.every((n) => existsSync(join(PDNC, n, 'quotation_info.csv')));
const skip = present ? false : `PDNC data not found at ${PDNC}`;

test('PDNC regression floors (DaisyMiller, WhereAngelsFearToTread)', { skip }, () => {
  const results = NOVELS.map((n) => evaluateNovel(loadPdncNovel(join(PDNC, n))));
  const all = totalResult(results);
  const f1 = prf(all.detection).f1;
  const gold = all.goldCast.attribution.All;
  const own = all.ownCast.attribution.All;
  const goldAcc = gold.correct / gold.total;
  const ownAcc = own.correct / own.total;
  const msg = `quote F1 ${f1.toFixed(3)}, gold-cast accuracy ${goldAcc.toFixed(3)}, end-to-end accuracy ${ownAcc.toFixed(3)}`;
  assert.ok(all.goldQuotations > 1000, `expected the gold quotations to load (${all.goldQuotations})`);
  assert.ok(f1 >= FLOORS.quoteF1, `quote F1 below floor ${FLOORS.quoteF1}: ${msg}`);
  assert.ok(goldAcc >= FLOORS.goldCastAccuracy, `gold-cast accuracy below floor ${FLOORS.goldCastAccuracy}: ${msg}`);
  assert.ok(ownAcc >= FLOORS.endToEndAccuracy, `end-to-end accuracy below floor ${FLOORS.endToEndAccuracy}: ${msg}`);
});
