import { createRequire } from 'node:module';
import type * as Commander from 'commander';

// commander is CommonJS. Required directly it loads in about 14 ms; imported, through its ES
// wrapper and Node's translation of CommonJS for `import`, in about 19 ms: a twentieth of
// `node -e 0`, paid by every command, `cdp --version` too (one run of each, 5 times, 2 cores).
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const { Command, CommanderError, Help, Option } = commander;
