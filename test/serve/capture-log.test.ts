import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureLog } from '../../src/serve/capture-log.js';

/** Lines as the server hands them over: one buffer, each line ending in a newline. */
const block = (...lines: string[]): [Buffer, number] => [Buffer.from(lines.map((l) => `${l}\n`).join('')), lines.length];

describe('CaptureLog', () => {
  it('appends a file per UTC day, numbering lines on from what an earlier run wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-capture-'));
    writeFileSync(join(dir, 'events-2026-12-05.ndjson'), '{"a":1}\n{"a":2}\n');
    const log = new CaptureLog(dir);
    expect(await log.append(...block('{"b":1}', '{"b":2}'), '2026-12-05T23:59:59.999Z')).toEqual({ file: join(dir, 'events-2026-12-05.ndjson'), line: 3 });
    expect(await log.append(...block('{"c":1}'), '2026-12-06T00:00:00.000Z')).toEqual({ file: join(dir, 'events-2026-12-06.ndjson'), line: 1 });
    await log.close();
    expect(readFileSync(join(dir, 'events-2026-12-05.ndjson'), 'utf8')).toBe('{"a":1}\n{"a":2}\n{"b":1}\n{"b":2}\n');
    await expect(log.append(...block('{}'), '2026-12-06T00:00:00.000Z')).rejects.toThrow(/closed/);
  });

  it('writes the requests that come while the file opens after it, in order, and fails them all when the write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-capture-'));
    const log = new CaptureLog(dir);
    const first = log.append(...block('{"r":1}', '{"r":1}'), '2026-12-05T10:00:00.000Z');
    const second = log.append(...block('{"r":2}'), '2026-12-05T10:00:00.001Z');
    const nextDay = log.append(...block('{"r":3}'), '2026-12-06T00:00:00.000Z');
    expect(await Promise.all([first, second, nextDay])).toEqual([
      { file: join(dir, 'events-2026-12-05.ndjson'), line: 1 },
      { file: join(dir, 'events-2026-12-05.ndjson'), line: 3 },
      { file: join(dir, 'events-2026-12-06.ndjson'), line: 1 },
    ]);
    await log.close();
    expect(readFileSync(join(dir, 'events-2026-12-05.ndjson'), 'utf8')).toBe('{"r":1}\n{"r":1}\n{"r":2}\n');

    writeFileSync(join(dir, 'blocked'), '');
    const blocked = new CaptureLog(join(dir, 'blocked', 'captured'));
    const results = await Promise.allSettled([blocked.append(...block('{"a":1}'), '2026-12-05T10:00:00.000Z'), blocked.append(...block('{"b":1}'), '2026-12-05T10:00:00.000Z')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('keeps a line an earlier run left unfinished apart from the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-capture-'));
    appendFileSync(join(dir, 'events-2026-12-05.ndjson'), '{"a":1}\n{"cut');
    const log = new CaptureLog(dir);
    expect((await log.append(...block('{"b":1}'), '2026-12-05T10:00:00.000Z')).line).toBe(3);
    await log.close();
    expect(readFileSync(join(dir, 'events-2026-12-05.ndjson'), 'utf8')).toBe('{"a":1}\n{"cut\n{"b":1}\n');
  });

  it('rejects a write it cannot make, and makes the next one once it can', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-capture-'));
    writeFileSync(join(dir, 'in-the-way'), '');
    const log = new CaptureLog(join(dir, 'in-the-way', 'captured'));
    await expect(log.append(...block('{"lost":1}'), '2026-12-05T10:00:00.000Z')).rejects.toThrow();
    rmSync(join(dir, 'in-the-way'));
    expect(await log.append(...block('{"kept":1}'), '2026-12-05T10:00:01.000Z')).toEqual({ file: join(dir, 'in-the-way', 'captured', 'events-2026-12-05.ndjson'), line: 1 });
    await log.close();
    expect(readFileSync(join(dir, 'in-the-way', 'captured', 'events-2026-12-05.ndjson'), 'utf8')).toBe('{"kept":1}\n');
  });
});
