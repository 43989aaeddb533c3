import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdp, type CliResult } from '../helpers/cli.js';

export interface LintedDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  line?: number;
  event?: string;
  path?: string;
}

/**
 * Writes captured messages as NDJSON (one message a line, in arrival order) and lints them with the
 * built CLI against `plan`, in `format`. `diagnostics` is filled for the json format.
 */
export function lintCaptured(messages: unknown[], plan: string, format = 'json'): CliResult & { diagnostics: LintedDiagnostic[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-sdk-lint-'));
  try {
    const file = join(dir, 'captured.ndjson');
    writeFileSync(file, messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
    const result = cdp(['lint', '--plan', plan, file, '--format', format]);
    const diagnostics = format === 'json' && result.stdout !== '' ? (JSON.parse(result.stdout) as { diagnostics: LintedDiagnostic[] }).diagnostics : [];
    return { ...result, diagnostics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many problems a report in `format` lists, read the way a user of that format would count them. */
export function problemCount(format: string, stdout: string): number {
  switch (format) {
    case 'json':
      return (JSON.parse(stdout) as { diagnostics: unknown[] }).diagnostics.length;
    case 'sarif':
      return (JSON.parse(stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results.length;
    case 'github':
      return stdout.split('\n').filter((line) => /^::(error|warning|notice)\b/.test(line)).length;
    case 'junit':
      return stdout.match(/<failure /g)?.length ?? 0;
    case 'stylish':
      return Number(/✖ (\d+) problems?/.exec(stdout)?.[1] ?? 0);
    default:
      throw new Error(`no problem count for format ${format}`);
  }
}
