import { readFileSync, statSync } from 'node:fs';

/** Why a plan file could not be read, in words for a message (`no such file`, `permission denied`). */
export class PlanFileError extends Error {
  constructor(
    readonly reason: string,
    readonly directory = false,
  ) {
    super(reason);
    this.name = 'PlanFileError';
  }
}

/**
 * Where the plan loader reads plan files from, by absolute path: the disk, or anything else that can
 * hand back a file's text (a git commit). `read` throws a PlanFileError when the file cannot be read.
 */
export interface PlanFiles {
  read(absolute: string): string;
}

export const diskFiles: PlanFiles = {
  read(absolute) {
    try {
      if (statSync(absolute).isDirectory()) throw new PlanFileError('is a directory', true);
      return readFileSync(absolute, 'utf8');
    } catch (error) {
      if (error instanceof PlanFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new PlanFileError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message);
    }
  },
};
