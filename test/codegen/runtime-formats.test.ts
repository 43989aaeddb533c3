import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { formatCheckerSource } from '../../src/codegen/runtime-formats.js';
import { createAjv } from '../../src/validate/ajv.js';

const SAMPLES = [
  '', 'x', '2024-02-29', '2023-02-29', '2024-13-01', '2024-04-31', '10:30:00Z', '23:59:60Z', '10:30:00', '25:00:00Z', '10:30:00+02:00',
  '2024-05-01T09:30:00Z', '2024-05-01T09:30:00.123+05:30', '2024-05-01 09:30:00Z', '2024-05-01T09:30:00', '2024-02-30T09:30:00Z',
  'https://example.com/a?b=c#d', 'mailto:a@example.com', 'urn:isbn:0451450523', 'not a uri', '/relative/path', 'http://x.com/%zz', 'http://x.com/%41',
  '^[a-z]+$', '(unclosed', 'a\\Z', 'aGVsbG8=', 'aGVsbG8', '!!!!', 2147483647, 2147483648, -2147483648, 1.5, 42,
];

/** Runs a generated checker, of either shape ajv-formats uses (a function, or `{ validate }`). */
async function checker(source: string): Promise<(value: unknown) => boolean> {
  const js = ts.transpileModule(`export default ${source};`, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const def = ((await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { default: ((v: unknown) => boolean) | { validate: (v: unknown) => boolean } }).default;
  return typeof def === 'function' ? def : def.validate;
}

describe('format checkers written into generated code', () => {
  const formats = createAjv().formats as Record<string, unknown>;
  const coded = Object.keys(formats).filter((name) => !(formats[name] instanceof RegExp) && formats[name] !== true);

  it('cover every format ajv-formats implements as code', () => {
    expect(coded.filter((name) => formatCheckerSource(name) === undefined)).toEqual([]);
  });

  it.each(coded.filter((name) => name !== 'uri'))('%s agrees with ajv-formats', async (name) => {
    const ours = await checker(formatCheckerSource(name)!);
    const def = formats[name] as ((v: unknown) => boolean) | { validate: (v: unknown) => boolean; type?: string };
    const theirs = typeof def === 'function' ? def : def.validate;
    const type = typeof def === 'object' && def.type === 'number' ? 'number' : 'string';
    for (const sample of SAMPLES.filter((s) => typeof s === type)) expect([sample, ours(sample)]).toEqual([sample, theirs(sample)]);
  });

  it('uri accepts absolute URIs and rejects spaces, missing schemes and broken escapes', async () => {
    const uri = await checker(formatCheckerSource('uri')!);
    expect(['https://example.com/a?b=c#d', 'mailto:a@example.com', 'urn:isbn:0451450523', 'http://x.com/%41'].map(uri)).toEqual([true, true, true, true]);
    expect(['not a uri', '/relative/path', 'http://x.com/%zz', ''].map(uri)).toEqual([false, false, false, false]);
  });
});
