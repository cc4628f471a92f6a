/**
 * Reading what readers have (src/input): AO3 HTML downloads, saved FanFiction.Net pages, other pages,
 * EPUBs (AO3, FanFicFare, EPUB 2 and 3), pasted text, encodings; one story across chapters; the
 * Analysis' input/work fields; the CLI's --emit-text and per-chapter presence. Fixtures are our own
 * hand-written files in the shapes of ../shared/formats/fan-fiction-sources.md.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { analyze, analyzeFile, analyzeStory, readStory } from '../src/index.js';
import { runCli } from './helpers/run-cli.js';
import type { Analysis } from '../src/types.js';
import { makeZip, CONTAINER, xhtml, opf } from './fixtures/input/zip-writer.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIX = join(ROOT, 'test/fixtures/input');
const fixture = (name: string): Buffer => readFileSync(join(FIX, name));
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/analysis.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Offsets are code points into the text the Analysis says it indexes. */
function checkOffsets(a: Analysis, text: string): void {
  const cps = Array.from(text);
  assert.equal(a.stats.codePoints, cps.length);
  for (const q of a.quotes) assert.equal(cps.slice(q.start, q.end).join(''), q.text);
  for (const c of a.chapters) {
    assert.equal(cps.slice(c.start, c.start + Array.from(c.title).length).join(''), c.title, 'a chapter starts at its heading');
    assert.ok(c.end === undefined || c.end >= c.start, "expected: c.end === undefined || c.end >= c.start");
  }
  assert.equal(a.input?.sha256, createHash('sha256').update(text, 'utf8').digest('hex'));
  assert.equal(validate(a), true, JSON.stringify(validate.errors));
}

function speakerOf(a: Analysis, quoteText: string): string | null {
  const q = a.quotes.find((x) => x.text === quoteText);
  assert.ok(q, `quote ${JSON.stringify(quoteText)} found`);
  return a.characters.find((c) => c.id === q.speaker)?.name ?? null;
}

describe('AO3 HTML download', () => {
  test('story text: paragraphs, emphasis words, chapter headings, scene breaks; no preface, notes or afterword', async () => {
    const s = await readStory(fixture('ao3-work.html'), 'ao3-work.html');
    assert.equal(s.format, 'html');
    assert.equal(s.site, 'ao3');
    assert.equal(s.textKind, 'extracted');
    assert.equal(
      s.text,
      [
        'Chapter 1: The Storm',
        'The wind came off the water at dusk.',
        '“Is the lamp lit?” asked Nell, shaking rain from her hood.',
        'Ossian did not look up. “It is always lit,” he said. “That is the trouble.”',
        '* * *',
        'By midnight the harbour was black and loud.\nNell climbed the stair anyway.',
        'Chapter 2: Morning',
        '“You stayed,” Ossian said.',
        'Nell shrugged. “Somebody had to.”',
      ].join('\n\n') + '\n',
    );
    assert.deepEqual(s.chapters, [
      { title: 'Chapter 1: The Storm', start: 0 },
      { title: 'Chapter 2: Morning', start: s.text.indexOf('Chapter 2: Morning') },
    ]);
    for (const boiler of ['Archive of Our Own', 'Kudos', 'beta', 'A/N', 'Summary', 'Rowan_Quill', 'Afterword']) assert.ok(!s.text.includes(boiler), boiler);
  });

  test('metadata: tags, title, author, stats, summary and notes (by chapter)', async () => {
    const { work } = await readStory(fixture('ao3-work.html'), 'ao3-work.html');
    assert.equal(work.title, 'The Lantern Keeper');
    assert.deepEqual(work.authors, ['Rowan_Quill']);
    assert.equal(work.rating, 'General Audiences');
    assert.deepEqual(work.archiveWarnings, ['No Archive Warnings Apply']);
    assert.deepEqual(work.categories, ['Gen']);
    assert.deepEqual(work.fandoms, ['Harbour Tales (Invented)']);
    assert.deepEqual(work.relationships, ['Nell Brannock & Ossian Tark']);
    assert.deepEqual(work.characters, ['Nell Brannock', 'Ossian Tark', 'Mags']);
    assert.deepEqual(work.additionalTags, ['Lighthouses', 'Storms']);
    assert.equal(work.language, 'English');
    assert.equal(work.url, 'http://archiveofourown.org/works/1234567');
    assert.equal(work.published, '2022-01-21');
    assert.equal(work.declaredWords, 321);
    assert.equal(work.declaredChapters, '2/2');
    assert.equal(work.status, 'Completed');
    assert.equal(work.summary, 'Nell keeps the light. Ossian wants it out.');
    assert.deepEqual(work.notes, [
      { kind: 'notes', chapter: null, text: 'Written for a prompt about weather.' },
      { kind: 'notes', chapter: 0, text: 'Thanks to my beta!' },
      { kind: 'notes', chapter: 1, text: 'A/N: I will write more soon, promise.' },
      { kind: 'end-notes', chapter: null, text: 'Kudos are lovely.' },
    ]);
  });

  test('analysed as one story: one id per character across chapters; the character tags name the cast', async () => {
    const a = await analyzeFile(fixture('ao3-work.html'), 'ao3-work.html');
    const s = await readStory(fixture('ao3-work.html'));
    checkOffsets(a, s.text);
    assert.equal(a.version, '1.4.0');
    assert.deepEqual(a.input && { ...a.input, sha256: 'x' }, { format: 'html', site: 'ao3', encoding: 'utf-8', bytes: fixture('ao3-work.html').length, text: 'extracted', sha256: 'x' });
    assert.deepEqual(a.chapters.map((c) => c.title), ['Chapter 1: The Storm', 'Chapter 2: Morning']);
    assert.equal(a.chapters[0].end, a.chapters[1].start);
    assert.equal(a.chapters[1].end, a.stats.codePoints);
    const nell = a.characters.filter((c) => c.name.startsWith('Nell'));
    assert.equal(nell.length, 1, 'Nell is one character in both chapters');
    const ids = new Set(a.quotes.filter((q) => ['Is the lamp lit?', 'Somebody had to.'].includes(q.text)).map((q) => q.speaker));
    assert.deepEqual([...ids], [nell[0].id], 'chapter 1 and chapter 2 lines go to the same id');
    assert.equal(speakerOf(a, 'You stayed,'), 'Ossian Tark');
    assert.equal(a.work?.words, 61);
  });

  test('one-chapter work: paragraphs straight in #chapters, symbol and empty-paragraph scene breaks, several authors', async () => {
    const s = await readStory(fixture('ao3-oneshot.html'));
    assert.deepEqual(s.chapters, []);
    assert.equal(
      s.text,
      'Wenna counted the candles twice.\n\n* * *\n\n“Twelve,” she said. “There were thirteen this morning.”\n\nIsolde looked at the shelf, then at her. “Then one of them walked.”\n\n~~~\n\nLater, in the dark, Wenna laughed first.\n',
    );
    assert.deepEqual(s.work.authors, ['pell_writes', 'second_hand']);
    assert.deepEqual(s.work.categories, ['F/F', 'Gen']);
    assert.deepEqual(s.work.fandoms, ['Harbour Tales (Invented)', 'Another Invented Series']);
    assert.deepEqual(s.work.series, ['Part 2 of Harbour Nights']);
  });
});

describe('FanFiction.Net saved page', () => {
  test('only #storytext is story; the chapter title comes from the chapter list', async () => {
    const s = await readStory(fixture('ffn-chapter.html'), 'ffn-chapter.html');
    assert.equal(s.site, 'ffn');
    assert.equal(
      s.text,
      'Chapter 2: Low Tide\n\nThe tide had gone out in the night and taken the ferry rope with it.\n\n"You tied it," said Brigid, not quite asking.\n\nTam rubbed his neck. "I tied it twice."\n\n* * *\n\nOld Finn found the rope at noon, wound round a post a mile down the bank. "The river keeps what it\'s promised," he said, and would say nothing else.\n',
    );
    assert.deepEqual(s.chapters, [{ title: 'Chapter 2: Low Tide', start: 0 }]);
    for (const junk of ['Login', 'Follow', 'reviewer', 'Terms', 'Next', 'script', 'Books']) assert.ok(!s.text.includes(junk), junk);
  });

  test('metadata from the profile block and the info line (pairing in brackets)', async () => {
    const { work } = await readStory(fixture('ffn-chapter.html'));
    assert.equal(work.title, "The Ferryman's Oath");
    assert.deepEqual(work.authors, ['Marisol Writes']);
    assert.equal(work.summary, 'Old Tam swore an oath to the river. Now the river wants it kept.');
    assert.equal(work.rating, 'T');
    assert.equal(work.language, 'English');
    assert.deepEqual(work.genres, ['Drama', 'Angst']);
    assert.deepEqual(work.relationships, ['Tam Rourke/Brigid Hale']);
    assert.deepEqual(work.characters, ['Tam Rourke', 'Brigid Hale', 'Old Finn']);
    assert.equal(work.declaredWords, 4210);
    assert.equal(work.declaredChapters, '3');
    assert.equal(work.published, 'Jan 1, 2021');
  });
});

describe('other HTML', () => {
  test('a generic page: navigation, sidebars, comments, footers and scripts dropped; the <h1> is the title', async () => {
    const s = await readStory(fixture('generic-page.html'));
    assert.equal(s.site, null);
    assert.equal(s.work.title, 'The Night Market');
    assert.equal(
      s.text,
      'Coll had never seen so many lanterns. Hundreds, she thought. Maybe more.\n\n"Stay close," said her uncle. "The market eats children who wander."\n\n"It does not," Coll said.\n\n* * *\n\nIt did not. But it tried.\n',
    );
  });

  test('detected by content, not by name: HTML in a .txt, a fragment, a BOM before the doctype', async () => {
    const frag = Buffer.from('<p>One <em>bright</em> morning.</p>\n<p>"Hello," said Ann.</p><p>x</p><p>y</p>');
    const s = await readStory(frag, 'pasted.txt');
    assert.equal(s.format, 'html');
    assert.equal(s.text, 'One bright morning.\n\n"Hello," said Ann.\n\nx\n\ny\n');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<!DOCTYPE html><html><body><p>Hi there.</p></body></html>')]);
    assert.equal((await readStory(bom)).text, 'Hi there.\n');
    const notHtml = Buffer.from('She wrote <3 on the card and "x < y" on the board.\n');
    assert.equal((await readStory(notHtml)).format, 'text');
  });

  test('<br> inside a paragraph is a line break; two of them end the paragraph; entities decoded', async () => {
    const s = await readStory(Buffer.from('<html><body><p>One&nbsp;line<br/>two&amp;three<br><br>New &ldquo;para&rdquo;.</p></body></html>'));
    assert.equal(s.text, 'One line\ntwo&three\n\nNew “para”.\n');
  });

  test('Windows-1252 HTML declared by <meta charset>', async () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), Buffer.from([0x93]), Buffer.from('Caf'), Buffer.from([0xe9, 0x3f, 0x94]), Buffer.from(' she asked.</p></body></html>')]);
    const s = await readStory(bytes);
    assert.equal(s.encoding, 'windows-1252');
    assert.equal(s.text, '“Café?” she asked.\n');
  });
});

describe('plain text', () => {
  const story = 'Chapter 1\n\n“Row,” said Ada. “Row harder.”\n\nHer brother rowed.\n\nChapter 2\n\n“Still rowing?” Ada asked.\n\n“Always,” he said.\n';

  test('CRLF and lone CR read like LF: same text, quotes and speakers', async () => {
    const lf = await analyzeFile(Buffer.from(story));
    for (const variant of [story.replace(/\n/g, '\r\n'), story.replace(/\n/g, '\r')]) {
      const s = await readStory(Buffer.from(variant));
      assert.equal(s.text, story);
      assert.equal(s.textKind, 'decoded');
      const a = analyzeStory(s);
      assert.deepEqual(a.quotes, lf.quotes);
      assert.deepEqual(a.characters, lf.characters);
    }
  });

  test('UTF-8 with and without BOM, UTF-16 LE/BE with BOM and UTF-16 without BOM give the same text', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, 'utf16le')]);
    const be = Buffer.from(story, 'utf16le');
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    const cases: [Buffer, string][] = [
      [Buffer.from(story), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(story)]), 'utf-8-bom'],
      [utf16le, 'utf-16le'],
      [utf16be, 'utf-16be'],
      [Buffer.from(story, 'utf16le'), 'utf-16le'],
    ];
    for (const [bytes, enc] of cases) {
      const s = await readStory(bytes);
      assert.equal(s.text, story, enc);
      assert.equal(s.encoding, enc);
    }
  });

  test("author's notes and a leading disclaimer are moved to the metadata", async () => {
    const text = 'Disclaimer: I own nothing.\n\nA/N: Thanks for reading!\n\n"Go," said Pim.\n\nPim went.\n\n(Author\'s Note: more soon)\n';
    const s = await readStory(Buffer.from(text));
    assert.equal(s.text, '"Go," said Pim.\n\nPim went.\n');
    assert.equal(s.textKind, 'extracted');
    assert.deepEqual(s.work.notes.map((n) => n.text), ['Disclaimer: I own nothing.', 'A/N: Thanks for reading!', "(Author's Note: more soon)"]);
  });

  test('analyze(text) keeps its contract: the text as given, with input and work fields', () => {
    const a = analyze('A/N: hi\r\n\r\n"Go," said Pim.\r\n');
    assert.equal(a.input?.text, 'as-given');
    assert.equal(a.input?.format, 'text');
    assert.equal(a.stats.codePoints, 'A/N: hi\r\n\r\n"Go," said Pim.\r\n'.length);
    assert.deepEqual(a.work?.notes, []);
    assert.equal(validate(a), true, JSON.stringify(validate.errors));
  });
});

describe('EPUB', () => {
  const chapter = (title: string, body: string): string => xhtml(`<h2>${title}</h2>\n${body}`);

  test('EPUB 3 (FanFicFare-like): title page of labelled fields → metadata, TOC page skipped, chapters in spine order', async () => {
    const titlePage = xhtml(`<h3><a href="https://example.invalid/s/1">The Glass Orchard</a> by <a href="#">quietfern</a></h3>
<div><b>Fandom:</b> Orchard Tales<br/><b>Status:</b> Completed<br/><b>Published:</b> 2020-02-02<br/><b>Words:</b> 2,345<br/>
<b>Chapters:</b> 2<br/><b>Characters:</b> Ivo Lark, Sela Brand<br/><b>Relationships:</b> Ivo Lark/Sela Brand<br/>
<b>Summary:</b> Two thieves, one orchard.<br/></div>`);
    const tocPage = xhtml('<h2>Table of Contents</h2><ul><li><a href="c1.xhtml">Frost</a></li><li><a href="c2.xhtml">Thaw</a></li><li><a href="c3.xhtml">Bloom</a></li></ul>');
    const nav = xhtml('<nav epub:type="toc"><ol><li><a href="c1.xhtml">Frost</a></li><li><a href="c2.xhtml#top">Thaw</a></li></ol></nav>');
    const c1 = xhtml('<p>“Quiet,” said Ivo. “The glass hears everything.”</p><p>Sela did not answer.</p>');
    const c2 = xhtml('<p>By morning the orchard rang. “I told you,” Ivo said.</p><p>“You did,” said Sela.</p>');
    const epub = makeZip([
      { name: 'mimetype', data: 'application/epub+zip' },
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: opf({
          title: 'The Glass Orchard',
          creator: 'quietfern',
          extraMetadata: '<dc:contributor>FanFicFare [https://example.invalid]</dc:contributor><dc:subject>Orchard Tales</dc:subject>',
          items: [
            ['title', 'title_page.xhtml', 'application/xhtml+xml'],
            ['toc', 'toc_page.xhtml', 'application/xhtml+xml'],
            ['nav', 'nav.xhtml', 'application/xhtml+xml', 'nav'],
            ['c1', 'c1.xhtml', 'application/xhtml+xml'],
            ['c2', 'c2.xhtml', 'application/xhtml+xml'],
          ],
          spine: ['title', 'toc', 'c1', 'c2'],
        }),
      },
      { name: 'OEBPS/title_page.xhtml', data: titlePage },
      { name: 'OEBPS/toc_page.xhtml', data: tocPage },
      { name: 'OEBPS/nav.xhtml', data: nav },
      { name: 'OEBPS/c1.xhtml', data: c1 },
      { name: 'OEBPS/c2.xhtml', data: c2 },
    ]);
    const s = await readStory(epub, 'orchard.epub');
    assert.equal(s.format, 'epub');
    assert.equal(s.site, 'fanficfare');
    assert.equal(
      s.text,
      'Chapter 1: Frost\n\n“Quiet,” said Ivo. “The glass hears everything.”\n\nSela did not answer.\n\nChapter 2: Thaw\n\nBy morning the orchard rang. “I told you,” Ivo said.\n\n“You did,” said Sela.\n',
    );
    assert.deepEqual(s.chapters?.map((c) => c.title), ['Chapter 1: Frost', 'Chapter 2: Thaw']);
    assert.equal(s.work.title, 'The Glass Orchard');
    assert.deepEqual(s.work.authors, ['quietfern']);
    assert.deepEqual(s.work.fandoms, ['Orchard Tales']);
    assert.deepEqual(s.work.characters, ['Ivo Lark', 'Sela Brand']);
    assert.deepEqual(s.work.relationships, ['Ivo Lark/Sela Brand']);
    assert.equal(s.work.status, 'Completed');
    assert.equal(s.work.declaredWords, 2345);
    assert.equal(s.work.summary, 'Two thieves, one orchard.');
    assert.equal(s.work.language, 'en');
    const a = analyzeStory(s);
    checkOffsets(a, s.text);
    assert.equal(speakerOf(a, 'You did,'), 'Sela Brand');
  });

  test('EPUB 2 with an NCX, headings inside the chapters, URL-encoded hrefs in a subfolder', async () => {
    const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="n1"><navLabel><text>Prologue</text></navLabel><content src="text/part%201.xhtml"/></navPoint>
<navPoint id="n2"><navLabel><text>The Long Road</text></navLabel><content src="text/part%202.xhtml"/></navPoint></navMap></ncx>`;
    const epub = makeZip([
      { name: 'mimetype', data: 'application/epub+zip' },
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: opf({
          title: 'Road Songs',
          items: [
            ['ncx', 'toc.ncx', 'application/x-dtbncx+xml'],
            ['p1', 'text/part%201.xhtml', 'application/xhtml+xml'],
            ['p2', 'text/part%202.xhtml', 'application/xhtml+xml'],
          ],
          spine: ['p1', 'p2'],
          toc: 'ncx',
        }),
      },
      { name: 'OEBPS/toc.ncx', data: ncx },
      { name: 'OEBPS/text/part 1.xhtml', data: xhtml('<p>It began with rain.</p>') },
      { name: 'OEBPS/text/part 2.xhtml', data: chapter('Chapter Two: The Long Road', '<p>“Walk,” said Oona.</p>') },
    ]);
    const s = await readStory(epub);
    assert.equal(s.text, 'Prologue\n\nIt began with rain.\n\nChapter Two: The Long Road\n\n“Walk,” said Oona.\n');
    assert.deepEqual(s.chapters?.map((c) => c.title), ['Prologue', 'Chapter Two: The Long Road']);
    assert.deepEqual(s.warnings, []);
  });

  test('AO3 EPUB: preface document is metadata, chapter documents use AO3 rules', async () => {
    const preface = xhtml(`<div id="preface"><p class="message">Posted originally on the Archive of Our Own at <a href="https://archiveofourown.org/works/99">https://archiveofourown.org/works/99</a>.</p>
<div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">Mature</a></dd><dt>Character:</dt><dd><a href="#">Rue Calder</a>, <a href="#">Jonah Pike</a></dd>
<dt>Stats:</dt><dd>Published: 2021-01-01 Chapters: 2/2 Words: 50</dd></dl><h1>Ashes</h1><div class="byline">by <a href="#">emberly</a></div></div></div>`);
    const ch = (n: number, t: string, body: string): string =>
      xhtml(`<div id="chapters" class="userstuff"><div class="meta group"><h2 class="heading">Chapter ${n}: ${t}</h2></div><div class="userstuff">${body}</div></div>`);
    const epub = makeZip([
      { name: 'mimetype', data: 'application/epub+zip' },
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: opf({
          title: 'Ashes',
          items: [
            ['pre', 'preface.xhtml', 'application/xhtml+xml'],
            ['c1', 'c1.xhtml', 'application/xhtml+xml'],
            ['c2', 'c2.xhtml', 'application/xhtml+xml'],
            ['after', 'afterword.xhtml', 'application/xhtml+xml'],
          ],
          spine: ['pre', 'c1', 'c2', 'after'],
        }),
      },
      { name: 'OEBPS/preface.xhtml', data: preface },
      { name: 'OEBPS/c1.xhtml', data: ch(1, 'Smoke', '<p>“Run,” said Rue.</p>') },
      { name: 'OEBPS/c2.xhtml', data: ch(2, 'Embers', '<p>Jonah stayed. “No,” he said.</p>') },
      { name: 'OEBPS/afterword.xhtml', data: xhtml('<div id="afterword"><p>End Notes</p><blockquote class="userstuff"><p>Thank you!</p></blockquote></div>') },
    ]);
    const s = await readStory(epub);
    assert.equal(s.site, 'ao3');
    assert.equal(s.text, 'Chapter 1: Smoke\n\n“Run,” said Rue.\n\nChapter 2: Embers\n\nJonah stayed. “No,” he said.\n');
    assert.equal(s.work.title, 'Ashes');
    assert.equal(s.work.rating, 'Mature');
    assert.deepEqual(s.work.characters, ['Rue Calder', 'Jonah Pike']);
    assert.deepEqual(s.work.authors, ['emberly']);
    assert.equal(s.work.url, 'https://archiveofourown.org/works/99');
    assert.deepEqual(s.work.notes, [{ kind: 'end-notes', chapter: null, text: 'Thank you!' }]);
  });
});

describe('CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-input-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => runCli(args, { pid: 7 });

  test('analyze --emit-text writes the text the offsets index; the JSON says so', async () => {
    const out = join(dir, 'a.json');
    const txt = join(dir, 'a.txt');
    const r = await run(['analyze', join(FIX, 'ao3-work.html'), '-o', out, '--emit-text', txt]);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(readFileSync(out, 'utf8')) as Analysis;
    const text = readFileSync(txt, 'utf8');
    assert.equal(a.input?.text, 'extracted');
    checkOffsets(a, text);
    assert.equal(a.work?.title, 'The Lantern Keeper');
  });

  test('--emit-text refuses the input file and the -o file (usage error), writes nothing', async () => {
    const input = join(dir, 'story.txt');
    writeFileSync(input, '"Hi," said Bo.\n');
    const r1 = await run(['analyze', input, '--emit-text', input]);
    assert.equal(r1.code, 64);
    assert.equal(readFileSync(input, 'utf8'), '"Hi," said Bo.\n');
    const out = join(dir, 'same.json');
    const r2 = await run(['analyze', input, '-o', out, '--emit-text', out]);
    assert.equal(r2.code, 64);
    assert.ok(!existsSync(out), "expected: !existsSync(out)");
    const r3 = await run(['analyze', input, '--emit-text', join(dir, 'nodir', 'x.txt')]);
    assert.equal(r3.code, 73);
    assert.match(r3.stderr, /^dramatis: cannot write .*does not exist\n$/);
  });

  test('summary: title, author and site, and presence by chapter', async () => {
    const r = await run(['summary', join(FIX, 'ao3-work.html')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^The Lantern Keeper by Rowan_Quill \(AO3\)$/m);
    assert.match(r.stdout, /^Presence by chapter \(2 chapters; # speaks, \+ mentioned, \. absent\)$/m);
    assert.match(r.stdout, /^ {2}Nell Brannock +##$/m);
  });

  test('presence marks a character absent from a chapter', async () => {
    const p = join(dir, 'three.txt');
    writeFileSync(
      p,
      'Chapter 1\n\n“Hold the rope,” said Wren Holloway. Tamsin held it.\n\nChapter 2\n\nTamsin walked alone to the mill and back.\n\nChapter 3\n\n“Still here?” asked Wren.\n\n“Still,” said Tamsin.\n',
    );
    const r = await run(['summary', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}Wren Holloway +#\.#$/m);
  });
});
