import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `file` relative to `cwd` when it is an absolute path inside `cwd`; otherwise unchanged. */
export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return outside ? file : rel;
}

/** `displayPath` with forward slashes, for formats read by tools on any platform. */
export function portablePath(file: string, cwd: string): string {
  return displayPath(file, cwd).split(path.sep).join('/');
}

/**
 * A URI reference for SARIF: relative paths stay relative (consumers resolve them against the
 * checkout), anything still absolute becomes a file: URL. Segments are percent-encoded because
 * `#`, `?` or a leading `x:` in a file name would otherwise change what the URI means.
 */
export function uriPath(file: string, cwd: string): string {
  const shown = displayPath(file, cwd);
  if (path.isAbsolute(shown)) return pathToFileURL(shown).href;
  return shown
    .split(path.sep)
    .map((segment) => encodeURI(segment).replace(/[?#:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
