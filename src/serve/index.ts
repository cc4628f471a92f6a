/**
 * `dramatis serve`: a local web app to open a story, see its report and correct it.
 *
 * - Binds 127.0.0.1 by default. Requests must name this server in `Host` (a DNS-rebinding guard),
 *   and every request that changes something must carry `X-Dramatis: 1` (which a page of another
 *   origin cannot send without a CORS preflight, which this server never grants) and, when the
 *   browser sends an `Origin`, this server's own.
 * - Reads no file but those named on the command line (and the corrections file given with
 *   `--corrections`): they are listed by index (`/api/files`) and opened by index; no request
 *   carries a path. Other stories are uploaded by the browser. There is no static file serving.
 * - Corrections: the browser sends the whole list after every edit; the server applies it to the
 *   story as analysed (kept in memory), returns the corrected report data, and, for a story from
 *   the command line with `--corrections FILE`, saves the list to FILE (atomically).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { basename } from 'node:path';
import { Hono, type Context } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { analyzeStoryDocument, readStory, storyAnalysis, type Story as InputStory } from '../input/index.js';
import { MAX_INPUT_BYTES } from '../document/decode.js';
import { DramatisError, ExitCode } from '../errors.js';
import type { Document } from '../document/document.js';
import type { CastFile } from '../types.js';
import { readFileBytes } from '../cli/io.js';
import { buildReportData, renderPage, renderReport } from '../report/build.js';
import {
  applyCorrections,
  castFromDocument,
  emptyCorrections,
  restoreEditable,
  snapshotEditable,
  validateCorrections,
  type ApplyResult,
  type Corrections,
  type EditableLayers,
} from '../corrections/index.js';
import { correctionsJson } from '../corrections/file.js';

export interface ServeOptions {
  /** Story files named on the command line: the only files the server reads. */
  files?: string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  cast?: CastFile;
  /** Corrections for the (single) command-line story: read at start, written after each edit. */
  corrections?: Corrections;
  /** Where to save the corrections of command-line stories (with `corrections`). */
  correctionsPath?: string;
  /** Reads a command-line file (tests watch it). */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Writes the corrections file. */
  writeCorrections?: (path: string, c: Corrections) => Promise<void>;
  /** Stories kept in memory at once (oldest dropped first). */
  maxStories?: number;
}

interface Story {
  id: string;
  name: string;
  input: InputStory;
  doc: Document;
  pristine: EditableLayers;
  corrections: Corrections;
  result: ApplyResult;
  savePath?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function securityHeaders(c: Context): void {
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
}

export function createApp(options: ServeOptions, allowedHosts: () => Set<string>): Hono {
  const files = options.files ?? [];
  const readFile = options.readFile ?? ((p: string) => readFileBytes(p, 'file'));
  const maxStories = options.maxStories ?? 8;
  const stories = new Map<string, Story>();
  let page: string | undefined;

  const analyse = (name: string, input: InputStory, corrections: Corrections, savePath?: string): Story => {
    const doc = analyzeStoryDocument(input, { cast: options.cast, source: name });
    const pristine = snapshotEditable(doc);
    const result = applyCorrections(doc, corrections);
    const story: Story = { id: randomUUID(), name, input, doc, pristine, corrections, result, savePath };
    stories.set(story.id, story);
    while (stories.size > maxStories) stories.delete(stories.keys().next().value as string);
    return story;
  };
  const payload = (s: Story, saved?: string) => {
    const analysis = storyAnalysis(s.doc, s.name, s.input);
    return { id: s.id, name: s.name, data: buildReportData(s.doc, analysis), corrections: s.corrections, result: s.result, ...(saved ? { saved } : {}) };
  };
  const fail = (c: Context, e: unknown) => {
    if (e instanceof DramatisError) return c.json({ error: e.message }, 400);
    return c.json({ error: `internal error: ${(e as Error)?.message ?? String(e)}` }, 500);
  };
  const attachment = (c: Context, name: string, type: string, body: string) => {
    c.header('Content-Type', type);
    c.header('Content-Disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '_')}"`);
    return c.body(body);
  };
  const stem = (name: string) => basename(name).replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'story';

  const app = new Hono();
  app.use('*', async (c, next) => {
    securityHeaders(c);
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowedHosts().has(host)) return c.json({ error: 'unknown host' }, 403);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.header('x-dramatis') !== '1') return c.json({ error: 'missing X-Dramatis header' }, 403);
      const origin = c.req.header('origin');
      if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return c.json({ error: 'cross-origin request refused' }, 403);
    }
    await next();
  });

  app.get('/', (c) => {
    page ??= renderPage({ mode: 'app' });
    return c.html(page);
  });

  app.get('/api/files', (c) => c.json({ files: files.map((f, index) => ({ index, name: basename(f) })) }));

  app.post('/api/files/:index/open', async (c) => {
    const i = Number(c.req.param('index'));
    if (!/^\d+$/.test(c.req.param('index')) || i >= files.length) return c.json({ error: 'no such file' }, 404);
    try {
      const path = files[i];
      const input = await readStory(await readFile(path), basename(path));
      const corr = options.corrections && files.length === 1 ? options.corrections : emptyCorrections(basename(path));
      const s = analyse(basename(path), input, corr, files.length === 1 ? options.correctionsPath : undefined);
      return c.json(payload(s));
    } catch (e) {
      return fail(c, e);
    }
  });

  app.post('/api/stories', async (c) => {
    const name = (c.req.query('name') ?? 'story.txt').slice(0, 200) || 'story.txt';
    const len = Number(c.req.header('content-length') ?? '0');
    if (len > MAX_INPUT_BYTES) return c.json({ error: `${name} is over the limit of ${MAX_INPUT_BYTES / 1048576} MB` }, 413);
    try {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_INPUT_BYTES) return c.json({ error: `${name} is over the limit of ${MAX_INPUT_BYTES / 1048576} MB` }, 413);
      const s = analyse(name, await readStory(bytes, name), emptyCorrections(name));
      return c.json(payload(s));
    } catch (e) {
      return fail(c, e);
    }
  });

  app.put('/api/stories/:id/corrections', async (c) => {
    const s = stories.get(c.req.param('id'));
    if (!s) return c.json({ error: 'this story is no longer open; open it again' }, 404);
    try {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'the corrections are not valid JSON' }, 400);
      }
      const corr = validateCorrections(body, 'corrections');
      corr.source = s.name;
      restoreEditable(s.doc, s.pristine);
      s.corrections = corr;
      s.result = applyCorrections(s.doc, corr);
      let saved: string | undefined;
      if (s.savePath && options.writeCorrections) {
        await options.writeCorrections(s.savePath, corr);
        saved = s.savePath;
      }
      return c.json(payload(s, saved));
    } catch (e) {
      return fail(c, e);
    }
  });

  app.get('/api/stories/:id/corrections.json', (c) => {
    const s = stories.get(c.req.param('id'));
    if (!s) return c.json({ error: 'no such story' }, 404);
    return attachment(c, `${stem(s.name)}.corrections.json`, 'application/json; charset=utf-8', correctionsJson(s.corrections));
  });

  app.get('/api/stories/:id/cast.json', (c) => {
    const s = stories.get(c.req.param('id'));
    if (!s) return c.json({ error: 'no such story' }, 404);
    return attachment(c, `${stem(s.name)}.cast.json`, 'application/json; charset=utf-8', JSON.stringify(castFromDocument(s.doc), null, 2) + '\n');
  });

  app.get('/api/stories/:id/report.html', (c) => {
    const s = stories.get(c.req.param('id'));
    if (!s) return c.json({ error: 'no such story' }, 404);
    return attachment(c, `${stem(s.name)}.report.html`, 'text/html; charset=utf-8', renderReport(s.doc, storyAnalysis(s.doc, s.name, s.input)));
  });

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((e, c) => fail(c, e));
  return app;
}

/** Start the server; resolves once it listens. */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 0;
  const allowed = new Set<string>();
  const app = createApp(options, () => allowed);
  const server = createAdaptorServer({ fetch: app.fetch });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? `port ${port} is in use (try --port 0)` : e.code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine` : e.message;
      reject(new DramatisError(`cannot listen on ${host}:${port}: ${why}`, ExitCode.Output));
    });
    server.listen(port, host, () => {
      port = (server.address() as AddressInfo).port;
      const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
      allowed.add(`${h}:${port}`.toLowerCase());
      if (LOOPBACK.has(host) || host === '0.0.0.0' || host === '::') {
        for (const l of ['127.0.0.1', 'localhost', '[::1]']) allowed.add(`${l}:${port}`);
      }
      // Listening on every address: this machine's own IP addresses are accepted as Host too (an
      // IP literal cannot be rebound by DNS; names other than localhost still are refused).
      if (host === '0.0.0.0' || host === '::') {
        for (const list of Object.values(networkInterfaces())) {
          for (const a of list ?? []) allowed.add((a.family === 'IPv6' ? `[${a.address}]:${port}` : `${a.address}:${port}`).toLowerCase());
        }
      }
      resolve({
        url: `http://${h}:${port}/`,
        port,
        close: () =>
          new Promise<void>((res) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => res());
          }),
      });
    });
  });
}
