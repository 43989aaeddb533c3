import { describe, expect, it } from 'vitest';
import { getSemanticEvent, isSemanticEventName, SEMANTIC_EVENTS, type SemanticSpec } from '../../src/spec/semantic-events.js';

const EXPECTED: Record<SemanticSpec, string[]> = {
  ecommerce: [
    'Products Searched', 'Product List Viewed', 'Product List Filtered', 'Promotion Viewed', 'Promotion Clicked',
    'Product Clicked', 'Product Viewed', 'Product Added', 'Product Removed', 'Cart Viewed', 'Checkout Started',
    'Checkout Step Viewed', 'Checkout Step Completed', 'Payment Info Entered', 'Order Updated', 'Order Completed',
    'Order Refunded', 'Order Cancelled', 'Coupon Entered', 'Coupon Applied', 'Coupon Denied', 'Coupon Removed',
    'Product Added to Wishlist', 'Product Removed from Wishlist', 'Wishlist Product Added to Cart',
    'Product Shared', 'Cart Shared', 'Product Reviewed',
  ],
  video: [
    'Video Playback Started', 'Video Playback Paused', 'Video Playback Interrupted', 'Video Playback Buffer Started',
    'Video Playback Buffer Completed', 'Video Playback Seek Started', 'Video Playback Seek Completed',
    'Video Playback Resumed', 'Video Playback Completed', 'Video Playback Exited', 'Video Content Started',
    'Video Content Playing', 'Video Content Completed', 'Video Ad Started', 'Video Ad Playing', 'Video Ad Completed',
    'Video Quality Updated',
  ],
  mobile: [
    'Application Installed', 'Application Opened', 'Application Updated', 'Application Backgrounded',
    'Application Foregrounded', 'Application Crashed', 'Application Uninstalled', 'Install Attributed',
    'Push Notification Received', 'Push Notification Tapped', 'Push Notification Bounced', 'Deep Link Clicked',
    'Deep Link Opened',
  ],
  'b2b-saas': [
    'Account Created', 'Account Deleted', 'Signed Up', 'Signed In', 'Signed Out', 'Invite Sent', 'Account Added User',
    'Account Removed User', 'Trial Started', 'Trial Ended',
  ],
  email: ['Email Bounced', 'Email Delivered', 'Email Link Clicked', 'Email Marked as Spam', 'Email Opened', 'Unsubscribed'],
};

describe('SEMANTIC_EVENTS', () => {
  it.each(Object.entries(EXPECTED))('holds every %s event, and only those', (spec, names) => {
    expect(SEMANTIC_EVENTS.filter((e) => e.spec === spec).map((e) => e.name).sort()).toEqual([...names].sort());
  });

  it('has unique names', () => {
    const names = SEMANTIC_EVENTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every property a type', () => {
    for (const event of SEMANTIC_EVENTS) {
      for (const [key, property] of Object.entries(event.properties)) {
        expect(property.type, `${event.name}.${key}`).toBeTruthy();
      }
    }
  });

  it('documents the Ecommerce v2 order properties on Order Completed', () => {
    const order = getSemanticEvent('Order Completed');
    expect(order?.spec).toBe('ecommerce');
    expect(Object.keys(order?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'checkout_id', 'order_id', 'affiliation', 'total', 'subtotal', 'revenue', 'shipping', 'tax', 'discount',
        'coupon', 'currency', 'products',
      ]),
    );
    expect(order?.properties.revenue?.type).toBe('number');
    const products = order?.properties.products;
    expect(products?.type).toBe('array');
    expect(Object.keys(products?.items?.properties ?? {})).toEqual([
      'product_id', 'sku', 'category', 'name', 'brand', 'variant', 'price', 'quantity', 'coupon', 'position', 'url',
      'image_url',
    ]);
  });

  it.each<[string, string[]]>([
    ['Products Searched', ['query']],
    ['Product List Viewed', ['list_id', 'category', 'products']],
    ['Product List Filtered', ['list_id', 'filters', 'sorts', 'products']],
    ['Product Added', ['cart_id', 'product_id', 'sku', 'price', 'quantity']],
    ['Product Viewed', ['product_id', 'currency', 'value']],
    ['Checkout Step Viewed', ['checkout_id', 'step', 'shipping_method', 'payment_method']],
    ['Coupon Applied', ['order_id', 'cart_id', 'coupon_id', 'coupon_name', 'discount']],
    ['Coupon Denied', ['coupon_id', 'reason']],
    ['Product Added to Wishlist', ['wishlist_id', 'wishlist_name', 'product_id']],
    ['Product Shared', ['share_via', 'share_message', 'recipient', 'product_id']],
    ['Product Reviewed', ['product_id', 'review_id', 'review_body', 'rating']],
    ['Video Playback Started', ['session_id', 'content_asset_ids', 'position', 'total_length', 'livestream']],
    ['Video Content Playing', ['session_id', 'asset_id', 'title', 'keywords', 'position']],
    ['Video Ad Playing', ['asset_id', 'pod_id', 'type', 'quartile']],
    ['Application Opened', ['from_background', 'referring_application', 'url', 'version', 'build']],
    ['Application Updated', ['previous_version', 'previous_build', 'version', 'build']],
    ['Install Attributed', ['provider', 'campaign']],
    ['Deep Link Opened', ['provider', 'url']],
    ['Signed Up', ['type', 'first_name', 'last_name', 'email', 'username']],
    ['Invite Sent', ['invitee_email', 'invitee_role']],
    ['Trial Started', ['trial_start_date', 'trial_end_date', 'trial_plan_name']],
    ['Email Link Clicked', ['email_id', 'email_subject', 'campaign_id', 'campaign_name', 'link_id', 'link_url']],
    ['Unsubscribed', ['list_id', 'list_name']],
  ])('%s has %j', (name, keys) => {
    expect(Object.keys(getSemanticEvent(name)?.properties ?? {})).toEqual(expect.arrayContaining(keys));
  });
});

describe('lookups', () => {
  it.each<[string, boolean]>([
    ['Order Completed', true],
    ['Email Marked as Spam', true],
    ['Unsubscribed', true],
    ['order completed', false],
    ['Order Completed ', false],
    ['Order Placed', false],
    ['', false],
  ])('%j: %s', (name, expected) => {
    expect(isSemanticEventName(name)).toBe(expected);
    expect(getSemanticEvent(name) !== undefined).toBe(expected);
  });
});
