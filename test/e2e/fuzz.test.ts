import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintInput } from '../fuzz/inputs.js';
import { linesOf } from '../fuzz/lint-properties.js';
import { writeFiles } from '../fuzz/plan-properties.js';
import { planFiles } from '../fuzz/plans.js';
import { FUZZ_PLAN } from '../fuzz/setup.js';
import { cdp } from '../helpers/cli.js';

interface JsonDiagnostic {
  ruleId: string;
  file?: string;
  line?: number;
  column?: number;
}

/** No stack trace reaches the user, whatever the input. */
function noStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

// A few generated inputs through the built CLI, end to end: each spawn costs a few hundred ms.
describe('the CLI on generated input (property)', () => {
  it('lint and schema-report exit 0 or 1 (2 only for unreadable input), print JSON and reconcile', () => {
    fc.assert(
      fc.property(lintInput, (input) => {
        const dir = mkdtempSync(join(tmpdir(), 'cdp-fuzz-cli-'));
        try {
          const file = join(dir, 'events.ndjson');
          writeFileSync(file, input.bytes);
          const lines = linesOf(input.plain).length;

          const lint = cdp(['lint', '--plan', FUZZ_PLAN, '--format', 'json', '--jobs', '1', file]);
          noStackTrace(lint.stderr);
          expect(lint.code === 0 || lint.code === 1 || (lint.code === 2 && input.cut), `lint exited ${lint.code}: ${lint.stderr}`).toBe(true);
          const report = JSON.parse(lint.stdout) as { summary: { stats: { read: number; valid: number; invalid: number; malformed: number } }; diagnostics: JsonDiagnostic[] };
          const { read, valid, invalid, malformed } = report.summary.stats;
          expect(read).toBe(valid + invalid + malformed);
          for (const d of report.diagnostics) {
            expect(d.ruleId).not.toBe('internal/check-failed');
            expect(d.line === undefined || (d.line >= 1 && d.line <= lines), `line ${d.line} of ${lines}`).toBe(true);
          }

          const schema = cdp(['schema-report', '--plan', FUZZ_PLAN, '--format', 'json', file]);
          noStackTrace(schema.stderr);
          expect(schema.code === 0 || (schema.code === 2 && input.cut), `schema-report exited ${schema.code}: ${schema.stderr}`).toBe(true);
          const summary = (JSON.parse(schema.stdout) as { summary: { read: number; reported: number; malformed: number; filtered: number } }).summary;
          expect(summary.read).toBe(summary.reported + summary.malformed + summary.filtered);
          expect(summary.read).toBe(read);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 3, interruptAfterTimeLimit: 15_000 },
    );
  }, 60_000);

  it('check exits 0, 1 or 2 on a generated plan, with a position for every problem that stops it', () => {
    fc.assert(
      fc.property(planFiles, (files) => {
        const dir = writeFiles(files);
        try {
          const r = cdp(['check', 'plan.yaml', '--format', 'json'], { cwd: dir });
          noStackTrace(r.stderr);
          expect([0, 1, 2]).toContain(r.code);
          const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
          if (r.code === 2) {
            expect(diagnostics.length).toBeGreaterThan(0);
            for (const d of diagnostics) expect([d.file, d.line, d.column].every((v) => v !== undefined), JSON.stringify(d)).toBe(true);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 3, interruptAfterTimeLimit: 15_000 },
    );
  }, 60_000);
});
