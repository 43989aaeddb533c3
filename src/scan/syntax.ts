import { ts } from 'ts-morph';

/** Strips what does not change a value: parentheses, `as const`, `satisfies`, `!`, `<T>x`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

/** `a.b`, `a?.b` and `a['b']`: the object and the key. */
export function memberAccess(e: ts.Expression): { object: ts.Expression; key: string } | undefined {
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) return { object: e.expression, key: e.name.text };
  if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
    return { object: e.expression, key: e.argumentExpression.text };
  }
  return undefined;
}

/** The text of a property or member name that is written literally; undefined for computed names. */
export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/**
 * Visits `root` and every node under it in source order, as recursion over `ts.forEachChild` would,
 * with its depth below `root`, but from a list of its own: a chain of `a.b.c…` or `x + x + …`
 * thousands of levels deep (which the parser accepts) costs no stack. What `enter` returns for a
 * node is called once the node's children are done.
 */
export function forEachNode(root: ts.Node, enter: (node: ts.Node, depth: number) => (() => void) | void): void {
  const pending: Array<ts.Node | (() => void)> = [root];
  const depths: number[] = [0];
  let childDepth = 0;
  const push = (child: ts.Node) => {
    pending.push(child);
    depths.push(childDepth);
  };
  while (pending.length > 0) {
    const next = pending.pop()!;
    const depth = depths.pop()!;
    if (typeof next === 'function') {
      next();
      continue;
    }
    const leave = enter(next, depth);
    if (leave) {
      pending.push(leave);
      depths.push(depth);
    }
    const first = pending.length;
    childDepth = depth + 1;
    ts.forEachChild(next, push);
    // Children are pushed in order and popped last first: reversed, they come out in order (siblings share a depth).
    for (let i = first, j = pending.length - 1; i < j; i++, j--) [pending[i], pending[j]] = [pending[j]!, pending[i]!];
  }
}

/**
 * The first node (in source order) nested more than `limit` levels below `root`, or undefined.
 * TypeScript's binder and checker recurse once per level: a tree past a few thousand levels
 * runs them out of stack, where the parser (which reads member chains and `+` chains in a loop) did not.
 */
export function nodeDeeperThan(root: ts.Node, limit: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  forEachNode(root, (node, depth) => {
    if (depth > limit) found ??= node;
  });
  return found;
}
