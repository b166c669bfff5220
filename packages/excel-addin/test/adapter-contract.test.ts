// Contract tests of the two workbook adapters: the same workbook read by the
// CLI's ExcelJS adapter (written to .xlsx, read back) and by ExcelHost over the
// fake Excel gives the same Grids and therefore the same findings; and both
// read within a fixed number of round trips.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGrids, generateForms, referenceDisclosure, type CellValue, type Grid, type SheetSpec } from '@yusuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrids, toGridValue } from '../../cli/src/xlsx/read-grid.js';
import { writeWorkbook } from '../../cli/src/xlsx/write.js';
import { messyReferenceGrids } from '../../core/src/forms/__fixtures__/messy-reference.js';
import { ExcelHost, type ExcelRuntime } from '../src/excel/adapter.js';
import { createFakeExcel, DEFAULT_PAYLOAD_LIMIT, fakeWorkbookFromGrids, gridForReading, parseBox, type FakeWorkbook } from './fake-office/index.js';

let dir = '';
let files = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-addin-contract-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The CLI's view: write the grids to an .xlsx with writeWorkbook, read it with readWorkbookGrids. */
async function viaExcelJS(grids: readonly Grid[]): Promise<Grid[]> {
  files += 1;
  const path = join(dir, `book-${files}.xlsx`);
  await writeWorkbook(grids, path);
  return readWorkbookGrids(path);
}

function hostOver(wb: FakeWorkbook): ExcelHost {
  return new ExcelHost({ excel: createFakeExcel(wb) as unknown as ExcelRuntime });
}

/** The add-in's view: the grids as an open workbook in (fake) Excel, read with ExcelHost.snapshot(). */
async function viaExcelHost(grids: readonly Grid[]): Promise<{ grids: readonly Grid[]; wb: FakeWorkbook }> {
  const wb = fakeWorkbookFromGrids(grids);
  const snap = await hostOver(wb).snapshot();
  return { grids: snap.grids, wb };
}

/** Every sheet stacked `times` times under itself, a blank row between copies: `times`× the rows and merges. */
function repeated(grid: Grid, times: number): Grid {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  for (let k = 0; k < times; k++) {
    const offset = rows.length;
    rows.push(...grid.rows.map((r) => [...r]));
    for (const m of grid.merges ?? []) {
      const b = parseBox(m);
      if (!b) throw new Error(m);
      const cell = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + offset + 1}`;
      merges.push(`${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`);
    }
    rows.push([]);
  }
  return { name: grid.name, rows, merges };
}

/** A messy workbook a user could have: errors, merged multi-row headers, text numbers, booleans, blanks, an offset table. */
const ERRORS_AND_HEADERS: Grid[] = [
  {
    name: '表3 支出总体情况表',
    rows: [
      ['2024年部门支出总体情况表', null, null, null, null],
      [null, null, null, null, '单位：万元'],
      ['科目', null, '合计', '基本支出', '项目支出'],
      ['编码', '名称', null, null, null],
      ['208', '社会保障和就业支出', { error: '#REF!' }, 0, 10219.69],
      ['2080107', '社会保险业务管理事务', 8, { error: '#DIV/0!' }, '8.00'],
      ['合 计', null, 10351.24, 0, { error: '#N/A' }],
      [],
      ['注：', true, false, '', ' '],
    ],
    merges: ['A1:E1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4', 'A7:B7'],
  },
  { name: 'Sheet2', rows: [[], [], [null, null, '=1 年', "'引号", '#REF!'], [null, null, '0123', 'TRUE', '2024-03-29']], merges: ['F1:G2'] },
  { name: '空表', rows: [] },
];

const REFERENCE_FORMS: SheetSpec[] = generateForms(referenceDisclosure());

describe('ExcelHost.snapshot() and the ExcelJS reader give the same Grids and findings', () => {
  const cases: [string, () => Grid[]][] = [
    ['the 12 reference forms and the performance tables', () => REFERENCE_FORMS],
    ['the messy reference forms', () => messyReferenceGrids()],
    ['errors, merged headers, text that looks like numbers', () => ERRORS_AND_HEADERS],
    ['the reference forms with 10× the rows', () => REFERENCE_FORMS.map((g) => repeated(g, 10))],
  ];

  for (const [title, grids] of cases) {
    it(title, async () => {
      const exceljs = await viaExcelJS(grids());
      const host = await viaExcelHost(grids());
      expect(host.grids).toEqual(exceljs);
      expect(checkGrids(host.grids).diagnostics).toEqual(checkGrids(exceljs).diagnostics);
      expect(host.wb.syncCount).toBeLessThanOrEqual(4);
    });
  }

  it('finds the reference’s known defects through either adapter', async () => {
    const host = await viaExcelHost(messyReferenceGrids());
    const found = checkGrids(host.grids);
    expect(found.kind).toBe('forms');
    expect(found.diagnostics.length).toBeGreaterThan(0);
    expect(found.diagnostics.every((d) => d.location.sheet === undefined || host.grids.some((g) => g.name === d.location.sheet))).toBe(true);
  });

  it('reads date-formatted numbers as ISO dates, as the ExcelJS reader does', async () => {
    const wb = fakeWorkbookFromGrids([{ name: '日期', rows: [[45380, 45380], [45380.5], [1]] }]);
    const sheet = wb.requireSheet('日期');
    sheet.setNumberFormat('A1', 'yyyy"年"m"月"d"日"');
    sheet.setNumberFormat('A2', 'yyyy-mm-dd hh:mm');
    sheet.setNumberFormat('A3', 'm/d/yyyy');
    sheet.setNumberFormat('B1', '#,##0.00 "万元"');
    const snap = await hostOver(wb).snapshot();
    // ExcelJS turns a number with a date format into this Date; the CLI's reader then gives toGridValue of it.
    const exceljs = (serial: number) => toGridValue(new Date(Math.round((serial - 25569) * 86_400_000)));
    expect(snap.grids[0]?.rows).toEqual([[exceljs(45380), 45380], [exceljs(45380.5)], [exceljs(1)]]);
    expect(snap.grids[0]?.rows).toEqual([['2024-03-29', 45380], ['2024-03-29T12:00:00'], ['1899-12-31']]);
  });
});

describe('writing: ExcelHost.writeSheets and the CLI’s writeWorkbook give the same workbook', () => {
  it('reads back the same Grids and findings from the forms each wrote', async () => {
    const wb = fakeWorkbookFromGrids([{ name: 'Sheet1', rows: [] }]);
    const host = hostOver(wb);
    await host.writeSheets(REFERENCE_FORMS, 'forms', { replaceOwned: false });
    const written = (await host.snapshot()).grids.slice(1);
    const exceljs = await viaExcelJS(REFERENCE_FORMS);
    expect(written).toEqual(exceljs);
    expect(checkGrids(written).diagnostics).toEqual(checkGrids(exceljs).diagnostics);
  });
});

describe('ExcelHost.snapshot() round trips', () => {
  it('reads the reference forms in 3 syncs (sheets; used ranges; cells and merges)', async () => {
    const { wb } = await viaExcelHost(REFERENCE_FORMS);
    expect(wb.syncCount).toBe(3);
  });

  it('reads 10× the rows (1,570 merges on one sheet) in the same 3 syncs', async () => {
    const { grids, wb } = await viaExcelHost(REFERENCE_FORMS.map((g) => repeated(g, 10)));
    expect(wb.syncCount).toBe(3);
    expect(grids.at(-1)?.merges?.length).toBeGreaterThan(1_500);
  });

  it('reads ten units’ forms in one workbook (130 sheets) in 3 syncs', async () => {
    const units = Array.from({ length: 10 }, (_, u) => REFERENCE_FORMS.map((g) => ({ ...g, name: `${u + 1}-${g.name}`.slice(0, 31) })));
    const grids = units.flat();
    const { grids: read, wb } = await viaExcelHost(grids);
    expect(wb.syncCount).toBe(3);
    expect(read).toEqual(grids.map(gridForReading));
  });

  it('reads a 200,000-cell sheet in ≤ 4 syncs, each under the 5 MB payload limit', async () => {
    const rows: CellValue[][] = Array.from({ length: 10_000 }, (_, r) => [
      `2080${String(r % 1000).padStart(3, '0')}`,
      `社会保险业务管理事务第${r}项`,
      ...Array.from({ length: 18 }, (_c, c) => Math.round((r * 31 + c * 7) % 100_000) / 100 + 1000),
    ]);
    const grid: Grid = { name: '大表', rows };
    const { grids, wb } = await viaExcelHost([grid]);
    expect(wb.syncCount).toBeLessThanOrEqual(4);
    expect(grids).toEqual([grid]);
    const payloads = wb.syncLog.map((s) => Math.max(s.requestBytes, s.responseBytes));
    expect(Math.max(...payloads)).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    // values, valueTypes and numberFormat of every cell, each read once.
    expect(wb.syncLog.reduce((n, s) => n + s.cellsRead, 0)).toBe(3 * 200_000);
  });

  it('still reads everything when Excel refuses a sync as too large, by halving it', async () => {
    const rows: CellValue[][] = Array.from({ length: 3_000 }, (_, r) => Array.from({ length: 10 }, (_c, c) => `很长的中文说明文字，第${r}行第${c}列，用来撑大返回的数据量`));
    const wb = fakeWorkbookFromGrids([{ name: '长文本', rows }], { payloadLimitBytes: 1_000_000 });
    const snap = await hostOver(wb).snapshot();
    expect(snap.grids[0]?.rows).toEqual(rows);
    const succeeded = wb.syncLog.filter((s) => s.responseBytes <= 1_000_000);
    expect(succeeded.length).toBeGreaterThan(3);
  });
});
