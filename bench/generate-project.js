// Writes a synthetic TypeScript project for the scan benchmark: `files` modules of about 150 lines
// (a third of them React components in .tsx), of which `trackingShare` send Segment calls in the
// forms people write (string literals, imported constants, the analytics-node object form, page and
// identify, spreads of typed objects). The rest is ordinary application code, some of it with
// `track` methods of other objects.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from './random.js';

const FOLDERS = ['cart', 'catalog', 'checkout', 'account', 'search', 'orders', 'promotions', 'shared', 'media', 'settings'];

/** Calls of the ecommerce plan (plans/ecommerce.yaml): most valid, some with the mistakes scan reports. */
const TRACKING_CALLS = [
  "analytics.track('Product Viewed', { product_id: product.id, name: product.name, price: product.price });",
  "analytics.track(EVENTS.PRODUCT_ADDED, { cart_id: cartId, product_id: product.id, quantity: 1 });",
  "analytics.track('Order Completed', { order_id: orderId, currency: 'USD', products: [{ product_id: product.id, price: 10 }] });",
  "analytics.track('Order Completed', { orderId, currency: 'usd', products: [] });",
  "window.analytics?.track('Products Searched', { query: term });",
  "analytics.page('Catalog', 'Product Details', { path: '/p/' + product.id });",
  "analytics.identify(userId, { email: user.email, firstName: user.name });",
  "analytics.track({ userId, event: 'Checkout Started', properties: { order_id: orderId, value: 1 } });",
  "analytics.track(`Product ${ACTION}`, { product_id: product.id });",
  // Spreads of typed objects: the keys of a type declared in the file are read from the syntax, those
  // of an imported type come from the type checker.
  "analytics.track('Cart Viewed', { cart_id: cartId, ...context });",
  "analytics.track('Checkout Step Viewed', { step: 2, ...checkout });",
];

export function generateProject(dir, { files = 3000, trackingShare = 0.05, seed = 7 } = {}) {
  const random = createRandom(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const folder of FOLDERS) mkdirSync(join(dir, 'src', folder), { recursive: true });
  mkdirSync(join(dir, 'src', 'tracking'), { recursive: true });
  // Its own repository: otherwise the .gitignore that keeps bench/.data/ out of git would hide it from cdp scan.
  mkdirSync(join(dir, '.git'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', strict: true } }, null, 2),
  );
  writeFileSync(
    join(dir, 'src', 'tracking', 'events.ts'),
    "export const EVENTS = { PRODUCT_ADDED: 'Product Added', ORDER_COMPLETED: 'Order Completed' } as const;\nexport const ACTION = 'Clicked';\n",
  );
  writeFileSync(join(dir, 'src', 'shared', 'types.ts'), 'export interface CheckoutContext {\n  checkout_id: string;\n  shipping_method?: string;\n  paymentMethod?: string;\n}\n');
  writeFileSync(
    join(dir, 'src', 'shared', 'analytics.ts'),
    "import { AnalyticsBrowser } from '@segment/analytics-next';\n\nexport const analytics = AnalyticsBrowser.load({ writeKey: 'bench' });\n",
  );
  const tracking = new Set();
  const every = Math.round(1 / trackingShare);
  for (let i = 0; i < files; i++) if (i % every === 3) tracking.add(i);
  const names = [];
  for (let i = 0; i < files; i++) {
    const folder = FOLDERS[i % FOLDERS.length];
    const tsx = i % 3 === 0;
    names.push({ folder, file: `module${i}${tsx ? '.tsx' : '.ts'}`, base: `module${i}`, tsx });
  }
  for (let i = 0; i < files; i++) {
    const { folder, file, tsx } = names[i];
    const sibling = names[(i + FOLDERS.length) % files];
    const text = moduleText(i, tsx, tracking.has(i), sibling.folder === folder ? sibling.base : undefined, random);
    writeFileSync(join(dir, 'src', folder, file), text);
  }
  return { files: files + 3, trackingFiles: tracking.size };
}

function moduleText(i, tsx, tracks, sibling, random) {
  const lines = [];
  if (tracks) {
    lines.push("import { analytics } from '../shared/analytics';");
    lines.push("import { EVENTS, ACTION } from '../tracking/events';");
    lines.push("import type { CheckoutContext } from '../shared/types';");
  }
  if (sibling) lines.push(`import { helper${sibling.slice(6)} } from './${sibling}';`);
  if (tsx) lines.push("import { useState } from 'react';");
  lines.push('');
  lines.push(`export interface Item${i} {`, '  id: string;', '  name: string;', '  price: number;', '  tags: string[];', '}', '');
  if (tracks) lines.push(`interface Context${i} {`, '  products: Item' + i + '[];', '  screen_width?: number;', '}', '');
  lines.push(`export function helper${i}(items: Item${i}[]): number {`, '  let total = 0;');
  for (let k = 0; k < 8; k++) lines.push(`  for (const item of items) if (item.tags.includes('t${k}')) total += item.price * ${k + 1};`);
  lines.push('  return Math.round(total * 100) / 100;', '}', '');
  const blocks = 10 + random.int(0, 4);
  for (let b = 0; b < blocks; b++) {
    lines.push(`export async function load${i}_${b}(id: string, signal?: AbortSignal): Promise<Item${i} | undefined> {`);
    lines.push(`  const response = await fetch(\`/api/${i}/\${id}?page=${b}\`, { signal });`);
    lines.push('  if (!response.ok) {');
    lines.push(`    console.warn('load${i}_${b} failed', response.status);`);
    lines.push('    return undefined;');
    lines.push('  }');
    lines.push(`  const body = (await response.json()) as Item${i};`);
    if (random.chance(0.2)) lines.push("  player.track('intro');");
    lines.push(`  return { ...body, tags: body.tags.filter((t) => t !== 'hidden-${b}') };`);
    lines.push('}', '');
  }
  if (tracks) {
    lines.push(`export function report${i}(product: Item${i}, cartId: string, orderId: string, userId: string, term: string, user: { email: string; name: string }, context: Context${i}, checkout: CheckoutContext) {`);
    const count = 2 + random.int(0, 2);
    for (let c = 0; c < count; c++) lines.push(`  ${random.pick(TRACKING_CALLS)}`);
    lines.push('}', '');
  }
  if (tsx) {
    lines.push(`export function View${i}({ items }: { items: Item${i}[] }) {`);
    lines.push('  const [open, setOpen] = useState(false);');
    lines.push('  return (');
    lines.push(`    <section className="module-${i}">`);
    lines.push('      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>');
    lines.push('      {open && items.map((item) => <p key={item.id}>{item.name}: {item.price.toFixed(2)}</p>)}');
    lines.push('    </section>');
    lines.push('  );');
    lines.push('}', '');
  }
  lines.push('declare const player: { track(name: string): void };');
  while (lines.length < 150) lines.push(`// ${'-'.repeat(20 + (lines.length % 40))}`);
  return lines.join('\n') + '\n';
}
