/**
 * The part of the analytics.js API (`@segment/analytics-next`, and the `window.analytics` snippet)
 * the generated functions call, typed structurally so generated code imports nothing.
 */
export const BROWSER_CLIENT_INTERFACE = `/** The analytics.js methods the generated functions call: an \`AnalyticsBrowser\` from \`@segment/analytics-next\`, or \`window.analytics\`. */
export interface AnalyticsClient {
  track(event: string, properties?: object, options?: object): unknown;
  identify(userId?: string | null, traits?: object, options?: object): unknown;
  group(groupId: string, traits?: object, options?: object): unknown;
  page(category?: string | null, name?: string | null, properties?: object, options?: object): unknown;
  screen(category?: string | null, name?: string | null, properties?: object, options?: object): unknown;
  alias(to: string, from?: string, options?: object): unknown;
}
`;

/** Sends a call through analytics.js; `client` is an expression of type `AnalyticsClient | undefined`. */
export function browserSend(client: string, missing: string): string {
  return `function $send(call: $Call, options: CallOptions = {}): void {
  const client = ${client};
  if (client === undefined) return $warnOnce(${JSON.stringify(missing)});
  switch (call.type) {
    case "track":
      client.track(call.event, call.properties, options);
      break;
    case "identify":
      client.identify(options.userId ?? null, call.traits, options);
      break;
    case "group":
      client.group(call.groupId, call.traits, options);
      break;
    case "page":
      client.page(null, call.name ?? null, call.properties, options);
      break;
    case "screen":
      client.screen(null, call.name, call.properties, options);
      break;
    case "alias":
      client.alias(call.userId, call.previousId, options);
      break;
  }
}
`;
}
