import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/ingest/glob.js';
import { tempDir } from './helpers.js';

const root = tempDir();
for (const file of [
  'a.ndjson',
  'b.json',
  'c.txt',
  '.hidden.ndjson',
  '[weird].ndjson',
  'logs/z.ndjson',
  'logs/2024/x.ndjson',
  'logs/2024/y.ndjson.gz',
  'logs/node_modules/nm.ndjson',
  'node_modules/pkg/n.ndjson',
  '.git/g.ndjson',
  '.cache/d.ndjson',
]) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), '{}\n');
}
mkdirSync(join(root, 'dir.ndjson'));
symlinkSync(join(root, 'logs'), join(root, 'linked'));
symlinkSync(join(root, 'a.ndjson'), join(root, 'link-file.ndjson'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function expand(...args: string[]) {
  const { sources, problems } = expandInputs(args, root);
  return { names: sources.map((source) => source.name), problems: problems.map((problem) => problem.message) };
}

describe('expandInputs', () => {
  it('gives each file a name relative to cwd and an absolute path', () => {
    expect(expandInputs(['a.ndjson'], root)).toEqual({
      sources: [{ name: 'a.ndjson', path: join(root, 'a.ndjson') }],
      problems: [],
    });
    expect(expandInputs([join(root, 'b.json')], join(root, 'logs')).sources).toEqual([
      { name: join(root, 'b.json'), path: join(root, 'b.json') },
    ]);
  });

  it('expands * within one folder, skipping dot files and directories, keeping links to files', () => {
    expect(expand('*.ndjson')).toEqual({ names: ['[weird].ndjson', 'a.ndjson', 'link-file.ndjson'], problems: [] });
  });

  it('expands ** through subfolders, never into node_modules, .git, dot folders or linked folders', () => {
    expect(expand('**/*.ndjson').names).toEqual([
      '[weird].ndjson',
      'a.ndjson',
      'link-file.ndjson',
      'logs/2024/x.ndjson',
      'logs/z.ndjson',
    ]);
    expect(expand('logs/**').names).toEqual(['logs/2024/x.ndjson', 'logs/2024/y.ndjson.gz', 'logs/z.ndjson']);
    expect(expand('*/z.ndjson').names).toEqual(['logs/z.ndjson']);
  });

  it('expands {a,b}, ? and [...]', () => {
    expect(expand('{a,b}.*').names).toEqual(['a.ndjson', 'b.json']);
    expect(expand('*.{json,txt}').names).toEqual(['b.json', 'c.txt']);
    expect(expand('logs/{2024/x,z}.ndjson').names).toEqual(['logs/2024/x.ndjson', 'logs/z.ndjson']);
    expect(expand('logs/202?/*').names).toEqual(['logs/2024/x.ndjson', 'logs/2024/y.ndjson.gz']);
    expect(expand('[ab].*').names).toEqual(['a.ndjson', 'b.json']);
    expect(expand('[!ab].*').names).toEqual(['c.txt']);
  });

  it('takes an existing path literally even when it looks like a glob', () => {
    expect(expand('[weird].ndjson').names).toEqual(['[weird].ndjson']);
  });

  it('reports a glob that matches nothing', () => {
    expect(expand('*.csv', 'nowhere/**/*.ndjson')).toEqual({
      names: [],
      problems: ["no files match '*.csv'", "no files match 'nowhere/**/*.ndjson'"],
    });
  });

  it('reports a directory and a missing file, and keeps the files around them', () => {
    expect(expand('a.ndjson', 'logs', 'missing.ndjson', 'b.json')).toEqual({
      names: ['a.ndjson', 'b.json'],
      problems: [
        "logs is a directory; give files or a glob such as 'logs/**/*.ndjson'",
        'missing.ndjson: no such file',
      ],
    });
    expect(expand('dir.ndjson').problems).toEqual([
      "dir.ndjson is a directory; give files or a glob such as 'logs/**/*.ndjson'",
    ]);
  });

  it('keeps the order of the arguments and lists each file once', () => {
    expect(expand('b.json', '*.ndjson', 'a.ndjson', './b.json').names).toEqual([
      'b.json',
      '[weird].ndjson',
      'a.ndjson',
      'link-file.ndjson',
    ]);
  });

  it("takes '-' as standard input, once", () => {
    const { sources, problems } = expandInputs(['-', 'a.ndjson', '-'], root);
    expect(sources).toEqual([
      { name: '<stdin>', stdin: true },
      { name: 'a.ndjson', path: join(root, 'a.ndjson') },
    ]);
    expect(problems.map((problem) => [problem.file, problem.message])).toEqual([
      ['-', "'-' (standard input) can be given only once"],
    ]);
  });
});
