import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { CustomCall } from '../../src/scan/call-signatures.js';
import { scriptKindOf } from '../../src/scan/extract-calls.js';
import { ModuleScopes } from '../../src/scan/file-scope.js';
import { GeneratedModules } from '../../src/scan/generated-modules.js';
import type { ExtractedCall, Value } from '../../src/scan/types.js';
import { writeTree } from '../helpers/plan.js';
import { extractText } from '../helpers/scan.js';

/** A value as a test reads it: literals as themselves, objects and arrays spelled out, the rest by kind. */
function show(value: Value | undefined | null): unknown {
  if (value === undefined || value === null) return value;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'object':
      return Object.fromEntries([...value.entries.map(([k, v]) => [v.kind === 'deferred' && v.spread ? '...' : k, show(v)]), ...(value.open ? [['(open)', true]] : [])]);
    case 'array':
      return value.items.map(show);
    default:
      return `<${value.kind}>`;
  }
}

function shown(call: ExtractedCall) {
  const name = call.name === undefined ? undefined : call.name.kind === 'known' ? call.name.name : `<${call.name.kind}>`;
  return { type: call.type, name, body: show(call.body), at: `${call.line}:${call.column}` };
}

function extractOptions(custom: CustomCall[] = []) {
  return { generatedEvents: new Map(), custom: new Map(custom.map((c) => [c.callee, c])), generated: new GeneratedModules(), modules: new ModuleScopes(1 << 20) };
}

function calls(text: string, custom: CustomCall[] = [], file = '/project/src/a.ts') {
  return extractText(file, text, extractOptions(custom)).calls.map(shown);
}

describe('extractCalls', () => {
  it('recognises the browser client in every spelling', () => {
    const found = calls(
      [
        "analytics.track('A Done', { a: 1 });",
        "analytics?.track('B Done');",
        "analytics['track']('C Done', {});",
        "window.analytics.track('D Done', {});",
        "globalThis.analytics?.track?.('E Done', {});",
      ].join('\n'),
    );
    expect(found).toEqual([
      { type: 'track', name: 'A Done', body: { a: 1 }, at: '1:1' },
      { type: 'track', name: 'B Done', body: undefined, at: '2:1' },
      { type: 'track', name: 'C Done', body: {}, at: '3:1' },
      { type: 'track', name: 'D Done', body: {}, at: '4:1' },
      { type: 'track', name: 'E Done', body: {}, at: '5:1' },
    ]);
  });

  it('reads page, identify, group and alias in their browser and analytics-node forms', () => {
    const found = calls(
      [
        "analytics.page('Docs', 'Pricing', { path: '/p' });",
        "analytics.page('Home', { path: '/' });",
        "analytics.page({ path: '/x' });",
        "analytics.identify('u1', { email: 'e' });",
        "analytics.identify({ email: 'e' });",
        "analytics.identify({ userId: 'u1', traits: { email: 'e' } });",
        "analytics.group('g1', { name: 'Acme' });",
        "analytics.alias('u2', 'u1');",
        "analytics.track({ userId: 'u', event: 'F Done', properties: { f: true } });",
        "analytics.screen('Cart', { items: [1, 'two', null] });",
      ].join('\n'),
    );
    expect(found.map(({ type, name, body }) => ({ type, name, body }))).toEqual([
      { type: 'page', name: 'Pricing', body: { path: '/p' } },
      { type: 'page', name: 'Home', body: { path: '/' } },
      { type: 'page', name: undefined, body: { path: '/x' } },
      { type: 'identify', name: undefined, body: { email: 'e' } },
      { type: 'identify', name: undefined, body: { email: 'e' } },
      { type: 'identify', name: undefined, body: { email: 'e' } },
      { type: 'group', name: undefined, body: { name: 'Acme' } },
      { type: 'alias', name: undefined, body: null },
      { type: 'track', name: 'F Done', body: { f: true } },
      { type: 'screen', name: 'Cart', body: { items: [1, 'two', null] } },
    ]);
  });

  it('follows destructuring and imports of the client, and only of the client', () => {
    const found = calls(
      [
        "import { track as t } from '@segment/analytics-next';",
        "import { page } from './lib/analytics';",
        "import { track as playTrack } from './player';",
        'const { track, identify: who } = analytics;',
        "t('A Done', {});",
        "page('Home');",
        "track('B Done', {});",
        "who('u1', { email: 'e' });",
        "playTrack('Song');",
      ].join('\n'),
    );
    expect(found.map((c) => `${c.type} ${c.name ?? ''}`.trim())).toEqual(['track A Done', 'page Home', 'track B Done', 'identify']);
  });

  it('leaves out look-alikes: other objects, an analytics from another package, text in comments and strings', () => {
    const found = calls(
      [
        "import analytics from 'firebase-analytics';",
        "analytics.track('Not Segment');",
        "mixpanel.track('Mixpanel');",
        "store.analytics.track('Store');",
        "// window.analytics.track('Comment');",
        "const s = \"window.analytics.track('String')\";",
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('resolves names from literals, enums, as-const objects, constants and templates; says when it cannot', () => {
    const found = calls(
      [
        "enum E { Done = 'Order Completed' }",
        "const NAMES = { viewed: 'Product Viewed', nested: { x: 'Cart Viewed' } } as const;",
        "const OBJECT = 'Coupon';",
        "const VERB = 'Applied';",
        "type Done = 'Order Done';",
        "function f(name: string, typed: EventName, other: unknown, literal: 'Cart Done', aliased: Done) {",
        '  analytics.track(literal);',
        '  analytics.track(aliased);',
        '  analytics.track(E.Done);',
        '  analytics.track(NAMES.viewed);',
        "  analytics.track(NAMES['nested'].x);",
        '  analytics.track(`${OBJECT} ${VERB}`);',
        "  analytics.track(OBJECT + ' Removed');",
        '  analytics.track(name);',
        '  analytics.track(typed);',
        '  analytics.track(`${OBJECT} ${name}`);',
        '  analytics.track(other.toString());',
        '  analytics.track();',
        '}',
      ].join('\n'),
    );
    expect(found.map((c) => c.name)).toEqual(['Cart Done', 'Order Done', 'Order Completed', 'Product Viewed', 'Cart Viewed', 'Coupon Applied', 'Coupon Removed', '<dynamic>', '<deferred>', '<dynamic>', '<deferred>', '<dynamic>']);
  });

  it('reads properties: shorthand, nested, arrays, constant keys, spreads', () => {
    const [call] = calls(
      [
        "const KEY = 'computed_key';",
        "const BASE = { base: 'b' };",
        'function f(order_id: string, extra: Extra, total: number) {',
        "  analytics.track('A Done', { order_id, nested: { deep: [1, { x: 'y' }] }, [KEY]: 2, ...BASE, ...extra, total, late: undefined, fn() {} });",
        '}',
      ].join('\n'),
    );
    expect(call!.body).toEqual({
      order_id: '<unknown>',
      nested: { deep: [1, { x: 'y' }] },
      computed_key: 2,
      base: 'b',
      '...': '<deferred>',
      total: '<unknown>',
      late: '<unknown>',
      fn: '<unknown>',
    });
  });

  it('reads the keys of a variable from a simple type declared in the file, and leaves the rest to the type checker', () => {
    const found = calls(
      [
        "interface Item { id: string; tier: 'pro'; tags?: readonly string[] }",
        'type Context = { items: Item[]; extra: Array<{ note: string }>; [key: string]: unknown };',
        'interface Derived extends Item { more: number }',
        'function f(item: Item, context: Context, derived: Derived, list: Item[], other: Imported) {',
        "  analytics.track('A Done', { ...item, context, list });",
        "  analytics.track('B Done', { ...derived, ...other });",
        '}',
      ].join('\n'),
    );
    expect(found.map((c) => c.body)).toEqual([
      {
        id: '<unknown>',
        tier: 'pro',
        tags: [],
        context: { items: [{ id: '<unknown>', tier: 'pro', tags: [] }], extra: [{ note: '<unknown>' }], '(open)': true },
        list: [{ id: '<unknown>', tier: 'pro', tags: [] }],
      },
      { '...': '<deferred>' },
    ]);
  });

  it('marks an object with a key it cannot name as open', () => {
    const [call] = calls("function f(k: string) { analytics.track('A Done', { a: 1, [k]: 2 }); }");
    expect(call!.body).toEqual({ a: 1, '(open)': true });
  });

  it('recognises custom callees from the config, by argument index or object key', () => {
    const found = calls(
      ["telemetry.track('A Done', { a: 1 });", "telemetry?.track('B Done', { b: 2 });", "trackEvent({ name: 'C Done', c: 3 });", "other.track('D Done');"].join('\n'),
      [
        { callee: 'telemetry.track', event: 0, properties: 1 },
        { callee: 'trackEvent', event: 'name' },
      ],
    );
    expect(found.map(({ name, body }) => ({ name, body }))).toEqual([
      { name: 'A Done', body: { a: 1 } },
      { name: 'B Done', body: { b: 2 } },
      { name: 'C Done', body: null },
    ]);
  });

  it('reaches a name and properties nested in an argument by a dotted path, from the first argument or a numbered one', () => {
    const found = calls(
      [
        "trackManual({ user: 'u', data: { event: 'A Done', properties: { a: 1 } } });",
        "trackManual({ user: 'u', data: { properties: { b: 2 } } });",
        "trackOther(user, { meta: { name: 'B Done' }, props: { c: 3 } });",
      ].join('\n'),
      [
        { callee: 'trackManual', event: 'data.event', properties: 'data.properties' },
        { callee: 'trackOther', event: '1.meta.name', properties: '1.props' },
      ],
    );
    expect(found.map(({ name, body }) => ({ name, body }))).toEqual([
      { name: 'A Done', body: { a: 1 } },
      { name: '<dynamic>', body: { b: 2 } },
      { name: 'B Done', body: { c: 3 } },
    ]);
  });
});

describe('extractCalls through the module graph', () => {
  function callsIn(files: Record<string, string>, main = 'main.ts') {
    const dir = writeTree(files);
    const path = join(dir, main);
    const text = readFileSync(path, 'utf8');
    return extractText(path, text, extractOptions()).calls.map((c) => `${shown(c).at} ${c.type} ${shown(c).name ?? ''}`.trim());
  }

  it('finds calls on an instance, a method or a wrapper imported under any name, and through a namespace', () => {
    const found = callsIn({
      'lib/segment.ts': "import { AnalyticsBrowser } from '@segment/analytics-next';\nexport const client = AnalyticsBrowser.load({ writeKey: 'k' });\nexport const send = (name: string, props?: object) => client.track(name, props);\n",
      'main.ts': [
        "import { client as seg, send } from './lib/segment';",
        "import * as tracking from './lib/segment';",
        "seg.track('A Done', {});",
        "send('B Done', {});",
        "tracking.send('C Done');",
        "tracking.client.page('Home');",
        'tracking.other();',
      ].join('\n'),
    });
    expect(found).toEqual(['3:1 track A Done', '4:1 track B Done', '5:1 track C Done', '6:1 page Home']);
  });

  it('leaves out the call through which a wrapper forwards its parameters, and keeps one that adds properties', () => {
    const found = callsIn({
      'main.ts': [
        'export function send(event: string, properties?: object) {',
        '  window.analytics.track(event, properties);',
        '}',
        'export function sendWeb(name: string) {',
        "  window.analytics.track(name, { app: 'web' });",
        '}',
        "send('A Done', { a: 1 });",
      ].join('\n'),
    });
    expect(found).toEqual(['5:3 track <dynamic>', '7:1 track A Done']);
  });

  it("does not take another library's track, re-exported from a module whose path says analytics, for Segment's", () => {
    const found = callsIn({
      'lib/analytics.ts': "export { default as track } from 'react-tracking';\n",
      'main.tsx': "import { track } from './lib/analytics';\nimport * as analytics from './lib/analytics';\nexport const Page = track((props: { context: string }) => ({ page: props.context }))(() => null);\nanalytics.track({ page: 'Other' });\n",
    }, 'main.tsx');
    expect(found).toEqual([]);
  });
});

describe('scriptKindOf', () => {
  it('reads the language of a component from its script tag', () => {
    expect(scriptKindOf('a.vue', '<script setup lang="ts">')).toBe(ts.ScriptKind.TS);
    expect(scriptKindOf('a.vue', "<script lang='tsx'>")).toBe(ts.ScriptKind.TSX);
    expect(scriptKindOf('a.svelte', '<script context="module" lang=ts>')).toBe(ts.ScriptKind.TS);
    expect(scriptKindOf('a.svelte', '<script>')).toBe(ts.ScriptKind.JS);
    expect(scriptKindOf('a.mts', '')).toBe(ts.ScriptKind.TS);
    expect(scriptKindOf('a.jsx', '')).toBe(ts.ScriptKind.JSX);
    expect(scriptKindOf('a.cjs', '')).toBe(ts.ScriptKind.JS);
  });
});

describe('extractCalls on deep values and code', () => {
  const nested = (levels: number, inner: string) => `${'{ a: '.repeat(levels)}${inner}${' }'.repeat(levels)}`;
  const extract = (text: string, file = '/project/src/a.ts', custom: CustomCall[] = []) => extractText(file, text, extractOptions(custom)).calls;

  it('reads properties 62 levels deep, and stops at an object one level deeper, saying where', () => {
    const [fits] = extract(`analytics.track('A Done', { x: ${nested(62, "'leaf'")} });`);
    expect(fits!.tooDeep).toBeUndefined();
    let value = fits!.body;
    for (let level = 0; level < 63; level++) value = value?.kind === 'object' ? value.entries[0]![1] : undefined;
    expect(value).toEqual({ kind: 'literal', value: 'leaf' });

    const text = `analytics.track('A Done', { x: ${nested(63, "'leaf'")} });`;
    const [cut] = extract(text);
    // The 63rd object of x: the properties are level 0.
    const start = "analytics.track('A Done', { x: ".length;
    expect(cut!.tooDeep).toEqual({ file: '/project/src/a.ts', line: 1, column: start + 5 * 62 + 1 });
    expect(JSON.stringify(show(cut!.body))).toContain('"a":"<unknown>"');
  });

  it('follows a constant to its object without counting a level, and ends a cycle as too deep', () => {
    const [named] = extract(`const deep = ${nested(30, '1')};\nanalytics.track('A Done', { x: deep, y: deep });`);
    expect(named!.tooDeep).toBeUndefined();
    const [cycle] = extract("const a = [a];\nanalytics.track('A Done', { a });");
    expect(cycle!.tooDeep).toMatchObject({ line: 1 });
  });

  it('reads a custom callee behind a member chain 20,000 long, and finds calls in a file of such chains', () => {
    const chain = `x${'.y'.repeat(20_000)}`;
    const found = extract(`${chain}.track('B Done');\ntelemetry.track('A Done', { id: ${chain} });\n// cdp-disable-next-line\n${chain}();`, '/project/src/a.ts', [{ callee: 'telemetry.track', event: 0, properties: 1 }]);
    expect(found.map(shown)).toEqual([{ type: 'track', name: 'A Done', body: { id: '<unknown>' }, at: '2:1' }]);
  });

  it('takes a module the parser cannot get through for one it cannot read: its names are unknown', () => {
    const dir = writeTree({
      'names.ts': `export const NAME = 'A Done';\nexport const y = ${'['.repeat(5000)}${']'.repeat(5000)};\n`,
      'main.ts': "import { NAME } from './names';\nanalytics.track(NAME);\nanalytics.track('B Done');\n",
    });
    const path = join(dir, 'main.ts');
    expect(extractText(path, readFileSync(path, 'utf8'), extractOptions()).calls.map((c) => shown(c).name)).toEqual(['<deferred>', 'B Done']);
  });
});
