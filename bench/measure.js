// Runs a child process and reports its wall time, CPU time (user + system) and peak resident set size
// (worker threads share the process, so their memory and CPU time are included).
//
// Both come from GNU time (`/usr/bin/time -f '%U %S %M' -o <file>`) when it is installed and works;
// otherwise, for Node children, from a tiny preload passed with `--import` (a data: URL, no file on
// disk) that writes `process.resourceUsage()` of the main thread to a temporary file on exit.
// Set CDP_BENCH_RSS=preload or CDP_BENCH_RSS=time to force one of the two.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const TIME_FORMAT = '%U %S %M';
const RSS_ENV = 'CDP_BENCH_RSS_FILE';
const PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
const out = process.env.${RSS_ENV};
if (isMainThread && out) {
  delete process.env.${RSS_ENV};
  process.on('exit', () => {
    const u = process.resourceUsage();
    try { writeFileSync(out, [u.userCPUTime / 1e6, u.systemCPUTime / 1e6, u.maxRSS].join(' ')); } catch {}
  });
}`,
  );

let tmp;
function tempFile(name) {
  tmp ??= mkdtempSync(join(tmpdir(), 'cdp-bench-'));
  return join(tmp, `${name}-${process.pid}-${Math.random().toString(36).slice(2)}`);
}
process.on('exit', () => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

let gnuTime;
/** Whether /usr/bin/time exists and understands `-f '%U %S %M' -o file` (GNU time does; some builds do not). */
export function hasGnuTime() {
  if (gnuTime === undefined) {
    gnuTime = false;
    if (existsSync(GNU_TIME)) {
      const out = tempFile('probe');
      const r = spawnSync(GNU_TIME, ['-f', TIME_FORMAT, '-o', out, process.execPath, '-e', ''], { stdio: 'ignore' });
      gnuTime = r.status === 0 && readUsage(out) !== null;
    }
  }
  return gnuTime;
}

/**
 * The last line of the file, "user-seconds system-seconds peak-KiB" (GNU time puts "Command exited
 * with non-zero status N" first), as { cpuMs, kib }.
 */
function readUsage(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const [user, system, kib] = lines[lines.length - 1].split(' ').map(Number);
    return Number.isFinite(kib) && kib > 0 ? { cpuMs: (user + system) * 1000, kib } : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

const isNode = (command) => command === process.execPath || basename(command) === 'node';

/**
 * Runs `command args` and resolves to `{ ms, cpuMs, code, signal, stdout, stdoutBytes, stderr, peakRssMb, rssFrom }`.
 * - `ms`: wall time from spawn to exit, start-up included; `cpuMs`: user + system CPU time (null where
 *   peak RSS is null).
 * - `peakRssMb`: peak RSS in MiB (null when it cannot be measured: no GNU time and not a Node child).
 * - `rssFrom`: 'time', 'preload' or null.
 *
 * Options: `cwd`, `env` (added to process.env), `stdout`:
 * - 'capture' (default): the whole output as a string;
 * - 'count': piped and counted, only the first `keep` bytes (default 64 KiB) kept in `stdout`, so
 *   hundreds of MB of output never pile up in this process;
 * - 'ignore': sent to /dev/null (`stdoutBytes` is null).
 * stderr is always captured (up to 1 MiB).
 */
export function measure(command, args = [], options = {}) {
  const { cwd, env, stdout: stdoutMode = 'capture', keep = 64 * 1024 } = options;
  const forced = process.env.CDP_BENCH_RSS;
  const useTime = forced === 'preload' ? false : forced === 'time' ? true : hasGnuTime();
  const childEnv = { ...process.env, ...env };
  let file = null;
  let rssFrom = null;
  let argv = [command, ...args];
  if (useTime) {
    file = tempFile('time');
    argv = [GNU_TIME, '-f', TIME_FORMAT, '-o', file, ...argv];
    rssFrom = 'time';
  } else if (isNode(command)) {
    file = tempFile('rss');
    childEnv[RSS_ENV] = file;
    argv = [command, '--import', PRELOAD, ...args];
    rssFrom = 'preload';
  }

  return new Promise((resolvePromise, reject) => {
    const devNull = stdoutMode === 'ignore' ? openSync('/dev/null', 'w') : null;
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', devNull ?? 'pipe', 'pipe'] });
    if (devNull !== null) closeSync(devNull);
    const out = [];
    let outBytes = 0;
    let kept = 0;
    if (child.stdout) {
      child.stdout.on('data', (chunk) => {
        outBytes += chunk.length;
        if (stdoutMode === 'capture') out.push(chunk);
        else if (kept < keep) {
          const part = chunk.subarray(0, keep - kept);
          out.push(part);
          kept += part.length;
        }
      });
    }
    const err = [];
    let errBytes = 0;
    child.stderr.on('data', (chunk) => {
      if (errBytes < 1 << 20) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const usage = file ? readUsage(file) : null;
      resolvePromise({
        ms,
        cpuMs: usage === null ? null : usage.cpuMs,
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stdoutBytes: stdoutMode === 'ignore' ? null : outBytes,
        stderr: Buffer.concat(err).toString('utf8'),
        peakRssMb: usage === null ? null : usage.kib / 1024,
        rssFrom: usage === null ? null : rssFrom,
      });
    });
  });
}
