/**
 * A reader for the Python literals PDNC stores in its CSV fields: lists, tuples, sets (`{'a', 'b'}`,
 * `set()`), dicts, strings in single or double quotes with backslash escapes (and implicit
 * concatenation of adjacent strings), ints, floats, None, True, False, and pandas' bare `nan`.
 * Sets and tuples come back as arrays, dicts as Maps from key to value.
 */

export type PyValue = null | boolean | number | string | PyValue[] | Map<PyValue, PyValue>;

export class PyLiteralError extends Error {}

export function parsePyLiteral(src: string): PyValue {
  const p = new Parser(src);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i < src.length) p.fail('unexpected text after the value');
  return v;
}

/** Parse, or return `fallback` when the field is empty, `nan`, or not a valid literal. */
export function parsePyLiteralOr<T extends PyValue>(src: string, fallback: T): PyValue {
  const s = src.trim();
  if (s === '' || s === 'nan' || s === 'None') return fallback;
  try {
    return parsePyLiteral(s);
  } catch {
    return fallback;
  }
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  fail(msg: string): never {
    throw new PyLiteralError(`Python literal: ${msg} at offset ${this.i} in ${JSON.stringify(this.s.slice(0, 80))}`);
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): PyValue {
    const s = this.s;
    if (this.i >= s.length) this.fail('unexpected end');
    const c = s[this.i];
    if (c === '[') return this.seq('[', ']');
    if (c === '(') {
      const items = this.seq('(', ')');
      return items;
    }
    if (c === '{') return this.braces();
    if (c === "'" || c === '"') return this.strings();
    if ((c === 'r' || c === 'u' || c === 'R' || c === 'U') && (s[this.i + 1] === "'" || s[this.i + 1] === '"')) {
      return this.strings();
    }
    if (/[-+0-9.]/.test(c)) return this.number();
    const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(s.slice(this.i, this.i + 16));
    if (m) {
      const w = m[0];
      this.i += w.length;
      if (w === 'None') return null;
      if (w === 'True') return true;
      if (w === 'False') return false;
      if (w === 'nan') return NaN;
      if (w === 'inf') return Infinity;
      if (w === 'set' || w === 'frozenset' || w === 'list' || w === 'tuple') {
        this.ws();
        if (s[this.i] !== '(') this.fail(`expected "(" after ${w}`);
        this.i++;
        this.ws();
        if (s[this.i] === ')') {
          this.i++;
          return [];
        }
        const inner = this.value();
        this.ws();
        if (s[this.i] !== ')') this.fail(`expected ")" closing ${w}(`);
        this.i++;
        if (!Array.isArray(inner)) this.fail(`${w}() of a non-sequence`);
        return inner;
      }
      this.i -= w.length;
      this.fail(`unknown name ${w}`);
    }
    this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  seq(open: string, close: string): PyValue[] {
    const s = this.s;
    this.i++; // open
    const out: PyValue[] = [];
    this.ws();
    while (s[this.i] !== close) {
      out.push(this.value());
      this.ws();
      if (s[this.i] === ',') {
        this.i++;
        this.ws();
      } else if (s[this.i] !== close) {
        this.fail(`expected "," or "${close}"`);
      }
    }
    this.i++;
    void open;
    return out;
  }

  /** `{}` is an empty dict; `{a, b}` a set (as an array); `{k: v}` a dict. */
  braces(): PyValue {
    const s = this.s;
    this.i++;
    this.ws();
    if (s[this.i] === '}') {
      this.i++;
      return new Map();
    }
    const first = this.value();
    this.ws();
    if (s[this.i] === ':') {
      const map = new Map<PyValue, PyValue>();
      this.i++;
      this.ws();
      map.set(first, this.value());
      this.ws();
      while (s[this.i] === ',') {
        this.i++;
        this.ws();
        if (s[this.i] === '}') break;
        const k = this.value();
        this.ws();
        if (s[this.i] !== ':') this.fail('expected ":" in dict');
        this.i++;
        this.ws();
        map.set(k, this.value());
        this.ws();
      }
      if (s[this.i] !== '}') this.fail('expected "}" closing dict');
      this.i++;
      return map;
    }
    const items: PyValue[] = [first];
    while (s[this.i] === ',') {
      this.i++;
      this.ws();
      if (s[this.i] === '}') break;
      items.push(this.value());
      this.ws();
    }
    if (s[this.i] !== '}') this.fail('expected "," or "}" in set');
    this.i++;
    return items;
  }

  /** One string literal, or several adjacent ones (Python concatenates them). */
  strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.i;
      this.ws();
      const c = this.s[this.i];
      if (c === "'" || c === '"') out += this.string();
      else {
        this.i = save;
        return out;
      }
    }
  }

  string(): string {
    const s = this.s;
    let raw = false;
    const pre = s[this.i];
    if (pre === 'r' || pre === 'R') {
      raw = true;
      this.i++;
    } else if (pre === 'u' || pre === 'U') {
      this.i++;
    }
    const q = s[this.i];
    const triple = s[this.i + 1] === q && s[this.i + 2] === q;
    this.i += triple ? 3 : 1;
    let out = '';
    for (;;) {
      if (this.i >= s.length) this.fail('unterminated string');
      const c = s[this.i];
      if (c === q && (!triple || (s[this.i + 1] === q && s[this.i + 2] === q))) {
        this.i += triple ? 3 : 1;
        return out;
      }
      if (c === '\\') {
        const d = s[this.i + 1];
        if (d === undefined) this.fail('backslash at end');
        if (raw) {
          out += c + d;
          this.i += 2;
          continue;
        }
        this.i += 2;
        switch (d) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case '0': out += '\0'; break;
          case 'a': out += '\x07'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'v': out += '\v'; break;
          case '\\': out += '\\'; break;
          case "'": out += "'"; break;
          case '"': out += '"'; break;
          case '\n': break; // line continuation
          case 'x': out += this.hex(2); break;
          case 'u': out += this.hex(4); break;
          case 'U': out += this.hex(8); break;
          default: out += '\\' + d; // Python keeps unknown escapes as written
        }
        continue;
      }
      out += c;
      this.i++;
    }
  }

  hex(len: number): string {
    const h = this.s.slice(this.i, this.i + len);
    if (h.length !== len || !/^[0-9a-fA-F]+$/.test(h)) this.fail('bad hex escape');
    this.i += len;
    return String.fromCodePoint(parseInt(h, 16));
  }

  number(): number {
    const m = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) {
      if (this.s.startsWith('-inf', this.i)) {
        this.i += 4;
        return -Infinity;
      }
      this.fail('bad number');
    }
    this.i += m[0].length;
    return Number(m[0].replace(/_/g, ''));
  }
}

/** Helpers to read parsed values with a shape check. */
export function asArray(v: PyValue): PyValue[] {
  return Array.isArray(v) ? v : [];
}
export function asStringArray(v: PyValue): string[] {
  return asArray(v).filter((x): x is string => typeof x === 'string');
}
