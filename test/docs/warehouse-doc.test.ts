import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, cdp } from '../helpers/cli.js';

const DOC = readFileSync(`${ROOT}docs/warehouse.md`, 'utf8');

describe('docs/warehouse.md', () => {
  it('shows real output of the --load example', () => {
    const block = /```console\n\$ cdp (.+)\n([\s\S]*?)```/.exec(DOC)!;
    const r = cdp(block[1]!.split(' '));
    expect(r.code, r.stderr).toBe(0);
    const output = r.stderr + r.stdout;
    for (const line of block[2]!.split('\n').filter((l) => l !== '' && l !== '…')) expect(output).toContain(line);
  });
});
