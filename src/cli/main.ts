import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE, UsageError, processIo, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

/** Every command, in the order `cdp --help` lists them. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  lint: async () => (await import('./lint.js')).registerLint,
  check: async () => (await import('./check.js')).registerCheck,
  compile: async () => (await import('./compile.js')).registerCompile,
  init: async () => (await import('./init.js')).registerInit,
  'schema-report': async () => (await import('./schema-report.js')).registerSchemaReport,
  codegen: async () => (await import('./codegen.js')).registerCodegen,
  scan: async () => (await import('./scan.js')).registerScan,
  serve: async () => (await import('./serve.js')).registerServe,
  import: async () => (await import('./import.js')).registerImport,
  export: async () => (await import('./export.js')).registerExport,
  diff: async () => (await import('./diff.js')).registerDiff,
};

/**
 * Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process.
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

  // Only the command asked for is imported: each pulls in its own dependencies (ajv, the report
  // builders, the code generator), and `cdp lint` on a small file should not pay for the others.
  // Help, an unknown command or none at all needs every command registered.
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]!())(program, io, setExit);

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
