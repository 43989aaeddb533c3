import type { Diagnostic } from '../core/diagnostic.js';
import { isJsonType, SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, TYPE_REF_PREFIX, type JsonSchema, type PlanEvent, type EventKind, type Policy, type TraitsSection } from './model.js';
import { joinPointer } from './pointer.js';
import { setOwn } from '../core/set-own.js';

/** A use of a reusable type, kept so unknown names and cycles can be reported where they were written. */
export interface TypeReference {
  name: string;
  file: string;
  pointer: string;
  /** The type whose definition contains the reference, if any (for cycle detection). */
  inType?: string;
  /** How it was written: shorthand (`price: strin`) or an explicit `$ref`. */
  form: 'shorthand' | '$ref';
}

/**
 * Expands the plan's sugar into plain JSON Schema, one file at a time. Output keeps the author's
 * key order; type references become `{ $ref: '#/types/Name' }` and are collected in `refs`.
 */
export class Normalizer {
  readonly refs: TypeReference[] = [];
  readonly diagnostics: Diagnostic[] = [];
  #file = '';
  #inType: string | undefined;

  forFile(file: string): this {
    this.#file = file;
    return this;
  }

  type(name: string, raw: unknown, pointer: string): JsonSchema | boolean {
    this.#inType = name;
    try {
      const { schema, required } = this.schema(raw, pointer);
      if (required) this.invalid(joinPointer(pointer, 'required'), '`required: true` belongs on a property that uses the type, not on the type itself');
      return schema;
    } finally {
      this.#inType = undefined;
    }
  }

  event(kind: EventKind, name: string, raw: unknown, pointer: string): PlanEvent {
    const body = (raw ?? {}) as Record<string, unknown>;
    const event: PlanEvent = {
      kind,
      name,
      file: this.#file,
      pointer,
      properties: this.objectOf(body.properties, body.required, joinPointer(pointer, 'properties')),
    };
    if (typeof body.description === 'string') event.description = body.description;
    if (body.version !== undefined) event.version = body.version as number | string;
    if (body.deprecated !== undefined && body.deprecated !== false) event.deprecated = body.deprecated as true | string;
    if (body.unplanned_properties !== undefined) event.unplannedProperties = body.unplanned_properties as Policy;
    if (Array.isArray(body.examples)) event.examples = body.examples;
    if (Array.isArray(body.tags)) event.tags = body.tags as string[];
    if (typeof body.owner === 'string') event.owner = body.owner;
    return event;
  }

  traits(kind: 'identify' | 'group', raw: unknown, pointer: string): TraitsSection {
    const body = (raw ?? {}) as Record<string, unknown>;
    const section: TraitsSection = {
      kind,
      file: this.#file,
      pointer,
      traits: this.objectOf(body.traits, body.required, joinPointer(pointer, 'traits')),
    };
    if (typeof body.description === 'string') section.description = body.description;
    if (body.unplanned_traits !== undefined) section.unplannedTraits = body.unplanned_traits as Policy;
    if (Array.isArray(body.examples)) section.examples = body.examples;
    return section;
  }

  /** An object schema from a map of property definitions plus an optional explicit `required` list. */
  private objectOf(properties: unknown, requiredList: unknown, pointer: string): JsonSchema {
    const out: JsonSchema = { type: 'object' };
    const { props, required } = this.properties(properties, pointer);
    out.properties = props;
    const all = mergeRequired(required, requiredList);
    if (all.length > 0) out.required = all;
    return out;
  }

  private properties(raw: unknown, pointer: string): { props: JsonSchema; required: string[] } {
    const props: JsonSchema = {};
    const required: string[] = [];
    if (raw && typeof raw === 'object') {
      for (const [key, def] of Object.entries(raw)) {
        const r = this.schema(def, joinPointer(pointer, key));
        setOwn(props, key, r.schema);
        if (r.required) required.push(key);
      }
    }
    return { props, required };
  }

  /** Normalizes one schema position; `required` reports the `required: true` sugar to the parent. */
  schema(raw: unknown, pointer: string): { schema: JsonSchema | boolean; required: boolean } {
    if (typeof raw === 'boolean') return { schema: raw, required: false };
    if (typeof raw === 'string') return { schema: this.shorthand(raw, pointer), required: false };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { schema: {}, required: false };

    const out: JsonSchema = {};
    let required = false;
    let childRequired: string[] = [];
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const at = joinPointer(pointer, key);
      if (key === 'required') {
        if (typeof value === 'boolean') required = value;
        else out.required = value;
      } else if (key === 'type') {
        this.typeKeyword(value, at, out);
      } else if (key === '$ref') {
        out.$ref = this.reference(String(value).slice(TYPE_REF_PREFIX.length), at, '$ref');
      } else if (key === 'properties') {
        const p = this.properties(value, at);
        out.properties = p.props;
        childRequired = p.required;
      } else if (key === 'items') {
        out.items = Array.isArray(value) ? value.map((v, i) => this.schema(v, joinPointer(at, i)).schema) : this.schema(value, at).schema;
      } else if (key === 'patternProperties' || key === 'dependencies') {
        const m: JsonSchema = {};
        for (const [k, v] of Object.entries((value ?? {}) as object)) setOwn(m, k, Array.isArray(v) ? v : this.schema(v, joinPointer(at, k)).schema);
        out[key] = m;
      } else if (SINGLE_SUBSCHEMA_KEYWORDS.has(key)) {
        out[key] = this.schema(value, at).schema;
      } else if (SUBSCHEMA_LIST_KEYWORDS.has(key)) {
        const list = (value as unknown[]).map((v, i) => this.schema(v, joinPointer(at, i)).schema);
        out[key] = key === 'anyOf' && Array.isArray(out.anyOf) ? [...(out.anyOf as unknown[]), ...list] : list;
      } else {
        setOwn(out, key, value);
      }
    }
    if (childRequired.length > 0 || out.required !== undefined) out.required = mergeRequired(childRequired, out.required);
    return { schema: out, required };
  }

  private shorthand(name: string, pointer: string): JsonSchema {
    return isJsonType(name) ? { type: name } : { $ref: this.reference(name, pointer, 'shorthand') };
  }

  /** `type` may name JSON types or reusable types, alone or in a list (`[Currency, "null"]`). */
  private typeKeyword(value: unknown, pointer: string, out: JsonSchema): void {
    if (typeof value === 'string') {
      if (isJsonType(value)) out.type = value;
      else out.$ref = this.reference(value, pointer, 'shorthand');
      return;
    }
    const list = value as string[];
    if (list.every(isJsonType)) {
      out.type = list;
      return;
    }
    const json = list.filter(isJsonType);
    const branches: JsonSchema[] = list
      .map((t, i) => (isJsonType(t) ? undefined : { $ref: this.reference(t, joinPointer(pointer, i), 'shorthand') }))
      .filter((b): b is { $ref: string } => b !== undefined);
    if (json.length > 0) branches.push({ type: json.length === 1 ? json[0] : json });
    out.anyOf = branches;
  }

  private reference(name: string, pointer: string, form: TypeReference['form']): string {
    const ref: TypeReference = { name, file: this.#file, pointer, form };
    if (this.#inType !== undefined) ref.inType = this.#inType;
    this.refs.push(ref);
    return TYPE_REF_PREFIX + name;
  }

  private invalid(pointer: string, message: string): void {
    this.diagnostics.push({ ruleId: 'plan/invalid-format', severity: 'error', fatal: true, message, file: this.#file, path: pointer });
  }
}

function mergeRequired(sugar: string[], explicit: unknown): string[] {
  const all = [...sugar, ...(Array.isArray(explicit) ? (explicit as string[]) : [])];
  return [...new Set(all)];
}
