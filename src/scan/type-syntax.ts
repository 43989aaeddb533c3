import { ts } from 'ts-morph';
import type { FileScope } from './file-scope.js';
import { propertyName } from './syntax.js';
import { UNKNOWN, type Value } from './types.js';

/** Type declarations nested deeper than this are left to the type checker. */
const MAX_DEPTH = 6;

/** Keyword types: a value of one of these is some value of that kind, never a known literal. */
const KEYWORD_TYPES: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.AnyKeyword,
  ts.SyntaxKind.UnknownKeyword,
  ts.SyntaxKind.ObjectKeyword,
  ts.SyntaxKind.BigIntKeyword,
]);

/**
 * What a declared type says about a value, read from the syntax when the type is simple: keyword
 * and literal types, arrays, type literals, and interfaces or aliases of this file without
 * `extends` or type parameters. Undefined for anything else (imported or generic types, unions,
 * intersections), which the type checker settles.
 */
export function valueOfType(node: ts.TypeNode, scope: FileScope, depth = 0): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (KEYWORD_TYPES.has(node.kind)) return UNKNOWN;
  if (ts.isParenthesizedTypeNode(node)) return valueOfType(node.type, scope, depth + 1);
  if (ts.isLiteralTypeNode(node)) {
    const literal = node.literal;
    if (ts.isStringLiteral(literal)) return { kind: 'literal', value: literal.text };
    if (ts.isNumericLiteral(literal)) return { kind: 'literal', value: Number(literal.text) };
    if (literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', value: literal.kind === ts.SyntaxKind.TrueKeyword };
    if (literal.kind === ts.SyntaxKind.NullKeyword) return { kind: 'literal', value: null };
    return undefined;
  }
  if (ts.isArrayTypeNode(node)) return arrayOf(node.elementType, scope, depth);
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return valueOfType(node.type, scope, depth + 1);
  if (ts.isTypeLiteralNode(node)) return membersOf(node.members, scope, depth);
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const args = node.typeArguments ?? [];
    if ((node.typeName.text === 'Array' || node.typeName.text === 'ReadonlyArray') && args.length === 1) return arrayOf(args[0]!, scope, depth);
    const declaration = args.length === 0 ? scope.types.get(node.typeName.text) : undefined;
    if (!declaration || declaration.typeParameters) return undefined;
    if (ts.isTypeAliasDeclaration(declaration)) return valueOfType(declaration.type, scope, depth + 1);
    return declaration.heritageClauses ? undefined : membersOf(declaration.members, scope, depth);
  }
  return undefined;
}

function arrayOf(element: ts.TypeNode, scope: FileScope, depth: number): Value | undefined {
  const item = valueOfType(element, scope, depth + 1);
  if (item === undefined) return undefined;
  return { kind: 'array', items: item.kind === 'unknown' ? [] : [item] };
}

/** The keys of an object type (optional ones included: they may be sent). */
function membersOf(members: ts.NodeArray<ts.TypeElement>, scope: FileScope, depth: number): Value | undefined {
  const entries: Array<[string, Value]> = [];
  let open = false;
  for (const member of members) {
    if (ts.isIndexSignatureDeclaration(member)) {
      open = true;
      continue;
    }
    const key = member.name ? propertyName(member.name) : undefined;
    if (key === undefined) return undefined;
    if (!ts.isPropertySignature(member) || !member.type) {
      entries.push([key, UNKNOWN]);
      continue;
    }
    const value = valueOfType(member.type, scope, depth + 1);
    if (value === undefined) return undefined;
    entries.push([key, value]);
  }
  return { kind: 'object', entries, open };
}
