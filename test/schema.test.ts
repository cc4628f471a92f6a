/** The Analysis JSON Schema: analyze() output validates, broken documents do not, characters round-trip as a cast. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { analyze, parseCastFile, ANALYSIS_VERSION } from '../src/index.js';
import type { Analysis } from '../src/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schema/analysis.schema.json'), 'utf8'));
const sample = readFileSync(join(root, 'samples/the-salt-road.txt'), 'utf8');
const castJson = readFileSync(join(root, 'samples/the-salt-road.cast.json'), 'utf8');

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function check(doc: unknown): string {
  return validate(doc) ? '' : ajv.errorsText(validate.errors);
}

/** A small hand-made Analysis with every optional part filled (the pipeline may still leave arrays empty). */
function fullAnalysis(): Analysis {
  return {
    version: ANALYSIS_VERSION,
    source: 'tiny.txt',
    stats: { codePoints: 40, paragraphs: 2, sentences: 2, tokens: 12, quotes: 2, utterances: 1, mentions: 2 },
    chapters: [{ title: 'Chapter 1', start: 0 }],
    characters: [
      {
        id: 'c0',
        name: 'Wenna Tolk',
        aliases: ['Wen', 'the miller'],
        gender: 'she',
        mentions: 2,
        quotes: 2,
        lines: 1,
        importance: 'major',
        firstMention: { start: 0, end: 4 },
        mentionSpans: [
          [0, 4],
          [20, 23],
        ],
        narrator: false,
        source: 'given',
        links: [{ text: 'the miller', evidence: 'apposition', confidence: 0.9, start: 6, end: 16 }],
      },
      { id: 'c1', name: 'Ossian', aliases: [], gender: 'unknown', mentions: 0, quotes: 0, lines: 0, importance: 'minor', firstMention: null, mentionSpans: [], narrator: false, source: 'discovered', links: [] },
    ],
    quotes: [
      { start: 11, end: 14, text: 'Go,', utterance: 0, speaker: 'c0', addressees: ['c1'], confidence: 0.9, cue: 'tag-name' },
      { start: 27, end: 31, text: 'Now.', utterance: 0, speaker: 'c0', addressees: [], confidence: 0.9, cue: 'tag-name' },
    ],
    warnings: [{ code: 'unclosed-quote', message: 'quote runs to the end of the paragraph', start: 3, end: 9 }],
  };
}

test('analyze() output on the sample validates against the schema', () => {
  const analysis = analyze(sample, { source: 'the-salt-road.txt' });
  assert.equal(check(analysis), '');
  assert.equal(analysis.version, ANALYSIS_VERSION);
  // Every top-level key the library writes is declared by the schema, and vice versa.
  assert.deepEqual(Object.keys(analysis).sort(), Object.keys(schema.properties).sort());
});

test('analyze() with the sample cast validates against the schema', () => {
  const analysis = analyze(sample, { cast: parseCastFile(castJson) });
  assert.equal(check(analysis), '');
  assert.deepEqual(Object.keys(analysis.stats).sort(), Object.keys(schema.properties.stats.properties).sort());
});

test('a fully populated hand-made Analysis validates', () => {
  assert.equal(check(fullAnalysis()), '');
  const unattributed = fullAnalysis();
  unattributed.quotes[0].speaker = null;
  unattributed.quotes[0].cue = 'none';
  unattributed.quotes[0].confidence = 0;
  unattributed.source = null;
  assert.equal(check(unattributed), '');
});

test('broken documents fail validation', () => {
  const broken: Array<[string, (a: any) => void]> = [
    ['missing quotes', (a) => delete a.quotes],
    ['missing version', (a) => delete a.version],
    ['version not a string', (a) => (a.version = 1)],
    ['version not semver', (a) => (a.version = 'one')],
    ['unknown top-level field', (a) => (a.extra = true)],
    ['negative offset', (a) => (a.quotes[0].start = -1)],
    ['fractional offset', (a) => (a.quotes[0].end = 3.5)],
    ['confidence above 1', (a) => (a.quotes[0].confidence = 1.5)],
    ['unknown cue', (a) => (a.quotes[0].cue = 'guess')],
    ['bad gender', (a) => (a.characters[0].gender = 'female')],
    ['speaker not a string', (a) => (a.quotes[0].speaker = 3)],
    ['empty speaker id', (a) => (a.quotes[0].speaker = '')],
    ['missing stats field', (a) => delete a.stats.tokens],
    ['character without aliases', (a) => delete a.characters[0].aliases],
    ['character without importance', (a) => delete a.characters[0].importance],
    ['link with an unknown evidence', (a) => (a.characters[0].links[0].evidence = 'hunch')],
    ['warning without code', (a) => delete a.warnings[0].code],
  ];
  for (const [what, breakIt] of broken) {
    const doc = fullAnalysis();
    breakIt(doc);
    assert.equal(validate(doc), false, `expected "${what}" to fail validation`);
  }
});

test("an Analysis's characters can be fed back as a cast file", () => {
  const given = parseCastFile(castJson);
  for (const analysis of [fullAnalysis(), analyze(sample, { cast: given })]) {
    const castFile = JSON.stringify({ characters: analysis.characters });
    const cast = parseCastFile(castFile, 'round-trip cast');
    assert.equal(cast.characters.length, analysis.characters.length);
    cast.characters.forEach((c, i) => {
      const a = analysis.characters[i];
      assert.deepEqual({ id: c.id, name: c.name, aliases: c.aliases, gender: c.gender }, { id: a.id, name: a.name, aliases: a.aliases, gender: a.gender });
    });
  }
});

test('the sample cast file parses and names all seven characters', () => {
  const cast = parseCastFile(castJson);
  assert.deepEqual(cast.characters.map((c) => c.id), ['mari', 'haskett', 'dace', 'toby', 'ilse', 'quill', 'pell']);
});

test('docs/analysis-format.md documents the current version and every cue', () => {
  const docs = readFileSync(join(root, 'docs/analysis-format.md'), 'utf8');
  assert.ok(docs.includes(ANALYSIS_VERSION), `docs should mention version ${ANALYSIS_VERSION}`);
  for (const cue of schema.definitions.cue.enum as string[]) assert.ok(docs.includes('`' + cue + '`'), `docs should document cue ${cue}`);
});
