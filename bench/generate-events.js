// Generates a realistic NDJSON event log for `plans/ecommerce.yaml` (and its include
// ecommerce/engagement.yaml): Segment-shaped track / identify / page calls with the envelope real
// sources send (messageId, timestamps, ids, context, integrations), about 90% valid against the plan
// and the rest wrong in the ways real logs are wrong. Deterministic for a given seed (bench/random.js,
// a fixed clock), written in chunks with fs.writeSync, so memory stays flat whatever the count.
//
// Lines average ~650 bytes: the envelope alone (ids, messageId, three ISO timestamps, type) is ~240
// bytes, and a browser context (page, userAgent, ip, locale) another ~330, so browser events run
// 600-900 bytes; server-side (analytics-node) and mobile events with a smaller context bring the mean down.
//
//   node bench/generate-events.js <out.ndjson> [count=1000000] [seed=1]   # prints the stats as JSON
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom } from './random.js';

/** Shares of each defect among invalid events; together they make ~9.9% of the log, malformed lines 0.1%. */
const DEFECTS = [
  ['missing-required', 17],
  ['wrong-type', 17],
  ['unplanned-property', 14],
  ['unplanned-event', 13],
  ['misspelt-event', 10],
  ['camel-case-keys', 10],
  ['bad-timestamp', 10],
  ['missing-ids', 9],
];
const INVALID_SHARE = 0.099;
const MALFORMED_SHARE = 0.001;

/** Track events of the plan, with their share of track calls (a storefront funnel narrows). */
const TRACK = [
  ['Product Viewed', 20],
  ['Product List Viewed', 8],
  ['Product Clicked', 8],
  ['Products Searched', 6],
  ['Product List Filtered', 2],
  ['Promotion Viewed', 4],
  ['Promotion Clicked', 2],
  ['Product Added', 12],
  ['Product Removed', 3],
  ['Cart Viewed', 6],
  ['Checkout Started', 5],
  ['Checkout Step Viewed', 5],
  ['Checkout Step Completed', 4],
  ['Payment Info Entered', 3],
  ['Order Completed', 5],
  ['Order Refunded', 0.3],
  ['Coupon Entered', 1],
  ['Coupon Applied', 0.8],
  ['Coupon Denied', 0.3],
  ['Product Added to Wishlist', 1.5],
  ['Product Shared', 0.6],
  ['Product Reviewed', 0.8],
];
/** Required properties per event (after the plan's `required:` lists and `required: true`). */
const REQUIRED = {
  'Products Searched': ['query'],
  'Promotion Viewed': ['promotion_id'],
  'Promotion Clicked': ['promotion_id'],
  'Product Clicked': ['product_id'],
  'Product Viewed': ['product_id'],
  'Product Added': ['cart_id', 'product_id'],
  'Product Removed': ['cart_id', 'product_id'],
  'Cart Viewed': ['cart_id'],
  'Checkout Started': ['order_id'],
  'Checkout Step Viewed': ['checkout_id', 'step'],
  'Checkout Step Completed': ['checkout_id', 'step'],
  'Payment Info Entered': ['checkout_id'],
  'Order Completed': ['order_id', 'currency', 'products'],
  'Order Refunded': ['order_id'],
  'Coupon Entered': ['coupon_id'],
  'Coupon Applied': ['coupon_id'],
  'Coupon Denied': ['coupon_id'],
  'Product Added to Wishlist': ['wishlist_id', 'product_id'],
  'Product Shared': ['share_via', 'product_id'],
  'Product Reviewed': ['product_id', 'review_id', 'rating'],
};
const MISSPELT = {
  'Order Completed': ['Order Complete', 'Order Completd', 'order completed', 'Completed Order'],
  'Product Added': ['Product Add', 'Added Product', 'product_added', 'Product Addded'],
  'Product Viewed': ['Product Veiwed', 'Product View', 'product viewed', 'Viewed Product'],
  'Checkout Started': ['Checkout Start', 'Check Out Started', 'checkout_started'],
  'Cart Viewed': ['Cart Viewd', 'View Cart', 'Cart viewed'],
  'Product Clicked': ['Product Click', 'Product Clickd'],
  'Products Searched': ['Product Searched', 'Products Search', 'Searched Products'],
};
const UNPLANNED_EVENTS = ['Newsletter Subscribed', 'Banner Closed', 'Size Guide Opened', 'Store Locator Searched', 'Live Chat Started', 'Video Played', 'Filter Panel Opened', 'Gift Wrap Selected', 'Delivery Slot Chosen', 'App Rating Prompted'];
const UNPLANNED_PROPS = [
  ['discount_code', () => 'SPRING25'],
  ['experiment_variant', (r) => r.pick(['control', 'treatment_a', 'treatment_b'])],
  ['utm_source', (r) => r.pick(['google', 'newsletter', 'facebook'])],
  ['session_id', (r) => r.int(1_600_000_000, 1_800_000_000)],
  ['page_type', (r) => r.pick(['pdp', 'plp', 'home'])],
  ['is_logged_in', (r) => r.chance(0.5)],
  ['store_id', (r) => `store_${r.int(1, 400)}`],
];

const CATEGORIES = ['Games', 'Puzzles', 'Toys', 'Books', 'Outdoor', 'Kitchen', 'Garden', 'Electronics', 'Beauty', 'Apparel', 'Shoes', 'Sports'];
const BRANDS = ['Hasbro', 'Mattel', 'Ravensburger', 'LEGO', 'Acme', 'Brio', 'Playmobil', 'Melissa & Doug', 'Crème & Co', 'Zoë Living', 'Nordic Outdoor', 'Kitchenly'];
const NOUNS = ['Board Game', 'Jigsaw Puzzle', 'Building Set', 'Cook Book', 'Camping Chair', 'Chef Knife', 'Watering Can', 'Headphones', 'Face Cream', 'Rain Jacket', 'Trail Shoes', 'Yoga Mat', 'Card Game', 'Train Set', 'Doll House'];
const ADJECTIVES = ['Classic', 'Deluxe', 'Junior', 'Family', 'Travel', 'Pro', 'Mini', 'Ultimate', 'Eco', 'Limited Edition'];
const VARIANTS = ['Black', 'White', 'Red', 'Blue', '200 pieces', '500 pieces', '1000 pieces', 'Small', 'Medium', 'Large', 'XL'];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
];
const LOCALES = ['en-US', 'en-US', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'en-CA'];
const LIBRARIES = [
  { name: 'analytics.js', version: 'next-1.70.0' },
  { name: 'analytics.js', version: 'next-1.70.0' },
  { name: 'analytics.js', version: '4.1.0' },
];
const SERVER_LIBRARY = { name: 'analytics-node', version: '2.1.2' };
const MOBILE_APP = { name: 'Acme', version: '5.2.1' };
const MOBILE = [
  { os: { name: 'iOS', version: '17.4.1' }, library: { name: 'analytics-swift', version: '1.5.11' } },
  { os: { name: 'Android', version: '14' }, library: { name: 'analytics-kotlin', version: '1.15.0' } },
];
const REFERRERS = ['', '', '', 'https://www.google.com/', 'https://www.bing.com/', 'https://l.facebook.com/', 'https://www.acme-store.com/'];
const CAMPAIGNS = [
  { name: 'spring_sale', source: 'newsletter', medium: 'email' },
  { name: 'brand_search', source: 'google', medium: 'cpc', term: 'board games' },
  { name: 'retargeting_q2', source: 'facebook', medium: 'paid_social', content: 'carousel_3' },
];
const INTEGRATIONS = [{ All: true, Mixpanel: false }, { 'Google Analytics': { clientId: '1781226478.1712995842' } }, { Amplitude: { session_id: 1712995842331 } }, { All: false, Salesforce: true }];
const SEARCH_TERMS = ['blue roses', 'monopoly', 'lego star wars', 'rain jacket men', 'yoga mat', 'puzzle 1000', 'kids headphones', 'chef knife set'];
const FIRST = ['Peter', 'Samir', 'Joanna', 'Milton', 'Anne', 'Lea', 'Chloé', 'Jürgen', 'Maya', 'Tom', 'Priya', 'Olu'];
const LAST = ['Gibbons', 'Nagheenanajar', 'Smith', 'Waddams', 'Lumbergh', 'Müller', 'Dubois', 'García', 'Okafor', 'Kim'];
const CITIES = [
  { city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'USA' },
  { city: 'Austin', state: 'TX', postalCode: '73301', country: 'USA' },
  { city: 'London', state: 'England', postalCode: 'SW1A 1AA', country: 'GB' },
  { city: 'Berlin', state: 'Berlin', postalCode: '10115', country: 'DE' },
];
const COUPONS = ['MAY_DEALS_3', 'WELCOME10', 'FREESHIP', 'hasbros', 'VIP20'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'CAD'];
const PAYMENT = ['card', 'card', 'card', 'paypal', 'apple_pay', 'google_pay', 'gift_card', 'bank_transfer'];
const SHIPPING = ['standard', 'express', 'pickup', 'next_day'];
const PROMOS = [
  { promotion_id: 'promo_1', creative: 'top_banner_2', name: '75% store-wide shoe sale', position: 'home_banner_top' },
  { promotion_id: 'promo_7', creative: 'side_tile_1', name: 'Free shipping weekend', position: 'plp_sidebar' },
  { promotion_id: 'promo_12', creative: 'popup_3', name: 'Puzzle week', position: 'exit_intent' },
];
const TRACK_SOURCES = weighted([['browser', 25], ['server', 55], ['mobile', 20]]);
const IDENTIFY_SOURCES = weighted([['browser', 35], ['server', 65]]);
const SITE = 'https://acme.shop';
const EPOCH = Date.UTC(2025, 2, 1, 8, 0, 0); // a fixed clock keeps the output identical on every run

/** Cumulative table for weighted picks. */
function weighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return entries.map(([v, w]) => [v, (acc += w) / total]);
}
function pickWeighted(table, r) {
  const x = r.next();
  for (const [v, c] of table) if (x < c) return v;
  return table[table.length - 1][0];
}

const HEX = '0123456789abcdef';
function hex(r, n) {
  let s = '';
  while (s.length < n) {
    let v = (r.next() * 4294967296) >>> 0;
    for (let i = 0; i < 8 && s.length < n; i++, v >>>= 4) s += HEX[v & 15];
  }
  return s;
}
function uuid(r) {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${HEX[8 + (h.charCodeAt(16) & 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}
const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const money = (x) => Math.round(x * 100) / 100;
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** A product catalogue, so the same products recur across views, carts and orders as in real logs. */
function catalogue(r, size) {
  const products = [];
  for (let i = 0; i < size; i++) {
    const category = r.pick(CATEGORIES);
    const name = `${r.pick(BRANDS)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    const product_id = hex(r, 24);
    const sku = `${String.fromCharCode(65 + r.int(0, 25))}-${r.int(10, 99999)}`;
    products.push({
      product_id,
      sku,
      category,
      name,
      brand: name.split(' ')[0],
      variant: r.chance(0.6) ? r.pick(VARIANTS) : undefined,
      price: money(r.int(199, 24999) / 100),
      path: `/p/${sku.toLowerCase()}`,
      url: `${SITE}/p/${sku.toLowerCase()}`,
      image_url: `https://cdn.acme.shop/i/${product_id.slice(0, 12)}.jpg`,
    });
  }
  return products;
}

/**
 * Returns `make(forced?, kind?)`, which produces one event: `{ line, kind, defect }` where `line` is the
 * NDJSON text without its newline, `kind` is `track`/`identify`/`page` and `defect` is undefined for a
 * valid event, the defect name for an invalid one and `malformed` for a truncated line. `forced`
 * ('valid', 'invalid', 'malformed' or a defect name) and `kind` override the random choice.
 */
export function createEventFactory({ seed = 1 } = {}) {
  const r = createRandom(seed);
  const products = catalogue(r, 400);
  const trackTable = weighted(TRACK);
  const defectTable = weighted(DEFECTS);
  const users = Array.from({ length: 5000 }, () => ({ userId: `usr_${hex(r, 12)}`, anonymousId: uuid(r), ip: `${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, ua: r.pick(USER_AGENTS), locale: r.pick(LOCALES), mobile: r.pick(MOBILE) }));
  let clock = EPOCH;

  const product = () => r.pick(products);
  /** A product as sent inside `products` arrays (lists, carts, orders): a subset of the fields. */
  const lineItem = (p, position, withQuantity) => {
    const item = { product_id: p.product_id, sku: p.sku, price: p.price };
    if (r.chance(0.5)) item.name = p.name;
    if (withQuantity) item.quantity = r.int(1, 3);
    if (position !== undefined) item.position = position;
    if (r.chance(0.4)) item.category = p.category;
    return item;
  };
  const productProps = (p, extra) => {
    const props = { product_id: p.product_id, sku: p.sku, name: p.name, price: p.price };
    if (r.chance(0.5)) props.category = p.category;
    if (r.chance(0.3)) props.brand = p.brand;
    if (p.variant !== undefined && r.chance(0.5)) props.variant = p.variant;
    Object.assign(props, extra);
    if (r.chance(0.25)) props.url = p.url;
    if (r.chance(0.1)) props.image_url = p.image_url;
    return props;
  };
  /** Order fields; `completed` adds what only Order Completed has (checkout_id, subtotal, total, payment). */
  const orderBody = (completed) => {
    const items = Array.from({ length: r.chance(0.7) ? 1 : r.int(2, 3) }, () => lineItem(product(), undefined, true));
    const subtotal = money(items.reduce((s, i) => s + i.price * i.quantity, 0));
    const shipping = r.pick([0, 0, 4.99, 9.99]);
    const tax = money(subtotal * 0.08);
    const discount = r.chance(0.25) ? money(subtotal * 0.1) : 0;
    const props = { order_id: hex(r, 24) };
    if (completed) props.checkout_id = `chk_${hex(r, 10)}`;
    props.affiliation = r.chance(0.8) ? 'Acme Web Store' : 'Acme App';
    if (completed) {
      props.subtotal = money(subtotal - discount);
      props.total = money(subtotal - discount + shipping + tax);
    } else {
      props.value = money(subtotal - discount + shipping + tax);
    }
    props.revenue = money(subtotal - discount);
    props.shipping = shipping;
    props.tax = tax;
    props.discount = discount;
    if (discount > 0) props.coupon = r.pick(COUPONS);
    else if (completed) props.coupon = null; // Order Completed allows null, Checkout Started does not
    props.currency = r.pick(CURRENCIES);
    if (completed) props.payment_method = r.pick(PAYMENT);
    props.products = items;
    return props;
  };

  const trackProperties = {
    'Product Viewed': () => {
      const p = product();
      return productProps(p, { currency: r.pick(CURRENCIES), value: p.price });
    },
    'Product Clicked': () => productProps(product(), { position: r.int(1, 48) }),
    'Product List Viewed': () => ({ list_id: `${slug(r.pick(CATEGORIES))}_${r.int(1, 9)}`, category: r.pick(CATEGORIES), products: Array.from({ length: r.int(1, 2) }, (_, i) => lineItem(product(), i + 1, false)) }),
    'Product List Filtered': () => ({
      list_id: `${slug(r.pick(CATEGORIES))}_${r.int(1, 9)}`,
      category: r.pick(CATEGORIES),
      filters: [{ type: 'price', value: r.pick(['under-25', '25-50', '50-100']) }],
      sorts: [{ type: 'price', value: r.pick(['asc', 'desc']) }],
      products: [lineItem(product(), 1, false)],
    }),
    'Products Searched': () => ({ query: r.pick(SEARCH_TERMS) }),
    'Promotion Viewed': () => ({ ...r.pick(PROMOS) }),
    'Promotion Clicked': () => ({ ...r.pick(PROMOS) }),
    'Product Added': () => ({ cart_id: hex(r, 16), ...productProps(product(), { quantity: r.int(1, 3) }) }),
    'Product Removed': () => ({ cart_id: hex(r, 16), ...productProps(product(), { quantity: 1 }) }),
    'Cart Viewed': () => ({ cart_id: hex(r, 16), products: Array.from({ length: r.int(1, 2) }, () => lineItem(product(), undefined, true)) }),
    'Checkout Started': () => orderBody(false),
    'Checkout Step Viewed': () => ({ checkout_id: `chk_${hex(r, 10)}`, step: r.int(1, 4), shipping_method: r.pick(SHIPPING), payment_method: r.pick(PAYMENT) }),
    'Checkout Step Completed': () => ({ checkout_id: `chk_${hex(r, 10)}`, step: r.int(1, 4), shipping_method: r.pick(SHIPPING), payment_method: r.pick(PAYMENT) }),
    'Payment Info Entered': () => ({ checkout_id: `chk_${hex(r, 10)}`, order_id: hex(r, 24), step: 3, shipping_method: r.pick(SHIPPING), payment_method: r.pick(PAYMENT) }),
    'Order Completed': () => orderBody(true),
    'Order Refunded': () => ({ order_id: hex(r, 24), total: money(r.int(500, 20000) / 100), currency: r.pick(CURRENCIES) }),
    'Coupon Entered': () => ({ cart_id: hex(r, 16), coupon_id: r.pick(COUPONS) }),
    'Coupon Applied': () => ({ cart_id: hex(r, 16), coupon_id: r.pick(COUPONS), coupon_name: 'Spring sale', discount: money(r.int(100, 2500) / 100) }),
    'Coupon Denied': () => ({ cart_id: hex(r, 16), coupon_id: r.pick(COUPONS), reason: r.pick(['expired', 'not_found', 'minimum_not_met', 'already_used', 'not_eligible']) }),
    'Product Added to Wishlist': () => ({ wishlist_id: hex(r, 16), wishlist_name: r.pick(['Birthday', 'Loved Games', 'Xmas']), ...productProps(product(), {}) }),
    'Product Shared': () => {
      const p = product();
      return { share_via: r.pick(['email', 'sms', 'link', 'whatsapp']), share_message: 'Thought you might like this', product_id: p.product_id, sku: p.sku, name: p.name, price: p.price, url: p.url };
    },
    'Product Reviewed': () => ({ product_id: product().product_id, review_id: hex(r, 15), review_body: r.pick(['I love this product', 'Arrived broken, replacement was quick.', 'Great value for money!']), rating: r.int(1, 5) }),
  };

  /**
   * Context as each kind of source sends it: analytics.js in the browser (page, userAgent, locale,
   * campaign sometimes; Segment adds the ip), a mobile SDK (app, os, device) or a server library
   * (little more than the library, as with analytics-node).
   */
  const context = (user, source, page) => {
    if (source === 'server') return r.chance(0.4) ? { library: SERVER_LIBRARY, ip: user.ip } : { library: SERVER_LIBRARY };
    if (source === 'mobile') return { app: MOBILE_APP, os: user.mobile.os, library: user.mobile.library, locale: user.locale };
    const ctx = { library: r.pick(LIBRARIES), page, userAgent: user.ua, ip: user.ip, locale: user.locale };
    if (r.chance(0.12)) ctx.campaign = { ...r.pick(CAMPAIGNS) };
    return ctx;
  };
  const pageContext = (path, title) => ({ path, referrer: r.pick(REFERRERS), title, url: `${SITE}${path}` });

  /** Page call for one of the plan's pages; `properties` mirror context.page as analytics.js sends them. */
  const pageCall = () => {
    const x = r.next();
    if (x < 0.3) return { name: 'Home', page: pageContext('/', 'Acme Store'), extra: {} };
    if (x < 0.8) {
      const p = product();
      return { name: 'Product', page: pageContext(p.path, p.name), extra: { product_id: p.product_id, category: p.category } };
    }
    const step = r.int(1, 4);
    return { name: 'Checkout', page: pageContext(`/checkout/${['cart', 'shipping', 'payment', 'review'][step - 1]}`, 'Checkout'), extra: { step } };
  };

  const identifyTraits = (user) => {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const traits = { email: `${slug(first)}.${slug(last)}${r.int(1, 999)}@example.com`, firstName: first, lastName: last };
    if (r.chance(0.3)) traits.phone = `+1-555-${String(r.int(0, 9999)).padStart(4, '0')}`;
    traits.createdAt = new Date(EPOCH - r.int(1, 900) * 86400000).toISOString();
    if (r.chance(0.3)) traits.address = { street: `${r.int(1, 999)} Market St`, ...r.pick(CITIES) };
    traits.loyalty_tier = r.pick(['bronze', 'silver', 'gold', 'platinum']);
    traits.accepts_marketing = r.chance(0.6);
    return traits;
  };

  /** Applies one defect; returns the defect actually applied (some fall back when they cannot apply). */
  const spoil = (event, defect) => {
    const body = event.type === 'identify' ? event.traits : event.properties;
    switch (defect) {
      case 'missing-required': {
        if (event.type === 'track') {
          const required = REQUIRED[event.event];
          if (required) {
            delete body[r.pick(required)];
            return defect;
          }
          if (Array.isArray(body.products)) {
            delete body.products[0].product_id; // required inside the Product type
            return defect;
          }
        }
        if (event.type === 'page' && 'product_id' in body) {
          delete body.product_id;
          return defect;
        }
        return spoil(event, 'wrong-type');
      }
      case 'wrong-type': {
        if (event.type === 'identify') {
          if (r.chance(0.5)) body.accepts_marketing = body.accepts_marketing ? 'yes' : 'no';
          else body.email = body.email.replace('@', ' at ');
          return defect;
        }
        if ('price' in body) body.price = String(body.price); // "18.99": the classic one
        else if (Array.isArray(body.products) && body.products.length > 0) body.products[0].price = String(body.products[0].price);
        else if ('step' in body) body.step = String(body.step);
        else if ('total' in body) body.total = String(body.total);
        else if ('query' in body) body.query = 42;
        else {
          const key = Object.keys(body).find((k) => typeof body[k] === 'string');
          if (key === undefined) return spoil(event, 'unplanned-property');
          body[key] = 1;
        }
        return defect;
      }
      case 'unplanned-property': {
        const [key, value] = r.pick(UNPLANNED_PROPS);
        body[key] = value(r);
        return defect;
      }
      case 'unplanned-event':
        if (event.type !== 'track') return spoil(event, 'bad-timestamp');
        event.event = r.pick(UNPLANNED_EVENTS);
        return defect;
      case 'misspelt-event': {
        if (event.type !== 'track') return spoil(event, 'camel-case-keys');
        const names = MISSPELT[event.event];
        if (names) event.event = r.pick(names);
        else event.event = r.chance(0.5) ? event.event.toLowerCase() : event.event.toLowerCase().replaceAll(' ', '_');
        return defect;
      }
      case 'camel-case-keys': {
        const keys = Object.keys(body);
        if (!keys.some((k) => k.includes('_'))) return spoil(event, 'unplanned-property');
        const renamed = {};
        for (const k of keys) renamed[camel(k)] = body[k];
        if (event.type === 'identify') event.traits = renamed;
        else event.properties = renamed;
        return defect;
      }
      case 'bad-timestamp':
        event.timestamp = r.pick([
          event.timestamp.replace('T', ' ').replace('Z', ''), // "2025-03-01 08:00:00.000": no T, no zone
          Date.parse(event.timestamp), // epoch millis as a number
          '2025-02-30T25:61:00Z',
          'Invalid Date',
          event.timestamp.slice(0, 10).split('-').reverse().join('/'), // 01/03/2025
        ]);
        return defect;
      case 'missing-ids':
        delete event.userId;
        delete event.anonymousId;
        return defect;
      default:
        throw new Error(`unknown defect ${defect}`);
    }
  };

  return function make(forced, forcedKind) {
    const user = r.pick(users);
    clock += r.int(0, 40);
    const original = clock;
    const sent = original + r.int(5, 900);
    const received = sent + r.int(20, 400);
    const x = r.next();
    const type = forcedKind ?? (x < 0.7 ? 'track' : x < 0.85 ? 'identify' : 'page');

    // Pages come from the browser; identify from the browser or the back end; track from all three.
    const source = type === 'page' ? 'browser' : pickWeighted(type === 'track' ? TRACK_SOURCES : IDENTIFY_SOURCES, r);
    const event = {};
    if (type !== 'identify' ? source !== 'server' || r.chance(0.3) : r.chance(0.5)) event.anonymousId = user.anonymousId;
    if (type === 'identify' || r.chance(0.5) || !event.anonymousId) event.userId = user.userId;
    let page;
    let pageExtra;
    if (type === 'page') {
      const call = pageCall();
      page = call.page;
      pageExtra = call.extra;
      event.name = call.name;
    } else if (source === 'browser') {
      page = r.chance(0.5) ? pageContext('/', 'Acme Store') : pageContext(product().path, 'Acme Store');
    }
    event.context = context(user, source, page);
    if (r.chance(0.15)) event.integrations = r.pick(INTEGRATIONS);
    event.messageId = source === 'browser' ? `ajs-${hex(r, 32)}` : uuid(r);
    event.timestamp = new Date(original + (received - sent)).toISOString();
    event.sentAt = new Date(sent).toISOString();
    event.receivedAt = new Date(received).toISOString();
    event.type = type;
    if (type === 'track') {
      event.event = pickWeighted(trackTable, r);
      event.properties = trackProperties[event.event]();
    } else if (type === 'page') {
      event.properties = { ...page, ...pageExtra };
    } else {
      event.traits = identifyTraits(user);
    }

    let defect;
    const y = forced === undefined ? r.next() : forced === 'malformed' ? 0 : forced === 'valid' ? 1 : MALFORMED_SHARE;
    if (y < MALFORMED_SHARE) defect = 'malformed';
    else if (y < MALFORMED_SHARE + INVALID_SHARE) defect = spoil(event, forced && forced !== 'invalid' ? forced : pickWeighted(defectTable, r));
    let line = JSON.stringify(event);
    if (defect === 'malformed') line = line.slice(0, r.int(20, line.length - 2)); // truncated: a prefix of an object never parses
    return { line, kind: type, defect };
  };
}

/** Counts of what was written. */
function newStats() {
  return { events: 0, bytes: 0, averageBytes: 0, valid: 0, invalid: 0, malformed: 0, kinds: { track: 0, identify: 0, page: 0 }, defects: {} };
}
function tally(stats, e) {
  stats.events++;
  stats.kinds[e.kind]++;
  if (e.defect === undefined) stats.valid++;
  else {
    if (e.defect === 'malformed') stats.malformed++;
    else stats.invalid++;
    stats.defects[e.defect] = (stats.defects[e.defect] ?? 0) + 1;
  }
}

/**
 * Writes `count` events to `path` as NDJSON (one event per line, `\n` after each) and returns the
 * stats (events, bytes, averageBytes, valid/invalid/malformed, per kind and per defect).
 */
export function writeEvents(path, count, { seed = 1 } = {}) {
  const make = createEventFactory({ seed });
  const stats = newStats();
  const fd = openSync(path, 'w');
  try {
    let chunk = [];
    let chars = 0;
    const flush = () => {
      const buf = Buffer.from(chunk.join(''), 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off);
      stats.bytes += buf.length;
      chunk = [];
      chars = 0;
    };
    for (let i = 0; i < count; i++) {
      const e = make();
      tally(stats, e);
      chunk.push(e.line, '\n');
      chars += e.line.length + 1;
      if (chars >= 4 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  stats.averageBytes = stats.events ? Math.round(stats.bytes / stats.events) : 0;
  return stats;
}

/** Ten events for the start-up timing: all three kinds, seven valid and three typical mistakes. */
export function writeSmall(path, { seed = 3 } = {}) {
  const make = createEventFactory({ seed });
  const plan = [
    ['valid', 'track'],
    ['valid', 'identify'],
    ['valid', 'page'],
    ['missing-required', 'track'],
    ['valid', 'track'],
    ['valid', 'track'],
    ['misspelt-event', 'track'],
    ['valid', 'page'],
    ['wrong-type', 'track'],
    ['valid', 'track'],
  ];
  const stats = newStats();
  const lines = plan.map(([forced, kind]) => {
    const e = make(forced, kind);
    tally(stats, e);
    return `${e.line}\n`;
  });
  const buf = Buffer.from(lines.join(''), 'utf8');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  stats.bytes = buf.length;
  stats.averageBytes = Math.round(buf.length / stats.events);
  return stats;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, count = '1000000', seed = '1'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/generate-events.js <out.ndjson> [count] [seed]');
    process.exit(2);
  }
  const started = performance.now();
  const stats = writeEvents(out, Number(count), { seed: Number(seed) });
  console.log(JSON.stringify({ ...stats, ms: Math.round(performance.now() - started) }));
}
