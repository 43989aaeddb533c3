import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';

const F = 'test/fixtures/plans/';

describe('cdp check', () => {
  it('passes the example plans with no diagnostics at all', () => {
    for (const plan of ['plans/ecommerce.yaml', 'plans/b2b-saas.yaml']) {
      const r = cdp(['check', plan, '--format', 'json']);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.diagnostics, plan).toEqual([]);
      expect(out.summary.stats.events).toBeGreaterThan(9);
      expect(r.code).toBe(0);
    }
  });

  it('reports rule violations with file:line:col, suggestions and exit code 1', () => {
    const r = cdp(['check', '--rule', 'plan/missing-description=off', '--rule', 'plan/duplicate-event=warn', F + 'bad-naming.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(F + 'bad-naming.yaml');
    expect(r.stdout).toMatch(/\d+:\d+\s+error\s+Event name "Complete Order" has no past-tense verb.*\(did you mean "Order Completed"\?\)/);
    expect(r.stdout).toContain('Order Completed');
    expect(r.stdout).toMatch(/naming\/property-case/);
    expect(r.stdout).not.toMatch(/plan\/missing-description/);
    expect(r.stdout).toMatch(/warning\s+Event "OrderCompleted" duplicates/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  it('exits 0 with warnings only, and 1 when --max-warnings is exceeded', () => {
    const ok = cdp(['check', F + 'missing-description.yaml']);
    expect(ok.stdout).toContain('plan/missing-description');
    expect(ok.code).toBe(0);
    expect(cdp(['check', F + 'missing-description.yaml', '--max-warnings', '0']).code).toBe(1);
    const quiet = cdp(['check', F + 'missing-description.yaml', '--quiet', '--max-warnings', '0']);
    expect(quiet.stdout).not.toContain('plan/missing-description');
    expect(quiet.code).toBe(0);
  });

  it.each([
    ['missing.yaml', 'plan/io-error', /Cannot read plan file .*missing\.yaml: no such file/],
    ['syntax-error.yaml', 'plan/yaml-syntax', /YAML syntax error/],
    ['tabs.yaml', 'plan/yaml-syntax', /tab characters must not be used in indentation \(indent with spaces\)/],
    ['duplicate-event.yaml', 'plan/duplicate-key', /duplicate key/],
    ['typo-type.yaml', 'plan/unknown-type-ref', /Unknown type "strin".*did you mean "string"/],
    ['unknown-ref.yaml', 'plan/unknown-type-ref', /did you mean "Product"/],
    ['type-cycle.yaml', 'plan/type-cycle', /cycle: \w+ -> \w+ -> \w+/],
    ['type-cycle-nested.yaml', 'plan/type-cycle', /cycle/],
    ['alias-bomb.yaml', 'plan/alias-limit', /billion laughs/],
    ['alias-cycle.yaml', 'plan/alias-limit', /an alias is used inside its own anchor/],
    ['empty.yaml', 'plan/invalid-format', /empty/],
    ['unknown-key.yaml', 'plan/invalid-format', /did you mean "description"/],
    ['include-missing.yaml', 'plan/io-error', /Cannot read included plan file/],
    ['include-cycle-a.yaml', 'plan/invalid-include', /Include cycle/],
  ])('refuses a broken plan (%s) with a positioned message, exit 2, no stack', (file, ruleId, message) => {
    const r = cdp(['check', F + file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(ruleId);
    expect(r.stdout).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    if (file !== 'missing.yaml') expect(r.stdout).toMatch(/^\s+\d+:\d+\s+error/m);
  });

  it('reports the rules in each fixture made for them', () => {
    const cases: Array<[string, string]> = [
      ['near-duplicate-events.yaml', 'plan/duplicate-event'],
      ['similar-events.yaml', 'plan/similar-event'],
      ['impossible-bounds.yaml', 'plan/impossible-bounds'],
      ['type-keyword-mismatch.yaml', 'plan/type-keyword-mismatch'],
      ['required-not-declared.yaml', 'plan/required-not-declared'],
    ];
    for (const [file, ruleId] of cases) {
      const r = cdp(['check', F + file, '--format', 'json']);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out.summary.rules), file).toContain(ruleId);
      expect(r.code, file).toBe(out.summary.errorCount > 0 ? 1 : 0);
    }
  });

  it('checks a plan split with include', () => {
    const r = cdp(['check', F + 'include-root.yaml', '--format', 'json']);
    expect(JSON.parse(r.stdout).summary.stats.files).toBe(2);
    expect(r.code).toBe(0);
  });

  it('writes every format, to a file when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-e2e-'));
    for (const format of ['json', 'sarif', 'junit', 'github', 'stylish']) {
      const out = join(dir, `report.${format}`);
      const r = cdp(['check', F + 'bad-naming.yaml', '-f', format, '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(50);
    }
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'report.github'), 'utf8')).toMatch(/^::error file=test\/fixtures\/plans\/bad-naming\.yaml,line=\d+,col=\d+,title=naming\/event-case::/m);
  });

  it('honours colour flags and NO_COLOR', () => {
    const colour = cdp(['check', F + 'bad-naming.yaml', '--color']);
    expect(colour.stdout).toContain('\u001b[');
    expect(cdp(['check', F + 'bad-naming.yaml']).stdout).not.toContain('\u001b[');
    expect(cdp(['check', F + 'bad-naming.yaml'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('rejects bad flags with exit 2', () => {
    expect(cdp(['check', F + 'valid-minimal.yaml', '--format', 'xml']).stderr).toMatch(/Unknown format "xml"/);
    expect(cdp(['check', F + 'valid-minimal.yaml', '--format', 'xml']).code).toBe(2);
    const r = cdp(['check', F + 'valid-minimal.yaml', '--rule', 'naming/event-cas=off']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown rule "naming\/event-cas" in --rule; did you mean "naming\/event-case"\?/);
    expect(cdp(['check', '--bogus']).code).toBe(2);
    expect(cdp(['nonsense']).code).toBe(2);
  });

  it('reads plan and rule severities from a config file; a broken config is exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-cfg-'));
    writeFileSync(join(dir, 'plan.yaml'), 'events:\n  Complete Order: {}\n');
    writeFileSync(join(dir, '.cdprc.json'), JSON.stringify({ plan: 'plan.yaml', rules: { 'naming/event-case': 'warn', 'plan/missing-description': 'off' } }));
    const r = cdp(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string; severity: string }) => `${d.ruleId}:${d.severity}`)).toEqual(['naming/event-case:warn']);
    expect(r.code).toBe(0);

    writeFileSync(join(dir, '.cdprc.json'), '{ "plan": ');
    const broken = cdp(['check'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^cdp: Cannot load config .cdprc.json: Unexpected end of JSON input/);
    writeFileSync(join(dir, '.cdprc.json'), '{\n  "plan": "plan.yaml",\n  "rules": {,}\n}\n');
    expect(cdp(['check'], { cwd: dir }).stderr).toMatch(/^cdp: Cannot load config \.cdprc\.json: .* in JSON at line 3, column 13\n$/);

    rmSync(join(dir, '.cdprc.json'));
    writeFileSync(join(dir, '.cdprc.yaml'), 'plan: [plan.yaml\n');
    expect(cdp(['check'], { cwd: dir }).stderr).toBe('cdp: Cannot load config .cdprc.yaml: unexpected end of the stream within a flow collection (2:1)\n');
    rmSync(join(dir, '.cdprc.yaml'));
    // package.json is the first place searched (for a "cdp" key): a broken one is the user's to fix, not a crash.
    writeFileSync(join(dir, 'package.json'), '{"name": "x",}');
    const brokenPackage = cdp(['check'], { cwd: dir });
    expect(brokenPackage.code).toBe(2);
    expect(brokenPackage.stderr).toMatch(/^cdp: Cannot load config package\.json: .* in JSON at line 1, column 14\n$/);
    rmSync(join(dir, 'package.json'));

    writeFileSync(join(dir, '.cdprc.json'), JSON.stringify({ plan: 'plan.yaml', rulez: {} }));
    expect(cdp(['check'], { cwd: dir }).stderr).toMatch(/Invalid config .cdprc.json: unknown key "rulez"/);
  });

  it('says how to start when no plan is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-noplan-'));
    const r = cdp(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No plan given/);
  });
});

describe('cdp init', () => {
  it('writes a starter config and plan that check cleanly, and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-init-'));
    const r = cdp(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'cdp.config.json'))).toBe(true);
    const check = cdp(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    expect(check.code).toBe(0);
    const before = readFileSync(join(dir, 'tracking-plan.yaml'), 'utf8');
    const again = cdp(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist/);
    expect(readFileSync(join(dir, 'tracking-plan.yaml'), 'utf8')).toBe(before);
  });
});

describe('config file locations', () => {
  it.each([
    ['package.json', JSON.stringify({ name: 'x', cdp: { plan: 'plan.yaml', rules: { 'naming/event-case': 'off' } } })],
    ['cdp.config.mjs', "export default { plan: 'plan.yaml', rules: { 'naming/event-case': 'off' } };\n"],
    ['cdp.config.yaml', "plan: plan.yaml\nrules:\n  naming/event-case: 'off'\n"],
    ['.cdprc', '{ "plan": "plan.yaml", "rules": { "naming/event-case": "off" } }'],
  ])('reads %s, also from a subfolder of the project', (name, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-loc-'));
    writeFileSync(join(dir, 'plan.yaml'), 'events:\n  complete_order:\n    description: x\n');
    writeFileSync(join(dir, name), content);
    if (name !== 'package.json') writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    for (const cwd of [dir, join(dir, 'src', 'deep')]) {
      const r = cdp(['check', '--format', 'json'], { cwd });
      expect(JSON.parse(r.stdout).diagnostics, `${name} from ${cwd}`).toEqual([]);
      expect(r.code).toBe(0);
    }
  });

  it('searches only the places docs/configuration.md lists: cosmiconfig\'s meta configuration is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-loc-'));
    writeFileSync(join(dir, 'plan.yaml'), 'events:\n  complete_order:\n    description: x\n');
    mkdirSync(join(dir, '.config'));
    // cosmiconfig's meta configuration, in both of its places, naming a search place of its own.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', cosmiconfig: { searchPlaces: ['elsewhere.json'] } }));
    writeFileSync(join(dir, '.config', 'config.json'), JSON.stringify({ searchPlaces: ['elsewhere.json'] }));
    writeFileSync(join(dir, 'elsewhere.json'), JSON.stringify({ plan: 'plan.yaml', rules: { 'naming/event-case': 'off' } }));
    writeFileSync(join(dir, 'cdp.config.json'), JSON.stringify({ plan: 'plan.yaml' }));
    const r = cdp(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['naming/event-case']);
  });
});
