import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';

const FIXTURES = 'test/fixtures/import';

describe('cdp import', () => {
  it('prints the plan on stdout and a summary on stderr; the plan loads', () => {
    const r = cdp(['import', `${FIXTURES}/config-v1.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Imported by `cdp import` from config-v1.json: Segment Config API v1 tracking plan/);
    expect(r.stderr).toBe('Imported 2 events, identify traits, 1 type; 7 JSON Schema keywords kept as written, 10 comments on judgements made.\n');
    const dir = mkdtempSync(join(tmpdir(), 'cdp-import-e2e-'));
    writeFileSync(join(dir, 'tracking-plan.yaml'), r.stdout);
    const check = cdp(['check', 'tracking-plan.yaml'], { cwd: dir });
    expect([0, 1]).toContain(check.code);
    expect(check.stdout).toContain('2 events');
  });

  it('writes -o, and refuses to overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-import-e2e-'));
    const out = join(dir, 'plan.yaml');
    expect(cdp(['import', `${FIXTURES}/public-api.json`, '-o', out]).code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('Song Played:');
    writeFileSync(out, 'edited\n');
    const again = cdp(['import', `${FIXTURES}/public-api.json`, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`cdp: ${out} already exists; pass --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('edited\n');
    expect(cdp(['import', `${FIXTURES}/public-api.json`, '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(written);
  });

  it('reads a folder of JSON Schemas', () => {
    const r = cdp(['import', `${FIXTURES}/schemas`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed Up:');
    expect(r.stdout).toContain('method: { type: string, enum: [ email, google ], required: true }');
  });

  it('reads back what `cdp compile --out-dir` writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-import-e2e-'));
    expect(cdp(['compile', 'plans/b2b-saas.yaml', '--out-dir', join(dir, 'schemas')]).code).toBe(0);
    const r = cdp(['import', join(dir, 'schemas')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plan: initech-app$/m);
    expect(r.stdout).toContain('Account Created:');
  });

  it.each([
    [`${FIXTURES}/not-a-plan.json`, `cdp: ${FIXTURES}/not-a-plan.json: Not a tracking plan shape cdp knows (top-level keys: openapi, paths).`],
    [`${FIXTURES}/missing.json`, `cdp: Cannot read ${FIXTURES}/missing.json: no such file`],
  ])('exits 2 with one line for %s', (file, message) => {
    const r = cdp(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('gives the line and column of broken JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-import-e2e-'));
    writeFileSync(join(dir, 'plan.json'), '{\n  "rules": [\n    { "type": "TRACK", }\n  ]\n}\n');
    const r = cdp(['import', 'plan.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdp: plan\.json:3:24: not valid JSON/);
  });
});

describe('cdp export', () => {
  it('prints Public API rules by default', () => {
    const r = cdp(['export', 'plans/b2b-saas.yaml']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { rules: Array<{ type: string; key?: string }> };
    expect(json.rules[0]).toMatchObject({ type: 'TRACK', key: 'Account Created', version: 1 });
    expect(r.stderr).toBe('');
  });

  it('writes the Config API v1 shape with -o, warning about pages it cannot carry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-export-e2e-'));
    const r = cdp(['export', 'plans/b2b-saas.yaml', '--format', 'protocols-v1', '-o', join(dir, 'plan.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cdp export: The Config API v1 shape has no page or screen rules: 2 page(s) and 0 screen(s) left out (use --format protocols)\n');
    const json = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { display_name: string; rules: { events: unknown[] } };
    expect(json.display_name).toBe('initech-app');
    expect(json.rules.events.length).toBeGreaterThan(5);
    expect(cdp(['export', 'plans/b2b-saas.yaml', '-o', join(dir, 'plan.json')]).code).toBe(2);
  });

  it('refuses an unknown format', () => {
    const r = cdp(['export', 'plans/b2b-saas.yaml', '--format', 'avo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdp: Unknown export format "avo"; use protocols or protocols-v1\n');
  });

  it('round-trips through the CLI: export, import, compile give the same schemas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-export-e2e-'));
    expect(cdp(['export', 'plans/ecommerce.yaml', '-o', join(dir, 'rules.json')]).code).toBe(0);
    expect(cdp(['import', join(dir, 'rules.json'), '-o', join(dir, 'back.yaml')]).code).toBe(0);
    const before = JSON.parse(cdp(['compile', 'plans/ecommerce.yaml']).stdout) as Record<string, unknown>;
    const after = JSON.parse(cdp(['compile', join(dir, 'back.yaml')]).stdout) as Record<string, unknown>;
    expect(after.track).toEqual(before.track);
    expect(after.page).toEqual(before.page);
    expect(after.identify).toEqual(before.identify);
  });
});
