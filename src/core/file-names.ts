/** Names Windows refuses for a file, whatever its extension and case (`con.ts`, `Aux.json`). */
const WINDOWS_RESERVED = new Set(['con', 'prn', 'aux', 'nul', ...Array.from({ length: 9 }, (_, i) => [`com${i + 1}`, `lpt${i + 1}`]).flat()]);

/** Whether a file may not be called `name` plus an extension on Windows. */
export function isReservedFileName(name: string): boolean {
  return WINDOWS_RESERVED.has(name.toLowerCase());
}
