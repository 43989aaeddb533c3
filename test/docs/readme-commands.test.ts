import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';
import { parseMarkdown } from './markdown.js';

/** The commands `cdp --help` lists, without commander's own `help`. */
function helpCommands(): string[] {
  const help = cdp(['--help']).stdout;
  const section = help.slice(help.indexOf('\nCommands:\n'));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

/** The commands of README's table: the first cell of each row, `cdp <name> ...` in a link. */
function readmeTableCommands(): string[] {
  const { prose } = parseMarkdown(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const start = prose.findIndex((l) => l.text === '## Commands');
  const rows: string[] = [];
  for (const { text } of prose.slice(start + 1)) {
    if (text.startsWith('#')) break;
    const cell = /^\| \[`cdp ([a-z-]+)[^`]*`\]\([^)]+\) \| .+ \|$/.exec(text);
    if (cell) rows.push(cell[1]!);
  }
  return rows;
}

describe("README's table of commands", () => {
  it('lists every command `cdp --help` prints, once, and no other', () => {
    const listed = readmeTableCommands();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(helpCommands().sort());
  });

  it('has a section for every command', () => {
    const headings = parseMarkdown(readFileSync(join(ROOT, 'README.md'), 'utf8')).prose.map((l) => l.text).filter((t) => t.startsWith('### '));
    for (const command of helpCommands()) expect(headings.some((h) => new RegExp(`\`cdp ${command}\``).test(h)), command).toBe(true);
  });
});
