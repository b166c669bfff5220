/**
 * The ExcelJS adapter of core's SheetSpec, writing side: values and merges as
 * they are, formatting roles mapped onto fonts, borders, fills and number
 * formats, column widths, row heights, frozen panes and an A4 print setup.
 * Reading the file back with read-grid.ts gives the SheetSpec's Grid part
 * (values and merges) unchanged, apart from trailing empty cells and rows.
 *
 * A spec that cannot be written faithfully (a bad sheet name, overlapping
 * merges, a value hidden under a merge, a number that is not finite, an
 * error Excel cannot store) is a plain Error: it is a bug in whoever built the
 * spec. Failing to write the file (no such folder, no permission, a full
 * disk) is a UserInputError. The file is written atomically.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AMOUNT_NUMBER_FORMAT, a1, isCellError, parseA1, type CellRole, type CellValue, type SheetSpec } from '@yusuan/core';
import ExcelJS from 'exceljs';
import { UserInputError } from '../errors.js';

export interface WriteWorkbookOptions {
  /** The workbook's author property; "yusuan" by default. */
  readonly creator?: string;
}

// One font name per font in .xlsx: 宋体 (SimSun) for the body, 黑体 (SimHei) for titles. The GB2312
// charset (134) and the "modern" family (3) are what Excel itself writes for them; they let Excel,
// WPS and LibreOffice choose a CJK substitute where the font is missing.
const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const GB2312_CHARSET = 134;
const FAMILY_MODERN = 3;
const BODY_SIZE = 11;
const TITLE_SIZE = 16;
const NOTE_SIZE = 10;
const HEADER_FILL = 'FFF2F2F2';
const BORDER_COLOUR = 'FF000000';
const TEXT_FORMAT = '@';
const A4 = 9;
/** Page margins in inches. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
const FOOTER = '&C第 &P 页，共 &N 页';

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_TEXT = 32_767;
const MAX_ROW_HEIGHT = 409;
const MAX_COLUMN_WIDTH = 255;
/** Styled cells per range: far more than any form, far less than a whole sheet. */
const MAX_STYLED_CELLS = 1_000_000;
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function font(name: string, size: number, bold = false): Partial<ExcelJS.Font> {
  return bold ? { name, size, bold, family: FAMILY_MODERN, charset: GB2312_CHARSET } : { name, size, family: FAMILY_MODERN, charset: GB2312_CHARSET };
}

function thinBorder(): Partial<ExcelJS.Borders> {
  const side = (): Partial<ExcelJS.Border> => ({ style: 'thin', color: { argb: BORDER_COLOUR } });
  return { top: side(), left: side(), bottom: side(), right: side() };
}

/** A fresh style object per cell: ExcelJS cells share style objects after a merge, so none is reused. */
function roleStyle(role: CellRole): Partial<ExcelJS.Style> {
  const body = font(BODY_FONT, BODY_SIZE);
  const bold = font(BODY_FONT, BODY_SIZE, true);
  switch (role) {
    case 'title':
      return { font: font(TITLE_FONT, TITLE_SIZE, true), alignment: { horizontal: 'center', vertical: 'middle' } };
    case 'subtitle':
      return { font: body, alignment: { horizontal: 'right', vertical: 'middle' } };
    case 'header':
      return {
        font: bold,
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        border: thinBorder(),
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
      };
    case 'code':
      return { font: body, alignment: { horizontal: 'center', vertical: 'middle' }, border: thinBorder(), numFmt: TEXT_FORMAT };
    case 'text':
      return { font: body, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: thinBorder() };
    case 'amount':
      return { font: body, alignment: { horizontal: 'right', vertical: 'middle' }, border: thinBorder(), numFmt: AMOUNT_NUMBER_FORMAT };
    case 'totalText':
      return { font: bold, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: thinBorder() };
    case 'totalAmount':
      return { font: bold, alignment: { horizontal: 'right', vertical: 'middle' }, border: thinBorder(), numFmt: AMOUNT_NUMBER_FORMAT };
    case 'note':
      return { font: font(BODY_FONT, NOTE_SIZE), alignment: { horizontal: 'left', vertical: 'middle' } };
    case 'paragraph':
      return { font: body, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: thinBorder() };
    default:
      throw new Error(`unknown cell role: ${String(role satisfies never)}`);
  }
}

/** Why Excel would refuse a sheet name, or undefined when it accepts it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (name.length > 31) return 'it is longer than 31 characters';
  if (SHEET_NAME_FORBIDDEN.test(name)) return 'it contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'it starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}

/** Throws an Error unless every name is a valid Excel sheet name and no two are equal ignoring case. */
export function checkSheetNames(names: readonly string[]): void {
  if (names.length === 0) throw new Error('a workbook needs at least one sheet');
  const seen = new Map<string, string>();
  for (const name of names) {
    const problem = sheetNameProblem(name);
    if (problem !== undefined) throw new Error(`invalid sheet name "${name}": ${problem}`);
    const key = name.toUpperCase();
    const other = seen.get(key);
    if (other !== undefined) throw new Error(`duplicate sheet name "${name}" (Excel ignores case, and "${other}" exists)`);
    seen.set(key, name);
  }
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function parseBox(range: string, where: string): Box {
  const parts = range.split(':');
  const a = parts.length <= 2 ? parseA1(parts[0] ?? '') : undefined;
  const b = parts.length <= 2 ? parseA1(parts[1] ?? parts[0] ?? '') : undefined;
  if (!a || !b) throw new Error(`${where}: "${range}" is not an A1 range`);
  const box = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  if (box.bottom >= MAX_ROWS || box.right >= MAX_COLUMNS) throw new Error(`${where}: "${range}" lies outside the sheet`);
  return box;
}

function intersects(x: Box, y: Box): boolean {
  return x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** Removes the characters XML 1.0 cannot hold (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF). */
function xmlText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function excelValue(v: CellValue, where: string): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${where}: ${v} is not a number Excel can store`);
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const text = xmlText(v);
    if (text.length > MAX_TEXT) throw new Error(`${where}: text longer than ${MAX_TEXT} characters`);
    return text;
  }
  if (isCellError(v)) {
    if (!EXCEL_ERRORS.has(v.error)) throw new Error(`${where}: "${v.error}" is not an error value Excel can store`);
    return { error: v.error as ExcelJS.CellErrorValue['error'] };
  }
  throw new Error(`${where}: unsupported cell value ${JSON.stringify(v)}`);
}

/** Merges as boxes: in the sheet, not overlapping, hiding no value. One-cell "merges" are dropped. */
function mergeBoxes(spec: SheetSpec): Box[] {
  const boxes: { range: string; box: Box }[] = [];
  for (const range of spec.merges ?? []) {
    const where = `sheet "${spec.name}", merge`;
    const box = parseBox(range, where);
    if (box.top === box.bottom && box.left === box.right) continue;
    const clash = boxes.find((b) => intersects(b.box, box));
    if (clash) throw new Error(`${where} "${range}" overlaps "${clash.range}"`);
    for (let r = box.top; r <= box.bottom; r += 1) {
      for (let c = box.left; c <= box.right; c += 1) {
        if ((r !== box.top || c !== box.left) && !isBlank(spec.rows[r]?.[c])) {
          throw new Error(`${where} "${range}" hides the value of ${a1(r, c)}: only its top-left cell may hold one`);
        }
      }
    }
    boxes.push({ range, box });
  }
  return boxes.map((b) => b.box);
}

function applyPrint(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const print = spec.print;
  ws.pageSetup.paperSize = A4 as ExcelJS.PaperSize;
  ws.pageSetup.orientation = print?.orientation ?? 'portrait';
  ws.pageSetup.margins = { ...MARGINS };
  ws.pageSetup.horizontalCentered = true;
  if (print?.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (print?.repeatRows) {
    const [first, last] = print.repeatRows;
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first || last > MAX_ROWS) {
      throw new Error(`sheet "${spec.name}": repeated rows ${first}:${last} are not a row range`);
    }
    ws.pageSetup.printTitlesRow = `${first}:${last}`;
  }
  ws.headerFooter.oddFooter = FOOTER;
}

function applyFreeze(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const freeze = spec.freeze;
  if (!freeze) return;
  const { rows, columns } = freeze;
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0 || rows >= MAX_ROWS || columns >= MAX_COLUMNS) {
    throw new Error(`sheet "${spec.name}": cannot freeze ${rows} rows and ${columns} columns`);
  }
  if (rows === 0 && columns === 0) return;
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: a1(rows, columns) }];
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = workbook.addWorksheet(spec.name);
  const width = spec.rows.reduce((w, row) => Math.max(w, row.length), spec.columnWidths?.length ?? 0);
  if (spec.rows.length > MAX_ROWS || width > MAX_COLUMNS) throw new Error(`sheet "${spec.name}" is larger than an Excel sheet`);

  // Column styles first: cells created afterwards inherit the body font, and so do cells a user types later.
  for (let c = 0; c < width; c += 1) {
    const column = ws.getColumn(c + 1);
    column.font = font(BODY_FONT, BODY_SIZE);
    const w = spec.columnWidths?.[c];
    if (w === undefined) continue;
    if (!Number.isFinite(w) || w <= 0 || w > MAX_COLUMN_WIDTH) throw new Error(`sheet "${spec.name}": column ${c + 1} width ${w} is out of range`);
    column.width = w;
  }

  spec.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = excelValue(v, `sheet "${spec.name}", cell ${a1(r, c)}`);
      cell.style = { font: font(BODY_FONT, BODY_SIZE) };
    });
  });

  for (const box of mergeBoxes(spec)) ws.mergeCells(box.top + 1, box.left + 1, box.bottom + 1, box.right + 1);

  // Every cell of a styled range gets its own style, merged cells other than the top-left included,
  // so that borders print around whole merged ranges. Later ranges override earlier ones.
  for (const styled of spec.styles ?? []) {
    const box = parseBox(styled.range, `sheet "${spec.name}", ${styled.role} range`);
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_STYLED_CELLS) {
      throw new Error(`sheet "${spec.name}": styled range "${styled.range}" covers more than ${MAX_STYLED_CELLS} cells`);
    }
    for (let r = box.top; r <= box.bottom; r += 1) {
      for (let c = box.left; c <= box.right; c += 1) ws.getCell(r + 1, c + 1).style = roleStyle(styled.role);
    }
  }

  for (const [key, height] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(key);
    if (!Number.isInteger(r) || r < 0 || r >= MAX_ROWS || !Number.isFinite(height) || height <= 0 || height > MAX_ROW_HEIGHT) {
      throw new Error(`sheet "${spec.name}": row height ${height} for row index ${key} is out of range`);
    }
    ws.getRow(r + 1).height = height;
  }

  applyFreeze(ws, spec);
  applyPrint(ws, spec);
}

/** An ExcelJS workbook holding the sheets, in order. Throws an Error for a spec that cannot be written. */
export function buildWorkbook(sheets: readonly SheetSpec[], opts: WriteWorkbookOptions = {}): ExcelJS.Workbook {
  checkSheetNames(sheets.map((s) => s.name));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = opts.creator ?? 'yusuan';
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = new Date();
  workbook.modified = workbook.created;
  for (const spec of sheets) addSheet(workbook, spec);
  return workbook;
}

/** The .xlsx file of the sheets, as bytes. */
export async function workbookBuffer(sheets: readonly SheetSpec[], opts: WriteWorkbookOptions = {}): Promise<Buffer> {
  const out = await buildWorkbook(sheets, opts).xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
}

function writeError(path: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const say = (zh: string, en: string) => new UserInputError({ 'zh-CN': `无法写入 ${path}：${zh}`, en: `cannot write ${path}: ${en}` }, { cause: e });
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return say('所在文件夹不存在', 'the folder does not exist');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return say('没有写入权限', 'permission denied');
    case 'EISDIR':
      return say('这是一个目录', 'it is a directory');
    case 'ENOSPC':
    case 'EDQUOT':
      return say('磁盘空间不足', 'no space left on the disk');
    case undefined:
      return e;
    default:
      return say(`系统错误 ${code}`, `system error ${code}`);
  }
}

/**
 * Writes the sheets to an .xlsx file, atomically: the bytes go to a temporary
 * file in the same folder, which then replaces `path`, so a failure never
 * leaves a half-written file (nor touches an existing one).
 */
export async function writeWorkbook(sheets: readonly SheetSpec[], path: string, opts: WriteWorkbookOptions = {}): Promise<void> {
  const bytes = await workbookBuffer(sheets, opts);
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeError(path, e);
  }
}
