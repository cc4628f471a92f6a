/**
 * Bytes to text. Encodings are recognised, not assumed: UTF-8 (with or without a byte-order mark),
 * UTF-16 (with a byte-order mark, or without one when the NUL pattern of mostly-ASCII text shows
 * it), and Windows-1252 (curly quotes as 0x93/0x94), including UTF-8 files with a few stray
 * Windows-1252 bytes. What is lossy or guessed is reported as a warning, never silently repaired;
 * only bytes that are not text at all (binary files, other container formats) are refused, with one
 * clear line.
 */
import { InputError } from '../errors.js';

/** Largest input accepted, in bytes (a story file, an HTML page or an EPUB). */
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;

/** The one-line message for an input over `MAX_INPUT_BYTES` (shared with the CLI's early size check). */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`;
}

/** A problem met while decoding that did not stop it (same shape as the Analysis warnings). */
export interface DecodeWarning {
  code: string;
  message: string;
}

export interface Decoded {
  text: string;
  /** The encoding read: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`, or a declared charset. */
  encoding: string;
  warnings: DecodeWarning[];
}

export interface DecodeOptions {
  /** A charset the file declares (an HTML `<meta charset>`), used only when the bytes are not UTF-8. */
  declaredCharset?: string | null;
  /** Refuse text that is only white space (true for stories; false for parts of an archive). */
  refuseBlank?: boolean;
}

/** Bytes to text, or one-line InputError. The leading byte-order mark is removed. */
export function decodeText(bytes: Uint8Array, name = 'input'): string {
  return decodeBytes(bytes, name).text;
}

/** Known binary formats, named in the refusal so the user knows what they handed over. */
const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x1f, 0x8b], 'gzip-compressed'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** What a binary file is, when it is a format we can name (for messages). */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (startsWith(bytes, sig)) return what;
  // MOBI / AZW: "BOOKMOBI" at offset 60 of a Palm database.
  if (startsWith(bytes, [0x42, 0x4f, 0x4f, 0x4b, 0x4d, 0x4f, 0x42, 0x49], 60)) return 'a Kindle (MOBI/AZW) e-book';
  return null;
}

export function decodeBytes(bytes: Uint8Array, name = 'input', options: DecodeOptions = {}): Decoded {
  const refuseBlank = options.refuseBlank ?? true;
  if (bytes.length === 0) throw new InputError(`${name} is empty`);
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(tooLargeMessage(name, bytes.length));
  const warnings: DecodeWarning[] = [];
  let text: string;
  let encoding: string;

  const bom = bytes.length >= 2 ? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null) : null;
  if (bom === 'utf-16le' && bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0) {
    throw new InputError(`${name} is UTF-32 text, which dramatis does not read; save it as UTF-8 and try again`);
  }
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    throw new InputError(`${name} is UTF-32 text, which dramatis does not read; save it as UTF-8 and try again`);
  }
  const utf16 = bom ?? sniffUtf16(bytes);
  if (utf16 !== null) {
    ({ text, encoding } = decodeUtf16(bytes, utf16, bom !== null, warnings));
  } else {
    // Binary files: NUL bytes or many control characters in the first 8 KB. A few NULs in text (a
    // copying accident) are removed with a warning instead.
    const probe = Math.min(bytes.length, 8192);
    let control = 0;
    let nulsInProbe = 0;
    for (let i = 0; i < probe; i++) {
      const b = bytes[i];
      if (b === 0) nulsInProbe++;
      else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
    }
    if (nulsInProbe > probe / 200 + 1 || (nulsInProbe > 0 && probe < 64)) {
      throw new InputError(`${name} looks binary (it contains NUL bytes), not a text file`);
    }
    if (control > probe / 100 + 2) throw new InputError(`${name} looks binary (control bytes), not a text file`);
    const kind = binaryKind(bytes);
    if (kind !== null) throw new InputError(`${name} looks binary (${kind}), not a text file; dramatis reads text, HTML and EPUB files`);
    ({ text, encoding } = decodeUtf8OrWindows1252(bytes, options.declaredCharset ?? null, name, warnings));
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    let count = 0;
    for (let i = nul; i < text.length; i++) if (text.charCodeAt(i) === 0) count++;
    if (count > text.length / 200 + 1) throw new InputError(`${name} looks binary (it contains NUL bytes), not a text file`);
    text = text.replace(/\u0000/g, '');
    warnings.push({ code: 'nul-removed', message: `${count} NUL ${count === 1 ? 'character was' : 'characters were'} removed from ${name}` });
  }
  if (refuseBlank && text.trim().length === 0) throw new InputError(`${name} contains only white space`);
  return { text, encoding, warnings };
}

/**
 * UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte. Looks at the
 * first 4 KB; returns the byte order, or null.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be', hasBom: boolean, warnings: DecodeWarning[]): { text: string; encoding: string } {
  let body = hasBom ? bytes.subarray(2) : bytes;
  if (body.length % 2 === 1) {
    body = body.subarray(0, body.length - 1);
    warnings.push({ code: 'truncated-utf16', message: 'the UTF-16 text ends with half a character, which was dropped' });
  }
  const text = new TextDecoder(enc, { fatal: false, ignoreBOM: true }).decode(body);
  const bad = countChar(text, 0xfffd);
  if (bad > 0) warnings.push({ code: 'invalid-utf16', message: `${bad} invalid UTF-16 ${bad === 1 ? 'sequence was' : 'sequences were'} replaced by U+FFFD` });
  if (!hasBom) warnings.push({ code: 'encoding-guessed', message: `no byte-order mark: read as ${enc === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} from its byte pattern` });
  return { text, encoding: enc };
}

function countChar(text: string, code: number): number {
  let n = 0;
  const ch = String.fromCharCode(code);
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Windows-1252 bytes 0x80–0x9F; the five undefined ones become U+FFFD. */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Bytes as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** One byte as Windows-1252. */
export function cp1252Char(b: number): string {
  if (b >= 0x80 && b <= 0x9f) return CP1252_HIGH[b - 0x80];
  return String.fromCharCode(b);
}

function decodeUtf8OrWindows1252(bytes: Uint8Array, declared: string | null, name: string, warnings: DecodeWarning[]): { text: string; encoding: string } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not valid UTF-8: see below.
  }
  // A charset the document declares (other than UTF-8) is believed when the bytes are not UTF-8.
  if (declared && !/^utf-?8$/i.test(declared.trim())) {
    try {
      const dec = new TextDecoder(declared.trim().toLowerCase(), { fatal: false });
      // Node's TextDecoder reads windows-1252 (and its aliases latin1, iso-8859-1, ascii) as ISO-8859-1;
      // those go through our own table.
      if (dec.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
      if (dec.encoding !== 'utf-8' && !dec.encoding.startsWith('utf-16')) return { text: dec.decode(bytes), encoding: dec.encoding };
    } catch {
      // Unknown label: fall through to the byte-level reading.
    }
  }
  // Valid UTF-8 sequences are read as UTF-8; every other byte as its Windows-1252 character. Pure
  // Windows-1252 text comes out right (its high bytes almost never form UTF-8 sequences), and so do
  // the stray curly quotes pasted into a UTF-8 file.
  const parts: string[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  const n = bytes.length;
  let runStart = hasBom ? 3 : 0;
  let invalid = 0;
  let multibyte = 0;
  let firstBad = -1;
  let i = runStart;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      multibyte++;
      i += len;
      continue;
    }
    if (i > runStart) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(b));
    if (firstBad < 0) firstBad = i;
    invalid++;
    i++;
    runStart = i;
  }
  if (runStart < n) parts.push(utf8.decode(bytes.subarray(runStart, n)));
  const text = parts.join('');
  const where = `byte 0x${bytes[firstBad].toString(16).padStart(2, '0')} on line ${lineOf(bytes, firstBad)}`;
  if (multibyte === 0 || multibyte < invalid / 20) {
    warnings.push({ code: 'encoding-guessed', message: `${name} is not UTF-8 (first at ${where}): read as Windows-1252` });
    return { text, encoding: 'windows-1252' };
  }
  warnings.push({
    code: 'invalid-utf8',
    message: `${invalid} ${invalid === 1 ? 'byte' : 'bytes'} of ${name} ${invalid === 1 ? 'is' : 'are'} not valid UTF-8 (first: ${where}); read as Windows-1252 characters`,
  });
  return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

/** Length (2–4) of the valid UTF-8 multi-byte sequence starting at `i`, or 0 when it is invalid. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. Only used to explain a failure. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}
