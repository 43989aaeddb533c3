import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { withoutBom } from '../core/text.js';
import { ImportFormatError, type ImportSource, type RuleKind } from './import-source.js';
import { isObject, readImportSource, schemaSet, type SchemaItem } from './read-shapes.js';

/**
 * Reads a plan file, or a folder of JSON Schemas (what `cdp compile --out-dir` writes, or one
 * schema per file). `display` names the input in messages.
 */
export function readImportInput(path: string, display = path): ImportSource {
  if (statSync(path).isDirectory()) return readSchemaFolder(path, display);
  const value = parseJson(readFileSync(path, 'utf8'), display);
  try {
    return readImportSource(value);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new ImportFormatError(`${display}: ${error.message}`);
    throw error;
  }
}

/** JSON.parse with the line and column of a syntax error, which Node reports only as an offset on some versions. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(withoutBom(text));
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message);
    let where = '';
    if (offset) {
      const before = text.slice(0, Number(offset[1]));
      const line = before.split('\n').length;
      where = `:${line}:${before.length - before.lastIndexOf('\n')}`;
    }
    throw new ImportFormatError(`${file}${where}: not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
}

const KIND_FOLDERS: Record<string, RuleKind> = { track: 'track', page: 'page', screen: 'screen' };

function readSchemaFolder(dir: string, display: string): ImportSource {
  const indexPath = join(dir, 'index.json');
  const index = safeExists(indexPath) ? parseJson(readFileSync(indexPath, 'utf8'), join(display, 'index.json')) : undefined;
  const items: SchemaItem[] = [];
  const read = (file: string): Record<string, unknown> => {
    const value = parseJson(readFileSync(join(dir, file), 'utf8'), join(display, file));
    if (!isObject(value)) throw new ImportFormatError(`${join(display, file)} is not a JSON Schema object`);
    return value;
  };
  if (isObject(index)) {
    for (const kind of ['track', 'page', 'screen'] as const) {
      for (const [name, file] of Object.entries(isObject(index[kind]) ? index[kind] : {})) items.push({ schema: read(String(file)), where: String(file), name, kind });
    }
    for (const kind of ['identify', 'group'] as const) if (typeof index[kind] === 'string') items.push({ schema: read(index[kind]), where: index[kind], kind });
  } else {
    for (const file of jsonFiles(dir)) {
      const folder = file.includes('/') ? file.split('/')[0]! : '';
      const stem = basename(file, '.json');
      const kind: RuleKind = KIND_FOLDERS[folder] ?? (stem === 'identify' || stem === 'group' ? stem : 'track');
      items.push({ schema: read(file), where: file, kind });
    }
  }
  if (items.length === 0) throw new ImportFormatError(`${display} holds no JSON Schema files (*.json)`);
  let source: ImportSource;
  try {
    source = schemaSet(items);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new ImportFormatError(`${display}/${error.message}`);
    throw error;
  }
  if (isObject(index) && typeof index.plan === 'string') source.name = index.plan;
  if (isObject(index) && (typeof index.version === 'number' || typeof index.version === 'string')) source.version = index.version;
  return source;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
