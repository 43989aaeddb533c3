import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/plan/yaml-source.js';

// ajv-formats is CommonJS: depending on the resolver its default import is the plugin or the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PLANS = join(ROOT, 'plans');
const DOC = join(ROOT, 'docs/plan-format.md');
const FIXTURES = join(ROOT, 'test/fixtures/plans');
const PLAN_SCHEMA = join(ROOT, 'schemas/tracking-plan.schema.json');
const CONFIG_SCHEMA = join(ROOT, 'schemas/cdp-config.schema.json');

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

function compileSchema(path: string): ValidateFunction {
  return newAjv().compile(JSON.parse(readFileSync(path, 'utf8')) as object);
}

const validatePlan = compileSchema(PLAN_SCHEMA);

/** Parses with cdp's own YAML reader, so the examples are read exactly as `cdp check` reads them. */
function parseYaml(text: string): unknown {
  const { value, diagnostics } = parseYamlSource(text, 'example.yaml');
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return value;
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const mapOf = (v: unknown): Obj => (isObj(v) ? v : {});

/** A root plan file and everything it includes, as parsed values keyed by file. */
function loadWithIncludes(root: string): Map<string, Obj> {
  const files = new Map<string, Obj>();
  const visit = (path: string): void => {
    if (files.has(path)) return;
    const value = parseYaml(readFileSync(path, 'utf8'));
    expect(isObj(value), `${relative(ROOT, path)} is a map`).toBe(true);
    files.set(path, value as Obj);
    const include = (value as Obj).include;
    const list = include === undefined ? [] : Array.isArray(include) ? include : [include];
    for (const entry of list) {
      const target = resolve(dirname(path), String(entry));
      expect(existsSync(target), `${relative(ROOT, path)} includes ${String(entry)}, which exists`).toBe(true);
      visit(target);
    }
  };
  visit(root);
  return files;
}

/**
 * Consistency checks the loader and `cdp check` also make, done here on the raw YAML so the
 * example plans stay clean while those are being written: type names resolve, `required`
 * names are declared, every event/page/screen has a description, nothing is defined twice.
 */
function checkPlanConsistency(files: Map<string, Obj>): string[] {
  const problems: string[] = [];
  const types = new Set<string>();
  const seen = new Map<string, string>();
  for (const [path, plan] of files) {
    for (const name of Object.keys(mapOf(plan.types))) types.add(name);
    for (const section of ['events', 'pages', 'screens', 'types']) {
      for (const name of Object.keys(mapOf(plan[section]))) {
        const key = `${section}/${name}`;
        if (seen.has(key)) problems.push(`${key} is defined in ${seen.get(key)} and ${relative(ROOT, path)}`);
        seen.set(key, relative(ROOT, path));
      }
    }
  }

  const typeName = (name: unknown, where: string): void => {
    if (typeof name !== 'string') return;
    if (!JSON_TYPES.has(name) && !types.has(name)) problems.push(`${where}: unknown type "${name}"`);
  };
  const schema = (value: unknown, where: string): void => {
    if (typeof value === 'string') return typeName(value, where);
    if (!isObj(value)) return;
    if (Array.isArray(value.type)) value.type.forEach((t) => typeName(t, `${where}/type`));
    else typeName(value.type, `${where}/type`);
    if (typeof value.$ref === 'string') typeName(value.$ref.replace(/^#\/types\//, ''), `${where}/$ref`);
    if (Array.isArray(value.items)) value.items.forEach((item, i) => schema(item, `${where}/items/${i}`));
    else if (value.items !== undefined) schema(value.items, `${where}/items`);
    if (value.properties !== undefined) object(value.properties, value.required, where);
    for (const key of ['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']) {
      if (isObj(value[key]) || typeof value[key] === 'string') schema(value[key], `${where}/${key}`);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(value[key])) (value[key] as unknown[]).forEach((s, i) => schema(s, `${where}/${key}/${i}`));
    }
  };
  const object = (properties: unknown, required: unknown, where: string): void => {
    const props = mapOf(properties);
    for (const [name, def] of Object.entries(props)) {
      if (name.length > 255) problems.push(`${where}: property name longer than 255 characters`);
      schema(def, `${where}/${name}`);
    }
    if (Array.isArray(required)) {
      for (const name of required) if (!Object.hasOwn(props, String(name))) problems.push(`${where}: required "${String(name)}" is not declared`);
    }
  };

  for (const [path, plan] of files) {
    const file = relative(ROOT, path);
    for (const [name, def] of Object.entries(mapOf(plan.types))) schema(def, `${file}#/types/${name}`);
    for (const section of ['events', 'pages', 'screens']) {
      for (const [name, body] of Object.entries(mapOf(plan[section]))) {
        const where = `${file}#/${section}/${name}`;
        if (name.length > 255) problems.push(`${where}: name longer than 255 characters`);
        const event = mapOf(body);
        if (typeof event.description !== 'string' || event.description.trim() === '') problems.push(`${where}: no description`);
        object(event.properties, event.required, where);
      }
    }
    for (const section of ['identify', 'group']) {
      if (plan[section] === undefined) continue;
      const traits = mapOf(plan[section]);
      object(traits.traits, traits.required, `${file}#/${section}`);
    }
  }
  return problems;
}

/** Fenced ```yaml blocks of the docs, with the line each starts on. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```yaml') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

describe('schemas', () => {
  it('compile in ajv strict mode', () => {
    expect(() => compileSchema(PLAN_SCHEMA)).not.toThrow();
    expect(() => compileSchema(CONFIG_SCHEMA)).not.toThrow();
  });

  it('cdp-config.schema.json accepts a full config and rejects mistakes', () => {
    const validate = compileSchema(CONFIG_SCHEMA);
    const good = {
      $schema: './node_modules/cdp/schemas/cdp-config.schema.json',
      plan: 'plans/storefront.yaml',
      rules: { 'plan/missing-description': 'off', 'naming/event-case': 'warn', 'spec/name-too-long': 'error' },
      conventions: { event: 'object-action', property: { pattern: '^[a-z][a-z0-9_]*$', description: 'snake_case' } },
      format: 'sarif',
      maxWarnings: -1,
    };
    expect(validate(good), errorsOf(validate)).toBe(true);
    expect(validate({})).toBe(true);
    for (const bad of [
      { rules: { 'Plan/Missing': 'off' } },
      { rules: { 'missing-description': 'off' } },
      { rules: { 'plan/missing-description': 'fatal' } },
      { rules: { 'plan/missing-description': 2 } },
      { conventions: { event: 'sentence case' } },
      { conventions: { property: { pattern: '(' } } },
      { conventions: { screen: 'snake_case' } },
      { format: 'html' },
      { maxWarnings: -2 },
      { maxWarnings: 1.5 },
      { plan: '' },
      { plans: 'plans/storefront.yaml' },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('example plans in plans/', () => {
  const files = yamlFiles(PLANS);

  it('exist', () => {
    expect(files.map((f) => relative(PLANS, f))).toEqual(expect.arrayContaining(['ecommerce.yaml', 'ecommerce/engagement.yaml', 'b2b-saas.yaml']));
  });

  for (const file of files) {
    const name = relative(ROOT, file);

    it(`${name} validates against tracking-plan.schema.json`, () => {
      const value = parseYaml(readFileSync(file, 'utf8'));
      expect(validatePlan(value), errorsOf(validatePlan)).toBe(true);
    });

    it(`${name} points editors at the plan schema on its first line`, () => {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, first).not.toBeNull();
      expect(resolve(dirname(file), match![1]!)).toBe(PLAN_SCHEMA);
    });
  }

  const roots = files.filter((f) => {
    const value = parseYaml(readFileSync(f, 'utf8'));
    return isObj(value) && 'plan' in value;
  });

  it('every file is a root plan or included by one', () => {
    const reached = new Set(roots.flatMap((r) => [...loadWithIncludes(r).keys()]));
    expect(files.filter((f) => !reached.has(f)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  for (const root of roots) {
    it(`${relative(ROOT, root)} is consistent: types resolve, required names are declared, everything is described`, () => {
      expect(checkPlanConsistency(loadWithIncludes(root))).toEqual([]);
    });
  }

  it('included files hold no root-only keys', () => {
    for (const root of roots) {
      for (const [path, plan] of loadWithIncludes(root)) {
        if (path === root) continue;
        for (const key of ['plan', 'version', 'conventions', 'defaults']) expect(plan, `${relative(ROOT, path)}: ${key}`).not.toHaveProperty(key);
      }
    }
  });
});

describe('docs/plan-format.md', () => {
  const blocks = yamlBlocks(readFileSync(DOC, 'utf8'));
  const complete = blocks.filter((b) => /^# example: complete$/m.test(b.text));
  const invalid = blocks.filter((b) => /^# example: invalid$/m.test(b.text));

  it('has complete examples', () => {
    expect(complete.length).toBeGreaterThan(0);
  });

  for (const block of complete) {
    it(`the complete plan at line ${block.line} validates and is consistent`, () => {
      const value = parseYaml(block.text);
      expect(validatePlan(value), errorsOf(validatePlan)).toBe(true);
      expect(checkPlanConsistency(new Map([[`${DOC}:${block.line}`, value as Obj]]))).toEqual([]);
    });
  }

  it('every other yaml block is valid YAML', () => {
    for (const block of blocks) {
      if (invalid.includes(block)) continue;
      expect(() => parseYaml(block.text), `block at line ${block.line}`).not.toThrow();
    }
  });

  it('blocks marked `# example: invalid` are really invalid', () => {
    for (const block of invalid) {
      let ok: boolean;
      try {
        ok = validatePlan(parseYaml(block.text));
      } catch {
        ok = false;
      }
      expect(ok, `block at line ${block.line}`).toBe(false);
    }
  });
});

/**
 * How far each loader fixture gets: `yaml` fails in the YAML parser, `empty` parses to nothing,
 * `format` fails the plan-format schema, `valid` passes the schema (its problem, if any, is found
 * later: type resolution, includes or the plan rules).
 */
const FIXTURE_STAGES: Record<string, 'yaml' | 'empty' | 'format' | 'valid'> = {
  'valid-minimal.yaml': 'valid',
  'missing-description.yaml': 'valid',
  'syntax-error.yaml': 'yaml',
  'tabs.yaml': 'yaml',
  'duplicate-event.yaml': 'yaml',
  'near-duplicate-events.yaml': 'valid',
  'similar-events.yaml': 'valid',
  'typo-type.yaml': 'valid',
  'unknown-ref.yaml': 'valid',
  'type-cycle.yaml': 'valid',
  'type-cycle-nested.yaml': 'valid',
  'alias-bomb.yaml': 'yaml',
  'empty.yaml': 'empty',
  'impossible-bounds.yaml': 'valid',
  'type-keyword-mismatch.yaml': 'valid',
  'required-not-declared.yaml': 'valid',
  'bad-naming.yaml': 'valid',
  'include-root.yaml': 'valid',
  'include-part.yaml': 'valid',
  'include-missing.yaml': 'valid',
  'include-cycle-a.yaml': 'valid',
  'include-cycle-b.yaml': 'valid',
  'unknown-key.yaml': 'format',
};

describe('loader fixtures in test/fixtures/plans/', () => {
  for (const [name, stage] of Object.entries(FIXTURE_STAGES)) {
    it(`${name} fails at the expected stage (${stage})`, () => {
      const path = join(FIXTURES, name);
      const text = readFileSync(path, 'utf8');
      if (stage === 'yaml') {
        expect(() => parseYaml(text)).toThrow();
        return;
      }
      const value = parseYaml(text);
      if (stage === 'empty') {
        expect(value).toBeNull();
        return;
      }
      expect(validatePlan(value), errorsOf(validatePlan)).toBe(stage === 'valid');
    });
  }

  it('the alias bomb is small and fails on the alias limit, not on size', () => {
    const text = readFileSync(join(FIXTURES, 'alias-bomb.yaml'), 'utf8');
    expect(text.length).toBeLessThan(2048);
    expect(() => parseYaml(text)).toThrow(/alias/i);
  });

  it('tabs.yaml is indented with a tab', () => {
    expect(readFileSync(join(FIXTURES, 'tabs.yaml'), 'utf8')).toMatch(/\n\t+\S/);
  });

  it('the valid split plan is consistent across its two files', () => {
    expect(checkPlanConsistency(loadWithIncludes(join(FIXTURES, 'include-root.yaml')))).toEqual([]);
  });

  it('valid-minimal.yaml is consistent', () => {
    expect(checkPlanConsistency(loadWithIncludes(join(FIXTURES, 'valid-minimal.yaml')))).toEqual([]);
  });

  it('the consistency check used on the examples catches the fixtures it should', () => {
    const problems = (name: string) => checkPlanConsistency(loadWithIncludes(join(FIXTURES, name))).join('\n');
    expect(problems('missing-description.yaml')).toMatch(/Product Viewed: no description/);
    expect(problems('typo-type.yaml')).toMatch(/unknown type "strin"/);
    expect(problems('unknown-ref.yaml')).toMatch(/unknown type "Prodcut"[\s\S]*unknown type "Nothing"/);
    expect(problems('required-not-declared.yaml')).toMatch(/required "currency" is not declared/);
  });
});
