/**
 * Bytes to text. UTF-8 (BOM removed) is what this version reads; bytes that are not text (NULs,
 * control characters) or not valid UTF-8 are refused with one clear line rather than guessed at.
 */
import { InputError } from '../errors.js';

/** Largest input accepted, in bytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The one-line message for an input over `MAX_INPUT_BYTES` (shared with the CLI's early size check). */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`;
}

export function decodeText(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty`);
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(tooLargeMessage(name, bytes.length));
  // UTF-16 and UTF-32 files announce themselves with a byte-order mark; name them rather than
  // calling them binary (their ASCII letters carry NUL bytes).
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError(`${name} starts with a UTF-16 byte-order mark; save it as UTF-8 and try again`);
  }
  // Binary files: NUL bytes or many control characters in the first 8 KB.
  const probe = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < probe; i++) {
    const b = bytes[i];
    if (b === 0) throw new InputError(`${name} looks binary (it contains NUL bytes), not a text file`);
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > probe / 100 + 2) throw new InputError(`${name} looks binary (control bytes), not a text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at < 0 ? '' : ` (byte 0x${bytes[at].toString(16).padStart(2, '0')} on line ${lineOf(bytes, at)})`;
    throw new InputError(
      `${name} is not valid UTF-8 text${where}; it may be Latin-1 or Windows-1252: save it as UTF-8 and try again`,
    );
  }
  if (text.includes('\u0000')) throw new InputError(`${name} contains NUL characters, not a text file`);
  if (text.trim().length === 0) throw new InputError(`${name} contains only white space`);
  return text;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. Only used to explain a failure. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
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
    } else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}
