/** The edges a command touches, passed in so the whole CLI runs in tests without a shell. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(chunk: string | Uint8Array): boolean | void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  /** Where `-` (and piped input with no arguments) is read from. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Colour unless told otherwise: flag, then NO_COLOR / FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, io: Pick<Io, 'env' | 'stdout'>, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return !toFile && io.stdout.isTTY === true;
}

/**
 * Whether any report of this run may be coloured, on stdout or stderr: only then is chalk loaded
 * (see src/reporters/styles.ts). `--color` anywhere counts as the flag; `--no-color` may only turn
 * colour off, so it is left to the command.
 */
export function colorPossible(argv: readonly string[], io: Pick<Io, 'env' | 'stdout' | 'stderr'>): boolean {
  const flag = argv.includes('--color') ? true : undefined;
  return useColor(flag, io, false) || useColor(flag, { env: io.env, stdout: io.stderr }, false);
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A problem with how cdp was called or configured: printed as one line, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A reader that stops early (`cdp lint --format json | head`) closes the pipe under us: the report
 * is no longer wanted, so stop quietly with the code the run has so far, as other CLIs do, instead
 * of dying on an unhandled EPIPE with a stack trace. Any other failure to write (a full disk,
 * `> /dev/full`) loses the report: say so in one line and exit 2.
 */
function endOnWriteError(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`cdp: cannot write to standard output: ${error.message}\n`);
    process.exit(EXIT_USAGE);
  });
}

export function processIo(): Io {
  endOnWriteError(process.stdout);
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
