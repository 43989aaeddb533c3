import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin/cdp.js');

/** The small plan the serve tests run against. */
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

/** A fresh folder holding PLAN as plan.yaml. */
export function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-serve-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  return dir;
}

export interface Served {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Starts `cdp serve` on a free port in `dir` (with `--plan plan.yaml`), and resolves once it listens. */
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

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function send(url: string, method: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const post = (s: Served, path: string, body: string | Buffer, headers: Record<string, string> = {}) => send(`${s.url}${path}`, 'POST', body, headers);
export const getJson = async (s: Served, path: string) => JSON.parse((await send(`${s.url}${path}`, 'GET')).body);

export function captured(dir: string): string[] {
  const folder = join(dir, 'captured');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter((l) => l !== ''));
}

/** Resolves once `condition` holds, checking every 25 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
