import { describe, expect, it } from 'vitest';
import { isBaseVerb, isPastTense, toPastTense } from '../../src/naming/past-tense.js';

describe('isPastTense', () => {
  const past = [
    // regular
    'Completed', 'Added', 'Viewed', 'Shipped', 'Applied', 'Unsubscribed', 'Uninstalled', 'Used', 'Agreed',
    'Guaranteed', 'completed', 'ADDED',
    // irregular past forms and participles
    'Made', 'Sent', 'Bought', 'Paid', 'Began', 'Begun', 'Seen', 'Shown', 'Given', 'Taken', 'Written',
    'Chosen', 'Read', 'Won', 'Lost', 'Found', 'Hidden', 'Set', 'Put', 'Run', 'Left', 'Kept', 'Held',
    'Built', 'Sold', 'Told', 'Got', 'Gotten', 'Done', 'Drawn', 'Spent', 'Thrown', 'Undone', 'Withdrawn',
    'Forgotten', 'Met', 'Sought', 'Taught', 'Caught', 'Brought', 'Thought', 'Reset', 'Upset', 'Shut',
    'Cut', 'Hit', 'Quit', 'Split', 'Spread', 'Broadcast', 'Forecast', 'Lent', 'Bent', 'Dealt', 'Felt',
    'Heard', 'Led', 'Fed', 'Shot', 'Stood', 'Understood', 'Struck', 'Swept', 'Slept', 'Wound', 'Bound',
    'Rebuilt', 'Resent', 'Reread', 'Redone', 'Rewritten', 'Overridden', 'Prepaid', 'Misled', 'Unmet',
  ];
  it.each(past)('%s is past', (word) => {
    expect(isPastTense(word)).toBe(true);
  });

  const notPast = [
    'Red', 'Bed', 'Seed', 'Need', 'Feed', 'Speed', 'Embed', 'Proceed', 'Exceed', 'Hundred', 'Sacred',
    'Complete', 'Add', 'View', 'Order', 'Checkout', 'Playing', 'Present', 'Preset', 'Output', 'Ed', '',
  ];
  it.each(notPast)('%j is not past', (word) => {
    expect(isPastTense(word)).toBe(false);
  });
});

describe('toPastTense', () => {
  it.each<[string, string]>([
    ['complete', 'completed'], ['Complete', 'Completed'], ['add', 'added'], ['Add', 'Added'],
    ['stop', 'stopped'], ['ship', 'shipped'], ['apply', 'applied'], ['submit', 'submitted'],
    ['cancel', 'canceled'], ['log', 'logged'], ['sign', 'signed'], ['view', 'viewed'], ['buy', 'bought'],
    ['send', 'sent'], ['make', 'made'], ['pay', 'paid'], ['begin', 'begun'], ['see', 'seen'],
    ['show', 'shown'], ['share', 'shared'], ['play', 'played'], ['upload', 'uploaded'],
    ['Subscribe', 'Subscribed'], ['open', 'opened'], ['visit', 'visited'], ['edit', 'edited'],
    ['copy', 'copied'], ['agree', 'agreed'], ['fix', 'fixed'], ['sync', 'synced'], ['tap', 'tapped'],
    ['scan', 'scanned'], ['refer', 'referred'], ['commit', 'committed'], ['embed', 'embedded'],
    ['need', 'needed'], ['render', 'rendered'], ['reship', 'reshipped'], ['unpin', 'unpinned'],
    ['reset', 'reset'], ['Read', 'Read'], ['undo', 'undone'], ['rewrite', 'rewritten'],
    ['override', 'overridden'], ['withdraw', 'withdrawn'], ['resend', 'resent'], ['relay', 'relayed'],
    ['COMPLETE', 'Completed'], ['completed', 'completed'], ['Sent', 'Sent'], ['', ''],
  ])('%j → %j', (verb, expected) => {
    expect(toPastTense(verb)).toBe(expected);
  });

  it('produces a word isPastTense accepts, for every verb it is given', () => {
    for (const verb of ['complete', 'add', 'stop', 'apply', 'send', 'begin', 'sync', 'cancel', 'rewrite', 'need']) {
      expect(isPastTense(toPastTense(verb))).toBe(true);
    }
  });
});

describe('isBaseVerb', () => {
  it.each([
    'add', 'apply', 'begin', 'buy', 'cancel', 'change', 'click', 'close', 'complete', 'confirm', 'connect',
    'copy', 'create', 'delete', 'download', 'edit', 'enable', 'disable', 'end', 'enter', 'export', 'fail',
    'filter', 'finish', 'follow', 'import', 'install', 'invite', 'join', 'launch', 'leave', 'like', 'load',
    'log', 'open', 'order', 'pause', 'pay', 'play', 'post', 'purchase', 'read', 'receive', 'refund',
    'register', 'remove', 'rename', 'reply', 'request', 'reset', 'resume', 'return', 'review', 'save',
    'scroll', 'search', 'select', 'send', 'share', 'show', 'sign', 'skip', 'sort', 'start', 'stop',
    'submit', 'subscribe', 'swipe', 'tap', 'toggle', 'unsubscribe', 'update', 'upgrade', 'upload', 'use',
    'verify', 'view', 'visit', 'watch', 'Complete', 'ADD',
  ])('%s is a base verb', (word) => {
    expect(isBaseVerb(word)).toBe(true);
  });

  it.each(['checkout', 'login', 'signup', 'cart', 'order_id', 'completed', 'product', ''])('%j is not', (word) => {
    expect(isBaseVerb(word)).toBe(false);
  });
});
