import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/cdp.js', import.meta.url));

describe('a reader that closes the pipe early (cdp ... | head)', () => {
  it('ends the run quietly, without a stack trace', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => `{"type":"track","event":"Add To Cart","userId":"u${i}","properties":{"productId":"p"}}`).join('\n');
    const child = spawn(process.execPath, [BIN, 'lint', '--plan', 'plans/ecommerce.yaml', '--format', 'json'], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(events);
    // Take the first bytes of the report, then hang up, as `head -c` would.
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).not.toBeNull();
  });
});

describe('standard output that cannot be written (> /dev/full)', () => {
  it.skipIf(!existsSync('/dev/full')).each([[['check', 'plans/ecommerce.yaml']], [['lint', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']], [['--version']], [['--help']]])(
    'cdp %j says so in one line and exits 2',
    (args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.stderr).toBe('cdp: cannot write to standard output: ENOSPC: no space left on device, write\n');
        expect(r.status).toBe(2);
      } finally {
        closeSync(full);
      }
    },
  );
});
