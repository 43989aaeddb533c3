import { BROWSER_CLIENT_INTERFACE, browserSend } from './browser-api.js';
import type { ClientTemplate } from './types.js';

export const analyticsNext: ClientTemplate = {
  identityRequired: false,
  runtime: `${BROWSER_CLIENT_INTERFACE}
let $client: AnalyticsClient | undefined;

/** Sets the \`@segment/analytics-next\` instance (\`AnalyticsBrowser.load({ writeKey })\`) that every generated function sends through. */
export function setClient(client: AnalyticsClient): void {
  $client = client;
}

${browserSend('$client', 'cdp: no analytics client: call setClient(analytics) before sending events; this call was dropped')}`,
};
