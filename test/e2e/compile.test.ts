import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';

describe('cdp compile', () => {
  it('prints one JSON bundle with a schema per event, page and traits section', () => {
    const r = cdp(['compile', 'plans/ecommerce.yaml']);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout);
    expect(bundle.track['Order Completed'].properties.properties.required).toContain('order_id');
    expect(bundle.identify.properties.traits.type).toBe('object');
    expect(Object.keys(bundle)).toEqual(expect.arrayContaining(['plan', 'version', 'track', 'identify', 'page', 'screen']));
    expect(cdp(['compile', 'plans/ecommerce.yaml']).stdout).toBe(r.stdout);
  });

  it('writes one file per schema plus an index with --out-dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-out-'));
    const r = cdp(['compile', 'plans/b2b-saas.yaml', '--out-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote \d+ schemas/);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.track['Signed Up']).toBe('track/signed-up.json');
    const files = readdirSync(join(dir, 'track'));
    expect(files.length).toBe(Object.keys(index.track).length);
    expect(JSON.parse(readFileSync(join(dir, 'track/signed-up.json'), 'utf8')).title).toBe('Signed Up');
  });

  it('keeps stdout clean and exits 2 on a broken plan', () => {
    const r = cdp(['compile', 'test/fixtures/plans/typo-type.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/plan\/unknown-type-ref/);
  });
});

describe('cdp --help / --version', () => {
  it('exit 0', () => {
    const help = cdp(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect(cdp(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
