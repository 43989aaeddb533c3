import { codegenNames } from '../../src/codegen/names.js';
import type { ClientName } from '../../src/codegen/clients/index.js';
import type { Plan } from '../../src/plan/model.js';
import { literal, sampleValue } from '../helpers/sample-value.js';

/** A TypeScript file that calls every generated function of `plan` correctly, through `from`. */
export function usageFile(plan: Plan, client: ClientName, from: string, validating: boolean): string {
  const names = codegenNames(plan);
  const identity = client === 'analytics-node' ? ', { userId: "u1" }' : '';
  const lines = [`import * as analytics from ${JSON.stringify(from)};`, ''];
  if (client === 'custom') lines.push('analytics.setClient((message: analytics.Message) => void message.type);');
  else if (client !== 'window') lines.push('analytics.setClient({ track() {}, identify() {}, group() {}, page() {}, screen() {}, alias() {} });');
  if (validating) lines.push('analytics.setOnViolation((violation: analytics.Violation) => void violation.ruleId);');
  for (const [name, event] of plan.events) lines.push(`analytics.${names.functions.get(name)}(${literal(sampleValue(event.properties, plan))}${identity});`);
  for (const [name, event] of plan.pages) lines.push(`analytics.page(${JSON.stringify(name)}, ${literal(sampleValue(event.properties, plan))}${identity});`);
  for (const [name, event] of plan.screens) lines.push(`analytics.screen(${JSON.stringify(name)}, ${literal(sampleValue(event.properties, plan))}${identity});`);
  lines.push(`analytics.identify(${literal(sampleValue(plan.identify?.traits ?? { type: 'object' }, plan))}${identity});`);
  lines.push(`analytics.group("g1", ${literal(sampleValue(plan.group?.traits ?? { type: 'object' }, plan))}${identity});`);
  lines.push(`analytics.alias("u2", "u1");`);
  return lines.join('\n') + '\n';
}
