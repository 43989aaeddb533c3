import { compilePlan, type CompiledPlan } from '../compile/compile-plan.js';
import type { JsonSchema, Plan, PlanEvent, Policy, TraitsSection } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { withSpecProperties } from '../spec/call-properties.js';
import { CLIENTS, type ClientTemplate } from './clients/index.js';
import { jsdoc, type DocParts } from './jsdoc.js';
import { codegenNames, type CodegenNames } from './names.js';
import { docOf, isInterfaceLike, isOpenObject, objectMembers, propertyKey, schemaToType, type TypeContext } from './schema-to-type.js';
import type { ModuleOptions } from './options.js';
import type { ValidatorSource } from './standalone-validators.js';

/** A piece of the generated code, with what it needs from elsewhere. */
export interface Part {
  code: string;
  /** Schemas its `$validators.<key>` references need compiled. */
  validators: ValidatorSource[];
  /** Generated names of the plan's reusable types it refers to. */
  types: Set<string>;
  /** What it exports: the names a re-exporting index lists. */
  exports: string[];
}

/** Everything generated from the plan, before it is laid out as one file or a folder. */
export interface ModuleParts {
  /** The reusable types, as declarations. */
  types: Part;
  /** One part per track event, with its function name. */
  events: Array<{ name: string; fn: string; part: Part }>;
  /** page, screen, identify, group and alias with their types. */
  calls: Part;
  /** The reusable types' schemas, which every validator refers to. */
  definitions: JsonSchema;
  /** Whether some event, page or screen has a version, so that calls set context.protocols.event_version (through the runtime's `$versioned`). */
  versioned: boolean;
}

type SchemaSlot = 'properties' | 'traits';

/**
 * Generates the plan's types and functions: an interface per event, one function per track event,
 * and the identify/group/page/screen/alias wrappers. Internal names carry a `$`, which no name from
 * the plan can produce (see identifiers.ts), so plan names never collide with them.
 */
export function emitParts(plan: Plan, options: ModuleOptions): ModuleParts {
  return new Emitter(plan, codegenNames(plan), options).emit();
}

class Emitter {
  readonly #client: ClientTemplate;
  readonly #compiled: CompiledPlan | undefined;
  readonly #definitions: JsonSchema = {};
  #part: Part = newPart();

  constructor(
    private readonly plan: Plan,
    private readonly names: CodegenNames,
    private readonly options: ModuleOptions,
  ) {
    this.#client = CLIENTS[options.client];
    this.#compiled = options.validate === 'off' ? undefined : compilePlan(plan);
  }

  emit(): ModuleParts {
    const types = this.collect(() => {
      for (const t of this.plan.types.values()) {
        const name = this.names.types.get(t.name)!;
        this.#part.exports.push(`type ${name}`);
        this.#part.code += `${this.declare(name, t.schema, this.plan.defaults.unplannedProperties, docOf(typeof t.schema === 'object' ? t.schema : {}))}\n`;
      }
    });
    const events = [...this.plan.events.values()].map((event, index) => ({
      name: event.name,
      fn: this.names.functions.get(event.name)!,
      part: this.collect(() => this.trackEvent(event, `t${index}`)),
    }));
    const calls = this.collect(() => {
      this.namedCalls('page', this.plan.pages, this.names.pages, this.#compiled?.page);
      this.namedCalls('screen', this.plan.screens, this.names.screens, this.#compiled?.screen);
      this.traitsCall('identify', this.plan.identify, this.#compiled?.identify);
      this.traitsCall('group', this.plan.group, this.#compiled?.group);
      this.alias();
    });
    const versioned = [this.plan.events, this.plan.pages, this.plan.screens].some((map) => [...map.values()].some((event) => event.version !== undefined));
    return { types, events, calls, definitions: this.#definitions, versioned };
  }

  private collect(emit: () => void): Part {
    this.#part = newPart();
    emit();
    return this.#part;
  }

  /**
   * `export interface` for a plain object schema, `export type` for anything else; objects in its
   * properties become interfaces of their own, declared after it.
   */
  private declare(name: string, schema: JsonSchema | boolean, policy: Policy, doc: DocParts): string {
    const nested: string[] = [];
    const ctx: TypeContext = {
      typeName: (n) => {
        const type = this.names.types.get(n)!;
        this.#part.types.add(type);
        return type;
      },
      open: policy === 'off',
      nested: (base, object) => {
        const declared = this.names.reserve(base);
        this.#part.exports.push(`type ${declared}`);
        nested.push(this.declare(declared, object, policy, docOf(object)));
        return declared;
      },
    };
    const declaration = isInterfaceLike(schema)
      ? `${jsdoc(doc)}export interface ${name} {\n${objectMembers(schema, ctx, '  ', isOpenObject(schema, ctx), name)}}\n`
      : `${jsdoc(doc)}export type ${name} = ${schemaToType(schema, ctx)};\n`;
    return [declaration, ...nested].join('\n');
  }

  private policyOf(event: PlanEvent): Policy {
    return event.unplannedProperties ?? this.plan.defaults.unplannedProperties;
  }

  private validator(key: string, compiled: JsonSchema | undefined, slot: SchemaSlot): void {
    if (!compiled) return;
    for (const [name, schema] of Object.entries((compiled.definitions ?? {}) as JsonSchema)) setOwn(this.#definitions, name, schema);
    this.#part.validators.push({ key, schema: ((compiled.properties as Record<string, JsonSchema>)[slot] ?? {}) as JsonSchema });
  }

  private trackEvent(event: PlanEvent, key: string): void {
    const type = this.names.events.get(event.name)!;
    const fn = this.names.functions.get(event.name)!;
    const doc = eventDoc(event);
    const iface = this.declare(type, event.properties, this.policyOf(event), { ...doc, description: `Properties of "${event.name}"${event.description !== undefined ? `: ${event.description}` : '.'}` });
    this.validator(key, this.#compiled?.track.get(event.name), 'properties');
    const params = `${this.propertiesParam(event.properties, type)}, ${this.optionsParam()}`;
    const options = event.version === undefined ? 'options' : `$versioned(options, ${JSON.stringify(event.version)})`;
    const body = `${this.check('track', JSON.stringify(event.name), 'properties', `$validators.${key}`)}  $send({ type: "track", event: ${JSON.stringify(event.name)}, properties }, ${options});\n`;
    this.#part.exports.push(fn, `type ${type}`);
    this.#part.code += `${iface}\n${jsdoc({ ...doc, ...(event.examples ? { examples: event.examples } : {}) })}export function ${fn}(${params}): void {\n${body}}\n`;
  }

  private propertiesParam(schema: JsonSchema, type: string, name = 'properties'): string {
    const required = Array.isArray(schema.required) && schema.required.length > 0;
    return required || this.#client.identityRequired ? `${name}: ${type}` : `${name}: ${type} = {}`;
  }

  private optionsParam(): string {
    return this.#client.identityRequired ? 'options: IdentityOptions' : 'options?: CallOptions';
  }

  private check(type: string, nameExpr: string, slot: SchemaSlot, validator: string): string {
    if (this.options.validate === 'off') return '';
    return `  $check(${JSON.stringify(type)}, ${nameExpr}, ${JSON.stringify(`/${slot}`)}, ${slot}, ${validator});\n`;
  }

  /** `page(name, properties, options)` / `screen(...)`, typed by name from the plan's pages or screens. */
  private namedCalls(kind: 'page' | 'screen', events: Map<string, PlanEvent>, names: Map<string, string>, compiled: Map<string, JsonSchema> | undefined): void {
    const mapName = kind === 'page' ? 'Pages' : 'Screens';
    this.#part.exports.push(kind);
    if (events.size === 0) {
      const nameParam = kind === 'screen' ? 'name: string' : this.#client.identityRequired ? 'name: string | undefined' : 'name?: string';
      const props = this.#client.identityRequired ? 'properties: Record<string, unknown>' : 'properties: Record<string, unknown> = {}';
      this.#part.code += `/** Sends a ${kind} call. The plan lists no ${kind}s, so any name and properties are accepted. */\nexport function ${kind}(${nameParam}, ${props}, ${this.optionsParam()}): void {\n  $send({ type: ${JSON.stringify(kind)}, name, properties }, options);\n}\n\n`;
      return;
    }
    const members: string[] = [];
    const lookups: string[] = [];
    const versions: string[] = [];
    let index = 0;
    for (const [name, event] of events) {
      if (event.version !== undefined) versions.push(`  [${JSON.stringify(name)}, ${JSON.stringify(event.version)}],\n`);
      const type = names.get(name)!;
      this.#part.exports.push(`type ${type}`);
      // The properties the Segment spec defines for every page or screen (url, title, ...) are typed too, as optional.
      this.#part.code += `${this.declare(type, withSpecProperties(kind, event.properties), this.policyOf(event), event.description !== undefined ? { description: event.description } : {})}\n`;
      members.push(`${jsdoc(eventDoc(event), '  ')}  ${propertyKey(name)}: ${type};\n`);
      const key = `${kind[0]}${index++}`;
      this.validator(key, compiled?.get(name), 'properties');
      lookups.push(`  [${JSON.stringify(name)}, $validators.${key}],\n`);
    }
    const args = this.#client.identityRequired
      ? '[properties: P, options: IdentityOptions]'
      : '{} extends P ? [properties?: P, options?: CallOptions] : [properties: P, options?: CallOptions]';
    const overloads = [`/** Sends a ${kind} call for a ${kind} of the plan, with that ${kind}'s properties. */\nexport function ${kind}<Name extends keyof ${mapName}>(name: Name, ...args: $${mapName}Args<${mapName}[Name]>): void;`];
    const unnamed = kind === 'page';
    const other = this.otherNamesOverload(kind, mapName);
    if (other) overloads.push(other);
    // Built at the first call, not on import, so that a bundler can drop the validators with the function.
    const lookup = `($${kind}Validators ??= new Map<string, $Validate>([\n${lookups.join('')}])).get(name)`;
    const checkNamed = `const validate = ${lookup};\nif (validate) $check(${JSON.stringify(kind)}, name, "/properties", properties, validate);\n`;
    const check = !compiled ? '' : unnamed ? `  if (name !== undefined) {\n${indent(checkNamed, '    ')}  }\n` : indent(checkNamed, '  ');
    const lookupDeclaration =
      (compiled ? `let $${kind}Validators: Map<string, $Validate> | undefined;\n` : '') +
      (versions.length > 0 ? `let $${kind}Versions: Map<string, number | string> | undefined;\n` : '');
    // As for track calls, a versioned name sends context.protocols.event_version, which cdp lint checks.
    const versionLookup = `($${kind}Versions ??= new Map<string, number | string>([\n${versions.join('')}])).get(name)`;
    const send = versions.length === 0
      ? `  $send({ type: ${JSON.stringify(kind)}, name, properties }, options);\n`
      : `  const version = ${unnamed ? `name === undefined ? undefined : ${versionLookup}` : versionLookup};\n  $send({ type: ${JSON.stringify(kind)}, name, properties }, version === undefined ? options : $versioned(options, version));\n`;
    this.#part.exports.push(`type ${mapName}`);
    this.#part.code += `/** The properties of each ${kind} in the plan, by ${kind} name. */
export interface ${mapName} {
${members.join('')}}

type $${mapName}Args<P> = ${args};

${lookupDeclaration}${lookupDeclaration === '' ? '' : '\n'}${overloads.join('\n')}
export function ${kind}(name${unnamed ? '?' : ''}: string, properties: object = {}, options?: CallOptions): void {
${check}${send}}

`;
  }

  /**
   * The overload for names the plan does not list, if any. As in `cdp lint`, a page without a name is
   * never unplanned, and other names are unplanned unless the plan's unplanned_events policy is off.
   */
  private otherNamesOverload(kind: 'page' | 'screen', mapName: string): string | undefined {
    const unnamed = kind === 'page';
    const unplanned = this.plan.defaults.unplannedEvents === 'off';
    if (!unnamed && !unplanned) return undefined;
    // A planned name must not slip through with other properties: only names the plan does not list.
    const nameType = unplanned ? `Name extends keyof ${mapName} ? never : Name` : 'undefined';
    const nameParam = !unnamed ? `name: ${nameType}` : this.#client.identityRequired ? `name: ${unplanned ? `(${nameType}) | undefined` : nameType}` : `name?: ${nameType}`;
    const properties = this.#client.identityRequired ? 'properties: Record<string, unknown>' : 'properties?: Record<string, unknown>';
    const doc = unplanned ? `for a ${kind} the plan does not list, with any properties: its unplanned_events policy is off` : 'without a name, with any properties: the plan lists named pages only';
    return `/** Sends a ${kind} call ${doc}. */\nexport function ${kind}${unplanned ? '<Name extends string>' : ''}(${nameParam}, ${properties}, ${this.optionsParam()}): void;`;
  }

  private traitsCall(kind: 'identify' | 'group', section: TraitsSection | undefined, compiled: JsonSchema | undefined): void {
    const type = kind === 'identify' ? 'IdentifyTraits' : 'GroupTraits';
    const declaration = section
      ? this.declare(type, section.traits, section.unplannedTraits ?? this.plan.defaults.unplannedProperties, section.description !== undefined ? { description: section.description } : {})
      : `/** The plan has no \`${kind}\` section, so any traits are accepted. */\nexport type ${type} = Record<string, unknown>;\n`;
    const traits = this.propertiesParam(section?.traits ?? {}, type, 'traits');
    const key = `${kind[0]}0`;
    this.validator(key, compiled, 'traits');
    const check = compiled ? this.check(kind, JSON.stringify(kind), 'traits', `$validators.${key}`) : '';
    const doc = kind === 'identify' ? 'Sends an identify call: who the user is, with their traits.' : 'Sends a group call: the account (or company, team) the user belongs to, with its traits.';
    const params = kind === 'identify' ? `${traits}, ${this.optionsParam()}` : `groupId: string, ${traits}, ${this.optionsParam()}`;
    const call = kind === 'identify' ? '{ type: "identify", traits }' : '{ type: "group", groupId, traits }';
    this.#part.exports.push(kind, `type ${type}`);
    this.#part.code += `${declaration}\n/** ${doc} */\nexport function ${kind}(${params}): void {\n${check}  $send(${call}, options);\n}\n\n`;
  }

  private alias(): void {
    const previous = this.#client.identityRequired ? 'previousId: string' : 'previousId?: string';
    this.#part.exports.push('alias');
    this.#part.code += `/** Sends an alias call: \`userId\` is the new id of the user known so far as \`previousId\`. */\nexport function alias(userId: string, ${previous}, options?: CallOptions): void {\n  $send({ type: "alias", userId, previousId }, options);\n}\n`;
  }
}

/** What the JSDoc of an event (or page, screen) says: its description and deprecation. */
function eventDoc(event: PlanEvent): DocParts {
  const doc: DocParts = {};
  if (event.description !== undefined) doc.description = event.description;
  if (event.deprecated !== undefined) doc.deprecated = event.deprecated;
  return doc;
}

function indent(code: string, by: string): string {
  return code.replace(/^(?=.)/gm, by);
}

function newPart(): Part {
  return { code: '', validators: [], types: new Set(), exports: [] };
}
