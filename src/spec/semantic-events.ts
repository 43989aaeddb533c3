import type { SpecProperties, SpecProperty } from './property-types.js';

/**
 * Segment's semantic events: the names and properties its spec gives a meaning to, which
 * destinations map automatically. Sources: Segment's spec pages for Ecommerce v2, Video, Native
 * Mobile, B2B SaaS and Email (property names and types as documented there).
 */

export type SemanticSpec = 'ecommerce' | 'video' | 'mobile' | 'b2b-saas' | 'email';

export interface SemanticEvent {
  readonly name: string;
  readonly spec: SemanticSpec;
  readonly properties: SpecProperties;
}

const str = (description: string): SpecProperty => ({ type: 'string', description });
const num = (description: string): SpecProperty => ({ type: 'number', description });
const int = (description: string): SpecProperty => ({ type: 'integer', description });
const bool = (description: string): SpecProperty => ({ type: 'boolean', description });
const strings = (description: string): SpecProperty => ({ type: 'array', description, items: { type: 'string' } });

// ---------------------------------------------------------------------------------------------
// Ecommerce v2

const PRODUCT: SpecProperties = {
  product_id: str('Database id of the product'),
  sku: str('Stock keeping unit of the product'),
  category: str('Category of the product'),
  name: str('Name of the product'),
  brand: str('Brand of the product'),
  variant: str('Variant of the product, such as a colour'),
  price: num('Unit price of the product'),
  quantity: num('Number of units'),
  coupon: str('Coupon code tied to the product'),
  position: num('Position of the product in a list'),
  url: str('Address of the product page'),
  image_url: str('Address of the product image'),
};

const PRODUCTS: SpecProperty = {
  type: 'array',
  description: 'Products concerned by the event',
  items: { type: 'object', properties: PRODUCT },
};

const ORDER: SpecProperties = {
  order_id: str('Order or transaction id'),
  affiliation: str('Store or affiliation the order came from'),
  total: num('Revenue including discounts and coupons'),
  revenue: num('Revenue excluding shipping and tax'),
  shipping: num('Shipping cost'),
  tax: num('Total tax'),
  discount: num('Total discount'),
  coupon: str('Coupon redeemed with the order'),
  currency: str('ISO 4217 currency code'),
  products: PRODUCTS,
};

const CHECKOUT_STEP: SpecProperties = {
  checkout_id: str('Checkout transaction id'),
  step: num('Number of the checkout step'),
  shipping_method: str('Shipping method chosen'),
  payment_method: str('Payment method chosen'),
};

const PRODUCT_LIST: SpecProperties = {
  list_id: str('Id of the product list'),
  category: str('Category of the product list'),
  products: PRODUCTS,
};

const SORT_OR_FILTER: SpecProperty = {
  type: 'array',
  items: { type: 'object', properties: { type: str('Kind of filter or sort'), value: str('Value chosen') } },
};

const PROMOTION: SpecProperties = {
  promotion_id: str('Id of the promotion'),
  creative: str('Creative of the promotion'),
  name: str('Name of the promotion'),
  position: str('Where the promotion was shown'),
};

const COUPON: SpecProperties = {
  order_id: str('Order id, if any'),
  cart_id: str('Cart id, if any'),
  coupon_id: str('Id of the coupon'),
};

const WISHLIST: SpecProperties = {
  wishlist_id: str('Id of the wishlist'),
  wishlist_name: str('Name of the wishlist'),
};

const SHARE: SpecProperties = {
  share_via: str('How it was shared'),
  share_message: str('Message sent with the share'),
  recipient: str('Who it was shared with'),
};

const ECOMMERCE: Readonly<Record<string, SpecProperties>> = {
  'Products Searched': { query: { type: ['string', 'object'], description: 'Query the user searched with' } },
  'Product List Viewed': PRODUCT_LIST,
  'Product List Filtered': { ...PRODUCT_LIST, filters: SORT_OR_FILTER, sorts: SORT_OR_FILTER },
  'Promotion Viewed': PROMOTION,
  'Promotion Clicked': PROMOTION,
  'Product Clicked': PRODUCT,
  'Product Viewed': { ...PRODUCT, currency: str('ISO 4217 currency code'), value: num('Total value of the product after quantity') },
  'Product Added': { cart_id: str('Id of the cart'), ...PRODUCT },
  'Product Removed': { cart_id: str('Id of the cart'), ...PRODUCT },
  'Cart Viewed': { cart_id: str('Id of the cart'), products: PRODUCTS },
  'Checkout Started': { ...ORDER, value: num('Revenue including discounts and coupons') },
  'Checkout Step Viewed': CHECKOUT_STEP,
  'Checkout Step Completed': CHECKOUT_STEP,
  'Payment Info Entered': { ...CHECKOUT_STEP, order_id: str('Order id, if known') },
  'Order Updated': ORDER,
  'Order Completed': { checkout_id: str('Checkout transaction id'), ...ORDER, subtotal: num('Total after discounts, before tax and shipping') },
  'Order Refunded': ORDER,
  'Order Cancelled': ORDER,
  'Coupon Entered': COUPON,
  'Coupon Applied': { ...COUPON, coupon_name: str('Name of the coupon'), discount: num('Discount the coupon gave') },
  'Coupon Denied': { ...COUPON, coupon_name: str('Name of the coupon'), reason: str('Why the coupon was denied') },
  'Coupon Removed': { ...COUPON, coupon_name: str('Name of the coupon'), discount: num('Discount the coupon gave') },
  'Product Added to Wishlist': { ...WISHLIST, ...PRODUCT },
  'Product Removed from Wishlist': { ...WISHLIST, ...PRODUCT },
  'Wishlist Product Added to Cart': { ...WISHLIST, cart_id: str('Id of the cart'), ...PRODUCT },
  'Product Shared': { ...SHARE, ...PRODUCT },
  'Cart Shared': { ...SHARE, cart_id: str('Id of the cart'), products: PRODUCTS },
  'Product Reviewed': {
    product_id: str('Database id of the product'),
    review_id: str('Id of the review'),
    review_body: str('Text of the review'),
    rating: str('Rating given'),
  },
};

// ---------------------------------------------------------------------------------------------
// Video

const AD_TYPE = ['pre-roll', 'mid-roll', 'post-roll'] as const;

const PLAYBACK: SpecProperties = {
  session_id: str('Id tying together the events of one playback'),
  content_asset_id: str('Asset id of the current content'),
  content_asset_ids: strings('Asset ids of the contents of the playback (Video Playback Started)'),
  content_pod_id: str('Pod id of the current content'),
  content_pod_ids: strings('Pod ids of the playback (Video Playback Started)'),
  ad_asset_id: { type: ['string', 'array'], description: 'Asset id(s) of the ad(s)' },
  ad_pod_id: { type: ['string', 'array'], description: 'Pod id(s) of the ad(s)' },
  ad_type: { type: ['string', 'array'], description: 'Type of the ad playing', enum: AD_TYPE },
  position: int('Playhead position in seconds, ads included'),
  total_length: { type: ['integer', 'null'], description: 'Total length in seconds (null for a livestream)' },
  bitrate: int('Current kbps'),
  framerate: num('Average fps'),
  video_player: str('Name of the player'),
  sound: int('Volume from 0 (muted) to 100'),
  full_screen: bool('Whether the player is full screen'),
  ad_enabled: bool('False when an ad blocker is on'),
  quality: str('Quality of the video, such as hd1080'),
  livestream: bool('Whether the playback is a livestream'),
};

const CONTENT: SpecProperties = {
  session_id: str('Id tying together the events of one playback'),
  asset_id: str('Id of the content asset'),
  pod_id: str('Id of the content pod'),
  program: str('Program or show'),
  title: str('Title of the content'),
  description: str('Description of the content'),
  season: str('Season number'),
  episode: str('Episode number'),
  genre: str('Genre of the content'),
  publisher: str('Creator or publisher'),
  position: int('Playhead position in seconds, ads excluded'),
  total_length: { type: ['integer', 'null'], description: 'Length of the content in seconds' },
  channel: str('Channel the content plays on'),
  full_episode: bool('Whether the content is a full episode'),
  livestream: bool('Whether the content is a livestream'),
  airdate: { type: 'string', format: 'date', description: 'Original air or publication date' },
  bitrate: int('Current kbps'),
  framerate: num('Average fps'),
  keywords: strings('Keywords describing the content'),
};

const AD: SpecProperties = {
  session_id: str('Id tying together the events of one playback'),
  asset_id: str('Id of the ad asset'),
  pod_id: str('Id of the ad pod'),
  pod_position: int('Position of the ad within its pod'),
  pod_length: int('Number of ads in the pod'),
  type: { type: 'string', description: 'Type of the ad', enum: AD_TYPE },
  title: str('Title of the ad'),
  publisher: str('Creator or publisher of the ad'),
  position: int('Playhead position in seconds within the ad'),
  total_length: int('Length of the ad in seconds'),
  load_type: { type: 'string', description: 'How ads are loaded', enum: ['linear', 'dynamic'] },
  content: { type: 'object', description: 'Content metadata, for destinations that need it', properties: CONTENT },
};

const VIDEO: Readonly<Record<string, SpecProperties>> = {
  'Video Playback Started': PLAYBACK,
  'Video Playback Paused': PLAYBACK,
  'Video Playback Interrupted': { ...PLAYBACK, method: str('How the playback was interrupted') },
  'Video Playback Buffer Started': PLAYBACK,
  'Video Playback Buffer Completed': PLAYBACK,
  'Video Playback Seek Started': { ...PLAYBACK, seek_position: int('Position sought, in seconds') },
  'Video Playback Seek Completed': PLAYBACK,
  'Video Playback Resumed': PLAYBACK,
  'Video Playback Completed': PLAYBACK,
  'Video Playback Exited': PLAYBACK,
  'Video Content Started': CONTENT,
  'Video Content Playing': CONTENT,
  'Video Content Completed': CONTENT,
  'Video Ad Started': AD,
  'Video Ad Playing': { ...AD, quartile: int('Ad quartile reached (1, 2 or 3)') },
  'Video Ad Completed': AD,
  // Segment documents these four in camelCase.
  'Video Quality Updated': {
    bitrate: int('Current kbps'),
    framerate: num('Average fps'),
    startupTime: num('Time to start the playback'),
    droppedFrames: int('Frames dropped'),
  },
};

// ---------------------------------------------------------------------------------------------
// Native mobile

const APP_VERSION: SpecProperties = {
  version: str('Version of the app'),
  build: str('Build number of the app'),
};

const CAMPAIGN: SpecProperty = {
  type: 'object',
  description: 'Campaign that led to the event',
  properties: {
    name: str('Name of the campaign'),
    source: str('Ad network or push provider'),
    medium: str('Kind of link'),
    content: str('Content of the campaign'),
    ad_creative: str('Name of the ad creative'),
    ad_group: str('Name of the ad group'),
  },
};

const PUSH: SpecProperties = { action: str('Custom action of an actionable notification'), campaign: CAMPAIGN };
const DEEP_LINK: SpecProperties = { provider: str('Deep link provider'), url: str('Deep link address') };

const MOBILE: Readonly<Record<string, SpecProperties>> = {
  'Application Installed': APP_VERSION,
  'Application Opened': {
    from_background: bool('Whether the app came back from the background'),
    referring_application: str('App that opened this one'),
    url: str('Address the app was opened with'),
    ...APP_VERSION,
  },
  'Application Updated': {
    previous_version: str('Version before the update'),
    previous_build: str('Build before the update'),
    ...APP_VERSION,
  },
  'Application Backgrounded': {},
  'Application Foregrounded': {},
  'Application Crashed': {},
  'Application Uninstalled': {},
  'Install Attributed': { provider: str('Attribution provider'), campaign: CAMPAIGN },
  'Push Notification Received': { campaign: CAMPAIGN },
  'Push Notification Tapped': PUSH,
  'Push Notification Bounced': PUSH,
  'Deep Link Clicked': DEEP_LINK,
  'Deep Link Opened': DEEP_LINK,
};

// ---------------------------------------------------------------------------------------------
// B2B SaaS

const TRIAL: SpecProperties = {
  trial_start_date: { type: 'string', format: 'date-time', description: 'When the trial starts' },
  trial_end_date: { type: 'string', format: 'date-time', description: 'When the trial ends' },
  trial_plan_name: str('Plan being trialled'),
};

const B2B_SAAS: Readonly<Record<string, SpecProperties>> = {
  'Account Created': { account_name: str('Name of the account') },
  'Account Deleted': { account_name: str('Name of the account') },
  'Signed Up': {
    type: str('Kind of signup, such as invited or organic'),
    first_name: str('First name of the user'),
    last_name: str('Last name of the user'),
    email: str('Email address of the user'),
    phone: str('Phone number of the user'),
    username: str('Username of the user'),
    title: str('Title of the user'),
  },
  'Signed In': { username: str('Username of the user') },
  'Signed Out': { username: str('Username of the user') },
  'Invite Sent': {
    invitee_email: str('Email address of the person invited'),
    invitee_first_name: str('First name of the person invited'),
    invitee_last_name: str('Last name of the person invited'),
    invitee_role: str('Permission group of the person invited'),
  },
  'Account Added User': { role: str('Permission group of the user in the account') },
  'Account Removed User': {},
  'Trial Started': TRIAL,
  'Trial Ended': TRIAL,
};

// ---------------------------------------------------------------------------------------------
// Email

const EMAIL: SpecProperties = {
  email_id: str('Id of the email'),
  email_subject: str('Subject line of the email'),
  campaign_id: str('Id of the campaign'),
  campaign_name: str('Name of the campaign'),
};

const EMAIL_EVENTS: Readonly<Record<string, SpecProperties>> = {
  'Email Bounced': EMAIL,
  'Email Delivered': EMAIL,
  'Email Link Clicked': { ...EMAIL, link_id: str('Id of the link'), link_url: str('Address the link points to') },
  'Email Marked as Spam': EMAIL,
  'Email Opened': EMAIL,
  Unsubscribed: { ...EMAIL, list_id: str('Id of the list, if any'), list_name: str('Name of the list, if any') },
};

// ---------------------------------------------------------------------------------------------

function eventsOf(spec: SemanticSpec, table: Readonly<Record<string, SpecProperties>>): SemanticEvent[] {
  return Object.entries(table).map(([name, properties]) => ({ name, spec, properties }));
}

export const SEMANTIC_EVENTS: readonly SemanticEvent[] = [
  ...eventsOf('ecommerce', ECOMMERCE),
  ...eventsOf('video', VIDEO),
  ...eventsOf('mobile', MOBILE),
  ...eventsOf('b2b-saas', B2B_SAAS),
  ...eventsOf('email', EMAIL_EVENTS),
];

const BY_NAME: ReadonlyMap<string, SemanticEvent> = new Map(SEMANTIC_EVENTS.map((e) => [e.name, e]));

/** The semantic event with exactly this name ("Order Completed"), if any. */
export function getSemanticEvent(name: string): SemanticEvent | undefined {
  return BY_NAME.get(name);
}

/** Whether `name` is exactly a semantic event name (case and spacing included). */
export function isSemanticEventName(name: string): boolean {
  return BY_NAME.has(name);
}
