import { describe, expect, it } from 'vitest';
import { isCase } from '../../src/naming/case.js';
import { checkObjectAction } from '../../src/naming/object-action.js';
import { SEMANTIC_EVENTS } from '../../src/spec/semantic-events.js';
import { MESSY_NAMES } from './messy-names.js';

const NOT_TITLE = 'is not in Title Case';
const NO_PAST = 'has no past-tense verb: Object Action names read as object, then action, like "Product Added"';

describe('checkObjectAction: valid names', () => {
  it.each([
    'Order Completed', 'Signed Up', 'Product Added to Wishlist', 'Email Marked as Spam', 'Unsubscribed',
    'Checkout Step Viewed', 'Video Content Playing', 'Video Playback Buffer Started', 'Report Downloaded',
    'Invite Sent', 'API Key Created', 'Password Reset', '注文完了 Viewed',
  ])('%j is ok', (name) => {
    expect(checkObjectAction(name)).toEqual({ ok: true });
  });
});

describe('checkObjectAction: invalid names', () => {
  it.each<[string, string | undefined, string]>([
    ['Complete Order', 'Order Completed', NO_PAST],
    ['Order Complete', 'Order Completed', NO_PAST],
    ['order_completed', 'Order Completed', NOT_TITLE],
    ['OrderCompleted', 'Order Completed', NOT_TITLE],
    ['order completed', 'Order Completed', NOT_TITLE],
    ['ORDER_COMPLETED', 'Order Completed', NOT_TITLE],
    ['Product Added To Wishlist', 'Product Added to Wishlist', NOT_TITLE],
    ['video_content_playing', 'Video Content Playing', NOT_TITLE],
    ['Add To Cart', undefined, `${NOT_TITLE} and ${NO_PAST}`],
    ['Checkout', undefined, NO_PAST],
    ['Sign Up', 'Signed Up', NO_PAST],
    ['sign_up', 'Signed Up', `${NOT_TITLE} and ${NO_PAST}`],
    ['Log In', 'Logged In', NO_PAST],
    ['Newsletter Sign Up', 'Newsletter Signed Up', NO_PAST],
    ['Add Product to Cart', 'Product Added to Cart', NO_PAST],
    ['Mark Email as Spam', 'Email Marked as Spam', NO_PAST],
    ['Remove Product from Wishlist', 'Product Removed from Wishlist', NO_PAST],
    ['Page View', 'Page Viewed', NO_PAST],
    ['view page', undefined, `${NOT_TITLE} and ${NO_PAST}`],
    ['Complete Purchase', 'Purchase Completed', NO_PAST],
    ['Create Account', 'Account Created', NO_PAST],
    ['Subscribe', 'Subscribed', NO_PAST],
    ['Order Status Update', 'Order Status Updated', NO_PAST],
    ['Enable Auto Renew', 'Auto Renew Enabled', NO_PAST],
    ['Save Search', 'Search Saved', NO_PAST],
    // Title Case cannot capitalise a word that starts with a combining mark: no suggestion then.
    ['\u0301order completed', undefined, NOT_TITLE],
    // Modifiers and objects that happen to be verbs: no guess rather than a wrong one.
    ['Search Results', undefined, NO_PAST],
    ['Order Status', undefined, NO_PAST],
    ['Purchase Event', undefined, NO_PAST],
    ['Sales Report', undefined, NO_PAST],
    ['Search Order', undefined, NO_PAST],
    ['Test Track with Property', undefined, NO_PAST],
    ['Login', undefined, NO_PAST],
    ['', undefined, `${NOT_TITLE} and ${NO_PAST}`],
  ])('%j → suggestion %j', (name, suggestion, reason) => {
    const result = checkObjectAction(name);
    expect(result.ok).toBe(false);
    expect(result.suggestion).toBe(suggestion);
    expect(result.reason).toBe(reason);
  });

  it('never suggests moving a verb behind a preposition ("To Cart Added")', () => {
    for (const name of ['Add To Cart', 'Add to Cart', 'add_to_cart', 'Go To Checkout']) {
      expect(checkObjectAction(name).suggestion).toBeUndefined();
    }
  });
});

describe('checkObjectAction: properties', () => {
  it.each(SEMANTIC_EVENTS.map((e) => e.name))('semantic event %j passes and is Title Case', (name) => {
    expect(checkObjectAction(name)).toEqual({ ok: true });
    expect(isCase(name, 'Title Case')).toBe(true);
  });

  it.each(MESSY_NAMES)('%j: a suggestion differs from the input and passes the check', (name) => {
    const result = checkObjectAction(name);
    if (result.ok) {
      expect(result.suggestion).toBeUndefined();
      return;
    }
    expect(result.reason).toBeTruthy();
    if (result.suggestion !== undefined) {
      expect(result.suggestion).not.toBe(name);
      expect(checkObjectAction(result.suggestion)).toEqual({ ok: true });
    }
  });

  it('makes suggestions for most messy names, so the property test above is not vacuous', () => {
    const suggested = MESSY_NAMES.filter((n) => checkObjectAction(n).suggestion !== undefined);
    expect(suggested.length).toBeGreaterThan(MESSY_NAMES.length / 3);
  });
});

describe('checkObjectAction: word order', () => {
  it.each([
    ['Clicked Banner', 'Banner Clicked'],
    ['Viewed Product', 'Product Viewed'],
    ['Completed Order', 'Order Completed'],
    ['Opened Link in Email', 'Link Opened in Email'],
    ['clicked_banner', 'Banner Clicked'],
  ])('"%s" puts the action first → "%s"', (name, suggestion) => {
    const result = checkObjectAction(name);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/puts the action before the object/);
    expect(result.suggestion).toBe(suggestion);
  });

  it.each(['Signed Up', 'Logged In', 'Signed Up for Newsletter', 'Added to Cart', 'Scheduled Report Generated', 'Unsubscribed', 'Cart Shared'])(
    '"%s" is not action-first',
    (name) => expect(checkObjectAction(name)).toEqual({ ok: true }),
  );
});
