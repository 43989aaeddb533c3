import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// Both are CommonJS; under NodeNext the default import is the module object on some resolutions.
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as typeof Ajv04Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: InstanceType<typeof Ajv04Module>) => unknown;

const SCHEMAS = new URL('../fixtures/schemas/', import.meta.url);

// The official schema is draft-04; ajv-formats makes `format: uri` (absolute) and `uri-reference` real checks.
const ajv = new Ajv04({ allErrors: true });
addFormats(ajv);
const validateSarifLog = ajv.compile(JSON.parse(readFileSync(new URL('sarif-schema-2.1.0.json', SCHEMAS), 'utf8')) as object);

/** What the official SARIF 2.1.0 schema finds wrong with `log`, one line per problem (none: valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  return validateSarifLog(log) ? [] : (validateSarifLog.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

const XMLLINT = 'xmllint';
/** Whether libxml2's xmllint (Debian's libxml2-utils, which .ci/run installs) is on PATH: the JUnit checks need it. */
export const HAS_XMLLINT = spawnSync(XMLLINT, ['--version']).status === 0;
const JUNIT_XSD = fileURLToPath(new URL('junit-10.xsd', SCHEMAS));

/** xmllint's complaints when `xml` is checked against the JUnit schema CI readers use (none: valid). */
export function junitSchemaErrors(xml: string): string[] {
  const r = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', JUNIT_XSD, '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.status === 0 ? [] : r.stderr.split('\n').filter((line) => line !== '' && !line.endsWith(' validates'));
}

/** An XPath 1.0 expression's string value in `xml`, as libxml2 parses the document. */
export function xpathString(xml: string, expression: string): string {
  const r = spawnSync(XMLLINT, ['--nonet', '--xpath', `string(${expression})`, '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${r.stderr}`);
  // xmllint ends what it prints with a newline of its own.
  return r.stdout.slice(0, -1);
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * Reads stdout lines as the GitHub Actions runner reads `::command k=v,...::data` lines
 * (actions/runner, ActionCommand.TryParseV2): the data runs from the second `::`, properties are
 * split at `,` and then at the first `=`, and each escape is undone by plain replacement, `%25` last.
 * Lines that are not commands are returned as `undefined`, as the runner prints them as text.
 */
export function parseWorkflowCommands(stdout: string): (WorkflowCommand | undefined)[] {
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(parseWorkflowCommand);
}

function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info.slice(space + 1).trim().split(',')) {
      const equals = property.indexOf('=');
      if (equals > 0 && equals < property.length - 1) properties[property.slice(0, equals)] = unescape(property.slice(equals + 1), PROPERTY_ESCAPES);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA_ESCAPES) };
}

const DATA_ESCAPES: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']];
const PROPERTY_ESCAPES: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];

function unescape(text: string, escapes: [string, string][]): string {
  return escapes.reduce((out, [escaped, raw]) => out.replaceAll(escaped, raw), text);
}
