import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { serveSite } from '../support/analytics-next.js';
import { project, serve, type Served } from '../support/cdp-serve.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';

// The Playwright recipe of docs/serve.md, run as written: its spec file under @playwright/test, against
// a shop page whose analytics is that page's src/analytics.ts, sending to a `cdp serve` started here. Only the
// port differs (the test takes a free one) and the import becomes the UMD bundle's global. The spec
// must pass against a shop that sends what the plan says, and fail, showing the diagnostic, against
// one that does not.

/** The ```ts block of docs/serve.md whose first line is `// <file>`. */
function recipeBlock(file: string): string {
  const page = readFileSync(join(ROOT, 'docs/serve.md'), 'utf8');
  const block = page.split('```ts\n').find((b) => b.startsWith(`// ${file}\n`));
  if (block === undefined) throw new Error(`docs/serve.md has no \`\`\`ts block for ${file}`);
  return block.slice(0, block.indexOf('```'));
}

/** The shop: a Buy button that tracks Order Completed with `revenue`, through the recipe's analytics setup. */
function shopPage(cdpHost: string, revenue: unknown): string {
  const setup = recipeBlock('src/analytics.ts')
    .replace("import { AnalyticsBrowser } from '@segment/analytics-next';", 'const { AnalyticsBrowser } = window.AnalyticsNext;')
    .replace('export const', 'const')
    .replaceAll('127.0.0.1:4545', cdpHost);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Shop</title>
<script>window.analytics = { _cdn: location.origin };</script>
<script src="/analytics-next/bundles/index.js"></script>
</head><body><button id="buy">Buy</button>
<script type="module">
${setup}
document.getElementById('buy').addEventListener('click', () => analytics.track('Order Completed', { order_id: 'o-1', revenue: ${JSON.stringify(revenue)} }));
</script></body></html>
`;
}

/** Runs the recipe's spec with @playwright/test once per shop; resolves with its exit code and output. */
function runSpec(dir: string, shops: Record<string, string>, cdpUrl: string): Promise<{ code: number | null; output: string }> {
  // The project's config stands in for the recipe's: the servers are started here, and Chromium is Debian's.
  const projects = Object.entries(shops).map(([name, baseURL]) => ({ name, use: { baseURL } }));
  const config = `export default ${JSON.stringify({ testDir: '.', workers: 1, reporter: 'list', projects, use: { launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } } })};\n`;
  writeFileSync(join(dir, 'playwright.config.mjs'), config);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--config', 'playwright.config.mjs'], {
      cwd: dir,
      env: { ...process.env, CDP_URL: cdpUrl, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!existsSync(CHROMIUM))("docs/serve.md's Playwright recipe against cdp serve", () => {
  let s: Served;
  let dir: string;
  beforeAll(async () => {
    s = await serve(project());
    dir = mkdtempSync(join(tmpdir(), 'cdp-recipe-'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'tracking.spec.ts'), recipeBlock('tests/tracking.spec.ts'));
  });
  afterAll(async () => {
    if (s?.child.exitCode === null) await s.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes when the app sends what the plan says, and fails on a broken event with its diagnostic', async () => {
    const host = new URL(s.url).host;
    const good = await serveSite(shopPage(host, 25));
    const broken = await serveSite(shopPage(host, '25'));
    try {
      // One run, the spec once per shop: the runner and the browser start once.
      const run = await runSpec(dir, { good: good.origin, broken: broken.origin }, s.url);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/✓ +1 \[good\] › tracking\.spec\.ts:\d+:\d+ › checkout sends Order Completed as the plan says/);
      expect(run.output).toMatch(/✘ +2 \[broken\] › tracking\.spec\.ts:\d+:\d+ › checkout sends Order Completed as the plan says/);
      expect(run.output).toMatch(/1 failed[\s\S]*1 passed/);
      // The failure shows the diagnostic.
      expect(run.output).toMatch(/"path": "\/properties\/revenue",[\s\S]*"ruleId": "plan\/invalid-value"/);
    } finally {
      await good.close();
      await broken.close();
    }
  }, 90_000);
});
