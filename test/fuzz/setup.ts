import { fileURLToPath } from 'node:url';
import { loadApi } from './api.js';

export const SRC = fileURLToPath(new URL('../../src', import.meta.url));
export const FUZZ_PLAN = fileURLToPath(new URL('../fixtures/fuzz/plan.yaml', import.meta.url));

/** The code under test, from src. */
export const api = await loadApi(SRC);
