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
