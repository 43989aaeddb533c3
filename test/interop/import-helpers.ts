import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePlan, type CompiledPlan } from '../../src/compile/compile-plan.js';
import { importPlan, type ImportResult } from '../../src/interop/import-plan.js';
import type { ImportSource } from '../../src/interop/import-source.js';
import { readImportInput } from '../../src/interop/read-input.js';
import { loadPlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { compareVerdicts } from '../../scripts/payload-probes.mjs';

export const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;

export interface Imported extends ImportResult {
  source: ImportSource;
  plan: Plan;
  compiled: CompiledPlan;
}

/** Imports a source, writes the YAML and loads it back as `cdp check` would. */
export function importSource(source: ImportSource, origin: string): Imported {
  const result = importPlan(source, origin);
  const file = join(mkdtempSync(join(tmpdir(), 'cdp-import-test-')), 'tracking-plan.yaml');
  writeFileSync(file, result.yaml);
  const plan = loadPlan(file);
  return { ...result, source, plan, compiled: compilePlan(plan) };
}

export function importFixture(name: string): Imported {
  return importSource(readImportInput(join(FIXTURES, name), name), name);
}

/** Original rule and compiled schema of every rule that landed in the plan (the last of equal names is the highest version in the fixtures). */
export function verdicts(imported: Imported): ReturnType<typeof compareVerdicts> {
  const byKey = new Map<string, { name: string; slot: string; original: unknown; compiled: unknown }>();
  for (const rule of imported.source.rules) {
    const traits = rule.kind === 'identify' || rule.kind === 'group';
    const compiled = traits ? imported.compiled[rule.kind] : rule.kind === 'common' ? undefined : imported.compiled[rule.kind].get(rule.name ?? '');
    if (!compiled) continue;
    const key = `${rule.kind} ${rule.name ?? ''}`;
    const previous = byKey.get(key);
    if (previous && Number(String((previous as { version?: unknown }).version ?? 0).split('-')[0]) > Number(String(rule.version ?? 0).split('-')[0])) continue;
    byKey.set(key, Object.assign({ name: key, slot: traits ? 'traits' : 'properties', original: rule.message, compiled }, { version: rule.version }));
  }
  return compareVerdicts([...byKey.values()]);
}
