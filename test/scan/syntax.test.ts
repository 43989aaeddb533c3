import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { forEachNode, nodeDeeperThan } from '../../src/scan/syntax.js';

const parse = (text: string) => ts.createSourceFile('/p/a.ts', text, ts.ScriptTarget.Latest, false);

/** What recursion over ts.forEachChild visits, in its order. */
function recursiveOrder(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return out;
}

describe('forEachNode', () => {
  it('visits every node once, in the order recursion over forEachChild does, and leaves each after its children', () => {
    const source = parse("function f(a: number) { return [a, { b: a + 1 }]; }\nclass C { m() { f(1); } }\nconst x = `t${f(2)}` as const;\n");
    const entered: ts.Node[] = [];
    const events: string[] = [];
    forEachNode(source, (node) => {
      entered.push(node);
      if (!ts.isFunctionLike(node)) return;
      events.push(`enter ${node.pos}`);
      return () => events.push(`leave ${node.pos}`);
    });
    expect(entered).toEqual(recursiveOrder(source));
    // The method is inside the class, after the function: each is left before the next is entered.
    expect(events).toEqual(['enter 0', 'leave 0', `enter ${source.text.indexOf(' m()')}`, `leave ${source.text.indexOf(' m()')}`]);
  });

  it('goes through a member chain 100,000 levels deep (which the parser reads in a loop) without running out of stack', () => {
    const source = parse(`a${'.b'.repeat(100_000)};`);
    let count = 0;
    forEachNode(source, () => {
      count++;
    });
    // The file, the statement, the identifier `a`, and per level an access and its name.
    expect(count).toBe(3 + 2 * 100_000 + 1);
  });
});

describe('nodeDeeperThan', () => {
  it('finds the first node past the limit, in source order, and nothing in a shallow tree', () => {
    const source = parse(`const shallow = a.b;\nconst deep = x${'.y'.repeat(600)};\nconst deeper = z${'.w'.repeat(900)};\n`);
    expect(nodeDeeperThan(source, 500)).toBeDefined();
    const found = nodeDeeperThan(source, 500)!;
    expect(source.getLineAndCharacterOfPosition(found.getStart(source)).line).toBe(1);
    expect(nodeDeeperThan(source, 2000)).toBeUndefined();
    expect(nodeDeeperThan(parse(`a${'.b'.repeat(100_000)};`), 500)).toBeDefined();
  });
});
