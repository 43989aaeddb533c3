import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from './paths.js';
import { fullMessage, NO_FILE_LABEL, unicodeEscape } from './text.js';
import type { Reporter } from './types.js';

/**
 * JUnit XML in the shape ESLint's junit formatter uses: a test suite per file, a failing test case per
 * diagnostic (warnings included, told apart by `type`), and one passing case for each clean file so
 * CI dashboards list everything that was checked.
 */
export const junit: Reporter = (report, options) => {
  const byFile = new Map<string | undefined, Diagnostic[]>(report.files.map((file) => [file, []]));
  for (const d of report.diagnostics) {
    const group = byFile.get(d.file);
    if (group) group.push(d);
    else byFile.set(d.file, [d]);
  }
  const suites = [...byFile].map(([file, diagnostics]) =>
    testSuite(file === undefined ? NO_FILE_LABEL : displayPath(file, options.cwd), diagnostics),
  );
  const tests = [...byFile.values()].reduce((n, ds) => n + Math.max(ds.length, 1), 0);
  const failures = report.diagnostics.length;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="cdp ${attr(report.command)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testSuite(name: string, diagnostics: readonly Diagnostic[]): string {
  const cases =
    diagnostics.length === 0
      ? [`<testcase name="${attr(name)}" classname="${attr(name)}"/>`]
      : diagnostics.map((d) => testCase(name, d));
  const tests = Math.max(diagnostics.length, 1);
  return [
    `<testsuite name="${attr(name)}" tests="${tests}" failures="${diagnostics.length}" errors="0">`,
    ...cases,
    '</testsuite>',
  ].join('\n');
}

function testCase(file: string, d: Diagnostic): string {
  const position = [d.line, d.line === undefined ? undefined : d.column].filter((n) => n !== undefined);
  const classname = [file, ...position].join(':');
  const severity = d.severity === 'error' ? 'error' : 'warning';
  const message = fullMessage(d);
  const detail = `${position.length > 0 ? `${position.join(':')} ` : ''}${severity}: ${message} (${d.ruleId})`;
  return (
    `<testcase name="${attr(d.ruleId)}" classname="${attr(classname)}">` +
    `<failure message="${attr(message)}" type="${severity}">${text(detail)}</failure>` +
    '</testcase>'
  );
}

/**
 * Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab/LF/CR,
 * lone surrogates, U+FFFE and U+FFFF. With the `u` flag a valid surrogate pair is one code point and
 * does not match. Payload data can contain any of them, so they are written as visible escapes.
 */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

function text(value: string): string {
  return value
    .replace(INVALID_XML, unicodeEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

// Parsers normalise raw tab/LF/CR in attribute values to spaces; character references survive.
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
