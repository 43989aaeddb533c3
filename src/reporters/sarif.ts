import type { Diagnostic } from '../core/diagnostic.js';
import type { Report } from '../core/report.js';
import { uriPath } from './paths.js';
import { fullMessage } from './text.js';
import type { Reporter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, IDE viewers). One run; the rules listed
 * are only those the results use, so `ruleIndex` stays small and meaningful.
 */
export const sarif: Reporter = (report, options) => {
  const ruleIds = [...new Set(report.diagnostics.map((d) => d.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const artifactUris = report.files.map((file) => uriPath(file, options.cwd));
  const artifactIndex = new Map(artifactUris.map((uri, i) => [uri, i]));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cdp',
            rules: ruleIds.map((id) => ruleDescriptor(report, id)),
          },
        },
        artifacts: artifactUris.map((uri) => ({ location: { uri } })),
        results: report.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId)!,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: fullMessage(d) },
          ...locations(d, options.cwd, artifactIndex),
          ...properties(d),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * A rule the report carries no descriptor for (an internal or fatal id) is still listed by id. The
 * documentation is named in `help` rather than `helpUri`, which must be an absolute URI (GitHub code
 * scanning rejects an upload whose helpUri is relative) and the package publishes none.
 */
function ruleDescriptor(report: Report, id: string): Record<string, unknown> {
  const rule = report.rules[id];
  if (!rule) return { id };
  return {
    id,
    shortDescription: { text: rule.description },
    help: { text: `${rule.description} Documented in ${rule.docs} of the cdp repository.` },
  };
}

function locations(d: Diagnostic, cwd: string, artifactIndex: ReadonlyMap<string, number>) {
  if (d.file === undefined) return {};
  const uri = uriPath(d.file, cwd);
  const index = artifactIndex.get(uri);
  return {
    locations: [
      {
        physicalLocation: {
          artifactLocation: index === undefined ? { uri } : { uri, index },
          ...region(d),
        },
      },
    ],
  };
}

/** SARIF regions are 1-based like ours; a column is meaningless without its line, so both go together. */
function region(d: Diagnostic) {
  if (d.line === undefined) return {};
  const r: Record<string, number> = { startLine: d.line };
  if (d.column !== undefined) r.startColumn = d.column;
  if (d.endLine !== undefined) r.endLine = d.endLine;
  if (d.endColumn !== undefined) r.endColumn = d.endColumn;
  return { region: r };
}

function properties(d: Diagnostic) {
  const props: Record<string, string> = {};
  if (d.event !== undefined) props.event = d.event;
  if (d.path !== undefined) props.path = d.path;
  return Object.keys(props).length === 0 ? {} : { properties: props };
}
