import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_AJV_OPTIONS } from '../../src/plan/validate-format.js';
import { createAjv } from '../../src/validate/ajv.js';

// `npm test` builds first, so dist/ holds the validator that scripts/build-validators.mjs compiled.
const precompiled = createRequire(import.meta.url)('../../dist/plan/plan-format.validator.cjs') as ValidateFunction;
const compiled = createAjv(PLAN_FORMAT_AJV_OPTIONS).compile(JSON.parse(readFileSync(new URL('../../schemas/tracking-plan.schema.json', import.meta.url), 'utf8')) as object);

describe('the plan-format validator compiled at build time', () => {
  it.each([
    ['a valid plan', { plan: 'p', version: 1, events: { 'Order Completed': { description: 'd', properties: { order_id: { type: 'string', required: true } } } } }],
    ['an unknown root key', { plan: 'p', evnets: {} }],
    ['a wrong type', { plan: 'p', events: { A: { properties: { x: { type: 5 } } } } }],
    ['a bare null', { plan: 'p', events: { A: { properties: { x: null } } } }],
    ['bad conventions', { conventions: { event: 'shouty' } }],
  ])('gives the same verdict and errors as compiling the schema: %s', (_, plan) => {
    expect(precompiled(plan)).toBe(compiled(plan));
    expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
  });
});

const precompiledConfig = createRequire(import.meta.url)('../../dist/config/cdp-config.validator.cjs') as ValidateFunction;
const compiledConfig = createAjv().compile(JSON.parse(readFileSync(new URL('../../schemas/cdp-config.schema.json', import.meta.url), 'utf8')) as object);

describe('the config validator compiled at build time', () => {
  it.each([
    ['a valid config', { plan: 'plans/p.yaml', rules: { 'plan/unplanned-event': 'warn' }, format: 'json', maxWarnings: 0 }],
    ['an unknown key', { plna: 'p.yaml' }],
    ['a wrong severity', { rules: { 'plan/unplanned-event': 'loud' } }],
    ['a wrong type', { maxWarnings: 'ten', scan: { include: 'src' } }],
  ])('gives the same verdict and errors as compiling the schema: %s', (_, config) => {
    expect(precompiledConfig(config)).toBe(compiledConfig(config));
    expect(precompiledConfig.errors ?? null).toEqual(compiledConfig.errors ?? null);
  });
});
