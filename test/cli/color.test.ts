import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { colorPossible, useColor } from '../../src/cli/io.js';

describe('colour', () => {
  // chalk is loaded only when colorPossible says so, and styles(true) without it is an internal
  // error: so wherever a report may be coloured, colorPossible must have said yes.
  it('is possible wherever useColor may turn it on, for stdout and for stderr', () => {
    let cases = 0;
    for (const flag of [undefined, true, false])
      for (const noColor of [undefined, '1'])
        for (const force of [undefined, '0', 'false', '1', 'true', ''])
          for (const stdoutTty of [false, true])
            for (const stderrTty of [false, true])
              for (const toFile of [false, true]) {
                const env: Record<string, string> = {};
                if (noColor !== undefined) env.NO_COLOR = noColor;
                if (force !== undefined) env.FORCE_COLOR = force;
                const io = { cwd: '/', env, stdout: { write() {}, isTTY: stdoutTty }, stderr: { write() {}, isTTY: stderrTty } } as Io;
                const argv = ['node', 'cdp', 'lint', ...(flag === true ? ['--color'] : flag === false ? ['--no-color'] : [])];
                const colored = useColor(flag, io, toFile) || useColor(flag, { ...io, stdout: io.stderr }, false);
                if (colored) expect(colorPossible(argv, io), JSON.stringify({ flag, env, stdoutTty, stderrTty, toFile })).toBe(true);
                cases++;
              }
    expect(cases).toBe(3 * 2 * 6 * 2 * 2 * 2);
    // And it is not always true: a pipe with no flag and no FORCE_COLOR leaves chalk unloaded.
    expect(colorPossible(['node', 'cdp', 'lint'], { env: {}, stdout: { write() {}, isTTY: false }, stderr: { write() {}, isTTY: false } })).toBe(false);
  });
});
