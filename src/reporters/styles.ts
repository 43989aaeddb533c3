import type { ChalkInstance } from 'chalk';

const NAMES = ['bold', 'cyan', 'dim', 'green', 'red', 'underline', 'yellow'] as const;
type StyleName = (typeof NAMES)[number];

/** A style, which chains as chalk's do (`red.bold`). */
export type Style = ((text: string) => string) & { readonly [K in StyleName]: Style };
/** The styles reporters use, chalk's or none. */
export type Styles = { readonly [K in StyleName]: Style };

/** Every style, and every chain of them, leaves the text as it is. */
const PLAIN = ((text: string) => text) as unknown as Style;
for (const name of NAMES) Object.defineProperty(PLAIN, name, { value: PLAIN });

let chalk: ChalkInstance | undefined;

/**
 * Loads chalk. It is an ES module only, so on Node 20 it cannot be loaded at the moment a reporter
 * needs it; and loading it costs about 12 ms (supports-color brings node:os and node:tty), a tenth
 * of `node -e 0`, which output without colour (CI, pipes, files) need not pay. The CLI calls this
 * before a command runs whenever colour is possible (see colorPossible in src/cli/io.ts).
 */
export async function loadColors(): Promise<void> {
  chalk ??= new (await import('chalk')).Chalk({ level: 1 });
}

/** chalk at level 1 when `color`, else styles that change nothing. */
export function styles(color: boolean): Styles {
  if (!color) return PLAIN;
  if (!chalk) throw new Error('colour output was asked for before chalk was loaded (loadColors)');
  return chalk;
}
