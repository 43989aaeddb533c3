import { isReservedFileName } from '../core/file-names.js';

/**
 * File-name-safe slugs for event names, unique within the list: `Order Completed` -> `order-completed`.
 * Names that slug to the same text, or to nothing (`!!!`, `注文`), get a numeric suffix in list order,
 * so the output is deterministic and never overwrites one schema with another. Names Windows refuses,
 * and `index` (the index file's own), are numbered too.
 */
export function fileSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80) || 'event';
    let slug = base;
    for (let n = 2; used.has(slug) || slug === 'index' || isReservedFileName(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
