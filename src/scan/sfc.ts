const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;

/**
 * The `<script>` blocks of a Vue or Svelte single-file component as one TypeScript text of the same
 * length: everything outside the blocks becomes spaces (line breaks kept), so positions found in it
 * are the component's own lines and columns.
 */
export function scriptBlocks(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const bodyStart = match.index + match[1]!.length;
    out += blank(text.slice(last, bodyStart)) + match[2]!;
    last = bodyStart + match[2]!.length;
  }
  return out + blank(text.slice(last));
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

export function isSingleFileComponent(file: string): boolean {
  return file.endsWith('.vue') || file.endsWith('.svelte');
}
