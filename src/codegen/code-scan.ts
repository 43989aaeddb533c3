/**
 * Just enough of a JavaScript scanner to take apart the expressions ajv writes: brackets are matched
 * and commas split outside string literals, so a property name such as `"a,}"` cannot end one early.
 * ajv writes strings with double quotes; single-quoted ones are skipped too, for safety.
 */
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The index of the bracket that closes the one at `open`. */
export function closingBracket(code: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'") i = stringEnd(code, i);
    else if (OPENERS[c]) stack.push(OPENERS[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) break;
      if (stack.length === 0) return i;
    }
  }
  throw new Error(`unbalanced brackets in ajv's output at: ${code.slice(open, open + 80)}`);
}

/** `text` cut at the commas outside brackets and strings, each piece trimmed. */
export function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") i = stringEnd(text, i);
    else if (OPENERS[c]) i = closingBracket(text, i);
    else if (c === ',') {
      pieces.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || pieces.length > 0) pieces.push(last);
  return pieces;
}

/**
 * The fields of an object literal's source (`{a:1,b,"c":x}`) by name, in order; a shorthand field
 * (`b`) maps to its own name.
 */
export function objectFields(literal: string): Map<string, string> {
  if (!literal.startsWith('{') || closingBracket(literal, 0) !== literal.length - 1) throw new Error(`not an object literal in ajv's output: ${literal.slice(0, 80)}`);
  const fields = new Map<string, string>();
  for (const piece of splitTopLevel(literal.slice(1, -1))) {
    const m = /^([A-Za-z_$][\w$]*)\s*(?::\s*([^]*))?$/.exec(piece);
    if (!m) throw new Error(`unexpected field in ajv's output: ${piece.slice(0, 80)}`);
    fields.set(m[1]!, m[2] ?? m[1]!);
  }
  return fields;
}

function stringEnd(code: string, open: number): number {
  const quote = code[open];
  for (let i = open + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
  }
  throw new Error(`unterminated string in ajv's output at: ${code.slice(open, open + 80)}`);
}

/**
 * The identifiers in `code` outside strings and comments, except property names after a dot, so
 * that renaming `validate12` never touches `data.validate12` or `"validate12"`, and a plan's
 * description in a doc comment is never taken for code.
 */
export function* identifiers(code: string): Generator<{ name: string; index: number }> {
  for (const m of code.matchAll(/\/\*[^]*?\*\/|\/\/[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*/g)) {
    const first = m[0][0];
    if (first === '"' || first === "'" || first === '/') continue;
    let before = m.index - 1;
    while (before >= 0 && /\s/.test(code[before]!)) before--;
    if ((code[before] === '.' && code[before - 1] !== '.') || /[\w$]/.test(code[m.index - 1] ?? '')) continue;
    yield { name: m[0], index: m.index };
  }
}

/** `code` with the identifiers that `names` maps renamed (see `identifiers`). */
export function renameIdentifiers(code: string, names: ReadonlyMap<string, string>): string {
  let out = '';
  let done = 0;
  for (const { name, index } of identifiers(code)) {
    const renamed = names.get(name);
    if (renamed === undefined) continue;
    out += code.slice(done, index) + renamed;
    done = index + name.length;
  }
  return out + code.slice(done);
}

/**
 * The top-level statements of ajv's output: each `const name = ...;` and `function name(...) {...}`
 * with the name it declares, in order.
 */
export function topLevelDeclarations(code: string): Array<{ name: string; code: string }> {
  const declarations: Array<{ name: string; code: string }> = [];
  let i = 0;
  for (;;) {
    while (i < code.length && /\s/.test(code[i]!)) i++;
    if (i >= code.length) return declarations;
    const m = /^(?:const ([\w$]+) = |function ([\w$]+)\()/.exec(code.slice(i, i + 300));
    if (!m) throw new Error(`unexpected top-level statement in ajv's output: ${code.slice(i, i + 80)}`);
    let end: number;
    if (m[2] !== undefined) {
      const body = code.indexOf('{', closingBracket(code, i + m[0].length - 1));
      end = closingBracket(code, body) + 1;
    } else {
      end = i + m[0].length;
      while (end < code.length && code[end] !== ';') end = OPENERS[code[end]!] ? closingBracket(code, end) + 1 : code[end] === '"' || code[end] === "'" ? stringEnd(code, end) + 1 : end + 1;
      end++;
    }
    declarations.push({ name: (m[1] ?? m[2])!, code: code.slice(i, end) });
    i = end;
  }
}
