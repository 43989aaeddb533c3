// Last step of `npm run build`: writes dist/build-id.txt, a hash of everything else in dist/. The
// plan cache keys its entries on it (src/validate/plan-cache.ts), so a rebuilt cdp never reads what
// another build wrote, even under the same version number.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const target = join(dist, 'build-id.txt');
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .filter((file) => file !== target)
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(`${relative(dist, file)}\0`).update(readFileSync(file)).update('\0');
writeFileSync(target, `${hash.digest('hex')}\n`);
