import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Extensions of files the scanner reads; Vue and Svelte files contribute their `<script>` blocks. */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte']);

/** Folders that hold dependencies, version control or build output: never source worth scanning. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache']);

export interface DiscoveryOptions {
  cwd: string;
  /** Files and folders to scan (relative to cwd). */
  paths: readonly string[];
  /** gitignore-style patterns, relative to `excludeBase`. */
  exclude: readonly string[];
  excludeBase: string;
  /** Absolute paths never scanned (a file, or a folder and everything under it). */
  skip: readonly string[];
  /**
   * Also the files under `base` that gitignore-style patterns match (`app/**`, `src/*.ts`), anchored
   * at `base`: `app` is the folder app of the base, not every folder named app.
   */
  include?: { base: string; patterns: readonly string[] };
}

export interface Discovery {
  /** Absolute paths of the files to scan, sorted. */
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Include patterns that matched no file. */
  unmatched: string[];
}

/** One .gitignore's rules and the folder its patterns are relative to. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

/**
 * The source files under the given paths: `.gitignore` files (of the folders walked and of their
 * parents up to the repository root) and the exclude patterns are honoured, dependency and build
 * folders are left out, and symbolic links are followed once (a link back to a parent is not a loop).
 */
export function discoverFiles(options: DiscoveryOptions): Discovery {
  const found = new Set<string>();
  const missing: string[] = [];
  const visited = new Set<string>();
  const excluded = ignore().add([...options.exclude]);
  const skip = options.skip.map((p) => resolve(options.cwd, p));
  const isSkipped = (path: string, isDir: boolean) => {
    if (skip.some((s) => path === s || path.startsWith(s + sep))) return true;
    const rel = relative(options.excludeBase, path);
    return rel !== '' && !rel.startsWith('..') && excluded.ignores(isDir ? `${rel}/` : rel);
  };

  const walk = (dir: string, inherited: IgnoreRules[], into: Set<string>) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    const rules = withGitignore(dir, inherited);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statSync(path, { throwIfNoEntry: false });
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !ignoredBy(rules, path, true) && !isSkipped(path, true)) walk(path, rules, into);
      } else if (isFile && SOURCE_EXTENSIONS.has(extname(entry.name)) && !ignoredBy(rules, path, false) && !isSkipped(path, false)) {
        into.add(path);
      }
    }
  };

  for (const given of options.paths) {
    const path = resolve(options.cwd, given);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) walk(path, parentGitignores(path), found);
    // A file named on the command line is scanned even if ignored, as ESLint does.
    else if (SOURCE_EXTENSIONS.has(extname(path))) found.add(path);
  }
  const unmatched: string[] = [];
  if (options.include && options.include.patterns.length > 0) {
    const { base, patterns } = options.include;
    // Every file under the base that the usual rules keep; then only those a pattern matches.
    const under = new Set<string>();
    visited.clear();
    walk(base, parentGitignores(base), under);
    const candidates = [...under].map((path) => ({ path, rel: relative(base, path).split(sep).join('/') }));
    for (const pattern of patterns) {
      const matcher = ignore().add(anchored(pattern));
      const matches = candidates.filter(({ rel }) => matcher.ignores(rel));
      if (matches.length === 0) unmatched.push(pattern);
      for (const { path } of matches) found.add(path);
    }
  }
  return { files: [...found].sort(), missing, unmatched };
}

/** gitignore matches a pattern without a slash at any depth; an include pattern names a path from its base. */
function anchored(pattern: string): string {
  return pattern.startsWith('/') || pattern.startsWith('**') ? pattern : `/${pattern.replace(/^\.\//, '')}`;
}

function ignoredBy(rules: readonly IgnoreRules[], path: string, isDir: boolean): boolean {
  return rules.some(({ base, rules: r }) => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && r.ignores(isDir ? `${rel}/` : rel);
  });
}

function withGitignore(dir: string, inherited: IgnoreRules[]): IgnoreRules[] {
  const file = join(dir, '.gitignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return inherited;
  }
  return [...inherited, { base: dir, rules: ignore().add(text) }];
}

/** .gitignore files of the folders above `dir`, up to the repository root (the folder holding .git). */
function parentGitignores(dir: string): IgnoreRules[] {
  const parents: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    parents.unshift(d);
    if (existsSync(join(d, '.git')) || dirname(d) === d) break;
  }
  if (!existsSync(join(parents[0]!, '.git'))) return [];
  return parents.reduce<IgnoreRules[]>((rules, d) => withGitignore(d, rules), []);
}
