import { describe, expect, it } from 'vitest';
import { fileSlugs } from '../../src/cli/slug.js';

describe('fileSlugs', () => {
  it('numbers clashes, empty slugs, names Windows refuses and the index file name', () => {
    expect(fileSlugs(['Order Completed', 'order_completed', '注文', 'Con', 'LPT1', 'Index', 'Console'])).toEqual([
      'order-completed',
      'order-completed-2',
      'event',
      'con-2',
      'lpt1-2',
      'index-2',
      'console',
    ]);
  });
});
