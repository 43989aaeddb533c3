import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE, UsageError, processIo, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process.
 * Command modules are imported only when their command runs, keeping start-up small.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = EXIT_OK;
  const setExit = (c: number) => {
    code = c;
  };
  const program = new Command('cdp')
    .description('Tracking-plan governance for Segment-style analytics events.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run cdp --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const { registerCheck } = await import('./check.js');
  const { registerCodegen } = await import('./codegen.js');
  const { registerCompile } = await import('./compile.js');
  const { registerInit } = await import('./init.js');
  const { registerLint } = await import('./lint.js');
  const { registerSchemaReport } = await import('./schema-report.js');
  const { registerScan } = await import('./scan.js');
  registerLint(program, io, setExit);
  registerCheck(program, io, setExit);
  registerCompile(program, io, setExit);
  registerInit(program, io, setExit);
  registerSchemaReport(program, io, setExit);
  registerCodegen(program, io, setExit);
  registerScan(program, io, setExit);

  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests end through the same exception path as usage errors.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`cdp: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`cdp: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env.CDP_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else io.stderr.write('Please report this with the command you ran. Set CDP_DEBUG=1 to print the stack trace.\n');
    return EXIT_USAGE;
  }
}
