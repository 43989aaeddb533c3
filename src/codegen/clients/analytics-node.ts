import type { ClientTemplate } from './types.js';

export const analyticsNode: ClientTemplate = {
  identityRequired: true,
  runtime: `/** The \`@segment/analytics-node\` methods the generated functions call (an \`Analytics\` instance). */
export interface AnalyticsClient {
  track(message: object): unknown;
  identify(message: object): unknown;
  group(message: object): unknown;
  page(message: object): unknown;
  screen(message: object): unknown;
  alias(message: object): unknown;
}

let $client: AnalyticsClient | undefined;

/** Sets the \`@segment/analytics-node\` instance (\`new Analytics({ writeKey })\`) that every generated function sends through. */
export function setClient(client: AnalyticsClient): void {
  $client = client;
}

function $send(call: $Call, options: CallOptions = {}): void {
  if ($client === undefined) return $warnOnce("cdp: no analytics client: call setClient(analytics) before sending events; this call was dropped");
  const { type, ...fields } = call;
  $client[type]({ ...options, ...fields });
}
`,
};
