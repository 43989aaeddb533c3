import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SchemaReport } from '../../../src/report/types.js';
import { renderSchemaMarkdown } from '../../../src/reporters/schema/markdown.js';
import { renderSchemaTable } from '../../../src/reporters/schema/table.js';
import { percent as htmlPercent } from '../../../src/reporters/schema/html-text.js';
import { percent, sparkline, typesText } from '../../../src/reporters/schema/text.js';
import { loadColors } from '../../../src/reporters/styles.js';

// chalk loads asynchronously, as the CLI loads it when colour is possible.
beforeAll(loadColors);

const sample = JSON.parse(readFileSync(new URL('../../fixtures/schema-report/sample-report.json', import.meta.url), 'utf8')) as SchemaReport;

describe('schema-report wording', () => {
  it('never rounds a share up to 100% or down to 0%, as the html does', () => {
    expect([percent(1), percent(0.9996), percent(0.5), percent(0.15384), percent(0.0004), percent(0)]).toEqual(['100.0%', '>99.9%', '50.0%', '15.4%', '<0.1%', '0.0%']);
    expect([htmlPercent(0.9996, 1), htmlPercent(0.0004, 1), htmlPercent(0.5, 1), htmlPercent(0.98, 0)]).toEqual(['&gt;99.9%', '&lt;0.1%', '50%', '98%']);
  });

  it('lists types by share', () => {
    expect(typesText({ string: 98, null: 2 })).toBe('string 98%, null 2%');
    expect(typesText({ integer: 3 })).toBe('integer');
  });

  it('draws daily volume from the first to the last day, gaps as spaces', () => {
    expect(sparkline([{ day: '2026-11-01', count: 1 }, { day: '2026-11-03', count: 8 }])).toBe('▂ █');
    expect(sparkline([])).toBe('');
    const year = Array.from({ length: 365 }, (_, i) => ({ day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), count: 1 }));
    expect(Array.from(sparkline(year, 30))).toHaveLength(30);
  });
});

describe('table format', () => {
  const text = renderSchemaTable(sample, { color: false, cwd: '/' });

  it('shows coverage bars, flags and values, within 100 columns', () => {
    expect(text).toContain('  order_id              █████████░  99.0%      693   string                     >200   required\n    ↳ required, sometimes missing\n');
    expect(text).toContain('  revenue               ██████████ 100.0%      700   number 92%, string 7%      >200   optional\n    ↳ string not allowed\n');
    expect(text).toContain('    values: "USD" ×600, "EUR" ×90, "usd" ×10\n');
    for (const line of text.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(100);
  });

  it('keeps terminal control characters in names from reaching the terminal', () => {
    const hostile: SchemaReport = { ...sample, events: [{ ...sample.events[1]!, name: 'Evil\u001b[2J\u0007' }] };
    const out = renderSchemaTable(hostile, { color: false, cwd: '/' });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('Evil\\u001b[2J\\u0007');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(renderSchemaTable(sample, { color: true, cwd: '/' })).toContain('\u001b[');
  });
});

describe('markdown format', () => {
  const text = renderSchemaMarkdown(sample);

  it('renders an overview and one table per event', () => {
    expect(text).toContain('| Order Completed | track | 700 | 58.3% | 2026-11-01 | 2026-11-07 |');
    expect(text).toContain('| products\\[\\].price | 98.7% | 1,480 | number 94%, integer 5% | >200 |  | optional |  |');
  });

  it('escapes what markdown or HTML would act on', () => {
    expect(text).toContain('| &lt;script>alert(1)&lt;/script> |');
    expect(text).toContain('"&lt;/td>&lt;img src=x onerror=aler… ×1');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
  });
});
