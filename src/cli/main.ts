import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help } from './commander.js';
import { addCommand, commandOf, COMMANDS } from './commands.js';
import { colorPossible, EXIT_OK, EXIT_USAGE, UsageError, processIo, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

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
  // The program's own help (and an unknown command, or none) lists every command from the table,
  // importing none of them.
  const named = commandOf(argv);
  if (named !== undefined) {
    (await COMMANDS[named]!.load())(program, io, setExit);
    if (colorPossible(argv, io)) await (await import('../reporters/styles.js')).loadColors();
  } else {
    for (const name of Object.keys(COMMANDS)) addCommand(program, name);
    program.configureHelp({
      subcommandTerm(command) {
        const name = command.name();
        return Object.hasOwn(COMMANDS, name) ? [name, COMMANDS[name]!.usage].filter(Boolean).join(' ') : Help.prototype.subcommandTerm.call(this, command);
      },
    });
  }

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
