// Generators of whole inputs as bytes: NDJSON, JSON arrays, batches, pretty-printed documents, then
// hostile bytes on top (invalid UTF-8, BOMs, CR, NUL, cuts), optionally gzipped and cut again.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { batchText, eventText, hostileJson, lineText } from './events.js';

/** Byte sequences that are not UTF-8, or that mean something to the readers. */
const HOSTILE_BYTES = [
  [0xff], [0xfe], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf0, 0x9f, 0x98], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x00], [0xef, 0xbb, 0xbf], [0x0d], [0x0a], [0x0d, 0x0a], [0x22], [0x5c], [0x7b], [0x7d], [0x5b], [0x5d], [0x2c], [0x3a],
];

/** One change to a byte string; positions are taken modulo the length, so they survive shrinking. */
export const byteMutation = fc.oneof(
  fc.record({ op: fc.constant('insert'), at: fc.nat(), bytes: fc.constantFrom(...HOSTILE_BYTES) }),
  fc.record({ op: fc.constant('insertRandom'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('flip'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
);

export function applyMutations(bytes, mutations) {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.op) {
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case 'insertRandom':
        out = Buffer.concat([out.subarray(0, at), Buffer.from([m.byte]), out.subarray(at)]);
        break;
      case 'flip':
        if (at < out.length) out[at] ^= 1 << m.bit;
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
    }
  }
  return out;
}

const BOM = '\ufeff';
const newline = fc.constantFrom('\n', '\n', '\r\n');

/** NDJSON: one value per line, LF or CRLF, maybe a BOM, maybe no final line break. */
const ndjson = fc
  .record({ lines: fc.array(fc.tuple(lineText, newline), { maxLength: 10 }), bom: fc.boolean(), last: fc.boolean() })
  .map(({ lines, bom, last }) => ({
    kind: 'ndjson',
    text: (bom ? BOM : '') + lines.map(([line, nl], i) => line + (i < lines.length - 1 || last ? nl : '')).join(''),
  }));

/** Pretty-printing as people and tools do it: a line break and an indent after each `[`, `{` and `,` outside strings. */
function spread(text, nl, indent) {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of text) {
    out += c;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{' || c === ',') out += nl + indent;
  }
  return out;
}

/** A JSON array of events, compact or one element per line. */
const jsonArray = fc
  .record({ items: fc.array(fc.oneof({ weight: 6, arbitrary: eventText }, { weight: 1, arbitrary: hostileJson }), { maxLength: 8 }), nl: newline, pretty: fc.boolean(), bom: fc.boolean() })
  .map(({ items, nl, pretty, bom }) => ({
    kind: 'array',
    count: items.length,
    text: (bom ? BOM : '') + (pretty ? `[${nl}  ${items.join(`,${nl}  `)}${nl}]${nl}` : `[${items.join(',')}]`),
  }));

/** A `{"batch": [...]}` document over several lines. */
const batchDocument = fc
  .record({ items: fc.array(eventText, { maxLength: 6 }), nl: newline })
  .map(({ items, nl }) => ({ kind: 'batch', count: items.length, text: `{${nl}  "sentAt": "2024-01-15T10:30:00Z",${nl}  "batch": [${nl}    ${items.join(`,${nl}    `)}${nl}  ]${nl}}${nl}` }));

/** One event pretty-printed over many lines, as `jq .` writes it; or several (`jq` output). */
const prettyEvents = fc
  .record({ items: fc.array(eventText, { minLength: 1, maxLength: 3 }), nl: newline })
  .map(({ items, nl }) => ({ kind: 'pretty', count: items.length, text: items.map((t) => spread(t, nl, '  ')).join(nl) + nl }));

/** A batch on one line among NDJSON lines. */
const batchLines = fc.array(fc.tuple(batchText, newline), { minLength: 1, maxLength: 3 }).map((lines) => ({ kind: 'ndjson', text: lines.map(([l, nl]) => l + nl).join('') }));

const document = fc.oneof({ weight: 6, arbitrary: ndjson }, { weight: 2, arbitrary: jsonArray }, { weight: 1, arbitrary: batchDocument }, { weight: 1, arbitrary: prettyEvents }, { weight: 1, arbitrary: batchLines });

/**
 * An input as the readers get it: `plain` is the text the line numbers refer to (after hostile
 * bytes), `bytes` what is read (gzip of it, maybe cut short), delivered `chunk` bytes at a time.
 */
export const lintInput = fc
  .record({
    doc: document,
    mutations: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 4 }) }),
    gzip: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ cut: fc.option(fc.nat(), { freq: 3 }) }) }),
    chunk: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 17, max: 300_000 })),
    unitBytes: fc.constantFrom(16, 256, 4096, 1024 * 1024),
    maxElements: fc.constantFrom(1, 3, 1000),
  })
  .map(({ doc, mutations, gzip, chunk, unitBytes, maxElements }) => {
    const plain = applyMutations(Buffer.from(doc.text), mutations);
    let bytes = plain;
    let cut = false;
    if (gzip) {
      bytes = gzipSync(plain);
      if (gzip.cut !== null) {
        // At least the two magic bytes: fewer are not gzip, but a file of one odd byte.
        bytes = bytes.subarray(0, 2 + (gzip.cut % (bytes.length - 2)));
        cut = true;
      }
    }
    return { kind: doc.kind, count: mutations.length === 0 ? doc.count : undefined, plain, bytes, cut, chunk, unitBytes, maxElements };
  });

/** Shows an input in a failure report the way it can be pasted back into a test. */
export function describeInput(input) {
  return `kind=${input.kind} chunk=${input.chunk} unitBytes=${input.unitBytes} maxElements=${input.maxElements}${input.bytes === input.plain ? '' : ` gzip${input.cut ? ` cut to ${input.bytes.length} bytes` : ''}`}\nplain (base64): ${input.plain.toString('base64')}\nplain (text): ${JSON.stringify(input.plain.toString('latin1').slice(0, 2000))}`;
}

/** A few consecutive messages of a real corpus, joined as NDJSON, with their bytes mutated. */
export function corpusInput(messages) {
  return fc
    .record({
      start: fc.nat(messages.length - 1),
      count: fc.integer({ min: 1, max: 12 }),
      mutations: fc.array(byteMutation, { minLength: 1, maxLength: 6 }),
      chunk: fc.integer({ min: 1, max: 70_000 }),
      unitBytes: fc.constantFrom(64, 4096, 1024 * 1024),
    })
    .map(({ start, count, mutations, chunk, unitBytes }) => {
      const plain = applyMutations(Buffer.from(`${messages.slice(start, start + count).join('\n')}\n`), mutations);
      return { kind: 'corpus', count: undefined, plain, bytes: plain, cut: false, chunk, unitBytes, maxElements: 1000 };
    });
}
