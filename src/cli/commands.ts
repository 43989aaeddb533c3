import type { Command } from 'commander';
import { CONFIG_FILE, DEFAULT_PLAN_FILES } from './default-files.js';
import type { Io } from './io.js';

export type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

export interface CommandInfo {
  /** What `cdp --help` shows after the name: `[options]` when it has any, then its arguments. */
  usage: string;
  description: string;
  /** Imports the command's module, and with it everything the command needs, only when it runs. */
  load: () => Promise<Register>;
}

/**
 * Every command, in the order `cdp --help` lists them. The listing is built from this table alone,
 * so `cdp --help` and `cdp --version` import no command; test/cli/commands.test.ts holds each
 * `usage` to what the command really registers.
 */
export const COMMANDS: Record<string, CommandInfo> = {
  lint: {
    usage: '[options] [inputs...]',
    description: 'validate captured event payloads (NDJSON, JSON arrays, Segment batches, .gz, stdin), or a warehouse\'s tables (--warehouse), against the plan and the Segment spec',
    load: async () => (await import('./lint.js')).registerLint,
  },
  check: {
    usage: '[options] [plan]',
    description: 'lint a tracking plan: naming conventions, duplicates, impossible bounds, missing descriptions, ...',
    load: async () => (await import('./check.js')).registerCheck,
  },
  compile: {
    usage: '[options] [plan]',
    description: 'compile a tracking plan to JSON Schema (draft-07): one schema per event, page, screen and traits section; or to the SQL of the warehouse checks, or to dbt tests',
    load: async () => (await import('./compile.js')).registerCompile,
  },
  init: {
    usage: '',
    description: `write a starter ${CONFIG_FILE} and ${DEFAULT_PLAN_FILES[0]} into the current folder (never overwrites)`,
    load: async () => (await import('./init.js')).registerInit,
  },
  'schema-report': {
    usage: '[options] [inputs...]',
    description: 'show what a log really holds: per event, how often each property is present and with which types, against the plan',
    load: async () => (await import('./schema-report.js')).registerSchemaReport,
  },
  codegen: {
    usage: '[options]',
    description: 'generate typed tracking functions (TypeScript) from a tracking plan',
    load: async () => (await import('./codegen.js')).registerCodegen,
  },
  scan: {
    usage: '[options] [paths...]',
    description: 'find the tracking calls in TypeScript/JavaScript code and check their events and properties against the plan',
    load: async () => (await import('./scan.js')).registerScan,
  },
  serve: {
    usage: '[options]',
    description: 'run a local Segment-compatible collector: store what the SDKs send as NDJSON, check it against the plan as it arrives, and show it in a live debugger',
    load: async () => (await import('./serve.js')).registerServe,
  },
  import: {
    usage: '[options] <file>',
    description: "write a cdp plan from Segment Protocols JSON (Config API v1 or Public API rules, Typewriter's plan.json), a RudderTyper plan, or JSON Schemas",
    load: async () => (await import('./import.js')).registerImport,
  },
  export: {
    usage: '[options] [plan]',
    description: 'write the plan as Segment Protocols JSON: Public API rules (protocols) or a Config API v1 plan (protocols-v1)',
    load: async () => (await import('./export.js')).registerExport,
  },
  diff: {
    usage: '[options] [old] [new]',
    description: 'compare two tracking plans and classify every change: breaking for senders, breaking for consumers, compatible',
    load: async () => (await import('./diff.js')).registerDiff,
  },
};

/** The command `name`, as a subcommand of `program`, with its description from the table. */
export function addCommand(program: Command, name: string): Command {
  return program.command(name).description(COMMANDS[name]!.description);
}

/**
 * The command that argv runs, or whose help it asks for (`cdp help lint`); undefined for the
 * program's own help and version, and for a name that is no command.
 */
export function commandOf(argv: string[]): string | undefined {
  const operands = argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const named = operands[0] === 'help' ? operands[1] : operands[0];
  return named !== undefined && Object.hasOwn(COMMANDS, named) ? named : undefined;
}
