import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type Io } from './io.js';

/**
 * Writes a command's result to `-o <file>`, or to stdout without one. An existing file is
 * refused unless `--force`: an import or export run twice must not wipe a plan edited since.
 */
export function writeOutput(text: string, output: string | undefined, force: boolean | undefined, io: Io): void {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = resolve(io.cwd, output);
  if (existsSync(target) && !force) throw new UsageError(`${output} already exists; pass --force to overwrite it`);
  try {
    writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`Cannot write ${output}: ${(error as Error).message}`);
  }
}
