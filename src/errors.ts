/** Errors the user can act on: one clear line, and the exit code the CLI uses for them. */

/** Exit codes of the `dramatis` command (documented in README and docs/cli.md). */
export const ExitCode = {
  Ok: 0,
  /** Internal failure: a bug in dramatis. */
  Internal: 1,
  /** Input error: missing file, a directory, binary or undecodable bytes, empty or too large input, bad cast file. */
  Input: 2,
  /** Usage error: unknown command or option, missing argument. */
  Usage: 64,
  /** Output error: the output file could not be written. */
  Output: 73,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class DramatisError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.Input) {
    super(message);
    this.name = 'DramatisError';
    this.exitCode = exitCode;
  }
}

export class InputError extends DramatisError {
  constructor(message: string) {
    super(message, ExitCode.Input);
    this.name = 'InputError';
  }
}
