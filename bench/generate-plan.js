import { createRandom } from './random.js';

const OBJECTS = ['Account', 'Article', 'Audio', 'Banner', 'Basket', 'Booking', 'Campaign', 'Card', 'Cart', 'Channel', 'Chart', 'Checkout', 'Comment', 'Contract', 'Coupon', 'Course', 'Dashboard', 'Deal', 'Device', 'Document', 'Draft', 'Email', 'Experiment', 'Export', 'Feature', 'Feed', 'File', 'Filter', 'Folder', 'Form', 'Goal', 'Group', 'Invoice', 'Item', 'Lead', 'Lesson', 'List', 'Map', 'Meeting', 'Message', 'Model', 'Note', 'Notification', 'Offer', 'Order', 'Page', 'Payment', 'Photo', 'Playlist', 'Plan', 'Post', 'Product', 'Profile', 'Project', 'Quote', 'Receipt', 'Report', 'Review', 'Reward', 'Room', 'Rule', 'Search', 'Seat', 'Segment', 'Session', 'Setting', 'Shipment', 'Snippet', 'Survey', 'Table', 'Tag', 'Task', 'Team', 'Template', 'Ticket', 'Tour', 'Track', 'Trip', 'Upload', 'Video', 'View', 'Wallet', 'Webhook', 'Widget', 'Workspace'];
const AREAS = ['', 'Admin ', 'Billing ', 'Mobile ', 'Partner ', 'Public ', 'Shared ', 'Team ', 'Trial ', 'Web '];
const VERBS = ['Archived', 'Assigned', 'Bookmarked', 'Cancelled', 'Cloned', 'Closed', 'Commented', 'Confirmed', 'Created', 'Deleted', 'Downloaded', 'Edited', 'Exported', 'Expired', 'Favorited', 'Filtered', 'Imported', 'Invited', 'Locked', 'Moved', 'Opened', 'Paused', 'Pinned', 'Previewed', 'Printed', 'Published', 'Renamed', 'Reopened', 'Reported', 'Restored', 'Resumed', 'Saved', 'Scheduled', 'Selected', 'Sent', 'Shared', 'Sorted', 'Started', 'Submitted', 'Synced', 'Tagged', 'Unlocked', 'Updated', 'Uploaded', 'Verified', 'Viewed'];
const PROPS = ['id', 'name', 'source', 'position', 'count', 'duration_ms', 'status', 'plan', 'currency', 'amount', 'label', 'category', 'page_url', 'referrer', 'query', 'size_bytes', 'is_first', 'tags', 'owner_id', 'team_id', 'variant', 'reason', 'method', 'step', 'items'];

/** A realistic large plan (events, reusable types, identify/group traits) as YAML text. */
export function generatePlan(eventCount, seed = 7) {
  const rnd = createRandom(seed);
  const names = new Set();
  while (names.size < eventCount) names.add(`${rnd.pick(AREAS)}${rnd.pick(OBJECTS)} ${rnd.pick(VERBS)}`);
  const lines = [
    'plan: bench-large',
    'version: 1',
    'conventions: { event: object-action, property: snake_case }',
    'defaults: { unplanned_events: error, unplanned_properties: warn }',
    'types:',
    '  Currency: { type: string, pattern: "^[A-Z]{3}$", description: ISO 4217 code }',
    '  Item:',
    '    type: object',
    '    properties:',
    '      item_id: { type: string, required: true }',
    '      price: { type: number, minimum: 0 }',
    '      quantity: { type: integer, minimum: 1 }',
    'events:',
  ];
  for (const name of names) {
    lines.push(`  ${name}:`, `    description: Sent when a user's ${name.toLowerCase()} (generated).`);
    if (rnd.chance(0.05)) lines.push('    deprecated: true');
    lines.push('    properties:');
    const count = rnd.int(3, 12);
    const used = new Set();
    for (let i = 0; i < count; i++) {
      const prop = rnd.pick(PROPS);
      if (used.has(prop)) continue;
      used.add(prop);
      lines.push(`      ${prop}: ${propertyDef(prop, rnd)}`);
    }
  }
  lines.push(
    'identify:',
    '  traits:',
    '    email: { type: string, format: email }',
    '    firstName: string',
    '    createdAt: { type: string, format: date-time }',
    'group:',
    '  traits:',
    '    name: string',
    '    employees: integer',
  );
  return lines.join('\n') + '\n';
}

function propertyDef(prop, rnd) {
  const required = rnd.chance(0.3) ? ', required: true' : '';
  switch (prop) {
    case 'currency':
      return 'Currency';
    case 'items':
      return '{ type: array, items: Item }';
    case 'count':
    case 'position':
    case 'step':
      return `{ type: integer, minimum: 0${required} }`;
    case 'amount':
    case 'duration_ms':
    case 'size_bytes':
      return `{ type: number, minimum: 0, maximum: 1000000000${required} }`;
    case 'is_first':
      return 'boolean';
    case 'tags':
      return '{ type: array, items: string, maxItems: 20 }';
    case 'status':
      return `{ enum: [active, paused, archived]${required} }`;
    case 'page_url':
    case 'referrer':
      return `{ type: string, format: uri${required} }`;
    default:
      return `{ type: string, maxLength: 200${required} }`;
  }
}
