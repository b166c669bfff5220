import { existsSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../errors.js';
import { MB, patchXlsx, zipOf } from './__fixtures__/zip-bytes.js';
import { DEFAULT_XLSX_LIMITS, NO_CACHED_VALUE, gridsFromBuffer, readInputFile, readWorkbookGrids, type XlsxReadLimits } from './read-grid.js';

let dir = '';
/** 50 MB of zeros, deflated (about 50 KB). */
let zeros = Buffer.alloc(0);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-read-'));
  zeros = deflateRawSync(Buffer.alloc(50 * MB));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function save(name: string, bytes: Buffer | Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small valid workbook: one sheet 数据 with a title and a few rows. */
async function smallWorkbook(rows = 3): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.getCell('A1').value = '支出表';
  ws.mergeCells('A1:C1');
  for (let r = 0; r < rows; r += 1) ws.addRow([`20801${r}`, '人力资源事务', r + 0.25]);
  return bytesOf(wb);
}

/** Runs a read that must fail with a one-line UserInputError, in bounded time; returns the error. */
async function unreadable(run: () => Promise<unknown>, zh: RegExp, en: RegExp, maxMs = 3000): Promise<UserInputError> {
  const started = performance.now();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(error).toBeInstanceOf(UserInputError);
  const e = error as UserInputError;
  expect(e.exitCode).toBe(2);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message).toMatch(zh);
  expect(e.message).not.toMatch(/\n/);
  expect(e.messageIn('en')).toMatch(en);
  expect(e.messageIn('en')).not.toMatch(/\n/);
  expect(elapsed).toBeLessThan(maxMs);
  return e;
}

describe('readWorkbookGrids: values', () => {
  it('reads cached formula results, shared formulas, errors, rich text, hyperlinks, dates and booleans', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公式');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 3 };
    ws.getCell('A4').value = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
    ws.getCell('A5').value = { error: '#REF!' };
    ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 };
    ws.getCell('B3').value = { sharedFormula: 'B1' } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('C1').value = { formula: 'IF(A1>5,"大","")', result: '' };
    ws.getCell('C2').value = { formula: 'A1&"元"', result: '1元' };
    ws.getCell('C3').value = { formula: 'A1>0', result: true };
    ws.getCell('C4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C5').value = { formula: 'DATE(2024,1,2)', result: new Date(Date.UTC(2024, 0, 2)) };
    ws.getCell('C5').numFmt = 'yyyy-mm-dd';
    ws.getCell('D1').value = { richText: [{ text: '社会保障' }, { text: '和就业', font: { bold: true } }] };
    ws.getCell('D2').value = { text: '财政局网站', hyperlink: 'https://example.org/' };
    ws.getCell('D3').value = new Date(Date.UTC(2024, 2, 29));
    ws.getCell('D4').value = false;
    ws.getCell('D5').value = 10351.24;
    const path = await save('formulas.xlsx', await bytesOf(wb));
    const [grid] = await readWorkbookGrids(path);
    expect(grid).toEqual({
      name: '公式',
      rows: [
        [1, 2, '', '社会保障和就业'],
        [2, 4, '1元', '财政局网站'],
        [3, { error: NO_CACHED_VALUE }, true, '2024-03-29'],
        [{ error: NO_CACHED_VALUE }, null, { error: '#DIV/0!' }, false],
        [{ error: '#REF!' }, null, '2024-01-02', 10351.24],
      ],
    });
    expect(NO_CACHED_VALUE).toBe('#NO-CACHED-VALUE');
  });

  it('reads inline strings, keeps ragged rows, and marks an unparseable number as #VALUE!', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('行');
    ws.getCell('A1').value = '甲';
    ws.getCell('C3').value = 5;
    const patched = patchXlsx(await bytesOf(wb), (name, text) =>
      name === 'xl/worksheets/sheet1.xml'
        ? text.replace('</sheetData>', '<row r="5"><c r="A5" t="inlineStr"><is><t>内联文本</t></is></c><c r="B5"><v>abc</v></c></row></sheetData>')
        : undefined,
    );
    expect(await gridsFromBuffer(patched, 'inline.xlsx')).toEqual([{ name: '行', rows: [['甲'], [], [null, null, 5], [], ['内联文本', { error: '#VALUE!' }]] }]);
  });

  it('lists merges in reading order with values only in their top-left cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合并');
    ws.getCell('A10').value = '下';
    ws.mergeCells('A10:B10');
    ws.getCell('C2').value = '右';
    ws.mergeCells('C2:D3');
    ws.getCell('A2').value = '左';
    ws.mergeCells('A2:B2');
    // A value stored under a merge by another program is not part of the grid.
    const patched = patchXlsx(await bytesOf(wb), (name, text) => {
      if (name !== 'xl/worksheets/sheet1.xml') return undefined;
      const hidden = text.replace(/<c r="D3"[^>]*\/>/, '<c r="D3" t="inlineStr"><is><t>藏</t></is></c>');
      expect(hidden).toContain('藏');
      return hidden;
    });
    const [grid] = await gridsFromBuffer(patched, 'merges.xlsx');
    expect(grid?.merges).toEqual(['A2:B2', 'C2:D3', 'A10:B10']);
    expect(grid?.rows).toEqual([[], ['左', null, '右'], [], [], [], [], [], [], [], ['下']]);
  });

  it('ignores data validations and defined names that ExcelJS would expand cell by cell', async () => {
    const patched = patchXlsx(await smallWorkbook(), (name, text) => {
      if (name === 'xl/worksheets/sheet1.xml') {
        const validations =
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
        return text.replace('<pageMargins', `${validations}<pageMargins`);
      }
      if (name === 'xl/workbook.xml') {
        return text.replace('</sheets>', `</sheets><definedNames><definedName name="全部">'数据'!$A$1:$XFD$1048576</definedName></definedNames>`);
      }
      return undefined;
    });
    const started = performance.now();
    const [grid] = await gridsFromBuffer(patched, 'validations.xlsx');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(grid?.rows).toEqual([['支出表'], ['208010', '人力资源事务', 0.25], ['208011', '人力资源事务', 1.25], ['208012', '人力资源事务', 2.25]]);
    expect(grid?.merges).toEqual(['A1:C1']);
  });
});

describe('readWorkbookGrids: hostile input', () => {
  it('rejects a text file named .xlsx', async () => {
    const path = await save('text.xlsx', '科目编码,科目名称\n208,社会保障和就业支出\n');
    await unreadable(() => readWorkbookGrids(path), /不是 \.xlsx 工作簿/, /not an \.xlsx workbook/);
  });

  it('rejects a truncated workbook (its first half)', async () => {
    const whole = await smallWorkbook(50);
    const path = await save('truncated.xlsx', whole.subarray(0, whole.length >> 1));
    await unreadable(() => readWorkbookGrids(path), /工作簿已损坏或不完整/, /damaged or incomplete/);
  });

  it('rejects an empty workbook written by ExcelJS and a zip that is no workbook', async () => {
    const path = await save('empty.xlsx', await bytesOf(new ExcelJS.Workbook()));
    await unreadable(() => readWorkbookGrids(path), /工作簿中没有工作表/, /no worksheet/);
    const other = await save('other.xlsx', zipOf([{ name: 'readme.txt', content: Buffer.from('不是工作簿') }]));
    await unreadable(() => readWorkbookGrids(other), /工作簿中没有工作表/, /no worksheet/);
  });

  it('rejects an OLE compound file (encrypted .xlsx or legacy .xls)', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const path = await save('encrypted.xlsx', Buffer.concat([header, Buffer.alloc(4096)]));
    await unreadable(() => readWorkbookGrids(path), /文件已加密或为旧版 \.xls 格式.*另存为/, /encrypted or a legacy \.xls/);
  });

  it('rejects a zip whose entry declares 300 MB, before inflating anything', async () => {
    const path = await save(
      'declared.xlsx',
      zipOf([{ name: 'xl/worksheets/sheet1.xml', deflated: deflateRawSync(Buffer.alloc(1000)), declaredSize: 300 * MB }]),
    );
    await unreadable(() => readWorkbookGrids(path), /xl\/worksheets\/sheet1\.xml 解压后有 300 MB，超过单个文件上限 100 MB/, /per-file limit of 100 MB/, 500);
  });

  it('rejects a real zip bomb (50 MB of zeros in 50 KB) by ratio, entry size and total size', async () => {
    expect(zeros.length).toBeLessThan(100 * 1024);
    const path = await save('bomb.xlsx', zipOf([{ name: 'xl/worksheets/sheet1.xml', deflated: zeros, declaredSize: 50 * MB }]));
    await unreadable(() => readWorkbookGrids(path), /压缩比为 \d+:1，超过上限 200:1，可能是压缩炸弹/, /zip bomb/, 1000);
    const noRatio: Partial<XlsxReadLimits> = { maxCompressionRatio: Number.MAX_SAFE_INTEGER };
    await unreadable(() => readWorkbookGrids(path, { ...noRatio, maxEntryUncompressedBytes: 10 * MB }), /解压后有 50 MB，超过单个文件上限 10 MB/, /per-file limit/, 1000);
    await unreadable(() => readWorkbookGrids(path, { ...noRatio, maxTotalUncompressedBytes: 20 * MB }), /解压后共 50 MB，超过上限 20 MB/, /inflates to 50 MB/, 1000);
  });

  it('rejects a zip bomb whose directory understates its size', async () => {
    const path = await save('liar.xlsx', zipOf([{ name: 'xl/worksheets/sheet1.xml', deflated: zeros, declaredSize: 4096 }]));
    await unreadable(() => readWorkbookGrids(path), /解压后的大小与声明不符，可能是压缩炸弹/, /declared size/, 1000);
  });

  it('rejects a damaged entry inside an intact zip, and content ExcelJS chokes on', async () => {
    const corrupt = await save('corrupt.xlsx', zipOf([{ name: 'xl/workbook.xml', deflated: Buffer.from([0xff, 0xfe, 0xfd, 0xfc]), declaredSize: 100 }]));
    await unreadable(() => readWorkbookGrids(corrupt), /工作簿已损坏（xl\/workbook\.xml 的压缩数据无效）/, /damaged/);
    const badString = patchXlsx(await smallWorkbook(), (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('</sheetData>', '<row r="9"><c r="A9" t="s"><v>999</v></c></row></sheetData>') : undefined,
    );
    await unreadable(() => gridsFromBuffer(badString, 'bad-string.xlsx'), /bad-string\.xlsx：工作簿已损坏或不是 Excel 文件/, /damaged or not an Excel file/);
  });

  it('rejects a sheet over the row limit, with or without row numbers in the file', async () => {
    const bytes = await smallWorkbook(20);
    const path = await save('rows.xlsx', bytes);
    const e = await unreadable(() => readWorkbookGrids(path, { maxRowsPerSheet: 10 }), /工作表“数据”超过 10 行/, /more than 10 rows/);
    expect(e.message).toContain('rows.xlsx');
    expect(await readWorkbookGrids(path, { maxRowsPerSheet: 21 })).toHaveLength(1);
    const unnumbered = patchXlsx(bytes, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace(/<row r="\d+"/g, '<row') : undefined));
    await unreadable(() => gridsFromBuffer(unnumbered, 'unnumbered.xlsx', { maxRowsPerSheet: 10 }), /工作表“数据”超过 10 行/, /more than 10 rows/);
    const far = patchXlsx(bytes, (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('</sheetData>', '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>') : undefined,
    );
    await unreadable(() => gridsFromBuffer(far, 'far.xlsx'), /工作表“数据”超过 200000 行/, /more than 200000 rows/);
  });

  it('rejects merges over the whole sheet, too many merges, too many cells and columns beyond XFD', async () => {
    const bytes = await smallWorkbook();
    const huge = patchXlsx(bytes, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace('ref="A1:C1"', 'ref="A1:XFD1048576"') : undefined));
    await unreadable(() => gridsFromBuffer(huge, 'huge-merge.xlsx'), /工作表“数据”的合并单元格过多或过大/, /merged ranges/);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    for (let r = 1; r <= 5; r += 1) ws.mergeCells(r, 1, r, 2);
    const many = await bytesOf(wb);
    await unreadable(() => gridsFromBuffer(many, 'merges.xlsx', { maxMergesPerSheet: 4 }), /合并单元格过多或过大（上限 4 个/, /too many/);
    expect(await gridsFromBuffer(many, 'merges.xlsx', { maxMergesPerSheet: 5 })).toHaveLength(1);
    await unreadable(() => gridsFromBuffer(bytes, 'cells.xlsx', { maxCellsPerSheet: 5 }), /工作表“数据”超过 5 个单元格/, /more than 5 cells/);
    const cols = patchXlsx(bytes, (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('<sheetData>', '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>') : undefined,
    );
    await unreadable(() => gridsFromBuffer(cols, 'cols.xlsx'), /工作簿已损坏（工作表“数据”的列定义超出 XFD 列）/, /beyond XFD/);
  });

  it('rejects a file over the size limit without reading it', async () => {
    const path = join(dir, 'large.xlsx');
    const handle = await open(path, 'w');
    await handle.truncate(DEFAULT_XLSX_LIMITS.maxFileBytes + 1);
    await handle.close();
    await unreadable(() => readWorkbookGrids(path), /文件过大（50 MB），上限为 50 MB/, /too large/, 500);
    const small = await save('small.xlsx', await smallWorkbook());
    await unreadable(() => readWorkbookGrids(small, { maxFileBytes: 1000 }), /文件过大（\d+(\.\d)? KB），上限为 1 KB/, /too large/);
  });

  it('rejects paths that are no regular file', async () => {
    await unreadable(() => readInputFile(join(dir, 'missing.xlsx')), /找不到文件/, /file not found/);
    await unreadable(() => readInputFile(dir), /这是一个目录/, /directory/);
    if (existsSync('/dev/zero')) await unreadable(() => readInputFile('/dev/zero'), /不是普通文件/, /not a regular file/, 500);
    expect((await readInputFile(await save('plain.txt', '正文'))).toString('utf8')).toBe('正文');
  });
});
