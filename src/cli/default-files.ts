/** Plan files looked for in the current folder when neither the command line nor the config names one. */
export const DEFAULT_PLAN_FILES = ['tracking-plan.yaml', 'tracking-plan.yml'];

/** The config file `cdp init` writes. */
export const CONFIG_FILE = 'cdp.config.json';
