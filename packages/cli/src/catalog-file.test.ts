import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, loadCatalogFile } from './catalog-file.js';
import { InternalError, UserInputError, exitCodeOf } from './errors.js';
import { readWorkbookGrids, worksheetToGrid } from './xlsx/read-grid.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-catalog-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** GB18030 encoder for the test data (Node only decodes GB18030): a reverse table of all two-byte sequences. */
function encodeGb18030(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not encodable in this test: ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

const CATALOG_CSV = '科目编码,科目名称\r\n208,社会保障和就业支出\r\n20801,人力资源和社会保障管理事务\r\n2080107,"社会保险业务管理事务"\r\n2080108,信息化建设\r\n';

async function writeCatalogWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '本工作簿为用户提供的科目表';
  notes.getCell('A2').value = '请勿修改表头';

  const ws = wb.addWorksheet('科目表');
  ws.getCell('A1').value = '2024年支出功能分类科目';
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = '科目编码';
  ws.getCell('B2').value = '科目名称';
  ws.getCell('C2').value = '级次';
  ws.getCell('D2').value = '更新日期';
  ws.addRow([208, '社会保障和就业支出', '类', new Date(Date.UTC(2024, 2, 29))]);
  ws.addRow([20801, { richText: [{ text: '人力资源和' }, { text: '社会保障管理事务', font: { bold: true } }] }, '款']);
  ws.addRow([2080107, '社会保险业务管理事务', '项']);
  ws.addRow([{ formula: 'A5+1', result: 2080108 }, '信息化建设', '项']);
  ws.addRow([2080109, { text: '社会保险经办机构', hyperlink: 'https://example.org/2080109' }, '项']);
  ws.addRow([{ error: '#REF!' }, '引用错误', '项']);
  ws.addRow(['２０８ 01 99', '其他人力资源和社会保障管理事务支出', '项']);
  await wb.xlsx.writeFile(path);
}

describe('loadCatalogFile', () => {
  it('reads an .xlsx with a merged title row above the header and codes stored as numbers', async () => {
    const path = join(dir, 'catalog.xlsx');
    await writeCatalogWorkbook(path);
    const load = await loadCatalogFile(path);
    expect(load.format).toBe('xlsx');
    if (load.format !== 'xlsx') return;
    expect(load.sheet).toBe('科目表');
    expect(load.catalog?.kind).toBe('function');
    expect(load.catalog?.subjects().map((s) => [s.code, s.name, s.level, s.source])).toEqual([
      ['208', '社会保障和就业支出', '类', 'user'],
      ['20801', '人力资源和社会保障管理事务', '款', 'user'],
      ['2080107', '社会保险业务管理事务', '项', 'user'],
      ['2080108', '信息化建设', '项', 'user'],
      ['2080109', '社会保险经办机构', '项', 'user'],
      ['2080199', '其他人力资源和社会保障管理事务支出', '项', 'user'],
    ]);
    expect(load.issues.map((i) => [i.row, i.cell, i.messageId])).toEqual([[8, 'A8', 'code-cell-error']]);
    expect(load.issues[0]?.message['zh-CN']).toContain('#REF!');
  });

  it('reads an .xlsx whose codes are split into 类 / 款 / 项 number columns under a two-row header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表3');
    ws.addRow(['支出总体情况表']);
    ws.mergeCells('A1:E1');
    ws.addRow(['科目编码', null, null, '科目名称', '合计']);
    ws.addRow(['类', '款', '项', null, null]);
    ws.mergeCells('A2:C2');
    ws.mergeCells('D2:D3');
    ws.addRow([null, null, null, '合 计', 10351.24]);
    ws.addRow([208, null, null, '社会保障和就业支出', 10219.69]);
    ws.addRow([208, 1, null, '人力资源和社会保障管理事务', 49.77]);
    ws.addRow([208, 1, 7, '社会保险业务管理事务', 8]);
    ws.addRow([213, 8, 4, '创业担保贷款贴息及奖补', 131.55]);
    const path = join(dir, 'split.xlsx');
    await wb.xlsx.writeFile(path);
    const load = await loadCatalogFile(path, 'function');
    expect(load.issues).toEqual([]);
    expect(load.catalog?.subjects().map((s) => s.code)).toEqual(['208', '20801', '2080107', '2130804']);
  });

  it('reads a GB18030-encoded CSV', async () => {
    const path = join(dir, 'gbk.csv');
    const bytes = encodeGb18030(CATALOG_CSV);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await writeFile(path, bytes);
    const load = await loadCatalogFile(path);
    expect(load.format === 'csv' && load.encoding).toBe('gb18030');
    expect(load.issues).toEqual([]);
    expect(load.catalog?.get('2080107')?.name).toBe('社会保险业务管理事务');
    expect(load.catalog?.get('20801')?.name).toBe('人力资源和社会保障管理事务');
    expect(load.catalog?.size).toBe(4);
  });

  it('reads a UTF-8 CSV with a BOM and reports bad rows at their line', async () => {
    const path = join(dir, 'utf8.csv');
    await writeFile(path, `\uFEFF${CATALOG_CSV}20801X,坏编码\r\n`, 'utf8');
    const load = await loadCatalogFile(path, 'function');
    expect(load.format === 'csv' && load.encoding).toBe('utf-8');
    expect(load.catalog?.size).toBe(4);
    expect(load.issues.map((i) => [i.row, i.cell, i.messageId])).toEqual([[6, undefined, 'code-not-digits']]);
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = '编码,名称\n208,社会保障和就业支出\n';
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('throws a UserInputError with a one-line Chinese message for a non-zip .xlsx', async () => {
    const path = join(dir, 'fake.xlsx');
    await writeFile(path, 'this is not a workbook', 'utf8');
    const error = await loadCatalogFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    if (!(error instanceof UserInputError)) return;
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).toContain('fake.xlsx');
    expect(error.message).not.toMatch(/\n/);
    expect(error.messageIn('en')).toContain('not an .xlsx workbook');
  });

  it('throws a UserInputError for a damaged zip, a legacy .xls, a missing file, a directory and other extensions', async () => {
    const damaged = join(dir, 'damaged.xlsx');
    await writeFile(damaged, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    const legacy = join(dir, 'old.xlsx');
    await writeFile(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]));
    const folder = join(dir, 'folder.csv');
    await mkdir(folder);
    const cases: [string, RegExp][] = [
      [damaged, /工作簿已损坏/],
      [legacy, /\.xls/],
      [join(dir, 'missing.csv'), /找不到文件/],
      [join(dir, 'missing.xlsx'), /找不到文件/],
      [folder, /目录/],
      [join(dir, 'catalog.txt'), /不支持的科目表文件类型/],
      [join(dir, 'catalog.xls'), /不支持旧版 \.xls/],
    ];
    for (const [path, message] of cases) {
      const error = await loadCatalogFile(path).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(UserInputError);
      expect((error as Error).message, path).toMatch(message);
      expect((error as Error).message, path).not.toMatch(/\n/);
    }
  });

  it('reads a workbook without any catalogue sheet as issues, not as an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    wb.addWorksheet('说明').getCell('A1').value = '没有科目';
    const path = join(dir, 'none.xlsx');
    await wb.xlsx.writeFile(path);
    const load = await loadCatalogFile(path);
    expect(load.catalog).toBeUndefined();
    expect(load.format === 'xlsx' && load.sheet).toBe('说明');
    expect(load.issues.map((i) => i.messageId)).toEqual(['no-header']);
  });
});

describe('worksheetToGrid', () => {
  it('converts values, formulas, rich text, hyperlinks, errors, dates and merges', async () => {
    const path = join(dir, 'grid.xlsx');
    await writeCatalogWorkbook(path);
    const grids = await readWorkbookGrids(path);
    expect(grids.map((g) => g.name)).toEqual(['说明', '科目表']);
    const g = grids[1];
    expect(g?.merges).toEqual(['A1:C1']);
    expect(g?.rows[0]).toEqual(['2024年支出功能分类科目']);
    expect(g?.rows[2]).toEqual([208, '社会保障和就业支出', '类', '2024-03-29']);
    expect(g?.rows[3]).toEqual([20801, '人力资源和社会保障管理事务', '款']);
    expect(g?.rows[5]).toEqual([2080108, '信息化建设', '项']);
    expect(g?.rows[6]).toEqual([2080109, '社会保险经办机构', '项']);
    expect(g?.rows[7]).toEqual([{ error: '#REF!' }, '引用错误', '项']);
    expect(grids[0]).toEqual({ name: '说明', rows: [['本工作簿为用户提供的科目表'], ['请勿修改表头']] });
  });

  it('leaves merged cells other than the top-left empty and keeps leading empty rows', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B2').value = '标题';
    ws.mergeCells('B2:D3');
    ws.getCell('A4').value = true;
    ws.getCell('B4').value = { formula: 'NOW()', result: new Date(Date.UTC(2024, 0, 2, 8, 30)) };
    ws.getCell('C4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('D4').value = { formula: 'A1' };
    ws.getCell('E4').value = 0;
    expect(worksheetToGrid(ws)).toEqual({
      name: 'S',
      rows: [[], [null, '标题'], [], [true, '2024-01-02T08:30:00', { error: '#DIV/0!' }, { error: '#NO-CACHED-VALUE' }, 0]],
      merges: ['B2:D3'],
    });
  });
});

describe('errors', () => {
  it('map to exit codes', () => {
    expect(exitCodeOf(new UserInputError('坏输入'))).toBe(2);
    expect(exitCodeOf(new InternalError('bug'))).toBe(3);
    expect(exitCodeOf(new Error('x'))).toBe(3);
    expect(new InternalError('bug').exitCode).toBe(3);
    const e = new UserInputError({ 'zh-CN': '第一行\n第二行', en: 'one\ntwo' });
    expect(e.message).toBe('第一行 第二行');
    expect(e.messageIn('en')).toBe('one two');
    expect(e.name).toBe('UserInputError');
  });
});
