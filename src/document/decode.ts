/**
 * Bytes to text. UTF-8 (BOM removed) is what this version reads; bytes that are not text (NULs,
 * control characters) or not valid UTF-8 are refused with one clear line rather than guessed at.
 */
import { InputError } from '../errors.js';

/** Largest input accepted, in bytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function decodeText(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty`);
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`${name} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
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
    throw new InputError(`${name} is not valid UTF-8 text (save it as UTF-8 and try again)`);
  }
  if (text.includes('\u0000')) throw new InputError(`${name} contains NUL characters, not a text file`);
  if (text.trim().length === 0) throw new InputError(`${name} contains only white space`);
  return text;
}
