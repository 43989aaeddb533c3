import { dirname } from 'node:path';
import { isGeneratedFile } from '../codegen/generated-marker.js';
import { resolveRelativeModule } from './module-paths.js';

/** Tells whether a relative import resolves to a generated module; cached, since many files import the same module. */
export class GeneratedModules {
  readonly #byImport = new Map<string, boolean>();

  isGenerated(importer: string, specifier: string): boolean {
    const key = `${dirname(importer)}\0${specifier}`;
    let known = this.#byImport.get(key);
    if (known === undefined) {
      const path = resolveRelativeModule(importer, specifier);
      known = path !== undefined && isGeneratedFile(path);
      this.#byImport.set(key, known);
    }
    return known;
  }
}
