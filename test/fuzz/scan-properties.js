// The properties of `cdp scan` on generated source files: it reports, it never throws.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from './lint-properties.js';

/** Line breaks as TypeScript counts them (and so tsc, and scan's positions): a lone CR and U+2028/9 too. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/**
 * Scans a project made of `files` against `plan` and holds: runScan returns (no exception), no
 * file's check failed (internal/check-failed), every diagnostic names a scanned file and a line in
 * it. Returns the rules that spoke.
 */
export function scanProperty(scan, api, plan, files) {
  const { severities, explicit } = api.resolveSeverities({});
  const dir = mkdtempSync(join(tmpdir(), 'cdp-fuzz-scan-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = scan.runScan({
      cwd: dir,
      paths: ['.'],
      exclude: [],
      excludeBase: dir,
      skip: [],
      maxFileSize: scan.DEFAULT_MAX_FILE_SIZE,
      custom: [],
      plan,
      severities,
      explicit,
      conventions: api.resolveConventions(plan, {}),
    });
    for (const d of result.diagnostics) {
      expect(d.ruleId !== 'internal/check-failed', 'scanning a file threw', d);
      const text = Object.entries(files).find(([name]) => d.file === name || d.file === join(dir, name))?.[1];
      expect(text !== undefined, 'a diagnostic names no scanned file', d);
      expect(d.line === undefined || (Number.isInteger(d.line) && d.line >= 1 && d.line <= text.split(LINE_BREAK).length), 'a diagnostic outside its file', d);
    }
    return { rules: result.diagnostics.map((d) => d.ruleId) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
