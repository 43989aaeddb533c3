// The plan cache's flags, for every command that reads a plan to use it (see src/validate/plan-cache.ts).
export const NO_CACHE_OPTION = ['--no-cache', 'neither read nor write the plan cache'] as const;
export const CACHE_LOCATION_OPTION = ['--cache-location <path>', 'folder of the plan cache (default: node_modules/.cache/cdp in the nearest folder with a package.json)'] as const;
