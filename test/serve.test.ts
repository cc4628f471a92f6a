/**
 * The `dramatis serve` HTTP API without a browser: host and origin guards, the files it may read
 * (only those named on the command line), uploads, corrections round trips and downloads.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../src/serve/index.js';
import { readFileBytes } from '../src/cli/io.js';
import { writeCorrections } from '../src/corrections/file.js';
import { parseCorrections, type Corrections } from '../src/corrections/index.js';
import { parseCastFile } from '../src/cast-file.js';
import { main, type CliIO } from '../src/cli/main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_TEXT = readFileSync(join(ROOT, 'samples', 'the-salt-road.txt'), 'utf8');

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Uint8Array): Promise<Res> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', rej);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const H = { 'x-dramatis': '1' };

describe('serve API', () => {
  let dir: string;
  let server: RunningServer;
  let port: number;
  const reads: string[] = [];
  let story: string;
  let correctionsPath: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-serve-'));
    story = join(dir, 'story.txt');
    writeFileSync(story, SAMPLE_TEXT);
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET, never to be read');
    correctionsPath = join(dir, 'story.corrections.json');
    server = await startServer({
      files: [story],
      port: 0,
      correctionsPath,
      readFile: (p) => {
        reads.push(p);
        return readFileBytes(p, 'file');
      },
      writeCorrections: (p, c) => writeCorrections(p, c, 1),
    });
    port = server.port;
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the page: HTML with a CSP, served only to its own host name', async () => {
    const r = await raw(port, 'GET', '/');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.body, /Content-Security-Policy/);
    assert.equal((await raw(port, 'GET', '/', { host: `localhost:${port}` })).status, 200);
    const rebound = await raw(port, 'GET', '/api/files', { host: `attacker.example:${port}` });
    assert.equal(rebound.status, 403, 'DNS-rebinding guard');
    assert.ok(!rebound.body.includes('story.txt'), "expected: !rebound.body.includes('story.txt')");
  });

  test('changes need X-Dramatis and a same-origin Origin', async () => {
    assert.equal((await raw(port, 'POST', '/api/files/0/open')).status, 403);
    assert.equal((await raw(port, 'POST', '/api/files/0/open', { ...H, origin: 'http://attacker.example' })).status, 403);
    assert.equal((await raw(port, 'POST', '/api/files/0/open', { ...H, origin: `http://127.0.0.1:${port}` })).status, 200);
  });

  test('reads no file but the one named on the command line', async () => {
    const before = reads.length;
    const attempts: [string, string][] = [
      ['GET', '/secret.txt'],
      ['GET', '/../secret.txt'],
      ['GET', '/%2e%2e/secret.txt'],
      ['GET', '/package.json'],
      ['GET', '/src/index.ts'],
      ['GET', '/node_modules/cytoscape/package.json'],
      ['GET', '/api/files/0'],
      ['POST', '/api/files/1/open'],
      ['POST', '/api/files/-1/open'],
      ['POST', '/api/files/..%2Fsecret.txt/open'],
      ['POST', `/api/files/${encodeURIComponent(join(dir, 'secret.txt'))}/open`],
      ['POST', '/api/files/0x0/open'],
      ['GET', '/api/stories/../../secret.txt/corrections.json'],
    ];
    for (const [method, path] of attempts) {
      const r = await raw(port, method, path, H);
      assert.ok(r.status === 404 || r.status === 403, `${method} ${path} → ${r.status}`);
      assert.ok(!r.body.includes('TOP SECRET') && !r.body.includes('"version"'), `${method} ${path} leaks nothing`);
    }
    assert.equal(reads.length, before, 'no file read by any of these');
    const list = JSON.parse((await raw(port, 'GET', '/api/files')).body);
    assert.deepEqual(list, { files: [{ index: 0, name: 'story.txt' }] }, 'names only, no paths');
    await raw(port, 'POST', '/api/files/0/open', H);
    assert.deepEqual([...new Set(reads)], [story]);
  });

  test('uploads: analysed from the bytes sent; bad bytes are a clear 400', async () => {
    const up = await raw(port, 'POST', '/api/stories?name=upload.txt', { ...H, 'content-type': 'application/octet-stream' }, '“Hello, Tam,” said Roz.\n\n“Hello yourself,” said Tam.\n');
    assert.equal(up.status, 200, up.body);
    const j = JSON.parse(up.body);
    assert.equal(j.name, 'upload.txt');
    assert.equal(j.data.analysis.quotes.length, 2);
    const bin = await raw(port, 'POST', '/api/stories?name=x.bin', H, new Uint8Array([0, 1, 2, 3, 0, 0, 255]));
    assert.equal(bin.status, 400);
    assert.match(JSON.parse(bin.body).error, /binary|not valid|text/);
    const empty = await raw(port, 'POST', '/api/stories?name=e.txt', H, '');
    assert.equal(empty.status, 400);
  });

  test('corrections round trip: applied, saved to --corrections, downloadable, re-applied by analyze', async () => {
    const opened = JSON.parse((await raw(port, 'POST', '/api/files/0/open', H)).body);
    const a = opened.data.analysis;
    const q = a.quotes[2];
    const target = a.characters.find((c: { id: string }) => c.id !== q.speaker);
    const corr: Corrections = {
      format: 'dramatis-corrections',
      version: 1,
      operations: [
        { op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: { id: target.id, name: target.name } },
        { op: 'rename', character: { id: target.id, name: target.name }, name: 'Corrected Name' },
      ],
    };
    const put = await raw(port, 'PUT', `/api/stories/${opened.id}/corrections`, { ...H, 'content-type': 'application/json' }, JSON.stringify(corr));
    assert.equal(put.status, 200, put.body);
    const pj = JSON.parse(put.body);
    assert.equal(pj.saved, correctionsPath);
    const q2 = pj.data.analysis.quotes[2];
    assert.equal(q2.speaker, target.id);
    assert.equal(q2.cue, 'corrected');
    assert.ok(pj.data.analysis.characters.some((c: { name: string }) => c.name === 'Corrected Name'), "expected: pj.data.analysis.characters.some((c: { name: string }) => c.name === 'Corrected Name')");
    // Saved to the file given with --corrections, and it parses.
    const saved = parseCorrections(readFileSync(correctionsPath, 'utf8'));
    assert.equal(saved.operations.length, 2);
    // Downloads.
    const dl = await raw(port, 'GET', `/api/stories/${opened.id}/corrections.json`);
    assert.match(String(dl.headers['content-disposition']), /attachment; filename="story\.corrections\.json"/);
    assert.deepEqual(parseCorrections(dl.body).operations, saved.operations);
    const cast = parseCastFile((await raw(port, 'GET', `/api/stories/${opened.id}/cast.json`)).body);
    assert.ok(cast.characters.some((c) => c.name === 'Corrected Name'), "expected: cast.characters.some((c) => c.name === 'Corrected Name')");
    const rep = await raw(port, 'GET', `/api/stories/${opened.id}/report.html`);
    assert.match(rep.body, /^<!DOCTYPE html>/);
    assert.match(rep.body, /Corrected Name/);
    // The fixes survive a fresh analysis from the command line.
    const out = { text: '', write(s: string) { this.text += s; return true; } };
    const err = { text: '', write(s: string) { this.text += s; return true; } };
    const io: CliIO = { stdout: out, stderr: err, env: {} };
    assert.equal(await main(['analyze', story, '--corrections', correctionsPath], io), 0, err.text);
    const again = JSON.parse(out.text);
    assert.equal(again.quotes[2].speaker, target.id);
    // Undo: an empty list restores the analysis as it was.
    const undo = await raw(port, 'PUT', `/api/stories/${opened.id}/corrections`, { ...H, 'content-type': 'application/json' }, JSON.stringify({ ...corr, operations: [] }));
    assert.equal(JSON.parse(undo.body).data.analysis.quotes[2].speaker, q.speaker);
  });

  test('bad corrections are a 400 with the reason; unknown stories 404', async () => {
    const opened = JSON.parse((await raw(port, 'POST', '/api/files/0/open', H)).body);
    const bad = await raw(port, 'PUT', `/api/stories/${opened.id}/corrections`, { ...H, 'content-type': 'application/json' }, '{"format":"dramatis-corrections","version":1,"operations":[{"op":"nope"}]}');
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).error, /operations\[0\]\.op/);
    const notJson = await raw(port, 'PUT', `/api/stories/${opened.id}/corrections`, { ...H, 'content-type': 'application/json' }, '{');
    assert.equal(notJson.status, 400);
    assert.equal((await raw(port, 'PUT', '/api/stories/nope/corrections', { ...H, 'content-type': 'application/json' }, '{}')).status, 404);
  });
});

test('listening on every address accepts this machine\'s IP addresses as Host, not other names', async () => {
  const s = await startServer({ host: '0.0.0.0', port: 0 });
  try {
    assert.equal((await raw(s.port, 'GET', '/api/files')).status, 200);
    assert.equal((await raw(s.port, 'GET', '/api/files', { host: `rebind.example:${s.port}` })).status, 403);
  } finally {
    await s.close();
  }
});

describe('serve command line', () => {
  const run = async (args: string[]) => {
    const out = { text: '', write(s: string) { this.text += s; return true; } };
    const err = { text: '', write(s: string) { this.text += s; return true; } };
    const code = await main(args, { stdout: out, stderr: err, env: {} });
    return { code, stdout: out.text, stderr: err.text };
  };
  test('usage errors before anything listens', async () => {
    const two = await run(['serve', 'a.txt', 'b.txt', '--corrections', 'c.json']);
    assert.equal(two.code, 64);
    assert.match(two.stderr, /exactly one FILE/);
    const port = await run(['serve', '--port', 'http']);
    assert.equal(port.code, 64);
    const missing = await run(['serve', '/no/such/story.txt', '--port', '0']);
    assert.equal(missing.code, 2);
    assert.ok(!existsSync('/no/such'), "expected: !existsSync('/no/such')");
  });
});
