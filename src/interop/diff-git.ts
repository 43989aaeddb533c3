import { execFileSync } from 'node:child_process';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { PlanFileError, type PlanFiles } from '../plan/plan-files.js';

/** A problem with the ref or the repository: the user's to fix (exit code 2). */
export class GitRefError extends Error {
  override name = 'GitRefError';
}

export interface PlanAtRef {
  /** Reads plan files as they were at the ref; paths are the working tree's. */
  files: PlanFiles;
  /** Whether the root plan file exists at the ref. */
  exists: boolean;
  /** `origin/main:plans/shop.yaml`: how a file read at the ref is named in messages. */
  label(file: string): string;
}

/**
 * The plan at a git ref, read with `git show <ref>:<path>` in the repository that holds the plan,
 * includes resolved at the same ref. `plan` is the absolute path of the plan in the working tree.
 */
export function planAtRef(ref: string, plan: string): PlanAtRef {
  if (ref === '' || ref.startsWith('-')) throw new GitRefError(`--against expects a git ref such as origin/main (got "${ref}")`);
  const folder = dirname(plan);
  const prefix = git(folder, ['rev-parse', '--show-prefix'], () => `${folder} is not inside a git repository, so --against ${ref} has nothing to read from`).trim();
  git(folder, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => `Unknown git ref "${ref}" in the repository of ${plan}${/^origin\//.test(ref) ? ' (in GitHub Actions, check out with fetch-depth: 0)' : ''}`);
  // Paths inside the repository, from the plan's folder (which git reports without following symlinks).
  const inRepo = (absolute: string): string | undefined => {
    const rel = join(prefix, relative(folder, absolute));
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  };
  const objectType = (path: string): string | undefined => {
    try {
      return execFileSync('git', ['-C', folder, 'cat-file', '-t', `${ref}:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const rootPath = inRepo(plan)!;
  return {
    exists: objectType(rootPath) === 'blob',
    label: (file) => `${ref}:${file}`,
    files: {
      read(absolute) {
        const path = inRepo(absolute);
        if (path === undefined) throw new PlanFileError('outside the git repository');
        const type = objectType(path);
        if (type === 'tree') throw new PlanFileError('is a directory', true);
        if (type !== 'blob') throw new PlanFileError(`no such file at ${ref}`);
        return execFileSync('git', ['-C', folder, 'cat-file', 'blob', `${ref}:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1024 * 1024 * 1024 });
      },
    },
  };
}

function git(cwd: string, args: string[], problem: () => string): string {
  try {
    return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitRefError('--against needs git, and git is not on the PATH');
    throw new GitRefError(problem());
  }
}
