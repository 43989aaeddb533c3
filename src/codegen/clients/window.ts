import { BROWSER_CLIENT_INTERFACE, browserSend } from './browser-api.js';
import type { ClientTemplate } from './types.js';

// Read at every call: the analytics.js snippet replaces its stub with the loaded library.
export const windowAnalytics: ClientTemplate = {
  identityRequired: false,
  runtime: `${BROWSER_CLIENT_INTERFACE}
${browserSend('(globalThis as { analytics?: AnalyticsClient }).analytics', 'cdp: window.analytics is not defined: add the analytics.js snippet to the page; this call was dropped')}`,
};
