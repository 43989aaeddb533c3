import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importPlan, type ImportStats } from '../interop/import-plan.js';
import { ImportFormatError } from '../interop/import-source.js';
import { readImportInput } from '../interop/read-input.js';
import { EXIT_OK, UsageError, type Io } from './io.js';
import { writeOutput } from './output-file.js';
import { addCommand } from './commands.js';

interface ImportFlags {
  output?: string;
  force?: boolean;
}

export function registerImport(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'import')
    .argument('<file>', 'the plan JSON, or a folder of JSON Schemas (such as `cdp compile --out-dir` writes)')
    .option('-o, --output <file>', 'write the plan to this file (default: stdout)')
    .option('--force', 'overwrite the output file if it exists')
    .action((file: string, flags: ImportFlags) => setExit(runImport(file, flags, io)));
}

export function runImport(file: string, flags: ImportFlags, io: Io): number {
  let result;
  try {
    result = importPlan(readImportInput(resolve(io.cwd, file), file), file);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    throw error;
  }
  writeOutput(result.yaml, flags.output, flags.force, io);
  io.stderr.write(`${summary(result.stats)}${flags.output ? ` Wrote ${flags.output}.` : ''}\n`);
  return EXIT_OK;
}

function summary(s: ImportStats): string {
  const parts = [`${s.track} event${s.track === 1 ? '' : 's'}`];
  if (s.pages > 0) parts.push(`${s.pages} page${s.pages === 1 ? '' : 's'}`);
  if (s.screens > 0) parts.push(`${s.screens} screen${s.screens === 1 ? '' : 's'}`);
  if (s.identify) parts.push('identify traits');
  if (s.group) parts.push('group traits');
  if (s.types > 0) parts.push(`${s.types} type${s.types === 1 ? '' : 's'}`);
  return `Imported ${parts.join(', ')}; ${s.keptKeywords} JSON Schema keyword${s.keptKeywords === 1 ? '' : 's'} kept as written, ${s.judgements} comment${s.judgements === 1 ? '' : 's'} on judgements made.`;
}
