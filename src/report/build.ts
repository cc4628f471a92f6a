/**
 * The HTML report: ONE self-contained file (no network requests) that shows the story with every
 * quote coloured by its speaker, the cast, the interaction network (cytoscape, inlined), the
 * dialogue share and each character's presence across the story.
 *
 * Safety: the story is untrusted. Nothing from it is written as markup: the page carries the data
 * in a `<script type="application/json">` block (JSON with `<`, `>`, `&` and U+2028/9 escaped, so
 * the block cannot be closed from inside), and the client script builds the DOM with
 * `textContent`. A Content-Security-Policy meta tag allows only the page's own inline script and
 * style (by hash): no network, no other scripts, no forms, no base URL.
 *
 * The same page, in `app` mode, is the `dramatis serve` viewer (src/serve/): it loads stories from
 * the local server and adds the correction tools.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Document } from '../document/document.js';
import type { Analysis } from '../types.js';
import { CLIENT_JS } from './client.js';
import { REPORT_CSS } from './styles.js';

/** What the client script renders. Offsets are code points, as in the Analysis. */
export interface ReportData {
  title: string;
  text: string;
  /** [start, end, kind] per paragraph (kind: 0 text, 1 heading, 2 scene break). */
  paragraphs: number[];
  /** [start, characterIndex] per mention resolved to a character (for presence). */
  mentions: number[];
  analysis: Analysis;
}

export function buildReportData(doc: Document, analysis: Analysis, title?: string): ReportData {
  const paragraphs: number[] = [];
  for (let p = 0; p < doc.paragraphCount; p++) {
    paragraphs.push(doc.toCodePoint(doc.paragraphs[2 * p]), doc.toCodePoint(doc.paragraphs[2 * p + 1]), doc.paragraphKinds[p]);
  }
  const mentions: number[] = [];
  for (let m = 0; m < doc.mentionCount; m++) {
    const c = doc.mentionCharacters[m] ?? -1;
    if (c >= 0) mentions.push(doc.toCodePoint(doc.mentions[3 * m]), c);
  }
  return { title: title ?? analysis.work?.title ?? defaultTitle(analysis.source), text: doc.text, paragraphs, mentions, analysis };
}

function defaultTitle(source: string | null): string {
  if (!source) return 'Story';
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || base;
}

/** JSON that is safe inside a `<script>` element: no `<`, `>`, `&`, U+2028 or U+2029 characters. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text for HTML (element content or a double-quoted attribute). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

let cytoscapeSource: string | undefined;

/** The cytoscape library (UMD build, no dependencies), to inline. */
export function cytoscapeJs(): string {
  if (cytoscapeSource === undefined) {
    const require = createRequire(import.meta.url);
    const src = readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
    // It must not be able to end its own <script> element.
    cytoscapeSource = src.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  }
  return cytoscapeSource;
}

/**
 * Cytoscape adds this stylesheet to the head unless an element with its id exists; the page ships it
 * (allowed by hash) so the CSP needs no 'unsafe-inline'.
 */
const CYTOSCAPE_STYLE_ID = '__________cytoscape_stylesheet';
const CYTOSCAPE_CSS = '.__________cytoscape_container { position: relative; }';

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

export interface PageOptions {
  /** `report`: a static file with its data inside. `app`: the `dramatis serve` viewer. */
  mode: 'report' | 'app';
  /** The report's data (report mode; optional in app mode, where stories are loaded from the server). */
  data?: ReportData;
}

/** The HTML page. */
export function renderPage(options: PageOptions): string {
  const lib = cytoscapeJs();
  const config = scriptSafeJson({ mode: options.mode });
  const data = options.data ? scriptSafeJson(options.data) : 'null';
  const connect = options.mode === 'app' ? "'self'" : "'none'";
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(lib)} ${sha256(CLIENT_JS)}`,
    `style-src ${sha256(REPORT_CSS)} ${sha256(CYTOSCAPE_CSS)}`,
    'img-src data: blob:',
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
  const title = options.data ? `${options.data.title} — dramatis` : 'dramatis';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="dramatis">
<title>${escapeHtml(title)}</title>
<style id="${CYTOSCAPE_STYLE_ID}">${CYTOSCAPE_CSS}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<noscript><p class="noscript">This report needs JavaScript to draw the story and its charts.</p></noscript>
<div id="app"></div>
<script type="application/json" id="dramatis-config">${config}</script>
<script type="application/json" id="dramatis-data">${data}</script>
<script>${lib}</script>
<script>${CLIENT_JS}</script>
</body>
</html>
`;
}

/** The self-contained report of an analysed document. */
export function renderReport(doc: Document, analysis: Analysis, title?: string): string {
  return renderPage({ mode: 'report', data: buildReportData(doc, analysis, title) });
}
