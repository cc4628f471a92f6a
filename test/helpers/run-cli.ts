/** Run the CLI in-process (`main()` with captured streams): fast, and the exit code is returned. */
import { main, type CliIO } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: Uint8Array | string;
  /** Make stdout look like a terminal of this width. */
  tty?: { columns: number };
  env?: Record<string, string>;
  pid?: number;
}

export class Capture {
  text = '';
  isTTY?: boolean;
  columns?: number;
  constructor(tty?: { columns: number }) {
    if (tty) {
      this.isTTY = true;
      this.columns = tty.columns;
    }
  }
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // Two chunks, to exercise concatenation.
  const mid = bytes.length >> 1;
  yield bytes.subarray(0, mid);
  yield bytes.subarray(mid);
}

export async function runCli(args: string[], opts: RunOptions = {}): Promise<Run> {
  const stdout = new Capture(opts.tty);
  const stderr = new Capture();
  const io: CliIO = { stdout, stderr, pid: opts.pid ?? 4242, env: opts.env ?? {} };
  if (opts.stdin !== undefined) io.stdin = chunks(typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin);
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
