/**
 * Reading a zip archive (an EPUB) within bounds, with yauzl: the central directory is read first,
 * entries are inflated only when asked for, and every read is capped by counting the bytes that
 * actually come out (never trusting the sizes the archive claims). Entry names that would escape
 * the archive (`../x`, `/etc/x`, `C:\x`) are set aside: dramatis never writes entries anywhere,
 * and never reads them either.
 */
import yauzl from 'yauzl';
import { InputError } from '../errors.js';

export const ZIP_LIMITS = {
  /** Entries in the archive (a 500-chapter EPUB has about 520). */
  maxEntries: 20_000,
  /** Inflated size of one entry that is read. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Inflated size of all entries read from one archive. */
  maxTotalBytes: 256 * 1024 * 1024,
};

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

const MB = (n: number): string => `${Math.round(n / 1048576)} MB`;

function describe(e: unknown): string {
  return String((e as Error)?.message ?? e).replace(/\s+/g, ' ');
}

export class BoundedZip {
  /** Safe entry names (files only) → entry. */
  readonly entries = new Map<string, yauzl.Entry>();
  /** Names refused because they would escape the archive or are not valid. */
  readonly unsafe: string[] = [];
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly name: string,
    readonly limits: ZipLimits,
  ) {}

  static async open(bytes: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): Promise<BoundedZip> {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
    } catch (e) {
      throw new InputError(`${name} is a damaged or truncated zip archive (${describe(e)})`);
    }
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw new InputError(`${name} has ${zip.entryCount} entries; the limit is ${limits.maxEntries}`);
    }
    const z = new BoundedZip(zip, name, limits);
    await z.readDirectory();
    return z;
  }

  private readDirectory(): Promise<void> {
    return new Promise((resolve, reject) => {
      const zip = this.zip;
      let settled = false;
      const fail = (e: unknown): void => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(e instanceof InputError ? e : new InputError(`${this.name} is a damaged or truncated zip archive (${describe(e)})`));
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const raw = entry.fileName as unknown as Buffer | string;
          const fileName = typeof raw === 'string' ? raw : new TextDecoder('utf-8').decode(raw);
          const problem = fileName.includes('\u0000') ? 'NUL in name' : yauzl.validateFileName(fileName);
          if (problem) {
            this.unsafe.push(fileName);
          } else if (!fileName.endsWith('/')) {
            if (!this.entries.has(fileName)) this.entries.set(fileName, entry);
          }
          zip.readEntry();
        } catch (e) {
          fail(e);
        }
      });
      zip.readEntry();
    });
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Case-insensitive lookup (EPUB tools are not always careful with case). */
  find(path: string): string | null {
    if (this.entries.has(path)) return path;
    const lower = path.toLowerCase();
    for (const k of this.entries.keys()) if (k.toLowerCase() === lower) return k;
    return null;
  }

  /** Inflate one entry, refusing it as soon as it passes the per-entry or per-archive bound. */
  read(path: string): Promise<Uint8Array> {
    const entry = this.entries.get(path);
    if (!entry) return Promise.reject(new InputError(`${this.name}: no entry ${path}`));
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    if (entry.uncompressedSize > maxEntryBytes) {
      return Promise.reject(new InputError(`${this.name}: ${path} inflates to ${MB(entry.uncompressedSize)}; the limit is ${MB(maxEntryBytes)} per entry`));
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let total = 0;
      const fail = (e: unknown, stream?: NodeJS.ReadableStream & { destroy?: () => void }): void => {
        if (settled) return;
        settled = true;
        stream?.destroy?.();
        reject(e instanceof InputError ? e : new InputError(`${this.name}: cannot read ${path} (${describe(e)})`));
      };
      this.zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err ?? new Error('no stream'));
        stream.on('error', (e) => fail(e, stream));
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          total += chunk.length;
          this.inflated += chunk.length;
          if (total > maxEntryBytes) {
            return fail(new InputError(`${this.name}: ${path} inflates to more than ${MB(maxEntryBytes)}; the limit per entry (a zip bomb?)`), stream);
          }
          if (this.inflated > maxTotalBytes) {
            return fail(new InputError(`${this.name} inflates to more than ${MB(maxTotalBytes)}; the limit per archive (a zip bomb?)`), stream);
          }
          chunks.push(chunk);
        });
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          resolve(Buffer.concat(chunks, total));
        });
      });
    });
  }

  close(): void {
    try {
      this.zip.close();
    } catch {
      // Already closed.
    }
  }
}

/**
 * Resolve `href` (relative to the archive folder `base`, URL-encoded, maybe with a #fragment) to an
 * entry name, or null when it points outside the archive.
 */
export function resolveZipPath(base: string, href: string): string | null {
  let h = href.replace(/[#?].*$/, '');
  try {
    h = decodeURIComponent(h);
  } catch {
    // Keep it as written.
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('/') || h.includes('\\')) return null;
  const parts = (base ? base.replace(/\/+$/, '') + '/' + h : h).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(p);
  }
  return out.length > 0 ? out.join('/') : null;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
