/**
 * A bounded, streaming HTML/XHTML reader: htmlparser2's tokenizer (tags, attributes, entities,
 * raw-text elements such as <script>) with our own open-element stack on top, so that hostile
 * markup stays linear. htmlparser2's own Parser keeps its stack with `unshift`/`indexOf`, which is
 * quadratic in the nesting depth (100,000 nested <div>s took seconds, unmatched end tags minutes);
 * here the stack is pushed and popped at its end and capped at `maxDepth`: deeper elements are
 * flattened into the deepest one (their text is kept) and counted.
 *
 * No tree is built: the reader calls `open`, `text` and `close`, in document order, and the caller
 * keeps whatever state it needs. Memory is the stack plus the caller's output.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface El {
  /** Lower-case tag name (`p`, `div`, `dc:title`). */
  name: string;
  /** Attributes with lower-case names; the first of a repeated attribute wins. */
  attrs: Record<string, string>;
  id: string;
  classes: string[];
}

export interface HtmlHandler {
  open(el: El): void;
  close(el: El): void;
  text(text: string): void;
}

export interface HtmlParseStats {
  /** Elements opened. */
  elements: number;
  /** Elements not nested because the stack was full (their content was kept, flattened). */
  flattened: number;
  /** Deepest nesting reached. */
  maxDepth: number;
}

/** Deepest nesting kept. Real pages stay far below it (an AO3 download: about 10). */
export const MAX_HTML_DEPTH = 256;

const VOID = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const P_CLOSERS = [
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt',
];

/** Opening tag → open elements it closes when they are at the top of the stack (as browsers do, simplified). */
const IMPLIES_CLOSE = new Map<string, Set<string>>();
for (const t of P_CLOSERS) IMPLIES_CLOSE.set(t, new Set(['p']));
IMPLIES_CLOSE.set('li', new Set(['li', 'p']));
IMPLIES_CLOSE.set('dt', new Set(['dt', 'dd', 'p']));
IMPLIES_CLOSE.set('dd', new Set(['dt', 'dd', 'p']));
IMPLIES_CLOSE.set('option', new Set(['option']));
IMPLIES_CLOSE.set('optgroup', new Set(['option', 'optgroup']));
IMPLIES_CLOSE.set('tr', new Set(['tr', 'td', 'th']));
IMPLIES_CLOSE.set('td', new Set(['td', 'th']));
IMPLIES_CLOSE.set('th', new Set(['td', 'th']));
IMPLIES_CLOSE.set('tbody', new Set(['thead', 'tbody', 'tr', 'td', 'th']));
IMPLIES_CLOSE.set('tfoot', new Set(['thead', 'tbody', 'tr', 'td', 'th']));
IMPLIES_CLOSE.set('body', new Set(['head', 'p']));

/**
 * Read `html` and report its elements and text to `handler`. Never throws on malformed markup
 * (unclosed, misnested or stray tags are resolved the simple way); linear in the input length.
 */
export function parseHtml(html: string, handler: HtmlHandler, maxDepth = MAX_HTML_DEPTH): HtmlParseStats {
  const stack: El[] = [];
  // Parallel to `stack`: true where an element was not pushed (flattened) — never stored; the
  // flattened ones simply do not exist for close-tag matching.
  const stats: HtmlParseStats = { elements: 0, flattened: 0, maxDepth: 0 };
  let pendingName = '';
  let pendingAttrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  let inTag = false;

  const makeEl = (name: string, attrs: Record<string, string>): El => {
    const cls = attrs['class'];
    return { name, attrs, id: attrs['id'] ?? '', classes: cls ? cls.split(/[ \t\n\r\f]+/).filter(Boolean) : [] };
  };

  const popTo = (index: number): void => {
    while (stack.length > index) handler.close(stack.pop()!);
  };

  const openElement = (name: string, attrs: Record<string, string>, selfClosing: boolean): void => {
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1].name)) handler.close(stack.pop()!);
    const el = makeEl(name, attrs);
    stats.elements++;
    if (VOID.has(name) || selfClosing) {
      handler.open(el);
      handler.close(el);
      return;
    }
    if (stack.length >= maxDepth) {
      stats.flattened++;
      return;
    }
    stack.push(el);
    if (stack.length > stats.maxDepth) stats.maxDepth = stack.length;
    handler.open(el);
  };

  const closeElement = (name: string): void => {
    if (VOID.has(name)) {
      // `</br>` is read as <br>, as browsers do; other void end tags are ignored.
      if (name === 'br') openElement('br', {}, true);
      return;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].name === name) {
        popTo(k);
        return;
      }
    }
    // `</p>` without an open <p>: an empty paragraph, as browsers do. Other stray end tags: ignored.
    if (name === 'p') openElement('p', {}, true);
  };

  const slice = (s: number, e: number): string => html.slice(s, e);

  const cbs: TokenizerCallbacks = {
    onattribdata(s, e) {
      attrValue += slice(s, e);
    },
    onattribentity(cp) {
      attrValue += String.fromCodePoint(cp);
    },
    onattribend() {
      if (attrName !== '' && !Object.prototype.hasOwnProperty.call(pendingAttrs, attrName)) pendingAttrs[attrName] = attrValue;
      attrName = '';
      attrValue = '';
    },
    onattribname(s, e) {
      attrName = slice(s, e).toLowerCase();
      attrValue = '';
    },
    oncdata(s, e, offset) {
      handler.text(slice(s, e - offset));
    },
    onclosetag(s, e) {
      closeElement(slice(s, e).toLowerCase());
    },
    oncomment() {
      // Comments are not text.
    },
    ondeclaration() {
      // <!DOCTYPE …>
    },
    onend() {
      popTo(0);
    },
    onopentagend() {
      if (!inTag) return;
      inTag = false;
      openElement(pendingName, pendingAttrs, false);
    },
    onopentagname(s, e) {
      inTag = true;
      pendingName = slice(s, e).toLowerCase();
      pendingAttrs = Object.create(null) as Record<string, string>;
    },
    onprocessinginstruction() {
      // <?xml …?>
    },
    onselfclosingtag() {
      if (!inTag) return;
      inTag = false;
      openElement(pendingName, pendingAttrs, true);
    },
    ontext(s, e) {
      handler.text(slice(s, e));
    },
    ontextentity(cp) {
      handler.text(String.fromCodePoint(cp));
    },
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
  return stats;
}

/** True when `el` has class `name`. */
export function hasClass(el: El, name: string): boolean {
  return el.classes.includes(name);
}
