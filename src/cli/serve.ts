import { resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveSeverities } from '../config/resolve.js';
import { createReport } from '../core/report.js';
import { getReporter } from '../reporters/index.js';
import { liveLine } from '../reporters/live.js';
import { displayPath } from '../reporters/paths.js';
import { describeRules } from '../rules/describe.js';
import { CaptureLog } from '../serve/capture-log.js';
import { debuggerPage } from '../serve/debugger-page.js';
import { loadChecker, PlanWatcher } from '../serve/plan-watcher.js';
import { isLoopback, startServer } from '../serve/server.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';
import { asUsageError, choosePlanPath, readConfig } from './plan-input.js';
import { collectValues } from './report-options.js';
import { useColor } from './io.js';
import { addCommand } from './commands.js';

interface ServeFlags {
  plan?: string;
  port: string;
  host: string;
  out: string;
  writeKey?: string[];
  quiet?: boolean;
  color?: boolean;
  config?: string;
  rule?: string[];
  requestTimeout: string;
}

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'serve')
    .option('-p, --plan <path>', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
    .option('--port <n>', 'port to listen on (0: any free port)', '4545')
    .option('--host <address>', 'address to listen on; anything but loopback exposes what is captured', '127.0.0.1')
    .option('--out <dir>', 'folder of the captured NDJSON, one file per day', 'captured')
    .option('--write-key <key>', 'accept only this write key (repeatable); without it any key is accepted', collectValues)
    .option('--quiet', 'print only the messages with problems')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--rule <id=severity>', 'set a rule severity (error, warn, off); repeatable', collectValues)
    .option('--request-timeout <ms>', 'answer 408 to a request whose body has not arrived in this many ms, keeping nothing of it', '30000')
    .action(async (flags: ServeFlags) => setExit(await runServe(flags, io)));
}


export async function runServe(flags: ServeFlags, io: Io): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number from 0 to 65535 (got "${flags.port}")`);
  const requestTimeoutMs = Number(flags.requestTimeout);
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs < 1) throw new UsageError(`--request-timeout expects a whole number of milliseconds (got "${flags.requestTimeout}")`);
  const loaded = await readConfig(io, flags.config);
  const { config } = loaded;
  const resolved = asUsageError(() => resolveSeverities(config, flags.rule));
  const planPath = choosePlanPath(flags.plan, loaded, io);
  const color = useColor(flags.color, io, false);
  const setup = { severities: [...resolved.severities], explicit: [...resolved.explicit] };
  const load = () => asUsageError(() => loadChecker(planPath, io.cwd, config, setup));
  const first = load();
  if ('problems' in first) {
    const report = createReport('serve', [], first.problems, describeRules(first.problems));
    io.stderr.write(getReporter('stylish')!(report, { color: useColor(flags.color, { ...io, stdout: io.stderr }, false), cwd: io.cwd }));
    return EXIT_USAGE;
  }

  const outDir = resolve(io.cwd, flags.out);
  const log = new CaptureLog(outDir);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  // The lines of a batch of 100 go out in one write, not a hundred.
  let lines = '';
  const flushLines = () => {
    io.stdout.write(lines);
    lines = '';
  };
  const watcher = new PlanWatcher(io.cwd, planPath, load, first, (status, problems) => {
    if (problems.length === 0) io.stderr.write(`cdp serve: ${displayPath(status.file, io.cwd)} reloaded\n`);
    else io.stderr.write(`cdp serve: ${displayPath(status.file, io.cwd)} no longer loads; the last good plan stays in force:\n${status.problems.map((p) => `  ${p}\n`).join('')}`);
    server?.announcePlan();
  });
  try {
    server = await startServer({
      host: flags.host,
      port,
      log,
      writeKeys: new Set(flags.writeKey ?? []),
      checker: () => watcher.checker(),
      planStatus: () => ({ ...watcher.status(), file: displayPath(watcher.status().file, io.cwd) }),
      displayFile: (file) => displayPath(file, io.cwd),
      page: debuggerPage,
      requestTimeoutMs,
      onRecord: (record) => {
        if (flags.quiet && record.diagnostics.length === 0) return;
        if (lines === '') setImmediate(flushLines);
        lines += liveLine(record, color);
      },
      onRefused: (status, path, error) => io.stderr.write(`cdp serve: ${status} for POST ${path}: ${error}\n`),
    });
  } catch (error) {
    watcher.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new UsageError(`Cannot listen on ${flags.host}:${port}: ${code === 'EADDRINUSE' ? 'the port is in use (try --port 0 for any free port)' : (error as Error).message}`);
    }
    throw error;
  }
  const running = server;
  io.stderr.write(
    `cdp serve: listening on ${running.url} (debugger: ${running.url}/, API: ${running.url}/api/events)\n` +
      `  plan ${displayPath(planPath, io.cwd)} · writing ${displayPath(outDir, io.cwd)}/events-YYYY-MM-DD.ndjson${flags.writeKey ? ` · ${flags.writeKey.length} write key(s)` : ' · any write key'}\n`,
  );
  if (!isLoopback(flags.host)) io.stderr.write(`cdp serve: warning: listening on ${flags.host}: anyone who can reach this port can send events and read what was captured\n`);

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  watcher.close();
  await running.close();
  const { stats } = running.state.summary();
  io.stderr.write(`cdp serve: stopped · ${stats.read} received · ${stats.valid} valid · ${stats.invalid} invalid\n`);
  return EXIT_OK;
}
