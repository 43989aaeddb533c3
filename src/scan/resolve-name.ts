import { ts } from 'ts-morph';
import type { FileScope } from './file-scope.js';
import { memberAccess, propertyName, unwrap } from './syntax.js';
import { valueOfType } from './type-syntax.js';
import type { NameValue, Value } from './types.js';

type Constant = string | number | boolean | null;

/** References deep enough for any real constant; a cycle (`const a = b, b = a`) ends here. */
const MAX_DEPTH = 16;

/** An expression and the file it is written in (constants may live in an imported module). */
interface Scoped {
  expr: ts.Expression;
  scope: FileScope;
}

/**
 * The value of a constant expression that syntax alone can tell: literals, template literals and
 * `+` of constants, `const` names (of this file or imported from the project's own modules),
 * members of enums and of `const` object literals (`as const` or not). Undefined otherwise.
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
  const target = referenced(e, scope, depth);
  return target === undefined ? undefined : resolveConstant(target.expr, target.scope, depth + 1);
}

/**
 * The expression a name or member access stands for, when syntax can find it: the initializer of
 * a `const` (here or in the module it is imported from), an enum member's initializer, a property
 * of a `const` object literal.
 */
export function referenced(expr: ts.Expression, scope: FileScope, depth = 0): Scoped | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const declared = declaration(e.text, scope);
    return declared?.kind === 'const' ? { expr: declared.value, scope: declared.scope } : undefined;
  }
  const access = memberAccess(e);
  if (!access) return undefined;
  const { object, key } = access;
  if (ts.isIdentifier(object)) {
    const declared = declaration(object.text, scope);
    if (declared?.kind === 'enum') {
      const member = declared.value.members.find((m) => propertyName(m.name) === key);
      return member?.initializer ? { expr: member.initializer, scope: declared.scope } : undefined;
    }
  }
  const target = referenced(object, scope, depth + 1);
  const literal = target && unwrap(target.expr);
  if (!target || !literal || !ts.isObjectLiteralExpression(literal)) return undefined;
  for (const p of literal.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key) return { expr: p.initializer, scope: target.scope };
  }
  return undefined;
}

type Declaration = { kind: 'const'; value: ts.Expression; scope: FileScope } | { kind: 'enum'; value: ts.EnumDeclaration; scope: FileScope };

/** What `name` is declared as in this file, or in the module it is imported from. */
function declaration(name: string, scope: FileScope): Declaration | undefined {
  let at = scope;
  let local = name;
  const binding = scope.imports.get(name);
  if (binding) {
    const found = scope.modules.resolveImport(scope, binding);
    if (found?.kind !== 'local') return undefined;
    at = found.scope;
    local = found.local;
  }
  const value = at.consts.get(local);
  if (value) return { kind: 'const', value, scope: at };
  const enumDeclaration = at.enums.get(local);
  return enumDeclaration ? { kind: 'enum', value: enumDeclaration, scope: at } : undefined;
}

/**
 * Whether the type checker could know more than syntax about this expression: a name imported from
 * elsewhere, or declared with a type syntax cannot read (an imported or generic type, a union). A
 * parameter typed `string` has no literal type: asking the checker would only cost time.
 */
export function checkerMayKnow(expr: ts.Expression, scope: FileScope): boolean {
  let root = unwrap(expr);
  for (let access = memberAccess(root); access; access = memberAccess(root)) root = unwrap(access.object);
  if (!ts.isIdentifier(root)) return false;
  if (scope.imports.has(root.text)) return true;
  const annotation = scope.annotations.get(root.text);
  return annotation !== undefined && root === unwrap(expr) && valueOfType(annotation, scope) === undefined;
}

/**
 * An event name: known when syntax can tell (a literal-typed parameter included); dynamic when
 * syntax can tell that it is no single literal (a parameter typed `string`); else left to the type
 * checker. Parts of a template literal are resolved one by one, so only the parts syntax cannot
 * resolve go to the checker.
 */
export function resolveName(expr: ts.Expression, scope: FileScope): NameValue {
  const text = expr.getText(scope.source);
  const parts = nameParts(expr, scope, 0);
  if (parts.every((p): p is string => typeof p === 'string')) return { kind: 'known', name: parts.join('') };
  const open = parts.filter((p): p is ts.Expression => typeof p !== 'string');
  if (open.some((p) => declaredValue(p, scope)?.kind === 'unknown')) return { kind: 'dynamic', text };
  return { kind: 'deferred', parts, text };
}

/** What the declared type of a name of this file says about its value, when syntax can read it. */
export function declaredValue(expr: ts.Expression, scope: FileScope): Value | undefined {
  const e = unwrap(expr);
  const annotation = ts.isIdentifier(e) ? scope.annotations.get(e.text) : undefined;
  return annotation && valueOfType(annotation, scope);
}

function nameParts(expr: ts.Expression, scope: FileScope, depth: number): Array<string | ts.Expression> {
  const constant = resolveConstant(expr, scope);
  if (constant !== undefined) return [String(constant)];
  const declared = declaredValue(expr, scope);
  if (declared?.kind === 'literal') return [String(declared.value)];
  const e = unwrap(expr);
  if (depth < MAX_DEPTH && ts.isTemplateExpression(e)) {
    const parts: Array<string | ts.Expression> = [e.head.text];
    for (const span of e.templateSpans) parts.push(...nameParts(span.expression, scope, depth + 1), span.literal.text);
    return parts;
  }
  if (depth < MAX_DEPTH && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...nameParts(e.left, scope, depth + 1), ...nameParts(e.right, scope, depth + 1)];
  }
  return [e];
}
