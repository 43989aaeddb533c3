import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { junit } from '../../src/reporters/junit.js';
import { HAS_XMLLINT, junitSchemaErrors, xpathString } from '../helpers/output-schemas.js';
import { DIAGNOSTICS, emptyReport, fixtureReport, NASTY, options } from './fixture.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  expect(raw).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, ref: string) =>
    ref.startsWith('#x')
      ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#')
        ? String.fromCodePoint(Number(ref.slice(1)))
        : ENTITIES[ref]!,
  );
}

/**
 * A strict parser for the XML subset the reporter writes (declaration, elements, double-quoted
 * attributes, text). It throws on anything else, so malformed output fails the test.
 */
function parseXml(xml: string): Element {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  expect(xml.startsWith(declaration)).toBe(true);
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  token.lastIndex = declaration.length;
  // End-of-line normalisation, as every XML parser applies it before anything else.
  const source = xml.replace(/\r\n?/g, '\n');
  while (token.lastIndex < source.length) {
    const start = token.lastIndex;
    const m = token.exec(source);
    if (!m) throw new Error(`unparseable XML at ${start}: ${source.slice(start, start + 40)}`);
    const [, closing, name, attrs, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attrs!.matchAll(/([\w-]+)="([^"]*)"/g)) {
        if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
        // Attribute-value normalisation: raw whitespace characters become spaces, references survive.
        attributes[key!] = decode(value!.replace(/[\t\n\r]/g, ' '));
      }
      const element: Element = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const elements = root.children;
  expect(elements).toHaveLength(1);
  return elements[0]!;
}

const all = (el: Element, name: string): Element[] =>
  el.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);

// Rendered per test so that malformed output fails the tests rather than the collection.
const render = () => {
  const xml = junit(fixtureReport(), options());
  return { xml, doc: parseXml(xml) };
};

describe('junit reporter', () => {

  it('is well-formed XML with one suite per file read, plus one for diagnostics without a file', () => {
    const { doc } = render();
    expect(doc.name).toBe('testsuites');
    expect(doc.children.map((s) => s.attributes.name)).toEqual([
      'plans/web.yaml',
      'events.ndjson',
      'clean.ndjson',
      '(no file)',
    ]);
    expect(all(doc, 'testcase')).toHaveLength(DIAGNOSTICS.length + 1);
    expect(all(doc, 'failure')).toHaveLength(DIAGNOSTICS.length);
  });

  it('keeps the counts in the attributes consistent with the content', () => {
    const { doc } = render();
    expect(doc.attributes).toMatchObject({ tests: '7', failures: '6', errors: '0' });
    for (const suite of doc.children) {
      expect(suite.name).toBe('testsuite');
      expect(suite.attributes.tests).toBe(String(all(suite, 'testcase').length));
      expect(suite.attributes.failures).toBe(String(all(suite, 'failure').length));
      expect(suite.attributes.errors).toBe('0');
    }
  });

  it('gives a clean file one passing test case', () => {
    const { doc } = render();
    const clean = doc.children.find((s) => s.attributes.name === 'clean.ndjson')!;
    expect(clean.children).toEqual([
      { name: 'testcase', attributes: { name: 'clean.ndjson', classname: 'clean.ndjson' }, children: [], text: '' },
    ]);
  });

  it('names test cases by rule and file position', () => {
    const { doc } = render();
    const cases = doc.children.find((s) => s.attributes.name === 'events.ndjson')!.children;
    expect(cases.map((c) => [c.attributes.name, c.attributes.classname])).toEqual([
      ['plan/missing-required', 'events.ndjson:7:1'],
      ['plan/invalid-type', 'events.ndjson:10:12'],
      ['input/malformed', 'events.ndjson:120'],
    ]);
    const warning = all(doc, 'failure').find((f) => f.attributes.message!.includes('Title Case'))!;
    expect(warning.attributes).toEqual({
      message: 'Event name "order completed" is not Title Case. (did you mean "Order Completed"?)',
      type: 'warning',
    });
  });

  it('escapes payload text, keeping newlines and replacing characters XML cannot carry', () => {
    const { xml, doc } = render();
    const failure = all(doc, 'failure').find((f) => f.attributes.message!.includes('note'))!;
    const shown = NASTY.replace('\u001b', '\\u001b');
    expect(failure.attributes.message).toBe(`Property "note" must be a number, got "${shown}".`);
    expect(failure.text).toBe(`10:12 error: Property "note" must be a number, got "${shown}". (plan/invalid-type)`);
    expect(xml).toContain('&lt;b&gt;off&lt;/b&gt; &amp;');

    const report = createReport(
      'check',
      [],
      [{ ruleId: 'r', severity: 'error', message: 'tab\there\r\nnul\u0000 lone\ud800 pair\ud83d\ude00 ]]>', file: 'a"<&>.yaml' }],
      {},
    );
    const parsed = parseXml(junit(report, options()));
    const [suite] = parsed.children;
    expect(suite!.attributes.name).toBe('a"<&>.yaml');
    expect(all(parsed, 'failure')[0]!.attributes.message).toBe(
      'tab\there\r\nnul\\u0000 lone\\ud800 pair\ud83d\ude00 ]]>',
    );
  });

  it.skipIf(!HAS_XMLLINT)('is accepted by the JUnit schema CI readers use, and libxml2 reads every message back', () => {
    expect(junitSchemaErrors(junit(fixtureReport(), options()))).toEqual([]);
    expect(junitSchemaErrors(junit(emptyReport(), options()))).toEqual([]);
    const message = 'tab\there\r\nnul\u0000 lone\ud800 <&"\'> ]]> pair\ud83d\ude00';
    const xml = junit(createReport('check', [], [{ ruleId: 'r', severity: 'error', message, file: '/repo/a"<&>]]>.yaml', line: 1 }], {}), options());
    expect(junitSchemaErrors(xml)).toEqual([]);
    expect(xpathString(xml, '//failure/@message')).toBe('tab\there\r\nnul\\u0000 lone\\ud800 <&"\'> ]]> pair\ud83d\ude00');
    expect(xpathString(xml, '//testsuite/@name')).toBe('a"<&>]]>.yaml');
    expect(xpathString(xml, '//failure')).toBe('1 error: tab\there\r\nnul\\u0000 lone\\ud800 <&"\'> ]]> pair\ud83d\ude00 (r)');
  });
});
