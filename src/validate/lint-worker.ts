import { parentPort, workerData } from 'node:worker_threads';
import type { WorkUnit } from '../ingest/types.js';
import { createChecker, type CheckerSetup } from './checker-setup.js';
import { checkUnit } from './unit-output.js';

// Worker thread entry: builds its own checker from the plan (validators compile per thread),
// then checks the units the pool sends, one message in, one message out.
const setup = workerData as CheckerSetup;
const checker = await createChecker(setup);
const port = parentPort!;
port.on('message', ({ id, unit }: { id: number; unit: WorkUnit }) => {
  try {
    port.postMessage({ id, result: checkUnit(unit, checker, setup.output) });
  } catch (error) {
    port.postMessage({ id, error: (error as Error)?.stack ?? String(error) });
  }
});
