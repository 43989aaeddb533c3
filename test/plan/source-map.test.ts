import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/plan/yaml-source.js';

/** Line:column of each pointer, as a person reading the file would count them. */
function positions(text: string, pointers: string[], prefer: 'key' | 'value' = 'key'): string[] {
  const { map, diagnostics } = parseYamlSource(text, 'p.yaml');
  expect(diagnostics).toEqual([]);
  return pointers.map((p) => {
    const { line, column } = map.locate(p, prefer);
    return `${line}:${column}`;
  });
}

describe('SourceMap.locate', () => {
  const text = [
    '# leading comment',
    'plan: shop   # trailing comment',
    'types:',
    '  Base: &base',
    '    type: object',
    '    properties:',
    '      id: string',
    'events:',
    '  "Order Completed":',
    '    description: >-',
    '      folded text with key: value inside',
    '    properties:',
    '      total: { type: number, minimum: 0 }',
    '      tags: [a, "b", {c: 1}]',
    '      items:',
    '        - first',
    '        - name: x',
    '          price: 2',
    '      copy: *base',
    '      mixed:',
    '        <<: *base',
    '        extra: 1',
    "  'Quoted Key':",
    '  __proto__:',
    '    properties: {}',
    '  "a/b~c": {}',
    '',
  ].join('\n');

  it('points at keys of block and flow maps, through quotes, comments and block scalars', () => {
    expect(
      positions(text, [
        '/plan',
        '/types/Base',
        '/types/Base/properties/id',
        '/events/Order Completed',
        '/events/Order Completed/properties',
        '/events/Order Completed/properties/total/minimum',
        '/events/Quoted Key',
        '/events/__proto__/properties',
        '/events/a~1b~0c',
      ]),
    ).toEqual(['2:1', '4:3', '7:7', '9:3', '12:5', '13:30', '23:3', '25:5', '26:3']);
  });

  it('points at values when asked, skipping whitespace and comments', () => {
    expect(positions(text, ['/plan', '/events/Order Completed/properties/total/minimum', '/events/Order Completed/description'], 'value')).toEqual(['2:7', '13:39', '10:18']);
  });

  it('finds sequence items, flow and block', () => {
    expect(
      positions(text, ['/events/Order Completed/properties/tags/1', '/events/Order Completed/properties/tags/2/c', '/events/Order Completed/properties/items/0', '/events/Order Completed/properties/items/1/price'], 'value'),
    ).toEqual(['14:17', '14:26', '16:11', '18:18']);
  });

  it('follows aliases to the anchor, and falls back to the nearest ancestor', () => {
    expect(positions(text, ['/events/Order Completed/properties/copy/properties/id'])).toEqual(['7:7']);
    // Keys brought in by a merge key have no place of their own in this map.
    expect(positions(text, ['/events/Order Completed/properties/mixed/type', '/events/Order Completed/properties/mixed/extra'])).toEqual(['20:7', '22:9']);
    expect(positions(text, ['/events/Nope/properties', '/types/Base/nope/deeper'])).toEqual(['8:1', '4:3']);
  });

  it('counts columns in UTF-16 units after non-ASCII text, and handles CRLF', () => {
    expect(positions('a: "é✓"\nb:\n  c: 1\n', ['/b/c'])).toEqual(['3:3']);
    expect(positions('a: 1\r\nb:\r\n  c: 2\r\n', ['/b/c', '/a'])).toEqual(['3:3', '1:1']);
  });

  it('returns 1:1 for an empty document', () => {
    expect(positions('', ['/x'])).toEqual(['1:1']);
  });
});
