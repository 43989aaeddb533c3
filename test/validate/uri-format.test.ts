import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullFormats } from '../../src/validate/ajv.js';
import { uri } from '../../src/validate/uri-format.js';

const ajvFormatsUri = fullFormats().uri as (value: string) => boolean;

// Characters that matter to the URI grammar, and a few that never appear in one.
const PIECES = ['a', 'Z', '0', '9', '-', '.', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?', '#', '%', '%2F', '%zz', '[', ']', '::1', 'v1.x', ' ', '"', '<', '\\', 'é', '\u212a', '//', 'http', 'https://', 'mailto:', 'urn:isbn:', '127.0.0.1', '[::1]', '[v7.a]', ':8080', 'user:pw@'];

/** Mostly well-formed starts, so that both the common shape and the full expression decide often. */
const URI_LIKE = fc
  .tuple(fc.constantFrom('https://', 'http://', 'HTTP://', 'a+b.c-d://', 'x://', '1a://', 'mailto:', 'urn:', 'x:/', ''), fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }))
  .map(([start, parts]) => start + parts.join(''));

describe('the uri format', () => {
  it('gives ajv-formats\' verdict on URI-like strings (fast-check)', () => {
    fc.assert(
      fc.property(URI_LIKE, (text) => {
        expect(uri(text)).toBe(ajvFormatsUri(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['https://www.example.com/products/42?ref=home#top', true],
    ['HTTP://EXAMPLE.COM', true],
    ['https://example.com/a%20b', true],
    ['http://user:pw@[::1]:8080/x', true],
    ['mailto:someone@example.com', true],
    ['urn:isbn:0451450523', true],
    ['https://exa mple.com', false],
    ['example.com/path', false],
    ['//example.com', false],
    ['https://example.com/\u212a', false],
    ['', false],
  ])('%j: %s, as ajv-formats says', (text, expected) => {
    expect(uri(text)).toBe(expected);
    expect(ajvFormatsUri(text)).toBe(expected);
  });
});
