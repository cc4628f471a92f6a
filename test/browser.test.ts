/**
 * The report and the served app in a real browser: Debian's Chromium driven by playwright-core.
 * One browser launch for the file. Skipped, with a message, when /usr/bin/chromium is absent
 * (CI installs it through .ci/run). Screenshots go to a temp directory (printed in the test log).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyzeDocument } from '../src/index.js';
import { toAnalysis } from '../src/output/analysis.js';
import { renderReport } from '../src/report/build.js';
import { startServer, type RunningServer } from '../src/serve/index.js';
import { readFileBytes } from '../src/cli/io.js';
import { parseCorrections, applyCorrections } from '../src/corrections/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, 'samples', 'the-salt-road.txt');
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium); browser tests skipped`;
if (skip) console.log(`# ${skip}`);

const HOSTILE = [
  'The </script><script>window.pwned = 1</script> Chapter',
  '',
  '“Look at this: <img src=x onerror="window.pwned = 2"> and <a href="javascript:window.pwned = 3">click me</a>,” said Ada.',
  '',
  'Ben shrugged. “It is <b>only</b> text, Ada. <svg onload="window.pwned = 4"></svg> <iframe src="javascript:parent.pwned=5"></iframe>”',
  '',
  '“<script>window.pwned = 6</script>” said Ada.',
  '',
].join('\n');

describe('in a browser', { skip }, () => {
  let browser: Browser;
  let dir: string;
  let shots: string;

  before(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'dramatis-browser-'));
    shots = join(dir, 'screenshots');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // playwright-core starts Chromium with a new, empty --user-data-dir of its own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    if (process.env.DRAMATIS_KEEP_SCREENSHOTS !== '1') rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records errors, dialogs and every request that is not the page itself. */
  async function watchedPage(ctx: BrowserContext, allowOrigin?: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await ctx.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      const u = r.url();
      if (u.startsWith('file:') || (allowOrigin && u.startsWith(allowOrigin))) return;
      requests.push(u);
    });
    return { page, problems, requests };
  }

  function writeReport(name: string, text: string): string {
    const doc = analyzeDocument(text, { source: name });
    const file = join(dir, name.replace(/\.txt$/, '.html'));
    writeFileSync(file, renderReport(doc, toAnalysis(doc, name)));
    return file;
  }

  test('report: quotes coloured by speaker, details on focus, graph drawn, no requests; screenshots', async () => {
    const file = writeReport('the-salt-road.txt', SAMPLE_TEXT);
    const analysis = toAnalysis(analyzeDocument(SAMPLE_TEXT));
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems, requests } = await watchedPage(ctx);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#story .q');
    assert.equal(await page.locator('#story .q').count(), analysis.quotes.length);
    // Colours: every speaker's lines share one colour, different speakers differ.
    const colours = await page.$$eval('#story .q', (els) => els.map((e) => [e.getAttribute('data-speaker'), getComputedStyle(e).borderBottomColor, getComputedStyle(e).backgroundColor]));
    const bySpeaker = new Map<string, Set<string>>();
    for (const [sp, border, bg] of colours) {
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'tinted');
      if (!bySpeaker.has(sp!)) bySpeaker.set(sp!, new Set());
      bySpeaker.get(sp!)!.add(border!);
    }
    for (const set of bySpeaker.values()) assert.equal(set.size, 1, 'one colour per speaker');
    const distinct = new Set([...bySpeaker.values()].map((s) => [...s][0]));
    assert.equal(distinct.size, Math.min(bySpeaker.size, 16), 'speakers have distinct colours');
    const lowCount = analysis.quotes.filter((q) => q.speaker !== null && q.confidence < 0.5).length;
    assert.equal(await page.locator('#story .q.low').count(), lowCount, 'low-confidence lines marked');
    // Keyboard: n focuses the first quote and its details show speaker, addressees, confidence, cue.
    await page.keyboard.press('n');
    const first = analysis.quotes[0];
    const speakerName = analysis.characters.find((c) => c.id === first.speaker)?.name ?? 'no speaker found';
    await page.waitForSelector('#tip:not([hidden])');
    const tipText = await page.locator('#tip').innerText();
    for (const s of ['Speaker', speakerName, 'To', 'Confidence', 'Cue', first.cue]) assert.ok(tipText.includes(s), `tip shows ${s}: ${tipText}`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-i')), '0');
    await page.keyboard.press('n');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-i')), '1');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#tip').isHidden(), true);
    // Hover shows the details too.
    await page.locator('#story .q').nth(3).hover();
    await page.waitForSelector('#tip:not([hidden])');
    // The graph: cytoscape drew nodes and edges on its canvas.
    const graph = await page.evaluate(() => {
      const cy = (window as unknown as { __dramatis: { cy: { nodes(): { length: number }; edges(): { length: number } } } }).__dramatis.cy;
      let painted = 0;
      for (const c of Array.from(document.querySelectorAll('#graph canvas')) as HTMLCanvasElement[]) {
        const ctx2 = c.getContext('2d');
        if (!ctx2 || c.width === 0) continue;
        const d = ctx2.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
      }
      return { nodes: cy.nodes().length, edges: cy.edges().length, painted };
    });
    assert.ok(graph.nodes >= 3, `nodes: ${graph.nodes}`);
    assert.ok(graph.painted > 500, `pixels painted: ${graph.painted}`);
    // Cast, share and presence panels.
    assert.equal(await page.locator('#cast tbody tr').count(), analysis.characters.length);
    assert.ok((await page.locator('#share li').count()) > 0, "expected: (await page.locator('#share li').count()) > 0");
    assert.ok(analysis.chapters.length >= 2, 'the sample has chapters');
    assert.equal(await page.locator('#presence thead th').count(), 1 + analysis.chapters.length, 'presence: one column per chapter');
    assert.ok((await page.locator('#presence td.cell span').count()) > 0, 'presence cells painted');
    // Filter by a character: the others' lines are dimmed.
    await page.locator('.cast-name').first().click();
    assert.equal(await page.locator('#story.dim').count(), 1);
    assert.ok((await page.locator('#story .q.hl').count()) > 0, "expected: (await page.locator('#story .q.hl').count()) > 0");
    await page.locator('.cast-name').first().press('Enter');
    assert.equal(await page.locator('#story.dim').count(), 0);
    await page.screenshot({ path: join(shots, 'report-desktop.png') });
    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await page.screenshot({ path: join(shots, 'report-phone.png') });
    assert.ok(statSync(join(shots, 'report-desktop.png')).size > 20_000, "expected: statSync(join(shots, 'report-desktop.png')).size > 20_000");
    console.log(`# screenshots in ${shots}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [], 'no network requests');
    await ctx.close();
  });

  test('a hostile story shows its markup as text and runs nothing', async () => {
    const file = writeReport('hostile.txt', HOSTILE);
    const ctx = await browser.newContext();
    const { page, problems, requests } = await watchedPage(ctx);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#story .q');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, 'no story script ran');
    assert.equal(await page.locator('#story img, #story a, #story script, #story svg, #story iframe, #story b').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    const text = await page.locator('#story').innerText();
    for (const s of ['<script>window.pwned = 1</script>', '<img src=x onerror="window.pwned = 2">', '<a href="javascript:window.pwned = 3">click me</a>', '<b>only</b>']) {
      assert.ok(text.includes(s), `shown as text: ${s}`);
    }
    // Focus every quote: the details are text too.
    const n = await page.locator('#story .q').count();
    for (let i = 0; i < n; i++) await page.locator('#story .q').nth(i).focus();
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
    await ctx.close();
  });

  describe('served app', () => {
    let server: RunningServer;
    let appDir: string;
    const reads: string[] = [];
    let story: string;

    before(async () => {
      appDir = mkdtempSync(join(tmpdir(), 'dramatis-app-'));
      story = join(appDir, 'salt.txt');
      writeFileSync(story, SAMPLE_TEXT);
      writeFileSync(join(appDir, 'private.txt'), 'PRIVATE NOTES');
      server = await startServer({
        files: [story],
        port: 0,
        readFile: (p) => {
          reads.push(p);
          return readFileBytes(p, 'file');
        },
      });
    });
    after(async () => {
      await server?.close();
      rmSync(appDir, { recursive: true, force: true });
    });

    test('a correction made in the page round-trips through the corrections file', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const origin = server.url.replace(/\/$/, '');
      const { page, problems, requests } = await watchedPage(ctx, origin);
      await page.goto(server.url);
      await page.waitForSelector('#story .q');
      // Pick a line and a different speaker.
      const q = page.locator('#story .q').nth(4);
      const before = await q.getAttribute('data-speaker');
      const beforeColour = await q.evaluate((e) => getComputedStyle(e).borderBottomColor);
      await q.click();
      await page.waitForSelector('#editor:not([hidden]) #speaker-select');
      const options = await page.$$eval('#speaker-select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
      const target = options.find((v) => v !== '' && v !== before)!;
      await page.selectOption('#speaker-select', target);
      await page.locator('#editor button[type=submit]').click();
      await page.waitForFunction((t) => document.querySelectorAll('#story .q')[4]?.getAttribute('data-speaker') === t, target);
      const after = page.locator('#story .q').nth(4);
      assert.ok((await after.getAttribute('class'))!.includes('corrected'), "expected: (await after.getAttribute('class'))!.includes('corrected')");
      assert.notEqual(await after.evaluate((e) => getComputedStyle(e).borderBottomColor), beforeColour, 'recoloured');
      assert.match(await page.locator('#status').innerText(), /1 correction/);
      // Rename a character from the cast panel.
      await page.locator('#cast tbody tr').first().getByRole('button', { name: /^Edit/ }).click();
      await page.fill('#rename-input', 'Renamed In Browser');
      await page.locator('#rename-input').press('Enter');
      await page.waitForSelector('text=Renamed In Browser');
      await page.screenshot({ path: join(shots, 'app-corrected.png') });
      // Download the corrections; they parse and re-apply to a fresh analysis.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Download corrections').click()]);
      const saved = join(appDir, 'downloaded.corrections.json');
      await download.saveAs(saved);
      const corr = parseCorrections(readFileSync(saved, 'utf8'));
      assert.equal(corr.operations.length, 2);
      const doc = analyzeDocument(SAMPLE_TEXT);
      const idx = Number(await after.getAttribute('data-i'));
      assert.deepEqual(applyCorrections(doc, corr).skipped, []);
      const fresh = toAnalysis(doc);
      assert.equal(fresh.quotes[idx].speaker, target);
      assert.ok(fresh.characters.some((c) => c.name === 'Renamed In Browser'), "expected: fresh.characters.some((c) => c.name === 'Renamed In Browser')");
      // Undo brings the line back.
      await page.getByRole('button', { name: 'Undo last correction' }).click();
      await page.waitForFunction(() => !document.body.innerText.includes('Renamed In Browser'));
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [], 'no request leaves the local server');
      await ctx.close();
    });

    test('an uploaded story is analysed from the bytes the browser sends; no other file is read', async () => {
      const ctx = await browser.newContext();
      const origin = server.url.replace(/\/$/, '');
      const { page, problems } = await watchedPage(ctx, origin);
      const readsBefore = reads.length;
      await page.goto(server.url);
      await page.waitForSelector('#story .q'); // the command-line story opens by itself
      const upload = join(appDir, 'hostile.txt');
      writeFileSync(upload, HOSTILE);
      await page.setInputFiles('#file-input', upload);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'hostile');
      assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
      assert.ok((await page.locator('#story').innerText()).includes('<script>window.pwned = 6</script>'), "expected: (await page.locator('#story').innerText()).includes('<script>window.pwned = 6</script>')");
      assert.equal(await page.locator('#story img, #story script, #story a').count(), 0);
      // The server read the command-line story (opened on page load) and nothing else.
      assert.deepEqual([...new Set(reads.slice(readsBefore))], [story]);
      const attempt = await page.evaluate(async () => {
        const urls = ['/private.txt', '/api/files/1/open', '/api/files/..%2Fprivate.txt/open'];
        const out: number[] = [];
        for (const u of urls) out.push((await fetch(u, { method: 'POST', headers: { 'X-Dramatis': '1' } })).status);
        return out;
      });
      assert.deepEqual(attempt, [404, 404, 404]);
      assert.deepEqual([...new Set(reads)], [story]);
      assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
      await ctx.close();
    });
  });
});
