import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadPlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';

/** Writes files (name -> YAML text) into a fresh temporary folder and returns the folder. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Loads a plan written inline, as `plan.yaml` in a temporary folder (file names in results are relative). */
export function planFrom(yaml: string, extra: Record<string, string> = {}): Plan {
  const dir = writeTree({ 'plan.yaml': yaml, ...extra });
  return loadPlan('plan.yaml', dir);
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
