/** Corrections: the file format, applying each operation, surviving edits to the text, the CLI flag. */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { analyzeDocument } from '../src/index.js';
import { toAnalysis } from '../src/output/analysis.js';
import { parseCastFile } from '../src/cast-file.js';
import { runCli } from './helpers/run-cli.js';
import {
  applyCorrections,
  castFromDocument,
  CORRECTED_CUE,
  emptyCorrections,
  parseCorrections,
  restoreEditable,
  similarity,
  snapshotEditable,
  type Corrections,
  type CorrectionOp,
} from '../src/corrections/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_TEXT = readFileSync(join(ROOT, 'samples', 'the-salt-road.txt'), 'utf8');

function corr(...operations: CorrectionOp[]): Corrections {
  return { ...emptyCorrections('t.txt'), operations };
}

const run = (args: string[]) => runCli(args, { pid: 99 });

describe('corrections file', () => {
  test('valid file round-trips through the parser', () => {
    const c = corr(
      { op: 'speaker', quote: { start: 1, end: 5, text: 'abcd' }, speaker: { id: 'x', name: 'X' } },
      { op: 'speaker', quote: { start: 9, end: 12, text: 'efg' }, speaker: null },
      { op: 'rename', character: { id: 'x' }, name: 'Xena' },
      { op: 'gender', character: { name: 'Xena' }, gender: 'she' },
      { op: 'merge', character: { id: 'y' }, into: { id: 'x' } },
      { op: 'split', character: { id: 'x' }, new: { name: 'Zed', aliases: ['Z'], gender: 'he' }, quotes: [{ start: 1, end: 5, text: 'abcd' }] },
    );
    assert.deepEqual(parseCorrections(JSON.stringify(c)), c);
  });

  test('bad files are refused with a message naming the entry', () => {
    const bad: [string, RegExp][] = [
      ['nope', /not valid JSON/],
      ['[]', /must be a JSON object/],
      ['{"format":"other","version":1,"operations":[]}', /not a dramatis corrections file/],
      ['{"format":"dramatis-corrections","version":9,"operations":[]}', /version 9/],
      ['{"format":"dramatis-corrections","version":1}', /"operations" array/],
      ['{"format":"dramatis-corrections","version":1,"operations":[{"op":"explode"}]}', /operations\[0\]\.op/],
      ['{"format":"dramatis-corrections","version":1,"operations":[{"op":"rename","character":{},"name":"A"}]}', /operations\[0\]\.character needs "id" or "name"/],
      ['{"format":"dramatis-corrections","version":1,"operations":[{"op":"speaker","quote":{"start":-1,"end":2,"text":""},"speaker":null}]}', /quote\.start/],
      ['{"format":"dramatis-corrections","version":1,"operations":[{"op":"gender","character":{"id":"a"},"gender":"it"}]}', /gender must be one of/],
    ];
    for (const [json, re] of bad) assert.throws(() => parseCorrections(json), re, json);
  });

  test('similarity', () => {
    assert.equal(similarity('Hello there', 'hello  there'), 1);
    assert.ok(similarity('I was not going to complain.', 'I wasn’t going to complain.') > 0.75, "expected: similarity('I was not going to complain.', 'I wasn’t going to complain.') > 0.75");
    assert.ok(similarity('Water first,', 'Then the animals.') < 0.4, "expected: similarity('Water first,', 'Then the animals.') < 0.4");
  });
});

describe('applying', () => {
  test('speaker: the whole utterance gets the speaker, cue corrected, confidence 1', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const before = toAnalysis(doc);
    const q = before.quotes.find((x) => x.speaker !== null)!;
    const other = before.characters.find((c) => c.id !== q.speaker)!;
    const res = applyCorrections(doc, corr({ op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: { id: other.id, name: other.name } }));
    assert.deepEqual(res, { applied: 1, skipped: [] });
    const after = toAnalysis(doc);
    for (const x of after.quotes.filter((y) => y.utterance === q.utterance)) {
      assert.equal(x.speaker, other.id);
      assert.equal(x.cue, CORRECTED_CUE);
      assert.equal(x.confidence, 1);
      assert.ok(!x.addressees.includes(other.id), "expected: !x.addressees.includes(other.id)");
    }
    // Unattributed: speaker null.
    applyCorrections(doc, corr({ op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: null }));
    assert.equal(toAnalysis(doc).quotes.find((x) => x.start === q.start)!.speaker, null);
  });

  test('a correction survives re-analysis of an edited text', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const a = toAnalysis(doc);
    const q = a.quotes[5];
    const target = a.characters.find((c) => c.id !== q.speaker)!;
    const c = corr({ op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: { id: target.id, name: target.name } });
    // 1. A new paragraph at the top: every offset moves.
    const shifted = 'A foreword, added later, that moves every offset along.\n\n' + SAMPLE_TEXT;
    const d1 = analyzeDocument(shifted);
    assert.equal(applyCorrections(d1, c).applied, 1);
    const q1 = toAnalysis(d1).quotes.find((x) => x.text === q.text)!;
    assert.equal(q1.speaker, target.id);
    // 2. A word inside the quote changed, and the text moved.
    const words = q.text.split(' ');
    const edited = words.length > 2 ? [...words.slice(0, -1), 'changed'].join(' ') : q.text + ' again';
    const d2 = analyzeDocument(shifted.replace(q.text, edited));
    const r2 = applyCorrections(d2, c);
    assert.equal(r2.applied, 1, JSON.stringify(r2.skipped));
    assert.equal(toAnalysis(d2).quotes.find((x) => x.text === edited)!.speaker, target.id);
    // 3. The quote is gone: skipped, with a warning, not an error.
    const d3 = analyzeDocument(SAMPLE_TEXT.replace(q.text, 'Something else entirely, said in a different way, with other words'));
    const r3 = applyCorrections(d3, c);
    assert.equal(r3.skipped.length, 1);
    assert.ok(toAnalysis(d3).warnings.some((w) => w.code === 'correction-skipped'), "expected: toAnalysis(d3).warnings.some((w) => w.code === 'correction-skipped')");
  });

  test('rename keeps the old name as an alias; gender', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const c0 = doc.characters[0];
    const old = c0.name;
    applyCorrections(doc, corr({ op: 'rename', character: { id: c0.id }, name: 'Somebody Else' }, { op: 'gender', character: { name: 'Somebody Else' }, gender: 'they' }));
    assert.equal(doc.characters[0].name, 'Somebody Else');
    assert.ok(doc.characters[0].aliases.includes(old), "expected: doc.characters[0].aliases.includes(old)");
    assert.equal(doc.characters[0].gender, 'they');
    assert.equal(doc.characters[0].id, c0.id, 'ids are kept');
  });

  test('merge moves lines, mentions and names into the other character', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const a = toAnalysis(doc);
    const [x, y] = [a.characters[0], a.characters[1]];
    applyCorrections(doc, corr({ op: 'merge', character: { id: y.id }, into: { id: x.id } }));
    const b = toAnalysis(doc);
    assert.equal(b.characters.length, a.characters.length - 1);
    assert.ok(!b.characters.some((c) => c.id === y.id), "expected: !b.characters.some((c) => c.id === y.id)");
    const merged = b.characters.find((c) => c.id === x.id)!;
    assert.equal(merged.quotes, x.quotes + y.quotes);
    assert.equal(merged.mentions, x.mentions + y.mentions);
    assert.ok(merged.aliases.includes(y.name), "expected: merged.aliases.includes(y.name)");
    for (const q of b.quotes) {
      assert.notEqual(q.speaker, y.id);
      assert.ok(!q.addressees.includes(y.id), "expected: !q.addressees.includes(y.id)");
      if (q.speaker !== null) assert.ok(b.characters.some((c) => c.id === q.speaker), "expected: b.characters.some((c) => c.id === q.speaker)");
    }
    // Indexes of the other characters still point at the right people.
    for (const q of a.quotes) {
      if (q.speaker !== null && q.speaker !== y.id) assert.equal(b.quotes.find((z) => z.start === q.start)!.speaker, q.speaker);
    }
  });

  test('split makes a new character from some of the names, and moves the lines given', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const a = toAnalysis(doc);
    const src = a.characters.find((c) => c.aliases.filter((al) => al !== c.name).length > 0 && c.quotes > 0)!;
    const alias = src.aliases.find((al) => al !== src.name)!;
    const q = a.quotes.find((x) => x.speaker === src.id)!;
    const res = applyCorrections(doc, corr({ op: 'split', character: { id: src.id }, new: { name: 'New Person', aliases: [alias] }, quotes: [{ start: q.start, end: q.end, text: q.text }] }));
    assert.equal(res.applied, 1);
    const b = toAnalysis(doc);
    const created = b.characters.find((c) => c.name === 'New Person')!;
    assert.equal(created.id, 'new-person');
    assert.ok(created.aliases.includes(alias), "expected: created.aliases.includes(alias)");
    assert.ok(!b.characters.find((c) => c.id === src.id)!.aliases.includes(alias), "expected: !b.characters.find((c) => c.id === src.id)!.aliases.includes(alias)");
    assert.ok(created.mentions > 0, 'mentions written as the alias moved');
    assert.equal(b.quotes.find((x) => x.start === q.start)!.speaker, created.id);
  });

  test('operations on unknown characters are skipped, the rest applied', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const res = applyCorrections(doc, corr({ op: 'rename', character: { id: 'nobody' }, name: 'X' }, { op: 'rename', character: { id: doc.characters[0].id }, name: 'Y' }));
    assert.equal(res.applied, 1);
    assert.equal(res.skipped.length, 1);
    assert.match(res.skipped[0].reason, /no character nobody/);
  });

  test('snapshot and restore give back the analysis as it was', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    const before = JSON.stringify(toAnalysis(doc));
    const snap = snapshotEditable(doc);
    applyCorrections(doc, corr({ op: 'merge', character: { id: doc.characters[1].id }, into: { id: doc.characters[0].id } }));
    assert.notEqual(JSON.stringify(toAnalysis(doc)), before);
    restoreEditable(doc, snap);
    assert.equal(JSON.stringify(toAnalysis(doc)), before);
  });

  test('the corrected cast is a valid cast file', () => {
    const doc = analyzeDocument(SAMPLE_TEXT);
    applyCorrections(doc, corr({ op: 'rename', character: { id: doc.characters[0].id }, name: 'Renamed' }));
    const cast = castFromDocument(doc);
    const parsed = parseCastFile(JSON.stringify(cast));
    assert.equal(parsed.characters[0].name, 'Renamed');
    // Re-analysis with that cast keeps the ids.
    const again = toAnalysis(analyzeDocument(SAMPLE_TEXT, { cast: parsed }));
    assert.deepEqual(new Set(again.characters.map((c) => c.id)), new Set(cast.characters.map((c) => c.id)));
  });
});

test('a corrected Analysis still validates against the schema (cue corrected, correction-skipped warning)', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const doc = analyzeDocument(SAMPLE_TEXT);
  const a = toAnalysis(doc);
  const q = a.quotes[0];
  const res = applyCorrections(doc, corr({ op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: null }, { op: 'rename', character: { id: 'nobody-here' }, name: 'X' }));
  assert.equal(res.skipped.length, 1);
  const b = toAnalysis(doc);
  assert.equal(b.quotes[0].cue, CORRECTED_CUE);
  assert.ok(validate(b), JSON.stringify(validate.errors));
});

describe('CLI: --corrections', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-corr-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('analyze applies the file; a bad file is an input error', async () => {
    const story = join(dir, 'story.txt');
    writeFileSync(story, SAMPLE_TEXT);
    const a = JSON.parse((await run(['analyze', story])).stdout);
    const c0 = a.characters[0];
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify(corr({ op: 'rename', character: { id: c0.id }, name: 'Fixed Name' })));
    for (const format of ['json', 'csv']) {
      const r = await run(['analyze', '--format', format, '--corrections', file, story]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes('Fixed Name'), "expected: r.stdout.includes('Fixed Name')");
    }
    writeFileSync(join(dir, 'bad.json'), '{"format":"x"}');
    const bad = await run(['analyze', '--corrections', join(dir, 'bad.json'), story]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^dramatis: corrections file .*bad\.json is not a dramatis corrections file/);
    const missing = await run(['analyze', '--corrections', join(dir, 'missing.json'), story]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
  });
});
