// Benchmark (not a test) of `yusuan check`: wall-clock time and peak memory (RSS) of
//   (a) the reference forms workbook, checked by the built CLI, against a bare ExcelJS load;
//   (b) the forms workbooks of many synthetic units: the CLI on a folder of 200 files, then
//       of 1,000 when 200 took under a fifth of five minutes (else the 1,000 is extrapolated),
//       a bare ExcelJS load of the same files, and core alone (generate + parse + check of
//       1,000 models, no file at all).
// Every measurement runs in a child process of its own; its peak RSS is
// process.resourceUsage().maxRSS at exit (an --import hook for the CLI).
// Uses the BUILT packages: `npm run bench` builds them first.
// Usage: node scripts/bench.mjs [--units N] [--runs R]
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const coreDist = join(root, 'packages', 'core', 'dist', 'index.js');
const self = fileURLToPath(import.meta.url);

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const f=process.env.YUSUAN_BENCH_RSS;if(f)writeFileSync(f,String(process.resourceUsage().maxRSS))})",
)}`;

/** Runs node with `args` in a child; wall-clock ms, peak RSS in KB, stdout. */
async function measure(args, scratch) {
  const rssFile = join(scratch, `rss-${process.hrtime.bigint()}`);
  const started = performance.now();
  const child = spawn(process.execPath, [`--import=${RSS_HOOK}`, ...args], {
    env: { ...process.env, YUSUAN_BENCH_RSS: rssFile, LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  const code = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  const ms = performance.now() - started;
  const rssKb = Number(readFileSync(rssFile, 'utf8'));
  return { code, ms, rssKb, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const sec = (ms) => (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const perFile = (ms, n) => `${Math.round(ms / n)} ms`;

// ---------------------------------------------------------------------------
// Children

/** Child: loads each file with ExcelJS (readFile + xlsx.load), nothing else. */
async function childExcelJs(dir) {
  const { default: ExcelJS } = await import('exceljs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, f)));
    sheets += wb.worksheets.length;
  }
  process.stdout.write(JSON.stringify({ files: files.length, sheets }));
}

/** Child: core alone, no file: `count` synthetic models through generateForms → checkGrids (parse + rules). */
async function childCore(count) {
  const core = await import(coreDist);
  const base = core.referenceDisclosure();
  let diagnostics = 0;
  for (let i = 0; i < count; i += 1) {
    const grids = core.generateForms(unitModel(base, i));
    diagnostics += core.checkGrids(grids).diagnostics.length;
  }
  process.stdout.write(JSON.stringify({ models: count, diagnostics }));
}

// ---------------------------------------------------------------------------
// Synthetic units

/** An amount string times an integer factor, plus some cents, exactly (bigint cents); other strings unchanged. */
function scaleAmount(s, factor, plusCents = 0n) {
  const m = /^(-?)([0-9]+)\.([0-9]{2})$/.exec(s);
  if (!m) return s;
  const cents = (m[1] === '-' ? -1n : 1n) * (BigInt(m[2]) * 100n + BigInt(m[3])) * BigInt(factor) + plusCents;
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function scaleTree(v, factor) {
  if (typeof v === 'string') return scaleAmount(v, factor);
  if (Array.isArray(v)) return v.map((x) => scaleTree(x, factor));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scaleTree(x, factor)]));
  return v;
}

/**
 * Unit i: the reference forms with every amount times a factor (1…25; sums stay
 * exact), and in one unit of five a 项 figure of 表三 off by 1.00 (a sum error).
 */
function unitModel(base, i) {
  const model = JSON.parse(JSON.stringify(base));
  model.unit.name = `合成预算单位${i + 1}`;
  model.forms = scaleTree(model.forms, (i % 25) + 1);
  if (i % 5 === 4) {
    const row = model.forms.T03?.rows?.find((r) => r.code === '2080107');
    if (row?.values?.project) row.values.project = scaleAmount(row.values.project, 1, 100n);
  }
  return model;
}

// ---------------------------------------------------------------------------
// Parent

async function loadWriter(scratchModules) {
  const { build } = await import('esbuild');
  const outfile = join(scratchModules, 'write.mjs');
  await build({
    entryPoints: [join(root, 'packages', 'cli', 'src', 'xlsx', 'write.ts')],
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return import(outfile);
}

async function parent() {
  const loadBefore = loadavg()[0];
  const units = option('--units', 1000);
  const runs = option('--runs', 5);
  const scratch = mkdtempSync(join(tmpdir(), 'yusuan-bench-'));
  // the CLI's workbook writer, compiled where its imports (exceljs, @yusuan/core) resolve
  const modules = join(root, 'node_modules', '.cache', 'yusuan-bench');
  mkdirSync(modules, { recursive: true });
  try {
    const { workbookBuffer } = await loadWriter(modules);
    const core = await import(coreDist);
    const base = core.referenceDisclosure();
    const refDir = join(scratch, 'reference');
    mkdirSync(refDir);
    const reference = join(refDir, 'reference-forms.xlsx');
    writeFileSync(reference, await workbookBuffer(core.generateForms(base)));
    const rows = [];

    // (a) the reference forms workbook
    const cli = [];
    for (let r = 0; r < runs; r += 1) cli.push(await measure([bin, 'check', reference, '--format', 'json'], scratch));
    if (cli[0].code !== 1) throw new Error(`unexpected exit ${cli[0].code} on the reference: ${cli[0].err}`);
    const diagnostics = JSON.parse(cli[0].out).results[0].diagnostics.length;
    const load = [];
    for (let r = 0; r < runs; r += 1) load.push(await measure([self, '--child', 'exceljs', refDir], scratch));
    const node = [];
    for (let r = 0; r < runs; r += 1) node.push(await measure(['-e', '0'], scratch));
    rows.push(`| (a) reference forms workbook (${Math.round(readFileSync(reference).length / 1024)} KB, 13 sheets): \`yusuan check\` | 1 | ${sec(median(cli.map((x) => x.ms)))} | — | ${mb(Math.max(...cli.map((x) => x.rssKb)))} |`);
    rows.push(`| (a) same file: bare ExcelJS load | 1 | ${sec(median(load.map((x) => x.ms)))} | — | ${mb(Math.max(...load.map((x) => x.rssKb)))} |`);
    rows.push(`| (a) for scale: \`node -e 0\` | — | ${sec(median(node.map((x) => x.ms)))} | — | ${mb(Math.max(...node.map((x) => x.rssKb)))} |`);

    // (b) synthetic units: K distinct workbooks written once, copied to `units` files
    const distinct = 25;
    const variants = [];
    for (let i = 0; i < Math.min(distinct, units); i += 1) {
      const file = join(scratch, `variant-${i}.xlsx`);
      writeFileSync(file, await workbookBuffer(core.generateForms(unitModel(base, i))));
      variants.push(file);
    }
    const folder = (n) => {
      const d = join(scratch, `units-${n}`);
      mkdirSync(d);
      for (let i = 0; i < n; i += 1) copyFileSync(variants[i % variants.length], join(d, `unit-${String(i + 1).padStart(4, '0')}.xlsx`));
      return d;
    };
    const checkFolder = async (n) => {
      const d = folder(n);
      const report = join(scratch, `report-${n}.json`);
      const m = await measure([bin, 'check', d, '--format', 'json', '-o', report], scratch);
      if (m.code !== 1) throw new Error(`unexpected exit ${m.code} on ${n} units: ${m.err}`);
      const results = JSON.parse(readFileSync(report, 'utf8')).results;
      if (results.length !== n) throw new Error(`${results.length} results for ${n} files`);
      return { ...m, dir: d, findings: results.reduce((s, r) => s + r.diagnostics.length, 0) };
    };
    const small = Math.min(200, units);
    const c200 = await checkFolder(small);
    rows.push(`| (b) \`yusuan check\` on a folder of ${small} unit workbooks | ${small} | ${sec(c200.ms)} | ${perFile(c200.ms, small)} | ${mb(c200.rssKb)} |`);
    const estimate = (c200.ms / small) * units;
    let full;
    if (units > small && estimate < 60_000 * 5) {
      full = await checkFolder(units);
      rows.push(`| (b) \`yusuan check\` on a folder of ${units} unit workbooks | ${units} | ${sec(full.ms)} | ${perFile(full.ms, units)} | ${mb(full.rssKb)} |`);
    } else if (units > small) {
      rows.push(`| (b) ${units} unit workbooks, extrapolated from ${small} (not run: estimate over 5 min) | ${units} | ≈ ${sec(estimate)} | ${perFile(c200.ms, small)} | — |`);
    }
    const target = full ?? c200;
    const n = full ? units : small;
    const loads = await measure([self, '--child', 'exceljs', target.dir], scratch);
    rows.push(`| (b) bare ExcelJS load of the same ${n} files (one process) | ${n} | ${sec(loads.ms)} | ${perFile(loads.ms, n)} | ${mb(loads.rssKb)} |`);
    const coreRun = await measure([self, '--child', 'core', String(units)], scratch);
    rows.push(`| (b) core alone: ${units} models → generateForms → checkGrids (parse + rules), no file | ${units} | ${sec(coreRun.ms)} | ${perFile(coreRun.ms, units)} | ${mb(coreRun.rssKb)} |`);

    const cpu = cpus()[0]?.model ?? 'unknown';
    console.log(`Load average (1 min) before and after: ${loadBefore.toFixed(2)}, ${loadavg()[0].toFixed(2)}.`);
    console.log(`Machine: nproc ${availableParallelism()}, ${cpu}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);
    console.log(`Runs: (a) median of ${runs} processes, peak RSS the largest; (b) one process each. Reference: ${diagnostics} findings.`);
    console.log(`Units: ${variants.length} distinct workbooks (amounts ×1…×25, every fifth with a sum error), copied to ${units} files; ${target.findings} findings in the ${n}-file report.`);
    console.log('');
    console.log('| What | Files | Wall clock | Per file | Peak RSS |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(r);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const task = process.argv[childAt + 1];
  const arg = process.argv[childAt + 2] ?? '';
  if (task === 'exceljs') await childExcelJs(arg);
  else if (task === 'core') await childCore(Number(arg));
  else throw new Error(`unknown child task ${task}`);
} else {
  await parent();
}
