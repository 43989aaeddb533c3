import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { provablyLinear } from '../../src/patterns/linear-proof.js';

describe('provablyLinear', () => {
  const proven = ['^[A-Z]{3}$', '^[a-z0-9_]+$', 'Evil Morty|Lawyer Morty', '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', '^\\+?[1-9]\\d{1,14}$', '^https?://.*$', '^\\d{4}-\\d{2}-\\d{2}$', '^(?:USD|EUR|GBP)$', ''];
  const unproven = ['^(a+)+$', '\\s+$', '^a+b+$', 'a+', '^(?:ab)+$', '^(a|a){0,30}$', '^(a+){2}$', '^a*|b*$', '(?:^a*)'];

  it.each(proven)('proves /%s/ linear, and recheck agrees', (pattern) => {
    expect(provablyLinear(pattern)).toBe(true);
    expect(checkSync(pattern, 'u', { randomSeed: 0 }).status).toBe('safe');
  });

  it.each(unproven)('leaves /%s/ to recheck', (pattern) => {
    expect(provablyLinear(pattern)).toBe(false);
  });
});
