import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { headingAnchors, links } from './markdown.js';

/** README.md and every page under docs/, relative to the repository root. */
const DOC_FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

const anchorCache = new Map<string, string[]>();
function anchorsOf(file: string): string[] {
  let anchors = anchorCache.get(file);
  if (!anchors) anchorCache.set(file, (anchors = headingAnchors(readFileSync(file, 'utf8'))));
  return anchors;
}

/** The broken relative links of one Markdown file, as `line: target (why)`. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const broken: string[] = [];
  for (const { target, line } of links(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: ...
    const hash = target.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), path);
    if (relative(ROOT, resolved).startsWith('..')) {
      broken.push(`${line}: ${target} (outside the repository)`);
      continue;
    }
    if (!existsSync(resolved)) {
      broken.push(`${line}: ${target} (no such file)`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!resolved.endsWith('.md') || statSync(resolved).isDirectory()) {
      broken.push(`${line}: ${target} (an anchor into a file that is not Markdown)`);
      continue;
    }
    if (!anchorsOf(resolved).includes(anchor)) broken.push(`${line}: ${target} (no heading with that anchor)`);
  }
  return broken;
}

describe('relative links in README.md and docs/', () => {
  it.each(DOC_FILES)('%s: every relative link reaches an existing file and heading', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});

describe('headingAnchors (GitHub rules)', () => {
  it('lower-cases, drops punctuation but - and _, turns spaces into -', () => {
    expect(headingAnchors('# Problems that stop the command (exit code 2)\n## `cdp lint` — validate\n### spec/invalid-json\n## snake_case, **bold**\n## `cdp import <file>` <em>x</em>\n')).toEqual([
      'problems-that-stop-the-command-exit-code-2',
      'cdp-lint--validate',
      'specinvalid-json',
      'snake_case-bold',
      'cdp-import-file-x',
    ]);
  });

  it('numbers repeats -1, -2, and skips headings inside code fences', () => {
    expect(headingAnchors('## Options\n\n```yaml\n# not a heading\n```\n## Options\n## Options\n## Options 1\n')).toEqual(['options', 'options-1', 'options-2', 'options-1-1']);
  });
});

describe('links', () => {
  it('finds inline links and images outside code, with their lines', () => {
    expect(links('See [a](docs/a.md#x) and ![b](img.png "t").\n`[c](d.md)` and\n```\n[e](f.md)\n```\n')).toEqual([
      { target: 'docs/a.md#x', line: 1 },
      { target: 'img.png', line: 1 },
    ]);
  });
});
