import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from './commander.js';
import { isGeneratedFile } from '../codegen/generated-marker.js';
import { CLIENT_NAMES, DEFAULT_OUT, VALIDATE_MODES, type ClientName, type ValidateMode } from '../codegen/options.js';
import type { LoadedConfig } from '../config/load-config.js';
import { displayPath } from '../reporters/paths.js';
import { EXIT_ERRORS, EXIT_OK, UsageError, type Io } from './io.js';
import { choosePlanPath, readConfig, readUsablePlan, reportPlanProblems, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { addCommand } from './commands.js';

interface CodegenFlags extends CacheFlags {
  plan?: string;
  out?: string;
  client?: ClientName;
  validate?: ValidateMode;
  check?: boolean;
  config?: string;
}

export function registerCodegen(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'codegen')
    .option('-p, --plan <path>', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
    .option('-o, --out <path>', `generated file; a path ending in / or an existing folder gets one module per event plus index.ts (default: ${DEFAULT_OUT})`)
    .addOption(new Option('--client <name>', 'analytics library the functions call (default: analytics-next)').choices(CLIENT_NAMES))
    .addOption(new Option('--validate <mode>', 'validate payloads at run time: off, dev (when NODE_ENV is not production) or always (default: off)').choices(VALIDATE_MODES))
    .option('--check', 'write nothing; exit 1 if the generated code on disk is not what the plan generates (a CI gate)')
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option(...NO_CACHE_OPTION)
    .option(...CACHE_LOCATION_OPTION)
    .action(async (flags: CodegenFlags) => setExit(await runCodegen(flags, io)));
}

export async function runCodegen(flags: CodegenFlags, io: Io): Promise<number> {
  const loaded = await readConfig(io, flags.config);
  const planPath = choosePlanPath(flags.plan, loaded, io);
  const out = outPath(flags, loaded, io);
  const client = flags.client ?? loaded.config.codegen?.client ?? 'analytics-next';
  const validate = flags.validate ?? loaded.config.codegen?.validate ?? 'off';
  const result = await readUsablePlan(planPath, io, flags);
  if ('problems' in result) return reportPlanProblems('codegen', result.problems, io);

  // The emitter (and ajv's standalone code generation) load only when this command runs.
  const { generateFiles } = await import('../codegen/generate.js');
  const { UnsupportedFormatError } = await import('../codegen/standalone-validators.js');
  let files: Map<string, string>;
  try {
    files = await generateFiles(result.plan, { client, validate }, out.folder);
  } catch (error) {
    if (error instanceof UnsupportedFormatError) throw new UsageError(`${display(io, planPath)}: ${error.message}`);
    throw error;
  }
  const leftovers = out.folder ? leftoverModules(files, out.path) : [];
  return flags.check ? check(files, leftovers, out.path, flags, io) : write(files, leftovers, out.path, io);
}

/**
 * Event modules a previous run generated for events the plan no longer has: deleted on write,
 * reported by --check. Only files that start with the generated header are considered.
 */
function leftoverModules(files: Map<string, string>, out: string): string[] {
  let names: string[];
  try {
    names = readdirSync(resolve(out, 'events')).sort();
  } catch {
    return [];
  }
  return names
    .map((name) => `events/${name}`)
    .filter((file) => file.endsWith('.ts') && !files.has(file) && isGeneratedFile(resolve(out, file)))
    .map((file) => resolve(out, file));
}

/** Where to write, and whether that is a folder: a path ending in a separator, or an existing folder. */
function outPath(flags: CodegenFlags, loaded: LoadedConfig, io: Io): { path: string; folder: boolean } {
  const configured = loaded.config.codegen?.out;
  const raw = flags.out ?? configured ?? DEFAULT_OUT;
  const base = flags.out === undefined && configured !== undefined && loaded.filepath ? dirname(loaded.filepath) : io.cwd;
  const path = resolve(base, raw);
  const folder = /[\\/]$/.test(raw) || (existsSync(path) && statSync(path).isDirectory());
  return { path, folder };
}

function write(files: Map<string, string>, leftovers: string[], out: string, io: Io): number {
  for (const file of leftovers) rmSync(file);
  for (const [file, content] of files) {
    const target = resolve(out, file);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    } catch (error) {
      throw new UsageError(`Cannot write ${display(io, target)}: ${(error as Error).message}`);
    }
  }
  io.stderr.write(files.size === 1 ? `Wrote ${shownTarget(files, out, io)}\n` : `Wrote ${files.size} files to ${shownTarget(files, out, io)}\n`);
  return EXIT_OK;
}

/** Compares every generated file with the one on disk; any difference, missing or leftover file is exit 1. */
function check(files: Map<string, string>, leftovers: string[], out: string, flags: CodegenFlags, io: Io): number {
  const stale = leftovers.map((file) => `${display(io, file)} is no longer generated (its event left the plan)`);
  for (const [file, content] of files) {
    const target = resolve(out, file);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined) stale.push(`${display(io, target)} is missing`);
    else if (current !== content) stale.push(`${display(io, target)} is out of date`);
  }
  if (stale.length === 0) {
    io.stdout.write(`${shownTarget(files, out, io)} is up to date with the plan.\n`);
    return EXIT_OK;
  }
  io.stdout.write(`${stale.join('\n')}\nRegenerate with: ${regenerateCommand(flags)}\n`);
  return EXIT_ERRORS;
}

function regenerateCommand(flags: CodegenFlags): string {
  const parts = ['cdp codegen'];
  for (const [flag, value] of [['--plan', flags.plan], ['--out', flags.out], ['--client', flags.client], ['--validate', flags.validate], ['--config', flags.config]] as const) {
    if (value !== undefined) parts.push(flag, /^[\w./@:-]+$/.test(value) ? value : JSON.stringify(value));
  }
  return parts.join(' ');
}

/** The generated file when there is one ('' resolves to `--out` itself), else the folder. */
function shownTarget(files: Map<string, string>, out: string, io: Io): string {
  return display(io, files.size === 1 ? resolve(out, [...files.keys()][0]!) : out);
}

function display(io: Io, path: string): string {
  return displayPath(path, io.cwd);
}
