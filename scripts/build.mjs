// Part of `npm run build`, after tsc's type check: bundles src/ with esbuild into dist/, the package
// users run, and writes the modules one file each into build/ for the repository's own tools.
//
// dist/: one ES module graph from src/cli/main.ts, split at every `await import(...)`, so a command
// loads its own chunks only and `cdp --version` loads main's. Dependencies stay in node_modules.
// dist/meta.json (esbuild's metafile, not shipped) says which src modules each chunk holds: the
// start-up tests read it. Source maps sit next to the chunks; Node reads them only when
// bin/cdp.js turns them on (CDP_DEBUG).
//
// build/: the same modules transpiled one to one, at the same paths as in src/, for bench/,
// scripts/ and `npm run fuzz`, which import single modules of cdp; not shipped.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const common = { absWorkingDir: ROOT, outbase: 'src', platform: 'node', target: 'node20', logLevel: 'warning' };

/** The modules a running cdp starts by path: the program, and the thread that checks events. */
const ENTRY_POINTS = ['src/cli/main.ts', 'src/validate/lint-worker.ts'];

/**
 * A module finds its files (schemas/, package.json, the precompiled validators, the worker) with
 * `new URL(..., import.meta.url)`. In a chunk, import.meta.url is the chunk's, so each use becomes
 * the URL the module has in an unbundled dist/ (`dist/config/load-config.js`), found from the
 * chunk's own URL. Only the expression is replaced: every line keeps its number in the source map.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const unbundled = relative(`${ROOT}src`, path).replaceAll(sep, '/').replace(/\.ts$/, '.js');
      if (unbundled.startsWith('../')) return undefined;
      const source = await readFile(path, 'utf8');
      const dist = "import.meta.url.slice(0, import.meta.url.lastIndexOf('/dist/') + 6)";
      return { contents: source.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(unbundled)}, ${dist}).href`), loader: 'ts' };
    });
  },
};

await Promise.all([rm(`${ROOT}dist`, { recursive: true, force: true }), rm(`${ROOT}build`, { recursive: true, force: true })]);

const bundled = await esbuild.build({
  ...common,
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  packages: 'external',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  plugins: [moduleUrls],
});
await writeFile(`${ROOT}dist/meta.json`, JSON.stringify(bundled.metafile));

const sources = (await readdir(`${ROOT}src`, { recursive: true })).filter((file) => file.endsWith('.ts')).map((file) => `src/${file}`);
await esbuild.build({ ...common, entryPoints: sources, outdir: 'build', format: 'esm' });
