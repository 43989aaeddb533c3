import { describe, expect, it } from 'vitest';
import { escapeCommentText, jsdoc } from '../../src/codegen/jsdoc.js';

describe('escapeCommentText', () => {
  it.each([
    ['ends */ here', 'ends *\\/ here'],
    ['@param x', '\\@param x'],
    ['line\n  @returns y', 'line\n  \\@returns y'],
    ['mid @ts-ignore text', 'mid \\@ts-ignore text'],
    ['email@example.com', 'email@example.com'],
    ['`${x}`', '`${x}`'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeCommentText(text)).toBe(expected);
  });
});

describe('jsdoc', () => {
  it('writes one line for a one-line description, and nothing for nothing', () => {
    expect(jsdoc({ description: 'A customer completed an order.' }, '  ')).toBe('  /** A customer completed an order. */\n');
    expect(jsdoc({})).toBe('');
    expect(jsdoc({ description: '  ' })).toBe('');
  });

  it('puts every line terminator on its own comment line, and escapes the plan text in tags and examples', () => {
    expect(jsdoc({ description: 'one\r\ntwo\u2028three\n', deprecated: 'use */ other', examples: [{ note: '*/' }] })).toBe(
      ['/**', ' * one', ' * two', ' * three', ' * @deprecated use *\\/ other', ' * @example', ' * {', ' *   "note": "*\\/"', ' * }', ' */', ''].join('\n'),
    );
  });
});
