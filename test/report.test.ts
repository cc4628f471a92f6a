/** The report HTML, read as text: self-contained, escaped, CSP by hash, data intact. (The browser tests run it.) */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDocument } from '../src/index.js';
import { toAnalysis } from '../src/output/analysis.js';
import { buildReportData, escapeHtml, renderPage, renderReport, scriptSafeJson } from '../src/report/build.js';
import { main, type CliIO } from '../src/cli/main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, 'samples', 'the-salt-road.txt');

const HOSTILE = [
  'The </script><script>window.pwned=1</script> Chapter',
  '',
  '“Look: <img src=x onerror="window.pwned=2"> and <a href="javascript:window.pwned=3">a link</a>,” said Ada.',
  '',
  'Ben shrugged. “It is only text, Ada. &lt;b&gt; stays &amp; too. \u2028 line separator.”',
  '',
].join('\n');

function report(text: string, source = 'evil </title><script>x()</script>.txt'): string {
  const doc = analyzeDocument(text, { source });
  return renderReport(doc, toAnalysis(doc, source));
}

function inlineBlocks(html: string, tag: 'script' | 'style'): { attrs: string; body: string }[] {
  const re = tag === 'script' ? /<script([^>]*)>([\s\S]*?)<\/script>/g : /<style([^>]*)>([\s\S]*?)<\/style>/g;
  return [...html.matchAll(re)].map((m) => ({ attrs: m[1], body: m[2] }));
}

describe('report html', () => {
  test('story markup never becomes markup: exactly our four scripts, data block has no "<"', () => {
    const html = report(HOSTILE);
    const scripts = inlineBlocks(html, 'script');
    assert.equal((html.match(/<script/gi) ?? []).length, 4, 'config, data, cytoscape, client');
    assert.equal(scripts.length, 4);
    const data = scripts.find((s) => s.attrs.includes('dramatis-data'))!;
    assert.ok(data.attrs.includes('type="application/json"'), "expected: data.attrs.includes('type=\"application/json\"')");
    assert.ok(!data.body.includes('<') && !data.body.includes('>') && !data.body.includes('&'), "expected: !data.body.includes('<') && !data.body.includes('>') && !data.body.includes('&')");
    assert.ok(!/<img|<a\s|javascript:window/i.test(html.replace(data.body, '')), 'no story markup outside the data block');
    const parsed = JSON.parse(data.body);
    assert.equal(parsed.text, HOSTILE, 'the text survives the escaping exactly');
    const title = /<title>([^]*?)<\/title>/.exec(html)![1];
    assert.ok(!title.includes('<'), title);
    const titled = renderReport(analyzeDocument(HOSTILE), toAnalysis(analyzeDocument(HOSTILE)), '</title><script>x()</script>');
    assert.ok(titled.includes('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; — dramatis</title>'), "expected: titled.includes('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; — dramatis</titl...");
  });

  test('self-contained: no external resources; a strict CSP allows exactly the inline scripts and styles', () => {
    const html = report(readFileSync(SAMPLE, 'utf8'), 'the-salt-road.txt');
    assert.ok(!/<(script|img|link|iframe|audio|video|source)\b[^>]*\s(src|href)\s*=/i.test(html), 'no src/href resources');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), "expected: !csp.includes('unsafe-inline') && !csp.includes('unsafe-eval')");
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    for (const s of inlineBlocks(html, 'script').filter((b) => !b.attrs.includes('application/json'))) assert.ok(csp.includes(hash(s.body)), 'script allowed by hash');
    for (const s of inlineBlocks(html, 'style')) assert.ok(csp.includes(hash(s.body)), 'style allowed by hash');
    assert.ok(html.length < 2_000_000, `a short story's report stays small (${html.length} bytes)`);
  });

  test('report data: paragraphs and mentions in code points', () => {
    const text = 'Zoë 🙂 said, “Hi, Max.”\n\n“Hello, Zoë,” said Max.\n';
    const doc = analyzeDocument(text);
    const data = buildReportData(doc, toAnalysis(doc));
    const cps = Array.from(text);
    assert.equal(data.paragraphs.length % 3, 0);
    const [s, e] = data.paragraphs;
    assert.equal(cps.slice(s, e).join(''), 'Zoë 🙂 said, “Hi, Max.”');
    for (let i = 0; i < data.mentions.length; i += 2) assert.ok(data.mentions[i + 1] < data.analysis.characters.length, "expected: data.mentions[i + 1] < data.analysis.characters.length");
  });

  test('helpers', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(scriptSafeJson('</script>\u2028&'), '"\\u003c/script\\u003e\\u2028\\u0026"');
    assert.equal(JSON.parse(scriptSafeJson('</script>\u2028&')), '</script>\u2028&');
    const app = renderPage({ mode: 'app' });
    assert.match(app, /connect-src &#39;self&#39;/);
    assert.equal(JSON.parse(/id="dramatis-data">([^<]*)</.exec(app)![1]), null, 'the app page carries no story');
  });

  test('dramatis report writes the file; -o into a missing directory is exit 73', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dramatis-report-'));
    try {
      const out = { text: '', write(s: string) { this.text += s; return true; } };
      const err = { text: '', write(s: string) { this.text += s; return true; } };
      const io: CliIO = { stdout: out, stderr: err, pid: 5, env: {} };
      assert.equal(await main(['report', SAMPLE, '-o', join(dir, 'r.html'), '--title', 'Salt & <Road>'], io), 0, err.text);
      const html = readFileSync(join(dir, 'r.html'), 'utf8');
      assert.ok(html.includes('<title>Salt &amp; &lt;Road&gt; — dramatis</title>'), "expected: html.includes('<title>Salt &amp; &lt;Road&gt; — dramatis</title>')");
      assert.equal(out.text, '');
      assert.equal(await main(['report', SAMPLE, '-o', join(dir, 'no', 'r.html')], io), 73);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
