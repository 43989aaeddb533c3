import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const TS_FOR_JS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The file a relative import names, found as TypeScript finds it: `./events.js` may be
 * `./events.ts`, an extensionless path takes the first extension that exists, a folder means its
 * index. Undefined for package imports and for paths that lead nowhere.
 */
export function resolveRelativeModule(importer: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(importer), specifier);
  return candidates(base).find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

function candidates(base: string): string[] {
  const ext = EXTENSIONS.find((e) => base.endsWith(e));
  if (ext) return [base, ...(TS_FOR_JS[ext] ?? []).map((t) => base.slice(0, -ext.length) + t)];
  return [...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
}
