import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const BIN = join(ROOT, 'bin/cdp.js');

export interface Served {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Starts `cdp serve` on a free port in `dir`, and resolves once it listens. */
export async function serve(dir: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--plan', 'plan.yaml', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cdp serve did not start: ${err}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const match = /listening on (http:\/\/\S+) /.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`cdp serve exited with ${code}: ${err}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dir,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** A small plan for serve's tests: one event with a required property, one page. */
export const PLAN = `plan: shop
events:
  Order Completed:
    description: An order.
    properties:
      order_id: { type: string, required: true }
      revenue: number
pages:
  Home: { description: Landing. }
`;

/** A folder with PLAN as plan.yaml, where `serve(dir)` runs. */
export function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-serve-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  return dir;
}
