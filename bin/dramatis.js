#!/usr/bin/env node
// The `dramatis` command: the only file that touches `process`. All the work is in
// src/cli/main.ts (built to dist/ by `npm install` / `npm run build`), which returns the exit code.
// Keep src/cli/bin-dev.ts (the same glue, run from the TypeScript sources) in step with this file.

// A closed pipe (`dramatis analyze story.txt | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main\.js/.test(String(e.message))) {
    process.stderr.write("dramatis: not built yet; run 'npm run build' in the dramatis folder\n");
  } else {
    process.stderr.write(`dramatis: internal error: ${String(e && e.message ? e.message : e).replace(/\s+/g, ' ')}\n`);
    if (process.env.DRAMATIS_DEBUG === '1' && e && e.stack) process.stderr.write(`${e.stack}\n`);
  }
  process.exit(1);
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  pid: process.pid,
});
