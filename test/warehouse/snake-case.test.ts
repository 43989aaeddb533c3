import { describe, expect, it } from 'vitest';
import { snakeCase } from '../../src/warehouse/snake-case.js';

// The test table of github.com/segmentio/go-snakecase (snake_test.go), the library Segment's
// warehouse connector names tables and columns with, as it is.
const GO_SNAKECASE_SAMPLES: Array<[string, string]> = [
  ['@49L0S145_¬fwHƒ0TSLNVp', '49l0s145_fw_h_0tslnvp'],
  ['lk0B@bFmjrLQ_Z6YL', 'lk0_b_b_fmjr_lq_z6yl'],
  ['samPLE text', 'sam_ple_text'],
  ['sample text', 'sample_text'],
  ['sample-text', 'sample_text'],
  ['sample_text', 'sample_text'],
  ['sample___text', 'sample_text'],
  ['sampleText', 'sample_text'],
  ['inviteYourCustomersAddInvites', 'invite_your_customers_add_invites'],
  ['sample 2 Text', 'sample_2_text'],
  ['   sample   2    Text   ', 'sample_2_text'],
  ['   $#$sample   2    Text   ', 'sample_2_text'],
  ['SAMPLE 2 TEXT', 'sample_2_text'],
  ['___$$Base64Encode', 'base64_encode'],
  ['FOO:BAR$BAZ', 'foo_bar_baz'],
  ['FOO#BAR#BAZ', 'foo_bar_baz'],
  ['something.com', 'something_com'],
  ['$something%', 'something'],
  ['something.com', 'something_com'],
  ['•¶§ƒ˚foo˙∆˚¬', 'foo'],
  ['CStringRef', 'cstring_ref'],
  ['5test', '5test'],
  ['test5', 'test5'],
  ['THE5r', 'the5r'],
  ['5TEst', '5test'],
  ['_5TEst', '5test'],
  ['@%#&5TEst', '5test'],
  ['edf_6N', 'edf_6n'],
  ['f_pX9', 'f_p_x9'],
  ['p_z9Rg', 'p_z9_rg'],
  ['2FA Enabled', '2fa_enabled'],
  ['Enabled 2FA', 'enabled_2fa'],
];

describe('snakeCase (go-snakecase port)', () => {
  it.each(GO_SNAKECASE_SAMPLES)('%j -> %j', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });

  it('lands every spelling of one event on one name', () => {
    for (const spelling of ['Order Completed', 'order completed', ' Order Completed ', 'order_completed', 'OrderCompleted', 'order-completed', 'Order  Completed']) {
      expect(snakeCase(spelling), spelling).toBe('order_completed');
    }
  });

  it('drops characters outside ASCII, as the byte-wise original does', () => {
    expect(snakeCase('Café Visité')).toBe('caf_visit');
    expect(snakeCase('日本語')).toBe('');
    expect(snakeCase('')).toBe('');
    expect(snakeCase('😀 Signed Up')).toBe('signed_up');
  });

  it('keeps names that are snake case already', () => {
    expect(snakeCase('order_id')).toBe('order_id');
    expect(snakeCase('a1_b2')).toBe('a1_b2');
  });
});
