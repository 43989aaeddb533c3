import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsClient, roleOf, type Role } from '../../src/scan/client-role.js';
import { ModuleScopes, type FileScope } from '../../src/scan/file-scope.js';
import { GeneratedModules } from '../../src/scan/generated-modules.js';
import { writeTree } from '../helpers/plan.js';
import { extractText } from '../helpers/scan.js';

function scopeOf(dir: string, file: string): FileScope {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const options = { generatedEvents: new Map(), custom: new Map(), generated: new GeneratedModules(), modules: new ModuleScopes(1 << 20) };
  return extractText(path, text, options).scope;
}

function shown(role: Role | undefined): string {
  if (!role) return '?';
  return role.kind === 'method' ? role.method : role.kind;
}

/** The role of each `const` of main.ts: client, the method's name, members, module, other, or ? (not in sight). */
function roles(files: Record<string, string>): Record<string, string> {
  const dir = writeTree(files);
  const scope = scopeOf(dir, 'main.ts');
  return Object.fromEntries([...scope.consts].map(([name, expr]) => [name, shown(roleOf(expr, scope))]));
}

const SEGMENT = `import { AnalyticsBrowser } from '@segment/analytics-next';
export const analytics = AnalyticsBrowser.load({ writeKey: 'k' });
export default analytics;
export function track(event: string, properties?: object) {
  analytics.track(event, properties);
}
`;

describe('roleOf', () => {
  it('knows a client by how it is made: AnalyticsBrowser.load, new Analytics, the snippet global, and names for them', () => {
    expect(
      roles({
        'main.ts': [
          "import { AnalyticsBrowser } from '@segment/analytics-next';",
          "import { Analytics } from '@segment/analytics-node';",
          "import Legacy from 'analytics-node';",
          "const browser = AnalyticsBrowser.load({ writeKey: 'k' });",
          "const awaited = await AnalyticsBrowser.load({ writeKey: 'k' });",
          "const server = new Analytics({ writeKey: 'k' });",
          "const legacy = new Legacy('k');",
          'const snippet = window.analytics;',
          'const global = globalThis.analytics as unknown;',
          'const alias = server;',
          'const made = createClient();',
        ].join('\n'),
      }),
    ).toEqual({ browser: 'client', awaited: 'client', server: 'client', legacy: 'client', snippet: 'client', global: 'client', alias: 'client', made: '?' });
  });

  it('takes a function for a client method only when it forwards its parameters to one', () => {
    expect(
      roles({
        'main.ts': [
          "import { AnalyticsBrowser } from '@segment/analytics-next';",
          "const client = AnalyticsBrowser.load({ writeKey: 'k' });",
          'const { page, identify: who } = client;',
          'const bound = client.track.bind(client);',
          'const destructured = page;',
          'const renamed = who;',
          'const arrow = (event: string, properties?: object) => client.track(event, properties);',
          'const rest = (...args: [string, object?]) => client.track(...args);',
          'const withOptions = (event: string, properties: object) => client.track(event, properties, { context: { app: "web" } });',
          'function guarded(event: string, properties?: object) {',
          '  if (consent()) window.analytics?.track(event, properties);',
          '}',
          'const declared = guarded;',
          'const reordered = (properties: object, event: string) => client.track(event, properties);',
          "const enriched = (event: string) => client.track(event, { app: 'web' });",
          "const fixed = () => client.track('Home Viewed');",
          'const elsewhere = (event: string) => mixpanel.track(event);',
          'const recursive = (event: string): void => recursive(event);',
          'const facade = { track(event: string, properties?: object) { client.track(event, properties); }, flush() {} };',
          'const facadeTrack = facade.track;',
          'const facadeFlush = facade.flush;',
        ].join('\n'),
      }),
    ).toEqual({
      client: 'client',
      bound: 'track',
      destructured: 'page',
      renamed: 'identify',
      arrow: 'track',
      rest: 'track',
      withOptions: 'track',
      declared: 'track',
      reordered: 'other',
      enriched: 'other',
      fixed: 'other',
      elsewhere: 'other',
      recursive: 'other',
      facade: 'members',
      facadeTrack: 'track',
      facadeFlush: 'other',
    });
  });

  it('follows imports through the module graph: named, aliased, default, namespace, re-exports, export *, export * as', () => {
    expect(
      roles({
        'lib/segment.ts': SEGMENT,
        'lib/server.ts': "import { Analytics } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\nexport { client as serverClient };\n",
        'lib/snippet.ts': 'export default window.analytics;\n',
        'lib/barrel.ts': "export { analytics as seg } from './segment';\nexport * from './server';\nexport * as wrappers from './segment';\n",
        'lib/sdk.ts': "export { AnalyticsBrowser } from '@segment/analytics-next';\n",
        'main.ts': [
          "import { analytics as named } from './lib/segment';",
          "import byDefault from './lib/segment';",
          "import * as ns from './lib/segment';",
          "import { seg, serverClient, wrappers } from './lib/barrel';",
          "import snippet from './lib/snippet';",
          "import { AnalyticsBrowser } from './lib/sdk';",
          'const a = named;',
          'const b = byDefault;',
          'const c = ns.track;',
          'const d = ns.analytics;',
          'const e = seg;',
          'const f = serverClient;',
          'const g = wrappers.track;',
          'const h = snippet;',
          "const i = AnalyticsBrowser.load({ writeKey: 'k' });",
          'const j = ns;',
        ].join('\n'),
      }),
    ).toEqual({ a: 'client', b: 'client', c: 'track', d: 'client', e: 'client', f: 'client', g: 'track', h: 'client', i: 'client', j: 'module' });
  });

  it("decides from the export's definition, not the path: another library's track re-exported from an analytics module is not Segment's", () => {
    expect(
      roles({
        'lib/analytics.ts': "export { default as track } from 'react-tracking';\nimport tracking from 'react-tracking';\nexport const decorate = tracking;\nexport const page = (name: string) => console.log(name);\n",
        'main.ts': "import { track, decorate, page } from './lib/analytics';\nimport * as analytics from './lib/analytics';\nconst a = track;\nconst b = decorate;\nconst c = page;\nconst d = analytics.track;\n",
      }),
    ).toEqual({ a: 'other', b: 'other', c: 'other', d: 'other' });
  });

  it("keeps today's reading where the definition cannot be seen: a missing module, or a value made by a call", () => {
    expect(
      roles({
        'lib/analytics.ts': 'export const analytics = createClient();\nexport const client = createClient();\n',
        'main.ts': [
          "import { analytics as made, client } from './lib/analytics';",
          "import { analytics as gone } from './lib/analytics-gone';",
          "import { track } from './analytics';",
          "import { client as nowhere } from './lib/gone';",
          "import { analytics as firebase } from 'firebase/analytics';",
          'const a = made;',
          'const b = client;',
          'const c = gone;',
          'const d = track;',
          'const e = nowhere;',
          'const f = firebase;',
        ].join('\n'),
      }),
    ).toEqual({ a: 'client', b: '?', c: 'client', d: 'track', e: '?', f: 'other' });
  });

  it('ends on cycles and missing modules without throwing: export * loops, self re-exports, const loops, a wide barrel', () => {
    const wide = Array.from({ length: 40 }, (_, i) => `export * from './wide${(i + 1) % 40}';\nexport * from './wide${(i + 7) % 40}';\nexport * from './missing${i}';\n`);
    expect(
      roles({
        'lib/a.ts': "export * from './b';\nexport * from './missing';\n",
        'lib/b.ts': "export * from './a';\nexport * from './b';\n",
        'lib/self.ts': "export { x as y } from './self';\nexport { y as x } from './self';\n",
        ...Object.fromEntries(wide.map((text, i) => [`lib/wide${i}.ts`, text])),
        'main.ts': [
          "import { anything } from './lib/a';",
          "import { x } from './lib/self';",
          "import { deep } from './lib/wide0';",
          'const a = anything;',
          'const b = x;',
          'const c = deep;',
          'const d = e;',
          'const e = d;',
        ].join('\n'),
      }),
    ).toEqual({ a: '?', b: '?', c: '?', d: '?', e: '?' });
  });
});

describe('exportsClient', () => {
  it('tells the modules that pass a client, a client method or a forwarding function on', () => {
    const dir = writeTree({
      'segment.ts': SEGMENT,
      'barrel.ts': "export * from './segment';\n",
      'facade.ts': 'export const facade = { track: (event: string) => window.analytics.track(event) };\n',
      'react.ts': "export { default as track } from 'react-tracking';\n",
      'events.ts': "export const DONE = 'Order Completed';\n",
      'loop.ts': "export * from './loop';\n",
    });
    const passes = ['segment.ts', 'barrel.ts', 'facade.ts', 'react.ts', 'events.ts', 'loop.ts'].filter((file) => exportsClient(scopeOf(dir, file)));
    expect(passes).toEqual(['segment.ts', 'barrel.ts', 'facade.ts']);
  });
});
