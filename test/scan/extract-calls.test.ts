import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { CustomCall } from '../../src/scan/call-signatures.js';
import { extractCalls, scriptKindOf } from '../../src/scan/extract-calls.js';
import { ModuleScopes } from '../../src/scan/file-scope.js';
import { GeneratedModules } from '../../src/scan/generated-modules.js';
import type { ExtractedCall, Value } from '../../src/scan/types.js';

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
  return extractCalls(file, text, scriptKindOf(file, text), extractOptions(custom)).calls.map(shown);
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
