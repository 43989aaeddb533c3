import { readdirSync, statSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { globSync as GlobSync } from 'tinyglobby';
import { displayPath } from '../reporters/paths.js';
import { InputError, type InputSource } from './types.js';

const DIRECTORY_HINT = "give files or a glob such as 'logs/**/*.ndjson'";
/** Never worth linting and often huge: walking them would make `**` globs crawl. */
const SKIPPED_DIRECTORIES = ['node_modules', '.git'];

/**
 * Turns command-line inputs into sources, in the order given, each glob's matches sorted, every file
 * once. `-` is standard input. Globs (`*`, `**`, `?`, `[...]`, `{a,b}`) are expanded here so that
 * quoted globs behave the same on every shell; a path that exists is taken literally even when its
 * name holds glob characters. Wildcards do not match names starting with a dot, as in a shell.
 */
export function expandInputs(args: string[], cwd: string): { sources: InputSource[]; problems: InputError[] } {
  const sources: InputSource[] = [];
  const problems: InputError[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    sources.push({ name: displayPath(path, cwd), path });
  };

  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) problems.push(new InputError(arg, "'-' (standard input) can be given only once"));
      else {
        seen.add('-');
        sources.push({ name: '<stdin>', stdin: true });
      }
      continue;
    }
    const path = resolve(cwd, arg);
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTDIR') {
        problems.push(new InputError(arg, `${arg}: ${code === 'EACCES' ? 'permission denied' : (error as Error).message}`));
        continue;
      }
    }
    if (isDirectory === undefined && /[*?[{]/.test(arg)) {
      const matches = glob(arg, cwd, problems);
      if (matches.length === 0) problems.push(new InputError(arg, `no files match '${arg}'`));
      matches.forEach(add);
    } else if (isDirectory === undefined) problems.push(new InputError(arg, `${arg}: no such file`));
    else if (isDirectory) problems.push(new InputError(arg, `${arg} is a directory; ${DIRECTORY_HINT}`));
    else add(path);
  }
  return { sources, problems };
}

let loaded: typeof GlobSync | undefined;

/**
 * tinyglobby, loaded on the first glob: it takes ~15 ms of CPU to load (~25 ms through `import()`),
 * which a run that names its files never needs to pay.
 */
function globSync(): typeof GlobSync {
  loaded ??= (createRequire(import.meta.url)('tinyglobby') as { globSync: typeof GlobSync }).globSync;
  return loaded;
}

function glob(pattern: string, cwd: string, problems: InputError[]): string[] {
  const named = pattern.split('/');
  const matches = globSync()(shellLiterals(pattern), {
    cwd,
    absolute: true,
    dot: false,
    // Without extglobs, `(`, `)`, `!`, `+` and `@` are ordinary characters of a file name.
    extglob: false,
    expandDirectories: false,
    // Links to directories are never walked; links to files are kept by `readDirectory`.
    followSymbolicLinks: false,
    // A glob that names a skipped directory (`node_modules/pkg/*.ndjson`) asked for it.
    ignore: SKIPPED_DIRECTORIES.filter((name) => !named.includes(name)).map((name) => `**/${name}/**`),
    // The crawler calls it only as readdirSync(dir, { withFileTypes: true }).
    fs: { readdirSync: ((dir: string) => readDirectory(dir, cwd, problems)) as unknown as typeof readdirSync },
  });
  return matches.map((match) => resolve(match)).sort();
}

/**
 * Escapes what a shell would take literally but tinyglobby would not: a leading `!` (a negated
 * pattern there) and bare parentheses, which picomatch reads as a regular-expression group even
 * with extglobs off (micromatch/picomatch#171): `export (1)/*` would match `export 1/` and not itself.
 */
function shellLiterals(pattern: string): string {
  return pattern.replace(/^!|\\.|[()]/g, (c) => (c.length === 2 ? c : `\\${c}`));
}

/**
 * The crawler's directory listing. A link to a file, or a broken link, is shown as a file so that
 * the glob keeps it (opening a broken one reports the problem instead of the glob hiding it); links
 * to directories stay links, which the crawler skips. A directory that cannot be read is reported.
 */
function readDirectory(dir: string, cwd: string, problems: InputError[]): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      const shown = displayPath(resolve(dir), cwd);
      problems.push(new InputError(shown, `${shown}: cannot read the directory (${code ?? (error as Error).message})`));
    }
    return [];
  }
  return entries.map((entry) => (entry.isSymbolicLink() && !isDirectory(join(dir, entry.name)) ? asFile(entry) : entry));
}

function asFile(entry: Dirent): Dirent {
  return Object.assign(Object.create(entry) as Dirent, { isFile: () => true, isSymbolicLink: () => false });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
