/**
 * The CLI shell: commands, output, and every bad input a user can hand it. Most cases call `main()`
 * in-process (fast); a few spawn the process entry to check exit codes through a real process.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { Capture, runCli, type Run } from './helpers/run-cli.js';
import { writeFileAtomic } from '../src/cli/io.js';
import { formatSummary, truncate } from '../src/cli/summary.js';
import type { Analysis } from '../src/types.js';
import { GENERATED_PARAGRAPHS, generatedBlock } from '../scripts/generated-story.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const run = runCli;

/** A user error: the exit code, exactly one `dramatis: ` line on stderr, no stack, nothing on stdout. */
function assertFailure(r: Run, code: number, pattern?: RegExp): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, /^dramatis: [^\n]+\n$/, `one line on stderr, got: ${JSON.stringify(r.stderr)}`);
  assert.doesNotMatch(r.stderr, /^\s*at /m, 'no stack trace');
  if (pattern) assert.match(r.stderr, pattern);
}

const STORY = [
  'Chapter One',
  '',
  '“Is the ferry running?” asked Nell, shaking rain from her hood.',
  '',
  'The boatman squinted at her. “Not tonight,” he said. “Not for anyone.”',
  '',
  'Nell sat down on the wet bench and waited anyway.',
  '',
].join('\n');

const NO_QUOTES = 'The tide went out before dawn. Nobody spoke on the pier.\n\nBy noon the gulls had the harbour to themselves.\n';

let dir: string;
const p = (name: string): string => join(dir, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dramatis-cli-'));
  writeFileSync(p('story.txt'), STORY);
  writeFileSync(p('noquotes.txt'), NO_QUOTES);
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('blank.txt'), '  \n\n\t \r\n  \n');
  // A PNG-like header: binary, with NUL bytes.
  writeFileSync(p('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  // Undecodable garbage after a UTF-16 byte-order mark.
  writeFileSync(p('utf16ish.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x42, 0xc3, 0x28, 0x93, 0x94, 0x20, 0x41]));
  // Invalid bytes in the middle of otherwise plain text.
  writeFileSync(p('garbage.txt'), Buffer.concat([Buffer.from('Plain words here.\n'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(' more words\n')]));
  // Windows-1252 curly quotes (0x93 / 0x94) on line 3.
  writeFileSync(p('cp1252.txt'), Buffer.concat([Buffer.from('One line.\n\n'), Buffer.from([0x93]), Buffer.from('Hello,'), Buffer.from([0x94]), Buffer.from(' she said.\n')]));
  writeFileSync(p('cast.json'), JSON.stringify({ characters: [{ id: 'nell', name: 'Nell', gender: 'she' }, { name: 'the boatman', aliases: ['boatman'], gender: 'he' }] }));
  writeFileSync(p('bad-json.json'), '{"characters": [\n  {"name": "Nell",\n}');
  writeFileSync(p('bad-shape.json'), JSON.stringify({ people: ['Nell'] }));
  writeFileSync(p('bad-gender.json'), JSON.stringify({ characters: [{ name: 'Nell', gender: 'female' }] }));
  writeFileSync(p('bad-narrator.json'), JSON.stringify({ characters: [{ name: 'Nell', narrator: 'yes' }] }));
  mkdirSync(p('adir'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('analyze', () => {
  test('writes the Analysis JSON to stdout', async () => {
    const r = await run(['analyze', p('story.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.endsWith('\n'), "expected: r.stdout.endsWith('\\n')");
    assert.equal(r.stdout.trimEnd().split('\n').length, 1, 'compact JSON is one line');
    const a = JSON.parse(r.stdout) as Analysis;
    assert.equal(a.source, p('story.txt'));
    assert.equal(typeof a.version, 'string');
    assert.ok(a.stats.paragraphs >= 4, "expected: a.stats.paragraphs >= 4");
    assert.ok(Array.isArray(a.quotes) && Array.isArray(a.characters), "expected: Array.isArray(a.quotes) && Array.isArray(a.characters)");
  });

  test('--pretty indents', async () => {
    const r = await run(['analyze', '--pretty', p('story.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\{\n  "version": /);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse((await run(['analyze', p('story.txt')])).stdout));
  });

  test('- reads standard input (source null)', async () => {
    const r = await run(['analyze', '-'], { stdin: STORY });
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Analysis;
    assert.equal(a.source, null);
    const fromFile = JSON.parse((await run(['analyze', p('story.txt')])).stdout) as Analysis;
    assert.deepEqual(a.quotes, fromFile.quotes);
    assert.deepEqual(a.stats, fromFile.stats);
  });

  test('a story with no quotes is not an error: exit 0, zero quotes', async () => {
    const r = await run(['analyze', p('noquotes.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const a = JSON.parse(r.stdout) as Analysis;
    assert.equal(a.stats.quotes, 0);
    assert.equal(a.quotes.length, 0);
  });

  test('--cast uses the given cast (ids kept)', async (t) => {
    const r = await run(['analyze', '--cast', p('cast.json'), p('story.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Analysis;
    if (a.characters.length === 0) return t.skip('the cast stage is still a stub (no characters)');
    const ids = a.characters.map((c) => c.id);
    assert.ok(ids.includes('nell'), `given id kept: ${ids.join(',')}`);
  });

  test('-o - writes to standard output', async () => {
    const r = await run(['analyze', p('story.txt'), '-o', '-']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Analysis).source, p('story.txt'));
    assert.ok(!existsSync('-'), "expected: !existsSync('-')");
  });

  test('-o writes the file atomically and leaves no temp file', async () => {
    const out = p('out/ok.json');
    mkdirSync(p('out'), { recursive: true });
    writeFileSync(out, 'old contents');
    const r = await run(['analyze', p('story.txt'), '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '', 'nothing on stdout with -o');
    assert.equal(r.stderr, '');
    const a = JSON.parse(readFileSync(out, 'utf8')) as Analysis;
    assert.equal(a.source, p('story.txt'));
    assert.deepEqual(readdirSync(p('out')), ['ok.json']);
  });
});

describe('summary', () => {
  test('prints the title line, cast, lines and quotes', async () => {
    const r = await run(['summary', '--cast', p('cast.json'), p('story.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], p('story.txt').length <= 80 ? p('story.txt') : lines[0]);
    assert.match(lines[0], /story\.txt$/);
    assert.match(lines[1], /^\d+ words, \d+ paragraphs, \d+ quotes?, \d+ characters?, 1 chapter$/);
    assert.match(r.stdout, /^(Cast \(\d+\)|Cast: none found)$/m);
    assert.match(r.stdout, /^(Lines|First \d+ of \d+ lines)/m);
    for (const l of lines) assert.ok(Array.from(l).length <= 80, `line within 80 columns: ${l}`);
  });

  test('a story with no quotes says so', async () => {
    const r = await run(['summary', p('noquotes.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout.split('\n')[1], /, 0 quotes,/);
    assert.match(r.stdout, /^Quotes: none found$/m);
  });

  test('truncates to the terminal width when stdout is a TTY', async () => {
    const long = `“${'The lantern swung and swung in the wind off the water '.repeat(4)}” said Nell.\n`;
    const r = await run(['summary', '-'], { stdin: long, tty: { columns: 40 } });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.some((l) => l.endsWith('…')), 'a long quote is cut');
    for (const l of lines) assert.ok(Array.from(l).length <= 40, `within 40 columns: ${JSON.stringify(l)}`);
    assert.equal(lines[0], 'standard input');
    assert.match(lines[1], /^46 words, 1 paragraph,/);
  });
});

describe('bad input: exit 2, one line, no output', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => ['analyze', p('nope.txt')], /cannot read file .*nope\.txt: no such file/],
    ['a directory', () => ['analyze', p('adir')], /adir: it is a directory/],
    ['binary bytes', () => ['analyze', p('image.png')], /looks binary/],
    ['an empty file', () => ['analyze', p('empty.txt')], /empty\.txt is empty/],
    ['a whitespace-only file', () => ['analyze', p('blank.txt')], /blank\.txt contains only white space/],
    ['summary of a missing file', () => ['summary', p('nope.txt')], /no such file/],
    ['cast file: invalid JSON', () => ['analyze', '--cast', p('bad-json.json'), p('story.txt')], /cast file .*bad-json\.json is not valid JSON/],
    ['cast file: wrong shape', () => ['analyze', '--cast', p('bad-shape.json'), p('story.txt')], /must be an object with a "characters" array/],
    ['cast file: bad gender', () => ['summary', '--cast', p('bad-gender.json'), p('story.txt')], /gender must be one of/],
    ['cast file: bad narrator', () => ['summary', '--cast', p('bad-narrator.json'), p('story.txt')], /narrator must be true or false/],
    ['cast file: missing', () => ['analyze', '--cast', p('nocast.json'), p('story.txt')], /cannot read cast file .*nocast\.json/],
    ['cast file: a directory', () => ['analyze', '--cast', p('adir'), p('story.txt')], /cannot read cast file .*it is a directory/],
  ];
  for (const [name, args, pattern] of cases) {
    test(name, async () => {
      const out = p(`never-${name.replace(/\W+/g, '-')}.json`);
      if (args()[0] === 'analyze') {
        assertFailure(await run([...args(), '-o', out]), 2, pattern);
        assert.ok(!existsSync(out), 'no output file');
      }
      assertFailure(await run(args()), 2, pattern);
    });
  }

  test('encodings are decoded, with a warning when guessed or lossy (src/input, test/input*.test.ts)', async () => {
    const cp = JSON.parse((await run(['analyze', p('cp1252.txt')])).stdout) as Analysis;
    assert.equal(cp.input?.encoding, 'windows-1252');
    assert.equal(cp.quotes[0]?.text, 'Hello,');
    assert.ok(cp.warnings.some((w) => w.code === 'encoding-guessed' && /byte 0x93 on line 3/.test(w.message)), "expected: cp.warnings.some((w) => w.code === 'encoding-guessed' && /byte 0x93 on line 3/.test(w.m...");
    const bad = JSON.parse((await run(['analyze', p('garbage.txt')])).stdout) as Analysis;
    assert.ok(bad.warnings.some((w) => /byte 0xff on line 2/.test(w.message)), "expected: bad.warnings.some((w) => /byte 0xff on line 2/.test(w.message))");
    const u16 = await run(['analyze', p('utf16ish.txt')]);
    assert.equal(u16.code, 0, u16.stderr);
    assert.equal((JSON.parse(u16.stdout) as Analysis).input?.encoding, 'utf-16le');
  });

  test('empty standard input', async () => {
    assertFailure(await run(['analyze', '-'], { stdin: '' }), 2, /standard input is empty/);
  });

  test('standard input over the 128 MB limit is refused as soon as it passes it', async () => {
    const mb = new Uint8Array(1024 * 1024).fill(0x61);
    let given = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        given++;
        yield mb;
      }
    }
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['analyze', '-', '-o', p('stdin-big.json')], { stdout, stderr, stdin: endless() });
    assertFailure({ code, stdout: stdout.text, stderr: stderr.text }, 2, /^dramatis: standard input is over the limit of 128 MB\n$/);
    assert.equal(given, 129, 'stops reading at the limit');
    assert.ok(!existsSync(p('stdin-big.json')), "expected: !existsSync(p('stdin-big.json'))");
  });

  test('a cast file that is not UTF-8', async () => {
    writeFileSync(p('cast-latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    assertFailure(await run(['summary', '--cast', p('cast-latin1.json'), p('story.txt')]), 2, /cast file .*cast-latin1\.json is not valid UTF-8/);
  });

  test('binary standard input', async () => {
    assertFailure(await run(['summary', '-'], { stdin: Buffer.from([1, 2, 0, 4]) }), 2, /standard input looks binary/);
  });
});

describe('usage errors: exit 64', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['analyze', '--frobnicate', 'x.txt'], /unknown option '--frobnicate'/],
    ['unknown command', ['analyse', 'x.txt'], /unknown command 'analyse'/],
    ['missing FILE', ['summary'], /missing required argument 'file'/],
    ['option without its value', ['analyze', 'x.txt', '--cast'], /option '--cast <cast.json>' argument missing/],
    ['too many arguments', ['analyze', 'a.txt', 'b.txt'], /too many arguments/],
    ['no command', [], /missing command/],
    ['eval without corpus', ['eval'], /missing evaluation/],
    ['eval pdnc: bad --cv', ['eval', 'pdnc', 'somewhere', '--cv', 'three'], /--cv.*whole number/],
    ['eval pdnc: --cv 1', ['eval', 'pdnc', 'somewhere', '--cv', '1'], /--cv.*between 2 and 1000/],
  ];
  for (const [name, args, pattern] of cases) {
    test(name, async () => {
      assertFailure(await run(args), 64, pattern);
      if (args[0] === 'analyze' && !args.includes('--cast')) {
        const out = p('usage-out.json');
        assertFailure(await run([...args, '-o', out]), 64, pattern);
        assert.ok(!existsSync(out), 'no output file');
      }
    });
  }
});

describe('output errors: exit 73', () => {
  test('-o in a directory that does not exist: nothing created', async () => {
    const out = p('no-such-dir/deeper/out.json');
    assertFailure(await run(['analyze', p('story.txt'), '-o', out]), 73, /cannot write .*out\.json: directory .* does not exist/);
    assert.ok(!existsSync(p('no-such-dir')), 'no directory created');
  });

  test('-o naming a directory', async () => {
    assertFailure(await run(['analyze', p('story.txt'), '-o', p('adir')]), 73, /it is a directory/);
    assert.deepEqual(readdirSync(p('adir')), []);
  });

  test('-o under a regular file', async () => {
    assertFailure(await run(['analyze', p('story.txt'), '-o', join(p('story.txt'), 'out.json')]), 73, /is not a directory/);
  });

  test('a failed rename removes the temp file and leaves the target alone', async () => {
    mkdirSync(p('target-dir/inner'), { recursive: true });
    await assert.rejects(writeFileAtomic(p('target-dir'), '{}', 99), (e: Error & { exitCode?: number }) => {
      assert.equal(e.exitCode, 73);
      assert.match(e.message, /^cannot write .*target-dir: /);
      return true;
    });
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temp file left');
    assert.deepEqual(readdirSync(p('target-dir')), ['inner']);
  });
});

describe('help, version, internal errors', () => {
  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  test('--help lists the commands and exit codes', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    for (const w of ['analyze', 'summary', 'eval', 'Exit codes']) assert.ok(r.stdout.includes(w), w);
    const sub = await run(['analyze', '--help']);
    assert.equal(sub.code, 0);
    for (const w of ['--cast', '--output', '--pretty']) assert.ok(sub.stdout.includes(w), w);
  });

  test('an internal failure is one line and exit 1; the stack only with DRAMATIS_DEBUG=1', async () => {
    const boom = { write: (): never => { throw new TypeError('stdout exploded'); } };
    const stderr = new Capture();
    const code = await main(['analyze', p('story.txt')], { stdout: boom, stderr, env: {} });
    assert.equal(code, 1);
    assert.equal(stderr.text, 'dramatis: internal error: stdout exploded\n');
    const debug = new Capture();
    assert.equal(await main(['analyze', p('story.txt')], { stdout: boom, stderr: debug, env: { DRAMATIS_DEBUG: '1' } }), 1);
    assert.match(debug.text, /^dramatis: internal error: stdout exploded\nTypeError: stdout exploded\n\s+at /);
  });

  test('eval pdnc reaches the evaluation (a folder without novels is an input error)', async () => {
    const r = await run(['eval', 'pdnc', p('adir')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^dramatis[^\n]*: [^\n]*not a PDNC novel folder[^\n]*\n$/);
  });
});

describe('large input', () => {
  test('a file over the 128 MB limit is refused before it is read', async () => {
    const big = p('huge.txt');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 129 * 1024 * 1024); // sparse: no real disk use
    const t0 = performance.now();
    assertFailure(await run(['analyze', big, '-o', p('huge.json')]), 2, /huge\.txt is 129\.0 MB; the limit is 128 MB/);
    assert.ok(performance.now() - t0 < 1000, 'refused without reading');
    assert.ok(!existsSync(p('huge.json')), "expected: !existsSync(p('huge.json'))");
    rmSync(big);
  });

  test('a 50 MB story is analysed (or refused cleanly)', { timeout: 240_000 }, async () => {
    const paragraphs = GENERATED_PARAGRAPHS;
    const block = generatedBlock('\n');
    const copies = Math.ceil((50 * 1024 * 1024) / block.length);
    const big = p('fifty.txt');
    writeFileSync(big, Buffer.concat(Array.from({ length: copies }, () => block)));
    const size = statSync(big).size;
    assert.ok(size >= 50 * 1024 * 1024, "expected: size >= 50 * 1024 * 1024");
    const out = p('fifty.json');
    const t0 = performance.now();
    const r = await run(['analyze', big, '-o', out]);
    const ms = performance.now() - t0;
    if (r.code === 0) {
      const a = JSON.parse(readFileSync(out, 'utf8')) as Analysis;
      assert.equal(a.stats.paragraphs, copies * paragraphs.length);
      assert.equal(a.stats.codePoints, copies * block.toString('utf8').length);
    } else {
      assertFailure(r, 2);
      assert.ok(!existsSync(out), "expected: !existsSync(out)");
    }
    console.log(`# 50 MB story: exit ${r.code} in ${(ms / 1000).toFixed(1)} s`);
    rmSync(big);
    rmSync(out, { force: true });
  });
});

describe('formatSummary (pure)', () => {
  // Only the fields the summary reads; the rest of a real Analysis does not matter here.
  const analysis = {
    version: '1.0.0',
    source: 'tale.txt',
    stats: { codePoints: 1000, paragraphs: 9, sentences: 20, tokens: 240, quotes: 15, utterances: 14, mentions: 30 },
    chapters: [],
    characters: [
      { id: 'a', name: 'Ada Pell', aliases: ['Ada', 'Miss Pell'], gender: 'she', mentions: 12, quotes: 9 },
      { id: 'b', name: 'Tobias', aliases: [], gender: 'he', mentions: 4, quotes: 3 },
    ],
    quotes: [],
    warnings: [{ code: 'unbalanced-quote', message: 'a quote mark\nis never closed', start: 3 }],
  } as unknown as Analysis;
  // 14 utterances; utterance 0 has two spans; speakers a, b, and two unknown.
  analysis.quotes.push({ start: 0, end: 5, text: 'First', utterance: 0, speaker: 'a', addressees: [], confidence: 0.912, cue: 'tag-name' });
  analysis.quotes.push({ start: 20, end: 25, text: 'half', utterance: 0, speaker: 'a', addressees: [], confidence: 0.912, cue: 'tag-name' });
  for (let u = 1; u < 14; u++) {
    const speaker = u % 7 === 0 ? null : u % 3 === 0 ? 'b' : 'a';
    analysis.quotes.push({ start: 40 * u, end: 40 * u + 10, text: `line\n${u}`, utterance: u, speaker, addressees: [], confidence: speaker ? 0.5 : 0, cue: 'turn-taking' });
  }

  test('title, cast, lines per character, first 12 quotes, warnings', () => {
    const s = formatSummary(analysis, { width: 80, words: 1234 });
    const lines = s.split('\n');
    assert.equal(lines[0], 'tale.txt');
    assert.equal(lines[1], '1,234 words, 9 paragraphs, 15 quotes, 2 characters');
    assert.match(s, /^ {2}Ada Pell +she +12 +9 +Ada, Miss Pell$/m);
    assert.match(s, /^ {2}Tobias +he +4 +4 +-$/m);
    assert.match(s, /^Lines per character \(14 lines\)$/m);
    assert.match(s, /^ {2}Ada Pell +9 +64% +#+$/m);
    assert.match(s, /^ {2}\? +1 +7% +#+$/m);
    assert.match(s, /^First 12 of 14 lines$/m);
    assert.match(s, /^ {2}Ada Pell \(0\.91\): “First … half”$/m);
    assert.match(s, /^ {2}\? \(0\.00\): “line 7”$/m, 'unknown speaker shown as ?, newlines folded');
    assert.doesNotMatch(s, /“line 12”/, 'only the first 12 lines');
    assert.match(s, /^ {2}unbalanced-quote: a quote mark is never closed$/m);
    for (const l of lines) assert.ok(Array.from(l).length <= 80, "expected: Array.from(l).length <= 80");
  });

  test('narrow widths cut every line', () => {
    const s = formatSummary(analysis, { width: 30, words: 1 });
    for (const l of s.split('\n')) assert.ok(Array.from(l).length <= 30, l);
    assert.match(s, /^1 word, 9 paragraphs, 15 quot…$/m);
  });

  test('without a word count it reports tokens; without a source, the given name', () => {
    const s = formatSummary({ ...analysis, source: null }, { sourceName: 'standard input' });
    assert.match(s, /^standard input\n240 tokens, 9 paragraphs,/);
  });

  test('a long source path is shortened from the left', () => {
    const path = '/very/long/path/to/some/deeply/nested/folder/of/stories/tale.txt';
    const s = formatSummary({ ...analysis, source: path }, { width: 30, words: 1234 });
    assert.equal(s.split('\n')[0], '…' + path.slice(-29));
    assert.equal(s.split('\n')[1], '1,234 words, 9 paragraphs, 15…');
  });

  test('truncate counts code points, not UTF-16 units', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('abc', 3), 'abc');
    assert.equal(truncate('𝒜𝒜𝒜', 3), '𝒜𝒜𝒜');
    assert.equal(truncate('𝒜𝒜𝒜𝒜', 3), '𝒜𝒜…');
  });
});

describe('as a process', () => {
  const devBin = join(ROOT, 'src/cli/bin-dev.ts');
  const spawnDev = (args: string[], input?: string | Buffer) =>
    spawnSync(process.execPath, ['--import', 'tsx', devBin, ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8', timeout: 60_000 });

  test('exit codes pass through the process', () => {
    const ok = spawnDev(['summary', '-'], '“Hello,” said the clerk.\n');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^standard input\n\d+ words/);
    const missing = spawnDev(['analyze', join(dir, 'missing.txt')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^dramatis: cannot read file .*missing\.txt: no such file or directory\n$/);
    assert.equal(missing.stdout, '');
    const usage = spawnDev(['analyze', '--nope']);
    assert.equal(usage.status, 64);
    assert.match(usage.stderr, /^dramatis: unknown option '--nope'\n$/);
    const outErr = spawnDev(['analyze', join(dir, 'story.txt'), '-o', join(dir, 'nowhere/out.json')]);
    assert.equal(outErr.status, 73);
  });

  test('the built bin (if built) answers --version', { skip: existsSync(join(ROOT, 'dist/cli/main.js')) ? false : 'dist/ not built' }, () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/dramatis.js'), '--version'], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
