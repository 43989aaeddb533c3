import { splitWords } from '../naming/words.js';
import { getSemanticEvent, SEMANTIC_EVENTS, type SemanticSpec } from './semantic-events.js';

/**
 * Custom event names that mean the same as a Segment semantic event ("Purchase Made" is "Order
 * Completed"). Using the spec name lets destinations map the event without configuration.
 *
 * Patterns are lower-case words; `a|b` is either word, a trailing `?` makes a word optional.
 * They are compared with a name's words, so case and separators never matter ("purchase_made",
 * "PurchaseMade"). Besides common synonyms, the table holds the names of Segment's Ecommerce v1
 * spec ("Completed Order") and of the GA4 and Meta pixel standard events ("add_to_cart",
 * "InitiateCheckout") that teams often carry over.
 */
const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  // Ecommerce
  'Products Searched': [
    'search|searched', 'search performed|submitted|made|executed|completed', 'product|products search|searched',
    'searched products', 'site search',
  ],
  'Product List Viewed': [
    'product? category|collection viewed', 'category|collection page viewed', 'viewed product category',
    'view item list', 'product list view', 'item list viewed',
  ],
  'Product List Filtered': ['products filtered', 'filtered products', 'product filter applied'],
  'Promotion Viewed': ['viewed promotion', 'view promotion', 'promo viewed'],
  'Promotion Clicked': ['clicked promotion', 'select promotion', 'promo clicked', 'promotion selected'],
  'Product Clicked': ['clicked product', 'select item', 'item clicked|selected|tapped', 'product selected|tapped'],
  'Product Viewed': [
    'item viewed|seen', 'product seen', 'product page|detail|details viewed', 'viewed product', 'view item',
    'view content', 'product view', 'pdp viewed',
  ],
  'Product Added': [
    'add|added to cart|basket|bag', 'cart|basket item added', 'item|product added to cart|basket|bag', 'item added',
    'added product', 'cart add|added',
  ],
  'Product Removed': [
    'remove|removed from cart|basket|bag', 'cart|basket item removed', 'item|product removed from cart|basket|bag',
    'item removed', 'removed product',
  ],
  'Cart Viewed': ['view cart', 'viewed cart', 'cart view', 'cart page viewed', 'shopping? basket viewed', 'shopping cart viewed'],
  'Checkout Started': [
    'begin|initiate|start checkout', 'checkout begun|begin|initiated|start', 'started checkout', 'started order',
    'order started', 'proceeded to checkout',
  ],
  'Checkout Step Viewed': ['viewed checkout step'],
  'Checkout Step Completed': ['completed checkout step'],
  'Payment Info Entered': [
    'add payment info', 'payment info|information|details added|entered|submitted', 'payment method added',
  ],
  'Order Completed': [
    'order|purchase|transaction|checkout completed|complete|made|placed|submitted|finished|confirmed|successful|success|done',
    'purchase|purchased', 'item|items|product|products purchased', 'completed|placed|submitted order', 'completed|made purchase',
    'complete payment',
  ],
  'Order Updated': ['updated order', 'order modified|changed|edited'],
  'Order Refunded': ['refund', 'refund issued|processed|completed', 'order refund', 'refunded order'],
  'Order Cancelled': ['order canceled|cancellation', 'cancelled|canceled order', 'cancel order'],
  'Coupon Entered': ['coupon|promo|discount|voucher code entered', 'voucher entered'],
  'Coupon Applied': [
    'coupon used|redeemed', 'coupon|promo|discount|voucher code applied', 'discount|promo|voucher applied',
    'apply discount|coupon',
  ],
  'Coupon Denied': ['coupon rejected|invalid|failed', 'promo|discount code rejected', 'invalid coupon'],
  'Coupon Removed': ['coupon|promo|discount|voucher code removed', 'discount|voucher removed'],
  'Product Added to Wishlist': [
    'add|added to wishlist', 'add|added to wish list', 'wishlist item added', 'item added to wishlist',
    'product|item wishlisted|favorited|saved',
  ],
  'Product Removed from Wishlist': [
    'remove|removed from wishlist', 'remove|removed from wish list', 'wishlist item removed',
    'item removed from wishlist', 'product|item unfavorited',
  ],
  'Product Shared': ['shared product', 'share product', 'item shared'],
  'Product Reviewed': ['product? review submitted|posted|written|added', 'product rated'],

  // Video
  'Video Playback Started': ['video started|played|play|start', 'play video', 'video play started'],
  'Video Playback Paused': ['video paused', 'pause video'],
  'Video Playback Resumed': ['video resumed'],
  'Video Playback Completed': ['video completed|finished|ended'],

  // Mobile
  'Application Opened': ['app|application launched', 'app opened|open|started|launch', 'open|launch app'],
  'Application Installed': ['app installed|install', 'first open'],
  'Application Updated': ['app updated|upgraded|update'],
  'Application Backgrounded': ['app backgrounded'],
  'Application Foregrounded': ['app foregrounded'],
  'Application Crashed': ['app crashed|crash', 'crash|crashed'],
  'Application Uninstalled': ['app uninstalled|uninstall'],
  'Push Notification Received': ['push|notification received'],
  'Push Notification Tapped': ['push notification? opened|tapped|clicked', 'notification opened|tapped|clicked'],
  'Push Notification Bounced': ['push bounced'],
  'Deep Link Opened': ['deeplink opened'],
  'Deep Link Clicked': ['deeplink clicked'],

  // B2B SaaS
  'Signed Up': [
    'user? registered', 'user registration|signup', 'user signed up', 'registration completed|complete|submitted',
    'account registered', 'sign up', 'signup', 'sign up|signup completed|success', 'complete registration',
  ],
  'Signed In': [
    'user? logged in|on', 'user? login', 'log in', 'login completed|success|successful', 'user signed in',
    'sign in', 'signin',
  ],
  'Signed Out': ['user? logged out', 'user? logout', 'log out', 'user signed out', 'sign out', 'signout'],
  'Invite Sent': ['invitation|invitations|invites sent', 'user|member|teammate invited', 'invite user', 'invited user', 'invite'],
  'Trial Started': ['trial began|begun|start|activated', 'start trial', 'started trial', 'free trial started'],
  'Trial Ended': ['trial expired|finished|end|over', 'free trial ended|expired'],
  'Account Created': ['organization|organisation created'],
  'Account Deleted': ['organization|organisation deleted', 'account removed|closed'],
  'Account Added User': ['user|member added to account', 'team? member added'],
  'Account Removed User': ['user|member removed from account', 'team? member removed'],

  // Email
  'Email Opened': ['email viewed|read|open', 'opened email'],
  'Email Link Clicked': ['email clicked|click', 'email link click', 'clicked email link'],
  'Email Bounced': ['email bounce', 'bounced email'],
  'Email Marked as Spam': ['email? spam reported|complaint', 'email reported as spam', 'marked as spam'],
  Unsubscribed: ['email|newsletter|user unsubscribed', 'unsubscribe', 'unsubscribed from email|emails|newsletter'],
};

function normalize(name: string): string {
  return splitWords(name).join(' ').toLowerCase();
}

/** All word sequences a pattern stands for: "user? logged in|on" → logged in, logged on, user logged in, … */
function expand(pattern: string): string[] {
  let phrases: string[][] = [[]];
  for (const token of pattern.split(' ')) {
    const optional = token.endsWith('?');
    const choices = (optional ? token.slice(0, -1) : token).split('|');
    const next = phrases.flatMap((words) => choices.map((choice) => [...words, choice]));
    phrases = optional ? [...phrases, ...next] : next;
  }
  return phrases.map((words) => normalize(words.join(' ')));
}

export interface SpecAlternative {
  readonly name: string;
  readonly spec: SemanticSpec;
}

function buildIndex(): ReadonlyMap<string, SpecAlternative> {
  // A pattern may expand to a semantic name's own words ("products searched"): those are naming
  // variants of that event, not synonyms, so they stay out of the index.
  const semantic = new Set(SEMANTIC_EVENTS.map((e) => normalize(e.name)));
  const index = new Map<string, SpecAlternative>();
  for (const [name, patterns] of Object.entries(ALTERNATIVES)) {
    const event = getSemanticEvent(name);
    if (event === undefined) throw new Error(`alternatives: "${name}" is not a semantic event`);
    for (const phrase of patterns.flatMap(expand)) {
      if (semantic.has(phrase)) continue;
      const taken = index.get(phrase);
      if (taken !== undefined && taken.name !== name) {
        throw new Error(`alternatives: "${phrase}" stands for both "${taken.name}" and "${name}"`);
      }
      index.set(phrase, { name, spec: event.spec });
    }
  }
  return index;
}

// Built on first use: a run whose events are all planned never asks (about 10 M instructions).
let index: ReadonlyMap<string, SpecAlternative> | undefined;

/**
 * The semantic event a custom event name stands for, if it is a known synonym. Undefined for
 * semantic names themselves and for their case or separator variants ("order_completed"), which
 * are a naming matter rather than a different event.
 */
export function findSpecAlternative(name: string): SpecAlternative | undefined {
  index ??= buildIndex();
  return index.get(normalize(name));
}
