import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { ts } from 'ts-morph';
import { compilePlan } from '../compile/compile-plan.js';
import type { Diagnostic, SeverityOption } from '../core/diagnostic.js';
import type { CoverageEntry } from '../core/report.js';
import { eventFunctionNames } from '../codegen/identifiers.js';
import type { Plan } from '../plan/model.js';
import { parseError } from '../rules/scan/parse-error.js';
import { skippedFile } from '../rules/scan/skipped-file.js';
import { MAX_CHECKED_DEPTH, tooDeep } from '../rules/scan/too-deep.js';
import { checkFailed, failureReason } from '../rules/internal/check-failed.js';
import { CLIENT_NAME, calleeHead, type CustomCall } from './call-signatures.js';
import { CallChecker, pushRuleDiagnostic, type CallCheckOptions } from './check-calls.js';
import { exportsClient } from './client-role.js';
import { extractCalls, parseScanned, type Extraction } from './extract-calls.js';
import { locationOf, ModuleScopes } from './file-scope.js';
import { discoverFiles, type DiscoveryOptions } from './files.js';
import { isGeneratedStart } from '../codegen/generated-marker.js';
import { GeneratedModules } from './generated-modules.js';
import { settled, TypeResolver } from './type-resolver.js';
import { DIRECTIVE_PREFIX, Suppressions } from './suppressions.js';
import { firstSyntaxErrors } from './syntax-errors.js';
import { forEachNode } from './syntax.js';
import { UNKNOWN, type ExtractedCall, type Value } from './types.js';

/** Default `scan.maxFileSize`: hand-written modules are far smaller; minified bundles are not. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Bytes looked at to tell a binary file from text. */
const BINARY_SNIFF_BYTES = 8000;

export interface ScanOptions extends DiscoveryOptions, CallCheckOptions {
  plan: Plan;
  custom: readonly CustomCall[];
  maxFileSize: number;
}

export interface ScanResult {
  files: string[];
  missing: string[];
  unmatched: string[];
  diagnostics: Diagnostic[];
  coverage: CoverageEntry[];
  stats: { files: number; parsed: number; calls: number };
}

/** A file the parser got through, with what reading its calls gave, or the error that stopped it. */
type ParsedFile = { file: string; source: ts.SourceFile } & ({ extraction: Extraction } | { error: unknown });

interface ScannedFile extends Extraction {
  suppressions: Suppressions;
}

/**
 * Finds the tracking calls of a codebase and checks them against the plan. Only files whose text
 * mentions a recognised callee are parsed, and the type checker is started only if some name or
 * value is left for it, with only the files that need it.
 */
export function runScan(options: ScanOptions): ScanResult {
  const { files, missing, unmatched } = discoverFiles(options);
  const diagnostics: Diagnostic[] = [];
  const severity = (id: string) => options.severities.get(id);
  const skip = (file: string, messageId: string, data: Record<string, string | number> = {}) => {
    pushRuleDiagnostic(diagnostics, skippedFile, severity(skippedFile.meta.id), messageId, data, { file });
  };

  const generatedEvents = new Map([...eventFunctionNames(options.plan)].map(([event, fn]) => [fn, event]));
  const extractOptions = {
    generatedEvents,
    custom: new Map(options.custom.map((c) => [c.callee, c])),
    generated: new GeneratedModules(),
    modules: new ModuleScopes(options.maxFileSize),
  };
  const tokens = new Set([CLIENT_NAME, ...options.custom.map((c) => calleeHead(c.callee)), ...options.skip.map(moduleToken)]);

  // A generated module, or one that passes a Segment client on, may be imported under any name: the
  // files that name the module are candidates too. Met late, it may be imported by files already passed over.
  const lateTokens: string[] = [];
  const addToken = (file: string) => {
    const token = moduleToken(file);
    if (!tokens.has(token)) lateTokens.push(token);
    tokens.add(token);
  };
  // Each file is parsed and read on its own: what fails on one (TypeScript's parser running out of
  // stack on code nested thousands of levels deep, a bug of ours) is reported on that file alone.
  const parsed: ParsedFile[] = [];
  const scan = (file: string, text: string) => {
    const outcome = parseScanned(file, text);
    if ('problem' in outcome) {
      pushRuleDiagnostic(diagnostics, parseError, severity(parseError.meta.id), 'source', { reason: outcome.problem.message }, { file, ...outcome.problem });
      return;
    }
    try {
      const extraction = extractCalls(file, outcome.source, extractOptions);
      if (exportsClient(extraction.scope)) addToken(file);
      parsed.push({ file, source: outcome.source, extraction });
    } catch (error) {
      parsed.push({ file, source: outcome.source, error });
    }
  };

  // Files are tested as bytes: most are never decoded, let alone parsed.
  let passedOver: string[] = [];
  for (const file of files) {
    const bytes = readSource(file, options.maxFileSize, skip);
    if (bytes === undefined) continue;
    if (isGeneratedStart(bytes)) addToken(file);
    else if (containsAny(bytes, tokens)) scan(file, bytes.toString('utf8'));
    else passedOver.push(file);
  }
  // Each round looks for the tokens the last one found; a token is found once, so this ends.
  while (lateTokens.length > 0 && passedOver.length > 0) {
    const late = lateTokens.splice(0);
    const still: string[] = [];
    for (const file of passedOver) {
      const bytes = readSource(file, options.maxFileSize, () => {});
      if (bytes !== undefined && containsAny(bytes, late)) scan(file, bytes.toString('utf8'));
      else still.push(file);
    }
    passedOver = still;
  }

  // Files picked up late are reported in their place, as if found in order.
  parsed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const failed = (file: string, error: unknown) => {
    pushRuleDiagnostic(diagnostics, checkFailed, 'error', 'failed', { what: 'file', reason: failureReason(error) }, { file });
  };
  // A file that does not parse is reported, and its calls (from a tree the parser had to guess) are not.
  const syntaxErrors = firstSyntaxErrors(parsed.map((p) => p.source));
  const scanned: ScannedFile[] = [];
  for (const p of parsed) {
    const syntax = syntaxErrors.get(p.source.fileName);
    if (syntax && 'error' in syntax) failed(p.file, syntax.error);
    else if (syntax) pushRuleDiagnostic(diagnostics, parseError, severity(parseError.meta.id), 'source', { reason: syntax.message }, { file: p.file, ...syntax });
    else if (!('extraction' in p)) failed(p.file, p.error);
    else if (p.extraction.calls.length > 0) {
      const { extraction } = p;
      try {
        const suppressions = extraction.source.text.includes(DIRECTIVE_PREFIX) ? Suppressions.of(extraction.source) : Suppressions.none();
        scanned.push({ ...extraction, suppressions });
      } catch (error) {
        failed(p.file, error);
      }
    }
  }

  const dropped = settleDeferred(scanned, options.cwd, diagnostics, { tsconfig: severity(parseError.meta.id), tooDeep: severity(tooDeep.meta.id) }, failed);

  const checker = new CallChecker(options.plan, compilePlan(options.plan), options);
  const locations = new Map<string, CoverageEntry['locations']>();
  let calls = 0;
  for (const { scope, calls: fileCalls, suppressions } of scanned.filter((f) => !dropped.has(f))) {
    const found: Diagnostic[] = [];
    try {
      for (const call of fileCalls) checker.check(call, found);
    } catch (error) {
      failed(scope.file, error);
      continue;
    }
    for (const d of found) if (!suppressions.isSuppressed(d.ruleId, d.line ?? 0)) diagnostics.push(d);
    for (const call of fileCalls) {
      calls++;
      if ((call.type === 'track' || call.type === 'page' || call.type === 'screen') && call.name?.kind === 'known') {
        const key = `${call.type}\0${call.name.name}`;
        const list = locations.get(key) ?? [];
        list.push({ file: call.file, line: call.line, column: call.column });
        locations.set(key, list);
      }
    }
  }
  const planned = [['track', options.plan.events], ['page', options.plan.pages], ['screen', options.plan.screens]] as const;
  const coverage = planned.flatMap(([type, names]) =>
    [...names.keys()].map((event): CoverageEntry => {
      const at = locations.get(`${type}\0${event}`) ?? [];
      return { type, event, implemented: at.length > 0, locations: at };
    }),
  );
  return { files, missing, unmatched, diagnostics, coverage, stats: { files: files.length, parsed: parsed.length, calls } };
}

/** The file's bytes, or undefined (and a reason reported) when it is too large, binary or unreadable. */
function readSource(file: string, maxFileSize: number, skip: (file: string, messageId: string, data?: Record<string, string | number>) => void): Buffer | undefined {
  let buffer: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxFileSize) {
      skip(file, 'tooLarge', { size: formatBytes(size), limit: formatBytes(maxFileSize) });
      return undefined;
    }
    buffer = readFileSync(file);
  } catch (error) {
    skip(file, 'unreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    return undefined;
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    skip(file, 'binary');
    return undefined;
  }
  return buffer;
}

/**
 * Asks the type checker about what syntax left open, in one program for all files that need it,
 * and returns the files it failed on (already reported). A file nested too deep for the checker is not
 * given to it (what it defers counts as unknown, and the file says why). An exception inside the
 * checker costs the file it was working for: that file is reported and dropped, and since the
 * exception may have left the checker's caches half-written, the files after it get a new checker
 * (a program over the same parsed files; only the libraries are shared, and they were complete).
 * When even building the program fails, each file gets a program of its own, to find which one it was.
 */
function settleDeferred(scanned: readonly ScannedFile[], cwd: string, diagnostics: Diagnostic[], severities: { tsconfig?: SeverityOption; tooDeep?: SeverityOption }, failed: (file: string, error: unknown) => void): Set<ScannedFile> {
  const dropped = new Set<ScannedFile>();
  let pending: ScannedFile[] = [];
  for (const f of scanned) {
    if (!f.calls.some(hasDeferred)) continue;
    if (!f.deepest) {
      pending.push(f);
      continue;
    }
    const at = locationOf(f.deepest, f.scope);
    if (!f.suppressions.isSuppressed(tooDeep.meta.id, at.line)) pushRuleDiagnostic(diagnostics, tooDeep, severities.tooDeep, 'code', { max: MAX_CHECKED_DEPTH }, at);
    for (const call of f.calls) settleUnknown(call);
  }
  let tsconfigReported = false;
  let oneByOne = false;
  while (pending.length > 0) {
    const group = oneByOne ? pending.slice(0, 1) : pending;
    let resolver: TypeResolver;
    try {
      resolver = new TypeResolver(cwd, group.map((f) => f.source), identifiersOf(group));
    } catch (error) {
      if (group.length > 1) oneByOne = true;
      else {
        failed(group[0]!.scope.file, error);
        dropped.add(group[0]!);
        pending = pending.slice(1);
      }
      continue;
    }
    const problem = resolver.tsconfigProblem;
    if (problem && !tsconfigReported) pushRuleDiagnostic(diagnostics, parseError, severities.tsconfig, 'tsconfig', { reason: problem.message }, problem);
    tsconfigReported = true;
    let done = 0;
    for (const f of group) {
      try {
        for (const call of f.calls) {
          if (call.name) call.name = resolver.settleName(call.name);
          if (call.body) call.body = resolver.settleValue(call.body);
        }
      } catch (error) {
        failed(f.scope.file, error);
        dropped.add(f);
        done++;
        break;
      }
      done++;
    }
    pending = pending.slice(done);
  }
  return dropped;
}

/** The identifiers deferred expressions use, and those of the types they are declared with: the imports to follow. */
function identifiersOf(files: readonly ScannedFile[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    const used = new Set<string>();
    for (const call of f.calls) forEachDeferred(call, (node) => collectIdentifiers(node, used));
    for (const name of used) {
      names.add(name);
      const annotation = f.scope.annotations.get(name);
      if (annotation) collectIdentifiers(annotation, names);
    }
  }
  return names;
}

/** What the call defers, settled without the type checker: names are dynamic, values unknown. */
function settleUnknown(call: ExtractedCall): void {
  if (call.name?.kind === 'deferred') call.name = { kind: 'dynamic', text: call.name.text };
  if (call.body) call.body = settled(call.body, () => UNKNOWN);
}

function hasDeferred(call: ExtractedCall): boolean {
  let found = false;
  forEachDeferred(call, () => (found = true));
  return found;
}

/** Calls `visit` with every expression of the call that is left to the type checker. */
function forEachDeferred(call: ExtractedCall, visit: (node: ts.Expression) => void): void {
  if (call.name?.kind === 'deferred') for (const part of call.name.parts) if (typeof part !== 'string') visit(part);
  const walk = (value: Value): void => {
    if (value.kind === 'deferred') visit(value.node);
    else if (value.kind === 'object') value.entries.forEach(([, v]) => walk(v));
    else if (value.kind === 'array') value.items.forEach(walk);
  };
  if (call.body) walk(call.body);
}

function collectIdentifiers(node: ts.Node, into: Set<string>): void {
  forEachNode(node, (n) => {
    if (ts.isIdentifier(n)) into.add(n.text);
  });
}

/** The word an import of a generated module contains: its file name, or its folder's for an index. */
function moduleToken(path: string): string {
  const name = basename(path, extname(path));
  return name === 'index' || extname(path) === '' ? basename(name === 'index' ? dirname(path) : path) : name;
}

function containsAny(text: { includes(token: string): boolean }, tokens: Iterable<string>): boolean {
  for (const t of tokens) if (text.includes(t)) return true;
  return false;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
