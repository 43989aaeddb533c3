import type { ClientName } from './clients/types.js';

export { CLIENT_NAMES, type ClientName } from './clients/types.js';

/** Where `cdp codegen` writes unless told otherwise; `cdp scan` never scans it. */
export const DEFAULT_OUT = 'src/analytics.generated.ts';

export const VALIDATE_MODES = ['off', 'dev', 'always'] as const;
export type ValidateMode = (typeof VALIDATE_MODES)[number];

/** How to generate: which library the functions call, and whether payloads are validated at run time. */
export interface ModuleOptions {
  client: ClientName;
  validate: ValidateMode;
}
