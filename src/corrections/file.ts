/** Reading and writing corrections files (UTF-8 JSON). */
import { readFileBytes, writeFileAtomic } from '../cli/io.js';
import { InputError } from '../errors.js';
import { parseCorrections, type Corrections } from './index.js';

export async function readCorrections(path: string): Promise<Corrections> {
  const bytes = await readFileBytes(path, 'corrections file');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`corrections file ${path} is not valid UTF-8 text`);
  }
  return parseCorrections(json, `corrections file ${path}`);
}

export function correctionsJson(c: Corrections): string {
  return JSON.stringify(c, null, 2) + '\n';
}

export async function writeCorrections(path: string, c: Corrections, pid: number): Promise<void> {
  await writeFileAtomic(path, correctionsJson(c), pid);
}
