import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../reporters/paths.js';
import { InputError, type InputSource } from './types.js';

const DIRECTORY_HINT = "give files or a glob such as 'logs/**/*.ndjson'";
/** Never worth linting and often huge: walking them would make `**` globs crawl. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const GLOBSTAR = '**';

type Segment = RegExp | typeof GLOBSTAR;

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

function glob(pattern: string, cwd: string, problems: InputError[]): string[] {
  const found = new Set<string>();
  for (const expanded of expandBraces(pattern)) {
    const parts = expanded.split('/');
    // The static prefix is walked to directly; only the segments from the first wildcard on are matched.
    let first = 0;
    while (first < parts.length - 1 && !/[*?[]/.test(parts[first]!)) first++;
    const prefix = parts.slice(0, first).join('/') || (expanded.startsWith('/') ? '/' : '.');
    const segments: Segment[] = parts
      .slice(first)
      .filter((part) => part !== '')
      .map((part) => (part === GLOBSTAR ? GLOBSTAR : segmentRegExp(part)));
    // A trailing `**` means every file beneath.
    if (segments.at(-1) === GLOBSTAR) segments.push(segmentRegExp('*'));
    walk(resolve(cwd, prefix), segments, 0, found, problems);
  }
  return [...found].sort();
}

function walk(dir: string, segments: Segment[], at: number, found: Set<string>, problems: InputError[]): void {
  const segment = segments[at];
  if (segment === undefined) return;
  const entries = readDirectory(dir, problems);
  if (segment === GLOBSTAR) {
    walk(dir, segments, at + 1, found, problems);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
        walk(join(dir, entry.name), segments, at, found, problems);
      }
    }
    return;
  }
  const last = at === segments.length - 1;
  for (const entry of entries) {
    if (!segment.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (!last) {
      // Dirent types come from lstat, so symbolic links to directories are not followed.
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path, segments, at + 1, found, problems);
    } else if (!entry.isDirectory() && !(entry.isSymbolicLink() && isDirectory(path))) {
      // A broken link is kept: opening it reports the problem instead of the glob hiding it.
      found.add(path);
    }
  }
}

function readDirectory(dir: string, problems: InputError[]): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      problems.push(new InputError(dir, `${dir}: cannot read the directory (${code ?? (error as Error).message})`));
    }
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`. Braces without a top-level comma stay literal, as in bash. */
function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      if (commas.length === 0) return expandBraces(tail).map((rest) => pattern.slice(0, i + 1) + rest);
      const bounds = [open, ...commas, i];
      return bounds.slice(1).flatMap((end, k) => expandBraces(head + pattern.slice(bounds[k]! + 1, end) + tail));
    }
  }
  return [pattern];
}

/** One path segment of a glob as an anchored RegExp; `\` escapes the next character. */
function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      source += '[^/]*';
      while (segment[i + 1] === '*') i++;
    } else if (c === '?') source += '[^/]';
    else if (c === '[' && segment.indexOf(']', i + 2) > 0) {
      const close = segment.indexOf(']', i + 2);
      let body = segment.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\^]/g, '\\$&')}]`;
      i = close;
    } else {
      if (c === '\\' && i + 1 < segment.length) i++;
      source += segment[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${segment.startsWith('.') ? '' : '(?!\\.)'}${source}$`);
}
