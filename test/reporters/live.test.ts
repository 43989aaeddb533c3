import { describe, expect, it } from 'vitest';
import { liveLine } from '../../src/reporters/live.js';

describe('liveLine', () => {
  it('prints a name as it is, and control characters from the network escaped', () => {
    const at = '2026-12-05T18:01:02.000Z';
    expect(liveLine({ receivedAt: at, type: 'track', name: 'Order Completed', diagnostics: [] }, false)).toBe('18:01:02  track     Order Completed  ✓\n');
    const line = liveLine({ receivedAt: at, type: 'track', name: 'A\u001b[2JB\u0007', diagnostics: [{ severity: 'warning', message: 'x\ny', ruleId: 'r/x' }] }, false);
    expect(line).toBe('18:01:02  track     A\\u001b[2JB\\u0007  1 warning\n    warning  x\\u000ay  r/x\n');
  });
});
