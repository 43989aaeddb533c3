import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('shows real output of cdp compile --target dbt: its message and the start of sources.yml', () => {
    const section = DOC.slice(DOC.indexOf('## dbt: `cdp compile --target dbt`'));
    const command = /```console\n\$ cdp (.+)\n(.+)\n/.exec(section)!;
    const dir = mkdtempSync(join(tmpdir(), 'cdp-doc-dbt-'));
    cpSync(`${ROOT}plans`, join(dir, 'plans'), { recursive: true });
    const r = cdp(command[1]!.split(' '), { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${command[2]!}\n`);
    const excerpt = /```yaml\n([\s\S]*?)```/.exec(section)![1]!.replace(/^ {2}/gm, '');
    expect(readFileSync(join(dir, 'models/cdp/sources.yml'), 'utf8').startsWith(excerpt)).toBe(true);
  });
});
