/**
 * The ExcelJS adapter of core's Grid port: a worksheet becomes a 2-D array of
 * plain cell values plus its merged ranges. Used for user catalogues and for
 * whole workbooks (forms and input workbooks).
 */
import { readFile } from 'node:fs/promises';
import type { CellValue, Grid } from '@yusuan/core';
import ExcelJS from 'exceljs';
import { UserInputError } from '../errors.js';

type ExcelValue = ExcelJS.CellValue;

/** 2024-03-29 for a date at midnight, 2024-03-29T08:30:00 otherwise (Excel dates carry no zone). */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function richText(runs: readonly { text: string }[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * An ExcelJS cell value as a Grid cell value: numbers, strings and booleans as
 * they are; rich text joined as plain text; a formula as its cached result
 * (null when the file has none); errors as `{ error: '#REF!' }`; dates as ISO
 * date strings; hyperlinks as their text.
 */
export function toGridValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return richText(v.richText);
  if ('formula' in v || 'sharedFormula' in v) {
    const result: unknown = v.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date) && !('error' in result)) return null;
    return toGridValue(result as ExcelValue);
  }
  if ('hyperlink' in v) {
    const text: unknown = v.text;
    if (typeof text === 'string') return text;
    if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
      return richText(text.richText as { text: string }[]);
    }
    return v.hyperlink;
  }
  return null;
}

/**
 * A worksheet as a Grid. Merged ranges are listed in `merges`; only their
 * top-left cell holds the value (the other cells are empty, as Office.js
 * reports them). Trailing empty cells of a row and trailing empty rows are dropped.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r += 1) {
    const row = ws.findRow(r);
    const values: CellValue[] = [];
    if (row) {
      const cellCount = row.cellCount;
      for (let c = 1; c <= cellCount; c += 1) {
        const cell = row.findCell(c);
        if (!cell || (cell.isMerged && cell.master.address !== cell.address)) {
          values.push(null);
          continue;
        }
        values.push(toGridValue(cell.value));
      }
    }
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const merges = [...(ws.model.merges ?? [])].sort();
  return merges.length > 0 ? { name: ws.name, rows, merges } : { name: ws.name, rows };
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE compound file: .xls or an encrypted .xlsx

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Reads a file for a command; a missing, unreadable or directory path is a UserInputError. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserInputError({ 'zh-CN': `找不到文件：${path}`, en: `file not found: ${path}` }, { cause: e });
    if (code === 'EISDIR') throw new UserInputError({ 'zh-CN': `这是一个目录，不是文件：${path}`, en: `is a directory, not a file: ${path}` }, { cause: e });
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UserInputError({ 'zh-CN': `没有权限读取文件：${path}`, en: `permission denied: ${path}` }, { cause: e });
    }
    throw new UserInputError({ 'zh-CN': `无法读取文件：${path}（${code ?? String(e)}）`, en: `cannot read file: ${path} (${code ?? String(e)})` }, { cause: e });
  }
}

/** Loads an .xlsx workbook from its bytes; anything that is not a readable .xlsx is a UserInputError. */
export async function loadWorkbook(bytes: Buffer, path: string): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new UserInputError({
      'zh-CN': `无法读取 ${path}：这是旧版 .xls 文件或加密的工作簿，请在 Excel 中另存为未加密的 .xlsx`,
      en: `cannot read ${path}: it is a legacy .xls file or an encrypted workbook; save it as an unencrypted .xlsx in Excel`,
    });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UserInputError({
      'zh-CN': `无法读取 ${path}：文件不是 .xlsx 工作簿（不是 zip 格式）`,
      en: `cannot read ${path}: the file is not an .xlsx workbook (not a zip archive)`,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UserInputError(
      {
        'zh-CN': `无法读取 ${path}：工作簿已损坏或不是 Excel 文件（${e instanceof Error ? e.message : String(e)}）`,
        en: `cannot read ${path}: the workbook is damaged or not an Excel file (${e instanceof Error ? e.message : String(e)})`,
      },
      { cause: e },
    );
  }
  return workbook;
}

/** Every worksheet of an .xlsx file as a Grid, in tab order. */
export async function readWorkbookGrids(path: string): Promise<Grid[]> {
  const workbook = await loadWorkbook(await readInputFile(path), path);
  return workbook.worksheets.map((ws) => worksheetToGrid(ws));
}
