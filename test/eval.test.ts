import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, parseCsvRecords } from '../src/eval/csv.ts';
import { parsePyLiteral, parsePyLiteralOr } from '../src/eval/pyliteral.ts';
import { mapCastByNames, matchSpans, prf, scoreAttribution, type ScoredQuote } from '../src/eval/metrics.ts';
import { codePointToUtf16, goldCastFile, loadPdncNovel, speakerResolver, loadCharacters } from '../src/eval/pdnc.ts';
import { runPdncEvalCommand } from '../src/eval/command.ts';

test('CSV: quoted fields with commas, doubled quotes and embedded newlines', () => {
  const text = 'a,b,c\r\n"x, y","he said ""no""","line one\nline two"\n1,,"" \n';
  assert.deepEqual(parseCsv(text), [
    ['a', 'b', 'c'],
    ['x, y', 'he said "no"', 'line one\nline two'],
    ['1', '', ' '],
  ]);
});

test('CSV: BOM, CR line ends, missing final newline, empty last field', () => {
  assert.deepEqual(parseCsv('\uFEFFh1,h2\rv1,\r"q"'), [['h1', 'h2'], ['v1', ''], ['q']]);
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('only'), [['only']]);
});

test('CSV: a quoted field holding a CRLF and a doubled quote at its end', () => {
  const { header, records } = parseCsvRecords('id,text\n7,"said ""hi""\r\nthen left"""\n');
  assert.deepEqual(header, ['id', 'text']);
  assert.equal(records.length, 1);
  assert.equal(records[0].text, 'said "hi"\r\nthen left"');
});

test('CSV: an unterminated quoted field is an error', () => {
  assert.throws(() => parseCsv('a\n"open,'), /unterminated/);
});

test('Python literals: nested lists, strings in both quotes, escapes', () => {
  assert.deepEqual(parsePyLiteral('[[10566, 10604], [10620, 10689]]'), [
    [10566, 10604],
    [10620, 10689],
  ]);
  assert.deepEqual(parsePyLiteral(`['a', "b's", 'c\\'d', 'e\\nf', "g\\"h", 'back\\\\slash']`), ['a', "b's", "c'd", 'e\nf', 'g"h', 'back\\slash']);
  assert.deepEqual(parsePyLiteral(`[['you'], []]`), [['you'], []]);
  assert.deepEqual(parsePyLiteral(`'caf\\xe9 \\u2014'`), 'café —');
});

test('Python literals: sets, tuples, dicts, constants, numbers', () => {
  assert.deepEqual(parsePyLiteral(`{'The Admiral', 'Admiral'}`), ['The Admiral', 'Admiral']);
  assert.deepEqual(parsePyLiteral('set()'), []);
  assert.deepEqual(parsePyLiteral('(1,)'), [1]);
  assert.deepEqual(parsePyLiteral('[None, True, False, -3, 2.5e1]'), [null, true, false, -3, 25]);
  const d = parsePyLiteral(`{'a': [1, 2], "b": {}}`);
  assert.ok(d instanceof Map, "expected: d instanceof Map");
  assert.deepEqual((d as Map<unknown, unknown>).get('a'), [1, 2]);
  assert.ok(Number.isNaN(parsePyLiteral('nan') as number), "expected: Number.isNaN(parsePyLiteral('nan') as number)");
  assert.equal(parsePyLiteral(`'one' "two"`), 'onetwo');
  assert.deepEqual(parsePyLiteral(`{"Winterbourne's Friend", 'A Friend',}`), ["Winterbourne's Friend", 'A Friend']);
});

test('Python literals: malformed input throws; the lenient form falls back', () => {
  assert.throws(() => parsePyLiteral('[1, 2'));
  assert.throws(() => parsePyLiteral(`['a' 'b`));
  assert.throws(() => parsePyLiteral('[1] x'));
  assert.deepEqual(parsePyLiteralOr('nan', []), []);
  assert.deepEqual(parsePyLiteralOr('', []), []);
  assert.deepEqual(parsePyLiteralOr('[oops', []), []);
});

test('span matching: 3 gold spans, 2 predicted, one-to-one', () => {
  // gold: [0,10) [20,30) [40,50); predicted: [1,10) overlaps gold 0, [22,45) overlaps gold 1 (8) and gold 2 (5).
  const { counts, predOfGold } = matchSpans([0, 10, 20, 30, 40, 50], [1, 10, 22, 45]);
  assert.deepEqual(counts, { gold: 3, pred: 2, matched: 2, exact: 0 });
  assert.deepEqual([...predOfGold], [0, 1, -1]);
  const p = prf(counts);
  assert.equal(p.precision, 1);
  assert.equal(p.recall, 2 / 3);
  assert.ok(Math.abs(p.f1 - 0.8) < 1e-12, "expected: Math.abs(p.f1 - 0.8) < 1e-12");
});

test('span matching: one long prediction cannot match two gold spans; exact counts trim white space', () => {
  const text = '  hello world  ';
  const { counts } = matchSpans([2, 13, 0, 1], [0, 15], text);
  assert.equal(counts.matched, 1);
  assert.equal(counts.exact, 1);
  assert.deepEqual(prf({ gold: 0, pred: 0, matched: 0, exact: 0 }), { precision: 0, recall: 0, f1: 0 });
});

test('speaker accuracy: known answers, undetected quotes count as wrong, split by type', () => {
  const quotes: ScoredQuote[] = [
    { spans: [0, 10], speakerId: 'A', type: 'Explicit' }, // predicted span 0 says A: right
    { spans: [20, 25, 28, 35], speakerId: 'B', type: 'Anaphoric' }, // span 1 (A, 4) and span 2 (B, 7): B wins
    { spans: [40, 50], speakerId: 'A', type: 'Implicit' }, // not detected: wrong
    { spans: [60, 70], speakerId: 'B', type: 'Implicit' }, // span 3 has no speaker: wrong, not attributed
    { spans: [80, 90], speakerId: null, type: 'Implicit' }, // not scored
  ];
  const pred = [0, 10, 21, 25, 28, 35, 60, 70, 80, 90];
  const speakers = ['A', 'A', 'B', null, 'A'];
  const r = scoreAttribution(quotes, pred, speakers);
  assert.deepEqual(r.All, { total: 4, detected: 3, attributed: 2, correct: 2 });
  assert.deepEqual(r.Explicit, { total: 1, detected: 1, attributed: 1, correct: 1 });
  assert.deepEqual(r.Anaphoric, { total: 1, detected: 1, attributed: 1, correct: 1 });
  assert.deepEqual(r.Implicit, { total: 2, detected: 1, attributed: 0, correct: 0 });
});

test('cast mapping by names: one to one, greedy by strength, honorifics dropped as a weaker key', () => {
  const gold = [
    { id: '0', name: 'Daisy Miller', aliases: ['Daisy', 'Miss Miller'] },
    { id: '1', name: 'Mrs. Miller', aliases: [] },
    { id: '2', name: 'Beaver', aliases: ['Mr Beaver'] },
    { id: '3', name: 'Winterbourne', aliases: [] },
  ];
  const pred = [
    { name: 'Miss Miller', aliases: ['Daisy'], quotes: 10 }, // two shared names with 0
    { name: 'Mrs Miller', aliases: [], quotes: 3 }, // "mrs miller" == normalised "Mrs. Miller"
    { name: 'Daisy', aliases: [], quotes: 1 }, // 0 is taken by a stronger match
    { name: 'Mr. Beaver', aliases: [], quotes: 2 },
    { name: 'Captain Winterbourne', aliases: [], quotes: 2 }, // bare-name match only
    { name: 'Nobody', aliases: [], quotes: 5 },
  ];
  assert.deepEqual(mapCastByNames(pred, gold), ['0', '1', null, '2', '3', null]);
});

test('cast mapping: honorifics of different sexes never pair (`Monsieur Ratignolle` is not `Madame Ratignolle`)', () => {
  const gold = [{ id: '0', name: 'Madame Ratignolle', aliases: ['Adele', 'Ratignolle'] }];
  const pred = [
    { name: 'Monsieur Ratignolle', aliases: ['Ratignolle', 'Mr. Ratignolle'], quotes: 0 }, // more shared names, the wrong sex
    { name: 'Madame Ratignolle', aliases: [], quotes: 30 },
  ];
  assert.deepEqual(mapCastByNames(pred, gold), [null, '0']);
  // A name with no honorific, or honorifics of both sexes, says nothing either way.
  assert.deepEqual(mapCastByNames([{ name: 'Ratignolle', aliases: [], quotes: 1 }], gold), ['0']);
});

test('cast mapping: a name the gold list misspells, or the text lost letters of, pairs weakly when nothing else does', () => {
  const gold = [
    { id: '0', name: 'The Nawab Badahur', aliases: ['Nawab Badahur', 'Mr. Zulfiqar'] },
    { id: '1', name: 'Therese De Vitre', aliases: ['Thérèse De Vitré'] },
    { id: '2', name: 'Joan Dashwood', aliases: [] },
    { id: '3', name: 'Mr. Allan', aliases: [] },
  ];
  const pred = [
    { name: 'Nawab Bahadur', aliases: [], quotes: 15 },
    { name: 'Th?r?se de Vitr', aliases: [], quotes: 11 },
    // Short words must agree letter for letter: John is not Joan, Allen not Allan.
    { name: 'John Dashwood', aliases: [], quotes: 9 },
    { name: 'Mr. Allen', aliases: [], quotes: 4 },
  ];
  assert.deepEqual(mapCastByNames(pred, gold), ['0', '1', null, null]);
  // A lost letter elsewhere in the name lets no other word differ; six-letter words take one edit.
  const more = [{ id: 'j', name: 'Joan Dashwood', aliases: [] }, { id: 'r', name: 'Rupert Vane', aliases: [] }, { id: 'l', name: 'Louisa Vane', aliases: [] }];
  const guesses = [
    { name: 'John D?shwood', aliases: [], quotes: 3 },
    { name: 'Robert Vane', aliases: [], quotes: 3 },
    { name: 'Louise Vane', aliases: [], quotes: 3 },
  ];
  assert.deepEqual(mapCastByNames(guesses, more), [null, null, 'l']);
  // A pair by names outranks a near spelling: the exact Nawab takes the gold entry.
  assert.deepEqual(mapCastByNames([{ name: 'Nawab Bahadur', aliases: [], quotes: 15 }, { name: 'Nawab Badahur', aliases: [], quotes: 1 }], gold.slice(0, 1)), [null, '0']);
});

test('cast mapping: the discovered Narrator maps to the gold character marked _narr, before a name match', () => {
  const gold = [
    { id: '5', name: 'Mr. Hale', aliases: ['Hale', 'Mr. Hale', '_narr', 'Narr'] },
    { id: '6', name: 'Ida', aliases: [] },
  ];
  const pred = [
    { name: 'Mr. Hale', aliases: [], quotes: 3 },
    { name: 'Narrator', aliases: [], quotes: 90 },
  ];
  assert.deepEqual(mapCastByNames(pred, gold), [null, '5']);
  // When the narrator was also found under a name, the more talkative of the two equal matches wins.
  const pred2 = [
    { name: 'Narrator', aliases: [], quotes: 40 },
    { name: 'Hale', aliases: [], quotes: 60 },
  ];
  assert.deepEqual(mapCastByNames(pred2, gold), [null, '5']);
});

test('gold cast file and speaker names: main name, normalised name, unique alias', () => {
  const chars = loadCharacters(
    'Character ID,Main Name,Aliases,Gender,Category\n' +
      `0,Ann Lee,"{'Ann', 'Miss Lee', 'Ann Lee'}",F,major\n` +
      `1,Mrs. Croft,['Mrs. Croft'],F,minor\n` +
      `2,Tom,"['Tom', 'The Boy']",M,minor\n` +
      `3,_group,{'_group'},X,minor\n` +
      `4,Pat,['Pat'],U,minor\n` +
      `5,Mr. Hale,"{'Hale', '_narr', 'Narr'}",M,major\n`,
  );
  const cast = goldCastFile(chars);
  assert.deepEqual(cast.characters.map((c) => [c.id, c.name, c.gender]), [
    ['0', 'Ann Lee', 'she'],
    ['1', 'Mrs. Croft', 'she'],
    ['2', 'Tom', 'he'],
    ['4', 'Pat', 'unknown'],
    ['5', 'Mr. Hale', 'he'],
  ]);
  assert.deepEqual(cast.characters[0].aliases, ['Ann', 'Miss Lee']);
  assert.deepEqual(cast.characters[4].aliases, ['Hale', 'Narrator']);
  const r = speakerResolver(chars);
  assert.deepEqual(r('Ann Lee'), { id: '0', byAlias: false });
  assert.deepEqual(r('Mrs Croft'), { id: '1', byAlias: true });
  assert.deepEqual(r('The Boy'), { id: '2', byAlias: true });
  assert.equal(r('Stranger'), null);
});

test('code point offsets convert to UTF-16 offsets past astral characters', () => {
  const text = 'a😀b"hi"';
  const f = codePointToUtf16(text);
  // code points: a(0) 😀(1) b(2) "(3) h(4) i(5) "(6)
  assert.equal(text.slice(f(4), f(6)), 'hi');
  assert.equal(codePointToUtf16('plain')(3), 3);
});

function writeNovel(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const text = 'Tom came in. "Hello," said Tom. "Hi," said Ann.\n';
  writeFileSync(join(dir, 'novel_text.txt'), text);
  const hello = text.indexOf('Hello,');
  const hi = text.indexOf('Hi,');
  writeFileSync(
    join(dir, 'quotation_info.csv'),
    'quoteID,quoteText,subQuotationList,quoteByteSpans,speaker,addressees,quoteType,referringExpression,mentionTextsList,mentionSpansList,mentionEntitiesList\n' +
      `Q0,"Hello,","['Hello,']","[[${hello}, ${hello + 6}]]",Tom,['Ann'],Explicit,said Tom,[[]],[[]],[[]]\n` +
      `Q1,"Hi,","['Hi,']","[[${hi}, ${hi + 3}]]",Ann,['Tom'],Explicit,said Ann,[[]],[[]],[[]]\n`,
  );
  writeFileSync(join(dir, 'character_info.csv'), "Character ID,Main Name,Aliases,Gender,Category\n0,Tom,{'Tom'},M,major\n1,Ann,{'Ann'},F,major\n");
}

test('loading a constructed PDNC folder and running the command (table and JSON)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dramatis-eval-'));
  try {
    const dir = join(root, 'Tiny');
    writeNovel(dir);
    const novel = loadPdncNovel(dir);
    assert.equal(novel.quotes.length, 2);
    assert.equal(novel.text.slice(novel.quotes[0].spans[0], novel.quotes[0].spans[1]), 'Hello,');
    assert.equal(novel.quotes[1].speakerId, '1');

    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
    assert.equal(await runPdncEvalCommand([root], { json: true }, io), 0);
    const j = JSON.parse(out);
    assert.equal(j.novels.length, 1);
    assert.equal(j.novels[0].name, 'Tiny');
    assert.equal(j.overall.quotes.gold, 2);
    assert.equal(j.overall.goldCast.total, 2);
    for (const k of ['precision', 'recall', 'f1']) assert.ok(j.overall.quotes[k] >= 0 && j.overall.quotes[k] <= 1, "expected: j.overall.quotes[k] >= 0 && j.overall.quotes[k] <= 1");

    // Cross-validation needs at least as many novels as folds.
    err = '';
    assert.equal(await runPdncEvalCommand([dir], { json: false, cv: 5 }, io), 64);
    assert.match(err, /needs at least 5 novels/);
    writeNovel(join(root, 'Tiny2'));
    out = '';
    assert.equal(await runPdncEvalCommand([root], { json: false, cv: 2 }, io), 0);
    assert.match(out, /^Tiny\s/m);
    assert.match(out, /^Tiny2\s/m);
    assert.match(out, /^OVERALL\s/m);
    assert.match(out, /leave-novels-out cross-validation/);
    assert.match(out, /UNDETECTED GOLD QUOTATIONS COUNT AS WRONG/);

    err = '';
    assert.equal(await runPdncEvalCommand([join(root, 'nope')], { json: false }, io), 2);
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /not a PDNC novel folder/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
