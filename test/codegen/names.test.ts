import { describe, expect, it } from 'vitest';
import { codegenNames } from '../../src/codegen/names.js';
import type { PlanEvent, TypeDefinition } from '../../src/plan/model.js';

const events = (...names: string[]) => new Map(names.map((n) => [n, {} as PlanEvent]));
const types = (...names: string[]) => new Map(names.map((n) => [n, {} as TypeDefinition]));

describe('codegenNames', () => {
  it('gives every generated type a distinct name, numbering whatever collides with the runtime or with each other', () => {
    const names = codegenNames({
      types: types('Violation', 'Order Completed Properties', 'product'),
      events: events('Order Completed', 'order_completed', 'Identify'),
      pages: events('Home', 'home'),
      screens: events('Home'),
    });
    expect(Object.fromEntries(names.types)).toEqual({ Violation: 'Violation2', 'Order Completed Properties': 'OrderCompletedProperties', product: 'Product' });
    expect(Object.fromEntries(names.functions)).toEqual({ 'Order Completed': 'orderCompleted', order_completed: 'orderCompleted2', Identify: 'identify2' });
    expect(Object.fromEntries(names.events)).toEqual({ 'Order Completed': 'OrderCompletedProperties2', order_completed: 'OrderCompleted2Properties', Identify: 'Identify2Properties' });
    expect(Object.fromEntries(names.pages)).toEqual({ Home: 'HomePageProperties', home: 'HomePageProperties2' });
    expect(Object.fromEntries(names.screens)).toEqual({ Home: 'HomeScreenProperties' });
    expect([names.reserve('IdentifyTraitsAddress'), names.reserve('IdentifyTraitsAddress'), names.reserve('Product')]).toEqual(['IdentifyTraitsAddress', 'IdentifyTraitsAddress2', 'Product2']);
  });
});
