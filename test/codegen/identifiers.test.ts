import { describe, expect, it } from 'vitest';
import { assignIdentifiers, eventFunctionNames, toIdentifier } from '../../src/codegen/identifiers.js';

describe('toIdentifier', () => {
  it.each([
    ['Order Completed', 'camelCase', 'orderCompleted'],
    ['Order Completed', 'PascalCase', 'OrderCompleted'],
    ['order_completed', 'camelCase', 'orderCompleted'],
    ['404 Page Viewed', 'camelCase', '_404PageViewed'],
    ['class', 'camelCase', 'class_'],
    ['string', 'PascalCase', 'String_'],
    ['__proto__', 'camelCase', 'proto'],
    ['constructor', 'camelCase', 'constructor'],
    ['Café Visité', 'camelCase', 'caféVisité'],
    ['注文 完了', 'camelCase', '注文完了'],
    ['!!!', 'camelCase', 'unnamed'],
    ['', 'PascalCase', 'Unnamed'],
    ['*/ alert(1) /*', 'camelCase', 'alert1'],
    ['a${b}`c', 'camelCase', 'aBC'],
  ] as const)('%j in %s is %s', (name, style, expected) => {
    expect(toIdentifier(name, style)).toBe(expected);
  });

  it('always yields something a JavaScript parser accepts as a binding name', () => {
    for (const name of ['1', '🎉 Party', '\u0301accent', 'let', 'yield', 'a-b-c', 'Ω mega']) {
      const id = toIdentifier(name, 'camelCase');
      expect(() => new Function(`"use strict"; const ${id} = 1; return ${id};`)).not.toThrow();
    }
  });
});

describe('assignIdentifiers', () => {
  it('numbers names that map to the same identifier, in code-unit order of the names', () => {
    const ids = assignIdentifiers(['order_completed', 'Order Completed', 'Order-Completed'], 'camelCase');
    expect(Object.fromEntries(ids)).toEqual({ 'Order Completed': 'orderCompleted', 'Order-Completed': 'orderCompleted2', order_completed: 'orderCompleted3' });
  });

  it('gives the same result whatever the input order', () => {
    const names = ['B Done', 'b_done', 'A', 'a', 'B-Done'];
    expect([...assignIdentifiers(names, 'camelCase')].sort()).toEqual([...assignIdentifiers([...names].reverse(), 'camelCase')].sort());
  });

  it('skips numbered names already taken by another name', () => {
    const ids = assignIdentifiers(['Step 2', 'Step', 'step'], 'camelCase');
    expect(Object.fromEntries(ids)).toEqual({ Step: 'step', 'Step 2': 'step2', step: 'step3' });
  });
});

describe('eventFunctionNames', () => {
  it('keeps the runtime exports free: an event called Identify gets a numbered function', () => {
    const events = new Map([['Identify', {}], ['Order Completed', {}]]);
    expect(Object.fromEntries(eventFunctionNames({ events } as never))).toEqual({ Identify: 'identify2', 'Order Completed': 'orderCompleted' });
  });
});
