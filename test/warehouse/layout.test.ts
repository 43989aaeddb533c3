import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { columnName, isCommonColumn, layoutPlan, mapPlan, tableName, type PlanTable } from '../../src/warehouse/layout.js';
import { contextColumnName, safeIdentifier } from '../../src/warehouse/names.js';
import { planFrom, writeTree } from '../helpers/plan.js';

const PLAN = `
plan: shop
types:
  Money: { type: number, minimum: 0 }
events:
  Order Completed:
    properties:
      order_id: { type: string, required: true }
      revenue: Money
      orderTotal: number
      coupon: { type: [string, "null"], required: true }
      products: { type: array, items: { type: object } }
      shipping:
        type: object
        required: true
        properties:
          address:
            type: object
            required: true
            properties:
              postalCode: { type: string, required: true }
              city: string
      gift:
        type: object
        properties:
          message: { type: string, required: true }
      metadata: { type: object }
      userId: string
      2fa_used: boolean
      open: boolean
      placed_at: { type: string, format: date-time }
  Product Viewed:
    deprecated: true
    properties:
      product_id: string
pages:
  Home:
    properties:
      section: string
identify:
  traits:
    email: { type: string, format: email, required: true }
    address:
      type: object
      properties:
        postalCode: string
    id: string
group:
  traits:
    employee_count: integer
`;

const byColumn = (t: PlanTable) => Object.fromEntries(t.columns.map((c) => [c.column, c]));

describe('table names', () => {
  it('snake-cases event names so every spelling lands in one table', () => {
    for (const name of ['Order Completed', 'order completed', ' Order Completed ', 'ORDER COMPLETED']) expect(tableName(name)).toBe('order_completed');
  });

  it('prefixes names that start with a digit, reserved words and the connector’s own tables', () => {
    expect(tableName('101 Account Update')).toBe('_101_account_update');
    expect(tableName('Open')).toBe('_open');
    expect(tableName('Select')).toBe('_select');
    expect(tableName('Users')).toBe('_users');
    expect(tableName('Opened')).toBe('opened');
  });

  it('cuts names at 127 characters and gives no name to one without ASCII letters or digits', () => {
    expect(tableName('a'.repeat(300))).toHaveLength(127);
    expect(tableName('日本語')).toBe('');
  });

  it('takes the config’s name over its own', () => {
    expect(tableName('Order Completed', { tables: { 'Order Completed': 'orders' } })).toBe('orders');
    expect(tableName('Order Shipped', { tables: { 'Order Completed': 'orders' } })).toBe('order_shipped');
  });
});

describe('column names', () => {
  it('flattens nested keys with _ and snake-cases them', () => {
    expect(columnName(['accountType'])).toBe('account_type');
    expect(columnName(['address', 'postalCode'])).toBe('address_postal_code');
    expect(columnName(['product_id', 'sku'])).toBe('product_id_sku');
  });

  it('prefixes message fields, digits and reserved words', () => {
    expect(columnName(['userId'])).toBe('_user_id');
    expect(columnName(['received_at'])).toBe('_received_at');
    expect(columnName(['messageId'])).toBe('_message_id');
    expect(columnName(['event'])).toBe('_event');
    expect(columnName(['event'], undefined, undefined, 'identify')).toBe('event');
    expect(columnName(['name'], undefined, undefined, 'page')).toBe('name');
    expect(columnName(['2fa'])).toBe('_2fa');
    expect(columnName(['open'])).toBe('_open');
  });

  it('takes the config’s name for the event and path', () => {
    const config = { columns: { 'Order Completed': { revenue: 'revenue_usd', 'address.city': 'city' }, identify: { email: 'email_address' } } };
    expect(columnName(['revenue'], config, 'Order Completed')).toBe('revenue_usd');
    expect(columnName(['address', 'city'], config, 'Order Completed')).toBe('city');
    expect(columnName(['revenue'], config, 'Order Shipped')).toBe('revenue');
    expect(columnName(['email'], config, 'identify', 'identify')).toBe('email_address');
  });

  it('names context columns', () => {
    expect(contextColumnName(['app', 'version'])).toBe('context_app_version');
    expect(contextColumnName(['userAgent'])).toBe('context_user_agent');
    expect(safeIdentifier('')).toBe('');
  });

  it('knows the common columns', () => {
    for (const c of ['id', 'received_at', 'anonymous_id', 'user_id', 'event', 'event_text', 'timestamp', 'sent_at', 'original_timestamp', 'uuid_ts', 'context_ip']) expect(isCommonColumn(c, 'track'), c).toBe(true);
    expect(isCommonColumn('event', 'identify')).toBe(false);
    expect(isCommonColumn('group_id', 'group')).toBe(true);
    expect(isCommonColumn('revenue')).toBe(false);
  });
});

describe('mapPlan', () => {
  const plan = planFrom(PLAN);
  const tables = mapPlan(plan);

  it('lists a table per event, page and traits section', () => {
    expect(tables.map((t) => [t.kind, t.event ?? null, t.table, t.derived ?? false])).toEqual([
      ['track', 'Order Completed', 'order_completed', false],
      ['track', 'Product Viewed', 'product_viewed', false],
      ['page', 'Home', 'pages', false],
      ['identify', null, 'identifies', false],
      ['identify', null, 'users', true],
      ['group', null, 'groups', false],
    ]);
    expect(tables[1]!.deprecated).toBe(true);
    expect(tables[0]!.deprecated).toBeUndefined();
  });

  it('maps properties to columns with pointers, required flags and self-contained schemas', () => {
    const order = byColumn(tables[0]!);
    expect(Object.keys(order)).toEqual([
      'order_id', 'revenue', 'order_total', 'coupon', 'products', 'shipping_address_postal_code', 'shipping_address_city',
      'gift_message', '_user_id', '_2fa_used', '_open', 'placed_at',
    ]);
    expect(order.order_id).toMatchObject({ pointer: '/properties/order_id', path: ['order_id'], required: true, kinds: ['string'] });
    expect(order.revenue!.schema).toEqual({ type: 'number', minimum: 0 });
    expect(order.revenue!.kinds).toEqual(['number']);
    // Required but nullable: a warehouse cannot tell null from absent.
    expect(order.coupon!.required).toBe(false);
    expect(order.products!.kinds).toEqual(['array']);
    // Required all the way down.
    expect(order.shipping_address_postal_code).toMatchObject({ pointer: '/properties/shipping/address/postalCode', required: true });
    expect(order.shipping_address_city!.required).toBe(false);
    // Required inside an optional object: not every row has it.
    expect(order.gift_message!.required).toBe(false);
    expect(order.placed_at!.kinds).toEqual(['timestamp']);
    expect(tables[0]!.openPrefixes).toEqual(['metadata_']);
  });

  it('gives pages the spec’s properties and traits their columns', () => {
    const pages = byColumn(tables[2]!);
    expect(Object.keys(pages)).toEqual(expect.arrayContaining(['section', 'name', 'url', 'title', 'path', 'referrer', 'search', 'keywords']));
    const identifies = byColumn(tables[3]!);
    expect(Object.keys(identifies)).toEqual(['email', 'address_postal_code', '_id']);
    expect(identifies.email).toMatchObject({ pointer: '/traits/email', required: true });
    expect(byColumn(tables[5]!).employee_count!.kinds).toEqual(['integer']);
  });

  it('applies the config and lists what can have no name', () => {
    const p = planFrom(`
events:
  Order Completed: { properties: { revenue: number, 日本: string } }
  "★★★": { properties: { a: string } }
`);
    const layout = layoutPlan(p, { tables: { 'Order Completed': 'orders' }, columns: { 'Order Completed': { revenue: 'revenue_text' } } });
    expect(layout.tables.map((t) => t.table)).toEqual(['orders']);
    expect(layout.tables[0]!.columns.map((c) => c.column)).toEqual(['revenue_text']);
    expect(layout.tables[0]!.unmapped).toEqual([{ pointer: '/properties/日本', reason: expect.stringContaining('no column name') }]);
    expect(layout.unmapped).toEqual([{ kind: 'track', event: '★★★', reason: expect.stringContaining('no table name') }]);
  });

  it('follows allOf and anyOf into the properties they declare', () => {
    const p = planFrom(`
types:
  Base: { type: object, properties: { sku: { type: string, required: true } } }
events:
  Item Added:
    properties:
      item:
        type: object
        required: true
        allOf: [ { $ref: "#/types/Base" } ]
        properties: { qty: integer }
`);
    const item = byColumn(mapPlan(p)[0]!);
    expect(Object.keys(item).sort()).toEqual(['item_qty', 'item_sku']);
    expect(item.item_sku).toMatchObject({ required: true, schema: { type: 'string' } });
  });
});

describe('warehouse config', () => {
  it('is accepted by the config loader and checked', async () => {
    const ok = writeTree({ 'cdp.config.json': JSON.stringify({ warehouse: { tables: { 'Order Completed': 'orders' }, columns: { identify: { email: 'mail' } } } }) });
    expect((await loadConfig(ok)).config.warehouse?.tables).toEqual({ 'Order Completed': 'orders' });
    const bad = writeTree({ 'cdp.config.json': JSON.stringify({ warehouse: { tables: { 'Order Completed': '' }, colums: {} } }) });
    await expect(loadConfig(bad)).rejects.toThrow(ConfigError);
    await expect(loadConfig(bad)).rejects.toThrow(/unknown key "colums"/);
  });
});
