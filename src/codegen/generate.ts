import { createHash } from 'node:crypto';
import { isReservedFileName } from '../core/file-names.js';
import type { Plan } from '../plan/model.js';
import { identifiers } from './code-scan.js';
import { GENERATED_HEADER } from './generated-marker.js';
import { emitParts, type ModuleParts, type Part } from './emit-parts.js';
import type { ModuleOptions } from './options.js';
import { runtimeExports, runtimeSource } from './runtime-source.js';
import { standaloneValidators } from './standalone-validators.js';
import { folderValidators, type FolderValidators } from './validator-modules.js';


/**
 * The generated files by path relative to `--out`: one file ('' is `--out` itself), or, in folder
 * mode, one module per track event (events/<function>.ts), the shared modules and index.ts.
 */
export async function generateFiles(plan: Plan, options: ModuleOptions, folder: boolean): Promise<Map<string, string>> {
  const parts = emitParts(plan, options);
  const files = folder ? await folderFiles(parts, options) : new Map([['', await singleFile(parts, options)]]);
  for (const [path, body] of files) files.set(path, withHeader(plan, body));
  return files;
}

async function singleFile(parts: ModuleParts, options: ModuleOptions): Promise<string> {
  const all = [parts.types, ...parts.events.map((e) => e.part), parts.calls];
  const sections = [];
  if (parts.types.code) sections.push(`// Types shared by events\n\n${parts.types.code}`);
  if (parts.events.length > 0) sections.push(`// Track events\n\n${parts.events.map((e) => e.part.code).join('\n')}`);
  sections.push(parts.calls.code, runtimeSource(options.client, options.validate, false, parts.versioned));
  if (options.validate !== 'off') {
    sections.push(await standaloneValidators(all.flatMap((p) => p.validators), parts.definitions));
  }
  return sections.join('\n');
}

/**
 * One module per event, so a bundler keeps only the events an app sends (validators included); the
 * index re-exports them all by name, with no default export that would keep everything alive. The
 * reusable types' validators live in validators.ts, which the modules that call them import.
 */
async function folderFiles(parts: ModuleParts, options: ModuleOptions): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const index: string[] = [`export { ${runtimeExports(options.client, options.validate).join(', ')} } from "./runtime.js";`];
  files.set('runtime.ts', runtimeSource(options.client, options.validate, true, parts.versioned));
  if (parts.types.code) {
    files.set('types.ts', parts.types.code);
    index.push(`export type { ${parts.types.exports.map((e) => e.replace(/^type /, '')).join(', ')} } from "./types.js";`);
  }
  const modules = [...parts.events.map((e) => e.part), parts.calls];
  const validating = options.validate === 'off' ? [] : modules.filter((part) => part.validators.length > 0);
  const compiled = validating.length === 0 ? undefined : await folderValidators(validating.map((part) => part.validators), parts.definitions);
  const validatorsOf = (part: Part) => compiled?.modules[validating.indexOf(part)];
  if (compiled) files.set('validators.ts', `import type { $AjvError } from "./runtime.js";\n\n${compiled.shared}`);
  const moduleNames = eventModuleNames(parts.events.map((e) => e.fn));
  for (const [i, event] of parts.events.entries()) {
    const file = `events/${moduleNames[i]}.ts`;
    files.set(file, moduleOf(event.part, '../', validatorsOf(event.part)));
    index.push(`export { ${event.part.exports.join(', ')} } from "./${file.replace(/\.ts$/, '.js')}";`);
  }
  files.set('calls.ts', moduleOf(parts.calls, './', validatorsOf(parts.calls)));
  index.push(`export { ${parts.calls.exports.join(', ')} } from "./calls.js";`);
  files.set('index.ts', `${index.join('\n')}\n`);
  return files;
}

/** A folder module: imports of what its code uses from runtime.ts, types.ts and validators.ts, the code, its validators. */
function moduleOf(part: Part, up: string, validators: FolderValidators['modules'][number] | undefined): string {
  const body = validators ? `${part.code}\n${validators.code}` : part.code;
  const used = new Set([...identifiers(body)].map((i) => i.name));
  const runtime = RUNTIME_IMPORTS.filter((name) => used.has(name.replace(/^type /, '')));
  const imports = [`import { ${runtime.join(', ')} } from "${up}runtime.js";`];
  if (part.types.size > 0) imports.push(`import type { ${[...part.types].sort().join(', ')} } from "${up}types.js";`);
  if (validators && validators.imports.length > 0) imports.push(`import { ${validators.imports.join(', ')} } from "${up}validators.js";`);
  return `${imports.join('\n')}\n\n${body}`;
}

// What a folder module may need from runtime.ts; each is imported only where used (noUnusedLocals).
const RUNTIME_IMPORTS = ['$send', '$check', '$versioned', 'type CallOptions', 'type IdentityOptions', 'type $Validate', 'type $AjvError'];

/** File names for event modules: the function names, numbered where two differ only in case or Windows refuses the name. */
function eventModuleNames(functions: string[]): string[] {
  const used = new Set<string>();
  return functions.map((fn) => {
    let name = fn;
    for (let n = 2; used.has(name.toLowerCase()) || isReservedFileName(name); n++) name = `${fn}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * A header line naming the plan, its version and a hash of the content (no timestamp, so the same
 * plan and options always give the same bytes), then the body.
 */
export function withHeader(plan: Pick<Plan, 'name' | 'version'>, body: string): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const name = plan.name !== undefined ? ` from plan ${commentSafe(plan.name)}` : '';
  const version = plan.version === undefined ? '' : ` version ${typeof plan.version === 'number' ? plan.version : commentSafe(plan.version)}`;
  return `${GENERATED_HEADER}${name}${version} (content hash ${hash}). Do not edit: run cdp codegen to regenerate.\n/* eslint-disable */\n\n${body}`;
}

// A line comment ends at any line terminator, so none may reach it raw from the plan.
function commentSafe(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
