/** `dramatis serve [FILE…]`: start the viewer and wait until the process is stopped. */
import { access } from 'node:fs/promises';
import { DramatisError, ExitCode } from '../errors.js';
import { readCast } from '../cli/io.js';
import type { CliIO } from '../cli/main.js';
import { emptyCorrections, type Corrections } from '../corrections/index.js';
import { readCorrections, writeCorrections } from '../corrections/file.js';
import { startServer, type RunningServer } from './index.js';

export interface ServeCliOptions {
  host?: string;
  port?: number;
  cast?: string;
  corrections?: string;
}

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new DramatisError(`--port must be a whole number from 0 to 65535 (got "${value}")`, ExitCode.Usage);
  return Number(value);
}

/** Starts the server, prints its address; resolves when `signal` fires (SIGINT/SIGTERM in the bin). */
export async function runServe(files: string[], opts: ServeCliOptions, io: CliIO, until?: Promise<void>): Promise<{ code: number; server?: RunningServer }> {
  if (opts.corrections !== undefined && files.length !== 1) {
    throw new DramatisError('--corrections needs exactly one FILE (the story the corrections belong to)', ExitCode.Usage);
  }
  const cast = opts.cast === undefined ? undefined : await readCast(opts.cast);
  for (const f of files) {
    try {
      await access(f);
    } catch {
      throw new DramatisError(`cannot read file ${f}: no such file or directory`, ExitCode.Input);
    }
  }
  let corrections: Corrections | undefined;
  if (opts.corrections !== undefined) {
    let exists = true;
    try {
      await access(opts.corrections);
    } catch {
      exists = false;
    }
    corrections = exists ? await readCorrections(opts.corrections) : emptyCorrections(files[0]);
  }
  const pid = io.pid ?? Math.floor(Math.random() * 1e9);
  const server = await startServer({
    files,
    host: opts.host,
    port: opts.port ?? 4750,
    cast,
    corrections,
    correctionsPath: opts.corrections,
    writeCorrections: (path, c) => writeCorrections(path, c, pid),
  });
  io.stdout.write(`dramatis: serving on ${server.url} (Ctrl-C to stop)\n`);
  if (until) {
    await until;
    await server.close();
  }
  return { code: ExitCode.Ok, server };
}
