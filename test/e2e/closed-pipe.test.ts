import { spawn } from 'node:child_process';
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
