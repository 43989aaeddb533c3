import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ClientName, ValidateMode } from '../codegen/options.js';
import type { SeverityOption } from '../core/diagnostic.js';
import type { RawConvention } from '../plan/model.js';
import type { WarehouseConfig } from '../warehouse/layout.js';
import { displayPath } from '../reporters/paths.js';
import { schemaValidator } from '../validate/ajv.js';
import { callFormProblem, scanCallProblems } from './scan-calls.js';

export const MODULE_NAME = 'cdp';

/** Where the config may live, nearest first (cosmiconfig's defaults plus JSON and YAML `cdp.config.*`). */
export const SEARCH_PLACES = [
  'package.json',
  '.cdprc',
  '.cdprc.json',
  '.cdprc.yaml',
  '.cdprc.yml',
  '.cdprc.js',
  '.cdprc.mjs',
  '.cdprc.cjs',
  '.cdprc.ts',
  'cdp.config.json',
  'cdp.config.yaml',
  'cdp.config.yml',
  'cdp.config.js',
  'cdp.config.mjs',
  'cdp.config.cjs',
  'cdp.config.ts',
];

export interface CdpConfig {
  plan?: string;
  rules?: Record<string, SeverityOption>;
  conventions?: { event?: RawConvention; property?: RawConvention };
  format?: string;
  maxWarnings?: number;
  codegen?: { out?: string; client?: ClientName; validate?: ValidateMode };
  scan?: ScanConfig;
  warehouse?: WarehouseConfig;
}

/** `cdp scan` settings; paths are relative to the config file. */
export interface ScanConfig {
  include?: string[];
  exclude?: string[];
  calls?: Array<{ callee: string; event: number | string; properties?: number | string }>;
  maxFileSize?: number;
}

export interface LoadedConfig {
  config: CdpConfig;
  /** The file it came from, if one was found. */
  filepath?: string;
}

/** A config that cannot be used: a usage-level failure (exit code 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const require = createRequire(import.meta.url);
const SCHEMA_URL = new URL('../../schemas/cdp-config.schema.json', import.meta.url);
let validator: ValidateFunction | undefined;

/**
 * Finds and validates the config: `explicitPath` if given, else the nearest config file from `cwd`
 * up to the project root (the folder with package.json). No config is fine: defaults apply.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  let result: CosmiconfigResult;
  try {
    const explorer = await createExplorer();
    result = explicitPath ? await explorer.load(explicitPath) : await explorer.search(cwd);
  } catch (error) {
    const where = explicitPath ?? (error as { filepath?: string }).filepath ?? 'the config file';
    throw new ConfigError(`Cannot load config ${displayPath(where, cwd)}: ${firstLine((error as Error).message)}`);
  }
  if (!result || result.isEmpty) return result ? { config: {}, filepath: result.filepath } : { config: {} };
  const file = displayPath(result.filepath, cwd);
  validateConfig(result.config, file);
  return { config: result.config as CdpConfig, filepath: result.filepath };
}

type CosmiconfigResult = { config: unknown; filepath: string; isEmpty?: boolean } | null;

/**
 * cosmiconfig's explorer with cdp's search places and options, as `cosmiconfig()` makes it, without
 * the step where `cosmiconfig()` looks for a "meta" configuration (a `cosmiconfig` key in
 * package.json, or .config/config.*): that step reads package.json with parse-json, whose code frame
 * brings eleven modules to every command, and it never moved cdp's places (the tests pin that the
 * places docs/configuration.md lists are the ones searched). cosmiconfig is pinned to one version;
 * test/e2e/check.test.ts reads each format, from subfolders, and the errors through this explorer.
 */
async function createExplorer(): Promise<{ search(from: string): Promise<CosmiconfigResult>; load(path: string): Promise<CosmiconfigResult> }> {
  const { Explorer } = require('cosmiconfig/dist/Explorer.js') as { Explorer: new (options: object) => { search(from: string): Promise<CosmiconfigResult>; load(path: string): Promise<CosmiconfigResult> } };
  const { defaultLoaders } = require('cosmiconfig/dist/defaults.js') as { defaultLoaders: Record<string, unknown> };
  return new Explorer({
    moduleName: MODULE_NAME,
    packageProp: MODULE_NAME,
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'project',
    ignoreEmptySearchPlaces: true,
    cache: false,
    transform: (result: CosmiconfigResult) => result,
    loaders: { ...defaultLoaders, '.json': loadJson },
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: true,
  });
}

/**
 * JSON files (package.json too) read with JSON.parse: what cosmiconfig's own loader accepts, at a
 * fraction of the start-up (its parse-json brings five modules for a code frame of which only the
 * first line, without a position, reached the message), and an error that says where.
 */
function loadJson(_filepath: string, content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new Error(positionToLine((error as Error).message, content));
  }
}

/** "... in JSON at position 34" as "... in JSON at line 3, column 13" (newer V8 adds "(line 3 column 13)" itself). */
function positionToLine(message: string, text: string): string {
  return message.replace(/ at position (\d+)(?: \(line \d+ column \d+\))?/, (_, offset: string) => {
    const before = text.slice(0, Number(offset));
    return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
  });
}

function validateConfig(config: unknown, file: string): void {
  validator ??= schemaValidator(new URL('./cdp-config.validator.cjs', import.meta.url), SCHEMA_URL);
  const problems = validator(config) ? scanCallProblems((config as CdpConfig).scan?.calls ?? []) : schemaProblems(validator.errors ?? [], config);
  if (problems.length > 0) throw new ConfigError(`Invalid config ${file}: ${[...new Set(problems)].join('; ')}`);
}

const CALL_FIELD = /^\/scan\/calls\/\d+\/(callee|event|properties)$/;

function schemaProblems(errors: readonly ErrorObject[], config: unknown): string[] {
  // A string of the wrong form also fails the other branch of index-or-path: its form is the problem to tell.
  const wrongForm = new Set(errors.filter((e) => e.keyword === 'pattern' && CALL_FIELD.test(e.instancePath)).map((e) => e.instancePath));
  return errors
    .filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && wrongForm.has(e.instancePath)))
    .map((e) => {
      const at = e.instancePath === '' ? 'the config' : `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
      if (e.keyword === 'additionalProperties') return `unknown key "${String(e.params.additionalProperty)}" in ${at}`;
      if (e.keyword === 'enum') return `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      const call = CALL_FIELD.exec(e.instancePath);
      if (call && e.keyword === 'pattern') return callFormProblem(at, call[1]!, valueAt(config, e.instancePath));
      return `${at} ${e.message}`;
    });
}

/** The value a JSON pointer of the schema's errors names (its keys here never need unescaping). */
function valueAt(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), document);
}

/**
 * The line of a loader's error that says what is wrong: cosmiconfig puts "YAML Error in <path>:"
 * (or JSON) before it, and parse-json a code frame around it and the text it parsed after it.
 */
function firstLine(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  const reason = lines.find((line) => line !== '' && !/^(?:JSON|YAML) Error in /.test(line) && !/^(?:>\s*)?\d*\s*\|/.test(line));
  return (reason ?? lines[0]!).replace(/ while parsing .*$/, '');
}
