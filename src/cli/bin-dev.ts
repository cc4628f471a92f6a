/**
 * Development entry: the same glue as bin/dramatis.js, run from the TypeScript sources
 * (`node --import tsx src/cli/bin-dev.ts …`), so tests exercise the process path without a build.
 */
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let main: typeof import('./main.js').main;
try {
  ({ main } = await import('./main.js'));
} catch (e) {
  const err = e as Error;
  process.stderr.write(`dramatis: internal error: ${String(err?.message ?? e).replace(/\s+/g, ' ')}\n`);
  if (process.env.DRAMATIS_DEBUG === '1' && err?.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  pid: process.pid,
});
