/**
 * Hostile and broken input (src/input): each gets a clear one-line InputError (exit 2 in the CLI)
 * or a best-effort result with a warning — never a crash, a hang, or a file written anywhere.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStory } from '../src/index.js';
import { InputError, ExitCode } from '../src/errors.js';
import { main } from '../src/cli/main.js';
import { readEpub } from '../src/input/epub.js';
import { ZIP_LIMITS } from '../src/input/zip.js';
import { MAX_INPUT_BYTES } from '../src/document/decode.js';
import { Document } from '../src/document/document.js';
import { STAGES } from '../src/pipeline/run.js';
import { makeZip, crc32, CONTAINER, xhtml, opf, type ZipEntry } from './fixtures/input/zip-writer.js';

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `an InputError, got ${String(e)}`);
    assert.equal(e.exitCode, ExitCode.Input);
    assert.doesNotMatch(e.message, /\n/, 'one line');
    assert.match(e.message, pattern);
    return true;
  });
}

const CH = (text: string): string => xhtml(`<p>${text}</p>`);

function epub(extra: ZipEntry[] = [], opfText?: string): Buffer {
  return makeZip([
    { name: 'mimetype', data: 'application/epub+zip' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    {
      name: 'OEBPS/content.opf',
      data:
        opfText ??
        opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml'], ['c2', 'c2.xhtml', 'application/xhtml+xml']], spine: ['c1', 'c2'] }),
    },
    { name: 'OEBPS/c1.xhtml', data: CH('“One,” said Ann.') },
    { name: 'OEBPS/c2.xhtml', data: CH('“Two,” said Bea.') },
    ...extra,
  ]);
}

describe('broken zip archives', () => {
  test('a good EPUB for comparison', async () => {
    const s = await readStory(epub(), 'book.epub');
    assert.equal(s.text, 'Chapter 1\n\n“One,” said Ann.\n\nChapter 2\n\n“Two,” said Bea.\n');
  });

  test('truncated EPUB: cut in half, cut before the end record, cut by one byte', async () => {
    const whole = epub();
    for (const n of [whole.length >> 1, whole.length - 10, whole.length - 1, 30]) {
      await refused(readStory(whole.subarray(0, n), 'book.epub'), /^book\.epub is a damaged or truncated zip archive \(/);
    }
  });

  test('invalid zip: a zip signature followed by garbage; a central directory pointing past the end', async () => {
    await refused(readStory(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 0x41)]), 'junk.epub'), /damaged or truncated zip archive/);
    const z = epub();
    const bad = Buffer.from(z);
    bad.writeUInt32LE(0x7fffffff, bad.length - 6); // central directory offset
    await refused(readStory(bad, 'bad.epub'), /damaged or truncated zip archive/);
  });

  test('a damaged entry (corrupt deflate data) is a clear error', async () => {
    const z = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) },
      { name: 'OEBPS/c1.xhtml', raw: { compressed: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), size: 100, crc: 0 }, data: '' },
    ]);
    await refused(readStory(z, 'bad.epub'), /^bad\.epub: cannot read OEBPS\/c1\.xhtml \(/);
  });

  test('a zip that is not an EPUB (no OPF)', async () => {
    const z = makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    await refused(readStory(z, 'report.docx'), /^report\.docx is a zip archive but not an EPUB: it has no OPF package file$/);
  });
});

describe('entries that escape the archive', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-escape-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('entries named ../x, /abs and C:\\x are ignored with a warning; hrefs pointing outside are skipped; nothing is written', async () => {
    const z = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: opf({
          items: [
            ['c1', 'c1.xhtml', 'application/xhtml+xml'],
            ['evil', '../../../escape.xhtml', 'application/xhtml+xml'],
            ['c2', 'c2.xhtml', 'application/xhtml+xml'],
          ],
          spine: ['c1', 'evil', 'c2'],
        }),
      },
      { name: 'OEBPS/c1.xhtml', data: CH('“One,” said Ann.') },
      { name: '../../escape.xhtml', data: CH('ESCAPED TEXT') },
      { name: '/tmp/abs.xhtml', data: CH('ABSOLUTE TEXT') },
      { name: 'C:\\win.xhtml', data: CH('DRIVE TEXT') },
      { name: 'OEBPS/c2.xhtml', data: CH('“Two,” said Bea.') },
    ]);
    const before = readdirSync(dir);
    const s = await readStory(z, 'escape.epub');
    assert.equal(s.text, 'Chapter 1\n\n“One,” said Ann.\n\nChapter 2\n\n“Two,” said Bea.\n');
    assert.ok(!/ESCAPED|ABSOLUTE|DRIVE/.test(s.text), "expected: !/ESCAPED|ABSOLUTE|DRIVE/.test(s.text)");
    const codes = s.warnings.map((w) => w.code).sort();
    assert.deepEqual(codes, ['epub-unsafe-entry', 'epub-unsafe-path']);
    assert.match(s.warnings.find((w) => w.code === 'epub-unsafe-entry')!.message, /^3 entries with a name outside the archive ignored/);
    // Through the CLI, into a directory: only the -o file appears.
    const epubPath = join(dir, 'escape.epub');
    writeFileSync(epubPath, z);
    let err = '';
    const code = await main(['analyze', epubPath, '-o', join(dir, 'out.json')], { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, pid: 1 });
    assert.equal(code, 0, err);
    assert.deepEqual(readdirSync(dir).sort(), [...before, 'escape.epub', 'out.json'].sort());
    assert.ok(!existsSync(join(dir, '..', 'escape.xhtml')), "expected: !existsSync(join(dir, '..', 'escape.xhtml'))");
    assert.ok(!existsSync('/tmp/abs.xhtml'), "expected: !existsSync('/tmp/abs.xhtml')");
  });

  test('container.xml pointing outside the archive, and nothing else usable: a clear error', async () => {
    const z = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER.replace('OEBPS/content.opf', '../../content.opf') },
      { name: '../../content.opf', data: opf({ items: [], spine: [] }) },
    ]);
    await refused(readStory(z, 'evil.epub'), /^evil\.epub is not a usable EPUB: it has no OPF package file inside the archive \(1 entries with names outside the archive were ignored\)$/);
  });
});

describe('zip bombs: bounded entry count and inflated size', () => {
  const small = { maxEntries: 50, maxEntryBytes: 1 << 20, maxTotalBytes: 3 << 20 };

  test('the default bounds', () => {
    assert.deepEqual(ZIP_LIMITS, { maxEntries: 20_000, maxEntryBytes: 64 << 20, maxTotalBytes: 256 << 20 });
  });

  test('too many entries: refused before any is read', async () => {
    const many: ZipEntry[] = Array.from({ length: 60 }, (_, i) => ({ name: `OEBPS/x${i}.css`, data: 'p{}' }));
    await refused(readEpub(epub(many), 'many.epub', small), /^many\.epub has 65 entries; the limit is 50$/);
  });

  test('an entry that honestly declares a huge size is refused without inflating it', async () => {
    // 200 MB of spaces inside <p>: about 200 KB deflated. Declared size 200 MB.
    const size = 200 << 20;
    const compressed = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
    const z = epub([], opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml']], spine: ['c1'] }).replace('c1.xhtml', 'bomb.xhtml'));
    const bomb = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'bomb.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) },
      { name: 'OEBPS/bomb.xhtml', raw: { compressed, size, crc: 0 }, data: '' },
    ]);
    assert.ok(z.length > 0 && bomb.length < 1 << 20, 'the bomb is small');
    const t0 = performance.now();
    await refused(readStory(bomb, 'bomb.epub'), /^bomb\.epub: OEBPS\/bomb\.xhtml inflates to 200 MB; the limit is 64 MB per entry$/);
    assert.ok(performance.now() - t0 < 2000, "expected: performance.now() - t0 < 2000");
  });

  test('an entry that lies about its size is stopped at the bound while inflating', async () => {
    const data = Buffer.alloc(4 << 20, 0x20);
    const compressed = deflateRawSync(data);
    const lying = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'bomb.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) },
      { name: 'OEBPS/bomb.xhtml', raw: { compressed, size: 1000, crc: crc32(data) }, data: '' },
    ]);
    // The default reader: yauzl checks the actual size against the declared one.
    await refused(readStory(lying, 'liar.epub'), /^liar\.epub: cannot read OEBPS\/bomb\.xhtml \(too many bytes in the stream/);
    // With a small per-entry bound and an honest header: our own count stops it.
    const honest = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'bomb.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) },
      { name: 'OEBPS/bomb.xhtml', raw: { compressed, size: 900_000, crc: crc32(data) }, data: '' },
    ]);
    await refused(readEpub(honest, 'liar.epub', small), /too many bytes in the stream|inflates to more than 1 MB/);
  });

  test('many entries that each pass but add up: the per-archive bound', async () => {
    const chunk = Buffer.from(xhtml(`<p>${'word '.repeat(180_000)}</p>`));
    const items: [string, string, string][] = [];
    const entries: ZipEntry[] = [];
    for (let i = 0; i < 5; i++) {
      items.push([`c${i}`, `c${i}.xhtml`, 'application/xhtml+xml']);
      entries.push({ name: `OEBPS/c${i}.xhtml`, data: chunk });
    }
    const z = makeZip([{ name: 'META-INF/container.xml', data: CONTAINER }, { name: 'OEBPS/content.opf', data: opf({ items, spine: items.map((i) => i[0]) }) }, ...entries]);
    await refused(readEpub(z, 'sum.epub', small), /^sum\.epub inflates to more than 3 MB; the limit per archive \(a zip bomb\?\)$/);
  });
});

describe('missing OPF or spine', () => {
  test('container.xml names a missing OPF and there is none: error', async () => {
    const z = makeZip([
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/c1.xhtml', data: CH('text') },
    ]);
    await refused(readStory(z, 'noopf.epub'), /^noopf\.epub is a zip archive but not an EPUB: it has no OPF package file$/);
  });

  test('no container.xml but an OPF: read, with a warning', async () => {
    const z = makeZip([
      { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) },
      { name: 'OEBPS/c1.xhtml', data: CH('“One,” said Ann.') },
    ]);
    const s = await readStory(z);
    assert.equal(s.text, '“One,” said Ann.\n');
    assert.deepEqual(s.warnings.map((w) => w.code), ['epub-no-container']);
  });

  test('no spine: the manifest order, with a warning', async () => {
    const s = await readStory(epub([], opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml'], ['css', 's.css', 'text/css'], ['c2', 'c2.xhtml', 'application/xhtml+xml']], spine: null })));
    assert.equal(s.text, 'Chapter 1\n\n“One,” said Ann.\n\nChapter 2\n\n“Two,” said Bea.\n');
    assert.deepEqual(s.warnings.map((w) => w.code), ['epub-no-spine']);
  });

  test('a spine naming missing items and a manifest without documents: error', async () => {
    await refused(readStory(epub([], opf({ items: [['css', 's.css', 'text/css']], spine: ['nope'] })), 'empty.epub'), /^empty\.epub is not a usable EPUB: its spine is empty and no XHTML documents$/);
  });

  test('a spine item missing from the archive is skipped with a warning', async () => {
    const s = await readStory(epub([], opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml'], ['gone', 'gone.xhtml', 'application/xhtml+xml']], spine: ['c1', 'gone'] })));
    assert.equal(s.text, '“One,” said Ann.\n');
    assert.deepEqual(s.warnings.map((w) => w.code), ['epub-missing-document']);
  });

  test('an EPUB with no story text at all', async () => {
    await refused(readStory(epub([], opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml']], spine: ['c1'] })).subarray(0), 'x.epub').then(() => readStory(makeZip([{ name: 'META-INF/container.xml', data: CONTAINER }, { name: 'OEBPS/content.opf', data: opf({ items: [['c1', 'c1.xhtml', 'application/xhtml+xml']], spine: ['c1'] }) }, { name: 'OEBPS/c1.xhtml', data: xhtml('<script>x</script>') }]), 'blank.epub')), /^blank\.epub has no story text \(no paragraphs found in the EPUB\)$/);
  });
});

describe('malformed and deeply nested HTML', () => {
  test('unclosed, misnested and stray tags, unquoted attributes, an unterminated comment: text kept', async () => {
    const html = '<html><body><div class=x><p>One <b>two <i>three</b> four</i> five.<p>Six</span></div></div></div><p>Seven <a href=x>eight</p><table><tr><td>nine<td>ten</table><p>eleven<!-- never closed';
    const s = await readStory(Buffer.from(html), 'bad.html');
    assert.equal(s.text, 'One two three four five.\n\nSix\n\nSeven eight\n\nnine\n\nten\n\neleven\n');
  });

  test('200,000 nested elements: linear, text kept, flattened with a warning', async () => {
    const n = 200_000;
    const html = '<html><body>' + '<div>'.repeat(n) + '<p>Deep “words,” said Ann.</p>' + '<b>'.repeat(n) + 'bold' + '</span>'.repeat(n) + '</body></html>';
    const t0 = performance.now();
    const s = await readStory(Buffer.from(html), 'deep.html');
    const ms = performance.now() - t0;
    assert.equal(s.text, 'Deep “words,” said Ann.\n\nbold\n');
    assert.equal(s.warnings[0].code, 'html-too-deep');
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  test('HTML with only navigation and scripts: no story text', async () => {
    await refused(readStory(Buffer.from('<html><body><nav><a href="/">Home</a></nav><script>var x = "“hi,” said X";</script></body></html>'), 'nav.html'), /^nav\.html has no story text \(no paragraphs found in the HTML\)$/);
  });
});

describe('size, NULs, invalid bytes', () => {
  test('over the size limit: refused before decoding', async () => {
    const t0 = performance.now();
    await refused(readStory(new Uint8Array(MAX_INPUT_BYTES + 1), 'huge.txt'), /^huge\.txt is 128\.0 MB; the limit is 128 MB$/);
    assert.ok(performance.now() - t0 < 500, "expected: performance.now() - t0 < 500");
  });

  test('NUL bytes: a few are removed with a warning; many mean binary', async () => {
    const s = await readStory(Buffer.from('"Hi,"\u0000 said Ann.\n\n' + 'More words here. '.repeat(20)), 'nul.txt');
    assert.ok(s.text.startsWith('"Hi," said Ann.'), "expected: s.text.startsWith('\"Hi,\" said Ann.')");
    assert.deepEqual(s.warnings.map((w) => w.code), ['nul-removed']);
    const h = await readStory(Buffer.from('<p>One\u0000 two.</p>' + '<p>x</p>'.repeat(20)), 'nul.html');
    assert.ok(h.text.startsWith('One two.'), "expected: h.text.startsWith('One two.')");
    await refused(readStory(Buffer.from('a\u0000b\u0000c\u0000d\u0000e\u0000f\u0000g\u0000h\u0000'.repeat(10) + 'x'.repeat(2000)), 'bin.txt'), /looks binary/);
  });

  test('invalid UTF-8 sequences: a best-effort text with a warning', async () => {
    const bytes = Buffer.concat([Buffer.from('“Fine,” said Ann — '), Buffer.from([0xc3, 0x28, 0xe2, 0x82]), Buffer.from(' ok.\n')]);
    const s = await readStory(bytes, 'bad.txt');
    assert.equal(s.encoding, 'utf-8');
    assert.equal(s.warnings[0].code, 'invalid-utf8');
    assert.match(s.warnings[0].message, /^3 bytes of bad\.txt are not valid UTF-8 \(first: byte 0xc3 on line 1\)/);
    assert.ok(s.text.startsWith('“Fine,” said Ann — '), "expected: s.text.startsWith('“Fine,” said Ann — ')");
  });

  test('binary formats are named: PDF, gzip, PNG', async () => {
    await refused(readStory(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n'), 'doc.pdf'), /^doc\.pdf looks binary \(a PDF document\), not a text file/);
    await refused(readStory(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), 'x.gz'), /looks binary/);
  });
});

describe('one huge paragraph, adversarial quote marks: linear', () => {
  /** Time of the stages up to the cast (attribution is measured separately; see the report). */
  function stageMs(text: string): number {
    const doc = new Document(text);
    const t0 = performance.now();
    for (const s of STAGES) {
      if (s.assigns === 'attribution') break;
      s.run(doc, {});
      doc.layers.push(s.assigns);
    }
    return performance.now() - t0;
  }

  test('a single 5 MB paragraph: extracted from HTML and text, and the stages up to the cast stay linear', { timeout: 120_000 }, async () => {
    const unit = '“The bell rang twice,” said Ada, counting on her fingers. “Twice means the mail boat.” Her brother did not look up. ';
    const para = (mb: number): string => unit.repeat(Math.ceil((mb * 1e6) / unit.length));
    const big = para(5);
    const t0 = performance.now();
    const h = await readStory(Buffer.from(`<html><body><p>${big}</p></body></html>`), 'one.html');
    assert.equal(h.text, big.trimEnd() + '\n');
    const t = await readStory(Buffer.from(big), 'one.txt');
    assert.equal(t.text, big);
    const readMs = performance.now() - t0;
    assert.ok(readMs < 10_000, `reading took ${readMs} ms`);
    stageMs(para(0.2)); // warm-up
    const one = stageMs(para(1));
    const four = stageMs(para(4));
    console.log(`# one paragraph, stages up to cast: 1 MB ${one.toFixed(0)} ms, 4 MB ${four.toFixed(0)} ms (ratio ${(four / one).toFixed(1)})`);
    assert.ok(four < one * 8, `4x the text took ${(four / one).toFixed(1)}x the time`);
  });

  test('adversarial quote marks (unbalanced, alternating, apostrophes only) stay linear', { timeout: 120_000 }, () => {
    for (const unit of ['"', '“', '” “', "'tis '", '"a" "', '«»‹›', '" \n\n']) {
      const a = stageMs(unit.repeat(Math.ceil(250_000 / unit.length)));
      const b = stageMs(unit.repeat(Math.ceil(1_000_000 / unit.length)));
      assert.ok(b < Math.max(a * 8, 300), `${JSON.stringify(unit)}: 4x the text took ${(b / a).toFixed(1)}x (${a.toFixed(0)} → ${b.toFixed(0)} ms)`);
    }
  });
});
