import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';

// Every write to stdout throws, so a command ends on cdp's internal-error path.
const BROKEN_STDOUT = { NODE_OPTIONS: `--import ${fileURLToPath(new URL('../fixtures/startup/broken-stdout.mjs', import.meta.url))}` };

/** The frames of a stack trace below the package (not its dependencies), as file, line and column. */
function ownFrames(stack: string): { file: string; line: number; column: number }[] {
  return [...stack.matchAll(/\(?(?:file:\/\/)?([^\s()]+):(\d+):(\d+)\)?$/gm)]
    .filter(([, file]) => file!.startsWith(ROOT) && !file!.includes('/node_modules/') && !file!.includes('/test/'))
    .map(([, file, line, column]) => ({ file: file!.slice(ROOT.length), line: Number(line), column: Number(column) }));
}

/** The source text from line `line`, column `column` (both 1-based) of `file` to the line's end. */
const textAt = (file: string, line: number, column: number) => readFileSync(join(ROOT, file), 'utf8').split('\n')[line - 1]!.slice(column - 1);

describe('source maps', () => {
  it('with CDP_DEBUG=1 an internal error prints a stack trace of src/ files and lines, through the chunks of dist/', () => {
    const r = cdp(['check', 'plans/ecommerce.yaml'], { env: { ...BROKEN_STDOUT, CDP_DEBUG: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdp: internal error: stdout is broken$/m);
    const frames = ownFrames(r.stderr).filter((frame) => frame.file !== 'bin/cdp.js');
    // check's own chunk, the chunks it shares, and main's.
    expect(frames.map((frame) => frame.file)).toEqual(expect.arrayContaining(['src/cli/check.ts', 'src/cli/main.ts']));
    for (const frame of frames) expect(frame.file).toMatch(/^src\/.+\.ts$/);
    // The innermost frame is the write that failed; main's is where it runs the command.
    expect(textAt(frames[0]!.file, frames[0]!.line, frames[0]!.column)).toMatch(/^write\(/);
    const main = frames.find((frame) => frame.file === 'src/cli/main.ts')!;
    expect(textAt(main.file, main.line, 1)).toContain('program.parseAsync(argv)');
  });

  it('without CDP_DEBUG the same error prints one line and a hint, no stack', () => {
    const r = cdp(['check', 'plans/ecommerce.yaml'], { env: BROKEN_STDOUT });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdp: internal error: stdout is broken\nPlease report this with the command you ran. Set CDP_DEBUG=1 to print the stack trace.\n');
  });
});
