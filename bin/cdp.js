#!/usr/bin/env node
import module from 'node:module';

// Where Node has it (22.1 and later), V8 keeps the code it compiled for cdp's modules between runs,
// in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has none.
module.enableCompileCache?.();
// dist/ is a bundle: the stack trace CDP_DEBUG prints names src/ files and lines through the source
// maps next to its chunks. Node reads a map only once they are on, so other runs do not pay for them.
if (process.env.CDP_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv);
