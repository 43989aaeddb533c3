// Payloads that tell two schemas of one event apart: a full valid payload, a minimal one, and from
// the full one each required property removed, each typed property given a value of another type,
// each enum given a value outside it. Used by the import tests and scripts/check-corpus-import.mjs.

const OTHER_VALUES = ['x', 12.5, true, { k: 1 }, [1], null, 3];
const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
const allowedBy = (types, v) => types.some((t) => t === jsonType(v) || (t === 'number' && typeof v === 'number'));

/** `root` holds `definitions` for `#/definitions/...` references. */
export function probes(schema, root) {
  const resolve = (s, depth = 0) => {
    if (s && typeof s === 'object' && typeof s.$ref === 'string' && depth < 20) {
      const name = decodeURIComponent(s.$ref.replace(/^#\/definitions\//, ''));
      return resolve(root?.definitions?.[name] ?? {}, depth + 1);
    }
    if (s && typeof s === 'object' && Array.isArray(s.allOf) && s.allOf.length === 1 && s.type === undefined) return { ...resolve(s.allOf[0], depth + 1), ...s, allOf: undefined };
    return s;
  };
  const sample = (raw, full, depth = 0) => {
    const s = resolve(raw);
    if (s === true || s === undefined || depth > 12) return 'x';
    if (s === false) return undefined;
    if (Array.isArray(s.enum)) return s.enum[0];
    if ('const' in s) return s.const;
    if (Array.isArray(s.anyOf ?? s.oneOf)) return sample((s.anyOf ?? s.oneOf)[0], full, depth + 1);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : [];
    const type = types.find((t) => t !== 'null') ?? types[0];
    switch (type) {
      case 'string':
        return stringFor(s);
      case 'integer':
      case 'number': {
        const low = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : typeof s.minimum === 'number' ? s.minimum : 1;
        return type === 'integer' ? Math.ceil(low) : low;
      }
      case 'boolean':
        return true;
      case 'null':
        return null;
      case 'array': {
        const n = Math.max(s.minItems ?? 0, full ? 1 : 0);
        return Array.from({ length: n }, () => sample(Array.isArray(s.items) ? s.items[0] : s.items ?? true, full, depth + 1));
      }
      case 'object':
        return objectFor(s, full, depth);
      default:
        return 'x';
    }
  };
  const objectFor = (s, full, depth) => {
    const out = {};
    const required = Array.isArray(s.required) ? s.required : [];
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      if (!full && !required.includes(k)) continue;
      const value = sample(v, full, depth + 1);
      if (value !== undefined) Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  const full = sample(schema, true);
  const out = [{ label: 'valid (every property)', payload: full }, { label: 'valid (required only)', payload: sample(schema, false) }];
  // Walk the full payload alongside the schema: each place gives its own invalid variants.
  const walk = (raw, value, path, setAt) => {
    const s = resolve(raw);
    if (!s || typeof s !== 'object') return;
    const types = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : undefined;
    if (types && path.length > 0) {
      const other = OTHER_VALUES.find((v) => !allowedBy(types, v));
      if (other !== undefined) out.push({ label: `${path.join('.')}: type changed`, payload: setAt(structuredClone(other)) });
    }
    if (Array.isArray(s.enum) && path.length > 0) out.push({ label: `${path.join('.')}: not in enum`, payload: setAt('not-in-enum-\u2603') });
    if (value && typeof value === 'object' && !Array.isArray(value) && s.properties) {
      for (const k of Array.isArray(s.required) ? s.required : []) {
        if (Object.hasOwn(value, k)) out.push({ label: `${[...path, k].join('.')}: required removed`, payload: setAt(omit(value, k)) });
      }
      for (const [k, v] of Object.entries(s.properties)) {
        if (!Object.hasOwn(value, k)) continue;
        walk(v, value[k], [...path, k], (replacement) => setAt(withKey(value, k, replacement)));
      }
    }
    if (Array.isArray(value) && value.length > 0 && s.items && !Array.isArray(s.items)) {
      walk(s.items, value[0], [...path, '0'], (replacement) => setAt([replacement, ...value.slice(1)]));
    }
  };
  walk(schema, full, [], (v) => v);
  return out;
}

function stringFor(s) {
  if (typeof s.format === 'string') {
    const byFormat = { 'date-time': '2024-01-01T00:00:00Z', date: '2024-01-01', time: '12:00:00Z', email: 'a@example.com', uri: 'https://example.com/', uuid: '123e4567-e89b-12d3-a456-426614174000', ipv4: '127.0.0.1', hostname: 'example.com' };
    if (byFormat[s.format]) return byFormat[s.format];
  }
  if (typeof s.pattern === 'string') {
    const literal = s.pattern.replace(/^\^/, '').replace(/\$$/, '').split('|')[0];
    if (/^[\w \-]+$/.test(literal)) return literal;
  }
  const n = Math.max(s.minLength ?? 1, 1);
  return 'x'.repeat(n);
}

function omit(object, key) {
  const out = {};
  for (const [k, v] of Object.entries(object)) if (k !== key) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

function withKey(object, key, value) {
  const out = omit(object, '\u0000');
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default ?? addFormatsModule;

/**
 * The original rule as ajv (draft-07) can compile it, meaning what it meant: draft markers and
 * Segment's pointer ids say nothing about payloads, and draft-04's `exclusiveMinimum: true` beside
 * `minimum` is draft-07's `exclusiveMinimum: <minimum>`.
 */
function compilable(schema) {
  if (Array.isArray(schema)) return schema.map(compilable);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$schema' || ((k === 'id' || k === '$id') && typeof v === 'string')) continue;
    Object.defineProperty(out, k, { value: compilable(v), enumerable: true, writable: true, configurable: true });
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
  return out;
}

/**
 * For each event: the verdicts of the original rule and of cdp's compiled schema on every probe.
 * `pairs` are `{ name, slot, original, compiled }` with whole-message schemas.
 */
export function compareVerdicts(pairs) {
  const ajv = addFormats(new Ajv({ strict: false, allowUnionTypes: true }));
  const totals = { events: 0, probes: 0, agree: 0, disagreements: [], notCompiled: [] };
  for (const { name, slot, original, compiled } of pairs) {
    let a;
    let b;
    try {
      a = ajv.compile(compilable(original));
      b = ajv.compile(compiled);
    } catch (error) {
      totals.notCompiled.push(`${name}: ${error.message}`);
      continue;
    }
    totals.events++;
    const body = original.properties?.[slot] ?? {};
    for (const probe of probes(body, original)) {
      const message = { [slot]: probe.payload };
      const va = a(message);
      const vb = b(message);
      totals.probes++;
      if (va === vb) totals.agree++;
      else totals.disagreements.push(`${name} / ${probe.label}: original ${va ? 'accepts' : 'rejects'}, cdp ${vb ? 'accepts' : 'rejects'}`);
    }
  }
  return totals;
}
