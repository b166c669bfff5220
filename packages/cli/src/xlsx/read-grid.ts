/**
 * The ExcelJS adapter of core's Grid port, reading side: any .xlsx becomes one
 * Grid per worksheet (plain cell values plus merged ranges). Used for user
 * catalogues and for whole workbooks (forms and input workbooks).
 *
 * Cell values, as core sees them:
 * - numbers stay JS numbers (core normalises them); a number that is not
 *   finite in the file reads as `{ error: '#VALUE!' }`;
 * - strings (shared or inline) as they are, rich text joined, hyperlinks as
 *   their text; booleans; errors as `{ error: '#REF!' }`;
 * - dates as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss` when they carry a time;
 * - a formula (also a shared one) as its cached result; a formula the file
 *   holds no result for (saved by a program that does not calculate) as
 *   `{ error: '#NO-CACHED-VALUE' }` (NO_CACHED_VALUE), a marker that is not an
 *   Excel error, so that core can report the cell instead of reading it as empty;
 * - in a merged range only the top-left cell holds the value, the others are
 *   null (as Office.js reports them); trailing empty cells and rows are dropped.
 *
 * Every file first goes through guard.ts (size, zip structure, zip bombs, row
 * and merge limits); whatever cannot be read is a UserInputError with a
 * one-line Chinese message (English via messageIn('en')).
 */
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseA1, type CellValue, type Grid } from '@yusuan/core';
import ExcelJS from 'exceljs';
import { UserInputError } from '../errors.js';
import { DEFAULT_XLSX_LIMITS, megabytes, prepareWorkbookBytes, resolveLimits, unreadable, type SheetScan, type XlsxReadLimits } from './guard.js';

export { DEFAULT_XLSX_LIMITS, type XlsxReadLimits } from './guard.js';

/** The error text of a formula cell without a cached result. */
export const NO_CACHED_VALUE = '#NO-CACHED-VALUE';

type ExcelValue = ExcelJS.CellValue;

/** What loadWorkbook learnt about a workbook, for worksheetToGrid. */
interface ReadContext {
  readonly label: string;
  readonly limits: XlsxReadLimits;
  readonly sheets: ReadonlyMap<string, SheetScan>;
}

const contexts = new WeakMap<ExcelJS.Workbook, ReadContext>();

/** 2024-03-29 for a date at midnight, 2024-03-29T08:30:00 otherwise (Excel dates carry no zone). */
function isoDate(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return { error: '#VALUE!' };
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function richText(runs: readonly { text: string }[]): string {
  return runs.map((r) => r.text).join('');
}

function isNoCachedValue(v: CellValue): boolean {
  return typeof v === 'object' && v !== null && v.error === NO_CACHED_VALUE;
}

/** An ExcelJS cell value as a Grid cell value (see the module comment). */
export function toGridValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#VALUE!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return richText(v.richText);
  if ('formula' in v || 'sharedFormula' in v) {
    const result: unknown = v.result;
    if (result === undefined || result === null) return { error: NO_CACHED_VALUE };
    if (typeof result === 'object' && !(result instanceof Date) && !('error' in result)) return { error: NO_CACHED_VALUE };
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

function rangeKey(range: string): [number, number, number, number] {
  const [from = '', to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return [a?.row ?? 0, a?.col ?? 0, b?.row ?? 0, b?.col ?? 0];
}

/** Merged ranges in reading order (top-left row, then column). */
function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  // ExcelJS keeps merges in `_merges` (master address → Range); `ws.model` would rebuild every row just to list them.
  const internal = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
  const ranges =
    internal && typeof internal === 'object'
      ? Object.values(internal)
          .map((m) => m.range)
          .filter((r): r is string => typeof r === 'string')
      : [...(ws.model.merges ?? [])];
  const keyed = ranges.map((r) => ({ r, k: rangeKey(r) }));
  keyed.sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.k[2] - y.k[2] || x.k[3] - y.k[3]);
  return keyed.map((x) => x.r);
}

/**
 * A worksheet as a Grid. Merged ranges are listed in `merges` (top-left row,
 * then column); only their top-left cell holds the value. Trailing empty
 * cells of a row and trailing empty rows are dropped. A sheet with more cells
 * than the limit (counted row by row up to each row's last cell) is a
 * UserInputError.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const context = contexts.get(ws.workbook);
  const limits = context?.limits ?? DEFAULT_XLSX_LIMITS;
  const emptyStrings = context?.sheets.get(ws.name)?.emptyStringFormulas;
  const rows: CellValue[][] = [];
  const rowCount = ws.rowCount;
  let cells = 0;
  for (let r = 1; r <= rowCount; r += 1) {
    const row = ws.findRow(r);
    const values: CellValue[] = [];
    if (row) {
      const cellCount = row.cellCount;
      cells += cellCount;
      if (cells > limits.maxCellsPerSheet) {
        throw unreadable(
          context?.label ?? ws.name,
          `工作表“${ws.name}”超过 ${limits.maxCellsPerSheet} 个单元格`,
          `worksheet "${ws.name}" has more than ${limits.maxCellsPerSheet} cells`,
        );
      }
      for (let c = 1; c <= cellCount; c += 1) {
        const cell = row.findCell(c);
        if (!cell || (cell.isMerged && cell.master.address !== cell.address)) {
          values.push(null);
          continue;
        }
        const value = toGridValue(cell.value);
        values.push(isNoCachedValue(value) && emptyStrings?.has(cell.address) ? '' : value);
      }
    }
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const merges = mergedRanges(ws);
  return merges.length > 0 ? { name: ws.name, rows, merges } : { name: ws.name, rows };
}

function fileError(path: string, e: unknown): UserInputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UserInputError({ 'zh-CN': `找不到文件：${path}`, en: `file not found: ${path}` }, { cause: e });
  }
  if (code === 'EISDIR') return new UserInputError({ 'zh-CN': `这是一个目录，不是文件：${path}`, en: `is a directory, not a file: ${path}` }, { cause: e });
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserInputError({ 'zh-CN': `没有权限读取文件：${path}`, en: `permission denied: ${path}` }, { cause: e });
  }
  const detail = code ?? String(e);
  return new UserInputError({ 'zh-CN': `无法读取文件：${path}（${detail}）`, en: `cannot read file: ${path} (${detail})` }, { cause: e });
}

/**
 * Reads a file for a command. A missing, unreadable or directory path, a
 * device or pipe, or a file larger than `maxBytes` (checked before reading)
 * is a UserInputError.
 */
export async function readInputFile(path: string, maxBytes: number = DEFAULT_XLSX_LIMITS.maxFileBytes): Promise<Buffer> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileError(path, e);
  }
  if (info.isDirectory()) throw new UserInputError({ 'zh-CN': `这是一个目录，不是文件：${path}`, en: `is a directory, not a file: ${path}` });
  if (!info.isFile()) throw new UserInputError({ 'zh-CN': `不是普通文件：${path}`, en: `not a regular file: ${path}` });
  const tooLarge = (actual: number) =>
    unreadable(path, `文件过大（${megabytes(actual)}），上限为 ${megabytes(maxBytes)}`, `the file is too large (${megabytes(actual)}; the limit is ${megabytes(maxBytes)})`);
  if (info.size > maxBytes) throw tooLarge(info.size);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw fileError(path, e);
  }
  if (bytes.length > maxBytes) throw tooLarge(bytes.length);
  return bytes;
}

function shortMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Loads an .xlsx workbook from its bytes, for reading cell values: the file
 * is checked against the limits first, and data validations and defined
 * names are left out (a Grid never needs them). Anything that is not a
 * readable .xlsx with at least one worksheet is a UserInputError.
 */
export async function loadWorkbook(bytes: Buffer, path: string, limits?: Partial<XlsxReadLimits>): Promise<ExcelJS.Workbook> {
  const resolved = resolveLimits(limits);
  const prepared = prepareWorkbookBytes(bytes, path, resolved);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(prepared.bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw unreadable(path, `工作簿已损坏或不是 Excel 文件（${shortMessage(e)}）`, `the workbook is damaged or not an Excel file (${shortMessage(e)})`, e);
  }
  if (workbook.worksheets.length === 0) {
    throw new UserInputError({ 'zh-CN': `工作簿中没有工作表：${path}`, en: `the workbook has no worksheet: ${path}` });
  }
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > resolved.maxRowsPerSheet) {
      throw unreadable(path, `工作表“${ws.name}”超过 ${resolved.maxRowsPerSheet} 行，请删除多余的行或拆分工作表`, `worksheet "${ws.name}" has more than ${resolved.maxRowsPerSheet} rows; delete the extra rows or split the sheet`);
    }
  }
  contexts.set(workbook, { label: path, limits: resolved, sheets: prepared.sheets });
  return workbook;
}

/** Every worksheet of an .xlsx workbook's bytes as a Grid, in tab order; `label` names the source in messages. */
export async function gridsFromBuffer(bytes: Buffer, label: string, limits?: Partial<XlsxReadLimits>): Promise<Grid[]> {
  const workbook = await loadWorkbook(bytes, label, limits);
  return workbook.worksheets.map((ws) => worksheetToGrid(ws));
}

/** Every worksheet of an .xlsx file as a Grid, in tab order. */
export async function readWorkbookGrids(path: string, limits?: Partial<XlsxReadLimits>): Promise<Grid[]> {
  const resolved = resolveLimits(limits);
  return gridsFromBuffer(await readInputFile(path, resolved.maxFileBytes), path, resolved);
}
