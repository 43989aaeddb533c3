export const CLIENT_NAMES = ['analytics-next', 'analytics-node', 'window', 'custom'] as const;
export type ClientName = (typeof CLIENT_NAMES)[number];

/** What a client contributes to the generated module. */
export interface ClientTemplate {
  /**
   * Declarations the client needs, ending with `function $send(call: $Call, options?: ...): void`,
   * which hands one call to the analytics library (or the user's sink).
   */
  runtime: string;
  /** Whether every call must carry userId or anonymousId in its options (server-side libraries). */
  identityRequired: boolean;
}
