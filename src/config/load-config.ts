import type { ValidateFunction } from 'ajv';
import type { ClientName, ValidateMode } from '../codegen/options.js';
import type { SeverityOption } from '../core/diagnostic.js';
import type { RawConvention } from '../plan/model.js';
import { displayPath } from '../reporters/paths.js';
import { schemaValidator } from '../validate/ajv.js';

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

const SCHEMA_URL = new URL('../../schemas/cdp-config.schema.json', import.meta.url);
let validator: ValidateFunction | undefined;

/**
 * Finds and validates the config: `explicitPath` if given, else the nearest config file from `cwd`
 * up to the project root (the folder with package.json). No config is fine: defaults apply.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  // cosmiconfig pulls in loaders for every format; only commands that read a config pay for it.
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig(MODULE_NAME, { searchPlaces: SEARCH_PLACES, searchStrategy: 'project', cache: false });
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
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

function validateConfig(config: unknown, file: string): void {
  validator ??= schemaValidator(new URL('./cdp-config.validator.cjs', import.meta.url), SCHEMA_URL);
  if (validator(config)) return;
  const problems = (validator.errors ?? [])
    .filter((e) => e.keyword !== 'anyOf')
    .map((e) => {
      const at = e.instancePath === '' ? 'the config' : `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
      if (e.keyword === 'additionalProperties') return `unknown key "${String(e.params.additionalProperty)}" in ${at}`;
      if (e.keyword === 'enum') return `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      return `${at} ${e.message}`;
    });
  throw new ConfigError(`Invalid config ${file}: ${[...new Set(problems)].join('; ')}`);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
