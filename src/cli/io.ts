/** File and stream I/O of the CLI: reading the story and cast, writing output atomically. Errors are one line. */
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DramatisError, ExitCode, InputError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../document/decode.js';
import { readStory as readStoryBytes, type Story } from '../input/index.js';
import { parseCastFile } from '../cast-file.js';
import type { CastFile } from '../types.js';

/** What the CLI writes to: a process stream, or a test's capture. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type InStream = AsyncIterable<Uint8Array | string>;

/** The name of standard input in messages. */
export const STDIN_NAME = 'standard input';

function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? ((e as { code?: unknown }).code as string | undefined) : undefined;
}

/** A one-line explanation of a file-system error. */
export function describeFsError(e: unknown): string {
  switch (errCode(e)) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/** Read a file's bytes, refusing directories, special files and files over the size limit before reading. */
export async function readFileBytes(path: string, what: string): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(e)}`);
  }
  if (st.isDirectory()) throw new InputError(`cannot read ${what} ${path}: it is a directory`);
  if (st.isFile() && st.size > MAX_INPUT_BYTES) throw new InputError(tooLargeMessage(path, st.size));
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(e)}`);
  }
}

/** Read all of a stream, refusing it as soon as it passes the size limit. */
export async function readStreamBytes(stream: InStream | undefined, name = STDIN_NAME): Promise<Uint8Array> {
  if (!stream) throw new InputError(`${name} is not available`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > MAX_INPUT_BYTES) throw new InputError(`${name} is over the limit of ${MAX_INPUT_BYTES / 1048576} MB`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The story of FILE, or of standard input when FILE is `-`: text, HTML or EPUB, recognised by content
 * (src/input), with its metadata and chapters.
 */
export async function readStoryInput(file: string, stdin: InStream | undefined): Promise<Story> {
  if (file === '-') return readStoryBytes(await readStreamBytes(stdin), STDIN_NAME);
  return readStoryBytes(await readFileBytes(file, 'file'), file);
}

/** The story text of FILE (or standard input for `-`): the text every offset indexes (see readStoryInput). */
export async function readStory(file: string, stdin: InStream | undefined): Promise<string> {
  return (await readStoryInput(file, stdin)).text;
}

/** Read and validate a cast file (UTF-8 JSON `{"characters": [...]}`). */
export async function readCast(path: string): Promise<CastFile> {
  const bytes = await readFileBytes(path, 'cast file');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`cast file ${path} is not valid UTF-8 text`);
  }
  return parseCastFile(json, `cast file ${path}`);
}

/** Fail early (before a long analysis) when OUT cannot be a file: its directory is missing, or OUT is a directory. */
export async function checkOutputPath(out: string): Promise<void> {
  const dir = dirname(out);
  let st;
  try {
    st = await stat(dir);
  } catch (e) {
    throw new DramatisError(`cannot write ${out}: directory ${dir} ${errCode(e) === 'ENOENT' ? 'does not exist' : `cannot be used (${describeFsError(e)})`}`, ExitCode.Output);
  }
  if (!st.isDirectory()) throw new DramatisError(`cannot write ${out}: ${dir} is not a directory`, ExitCode.Output);
  try {
    if ((await stat(out)).isDirectory()) throw new DramatisError(`cannot write ${out}: it is a directory`, ExitCode.Output);
  } catch (e) {
    if (e instanceof DramatisError) throw e;
    // Does not exist yet: fine.
  }
}

/**
 * Write `data` to `out` atomically: write `OUT.<pid>.tmp` in the same directory, flush it, then
 * rename it over OUT. On any failure the temp file is removed and OUT is left as it was.
 */
export async function writeFileAtomic(out: string, data: string | Uint8Array, pid: number): Promise<void> {
  const tmp = join(dirname(out), `${basename(out)}.${pid}.tmp`);
  let created = false;
  try {
    const fh = await open(tmp, 'w', 0o644);
    created = true;
    try {
      await (typeof data === 'string' ? fh.writeFile(data, 'utf8') : fh.writeFile(data));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, out);
    created = false;
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw new DramatisError(`cannot write ${out}: ${describeFsError(e)}`, ExitCode.Output);
  }
}
