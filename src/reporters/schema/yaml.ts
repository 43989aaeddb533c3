import yaml from 'js-yaml';
import type { InferredPlan } from '../../report/infer-plan.js';
import type { SchemaReport } from '../../report/types.js';
import { int } from './text.js';

/** The inferred draft plan as YAML, with a header saying where it came from and what to review. */
export function renderInferredPlan(inferred: InferredPlan, report: SchemaReport, sources: readonly string[]): string {
  const from = sources.length === 1 ? sources[0]! : `${sources.length} inputs`;
  const header = [
    '# yaml-language-server: $schema=./node_modules/cdp/schemas/tracking-plan.schema.json',
    `# Draft tracking plan inferred by \`cdp schema-report --infer\` from ${int(report.summary.reported)} events (${oneLine(from)}).`,
    '# Review before adopting it: "required" means present in every event seen, enums list the values',
    '# seen, descriptions are for you to write, and naming conventions are off because the names are',
    '# kept as the data spells them.',
    ...inferred.skipped.map((s) => `# Not included: ${oneLine(s)}`),
  ];
  const body = yaml.dump(inferred.document, { noRefs: true, lineWidth: 120, quotingType: '"', noCompatMode: true });
  return `${header.join('\n')}\n${body}`;
}

/** A comment ends at a line break: keep any that a file or event name carries from ending it early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]/g, ' ');
}
