import { CLIENTS, type ClientName } from './clients/index.js';
import type { ValidateMode } from './options.js';
import { AJV_ERROR_TYPE } from './compact-ajv-code.js';

/**
 * The plumbing every generated module shares: call options, the client (which library the calls go
 * to) and, with validation on, the violation handling the validators report through. Internal
 * names start with `$`; in folder mode the event modules import them, so they are exported there.
 */
export function runtimeSource(client: ClientName, validate: ValidateMode, exportInternals: boolean, versioned: boolean): string {
  const identity = CLIENTS[client].identityRequired
    ? `\n/** Call options that say who the call is about: analytics-node needs a userId or an anonymousId. */\nexport type IdentityOptions = CallOptions & ({ userId: string } | { anonymousId: string });\n`
    : '';
  const source = `// Client

/** Fields any call may carry besides its properties or traits. */
export interface CallOptions {
  userId?: string;
  anonymousId?: string;
  context?: Record<string, unknown>;
  integrations?: Record<string, boolean | Record<string, unknown>>;
  /** When the call happened: a Date, or an ISO-8601 string. */
  timestamp?: Date | string;
  messageId?: string;
}
${identity}
type $Call =
  | { type: "track"; event: string; properties: object }
  | { type: "identify"; traits: object }
  | { type: "group"; groupId: string; traits: object }
  | { type: "page"; name?: string | undefined; properties: object }
  | { type: "screen"; name: string; properties: object }
  | { type: "alias"; userId: string; previousId?: string | undefined };

// Declared here so the module compiles with or without the DOM and Node.js type libraries.
declare const console: { warn(...data: unknown[]): void };

let $warned = false;

function $warnOnce(message: string): void {
  if (!$warned) console.warn(message);
  $warned = true;
}

${CLIENTS[client].runtime}${versioned ? VERSIONED : ''}${validate === 'off' ? '' : validationSource(validate)}`;
  return exportInternals ? source.replace(/^(function \$send|function \$check|function \$versioned|type \$Validate|type \$AjvError|type \$Call)\b/gm, 'export $1') : source;
}

// Only where the plan gives an event a version: an unused function would not compile under noUnusedLocals.
const VERSIONED = `
/** The call options with context.protocols.event_version set to the event's version in the plan, which \`cdp lint\` checks; the caller's objects are copied, not changed. */
function $versioned(options: CallOptions | undefined, version: number | string): CallOptions {
  const context = options?.context ?? {};
  const protocols = typeof context["protocols"] === "object" && context["protocols"] !== null ? context["protocols"] : {};
  return { ...options, context: { ...context, protocols: { ...protocols, event_version: version } } };
}
`;

function validationSource(validate: ValidateMode): string {
  const devOnly = validate === 'dev' ? '  if (!$dev) return;\n' : '';
  return `\n// Run-time validation (--validate ${validate})

/** A payload that breaks the plan, found by the generated validators before it is sent. */
export interface Violation {
  ruleId: "plan/missing-required" | "plan/unplanned-property" | "plan/invalid-value";
  type: "track" | "identify" | "group" | "page" | "screen";
  /** The event, page or screen name; "identify" or "group" for traits. */
  event: string;
  /** JSON pointer into the message: /properties/products/0/price. */
  path: string;
  message: string;
}

declare const process: { env: { NODE_ENV?: string } };

// Bundlers replace process.env.NODE_ENV; where nothing defines it (a browser without a bundler) this is production.
const $dev = ((): boolean => {
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return false;
  }
})();

let $onViolation = (violation: Violation): void => {
  if ($dev) throw new Error(\`\${violation.message} (\${violation.ruleId})\`);
  console.warn(\`\${violation.message} (\${violation.ruleId})\`);
};

/** Replaces the default handler of violations (throw in development, console.warn in production). */
export function setOnViolation(handler: (violation: Violation) => void): void {
  $onViolation = handler;
}

${AJV_ERROR_TYPE}
type $Validate = { (data: unknown): boolean; errors?: $AjvError[] | null };

function $check(type: Violation["type"], event: string, slot: string, payload: unknown, validate: $Validate): void {
${devOnly}  if (validate(payload)) return;
  const owner = type === "track" ? \`Event "\${event}"\` : type === "identify" || type === "group" ? \`The \${type} traits\` : \`The \${type} "\${event}"\`;
  for (const error of validate.errors ?? []) {
    let path = slot + error.instancePath;
    let ruleId: Violation["ruleId"] = "plan/invalid-value";
    let message = \`\${owner}: \${path} \${error.detail}\`;
    if (error.keyword === "required" || error.keyword === "additionalProperties") {
      path += "/" + error.detail.replace(/~/g, "~0").replace(/\\//g, "~1");
      ruleId = error.keyword === "required" ? "plan/missing-required" : "plan/unplanned-property";
      message = \`\${owner}: \${error.keyword === "required" ? "missing required property" : "property not in the plan:"} \${path}\`;
    }
    $onViolation({ ruleId, type, event, path, message });
  }
}

`;
}

/** The names a module that re-exports the runtime (the folder's index) exports from it. */
export function runtimeExports(client: ClientName, validate: ValidateMode): string[] {
  const names = client === 'window' ? ['type CallOptions'] : ['setClient', 'type CallOptions'];
  if (CLIENTS[client].identityRequired) names.push('type IdentityOptions');
  names.push(client === 'custom' ? 'type Message' : 'type AnalyticsClient');
  if (validate !== 'off') names.push('setOnViolation', 'type Violation');
  return names;
}
