// Generators of TypeScript files with tracking calls of random shapes and depths, for `cdp scan`.
import fc from 'fast-check';
import { applyMutations, byteMutation } from './inputs.js';

const NAMES = ['Order Completed', 'Product Added', 'Signed Up', 'Home', 'Settings', 'order_completed', 'Purchase Made', '', ' ', '\\u{1F389}', "it's", 'a\\nb'];
const KEYS = ['order_id', 'revenue', 'products', 'price', 'email', 'userId', '__proto__', 'constructor', 'toString', 'Order Id', '0', 'a-b', '$x'];
const ident = fc.constantFrom('x', 'props', 'cart', 'order', 'EVENTS.DONE', 'NAMES.done', 'Local.Viewed', 'undefined', 'this.x');

/** A TypeScript expression of at most `depth` levels, in the shapes tracking calls are written with. */
function expression(depth) {
  const leaf = fc.oneof(
    fc.constantFrom(...NAMES).map((n) => `'${n.replace(/'/g, "\\'")}'`),
    fc.integer().map(String),
    fc.constantFrom('true', 'false', 'null', 'undefined', '1.5', '-1', '0x10', '1n', '`tpl`', 'new Date()', '[]', '{}', '() => 1', 'x!', 'x as any', '<any>x'),
    ident,
  );
  if (depth <= 0) return leaf;
  const inner = expression(depth - 1);
  const key = fc.oneof(fc.constantFrom(...KEYS).map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`)), inner.map((e) => `[${e}]`));
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 3, arbitrary: fc.array(fc.oneof(fc.tuple(key, inner).map(([k, v]) => `${k}: ${v}`), ident.map((i) => `...${i}`), fc.constantFrom('order_id', 'revenue')), { maxLength: 4 }).map((m) => `{ ${m.join(', ')} }`) },
    { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
    { weight: 1, arbitrary: fc.tuple(ident, inner, inner).map(([c, a, b]) => `${c} ? ${a} : ${b}`) },
    { weight: 1, arbitrary: fc.tuple(inner, inner).map(([a, b]) => `${a} ?? ${b}`) },
    { weight: 1, arbitrary: inner.map((e) => `(${e})`) },
    { weight: 1, arbitrary: inner.map((e) => `${e} as const`) },
    { weight: 1, arbitrary: inner.map((e) => `\`pre \${${e}} post\``) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('fn', 'wrap', 'analytics.track'), inner).map(([f, e]) => `${f}(${e})`) },
  );
}

const CALLEES = ['analytics.track', 'analytics?.track', 'window.analytics.track', 'analytics.identify', 'analytics.page', 'analytics.screen', 'analytics.group', 'analytics.alias', 'client.track', 'analytics["track"]'];

/** A tracking call with arguments up to `depth` levels deep. */
const trackingCall = (depth) =>
  fc.tuple(fc.constantFrom(...CALLEES), fc.array(expression(depth), { maxLength: 4 })).map(([callee, args]) => `${callee}(${args.join(', ')});`);

const PRELUDE = [
  "import { Analytics } from '@segment/analytics-node';",
  "import { AnalyticsBrowser } from '@segment/analytics-next';",
  "declare const analytics: { track(...a: unknown[]): void; identify(...a: unknown[]): void; page(...a: unknown[]): void; screen(...a: unknown[]): void; group(...a: unknown[]): void; alias(...a: unknown[]): void };",
  "const client = new Analytics({ writeKey: 'k' });",
  "const EVENTS = { DONE: 'Order Completed' } as const;",
  "enum Local { Viewed = 'Product Viewed' }",
  "const NAMES = { done: 'Order Completed' } as const;",
  'declare const x: any, props: any, cart: any, order: any, fn: any, wrap: any;',
];

/**
 * The files of a project: a TypeScript file of tracking calls (inside functions, classes and
 * arrow functions too), maybe its bytes mutated. `depth` bounds how deep the arguments nest.
 */
export const sourceFiles = (depth = 4) =>
  fc
    .record({
      prelude: fc.subarray(PRELUDE),
      calls: fc.array(fc.tuple(trackingCall(depth), fc.constantFrom('top', 'function', 'arrow', 'class', 'suppressed')), { minLength: 1, maxLength: 6 }),
      mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 3 }) }),
      extension: fc.constantFrom('ts', 'tsx', 'js', 'mts'),
    })
    .map(({ prelude, calls, mutations, extension }) => {
      const body = calls.map(([call, where]) => {
        switch (where) {
          case 'function':
            return `export function f() {\n  ${call}\n}`;
          case 'arrow':
            return `export const g = async () => {\n  await ${call}\n};`;
          case 'class':
            return `class C {\n  m() {\n    ${call}\n  }\n}`;
          case 'suppressed':
            return `// cdp-disable-next-line\n${call}`;
          default:
            return call;
        }
      });
      const text = applyMutations(Buffer.from(`${prelude.join('\n')}\n${body.join('\n')}\n`), mutations).toString('utf8');
      return { [`src/app.${extension}`]: text };
    });
