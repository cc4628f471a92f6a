/**
 * Writing a set of files into a directory so that a reader never sees a partial set: every file is
 * written and flushed into a fresh temporary directory beside the target first. If the target does
 * not exist, the temporary directory is renamed to it (one atomic step). If it exists (a directory
 * the user made), each finished file is renamed into it — renames within one file system, which
 * cannot fail half-written. On any failure the temporary directory is removed and the target is
 * left as it was.
 */
import { mkdir, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DramatisError, ExitCode } from '../errors.js';
import { describeFsError } from '../cli/io.js';

export async function checkOutputDir(dir: string): Promise<void> {
  const parent = dirname(dir);
  try {
    if (!(await stat(parent)).isDirectory()) throw new DramatisError(`cannot write ${dir}: ${parent} is not a directory`, ExitCode.Output);
  } catch (e) {
    if (e instanceof DramatisError) throw e;
    throw new DramatisError(`cannot write ${dir}: directory ${parent} does not exist`, ExitCode.Output);
  }
  try {
    if (!(await stat(dir)).isDirectory()) throw new DramatisError(`cannot write ${dir}: it exists and is not a directory`, ExitCode.Output);
  } catch (e) {
    if (e instanceof DramatisError) throw e;
  }
}

export async function writeDirAtomic(dir: string, files: Map<string, string>, pid: number): Promise<void> {
  await checkOutputDir(dir);
  const tmp = join(dirname(dir), `.${basename(dir)}.${pid}.tmp`);
  let made = false;
  try {
    await mkdir(tmp, { mode: 0o755 });
    made = true;
    for (const [name, content] of files) {
      const fh = await open(join(tmp, name), 'w', 0o644);
      try {
        await fh.writeFile(content, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    let exists = false;
    try {
      exists = (await stat(dir)).isDirectory();
    } catch {
      exists = false;
    }
    if (!exists) {
      await rename(tmp, dir);
      made = false;
    } else {
      for (const name of files.keys()) await rename(join(tmp, name), join(dir, name));
      await rmdir(tmp);
      made = false;
    }
  } catch (e) {
    if (made) await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (e instanceof DramatisError) throw e;
    throw new DramatisError(`cannot write ${dir}: ${describeFsError(e)}`, ExitCode.Output);
  }
}
