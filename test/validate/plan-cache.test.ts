import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { PlanCache } from '../../src/validate/plan-cache.js';
import { writeTree } from '../helpers/plan.js';

const ROOT = ['plan: shop', 'include: part.yaml', 'events:', '  Order Completed:', '    properties:', '      order_id: { type: string, required: true }', ''].join('\n');
const PART = ['events:', '  Product Viewed:', '    properties:', '      product_id: string', ''].join('\n');

function project(files: Record<string, string> = {}) {
  const dir = writeTree({ 'package.json': '{}', 'plan.yaml': ROOT, 'part.yaml': PART, ...files });
  const cache = PlanCache.locate(dir, undefined, 'build-1')!;
  const store = (build = 'build-1') => PlanCache.locate(dir, undefined, build)!.entry('plan.yaml', dir)!;
  return { dir, cache, store };
}

describe('the plan cache', () => {
  it('lives in node_modules/.cache/cdp of the nearest folder with a package.json, or where --cache-location says', () => {
    const { dir } = project({ 'sub/deeper/.keep': '' });
    expect(PlanCache.locate(join(dir, 'sub', 'deeper'), undefined, 'b')!.dir).toBe(join(dir, 'node_modules', '.cache', 'cdp'));
    expect(PlanCache.locate(join(dir, 'sub'), 'elsewhere', 'b')!.dir).toBe(join(dir, 'sub', 'elsewhere'));
    // Run from the sources there is no build to key entries on: no cache.
    expect(PlanCache.locate(dir, undefined, undefined)).toBeUndefined();
  });

  it('gives back a plan it kept, and misses once the plan, a file it includes or the build changes', () => {
    const { dir, store } = project();
    expect(store().readPlan()).toBeUndefined();
    const plan = loadPlan('plan.yaml', dir);
    store().writePlan(plan);
    const back = store().readPlan()!;
    expect([...back.events.keys()]).toEqual(['Order Completed', 'Product Viewed']);
    expect(back.files).toEqual(['plan.yaml', 'part.yaml']);
    expect(store('build-2').readPlan()).toBeUndefined();

    writeFileSync(join(dir, 'part.yaml'), PART.replace('Product Viewed', 'Product Clicked'));
    expect(store().readPlan()).toBeUndefined();
    writeFileSync(join(dir, 'part.yaml'), PART);
    expect(store().readPlan()).toBeDefined();

    writeFileSync(join(dir, 'plan.yaml'), ROOT.replace('order_id', 'checkout_id'));
    expect(store().readPlan()).toBeUndefined();
  });

  it('keeps only what the loader read: a file saved while cdp ran is not taken for what was loaded', () => {
    const { dir, store } = project();
    // The plan changes between finding the entry and loading the plan: nothing is kept under the old key.
    const found = store();
    writeFileSync(join(dir, 'plan.yaml'), ROOT.replace('order_id', 'checkout_id'));
    found.writePlan(loadPlan('plan.yaml', dir));
    expect(found.readPlan()).toBeUndefined();
    expect(store().readPlan()).toBeUndefined();
    // An include changes after it was loaded: the entry keeps the hash of what was loaded, so it misses.
    const entry = store();
    const plan = loadPlan('plan.yaml', dir);
    writeFileSync(join(dir, 'part.yaml'), PART.replace('Product Viewed', 'Product Clicked'));
    entry.writePlan(plan);
    expect(store().readPlan()).toBeUndefined();
    writeFileSync(join(dir, 'part.yaml'), PART);
    expect([...store().readPlan()!.events.keys()]).toEqual(['Order Completed', 'Product Viewed']);
  });

  it('keeps the four newest entries of a plan file, the one just written among them', () => {
    const { dir, cache, store } = project();
    const written: string[] = [];
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, 'plan.yaml'), ROOT.replace('order_id', `order_${i}`));
      store().writePlan(loadPlan('plan.yaml', dir));
      written.push(store().dir.split('/').pop()!);
      // Folder times are what tells old from new: make them differ even on a coarse clock.
      utimesSync(store().dir, 1000 + i, 1000 + i);
    }
    const [place] = readdirSync(join(cache.dir, 'plans'));
    expect(readdirSync(join(cache.dir, 'plans', place!)).sort()).toEqual(written.slice(2).sort());
    // Two builds used by turns keep both their entries.
    writeFileSync(join(dir, 'plan.yaml'), ROOT);
    store('build-a').writePlan(loadPlan('plan.yaml', dir));
    store('build-b').writePlan(loadPlan('plan.yaml', dir));
    expect(store('build-a').readPlan()).toBeDefined();
    expect(store('build-b').readPlan()).toBeDefined();
  });

  it('stores validator modules by key, and reads nothing back it did not write', () => {
    const { store } = project();
    const validators = store().validators();
    expect(validators.read('track:Order Completed')).toBeUndefined();
    validators.write('track:Order Completed', 'module.exports = 1;');
    expect(store().validators().read('track:Order Completed')?.code).toBe('module.exports = 1;');
    expect(store().validators().read('track:Product Viewed')).toBeUndefined();
  });

  it('is a convenience: a damaged entry is a miss, a folder it cannot write costs nothing but the time', () => {
    const { dir, cache, store } = project();
    store().writePlan(loadPlan('plan.yaml', dir));
    writeFileSync(join(store().dir, 'plan.bin'), 'not what was written');
    expect(store().readPlan()).toBeUndefined();

    // A file where the cache's folder should be: nothing can be written below it.
    const blocked = writeTree({ 'package.json': '{}', 'plan.yaml': ROOT, 'part.yaml': PART, 'node_modules/.cache/cdp': 'a file' });
    const entry = PlanCache.locate(blocked, undefined, 'b')!.entry('plan.yaml', blocked)!;
    expect(() => entry.writePlan(loadPlan('plan.yaml', blocked))).not.toThrow();
    expect(() => entry.validators().write('identify', 'x')).not.toThrow();
    expect(entry.readPlan()).toBeUndefined();

    expect(cache.entry('missing.yaml', dir)).toBeUndefined();
  });
});
