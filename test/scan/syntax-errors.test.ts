import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { firstSyntaxErrors } from '../../src/scan/syntax-errors.js';

const parse = (name: string, text: string, kind = ts.ScriptKind.TS) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, kind);

describe('firstSyntaxErrors', () => {
  it('gives the first syntax error of each file that has one, and nothing for the others', () => {
    const broken = parse('/p/a.ts', "analytics.track('A Done', { a: 1 ;\nlet = ;\n");
    const fine = parse('/p/b.ts', "import { x } from './missing';\nanalytics.track(x as string);\n");
    const typesInJs = parse('/p/c.js', 'const n: number = 1;\n', ts.ScriptKind.JS);
    const errors = firstSyntaxErrors([broken, fine, typesInJs]);
    expect(errors.get('/p/a.ts')).toEqual({ line: 1, column: 34, message: "',' expected" });
    expect(errors.has('/p/b.ts')).toBe(false);
    expect(errors.get('/p/c.js')).toMatchObject({ line: 1, column: 10 });
  });
});
