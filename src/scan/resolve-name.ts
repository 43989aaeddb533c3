import { ts } from 'ts-morph';
import type { NameValue, NodeRef } from './types.js';

/** Declarations of one file that constant expressions may refer to, found in one pass. */
export interface FileScope {
  file: string;
  source: ts.SourceFile;
  /** `const` declarations with an initializer, by name; names declared twice are left out. */
  consts: Map<string, ts.Expression>;
  enums: Map<string, ts.EnumDeclaration>;
  /** Every name declared so far: a name declared twice may be shadowed, so its value is not taken. */
  declared: Set<string>;
}

export type Constant = string | number | boolean | null;

/** References deep enough for any real constant; a cycle (`const a = b, b = a`) ends here. */
const MAX_DEPTH = 16;

export function createScope(file: string, source: ts.SourceFile): FileScope {
  return { file, source, consts: new Map(), enums: new Map(), declared: new Set() };
}

/** Records a declaration met while walking the file. */
export function declare(scope: FileScope, node: ts.Node): void {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
    const isConst = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
    add(scope, node.name.text, isConst && node.initializer ? node.initializer : undefined, scope.consts);
  } else if (ts.isEnumDeclaration(node)) {
    add(scope, node.name.text, node, scope.enums);
  } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isParameter(node)) && node.name && ts.isIdentifier(node.name)) {
    add(scope, node.name.text, undefined, scope.consts);
  }
}

function add<T>(scope: FileScope, name: string, value: T | undefined, into: Map<string, T>): void {
  if (scope.declared.has(name)) {
    scope.consts.delete(name);
    scope.enums.delete(name);
    return;
  }
  scope.declared.add(name);
  if (value !== undefined) into.set(name, value);
}

/** Strips what does not change a value: parentheses, `as const`, `satisfies`, `!`, `<T>x`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

/**
 * The value of a constant expression that syntax alone can tell: literals, template literals and
 * `+` of constants, `const` names, members of enums and of `const` object literals (`as const` or
 * not). Undefined when syntax cannot tell.
 */
export function resolveConstant(expr: ts.Expression, scope: FileScope, depth = 0): Constant | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text;
    for (const span of e.templateSpans) {
      const part = resolveConstant(span.expression, scope, depth + 1);
      if (part === undefined) return undefined;
      out += String(part) + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = resolveConstant(e.left, scope, depth + 1);
    const right = left === undefined ? undefined : resolveConstant(e.right, scope, depth + 1);
    if (left === undefined || right === undefined) return undefined;
    return typeof left === 'number' && typeof right === 'number' ? left + right : String(left) + String(right);
  }
  const target = referencedExpression(e, scope, depth);
  return target === undefined ? undefined : resolveConstant(target, scope, depth + 1);
}

/**
 * The expression a name or member access stands for, when the file declares it: the initializer
 * of a `const`, an enum member's initializer, a property of a `const` object literal.
 */
export function referencedExpression(expr: ts.Expression, scope: FileScope, depth = 0): ts.Expression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return scope.consts.get(e.text);
  const access = memberAccess(e);
  if (!access) return undefined;
  const { object, key } = access;
  if (ts.isIdentifier(object) && scope.enums.has(object.text)) {
    const member = scope.enums.get(object.text)!.members.find((m) => propertyName(m.name) === key);
    return member?.initializer;
  }
  const target = referencedExpression(object, scope, depth + 1);
  const literal = target && unwrap(target);
  if (!literal || !ts.isObjectLiteralExpression(literal)) return undefined;
  for (const p of literal.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key) return p.initializer;
  }
  return undefined;
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

export function nodeRef(node: ts.Node, scope: FileScope): NodeRef {
  const start = node.getStart(scope.source);
  return { file: scope.file, start, width: node.end - start };
}

/**
 * An event name: known when syntax can tell, else left to the type checker (an imported constant,
 * a parameter typed with a literal). Parts of a template literal are resolved one by one, so
 * `${EVENTS.checkout} Completed` works when EVENTS comes from another file.
 */
export function resolveName(expr: ts.Expression, scope: FileScope): NameValue {
  const text = expr.getText(scope.source);
  const parts = nameParts(expr, scope, 0);
  if (parts.every((p): p is string => typeof p === 'string')) return { kind: 'known', name: parts.join('') };
  return { kind: 'deferred', parts, text };
}

function nameParts(expr: ts.Expression, scope: FileScope, depth: number): Array<string | NodeRef> {
  const constant = resolveConstant(expr, scope);
  if (constant !== undefined) return [String(constant)];
  const e = unwrap(expr);
  if (depth < MAX_DEPTH && ts.isTemplateExpression(e)) {
    const parts: Array<string | NodeRef> = [e.head.text];
    for (const span of e.templateSpans) parts.push(...nameParts(span.expression, scope, depth + 1), span.literal.text);
    return parts;
  }
  if (depth < MAX_DEPTH && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...nameParts(e.left, scope, depth + 1), ...nameParts(e.right, scope, depth + 1)];
  }
  return [nodeRef(e, scope)];
}
