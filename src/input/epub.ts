/**
 * EPUB (2 and 3) → story text and metadata. `META-INF/container.xml` names the OPF package file;
 * its `<spine>` orders the XHTML documents, its `<metadata>` holds title, authors, language and
 * subjects; the nav document (EPUB 3) or NCX (EPUB 2) names the chapters. Title pages (AO3's tag
 * list, FanFicFare's labelled fields) become metadata; table-of-contents pages are skipped; every
 * other document is a chapter, read by the HTML rules (AO3 documents by AO3's).
 */
import { InputError } from '../errors.js';
import { decodeBytes } from '../document/decode.js';
import { parseHtml } from './html-events.js';
import { HtmlExtractor, emptyParagraphsAreBreaks, rulesFor, type Site } from './html.js';
import { StoryBuilder, chapterHeading } from './builder.js';
import { assignField, clean, emptyMetadata, labelField, type WorkMetadata } from './metadata.js';
import { BoundedZip, dirOf, resolveZipPath, ZIP_LIMITS, type ZipLimits } from './zip.js';
import type { BuiltStory } from './builder.js';

export interface EpubResult {
  built: BuiltStory;
  meta: WorkMetadata;
  site: Site | null;
  warnings: { code: string; message: string }[];
}

interface ManifestItem {
  id: string;
  href: string;
  path: string | null;
  mediaType: string;
  properties: string;
}

interface Opf {
  manifest: Map<string, ManifestItem>;
  manifestOrder: ManifestItem[];
  spine: { idref: string; linear: boolean }[];
  hasSpine: boolean;
  tocId: string;
  dc: Map<string, string[]>;
  generator: string;
}

/** Read the XML of an archive entry as text. */
async function readText(zip: BoundedZip, path: string): Promise<string> {
  const bytes = await zip.read(path);
  if (bytes.length === 0) return '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared = /encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
  return decodeBytes(bytes, `${zip.name}: ${path}`, { declaredCharset: declared, refuseBlank: false }).text;
}

function parseContainer(xml: string): string | null {
  let path: string | null = null;
  parseHtml(xml, {
    open(el) {
      if (path === null && el.name === 'rootfile') {
        const type = el.attrs['media-type'] ?? '';
        const p = el.attrs['full-path'];
        if (p && (type === '' || /oebps-package/i.test(type))) path = p;
      }
    },
    close() {},
    text() {},
  });
  return path;
}

function parseOpf(xml: string, opfPath: string): Opf {
  const base = dirOf(opfPath);
  const opf: Opf = { manifest: new Map(), manifestOrder: [], spine: [], hasSpine: false, tocId: '', dc: new Map(), generator: '' };
  let inMetadata = false;
  let field: string | null = null;
  let buf = '';
  parseHtml(xml, {
    open(el) {
      const name = el.name.replace(/^opf:/, '');
      if (name === 'metadata') inMetadata = true;
      else if (inMetadata && name.startsWith('dc:')) {
        field = name.slice(3);
        buf = '';
      } else if (inMetadata && name === 'meta' && /generator/i.test(el.attrs['name'] ?? '')) {
        opf.generator += ' ' + (el.attrs['content'] ?? '');
      } else if (name === 'item') {
        const href = el.attrs['href'] ?? '';
        const item: ManifestItem = {
          id: el.attrs['id'] ?? '',
          href,
          path: resolveZipPath(base, href),
          mediaType: (el.attrs['media-type'] ?? '').toLowerCase(),
          properties: el.attrs['properties'] ?? '',
        };
        if (item.id && !opf.manifest.has(item.id)) opf.manifest.set(item.id, item);
        opf.manifestOrder.push(item);
      } else if (name === 'spine') {
        opf.hasSpine = true;
        opf.tocId = el.attrs['toc'] ?? '';
      } else if (name === 'itemref') {
        opf.spine.push({ idref: el.attrs['idref'] ?? '', linear: (el.attrs['linear'] ?? 'yes').toLowerCase() !== 'no' });
      }
    },
    close(el) {
      const name = el.name.replace(/^opf:/, '');
      if (name === 'metadata') inMetadata = false;
      else if (field !== null && name === 'dc:' + field) {
        const list = opf.dc.get(field) ?? [];
        const v = clean(buf);
        if (v) list.push(v);
        opf.dc.set(field, list);
        field = null;
      }
    },
    text(s) {
      if (field !== null) buf += s;
    },
  });
  return opf;
}

/** Chapter titles by document path, from the EPUB 3 nav document or the EPUB 2 NCX. */
function parseToc(xml: string, tocPath: string, ncx: boolean): Map<string, string> {
  const base = dirOf(tocPath);
  const titles = new Map<string, string>();
  let label = '';
  let collecting = false;
  let href = '';
  let inTocNav = false;
  let navDepth = 0;
  parseHtml(xml, {
    open(el) {
      if (ncx) {
        if (el.name === 'navlabel') {
          collecting = true;
          label = '';
        } else if (el.name === 'content') {
          const p = resolveZipPath(base, el.attrs['src'] ?? '');
          if (p && !titles.has(p) && clean(label)) titles.set(p, clean(label));
        }
        return;
      }
      if (el.name === 'nav') {
        navDepth++;
        if (/\btoc\b/.test(el.attrs['epub:type'] ?? '') || el.attrs['role'] === 'doc-toc' || el.id === 'toc') inTocNav = true;
      } else if (el.name === 'a' && (inTocNav || navDepth === 0)) {
        collecting = true;
        label = '';
        href = el.attrs['href'] ?? '';
      }
    },
    close(el) {
      if (ncx) {
        if (el.name === 'navlabel') collecting = false;
        return;
      }
      if (el.name === 'nav') {
        navDepth--;
        if (navDepth === 0) inTocNav = false;
      } else if (el.name === 'a' && collecting) {
        collecting = false;
        const p = resolveZipPath(base, href);
        if (p && !titles.has(p) && clean(label)) titles.set(p, clean(label));
      }
    },
    text(s) {
      if (collecting) label += s;
    },
  });
  return titles;
}

interface Survey {
  /** `Label: value` lines whose label is a known metadata field. */
  fields: [string, string][];
  textLength: number;
  fieldTextLength: number;
  links: number;
  linkTextLength: number;
  lines: string[];
}

/** A first look at a document: is it a title page of labelled fields, or a table of contents? */
function survey(html: string): Survey {
  let buf = '';
  let skip = 0;
  let link = 0;
  let links = 0;
  let linkText = 0;
  const BLOCKY = /^(?:p|div|br|li|tr|dt|dd|h[1-6]|blockquote|section|table|ul|ol|dl|hr)$/;
  parseHtml(html, {
    open(el) {
      if (el.name === 'script' || el.name === 'style' || el.name === 'head') skip++;
      else if (el.name === 'a') {
        link++;
        links++;
      }
      if (BLOCKY.test(el.name)) buf += '\n';
    },
    close(el) {
      if (el.name === 'script' || el.name === 'style' || el.name === 'head') skip--;
      else if (el.name === 'a') link--;
      if (BLOCKY.test(el.name)) buf += '\n';
    },
    text(s) {
      if (skip > 0) return;
      buf += s;
      if (link > 0) linkText += clean(s).length;
    },
  });
  const lines = buf.split('\n').map(clean).filter(Boolean);
  const fields: [string, string][] = [];
  let fieldTextLength = 0;
  for (const line of lines) {
    const m = /^([A-Za-z][A-Za-z ]{0,24}):\s*(.*)$/.exec(line);
    if (m && labelField(m[1]) !== null) {
      fields.push([m[1], m[2]]);
      fieldTextLength += line.length;
    }
  }
  const textLength = lines.reduce((s, l) => s + l.length, 0);
  return { fields, textLength, fieldTextLength, links, linkTextLength: linkText, lines };
}

/** A title page: mostly labelled fields. */
function isTitlePage(s: Survey): boolean {
  return s.fields.length >= 3 && s.textLength - s.fieldTextLength < Math.max(1500, s.fieldTextLength * 2);
}

/** A table of contents: mostly links, or links under a "Contents" heading. */
function isNavigationPage(s: Survey): boolean {
  if (s.links < 3) return false;
  return s.linkTextLength >= s.textLength * 0.6 || (s.linkTextLength >= s.textLength * 0.3 && /^(?:table of )?contents$/i.test(s.lines[0] ?? ''));
}

function assignTitlePage(meta: WorkMetadata, s: Survey): void {
  // A `Summary:` field may run over the following unlabelled lines.
  for (let i = 0; i < s.lines.length; i++) {
    const m = /^([A-Za-z][A-Za-z ]{0,24}):\s*(.*)$/.exec(s.lines[i]);
    if (!m || labelField(m[1]) === null) continue;
    let value = m[2];
    if (labelField(m[1]) === 'summary') {
      while (i + 1 < s.lines.length) {
        const n = /^([A-Za-z][A-Za-z ]{0,24}):/.exec(s.lines[i + 1]);
        if (n && labelField(n[1]) !== null) break;
        value += '\n' + s.lines[++i];
      }
    }
    assignField(meta, m[1], value);
  }
}

export async function readEpub(bytes: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): Promise<EpubResult> {
  const zip = await BoundedZip.open(bytes, name, limits);
  try {
    return await readOpened(zip, name);
  } finally {
    zip.close();
  }
}

async function readOpened(zip: BoundedZip, name: string): Promise<EpubResult> {
  const warnings: { code: string; message: string }[] = [];
  if (zip.unsafe.length > 0) {
    warnings.push({
      code: 'epub-unsafe-entry',
      message: `${zip.unsafe.length} ${zip.unsafe.length === 1 ? 'entry' : 'entries'} with a name outside the archive ignored (first: ${JSON.stringify(zip.unsafe[0].slice(0, 80))})`,
    });
  }

  // The package file.
  let opfPath: string | null = null;
  const containerPath = zip.find('META-INF/container.xml');
  if (containerPath) {
    const declared = parseContainer(await readText(zip, containerPath));
    const resolved = declared ? resolveZipPath('', declared) : null;
    if (declared && !resolved) warnings.push({ code: 'epub-unsafe-path', message: `the package path ${JSON.stringify(declared.slice(0, 80))} points outside the archive` });
    opfPath = resolved ? zip.find(resolved) : null;
    if (!opfPath && declared) warnings.push({ code: 'epub-missing-opf', message: `container.xml names ${JSON.stringify(declared.slice(0, 80))}, which is not in the archive` });
  }
  if (!opfPath) {
    opfPath = [...zip.entries.keys()].find((k) => k.toLowerCase().endsWith('.opf')) ?? null;
    if (opfPath && !containerPath) warnings.push({ code: 'epub-no-container', message: 'no META-INF/container.xml; read the package file found in the archive' });
  }
  if (!opfPath) {
    if (zip.unsafe.length > 0) {
      throw new InputError(`${name} is not a usable EPUB: it has no OPF package file inside the archive (${zip.unsafe.length} entries with names outside the archive were ignored)`);
    }
    throw new InputError(`${name} is a zip archive but not an EPUB: it has no OPF package file`);
  }
  const opf = parseOpf(await readText(zip, opfPath), opfPath);

  // The reading order.
  const isDoc = (i: ManifestItem): boolean => /xhtml|html/.test(i.mediaType) || /\.x?html?$/i.test(i.href);
  let docs: ManifestItem[] = [];
  for (const ref of opf.spine) {
    const item = opf.manifest.get(ref.idref);
    if (!item) {
      warnings.push({ code: 'epub-missing-document', message: `the spine names ${JSON.stringify(ref.idref.slice(0, 80))}, which the manifest does not list` });
      continue;
    }
    if (!ref.linear) continue;
    docs.push(item);
  }
  if (docs.length === 0) {
    docs = opf.manifestOrder.filter(isDoc);
    if (docs.length === 0) throw new InputError(`${name} is not a usable EPUB: ${opf.hasSpine ? 'its spine is empty' : 'it has no spine'} and no XHTML documents`);
    warnings.push({ code: 'epub-no-spine', message: `${opf.hasSpine ? 'the spine is empty' : 'no spine'}: the documents were read in manifest order` });
  }

  // Chapter titles from the table of contents.
  let titles = new Map<string, string>();
  const navItem = opf.manifestOrder.find((i) => /\bnav\b/.test(i.properties));
  const ncxItem = opf.manifest.get(opf.tocId) ?? opf.manifestOrder.find((i) => i.mediaType === 'application/x-dtbncx+xml');
  try {
    const tocItem = navItem ?? ncxItem;
    const tocPath = tocItem?.path ? zip.find(tocItem.path) : null;
    if (tocItem && tocPath) titles = parseToc(await readText(zip, tocPath), tocPath, tocItem === ncxItem && tocItem !== navItem);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    warnings.push({ code: 'epub-toc-unreadable', message: e.message });
  }

  // Metadata from the package.
  const meta = emptyMetadata();
  const dc = (k: string): string[] => opf.dc.get(k) ?? [];
  const signature = [opf.generator, ...dc('contributor'), ...dc('publisher'), ...dc('source'), ...dc('identifier')].join(' ');
  let site: Site | null = /FanFicFare|FFF/i.test(signature) ? 'fanficfare' : /archiveofourown/i.test(signature) ? 'ao3' : null;

  const builder = new StoryBuilder();
  const extractor = new HtmlExtractor(builder, meta);
  const pending: { mark: number; title: string | null }[] = [];
  let storyDocs = 0;
  let flattened = 0;
  const seen = new Set<string>();
  let first = true;
  for (const item of docs) {
    if (item === navItem || /\bnav\b/.test(item.properties)) continue;
    if (!item.path) {
      warnings.push({ code: 'epub-unsafe-path', message: `the document ${JSON.stringify(item.href.slice(0, 80))} points outside the archive; skipped` });
      continue;
    }
    const path = zip.find(item.path);
    if (!path) {
      warnings.push({ code: 'epub-missing-document', message: `${item.path} is listed but not in the archive; skipped` });
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    const html = await readText(zip, path);
    const s = survey(html);
    const rules = rulesFor(html);
    if (rules === 'ao3') site ??= 'ao3';
    if (rules !== 'ao3' && isTitlePage(s)) {
      assignTitlePage(meta, s);
      continue;
    }
    if (rules !== 'ao3' && isNavigationPage(s)) continue;
    if (first) {
      builder.emptyParagraphsAreBreaks = emptyParagraphsAreBreaks(html);
      first = false;
    }
    const mark = builder.mark();
    const r = extractor.readDocument(html, { rules: rules === 'ffn' ? 'generic' : rules, kind: 'chapter' });
    flattened += r.stats.flattened;
    if (builder.storySince(mark)) {
      storyDocs++;
      if (!builder.headingSince(mark)) pending.push({ mark, title: titles.get(path) ?? null });
    }
  }
  // Documents without a heading of their own get one (from the table of contents) when the book
  // has several chapters. Inserted from the last, so earlier marks stay valid.
  if (storyDocs > 1 || builder.chapterCount > 0) {
    for (let k = pending.length - 1; k >= 0; k--) {
      const p = pending[k];
      const before = pending.slice(0, k).length + countHeadingsBefore(builder, p.mark);
      builder.insertHeading(p.mark, chapterHeading(p.title ?? '', before + 1));
    }
  }
  if (flattened > 0) warnings.push({ code: 'html-too-deep', message: `elements nested deeper than the limit were flattened (${flattened})` });

  // Package metadata fills what the title page did not say.
  meta.title ??= dc('title')[0] ?? null;
  if (meta.authors.length === 0) meta.authors.push(...dc('creator'));
  meta.language ??= dc('language')[0] ?? null;
  if (meta.summary === null && dc('description').length > 0) meta.summary = htmlToPlain(dc('description')[0]) || null;
  meta.url ??= [...dc('source'), ...dc('identifier')].find((u) => /^https?:\/\//i.test(u)) ?? null;
  if (meta.fandoms.length + meta.characters.length + meta.additionalTags.length + meta.relationships.length === 0) {
    meta.additionalTags.push(...dc('subject'));
  }
  const built = builder.finish();
  meta.notes.push(...builder.notes);
  return { built, meta, site, warnings };
}

function countHeadingsBefore(builder: StoryBuilder, mark: number): number {
  return builder.headingsBefore(mark);
}

/** Text of an HTML fragment (an OPF description), paragraphs on their own lines. */
export function htmlToPlain(html: string): string {
  let out = '';
  parseHtml(html, {
    open(el) {
      if (/^(p|div|br|li)$/.test(el.name)) out += '\n';
    },
    close() {},
    text(s) {
      out += s;
    },
  });
  return out
    .split('\n')
    .map(clean)
    .filter(Boolean)
    .join('\n');
}
