import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/scan/files.js';
import { writeTree } from '../helpers/plan.js';

function discover(dir: string, options: { paths?: string[]; exclude?: string[]; skip?: string[] } = {}) {
  const found = discoverFiles({ cwd: dir, paths: options.paths ?? ['.'], exclude: options.exclude ?? [], excludeBase: dir, skip: options.skip ?? [] });
  return { files: found.files.map((f) => relative(dir, f)), missing: found.missing };
}

describe('discoverFiles', () => {
  it('lists source files, leaving out dependencies, build output, ignored and excluded paths', () => {
    const dir = writeTree({
      '.gitignore': 'generated/\n*.local.ts\n',
      'src/a.ts': '',
      'src/b.tsx': '',
      'src/c.mjs': '',
      'src/d.vue': '',
      'src/e.svelte': '',
      'src/notes.md': '',
      'src/x.local.ts': '',
      'src/generated/g.ts': '',
      'src/sub/.gitignore': 'secret.ts\n',
      'src/sub/secret.ts': '',
      'src/sub/open.ts': '',
      'src/legacy/old.ts': '',
      'src/analytics.generated.ts': '',
      'node_modules/pkg/index.js': '',
      'dist/bundle.js': '',
      'build/out.js': '',
    });
    mkdirSync(join(dir, '.git'));
    const { files } = discover(dir, { exclude: ['src/legacy/'], skip: [join(dir, 'src/analytics.generated.ts')] });
    expect(files).toEqual(['src/a.ts', 'src/b.tsx', 'src/c.mjs', 'src/d.vue', 'src/e.svelte', 'src/sub/open.ts']);
  });

  it('honours the .gitignore of the repository above the folder scanned', () => {
    const dir = writeTree({ '.gitignore': 'app/skip.ts\n', 'app/keep.ts': '', 'app/skip.ts': '' });
    mkdirSync(join(dir, '.git'));
    const found = discoverFiles({ cwd: join(dir, 'app'), paths: ['.'], exclude: [], excludeBase: dir, skip: [] });
    expect(found.files.map((f) => relative(dir, f))).toEqual(['app/keep.ts']);
  });

  it('scans a file named explicitly even when ignored, and reports paths that do not exist', () => {
    const dir = writeTree({ '.gitignore': 'ignored.ts\n', 'ignored.ts': '' });
    expect(discover(dir, { paths: ['ignored.ts', 'missing.ts'] })).toEqual({ files: ['ignored.ts'], missing: ['missing.ts'] });
  });

  it('follows symbolic links once, so a link back to a parent folder is no loop', () => {
    const dir = writeTree({ 'src/a.ts': '', 'shared/b.ts': '' });
    symlinkSync(join(dir, 'src'), join(dir, 'src/loop'));
    symlinkSync(join(dir, 'shared'), join(dir, 'src/shared'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'src/dangling.ts'));
    expect(discover(dir, { paths: ['src'] }).files).toEqual(['src/a.ts', 'src/shared/b.ts']);
  });
});
