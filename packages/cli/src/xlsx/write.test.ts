import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AMOUNT_NUMBER_FORMAT, parseA1, type CellRole, type CellValue, type Grid, type SheetSpec } from '@yusuan/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../errors.js';
import { gridsFromBuffer, readWorkbookGrids } from './read-grid.js';
import { checkSheetNames, sheetNameProblem, workbookBuffer, writeWorkbook } from './write.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-write-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A 表3-like form: a merged CJK title, a two-row header with merges, codes as text, amounts, a total and a note. */
const FORM: SheetSpec = {
  name: '表3 一般公共预算支出表',
  rows: [
    ['2024年一般公共预算支出表', null, null, null, null],
    [null, null, null, null, '单位：万元'],
    ['科目', null, '合计', '基本支出', '项目支出'],
    ['编码', '名称', null, null, null],
    ['208', '社会保障和就业支出', 10219.69, 0, 10219.69],
    ['2080107', '社会保险业务管理事务', 8, 0, 8],
    ['合计', null, 10351.24, 0, 10351.24],
    ['注：本单位无基本支出。'],
  ],
  merges: ['A1:E1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4', 'A7:B7', 'A8:E8'],
  styles: [
    { range: 'A1:E1', role: 'title' },
    { range: 'E2', role: 'subtitle' },
    { range: 'A3:E4', role: 'header' },
    { range: 'A5:A6', role: 'code' },
    { range: 'B5:B6', role: 'text' },
    { range: 'C5:E6', role: 'amount' },
    { range: 'A7:B7', role: 'totalText' },
    { range: 'C7:E7', role: 'totalAmount' },
    { range: 'A8:E8', role: 'note' },
  ],
  columnWidths: [12, 36, 14, 14, 14],
  rowHeights: { 0: 30, 2: 20 },
  freeze: { rows: 4, columns: 2 },
  print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: [1, 4] },
};

const NOTES: SheetSpec = {
  name: '说明',
  rows: [['第三部分 2024年部门预算情况说明'], ['一、收支预算总体情况说明', true, { error: '#N/A' }]],
  merges: ['A1:C1'],
  styles: [{ range: 'A2:C2', role: 'paragraph' }],
};

function mergeKey(range: string): number[] {
  return range.split(':').flatMap((p) => {
    const a = parseA1(p);
    return [a?.row ?? 0, a?.col ?? 0];
  });
}

/** The Grid part of a spec as the reader returns it: trailing empty cells and rows dropped, merges in reading order. */
function gridPart(spec: Grid): Grid {
  const rows = spec.rows.map((row) => {
    const values: CellValue[] = [...row];
    while (values.length > 0 && (values[values.length - 1] ?? null) === null) values.pop();
    return values;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const merges = [...(spec.merges ?? [])].sort((x, y) => {
    const a = mergeKey(x);
    const b = mergeKey(y);
    return a.map((v, i) => v - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  });
  return merges.length > 0 ? { name: spec.name, rows, merges } : { name: spec.name, rows };
}

async function excelOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const THIN = { style: 'thin', color: { argb: 'FF000000' } };
const BOXED = { top: THIN, left: THIN, bottom: THIN, right: THIN };

describe('writeWorkbook', () => {
  let path = '';
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    path = join(dir, 'forms.xlsx');
    await writeWorkbook([FORM, NOTES], path, { creator: 'yusuan 测试' });
    wb = await excelOf(path);
    const sheet = wb.getWorksheet(FORM.name);
    if (!sheet) throw new Error('sheet missing');
    ws = sheet;
  });

  it('writes the sheets in order with the creator', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([FORM.name, NOTES.name]);
    expect(wb.creator).toBe('yusuan 测试');
  });

  it('writes amounts as numbers formatted #,##0.00, right-aligned and boxed', () => {
    for (const address of ['C5', 'D5', 'E6']) {
      const cell = ws.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt, address).toBe(AMOUNT_NUMBER_FORMAT);
      expect(cell.alignment?.horizontal, address).toBe('right');
      expect(cell.border, address).toEqual(BOXED);
    }
    expect(ws.getCell('C5').value).toBe(10219.69);
    expect(ws.getCell('C7').numFmt).toBe(AMOUNT_NUMBER_FORMAT);
    expect(ws.getCell('C7').font?.bold).toBe(true);
  });

  it('writes codes as text with the text format, centred and boxed', () => {
    const cell = ws.getCell('A6');
    expect(cell.value).toBe('2080107');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
    expect(cell.alignment?.horizontal).toBe('center');
    expect(cell.border).toEqual(BOXED);
  });

  it('formats header cells, merged ones other than the top-left included, so borders print', () => {
    for (const address of ['A3', 'B3', 'C3', 'C4', 'E4']) {
      const cell = ws.getCell(address);
      expect(cell.border, address).toEqual(BOXED);
      expect(cell.font?.bold, address).toBe(true);
      expect(cell.fill, address).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
      expect(cell.alignment, address).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
    }
    expect(ws.getCell('B3').isMerged).toBe(true);
    expect(ws.getCell('B3').master.address).toBe('A3');
    expect(ws.getCell('A7').border).toEqual(BOXED);
    expect(ws.getCell('B7').border).toEqual(BOXED);
  });

  it('uses CJK fonts: 黑体 16pt bold centred for the title, 宋体 with the GB2312 charset elsewhere', () => {
    expect(ws.getCell('A1').font).toEqual({ name: '黑体', size: 16, bold: true, family: 3, charset: 134 });
    expect(ws.getCell('E1').font?.name).toBe('黑体');
    expect(ws.getCell('A1').alignment).toEqual({ horizontal: 'center', vertical: 'middle' });
    for (const address of ['E2', 'A5', 'B5', 'C5', 'A8']) {
      expect(ws.getCell(address).font?.name, address).toBe('宋体');
      expect(ws.getCell(address).font?.charset, address).toBe(134);
    }
    expect(ws.getCell('E2').alignment?.horizontal).toBe('right');
    expect(ws.getCell('B5').alignment).toEqual({ horizontal: 'left', vertical: 'middle', wrapText: true });
    expect(wb.getWorksheet(NOTES.name)?.getCell('A2').alignment).toEqual({ horizontal: 'left', vertical: 'top', wrapText: true });
    expect(wb.getWorksheet(NOTES.name)?.getCell('A1').font?.name).toBe('宋体');
  });

  it('leaves notes without a border', () => {
    expect(ws.getCell('A8').border ?? {}).toEqual({});
    expect(ws.getCell('E8').border ?? {}).toEqual({});
    expect(ws.getCell('A8').alignment?.horizontal).toBe('left');
  });

  it('sets column widths, row heights and the frozen header', () => {
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([12, 36, 14, 14, 14]);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(3).height).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4, topLeftCell: 'C5' });
  });

  it('sets up A4 landscape printing, fitted to the page width, with repeated header rows', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4' });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    const notes = wb.getWorksheet(NOTES.name);
    expect(notes?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
    expect(notes?.pageSetup.fitToPage).toBeFalsy();
  });

  it('reads back, through readWorkbookGrids, exactly the values and merges of the specs', async () => {
    expect(await readWorkbookGrids(path)).toEqual([gridPart(FORM), gridPart(NOTES)]);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = join(dir, 'replace', 'out.xlsx');
    await mkdir(join(dir, 'replace'));
    await writeFile(target, 'old');
    await writeWorkbook([NOTES], target);
    expect(await readdir(join(dir, 'replace'))).toEqual(['out.xlsx']);
    expect(await readWorkbookGrids(target)).toEqual([gridPart(NOTES)]);
  });

  it('never leaves a half-written file: a failure keeps the old file and removes the temporary one', async () => {
    const folder = join(dir, 'atomic');
    await mkdir(folder);
    const target = join(folder, 'out.xlsx');
    await writeFile(target, 'old');
    await expect(writeWorkbook([{ name: 'bad/name', rows: [] }], target)).rejects.toThrow(/invalid sheet name/);
    expect(await readFile(target, 'utf8')).toBe('old');

    const intoDirectory = join(folder, 'is-a-directory.xlsx');
    await mkdir(intoDirectory);
    const error = await writeWorkbook([NOTES], intoDirectory).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toMatch(/无法写入 .*目录/);
    expect((await readdir(folder)).sort()).toEqual(['is-a-directory.xlsx', 'out.xlsx']);

    const missing = await writeWorkbook([NOTES], join(dir, 'no-such-folder', 'out.xlsx')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserInputError);
    expect((missing as UserInputError).message).toMatch(/所在文件夹不存在/);
    expect((missing as UserInputError).messageIn('en')).toMatch(/folder does not exist/);
  });
});

describe('sheet specs that cannot be written', () => {
  it('validates sheet names', () => {
    expect(sheetNameProblem('表1 收支总表')).toBeUndefined();
    expect(sheetNameProblem('一'.repeat(31))).toBeUndefined();
    expect(sheetNameProblem('一'.repeat(32))).toMatch(/31/);
    for (const bad of ['a[1]', 'a:b', 'a*', 'a?', 'a/b', 'a\\b', "'引号", '', '  ', 'History']) expect(sheetNameProblem(bad), bad).toBeDefined();
    expect(() => checkSheetNames(['表1', 'Sheet', 'SHEET'])).toThrow(/duplicate sheet name "SHEET"/);
    expect(() => checkSheetNames(['表1', '表1'])).toThrow(/duplicate/);
    expect(() => checkSheetNames([])).toThrow(/at least one sheet/);
    expect(() => checkSheetNames(['表1', '表2'])).not.toThrow();
  });

  it('rejects overlapping merges, values hidden by a merge, bad values and bad ranges with a clear Error', async () => {
    const cases: [SheetSpec, RegExp][] = [
      [{ name: 'S', rows: [], merges: ['A1:C1', 'B1:B2'] }, /"B1:B2" overlaps "A1:C1"/],
      [{ name: 'S', rows: [['甲', '乙']], merges: ['A1:B1'] }, /hides the value of B1/],
      [{ name: 'S', rows: [[Number.NaN]] }, /cell A1: NaN is not a number/],
      [{ name: 'S', rows: [[null, Number.POSITIVE_INFINITY]] }, /cell B1: Infinity/],
      [{ name: 'S', rows: [[{ error: '#NO-CACHED-VALUE' }]] }, /not an error value Excel can store/],
      [{ name: 'S', rows: [['长'.repeat(32_768)]] }, /longer than 32767/],
      [{ name: 'S', rows: [], merges: ['A1-B2'] }, /"A1-B2" is not an A1 range/],
      [{ name: 'S', rows: [], styles: [{ range: 'A1:XFD1048576', role: 'text' }] }, /covers more than/],
      [{ name: 'S', rows: [], freeze: { rows: -1, columns: 0 } }, /cannot freeze/],
      [{ name: 'S', rows: [], columnWidths: [0] }, /width 0 is out of range/],
      [{ name: 'S', rows: [], rowHeights: { 0: 500 } }, /row height 500/],
      [{ name: 'S', rows: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: false, repeatRows: [3, 2] } }, /repeated rows 3:2/],
    ];
    for (const [spec, message] of cases) await expect(workbookBuffer([spec]), message.source).rejects.toThrow(message);
  });

  it('allows empty strings under a merge, drops one-cell merges and characters XML cannot hold', async () => {
    const bytes = await workbookBuffer([{ name: 'S', rows: [['甲', ''], ['a\u0001b\u000bc\td']], merges: ['A1:B1', 'C3:C3'] }]);
    expect(await gridsFromBuffer(bytes, 'S.xlsx')).toEqual([{ name: 'S', rows: [['甲'], ['abc\td']], merges: ['A1:B1'] }]);
  });
});

const CJK = [...'预算收入支出合计一般公共政府性基金国有资本经营项目基本人员经费日常公用社会保障和就业单位万元（）、，。：１２３'];
const ROLES: readonly CellRole[] = ['title', 'subtitle', 'header', 'code', 'text', 'amount', 'totalText', 'totalAmount', 'note', 'paragraph'];
const ERRORS = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'] as const;

const cjkText = (min: number, max: number) => fc.array(fc.constantFrom(...CJK), { minLength: min, maxLength: max }).map((a) => a.join(''));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((n) => n / 100) },
  { weight: 4, arbitrary: cjkText(0, 12) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
);

interface Rect {
  readonly r: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

const rect = fc.record({ r: fc.nat(7), c: fc.nat(5), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) });

function rangeOf({ r, c, h, w }: Rect): string {
  const col = (n: number) => String.fromCharCode(65 + n);
  return `${col(c)}${r + 1}:${col(c + w - 1)}${r + h}`;
}

function overlaps(x: Rect, y: Rect): boolean {
  return x.r < y.r + y.h && y.r < x.r + x.h && x.c < y.c + y.w && y.c < x.c + x.w;
}

/** A random small sheet: ragged rows, merges that do not overlap (their hidden cells emptied), random styles. */
function sheetSpec(name: string): fc.Arbitrary<SheetSpec> {
  return fc
    .record({
      rows: fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 8 }),
      rects: fc.array(rect, { maxLength: 4 }),
      styles: fc.array(fc.record({ at: rect, role: fc.constantFrom(...ROLES) }), { maxLength: 3 }),
    })
    .map(({ rows, rects, styles }) => {
      const merged: Rect[] = [];
      for (const m of rects) if (m.h * m.w > 1 && !merged.some((o) => overlaps(o, m))) merged.push(m);
      const cells = rows.map((row) => [...row]);
      for (const m of merged) {
        for (let r = m.r; r < m.r + m.h; r += 1) {
          for (let c = m.c; c < m.c + m.w; c += 1) {
            const row = cells[r];
            if ((r !== m.r || c !== m.c) && row && c < row.length) row[c] = null;
          }
        }
      }
      return {
        name,
        rows: cells,
        merges: merged.map(rangeOf),
        styles: styles.map((s) => ({ range: rangeOf(s.at), role: s.role })),
      };
    });
}

describe('write → read', () => {
  it('is the identity on values and merges for random small grids', async () => {
    const workbook = fc.uniqueArray(cjkText(1, 31), { minLength: 1, maxLength: 3 }).chain((names) => fc.tuple(...names.map((n) => sheetSpec(n))));
    await fc.assert(
      fc.asyncProperty(workbook, async (sheets) => {
        const bytes = await workbookBuffer(sheets);
        expect(await gridsFromBuffer(bytes, 'random.xlsx')).toEqual(sheets.map(gridPart));
      }),
      { numRuns: 40 },
    );
  });
});
