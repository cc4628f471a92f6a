/**
 * Story text and work metadata out of HTML: an AO3 download, a FanFiction.Net chapter page saved
 * from a browser, an EPUB chapter document, or any other page. Site rules say which elements are
 * story text (AO3 `.userstuff`, FFN `#storytext`), which are metadata (AO3's tag list, FFN's
 * profile block) and which are dropped (navigation, scripts, styles, forms, reviews). Emphasis is
 * inline: its words stay in the paragraph. Everything streams (see html-events.ts): no DOM.
 */
import { parseHtml, type El, type HtmlParseStats } from './html-events.js';
import { StoryBuilder, CHAPTER_LIKE, chapterHeading } from './builder.js';
import { assignField, clean, parseFfnInfoLine, type NoteKind, type WorkMetadata } from './metadata.js';

export type Site = 'ao3' | 'ffn' | 'fanficfare';

/** Which rules read a document. */
export type Rules = 'ao3' | 'ffn' | 'generic';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/** Never text, in any page. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video',
  'button', 'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'form', 'nav', 'menu', 'dialog', 'map',
  'head', 'link', 'meta',
]);
/** Page furniture in generic pages. */
const FURNITURE_TAGS = new Set(['header', 'footer', 'aside']);
const FURNITURE_NAME =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|sidebar|footer|header|masthead|breadcrumbs?|comments?|reviews?|share|sharing|social|ads?|advert\w*|sponsor\w*|banner|cookies?|toolbar|pagination|pager|related|skip)(?:[-_\s]|$)/i;
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar']);
const EPUB_DROP_TYPES = /\b(?:footnote|endnote|rearnote|noteref|pagebreak|toc|landmarks)\b/;

const enum Zone {
  Drop = 0,
  Out = 1,
  Story = 2,
  Collect = 3,
}

type Region = 'none' | 'head' | 'preface' | 'chapters' | 'meta' | 'afterword' | 'profile' | 'chapselect';

interface Item {
  text: string;
  href: string;
}

/** Gathers the text of one element (a tag value, a note, a heading) with its paragraphs and links. */
class Collector {
  private buf = '';
  readonly items: Item[] = [];
  private itemDepth = 0;
  constructor(
    readonly owner: El,
    readonly done: (c: Collector) => void,
  ) {}
  text(s: string): void {
    this.buf += s;
    if (this.itemDepth > 0) this.items[this.items.length - 1].text += s;
  }
  block(): void {
    this.buf += '\u0001';
  }
  br(): void {
    this.buf += '\u0002';
  }
  beginItem(href: string): void {
    if (this.itemDepth === 0) this.items.push({ text: '', href });
    this.itemDepth++;
  }
  endItem(): void {
    if (this.itemDepth > 0) this.itemDepth--;
  }
  /** The text, paragraphs separated by blank lines, line breaks kept. */
  get value(): string {
    return this.buf
      .split('\u0001')
      .map((p) =>
        p
          .split('\u0002')
          .map((l) => clean(l))
          .filter(Boolean)
          .join('\n'),
      )
      .filter(Boolean)
      .join('\n\n');
  }
  /** The text on one line. */
  get line(): string {
    return clean(this.buf.replace(/[\u0001\u0002]/g, ' '));
  }
  get itemTexts(): string[] {
    return this.items.map((i) => clean(i.text)).filter(Boolean);
  }
}

interface Ctx {
  zone: Zone;
  region: Region;
  collector: Collector | null;
  el: El;
  /** A <p> in story text: to notice empty ones. */
  storyP?: boolean;
}

/** Which site a page comes from, from markers in its markup (linear scans, bounded patterns). */
export function detectSite(html: string): Site | null {
  const hasId = (id: string): boolean => new RegExp(`\\sid\\s*=\\s*["']?${id}(?:["'\\s>/])`, 'i').test(html);
  if (hasId('storytext') || (hasId('profile_top') && /fanfiction\.net/i.test(html))) return 'ffn';
  const userstuff = /class\s*=\s*["'][^"'<>]{0,200}\buserstuff\b/i.test(html);
  if ((hasId('preface') && (userstuff || /archiveofourown|Archive of Our Own/i.test(html))) || (hasId('chapters') && userstuff)) return 'ao3';
  return null;
}

/** Rules for one document, from its markers. */
export function rulesFor(html: string): Rules {
  const site = detectSite(html);
  if (site === 'ffn') return 'ffn';
  if (site === 'ao3') return 'ao3';
  // An AO3 EPUB's documents: `.userstuff` text under `.meta` headings, or the afterword, without a preface.
  const userstuff = /class\s*=\s*["'][^"'<>]{0,200}\buserstuff\b/i.test(html);
  if (userstuff && (/class\s*=\s*["'][^"'<>]{0,200}\bheading\b/i.test(html) || /\sid\s*=\s*["']?afterword\b/i.test(html))) return 'ao3';
  return 'generic';
}

/**
 * Empty paragraphs are scene breaks when they are rare (a page that puts one between every two
 * paragraphs uses them as spacing).
 */
export function emptyParagraphsAreBreaks(html: string): boolean {
  let all = 0;
  for (const _ of html.matchAll(/<p[\s>]/gi)) all++;
  let empty = 0;
  for (const _ of html.matchAll(/<p(?:\s[^<>]{0,300})?>(?:\s|&nbsp;|&#160;|\u00a0|<br\s{0,5}\/?>){0,50}<\/p>/gi)) empty++;
  return empty > 0 && empty < (all - empty) * 0.3;
}

export interface DocumentOptions {
  rules: Rules;
  /** `page`: a whole page (its first <h1> may be the work's title); `chapter`: an EPUB chapter document. */
  kind: 'page' | 'chapter';
}

export interface DocumentResult {
  stats: HtmlParseStats;
  /** The page's <title>. */
  pageTitle: string | null;
}

/** Reads HTML documents into a StoryBuilder and WorkMetadata. One per story (EPUBs feed it several). */
export class HtmlExtractor {
  /** FFN chapter <select> options, from the first chapter select of the page. */
  readonly ffnOptions: { text: string; selected: boolean }[] = [];
  private seenChapSelect = false;
  private lastLabel = '';
  private noteLabel = '';
  private seenProfileTitle = false;

  constructor(
    readonly builder: StoryBuilder,
    readonly meta: WorkMetadata,
  ) {}

  readDocument(html: string, options: DocumentOptions): DocumentResult {
    const b = this.builder;
    const rules = options.rules;
    const stack: Ctx[] = [];
    let pageTitle: string | null = null;
    const docStart = b.mark();
    const root: Ctx = { zone: rules === 'generic' ? Zone.Story : Zone.Out, region: 'none', collector: null, el: { name: '#root', attrs: {}, id: '', classes: [] } };
    const top = (): Ctx => stack[stack.length - 1] ?? root;
    const collect = (el: El, parent: Ctx, done: (c: Collector) => void): Ctx => ({
      zone: Zone.Collect,
      region: parent.region,
      collector: new Collector(el, done),
      el,
    });

    const noteKind = (label: string, fallback: NoteKind): NoteKind => {
      if (/end\s*notes?/i.test(label)) return 'end-notes';
      if (/summary/i.test(label)) return 'summary';
      if (/notes?/i.test(label)) return 'notes';
      return fallback;
    };

    const genericHeading = (level: number, text: string): void => {
      if (!text) return;
      if (options.kind === 'chapter') {
        if (!b.storySince(docStart) && !b.headingSince(docStart)) {
          b.heading(chapterHeading(text, b.chapterCount + 1));
          return;
        }
      }
      if (CHAPTER_LIKE.test(text) || /^\d{1,3}\s*[.:]\s*\S/.test(text)) {
        b.heading(chapterHeading(text, b.chapterCount + 1));
        return;
      }
      if (options.kind === 'page' && level <= 2 && this.meta.title === null && !b.storySince(docStart)) {
        this.meta.title = text;
        return;
      }
      b.paragraph(text);
    };

    const rule = (el: El, parent: Ctx): Ctx => {
      const name = el.name;
      const region = parent.region;
      const out = (r: Region = region): Ctx => ({ zone: Zone.Out, region: r, collector: null, el });
      const story = (r: Region = region): Ctx => ({ zone: Zone.Story, region: r, collector: null, el, storyP: name === 'p' });
      const drop: Ctx = { zone: Zone.Drop, region, collector: null, el };

      if (name === 'head') return out('head');
      if (name === 'title' && region === 'head') {
        return collect(el, parent, (c) => {
          pageTitle ??= c.line || null;
        });
      }
      // FFN's chapter list is a <select>: read before the generic drop of form controls.
      if (rules === 'ffn') {
        if (name === 'select' && (el.id === 'chap_select' || el.attrs['name'] === 'chap_select') && !this.seenChapSelect) {
          this.seenChapSelect = true;
          return out('chapselect');
        }
        if (name === 'option' && region === 'chapselect') {
          const selected = 'selected' in el.attrs;
          return collect(el, parent, (c) => this.ffnOptions.push({ text: c.line, selected }));
        }
      }
      if (DROP.has(name)) return drop;
      const epubType = el.attrs['epub:type'];
      if (epubType && EPUB_DROP_TYPES.test(epubType)) return drop;

      if (rules === 'ao3') {
        if (el.id === 'preface') return out('preface');
        if (el.id === 'afterword') return out('afterword');
        if (el.id === 'chapters') return story('chapters');
        if (region === 'preface' || region === 'afterword' || region === 'meta') {
          if (name === 'dt') return collect(el, parent, (c) => (this.lastLabel = c.line));
          if (name === 'dd') {
            const label = this.lastLabel;
            return collect(el, parent, (c) => {
              assignField(this.meta, label, c.line, c.itemTexts);
            });
          }
          if (name === 'h1' && region === 'preface') {
            return collect(el, parent, (c) => {
              if (c.line) this.meta.title ??= c.line;
            });
          }
          if (name === 'h2' && el.classes.includes('heading') && region === 'meta') {
            return collect(el, parent, (c) => b.heading(chapterHeading(c.line, b.chapterCount + 1)));
          }
          if (el.classes.includes('byline')) {
            return collect(el, parent, (c) => {
              const names = c.itemTexts;
              this.meta.authors.push(...(names.length > 0 ? names : [c.line.replace(/^by\s+/i, '')]).filter((n) => n && !this.meta.authors.includes(n)));
            });
          }
          if (el.classes.includes('message')) {
            return collect(el, parent, (c) => {
              const url = c.items.map((i) => i.href).find((h) => /^https?:\/\/\S+\/works\/\d+/.test(h));
              if (url) this.meta.url ??= url;
            });
          }
          if (name === 'blockquote') {
            const label = this.noteLabel;
            const chapter = region === 'meta' ? b.currentChapter : null;
            const fallback: NoteKind = region === 'afterword' ? 'end-notes' : 'notes';
            return collect(el, parent, (c) => {
              const kind = noteKind(label, fallback);
              const text = c.value;
              if (region === 'preface' && kind === 'summary') {
                this.meta.summary ??= text || null;
                return;
              }
              b.note(region === 'afterword' && kind === 'notes' ? 'end-notes' : kind, text, chapter);
            });
          }
          if (name === 'p' || name === 'h3' || name === 'h4') return collect(el, parent, (c) => (this.noteLabel = c.line));
          return out();
        }
        if (el.classes.includes('meta')) return out('meta');
        if (name === 'h2' && el.classes.includes('heading')) {
          return collect(el, parent, (c) => b.heading(chapterHeading(c.line, b.chapterCount + 1)));
        }
        if (name === 'h3' && el.classes.includes('landmark')) return drop;
        if (el.classes.includes('userstuff')) return story(region === 'none' ? 'chapters' : region);
        return parent.zone === Zone.Story ? story() : out();
      }

      if (rules === 'ffn') {
        if (el.id === 'profile_top') return out('profile');
        if (el.id === 'storytext') return story('none');
        if (parent.zone === Zone.Story) return story();
        if (region === 'profile') {
          if (name === 'b' && !this.seenProfileTitle) {
            this.seenProfileTitle = true;
            return collect(el, parent, (c) => {
              if (c.line) this.meta.title ??= c.line;
            });
          }
          if (name === 'a' && this.meta.authors.length === 0 && /\/u\/\d+/.test(el.attrs['href'] ?? '')) {
            return collect(el, parent, (c) => {
              if (c.line && !this.meta.authors.includes(c.line)) this.meta.authors.push(c.line);
            });
          }
          if (name === 'div' && el.classes.includes('xcontrast_txt')) {
            return collect(el, parent, (c) => {
              if (c.line) this.meta.summary ??= c.line;
            });
          }
          if (name === 'span' && el.classes.includes('xgray')) return collect(el, parent, (c) => parseFfnInfoLine(this.meta, c.line));
        }
        return out();
      }

      // Generic pages and EPUB chapter documents.
      if (parent.zone !== Zone.Story) return out();
      if (FURNITURE_TAGS.has(name)) return drop;
      const role = el.attrs['role'];
      if (role && FURNITURE_ROLES.has(role.toLowerCase())) return drop;
      if ((el.id && FURNITURE_NAME.test(el.id)) || el.classes.some((c) => FURNITURE_NAME.test(c))) return drop;
      if (/^h[1-6]$/.test(name)) {
        const level = Number(name[1]);
        return collect(el, parent, (c) => genericHeading(level, c.line));
      }
      return story();
    };

    const stats = parseHtml(html, {
      open: (el) => {
        const parent = top();
        if (parent.zone === Zone.Drop) {
          stack.push(parent);
          return;
        }
        if (parent.zone === Zone.Collect) {
          const c = parent.collector!;
          if (el.name === 'script' || el.name === 'style') {
            stack.push({ zone: Zone.Drop, region: parent.region, collector: null, el });
            return;
          }
          if (el.name === 'a') c.beginItem(el.attrs['href'] ?? '');
          else if (el.name === 'br') c.br();
          else if (BLOCK.has(el.name)) c.block();
          stack.push({ zone: Zone.Collect, region: parent.region, collector: c, el });
          return;
        }
        const ctx = rule(el, parent);
        if (ctx.zone === Zone.Story) {
          if (el.name === 'br') b.lineBreak();
          else if (el.name === 'hr') b.sceneBreak();
          else if (BLOCK.has(el.name)) b.boundary();
        }
        stack.push(ctx);
      },
      close: (el) => {
        const ctx = stack.pop();
        if (!ctx || ctx.zone === Zone.Drop) return;
        if (ctx.zone === Zone.Collect) {
          const c = ctx.collector!;
          if (c.owner === el) c.done(c);
          else if (el.name === 'a') c.endItem();
          else if (BLOCK.has(el.name)) c.block();
          return;
        }
        if (ctx.zone === Zone.Story && BLOCK.has(el.name)) {
          if (ctx.storyP && !b.hasPendingText) b.emptyParagraph();
          b.boundary();
        }
      },
      text: (s) => {
        const ctx = top();
        if (ctx.zone === Zone.Story) b.inline(s);
        else if (ctx.zone === Zone.Collect) ctx.collector!.text(s);
      },
    });
    b.boundary();
    return { stats, pageTitle };
  }
}
