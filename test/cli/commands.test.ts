import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandOf, COMMANDS } from '../../src/cli/commands.js';
import type { Io } from '../../src/cli/io.js';

const io: Io = { cwd: process.cwd(), env: {}, stdout: { write: () => true }, stderr: { write: () => undefined } };

describe('the command table', () => {
  // `cdp --help` lists the table without importing the commands: what it says must be what each registers.
  it.each(Object.keys(COMMANDS))('%s: the usage `cdp --help` shows is what the command registers', async (name) => {
    const program = new Command('cdp');
    (await COMMANDS[name]!.load())(program, io, () => undefined);
    expect(program.commands.map((c) => c.name())).toEqual([name]);
    const command = program.commands[0]!;
    expect(new Help().subcommandTerm(command)).toBe([name, COMMANDS[name]!.usage].filter(Boolean).join(' '));
    expect(command.description()).toBe(COMMANDS[name]!.description);
  });

  it('finds the command argv runs or asks help for', () => {
    expect(commandOf(['node', 'cdp', 'lint', 'a.ndjson'])).toBe('lint');
    expect(commandOf(['node', 'cdp', '--no-color', 'check'])).toBe('check');
    expect(commandOf(['node', 'cdp', 'help', 'schema-report'])).toBe('schema-report');
    expect(commandOf(['node', 'cdp', 'lint', '--help'])).toBe('lint');
  });

  it('finds none for the program help, the version, an unknown name or a prototype key', () => {
    for (const args of [[], ['--help'], ['--version'], ['help'], ['help', 'nope'], ['lnt'], ['toString'], ['help', 'constructor']]) {
      expect(commandOf(['node', 'cdp', ...args])).toBeUndefined();
    }
  });
});
