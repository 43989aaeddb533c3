import { describe, expect, it } from 'vitest';
import { CASE_STYLES, isAcronym, isCase, toCase, type CaseStyle } from '../../src/naming/case.js';

describe('toCase', () => {
  it.each<[string, CaseStyle, string]>([
    ['Order Completed', 'snake_case', 'order_completed'],
    ['orderCompleted', 'snake_case', 'order_completed'],
    ['HTMLParserLoaded', 'snake_case', 'html_parser_loaded'],
    ['userIDs', 'snake_case', 'user_ids'],
    ['utm_source2', 'snake_case', 'utm_source2'],
    ['address.postalCode', 'snake_case', 'address_postal_code'],
    ['order_completed', 'camelCase', 'orderCompleted'],
    ['Order Completed', 'camelCase', 'orderCompleted'],
    ['API key', 'camelCase', 'apiKey'],
    ['order_completed', 'PascalCase', 'OrderCompleted'],
    ['HTMLParserLoaded', 'PascalCase', 'HTMLParserLoaded'],
    ['ORDER_COMPLETED', 'PascalCase', 'OrderCompleted'],
    ['Order Completed', 'kebab-case', 'order-completed'],
    ['order_completed', 'SCREAMING_SNAKE_CASE', 'ORDER_COMPLETED'],
    ['step2Completed', 'SCREAMING_SNAKE_CASE', 'STEP2_COMPLETED'],
    ['order_completed', 'Title Case', 'Order Completed'],
    ['ORDER_COMPLETED', 'Title Case', 'Order Completed'],
    ['product_added_to_wishlist', 'Title Case', 'Product Added to Wishlist'],
    ['Product Added To Wishlist', 'Title Case', 'Product Added to Wishlist'],
    ['email_marked_as_spam', 'Title Case', 'Email Marked as Spam'],
    ['signed_in', 'Title Case', 'Signed In'],
    ['the_end', 'Title Case', 'The End'],
    ['api_key_created', 'Title Case', 'Api Key Created'],
    ['API key created', 'Title Case', 'API Key Created'],
    ['HTMLParserLoaded', 'Title Case', 'HTML Parser Loaded'],
    ['sku_scanned', 'Title Case', 'Sku Scanned'],
    ['注文完了', 'Title Case', '注文完了'],
    ['', 'snake_case', ''],
  ])('%j as %s → %j', (name, style, expected) => {
    expect(toCase(name, style)).toBe(expected);
  });
});

describe('isCase', () => {
  const cases: Array<[string, CaseStyle, boolean]> = [
    ['order_completed', 'snake_case', true],
    ['utm_source2', 'snake_case', true],
    ['order', 'snake_case', true],
    ['Order_completed', 'snake_case', false],
    ['order__completed', 'snake_case', false],
    ['_order', 'snake_case', false],
    ['order_', 'snake_case', false],
    ['2fa_enabled', 'snake_case', false],
    ['orderCompleted', 'snake_case', false],
    ['prix_unité', 'snake_case', true],
    ['orderCompleted', 'camelCase', true],
    ['order', 'camelCase', true],
    ['OrderCompleted', 'camelCase', false],
    ['order_completed', 'camelCase', false],
    ['OrderCompleted', 'PascalCase', true],
    ['HTMLParserLoaded', 'PascalCase', true],
    ['APIKeyCreated', 'PascalCase', true],
    ['Step2Completed', 'PascalCase', true],
    ['orderCompleted', 'PascalCase', false],
    ['ORDERCOMPLETED', 'PascalCase', false],
    ['Order_Completed', 'PascalCase', false],
    ['order-completed', 'kebab-case', true],
    ['order-Completed', 'kebab-case', false],
    ['order_completed', 'kebab-case', false],
    ['ORDER_COMPLETED', 'SCREAMING_SNAKE_CASE', true],
    ['ORDER_Completed', 'SCREAMING_SNAKE_CASE', false],
    ['Order Completed', 'Title Case', true],
    ['Product Added to Wishlist', 'Title Case', true],
    ['Email Marked as Spam', 'Title Case', true],
    ['Signed In', 'Title Case', true],
    ['API Key Created', 'Title Case', true],
    ['SKU Scanned', 'Title Case', true],
    ['User IDs Exported', 'Title Case', true],
    ['404 Page Viewed', 'Title Case', true],
    ['注文完了', 'Title Case', true],
    ['Unsubscribed', 'Title Case', true],
    ['Product Added To Wishlist', 'Title Case', false],
    ['Order completed', 'Title Case', false],
    ['order Completed', 'Title Case', false],
    ['ORDER COMPLETED', 'Title Case', false],
    ['Order  Completed', 'Title Case', false],
    [' Order Completed', 'Title Case', false],
    ['Order_Completed', 'Title Case', false],
    ['HTMLParser Loaded', 'Title Case', false],
    ['OrDer Completed', 'Title Case', false],
    ['', 'Title Case', false],
  ];
  it.each(cases)('%j is %s: %s', (name, style, expected) => {
    expect(isCase(name, style)).toBe(expected);
  });

  it('rejects the empty name in every style', () => {
    for (const style of CASE_STYLES) expect(isCase('', style)).toBe(false);
  });
});

describe('toCase output passes isCase', () => {
  const names = [
    'order_completed', 'OrderCompleted', 'Order Completed', 'ORDER_COMPLETED', 'HTMLParserLoaded',
    'utm_source2', 'step2Completed', 'address.postalCode', 'userIDs', 'Bestellung_Abgeschlossen',
    'product added to wishlist', 'x', 'API key created', 'a-b-c',
  ];
  for (const style of CASE_STYLES) {
    it.each(names)(`%j converted to ${style}`, (name) => {
      expect(isCase(toCase(name, style), style)).toBe(true);
    });
  }
});

describe('isAcronym', () => {
  it.each<[string, boolean]>([
    ['URL', true], ['SKU', true], ['ID', true], ['IDs', true], ['MP3', true], ['B2B', true],
    ['HTTPS', true], ['A', false], ['ORDERS', false], ['Url', false], ['url', false],
  ])('%j: %s', (word, expected) => {
    expect(isAcronym(word)).toBe(expected);
  });
});
