import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { type Fence, parseMarkdown } from './markdown.js';

/**
 * Every ```console example in README.md and docs/*.md is run, and what it prints must be what the
 * page shows. A page's examples run in order in one scratch folder that holds a copy of `plans/`
 * and `cdp.config.json` (the repository's, so `plans/ecommerce.yaml` is the default plan), a link
 * to `test/` (for the scan fixtures), and is a git repository with all that committed on `main`
 * (for `cdp diff --against`). Markers on the line before a fence:
 *
 * - `<!-- file: <path> -->`: the fenced block is written to that path of the scratch folder first;
 * - `<!-- not-run: <reason> -->`: the console block is not run (a server, a network call).
 *
 * In a console block, a line starting with `$ ` is a command (continued on the next line after a
 * trailing `\`), run by bash with `npx cdp` and `cdp` calling the built CLI, `npx <tool>` the
 * repository's own `node_modules/.bin`, colour off and `CI` set. Every other line is output
 * (stdout and stderr as they interleave). A line that is just `…` stands for any number of lines.
 */

const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

const PREAMBLE = `exec 2>&1
npx() { if [ "$1" = cdp ]; then shift; node "$CDP_BIN" "$@"; else "$@"; fi; }
cdp() { node "$CDP_BIN" "$@"; }
`;

interface Example {
  fence: Fence;
  commands: string[];
  expected: string[];
}

function parseExample(fence: Fence): Example {
  const commands: string[] = [];
  const expected: string[] = [];
  let continued = false;
  for (const line of fence.text.split('\n')) {
    if (continued) commands[commands.length - 1] += `\n${line}`;
    else if (line.startsWith('$ ')) commands.push(line.slice(2));
    else expected.push(line);
    continued = (continued || line.startsWith('$ ')) && line.endsWith('\\');
  }
  return { fence, commands, expected };
}

/** Whether `actual` is `expected`, where an expected line `…` matches any run of lines. */
function matchesLines(actual: string[], expected: string[]): boolean {
  // row[j]: the actual lines so far match expected[0..j).
  let row = [true];
  for (let j = 1; j <= expected.length; j++) row[j] = row[j - 1]! && expected[j - 1] === '…';
  for (const line of actual) {
    const next = [false];
    for (let j = 1; j <= expected.length; j++) {
      next[j] = expected[j - 1] === '…' ? next[j - 1]! || row[j]! : row[j - 1]! && expected[j - 1] === line;
    }
    row = next;
  }
  return row[expected.length]!;
}

function normalise(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function marker(fence: Fence, kind: string): string | undefined {
  return new RegExp(`^<!--\\s*${kind}:\\s*(.+?)\\s*-->$`).exec(fence.before)?.[1];
}

function scratchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-docs-'));
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'cdp.config.json'), join(dir, 'cdp.config.json'));
  symlinkSync(join(ROOT, 'test'), join(dir, 'test'));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=docs', '-c', 'user.email=docs@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', 'plans', 'cdp.config.json');
  git('commit', '-q', '-m', 'plans');
  return dir;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

for (const page of PAGES) {
  const fences = parseMarkdown(readFileSync(join(ROOT, page), 'utf8')).fences;
  const steps = fences.filter((f) => marker(f, 'file') !== undefined || (f.info === 'console' && marker(f, 'not-run') === undefined && f.text.startsWith('$ ')));
  if (!steps.some((f) => f.info === 'console')) continue;

  describe(`${page}: console examples print what they show`, () => {
    let dir: string | undefined;
    const folder = () => {
      if (dir === undefined) scratch.push((dir = scratchFolder()));
      return dir;
    };
    for (const fence of steps) {
      const file = marker(fence, 'file');
      if (file !== undefined) {
        it(`line ${fence.line}: writes ${file}`, () => {
          const path = join(folder(), file);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, `${fence.text}\n`);
        });
        continue;
      }
      const example = parseExample(fence);
      it(`line ${fence.line}: ${example.commands[0]}`, () => {
        const run = spawnSync('bash', ['-c', PREAMBLE + example.commands.join('\n')], {
          cwd: folder(),
          encoding: 'utf8',
          timeout: 110_000,
          env: {
            ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR')),
            NO_COLOR: '1',
            CI: 'true',
            CDP_BIN: join(ROOT, 'bin/cdp.js'),
            PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
          },
        });
        const actual = normalise(run.stdout);
        const expected = normalise(example.expected.join('\n'));
        if (!matchesLines(actual, expected)) expect(actual.join('\n')).toBe(expected.join('\n'));
      }, 120_000);
    }
  });
}

describe('matchesLines', () => {
  it('matches line for line, and … as any run of lines, none included', () => {
    expect(matchesLines(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(matchesLines(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(matchesLines(['a', 'x', 'y', 'b'], ['a', '…', 'b'])).toBe(true);
    expect(matchesLines(['a', 'b'], ['a', '…', 'b'])).toBe(true);
    expect(matchesLines(['a', 'x'], ['a', '…', 'b'])).toBe(false);
    expect(matchesLines(['x', 'a'], ['…', 'a', '…'])).toBe(true);
    expect(matchesLines(['a', 'b', 'a', 'c'], ['a', '…', 'c'])).toBe(true);
    expect(matchesLines([], ['…'])).toBe(true);
    expect(matchesLines(['a'], [])).toBe(false);
  });
});
