/**
 * Exports: csv (parsed back), tei (parsed as XML, ids consistent), booknlp (columns, ids, atomic
 * directory), script (order, voices), and the CLI's --format / -o handling.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyzeDocument } from '../src/index.js';
import { toAnalysis, ANALYSIS_VERSION } from '../src/output/analysis.js';
import { runCli } from './helpers/run-cli.js';
import { csvField, toCsv, CSV_COLUMNS } from '../src/export/csv.js';
import { toTei } from '../src/export/tei.js';
import { toBookNlp, TOKENS_COLUMNS, ENTITIES_COLUMNS, QUOTES_COLUMNS } from '../src/export/booknlp.js';
import { toScript, NARRATOR } from '../src/export/script.js';
import { bookId } from '../src/export/index.js';
import { writeDirAtomic } from '../src/export/write-dir.js';
import type { Document } from '../src/document/document.js';
import type { Analysis } from '../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, 'samples', 'the-salt-road.txt');

/** A small story of our own with every awkward character the writers must escape. */
export const TRICKY = [
  'Chapter One',
  '',
  '“Put the <script>alert(1)</script> down, Jonah,” said Wren. “And the ampersand & the “quotes”, too.”',
  '',
  'Jonah laughed. “Make me, Wren.”',
  '',
  '“Commas, tabs\tand \u0001control bytes, please,” Wren said. “Also 🙂 emoji.”',
  '',
  'Chapter Two',
  '',
  '“<img src=x onerror=alert(2)> is not a picture,” said Jonah. “Neither is javascript:alert(3).”',
  '',
  '“Fine,” said Wren.',
  '',
].join('\n');

function analysed(text: string, source = 'tricky.txt'): { doc: Document; analysis: Analysis } {
  const doc = analyzeDocument(text, { source });
  return { doc, analysis: toAnalysis(doc, source) };
}

/** RFC 4180 parser (enough for tests). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const run = (args: string[]) => runCli(args, { pid: 777 });

describe('csv', () => {
  test('fields are quoted only when needed, quotes doubled', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' padded'), '" padded"');
    assert.equal(csvField(3), '3');
  });

  test('one row per quote; parses back to the same texts and speakers', () => {
    const { analysis } = analysed(TRICKY);
    const rows = parseCsv(toCsv(analysis));
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length - 1, analysis.quotes.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    analysis.quotes.forEach((q, i) => {
      const r = rows[i + 1];
      assert.equal(r.length, CSV_COLUMNS.length);
      assert.equal(r[col('text')], q.text);
      assert.equal(r[col('speaker_id')], q.speaker ?? '');
      assert.equal(Number(r[col('start')]), q.start);
      assert.equal(Number(r[col('confidence')]), q.confidence);
    });
    assert.ok(rows.some((r) => r[col('chapter')] === 'Chapter Two'), "expected: rows.some((r) => r[col('chapter')] === 'Chapter Two')");
  });
});

describe('tei', () => {
  test('is well-formed XML; every who/toWhom points at a listPerson entry; text survives', () => {
    for (const [text, source] of [
      [TRICKY, 'tricky.txt'],
      [readFileSync(SAMPLE, 'utf8'), 'the-salt-road.txt'],
    ] as const) {
      const { doc, analysis } = analysed(text, source);
      const xml = toTei(doc, analysis);
      const valid = XMLValidator.validate(xml);
      assert.equal(valid, true, JSON.stringify(valid));
      const ids = [...xml.matchAll(/<person xml:id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(ids.length, analysis.characters.length);
      assert.equal(new Set(ids).size, ids.length, 'unique xml:ids');
      for (const m of xml.matchAll(/(?:who|toWhom)="([^"]+)"/g)) {
        for (const ref of m[1].split(' ')) assert.ok(ids.includes(ref.slice(1)), `${ref} is declared`);
      }
      const saids = [...xml.matchAll(/<said\b/g)].length;
      assert.equal(saids, analysis.quotes.length, 'one <said> per quote span');
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      assert.ok(parsed.TEI.teiHeader.profileDesc.particDesc.listPerson, "expected: parsed.TEI.teiHeader.profileDesc.particDesc.listPerson");
    }
  });

  test('hostile text is escaped, control bytes dropped, chapters become divs', () => {
    const { doc, analysis } = analysed(TRICKY);
    const xml = toTei(doc, analysis);
    assert.ok(!xml.includes('<script>'), "expected: !xml.includes('<script>')");
    assert.ok(!xml.includes('<img'), "expected: !xml.includes('<img')");
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), "expected: xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;')");
    assert.ok(!xml.includes('\u0001'), "expected: !xml.includes('\\u0001')");
    assert.ok(xml.includes('🙂'), "expected: xml.includes('🙂')");
    assert.equal([...xml.matchAll(/<div type="chapter">/g)].length, 2);
    assert.ok(xml.includes('<head>Chapter Two</head>'), "expected: xml.includes('<head>Chapter Two</head>')");
  });
});

describe('booknlp', () => {
  test('files, columns and consistent ids', () => {
    const { doc, analysis } = analysed(readFileSync(SAMPLE, 'utf8'), 'the-salt-road.txt');
    const { files } = toBookNlp(doc, analysis, 'salt');
    assert.deepEqual([...files.keys()].sort(), ['salt.book', 'salt.entities', 'salt.quotes', 'salt.tokens']);
    const table = (name: string) =>
      files
        .get(name)!
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.split('\t'));
    const tokens = table('salt.tokens');
    assert.deepEqual(tokens[0], [...TOKENS_COLUMNS]);
    assert.equal(tokens.length - 1, doc.tokenCount);
    const textCp = Array.from(doc.text);
    let lastSentence = -1;
    tokens.slice(1).forEach((r, t) => {
      assert.equal(r.length, TOKENS_COLUMNS.length);
      assert.equal(Number(r[3]), t, 'token_ID_within_document counts from 0');
      assert.equal(textCp.slice(Number(r[6]), Number(r[7])).join(''), r[4], 'offsets give the word');
      assert.ok(Number(r[1]) >= lastSentence, 'sentence ids do not go back');
      lastSentence = Number(r[1]);
    });
    const entities = table('salt.entities');
    assert.deepEqual(entities[0], [...ENTITIES_COLUMNS]);
    assert.equal(entities.length - 1, doc.mentionCount);
    for (const r of entities.slice(1)) {
      assert.ok(['PROP', 'NOM', 'PRON'].includes(r[3]), "expected: ['PROP', 'NOM', 'PRON'].includes(r[3])");
      assert.equal(r[4], 'PER');
      assert.ok(Number(r[1]) <= Number(r[2]) && Number(r[2]) < doc.tokenCount, "expected: Number(r[1]) <= Number(r[2]) && Number(r[2]) < doc.tokenCount");
      const words = tokens.slice(1 + Number(r[1]), 2 + Number(r[2])).map((x) => x[4]);
      assert.ok(r[5].startsWith(words[0]) || words[0].startsWith(r[5].split(/\s/)[0]), `${r[5]} and its first token ${words[0]} begin alike`);
    }
    const quotes = table('salt.quotes');
    assert.deepEqual(quotes[0], [...QUOTES_COLUMNS]);
    assert.equal(quotes.length - 1, analysis.quotes.length);
    const corefOfChar = new Map<number, Set<number>>();
    for (const r of entities.slice(1)) {
      const id = Number(r[0]);
      if (!corefOfChar.has(id)) corefOfChar.set(id, new Set());
    }
    quotes.slice(1).forEach((r, k) => {
      const q = analysis.quotes[k];
      const charId = Number(r[5]);
      if (q.speaker === null) assert.equal(charId, -1);
      else assert.equal(analysis.characters[charId].id, q.speaker, 'char_id is the speaker index');
      if (Number(r[2]) >= 0) {
        // The mention the quote is attributed to is an entity row of the same COREF.
        const ent = entities.slice(1).find((e) => e[1] === r[2] && e[2] === r[3]);
        assert.ok(ent, 'mention span is an entity');
        assert.equal(Number(ent![0]), charId);
        assert.equal(ent![5], r[4]);
      }
    });
    const book = JSON.parse(files.get('salt.book')!) as { characters: { id: number; count: number; mentions: { proper: { c: number; n: string }[] }; g: unknown; agent: unknown[] }[] };
    assert.ok(book.characters.length > 0, "expected: book.characters.length > 0");
    for (let i = 1; i < book.characters.length; i++) assert.ok(book.characters[i - 1].count >= book.characters[i].count, 'most frequent first');
    for (const c of book.characters) {
      assert.ok(c.count >= 2, "expected: c.count >= 2");
      const rows = entities.slice(1).filter((e) => Number(e[0]) === c.id);
      assert.equal(rows.length, c.count, 'count = entity rows of that COREF');
      assert.deepEqual(c.agent, []);
    }
  });

  test('bookId is the file stem', () => {
    assert.equal(bookId('dir/My Story.txt'), 'My_Story');
    assert.equal(bookId(null), 'book');
    assert.equal(bookId('../..'), 'book');
  });

  describe('writing the directory', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dramatis-booknlp-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('new directory appears whole; existing directory gets every file; no temp left', async () => {
      const files = new Map([
        ['a.tokens', 'x\n'],
        ['a.book', '{}\n'],
      ]);
      await writeDirAtomic(join(dir, 'out'), files, 1);
      assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['a.book', 'a.tokens']);
      mkdirSync(join(dir, 'mine'));
      writeFileSync(join(dir, 'mine', 'keep.txt'), 'keep');
      await writeDirAtomic(join(dir, 'mine'), files, 2);
      assert.deepEqual(readdirSync(join(dir, 'mine')).sort(), ['a.book', 'a.tokens', 'keep.txt']);
      assert.deepEqual(readdirSync(dir).sort(), ['mine', 'out'], 'no temp directory left');
    });

    test('a failure leaves nothing behind', async () => {
      // A file name that cannot be created (a directory component that does not exist).
      const files = new Map([
        ['ok.tokens', 'x\n'],
        ['missing/bad.book', '{}\n'],
      ]);
      await assert.rejects(writeDirAtomic(join(dir, 'broken'), files, 3), /cannot write/);
      assert.ok(!existsSync(join(dir, 'broken')), "expected: !existsSync(join(dir, 'broken'))");
      assert.ok(!readdirSync(dir).some((n) => n.includes('.tmp')), 'temp directory removed');
    });
  });
});

describe('script', () => {
  test('segments in text order; narrator outside quotes; a distinct voice per speaker', () => {
    const { doc, analysis } = analysed(readFileSync(SAMPLE, 'utf8'), 'the-salt-road.txt');
    const script = toScript(doc, analysis);
    assert.equal(script.format, 'dramatis-script');
    for (let i = 1; i < script.segments.length; i++) assert.ok(script.segments[i].start >= script.segments[i - 1].end, 'in order, not overlapping');
    const speech = script.segments.filter((s) => s.kind === 'speech');
    assert.equal(speech.length, analysis.quotes.filter((q) => /[\p{L}\p{N}]/u.test(q.text)).length);
    for (const s of script.segments) {
      if (s.kind !== 'speech') assert.equal(s.voice, NARRATOR);
      assert.ok(!/[“”]/.test(s.kind === 'speech' ? '' : s.text), 'narration has no quote marks');
      assert.match(s.ssml, /^<speak>.*<\/speak>$/s);
      assert.equal(XMLValidator.validate(s.ssml), true);
    }
    const keys = script.voices.map((v) => `${v.espeak.voice}/${v.espeak.pitch}`);
    assert.equal(new Set(keys).size, keys.length, 'no two voices alike');
    for (const v of script.voices) {
      if (v.gender === 'she') assert.match(v.espeak.voice, /\+f\d/);
      if (v.gender === 'he') assert.match(v.espeak.voice, /\+m\d/);
    }
    assert.equal(XMLValidator.validate(script.ssml), true);
  });

  test('escapes markup in SSML', () => {
    const { doc, analysis } = analysed(TRICKY);
    const script = toScript(doc, analysis);
    assert.ok(script.segments.some((s) => s.ssml.includes('&lt;script&gt;')), "expected: script.segments.some((s) => s.ssml.includes('&lt;script&gt;'))");
    assert.ok(!script.ssml.includes('<script>'), "expected: !script.ssml.includes('<script>')");
  });
});

describe('CLI: analyze --format', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-export-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('csv, tei and script to standard output; json stays the default', async () => {
    const csv = await run(['analyze', '--format', 'csv', SAMPLE]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('quote,utterance,'), "expected: csv.stdout.startsWith('quote,utterance,')");
    const tei = await run(['analyze', '--format', 'tei', SAMPLE]);
    assert.equal(tei.code, 0);
    assert.equal(XMLValidator.validate(tei.stdout), true);
    const script = await run(['analyze', '--format', 'script', SAMPLE]);
    assert.equal(JSON.parse(script.stdout).format, 'dramatis-script');
    const json = await run(['analyze', SAMPLE]);
    assert.equal(JSON.parse(json.stdout).version, ANALYSIS_VERSION);
  });

  test('booknlp needs -o DIR and writes ID.* files there', async () => {
    const none = await run(['analyze', '--format', 'booknlp', SAMPLE]);
    assert.equal(none.code, 64);
    assert.match(none.stderr, /^dramatis: .*-o DIR/);
    const out = join(dir, 'bn');
    const r = await run(['analyze', '--format', 'booknlp', SAMPLE, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['the-salt-road.book', 'the-salt-road.book.html', 'the-salt-road.entities', 'the-salt-road.quotes', 'the-salt-road.tokens']);
    const missing = await run(['analyze', '--format', 'booknlp', SAMPLE, '-o', join(dir, 'no', 'such', 'dir')]);
    assert.equal(missing.code, 73);
  });

  test('HTML input goes through the same reader as analyze: the text, not the markup, is exported', async () => {
    const html = join(dir, 'page.html');
    writeFileSync(html, '<!DOCTYPE html><html><head><title>T</title></head><body><p>“Where is the key, Ines?” asked Bram.</p><p>“In the <em>blue</em> jar,” said Ines.</p></body></html>');
    const r = await run(['analyze', '--format', 'csv', html]);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.equal(rows.length, 3);
    assert.equal(rows[2][CSV_COLUMNS.indexOf('text')], 'In the blue jar,');
  });

  test('an unknown format is a usage error', async () => {
    const r = await run(['analyze', '--format', 'docx', SAMPLE]);
    assert.equal(r.code, 64);
    assert.match(r.stderr, /json, booknlp, tei, csv, script/);
  });

  test('-o writes the file atomically, nothing on stdout', async () => {
    const out = join(dir, 'quotes.csv');
    const r = await run(['analyze', '--format', 'csv', SAMPLE, '-o', out]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.ok(readFileSync(out, 'utf8').startsWith('quote,'), "expected: readFileSync(out, 'utf8').startsWith('quote,')");
    assert.ok(!readdirSync(dir).some((n) => n.endsWith('.tmp')), "expected: !readdirSync(dir).some((n) => n.endsWith('.tmp'))");
  });
});
