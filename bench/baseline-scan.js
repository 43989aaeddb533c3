// Baseline for the scan benchmark: what a straightforward scanner does. Every source file goes into
// a ts-morph Project and every call expression of every file is visited (its callee text read, as a
// matcher would). Prints { files, calls, ms } as JSON.
import { Project, SyntaxKind } from 'ts-morph';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/baseline-scan.js <project folder>');
  process.exit(2);
}
const started = process.hrtime.bigint();
const project = new Project({ compilerOptions: { allowJs: true, jsx: 1 }, skipAddingFilesFromTsConfig: true });
const files = project.addSourceFilesAtPaths([`${dir}/**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}`, `!${dir}/**/node_modules/**`]);
let calls = 0;
let tracking = 0;
for (const file of files) {
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    calls++;
    if (/(^|\.)analytics\??\.(track|identify|page|screen|group|alias)$/.test(call.getExpression().getText())) tracking++;
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ files: files.length, calls, tracking, ms: Math.round(ms) }));
