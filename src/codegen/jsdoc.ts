/** What a JSDoc block says about one declaration. */
export interface DocParts {
  description?: string;
  /** `true`, or the reason / replacement the plan gives. */
  deprecated?: boolean | string;
  examples?: unknown[];
}

/**
 * The one way plan text enters generated code as a comment. `*\/` cannot close the comment, a line
 * of plan text that starts with `@` cannot open a tag, and `@ts-ignore` (or any `@ts-` directive)
 * cannot silence the compiler, because each is broken with a backslash.
 */
export function escapeCommentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/^(\s*)@/gm, '$1\\@').replace(/(?<!\\)@(?=ts-)/g, '\\@');
}

/** A JSDoc block for `parts`, indented by `indent`; '' when there is nothing to say. */
export function jsdoc(parts: DocParts, indent = ''): string {
  // Tags are ours; everything the plan wrote goes through escapeCommentText.
  const lines: string[] = [];
  if (parts.description !== undefined && parts.description.trim() !== '') lines.push(...splitLines(parts.description).map(escapeCommentText));
  if (parts.deprecated !== undefined && parts.deprecated !== false) {
    lines.push(parts.deprecated === true ? '@deprecated' : `@deprecated ${escapeCommentText(splitLines(parts.deprecated).join(' '))}`);
  }
  for (const example of parts.examples ?? []) lines.push('@example', ...JSON.stringify(example, null, 2).split('\n').map(escapeCommentText));
  if (lines.length === 0) return '';
  if (lines.length === 1 && !lines[0]!.startsWith('@example')) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === '' ? '' : ' '}${line}`).join('\n')}\n${indent} */\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\u2028\u2029]/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
