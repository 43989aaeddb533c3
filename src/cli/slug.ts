/**
 * File-name-safe slugs for event names, unique within the list: `Order Completed` -> `order-completed`.
 * Names that slug to the same text, or to nothing (`!!!`, `注文`), get a numeric suffix in list order,
 * so the output is deterministic and never overwrites one schema with another.
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
    for (let n = 2; used.has(slug) || RESERVED.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

/** Names Windows refuses as file names, and our own index file. */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', 'index', ...Array.from({ length: 9 }, (_, i) => [`com${i + 1}`, `lpt${i + 1}`]).flat()]);
