import { describe, expect, it } from 'vitest';
import { findSpecAlternative } from '../../src/spec/alternatives.js';
import { SEMANTIC_EVENTS } from '../../src/spec/semantic-events.js';

describe('findSpecAlternative', () => {
  it.each<[string, string, string]>([
    ['Purchase Made', 'Order Completed', 'ecommerce'],
    ['Purchase Completed', 'Order Completed', 'ecommerce'],
    ['Item Purchased', 'Order Completed', 'ecommerce'],
    ['Order Placed', 'Order Completed', 'ecommerce'],
    ['Order Submitted', 'Order Completed', 'ecommerce'],
    ['Checkout Completed', 'Order Completed', 'ecommerce'],
    ['Transaction Completed', 'Order Completed', 'ecommerce'],
    ['Order Complete', 'Order Completed', 'ecommerce'],
    ['Completed Order', 'Order Completed', 'ecommerce'],
    ['purchase', 'Order Completed', 'ecommerce'],
    ['Add To Cart', 'Product Added', 'ecommerce'],
    ['Added To Cart', 'Product Added', 'ecommerce'],
    ['Cart Item Added', 'Product Added', 'ecommerce'],
    ['Item Added', 'Product Added', 'ecommerce'],
    ['add_to_cart', 'Product Added', 'ecommerce'],
    ['Remove from Cart', 'Product Removed', 'ecommerce'],
    ['Item Viewed', 'Product Viewed', 'ecommerce'],
    ['Product Page Viewed', 'Product Viewed', 'ecommerce'],
    ['Product Detail Viewed', 'Product Viewed', 'ecommerce'],
    ['Viewed Product', 'Product Viewed', 'ecommerce'],
    ['Product Searched', 'Products Searched', 'ecommerce'],
    ['Search Performed', 'Products Searched', 'ecommerce'],
    ['Searched', 'Products Searched', 'ecommerce'],
    ['InitiateCheckout', 'Checkout Started', 'ecommerce'],
    ['AddPaymentInfo', 'Payment Info Entered', 'ecommerce'],
    ['Refund Issued', 'Order Refunded', 'ecommerce'],
    ['Order Refund', 'Order Refunded', 'ecommerce'],
    ['Order Canceled', 'Order Cancelled', 'ecommerce'],
    ['Coupon Used', 'Coupon Applied', 'ecommerce'],
    ['Promo Code Applied', 'Coupon Applied', 'ecommerce'],
    ['Discount Applied', 'Coupon Applied', 'ecommerce'],
    ['AddToWishlist', 'Product Added to Wishlist', 'ecommerce'],
    ['Video Started', 'Video Playback Started', 'video'],
    ['Video Played', 'Video Playback Started', 'video'],
    ['App Opened', 'Application Opened', 'mobile'],
    ['App Installed', 'Application Installed', 'mobile'],
    ['Push Notification Opened', 'Push Notification Tapped', 'mobile'],
    ['User Registered', 'Signed Up', 'b2b-saas'],
    ['Registration Completed', 'Signed Up', 'b2b-saas'],
    ['Account Registered', 'Signed Up', 'b2b-saas'],
    ['User Signed Up', 'Signed Up', 'b2b-saas'],
    ['Sign Up', 'Signed Up', 'b2b-saas'],
    ['Logged In', 'Signed In', 'b2b-saas'],
    ['User Logged In', 'Signed In', 'b2b-saas'],
    ['Login', 'Signed In', 'b2b-saas'],
    ['Logged Out', 'Signed Out', 'b2b-saas'],
    ['Logout', 'Signed Out', 'b2b-saas'],
    ['Invitation Sent', 'Invite Sent', 'b2b-saas'],
    ['User Invited', 'Invite Sent', 'b2b-saas'],
    ['Trial Began', 'Trial Started', 'b2b-saas'],
    ['Trial Expired', 'Trial Ended', 'b2b-saas'],
    ['Email Clicked', 'Email Link Clicked', 'email'],
    ['Spam Reported', 'Email Marked as Spam', 'email'],
  ])('%j → %j (%s)', (name, target, spec) => {
    expect(findSpecAlternative(name)).toEqual({ name: target, spec });
  });

  it.each(['purchase_made', 'PurchaseMade', 'PURCHASE MADE', 'purchase-made', ' purchase.made '])(
    'ignores case and separators: %j',
    (name) => {
      expect(findSpecAlternative(name)).toEqual({ name: 'Order Completed', spec: 'ecommerce' });
    },
  );

  it.each([
    'Report Downloaded', 'Order Shipped', 'Product Added', 'Order Completed', 'Checkout', 'Test Event', '', 'Order',
    // Case and separator variants of semantic names are a naming matter, not an alternative.
    'order_completed', 'OrderCompleted', 'products searched', 'PRODUCT ADDED',
  ])('%j has none', (name) => {
    expect(findSpecAlternative(name)).toBeUndefined();
  });

  it('never maps a semantic name', () => {
    for (const event of SEMANTIC_EVENTS) expect(findSpecAlternative(event.name)).toBeUndefined();
  });
});
