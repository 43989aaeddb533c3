import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// `npm test` builds first: dist/ is the bundle scripts/build.mjs wrote.
const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

/** Every file a src module names relative to itself, `new URL('<literal>', import.meta.url)`. */
const fileUrls = sources.flatMap((file) =>
  [...readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/new URL\((['`])([^'`$]+)\1, import\.meta\.url\)/g)].map(([, , target]) => ({ module: file, target: target! })),
);

describe('the bundle', () => {
  it('has, for every file a module finds next to itself, that file where the module would be in an unbundled dist/', () => {
    // The worker's entry, the precompiled validators, the schemas, package.json.
    expect(fileUrls.length).toBeGreaterThanOrEqual(7);
    const missing = fileUrls.filter(({ module, target }) => !existsSync(new URL(target, `file://${ROOT}dist/${module.replace(/\.ts$/, '.js')}`)));
    expect(missing).toEqual([]);
  });

  it('rewrites each import.meta.url of src to the URL of its module in an unbundled dist/', () => {
    const chunks = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const code = chunks.map((file) => readFileSync(join(ROOT, 'dist', file), 'utf8')).join('\n');
    const users = sources.filter((file) => /\bimport\.meta\.url\b/.test(readFileSync(join(ROOT, 'src', file), 'utf8')));
    expect(users).toContain('cli/main.ts');
    for (const file of users) expect(code).toContain(`new URL("${file.replace(/\.ts$/, '.js')}", import.meta.url.slice(0, import.meta.url.lastIndexOf("/dist/") + 6)).href`);
    // Nowhere else: a chunk's own URL says nothing about where its modules' files are.
    expect(code.match(/\bimport\.meta\.url\b/g)!.length).toBe(2 * code.match(/lastIndexOf\("\/dist\/"\)/g)!.length);
  });
});
