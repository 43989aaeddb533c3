import { describe, expect, it } from 'vitest';
import { TextSpool } from '../../src/cli/text-spool.js';

describe('TextSpool', () => {
  it('gives back every piece in order, across the move from memory to a file', () => {
    const spool = new TextSpool();
    const pieces = Array.from({ length: 60_000 }, (_, i) => `,\n    {"n": ${i}, "text": "${'é€𝄞'.repeat(i % 50)}${'x'.repeat(200)}"}`);
    try {
      for (const p of pieces) spool.add(p);
      const chunks = [...spool.chunks()];
      // The file part comes back as bytes, in blocks that may split a character.
      expect(chunks.some((c) => typeof c !== 'string')).toBe(true);
      const text = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
      expect(text).toBe(pieces.join(''));
    } finally {
      spool.dispose();
    }
  });

  it('yields nothing when nothing was added', () => {
    const spool = new TextSpool();
    expect([...spool.chunks()]).toEqual([]);
    spool.dispose();
  });
});
