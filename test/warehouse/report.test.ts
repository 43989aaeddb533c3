import { describe, expect, it } from 'vitest';
import { openDuckDB } from '../../src/warehouse/connect.js';
import { WarehouseLoader } from '../../src/warehouse/load.js';
import { warehouseSchemaReport } from '../../src/warehouse/report.js';
import { planFrom } from '../helpers/plan.js';

describe('warehouseSchemaReport', () => {
  it('counts distinct values exactly up to 200, then caps them, and lists top values of few-valued columns', async () => {
    const engine = await openDuckDB('duckdb:');
    try {
      const loader = new WarehouseLoader(engine);
      for (let i = 0; i < 1000; i++) {
        loader.add({ type: 'track', event: 'Item Viewed', messageId: `m${i}`, receivedAt: `2026-11-0${1 + (i % 3)}T00:00:00Z`, properties: { item: `i${i % 300}`, shelf: `s${i % 150}`, colour: i % 10 === 0 ? 'red' : 'blue', big: i % 4 === 0 } }, { file: 'x', line: i + 1 });
      }
      await loader.finish();
      const plan = planFrom('events:\n  Item Viewed:\n    properties:\n      item: { type: string, required: true }\n      colour: { enum: [red, green] }\n');
      const report = await warehouseSchemaReport(engine, { schema: 'main', plan });
      const [row] = report.events;
      expect(row).toMatchObject({ type: 'track', name: 'Item Viewed', count: 1000, table: 'item_viewed', planned: true });
      const byPath = Object.fromEntries(row!.properties.map((p) => [p.path, p]));
      expect(byPath.item!.distinct).toEqual({ count: 200, capped: true });
      expect(byPath.item).toMatchObject({ required: true, presence: 1 });
      expect(byPath.shelf!.distinct).toEqual({ count: 150, capped: false });
      expect(byPath.shelf!.topValues).toBeUndefined();
      expect(byPath.colour).toMatchObject({ distinct: { count: 2, capped: false }, topValues: [{ value: 'blue', count: 900 }, { value: 'red', count: 100 }] });
      expect(byPath.big).toMatchObject({ planned: false, count: 1000, types: { boolean: 1000 }, topValues: [{ value: false, count: 750 }, { value: true, count: 250 }] });
      expect(row!.volume).toEqual([
        { day: '2026-11-01', count: 334 },
        { day: '2026-11-02', count: 333 },
        { day: '2026-11-03', count: 333 },
      ]);
    } finally {
      await engine.close();
    }
  });
});
