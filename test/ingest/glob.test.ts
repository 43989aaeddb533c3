import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/ingest/glob.js';
import { tempDir } from './helpers.js';

function tree(files: string[]): string {
  const root = tempDir();
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '{}\n');
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

const root = tree([
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
]);
mkdirSync(join(root, 'dir.ndjson'));
symlinkSync(join(root, 'logs'), join(root, 'linked'));
symlinkSync(join(root, 'a.ndjson'), join(root, 'link-file.ndjson'));

function expand(...args: string[]) {
  const { sources, problems } = expandInputs(args, root);
  return { names: sources.map((source) => source.name), problems: problems.map((problem) => problem.message) };
}

const names = (...args: string[]) => expand(...args).names;

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
    expect(names('**/*.ndjson')).toEqual([
      '[weird].ndjson',
      'a.ndjson',
      'link-file.ndjson',
      'logs/2024/x.ndjson',
      'logs/z.ndjson',
    ]);
    expect(names('logs/**')).toEqual(['logs/2024/x.ndjson', 'logs/2024/y.ndjson.gz', 'logs/z.ndjson']);
    expect(names('*/z.ndjson')).toEqual(['logs/z.ndjson']);
  });

  it('walks into node_modules, .git or a linked folder when the glob names it', () => {
    expect(names('node_modules/*/*.ndjson')).toEqual(['node_modules/pkg/n.ndjson']);
    expect(names('logs/node_modules/*')).toEqual(['logs/node_modules/nm.ndjson']);
    expect(names('.git/*')).toEqual(['.git/g.ndjson']);
    expect(names('linked/*.ndjson')).toEqual(['linked/z.ndjson']);
  });

  it('expands {a,b}, ? and [...]', () => {
    expect(names('{a,b}.*')).toEqual(['a.ndjson', 'b.json']);
    expect(names('*.{json,txt}')).toEqual(['b.json', 'c.txt']);
    expect(names('logs/{2024/x,z}.ndjson')).toEqual(['logs/2024/x.ndjson', 'logs/z.ndjson']);
    expect(names('logs/202?/*')).toEqual(['logs/2024/x.ndjson', 'logs/2024/y.ndjson.gz']);
    expect(names('[ab].*')).toEqual(['a.ndjson', 'b.json']);
    expect(names('[!ab].*')).toEqual(['c.txt']);
  });

  it('takes an existing path literally even when it looks like a glob', () => {
    expect(names('[weird].ndjson')).toEqual(['[weird].ndjson']);
  });

  it('expands absolute globs and globs that climb out of the working directory', () => {
    const { sources } = expandInputs([join(root, 'logs', '*.ndjson'), '../*.json'], join(root, 'logs'));
    expect(sources).toEqual([
      { name: 'z.ndjson', path: join(root, 'logs', 'z.ndjson') },
      { name: join(root, 'b.json'), path: join(root, 'b.json') },
    ]);
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
    expect(names('b.json', '*.ndjson', 'a.ndjson', './b.json')).toEqual([
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

describe('expandInputs on unusual names', () => {
  const odd = tree(['export (1)/e.ndjson', 'export 1/not-this.ndjson', '!+@x.ndjson', 'sub/!y.ndjson', 'st*r.ndjson', 'stir.ndjson']);
  symlinkSync(join(odd, 'gone.ndjson'), join(odd, 'sub', 'gone-link.ndjson'));
  const namesIn = (pattern: string) => expandInputs([pattern], odd).sources.map((source) => source.name);

  it('reads (, ), !, + and @ as parts of a name, and \\ as escaping the next character', () => {
    expect(namesIn('export (1)/*.ndjson')).toEqual(['export (1)/e.ndjson']);
    expect(namesIn('!+@*')).toEqual(['!+@x.ndjson']);
    expect(namesIn('st\\*r.*')).toEqual(['st*r.ndjson']);
  });

  it('keeps a broken link, so that opening it reports the problem', () => {
    expect(namesIn('sub/*')).toEqual(['sub/!y.ndjson', 'sub/gone-link.ndjson']);
  });
});
