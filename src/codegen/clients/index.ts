import { analyticsNext } from './analytics-next.js';
import { analyticsNode } from './analytics-node.js';
import { customSink } from './custom.js';
import type { ClientName, ClientTemplate } from './types.js';
import { windowAnalytics } from './window.js';

export { CLIENT_NAMES, type ClientName, type ClientTemplate } from './types.js';

export const CLIENTS: Readonly<Record<ClientName, ClientTemplate>> = {
  'analytics-next': analyticsNext,
  'analytics-node': analyticsNode,
  window: windowAnalytics,
  custom: customSink,
};
