/**
 * The workbook behind the fake Excel API: sheets with cell values, number
 * formats, the user's cell formats, merges, conditional formats, custom
 * properties, column widths, row heights, frozen panes and page layout. The
 * proxies in proxies.ts read and change it only at context.sync(); tests build
 * it from Grids and inspect it directly. Plain TypeScript, no Node APIs.
 */
import type { CellValue, Grid } from '@yusuan/core';
import { boxAddress, boxCells, cellName, contains, intersects, MAX_COLUMNS, parseBox, type Box } from './a1.js';
import { FAKE_ERROR_CODES, FakeOfficeError } from './errors.js';

export type FakeValue = string | number | boolean | { readonly error: string };
export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface FakeBorder {
  style?: string;
  color?: string;
  weight?: string;
}

/** A cell's own format (what Home › Font / Fill / Borders / Alignment change). */
export interface FakeCellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fillColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<BorderSide, FakeBorder>>;
}

export interface FakeCell {
  /** Absent: the cell is empty. An empty string is a (zero-length) text value. */
  value?: FakeValue;
  /** Absent: General. */
  numberFormat?: string;
  format?: FakeCellFormat;
}

export type ConditionalEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export interface FakeConditionalFormat {
  readonly id: string;
  /** Excel.ConditionalFormatType: `Custom`, `CellValue`, `ColorScale` … (only Custom rules carry a formula here). */
  readonly type: string;
  box: Box;
  stopIfTrue: boolean;
  formula?: string;
  format: { fillColor?: string; fontColor?: string; bold?: boolean; borders: Partial<Record<ConditionalEdge, { style?: string; color?: string }>> };
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows: string | null;
  centerHorizontally: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerFooter: string;
}

/** One context.sync(): how many queued actions it carried and how large its request and response were. */
export interface SyncRecord {
  readonly actions: number;
  readonly requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  cellsWritten: number;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel on the web refuses requests and responses above about 5 MB. */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** getMergedAreasOrNullObject fails above this many areas. */
export const MAX_MERGED_AREAS = 512;

const ERROR_LITERALS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA']);
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i;
const DATE_LIKE = [/^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/, /^\d{1,4}年\d{1,2}月(?:\d{1,2}日)?$/, /^\d{1,2}月\d{1,2}日$/, /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?$/i];
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/**
 * What Excel stores when a string is written through `range.values`: the same
 * as typing it. A leading apostrophe keeps text as text; numbers, TRUE/FALSE
 * and error literals are converted; a leading = + - @ starts a formula (the
 * fake evaluates none and refuses them, as it refuses date-like input). Text
 * cells (number format `@`) keep what they are given.
 */
export function parseInput(text: string, numberFormat: string | undefined): FakeValue | undefined {
  if (text === '') return undefined;
  if (numberFormat === '@') return text;
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (/^[=+\-@]/.test(text) && !(NUMBER.test(t) && /\d/.test(t))) {
    fail(FAKE_ERROR_CODES.invalidArgument, `fake-office: "${text}" would be entered as a formula; the fake evaluates no formulas`);
  }
  if (/\d/.test(t) && NUMBER.test(t)) {
    const percent = t.endsWith('%');
    const n = Number(t.replace(/,/g, '').replace('%', ''));
    return percent ? n / 100 : n;
  }
  const negative = /^\((\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)$/.exec(t);
  if (negative) return -Number(`${(negative[1] ?? '').replace(/,/g, '')}${negative[2] ?? ''}`);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  if (ERROR_LITERALS.has(t.toUpperCase())) return { error: t.toUpperCase() };
  if (DATE_LIKE.some((re) => re.test(t))) {
    fail(FAKE_ERROR_CODES.invalidArgument, `fake-office: "${text}" would be entered as a date or time; the fake models no date input`);
  }
  return text;
}

/** Why Excel refuses a sheet name, or undefined. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'empty';
  if (name.length > 31) return 'longer than 31 characters';
  if (SHEET_NAME_FORBIDDEN.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved';
  return undefined;
}

function key(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

function isEmptyFormat(f: FakeCellFormat | undefined): boolean {
  return f === undefined || Object.keys(f).length === 0;
}

function cloneFormat(f: FakeCellFormat): FakeCellFormat {
  const out: FakeCellFormat = { ...f };
  if (f.borders) {
    const borders: Partial<Record<BorderSide, FakeBorder>> = {};
    for (const [side, b] of Object.entries(f.borders) as [BorderSide, FakeBorder][]) borders[side] = { ...b };
    out.borders = borders;
  }
  return out;
}

function gridValue(v: FakeValue | undefined): CellValue {
  if (v === undefined) return null;
  return typeof v === 'object' ? { error: v.error } : v;
}

function mergeOrder(a: Box, b: Box): number {
  return a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right;
}

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  deleted = false;
  readonly cells = new Map<number, FakeCell>();
  merges: Box[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  customProperties: { key: string; value: string }[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printTitleRows: null,
    centerHorizontally: false,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    centerFooter: '',
  };

  constructor(
    readonly workbook: FakeWorkbook,
    id: string,
    name: string,
  ) {
    this.id = id;
    this.name = name;
  }

  // ---- cells

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  ensureCell(row: number, col: number): FakeCell {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = {};
      this.cells.set(k, c);
    }
    return c;
  }

  private prune(row: number, col: number): void {
    const c = this.cells.get(key(row, col));
    if (c && c.value === undefined && c.numberFormat === undefined && isEmptyFormat(c.format)) this.cells.delete(key(row, col));
  }

  value(row: number, col: number): FakeValue | undefined {
    return this.cell(row, col)?.value;
  }

  numberFormat(row: number, col: number): string {
    return this.cell(row, col)?.numberFormat ?? 'General';
  }

  storeValue(row: number, col: number, value: FakeValue | undefined): void {
    if (value === undefined) {
      const c = this.cell(row, col);
      if (c) delete c.value;
      this.prune(row, col);
      return;
    }
    this.ensureCell(row, col).value = value;
  }

  storeNumberFormat(row: number, col: number, format: string): void {
    if (format === 'General') {
      const c = this.cell(row, col);
      if (c) delete c.numberFormat;
      this.prune(row, col);
      return;
    }
    this.ensureCell(row, col).numberFormat = format;
  }

  /** Changes the own format of every cell of the box (materialising the cells). */
  formatBox(box: Box, change: (f: FakeCellFormat, row: number, col: number) => void): void {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = this.ensureCell(r, c);
        const f = cell.format ?? {};
        change(f, r, c);
        cell.format = f;
        this.prune(r, c);
      }
    }
  }

  /** The stored cells inside a box, with their coordinates. */
  *cellsIn(box: Box): Generator<[number, number, FakeCell]> {
    if (boxCells(box) <= this.cells.size) {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = this.cells.get(key(r, c));
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (contains(box, r, c)) yield [r, c, cell];
    }
  }

  /** The box of every cell with a value (valuesOnly) or with a value, a format or a merge. */
  usedBox(valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r0: number, c0: number, r1: number, c1: number) => {
      top = Math.min(top, r0);
      left = Math.min(left, c0);
      bottom = Math.max(bottom, r1);
      right = Math.max(right, c1);
    };
    for (const [k, cell] of this.cells) {
      const used = valuesOnly ? cell.value !== undefined : cell.value !== undefined || cell.numberFormat !== undefined || !isEmptyFormat(cell.format);
      if (!used) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      take(r, c, r, c);
    }
    if (!valuesOnly) for (const m of this.merges) take(m.top, m.left, m.bottom, m.right);
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  // ---- merges

  mergeAt(row: number, col: number): Box | undefined {
    return this.merges.find((m) => contains(m, row, col));
  }

  /** Merged areas whose top-left cell lies in the box (what getMergedAreasOrNullObject reports). */
  mergesStartingIn(box: Box): Box[] {
    return this.merges.filter((m) => contains(box, m.top, m.left)).sort(mergeOrder);
  }

  merge(box: Box, across: boolean): void {
    const areas: Box[] = across ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({ ...box, top: box.top + i, bottom: box.top + i })) : [box];
    for (const area of areas) {
      if (area.top === area.bottom && area.left === area.right) continue;
      if (this.merges.some((m) => intersects(m, area))) fail(FAKE_ERROR_CODES.invalidOperation, `fake-office: ${boxAddress(area)} overlaps a merged area`);
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (r !== area.top || c !== area.left) this.storeValue(r, c, undefined);
      this.merges.push(area);
    }
  }

  // ---- test helpers (addresses are sheet-local A1 strings)

  private box(address: string): Box {
    const b = parseBox(address);
    if (!b) throw new Error(`fake-office: bad address ${address}`);
    return b;
  }

  /** Puts a Grid value into a cell as if the file had it (no input parsing); null empties the cell. */
  setValue(address: string, value: CellValue): void {
    const b = this.box(address);
    this.storeValue(b.top, b.left, value === null ? undefined : typeof value === 'object' ? { error: value.error } : value);
  }

  setNumberFormat(address: string, format: string): void {
    const b = this.box(address);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) this.storeNumberFormat(r, c, format);
  }

  /** Applies a user's own cell format to every cell of the range. */
  setFormat(address: string, format: FakeCellFormat): void {
    this.formatBox(this.box(address), (f) => {
      const copy = cloneFormat(format);
      Object.assign(f, copy, copy.borders ? { borders: { ...f.borders, ...copy.borders } } : {});
    });
  }

  addMerge(address: string): void {
    this.merge(this.box(address), false);
  }

  /** A conditional format the user made (lowest priority, after the existing ones). */
  addConditionalFormat(spec: { range: string; type?: string; formula?: string; fillColor?: string; fontColor?: string; stopIfTrue?: boolean }): FakeConditionalFormat {
    const cf: FakeConditionalFormat = {
      id: this.workbook.nextId('cf'),
      type: spec.type ?? 'Custom',
      box: this.box(spec.range),
      stopIfTrue: spec.stopIfTrue ?? false,
      format: { borders: {} },
    };
    if (spec.formula !== undefined) cf.formula = spec.formula;
    if (spec.fillColor !== undefined) cf.format.fillColor = spec.fillColor;
    if (spec.fontColor !== undefined) cf.format.fontColor = spec.fontColor;
    this.conditionalFormats.push(cf);
    return cf;
  }

  setCustomProperty(name: string, value: string): void {
    const existing = this.customProperties.find((p) => p.key.toLowerCase() === name.toLowerCase());
    if (existing) existing.value = value;
    else this.customProperties.push({ key: name, value });
  }

  customProperty(name: string): string | undefined {
    return this.customProperties.find((p) => p.key.toLowerCase() === name.toLowerCase())?.value;
  }

  cellAt(address: string): FakeCell | undefined {
    const b = this.box(address);
    return this.cell(b.top, b.left);
  }

  mergeAddresses(): string[] {
    return [...this.merges].sort(mergeOrder).map(boxAddress);
  }

  /** The sheet as a Grid, read like an .xlsx reader does: merged cells other than the top-left null, trailing empties dropped. */
  grid(): Grid {
    const used = this.usedBox(true);
    const rows: CellValue[][] = [];
    if (used) {
      for (let r = 0; r <= used.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c <= used.right; c++) {
          const m = this.mergeAt(r, c);
          row.push(m && (m.top !== r || m.left !== c) ? null : gridValue(this.value(r, c)));
        }
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
        rows.push(row);
      }
      while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    }
    const merges = this.mergeAddresses();
    return merges.length > 0 ? { name: this.name, rows, merges } : { name: this.name, rows };
  }

  /** Everything about the sheet as plain data, for before/after comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, c]) => ({ cell: cellName(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS), ...structuredCopy(c) }));
    return {
      id: this.id,
      name: this.name,
      visibility: this.visibility,
      cells,
      merges: this.mergeAddresses(),
      conditionalFormats: this.conditionalFormats.map((cf, priority) => ({ ...structuredCopy(cf), box: boxAddress(cf.box), priority })),
      customProperties: this.customProperties.map((p) => ({ ...p })),
      columnWidths: [...this.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...this.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      freeze: this.freeze ? { ...this.freeze } : null,
      pageLayout: structuredCopy(this.pageLayout),
    };
  }
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export interface FakeWorkbookOptions {
  /** The ExcelApi requirement set the fake host supports (default 1.13). */
  readonly apiVersion?: string;
  /** Request and response size limit per sync, in bytes (default 5 MB). */
  readonly payloadLimitBytes?: number;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  apiVersion: string;
  payloadLimitBytes: number;
  /** Every sync of every context on this workbook, in order. */
  readonly syncLog: SyncRecord[] = [];
  /**
   * Fault injection: called with the 1-based number of each sync (as counted in
   * syncLog); an error returned is raised by that sync before anything runs.
   */
  failSync: ((sync: number) => Error | undefined) | undefined;
  private ids = 0;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.13';
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  resetStats(): void {
    this.syncLog.length = 0;
  }

  nextId(prefix: string): string {
    this.ids += 1;
    return `{${prefix}-${this.ids}}`;
  }

  /** A sheet by name (Excel compares names ignoring case) or by id. */
  sheet(nameOrId: string): FakeSheet | undefined {
    const upper = nameOrId.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === upper || s.id === nameOrId);
  }

  requireSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake-office: no sheet ${name}`);
    return s;
  }

  checkName(name: string, except?: FakeSheet): void {
    const problem = sheetNameProblem(name);
    if (problem !== undefined) fail(FAKE_ERROR_CODES.invalidArgument, `The sheet name "${name}" is invalid (${problem}).`);
    const other = this.sheet(name);
    if (other && other !== except) fail(FAKE_ERROR_CODES.itemAlreadyExists, `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkName(n);
    const sheet = new FakeSheet(this, this.nextId('sheet'), n);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (sheet.visibility === 'Visible' && visible.length === 1) fail(FAKE_ERROR_CODES.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    if (this.selection?.sheet === sheet.name) this.selection = undefined;
    if (this.active === sheet) this.active = this.sheets.slice(index).concat(this.sheets.slice(0, index).reverse()).find((s) => s.visibility === 'Visible');
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail(FAKE_ERROR_CODES.invalidArgument, `position ${position} is out of range`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** Everything in the workbook as plain data. */
  snapshot(): unknown {
    return { sheets: this.sheets.map((s) => s.snapshot()), active: this.active?.name ?? null, selection: this.selection ?? null };
  }
}

/**
 * A workbook holding the Grids as a file would: text (an empty string too),
 * numbers, booleans, errors and merges. A value under a merge other than in
 * its top-left cell is an error, as when writing an .xlsx.
 */
export function fakeWorkbookFromGrids(grids: readonly Grid[], options: FakeWorkbookOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(options);
  for (const g of grids) {
    const sheet = wb.addSheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) sheet.storeValue(r, c, typeof v === 'object' ? { error: v.error } : v);
      }),
    );
    for (const m of g.merges ?? []) {
      const box = parseBox(m);
      if (!box) throw new Error(`fake-office: bad merge ${m} in ${g.name}`);
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const v = sheet.value(r, c);
          if ((r !== box.top || c !== box.left) && v !== undefined && v !== '') throw new Error(`fake-office: merge ${m} in ${g.name} hides ${cellName(r, c)}`);
        }
      }
      sheet.merge(box, false);
    }
  }
  return wb;
}
