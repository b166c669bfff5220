// Hostile and broken inputs: each ends in exit 2 with one clear Chinese line on stderr
// (or, for a readable workbook without forms and for broken cells, in a report), within
// bounded time and memory. The built CLI runs each file in its own process; wall-clock
// time and peak RSS are measured for that process.
//
// The small fixtures are committed in test/fixtures/hostile/; the large ones (a sheet of
// 1,000,000 rows, a zip bomb of 1.1 GB) are generated into a temporary folder. All come
// from scripts/make-hostile-fixtures.mjs, which this test also checks reproduces the
// committed files byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_CACHED_VALUE as CORE_NO_CACHED_VALUE } from '@yusuan/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHED_VALUE } from '../src/xlsx/read-grid.js';
import { cliDir, hostileDir, requireBuild, runCli, writeReferenceForms, type CliRun } from './check-helpers.js';

/** Generous for CI: the point is that time and memory are bounded, not how fast. */
const MAX_MS = 20_000;
const MAX_RSS_KB = 1024 * 1024;

let dir = '';
let small = '';
let large = '';

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-hostile-'));
  small = join(dir, 'small');
  large = join(dir, 'large');
  const r = spawnSync(process.execPath, [join(cliDir, 'scripts', 'make-hostile-fixtures.mjs'), '--out', small, '--large', large], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`make-hostile-fixtures.mjs failed: ${r.stderr}`);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function bounded(r: CliRun): void {
  expect(r.ms).toBeLessThan(MAX_MS);
  expect(r.maxRssKb).toBeGreaterThan(0);
  expect(r.maxRssKb).toBeLessThan(MAX_RSS_KB);
}

/** Exit 2, nothing on stdout, exactly one Chinese line on stderr that names the file. */
function unreadable(r: CliRun, file: string, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  const errLines = r.err.slice(0, -1).split('\n');
  expect(errLines).toHaveLength(1);
  const line = errLines[0] ?? '';
  expect(line).toMatch(/^yusuan: /);
  expect(line).toMatch(/[\u4e00-\u9fff]/);
  expect(line).toContain(file);
  expect(line).toMatch(reason);
  expect(line.length).toBeLessThan(300);
}

describe('the fixtures', () => {
  it('the generator reproduces the committed fixtures byte for byte, each under 100 KB', () => {
    const committed = readdirSync(hostileDir).sort();
    expect(readdirSync(small).sort()).toEqual(committed);
    for (const name of committed) {
      const bytes = readFileSync(join(hostileDir, name));
      expect(bytes.length, name).toBeLessThan(100 * 1024);
      expect(readFileSync(join(small, name)).equals(bytes), name).toBe(true);
    }
  });

  it('the large ones are what they claim: 1,000,000 rows; 1.1 GB declared from about 1 MB', () => {
    const rows = readFileSync(join(large, 'million-rows.xlsx'));
    expect(rows.length).toBeGreaterThan(1024 * 1024);
    const bomb = readFileSync(join(large, 'zip-bomb.xlsx'));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    // the central directory entry of the sheet declares 1120 MB uncompressed
    const at = bomb.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(bomb.readUInt32LE(at)).toBe(0x02014b50);
    expect(bomb.readUInt32LE(at + 24)).toBe(1120 * 1024 * 1024);
  });
});

describe('unreadable files: exit 2, one line, bounded', () => {
  const cases: [string, 'small' | 'large', RegExp][] = [
    ['not-a-zip.xlsx', 'small', /：文件不是 \.xlsx 工作簿（不是 zip 格式）$/],
    ['truncated.xlsx', 'small', /：工作簿已损坏或不完整（找不到 zip 目录，文件可能被截断）$/],
    ['empty-zip.xlsx', 'small', /：zip 压缩包是空的，其中没有工作表$/],
    ['no-sheets.xlsx', 'small', /^yusuan: 工作簿中没有工作表：/],
    ['encrypted.xlsx', 'small', /：文件已加密或为旧版 \.xls 格式，请在 Excel 中另存为未加密的 \.xlsx$/],
    ['lying-sizes.xlsx', 'small', /：xl\/worksheets\/sheet1\.xml 解压后的大小与声明不符，可能是压缩炸弹或文件已损坏$/],
    ['million-rows.xlsx', 'large', /：工作表“Sheet1”超过 200000 行，请删除多余的行或拆分工作表$/],
    ['zip-bomb.xlsx', 'large', /：其中 xl\/worksheets\/sheet1\.xml 解压后有 1120 MB，超过单个文件上限 100 MB，可能是压缩炸弹$/],
  ];

  it.each(cases)('%s', async (name, where, reason) => {
    const r = await runCli(['check', name], { cwd: where === 'small' ? hostileDir : large });
    unreadable(r, name, reason);
    bounded(r);
  });

  it('in English with --lang en', async () => {
    const r = await runCli(['check', 'zip-bomb.xlsx', '--lang', 'en'], { cwd: large });
    expect(r.code).toBe(2);
    expect(r.err).toBe('yusuan: cannot read zip-bomb.xlsx: xl/worksheets/sheet1.xml inflates to 1120 MB, above the per-file limit of 100 MB; possibly a zip bomb\n');
  });

  it('in a batch, each unreadable file gets its line and the readable ones their report', async () => {
    const r = await runCli(['check', 'not-a-zip.xlsx', 'no-tables.xlsx', 'encrypted.xlsx', '--format', 'json'], { cwd: hostileDir });
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([expect.stringContaining('not-a-zip.xlsx'), expect.stringContaining('encrypted.xlsx')]);
    const report = JSON.parse(r.out) as { results: { file: string }[] };
    expect(report.results.map((x) => x.file)).toEqual(['no-tables.xlsx']);
    bounded(r);
  });
});

describe('readable workbooks with no forms or broken cells: a report, exit 1', () => {
  interface Diag {
    ruleId: string;
    severity: string;
    message: string;
    location: { sheet?: string; cell?: string; form?: string };
  }
  interface Report {
    results: { file: string; errorCount: number; diagnostics: Diag[] }[];
  }

  it('a workbook without a recognisable table is read and reported as missing every form', async () => {
    const r = await runCli(['check', 'no-tables.xlsx', '--format', 'json'], { cwd: hostileDir });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    bounded(r);
    const report = JSON.parse(r.out) as Report;
    const ids = report.results[0]?.diagnostics.map((d) => d.ruleId) ?? [];
    expect(ids.filter((id) => id === 'struct/required-form')).toHaveLength(12);
    expect(report.results[0]?.diagnostics.find((d) => d.ruleId === 'struct/required-form')?.message).toBe('缺少表一 收支总体情况表');
  });

  const sheet = '表3 支出总体情况表';
  // G8: 项目支出 of 2080107, summed into 合计 E8, 款 G7, 类 G6, the total G5 and compared with 表1, 表4, 表5, 表11
  // wrong-number.xlsx is the control: a wrong figure in G8 does break sums
  const variants = { 'formula-no-value.xlsx': { formula: 'SUM(E8:F8)' }, 'ref-error.xlsx': { error: '#REF!' }, 'wrong-number.xlsx': 9 } as const;

  beforeAll(async () => {
    const base = join(dir, 'reference-forms.xlsx');
    await writeReferenceForms(base);
    for (const [name, value] of Object.entries(variants)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(base);
      const ws = wb.getWorksheet(sheet);
      if (!ws || ws.getCell('G8').value !== 8) throw new Error(`${sheet}!G8 is not the 项目支出 of 2080107 (8.00)`);
      ws.getCell('G8').value = value as ExcelJS.CellValue;
      await wb.xlsx.writeFile(join(dir, name));
    }
  });

  it('a formula without a saved value and a #REF! are one error each at their cell; the sums that use them are blocked, not cascaded', async () => {
    expect(NO_CACHED_VALUE).toBe(CORE_NO_CACHED_VALUE);
    const r = await runCli(['check', 'reference-forms.xlsx', ...Object.keys(variants), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    bounded(r);
    const [reference, formula, ref, wrong] = (JSON.parse(r.out) as Report).results;
    const id = (d: Diag) => JSON.stringify([d.ruleId, d.severity, d.location.sheet, d.location.cell, d.message]);
    const added = (x: typeof reference) => {
      const before = new Set(reference?.diagnostics.map(id));
      return x?.diagnostics.filter((d) => !before.has(id(d))) ?? [];
    };
    const removed = (x: typeof reference) => {
      const after = new Set(x?.diagnostics.map(id));
      return reference?.diagnostics.filter((d) => !after.has(id(d))) ?? [];
    };
    for (const x of [formula, ref]) {
      expect(x?.errorCount).toBe((reference?.errorCount ?? 0) + 1);
      expect(removed(x)).toEqual([]);
    }
    expect(added(formula)).toEqual([
      {
        ruleId: 'amount/not-a-number',
        severity: 'error',
        message: 'Excel 公式没有保存计算结果（请在 Excel 中打开并保存后再校验）',
        location: { form: 'T03', rowKey: '2080107', columnKey: 'project', sheet, cell: 'G8' },
      },
    ]);
    expect(added(wrong).filter((d) => d.severity === 'error').map((d) => d.ruleId)).toContain('sum/row');
    expect(added(ref)).toEqual([
      { ruleId: 'amount/not-a-number', severity: 'error', message: '金额单元格不是数字：“#REF!”', location: { form: 'T03', rowKey: '2080107', columnKey: 'project', sheet, cell: 'G8' } },
    ]);
  });

  it('the stylish report names the cell and says the formula has no saved value', async () => {
    const r = await runCli(['check', 'formula-no-value.xlsx', '--rule', 'perf/duplicate=off', '--rule', 'perf/satisfaction-placement=off'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}表3 支出总体情况表!G8\s+错误\s+Excel 公式没有保存计算结果（请在 Excel 中打开并保存后再校验）\s+amount\/not-a-number$/m);
    expect(r.out).toContain('✖ 13 个问题（1 个错误，12 个警告）');
  });
});
