import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, cdp } from '../helpers/cli.js';

const DOC = readFileSync(`${ROOT}docs/warehouse.md`, 'utf8');

describe('docs/warehouse.md, cdp lint --warehouse', () => {
  it('shows real output of the lint example (lines with … are cut short)', () => {
    const block = /```console\n\$ (cdp lint .+)\n([\s\S]*?)```/.exec(DOC)!;
    expect(block, 'a console block with a cdp lint example').not.toBeNull();
    const r = cdp(block[1]!.split(' ').slice(1));
    expect(r.code, r.stderr).toBe(1);
    const output = r.stderr + r.stdout;
    const lines = block[2]!.split('\n').filter((l) => l !== '' && !l.includes('…'));
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) expect(output).toContain(line);
  });
});
