import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT_OK, EXIT_USAGE, type Io } from './io.js';
import { addCommand } from './commands.js';
import { CONFIG_FILE, DEFAULT_PLAN_FILES } from './default-files.js';

export const STARTER_CONFIG = {
  $schema: './node_modules/cdp/schemas/cdp-config.schema.json',
  plan: DEFAULT_PLAN_FILES[0],
  rules: {},
};

export const STARTER_PLAN = `# yaml-language-server: $schema=./node_modules/cdp/schemas/tracking-plan.schema.json
# Your tracking plan: every event your product sends, and what its properties mean.
# Reference: docs/plan-format.md in the cdp package. Check it with: npx cdp check
plan: my-product
version: 1
conventions:
  event: object-action      # "Order Completed": object first, past-tense verb last
  property: snake_case
defaults:
  unplanned_events: error
  unplanned_properties: warn

types:
  Currency:
    type: string
    pattern: "^[A-Z]{3}$"
    description: ISO 4217 currency code, e.g. USD.

events:
  Signed Up:
    description: A visitor created an account.
    properties:
      method:
        enum: [email, google, github]
        required: true
        description: How the account was created.
  Order Completed:
    description: A customer completed a purchase.
    properties:
      order_id: { type: string, required: true }
      revenue: { type: number, minimum: 0 }
      currency: Currency

identify:
  traits:
    email: { type: string, format: email }
    firstName: string
    createdAt: { type: string, format: date-time }
`;

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'init')
    .action(() => setExit(runInit(io)));
}

export function runInit(io: Io): number {
  const files: Array<[string, string]> = [
    [CONFIG_FILE, JSON.stringify(STARTER_CONFIG, null, 2) + '\n'],
    [DEFAULT_PLAN_FILES[0]!, STARTER_PLAN],
  ];
  const existing = files.map(([name]) => name).filter((name) => existsSync(resolve(io.cwd, name)));
  if (existing.length > 0) {
    io.stderr.write(`cdp init: ${existing.join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written (remove ${existing.length > 1 ? 'them' : 'it'} to start over)\n`);
    return EXIT_USAGE;
  }
  for (const [name, content] of files) writeFileSync(resolve(io.cwd, name), content, { flag: 'wx' });
  io.stdout.write(`Created ${files.map(([n]) => n).join(' and ')}.\nNext: edit the plan, then run: npx cdp check\n`);
  return EXIT_OK;
}
