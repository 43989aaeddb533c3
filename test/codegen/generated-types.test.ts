import { describe, expect, it } from 'vitest';
import { CLIENT_NAMES } from '../../src/codegen/clients/index.js';
import { generateFiles } from '../../src/codegen/generate.js';
import { loadPlan } from '../../src/plan/load.js';
import { ROOT } from '../helpers/cli.js';
import { planFrom } from '../helpers/plan.js';
import { STRICTEST, typecheck } from '../helpers/typecheck.js';
import { usageFile } from './usage.js';

const ecommerce = loadPlan('plans/ecommerce.yaml', ROOT);
const b2b = loadPlan('plans/b2b-saas.yaml', ROOT);
const tricky = loadPlan('test/fixtures/codegen/tricky.yaml', ROOT);
const keywords = loadPlan('test/fixtures/codegen/keywords.yaml', ROOT);

async function single(plan: typeof ecommerce, client: (typeof CLIENT_NAMES)[number], validate: 'off' | 'dev' | 'always'): Promise<string> {
  return (await generateFiles(plan, { client, validate }, false)).get('')!;
}

describe('generated code under tsc --strict', () => {
  it('compiles for every client, with and without validation, together with a file that calls every function, even with the strictest options', async () => {
    const files: Record<string, string> = {};
    for (const [label, plan] of [['ecommerce', ecommerce], ['b2b', b2b], ['tricky', tricky], ['keywords', keywords]] as const) {
      for (const client of CLIENT_NAMES) {
        for (const validate of ['off', 'always'] as const) {
          const base = `${label}-${client}-${validate}`;
          files[`${base}.ts`] = await single(plan, client, validate);
          files[`${base}.usage.ts`] = usageFile(plan, client, `./${base}.js`, validate !== 'off');
        }
      }
    }
    expect(typecheck(files, STRICTEST)).toEqual([]);
  });

  it('compiles in folder mode, imported through the index, with the strictest options', async () => {
    const files: Record<string, string> = {};
    for (const client of ['analytics-node', 'window'] as const) {
      for (const [path, content] of await generateFiles(ecommerce, { client, validate: 'always' }, true)) files[`${client}/analytics/${path}`] = content;
      files[`${client}/usage.ts`] = usageFile(ecommerce, client, './analytics/index.js', true);
    }
    expect(typecheck(files, STRICTEST)).toEqual([]);
  });

  it("compiles in folder mode when descriptions name the runtime's functions and types, with an apostrophe before them", async () => {
    const plan = planFrom(
      `plan: p\nevents:\n  Cart Viewed:\n    description: "The shopper's cart; calls $check and $versioned, see CallOptions and $Validate."\n    properties:\n      cart_id: { type: string, description: "Not $send's IdentityOptions" }\n`,
    );
    for (const validate of ['off', 'always'] as const) {
      const files: Record<string, string> = {};
      for (const [path, content] of await generateFiles(plan, { client: 'analytics-node', validate }, true)) files[`analytics/${path}`] = content;
      files['usage.ts'] = usageFile(plan, 'analytics-node', './analytics/index.js', validate !== 'off');
      expect(typecheck(files, STRICTEST)).toEqual([]);
    }
  });

  it('numbers event modules whose file name Windows refuses (con, aux, com1), and they still compile', async () => {
    const plan = planFrom('plan: p\nevents:\n  Con: {}\n  AUX: {}\n  Com1: {}\n  Console Opened: {}\n');
    const files = await generateFiles(plan, { client: 'analytics-node', validate: 'off' }, true);
    expect([...files.keys()].filter((f) => f.startsWith('events/')).sort()).toEqual(['events/aux_2.ts', 'events/com1_2.ts', 'events/con_2.ts', 'events/consoleOpened.ts']);
    const program: Record<string, string> = { 'usage.ts': usageFile(plan, 'analytics-node', './analytics/index.js', false) };
    for (const [path, content] of files) program[`analytics/${path}`] = content;
    expect(typecheck(program, STRICTEST)).toEqual([]);
  });

  it('rejects a wrong property, a missing required property, a wrong enum value, an unknown page and a typo in an event name', async () => {
    const usage = [
      'import { orderCompleted, orderComplete, page, setClient } from "./analytics.js";',
      'setClient({ track() {}, identify() {}, group() {}, page() {}, screen() {}, alias() {} });',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [], gift_wrap: true });',
      'orderCompleted({ currency: "USD", products: [] });',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [], payment_method: "cash" });',
      'page("Blog");',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [{ sku: "s1" }] });',
    ].join('\n');
    const diagnostics = typecheck({ 'analytics.ts': await single(ecommerce, 'analytics-next', 'off'), 'usage.ts': usage });
    expect(diagnostics.map(({ line, code }) => [line, code])).toEqual([
      [1, 2724],
      [3, 2353],
      [4, 2345],
      [5, 2322],
      [6, 2769],
      [7, 2741],
    ]);
    const messages = diagnostics.map((d) => d.message);
    expect(messages[0]).toMatch(/has no exported member named 'orderComplete'. Did you mean 'orderCompleted'\?/);
    expect(messages[1]).toMatch(/'gift_wrap' does not exist in type 'OrderCompletedProperties'/);
    expect(messages[2]).toMatch(/Property 'order_id' is missing in type .* but required in type 'OrderCompletedProperties'/);
    expect(messages[3]).toMatch(/Type '"cash"' is not assignable to type 'PaymentMethod \| undefined'/);
    expect(messages[4]).toMatch(/No overload matches this call[^]*Argument of type '"Blog"' is not assignable to parameter of type 'keyof Pages'/);
    expect(messages[5]).toMatch(/Property 'product_id' is missing in type '\{ sku: string; \}' but required in type 'Product'/);
  });

  it('requires userId or anonymousId with analytics-node, and nothing else unplanned in the options', async () => {
    const usage = [
      'import { orderCompleted, alias } from "./analytics.js";',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [] }, { anonymousId: "a1" });',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [] }, {});',
      'orderCompleted({ order_id: "o1", currency: "USD", products: [] });',
      'alias("u2");',
    ].join('\n');
    const diagnostics = typecheck({ 'analytics.ts': await single(ecommerce, 'analytics-node', 'off'), 'usage.ts': usage });
    expect(diagnostics.map(({ line, code }) => [line, code])).toEqual([
      [3, 2345],
      [4, 2554],
      [5, 2554],
    ]);
  });

  it('lets an event whose policy is unplanned_properties: off take other properties, and only that event', async () => {
    const usage = [
      'import { freeForm, orderCompleted2 } from "./analytics.js";',
      'freeForm({ known: "k", anything: 1 });',
      'orderCompleted2({ id: "i", anything: 1 });',
    ].join('\n');
    const diagnostics = typecheck({ 'analytics.ts': await single(tricky, 'custom', 'off'), 'usage.ts': usage });
    expect(diagnostics.map(({ line, code }) => [line, code])).toEqual([[3, 2353]]);
  });

  it('takes a page without a name, and other page or screen names only when the unplanned_events policy is off', async () => {
    const plan = (policy: string) => planFrom(`plan: p\ndefaults: { unplanned_events: ${policy} }\npages:\n  Home:\n    properties:\n      path: { type: string, required: true }\nscreens:\n  Settings: {}\n`);
    const usage = (identity: string) =>
      [
        'import { page, screen } from "./analytics.js";',
        `page(undefined, { anything: 1 }${identity});`,
        `page("Home", { path: "/" }${identity});`,
        `page("Blog", {}${identity});`,
        `screen("Other", {}${identity});`,
        `page("Home", {}${identity});`,
        `page(String(Date.now()), {}${identity});`,
      ].join('\n');
    const codes = async (policy: string, client: 'custom' | 'analytics-node', identity = '') =>
      typecheck({ 'analytics.ts': await single(plan(policy), client, 'always'), 'usage.ts': usage(identity) }, STRICTEST).map(({ line, code }) => [line, code]);
    expect(await codes('error', 'custom')).toEqual([[4, 2769], [5, 2345], [6, 2769], [7, 2769]]);
    expect(await codes('off', 'custom')).toEqual([[6, 2769]]);
    expect(await codes('warn', 'analytics-node', ', { userId: "u1" }')).toEqual([[4, 2769], [5, 2345], [6, 2769], [7, 2769]]);
    expect(typecheck({ 'analytics.ts': await single(plan('error'), 'window', 'off'), 'usage.ts': 'import { page } from "./analytics.js";\npage();\n' }, STRICTEST)).toEqual([]);
  });

  it('types the properties the Segment spec defines on pages and screens as optional, and rejects wrong types', async () => {
    const plan = planFrom('plan: p\npages:\n  Home: {}\nscreens:\n  Cart: {}\n');
    const usage = [
      'import { page, screen } from "./analytics.js";',
      'page("Home", { url: "http://x/", title: "Home", path: "/", referrer: "", search: "", name: "Home", category: "Docs", keywords: ["a"] });',
      'page("Home");',
      'screen("Cart", { name: "Cart" });',
      'page("Home", { url: 5 });',
      'page("Home", { keywords: "a" });',
      'screen("Cart", { url: "x" });',
    ].join('\n');
    const diagnostics = typecheck({ 'analytics.ts': await single(plan, 'custom', 'always'), 'usage.ts': usage }, STRICTEST);
    expect(diagnostics.map(({ line, code }) => [line, code])).toEqual([[5, 2769], [6, 2769], [7, 2353]]);
  });
});
