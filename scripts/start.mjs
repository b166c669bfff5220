// npm start (after the build): generate the forms workbook of the bundled reference disclosure into
// out/reference-forms.xlsx and check it with `yusuan check`. The reference has known defects (its
// performance indicators), so check reports findings and exits 1; that is the expected outcome here,
// and only an unusable input or an internal error (exit 2 or 3) fails npm start.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'packages/cli/dist/bin.js';
const model = 'packages/core/src/reference/reference-2024.json';
const out = 'out/reference-forms.xlsx';

function yusuan(...args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 3;
}

// out/ belongs to yusuan (it is git-ignored): the workbook is overwritten on every run.
mkdirSync(new URL('../out', import.meta.url), { recursive: true });
const generated = yusuan('forms', model, '-o', out, '--force');
if (generated !== 0) process.exit(generated);
console.log('');
const checked = yusuan('check', out);
if (checked !== 0 && checked !== 1) process.exit(checked);
console.log('');
console.log(`报表已写入 ${out}`);
