/**
 * Reading a whole workbook into Grids in a few round trips:
 *
 * 1. the sheet list;
 * 2. each sheet's used ranges (values only, and with formats, where merges may
 *    lie) and its custom properties;
 * 3. the cells (values, valueTypes, numberFormat) in row chunks and the merged
 *    areas in row bands, packed into as few syncs as Excel's ~5 MB payload
 *    limit allows (one for any ordinary workbook).
 *
 * Cell values follow the CLI's ExcelJS reader: numbers stay numbers, errors
 * become { error }, text stays text (a zero-length string too), date-formatted
 * numbers become ISO dates, merged cells other than the top-left are null,
 * trailing empty cells and rows are dropped, merges are listed top to bottom.
 */
import type { CellValue, Grid } from '@yusuan/core';
import { boxAddress, boxCells, parseAreaList, type Box } from './a1.js';
import { officeErrorCode } from './errors.js';

export interface ReadLimits {
  /** Cells per range read: a used range above this is read in row chunks. */
  readonly chunkCells: number;
  /** Estimated response bytes per sync; chunks beyond it go to the next sync. */
  readonly syncBytes: number;
  /** Cells per getMergedAreasOrNullObject call: Excel refuses more than 512 areas in one. */
  readonly mergeBandCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { chunkCells: 25_000, syncBytes: 4_000_000, mergeBandCells: 1_000 };

/** values + valueTypes + numberFormat of a typical cell, as JSON (a sync that still turns out too large is halved). */
const BYTES_PER_CELL = 32;
const BYTES_PER_MERGE_BAND = 200;

export const OWNER_KEY = 'yusuan.owner';

export interface SheetRead {
  readonly name: string;
  /** The `yusuan.owner` custom property, if the sheet has one. */
  readonly owner: string | undefined;
  readonly grid: Grid;
}

interface SheetPlan {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly owner: string | undefined;
  readonly values: Box | null;
  readonly formatted: Box | null;
}

type Unit = { readonly kind: 'cells' | 'merges'; readonly sheet: number; readonly box: Box };

interface CellsResult {
  readonly box: Box;
  readonly values: readonly (readonly unknown[])[];
  readonly types: readonly (readonly string[])[];
  readonly formats: readonly (readonly string[])[];
}

interface Found {
  readonly cells: CellsResult[];
  readonly merges: Box[];
}

function boxOf(range: Excel.Range): Box | null {
  if (range.isNullObject) return null;
  return { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
}

/** Row bands of a box, each at most `cells` cells (at least one row). */
function bands(box: Box, cells: number): Box[] {
  const width = box.right - box.left + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  const out: Box[] = [];
  for (let top = box.top; top <= box.bottom; top += rows) out.push({ ...box, top, bottom: Math.min(box.bottom, top + rows - 1) });
  return out;
}

function cost(unit: Unit): number {
  return unit.kind === 'cells' ? boxCells(unit.box) * BYTES_PER_CELL : BYTES_PER_MERGE_BAND;
}

/** Units packed in order into syncs of at most `budget` estimated bytes. */
function waves(units: readonly Unit[], budget: number): Unit[][] {
  const out: Unit[][] = [];
  let current: Unit[] = [];
  let size = 0;
  for (const u of units) {
    const c = cost(u);
    if (current.length > 0 && size + c > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(u);
    size += c;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function isPayloadError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** Halves a wave: two halves of its units, or of the one unit's rows; undefined when it is one row. */
function split(units: readonly Unit[]): [Unit[], Unit[]] | undefined {
  if (units.length > 1) {
    const mid = Math.ceil(units.length / 2);
    return [units.slice(0, mid), units.slice(mid)];
  }
  const u = units[0];
  if (!u || u.box.top === u.box.bottom) return undefined;
  const mid = u.box.top + Math.floor((u.box.bottom - u.box.top + 1) / 2);
  return [[{ ...u, box: { ...u.box, bottom: mid - 1 } }], [{ ...u, box: { ...u.box, top: mid } }]];
}

/** Excel's number-format test used by the ExcelJS reader: a date or time format shows y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel date serial as the ExcelJS reader gives it: `YYYY-MM-DD` at midnight, else `YYYY-MM-DDTHH:mm:ss`. */
export function serialToIso(serial: number): CellValue {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  if (Number.isNaN(d.getTime())) return { error: '#VALUE!' };
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** One cell of `values`/`valueTypes`/`numberFormat` as a Grid value. */
export function cellValue(value: unknown, type: string | undefined, format: string | undefined): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return value === true;
    case 'Double':
    case 'Integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: '#VALUE!' };
      return isDateFormat(format) ? serialToIso(value) : value;
    case 'String':
      return typeof value === 'string' ? value : String(value);
    default:
      // Rich values (data types, pictures in cells) and anything newer: their text if Excel gives one.
      if (typeof value === 'string') return value === '' ? null : value;
      if (typeof value === 'number' || typeof value === 'boolean') return value;
      return null;
  }
}

function buildGrid(plan: SheetPlan, chunks: readonly CellsResult[], merges: readonly Box[]): Grid {
  const height = plan.values ? plan.values.bottom + 1 : 0;
  const rows: CellValue[][] = Array.from({ length: height }, () => []);
  for (const chunk of chunks) {
    chunk.values.forEach((line, i) => {
      const row = rows[chunk.box.top + i] as CellValue[];
      line.forEach((v, j) => {
        const value = cellValue(v, chunk.types[i]?.[j], chunk.formats[i]?.[j]);
        if (value === null) return;
        const col = chunk.box.left + j;
        while (row.length < col) row.push(null);
        row[col] = value;
      });
    });
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r] as CellValue[];
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = null;
    }
  }
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);
  return sorted.length > 0 ? { name: plan.name, rows, merges: sorted.map(boxAddress) } : { name: plan.name, rows };
}

/** Loads the units of one wave in one sync; halves the wave and retries when Excel finds the payload too large. */
async function readWave(context: Excel.RequestContext, plans: readonly SheetPlan[], units: readonly Unit[], found: readonly Found[]): Promise<void> {
  const pending = units.map((u) => {
    const range = (plans[u.sheet] as SheetPlan).worksheet.getRange(boxAddress(u.box));
    if (u.kind === 'cells') return { u, load: range.load('values,valueTypes,numberFormat') };
    return { u, load: range.getMergedAreasOrNullObject().load('address') };
  });
  try {
    await context.sync();
  } catch (e) {
    const halves = isPayloadError(e) ? split(units) : undefined;
    if (!halves) throw e;
    await readWave(context, plans, halves[0], found);
    await readWave(context, plans, halves[1], found);
    return;
  }
  for (const { u, load } of pending) {
    const into = found[u.sheet] as Found;
    if (u.kind === 'cells') {
      const range = load as Excel.Range;
      into.cells.push({ box: u.box, values: range.values, types: range.valueTypes, formats: range.numberFormat });
    } else {
      const areas = load as Excel.RangeAreas;
      if (!areas.isNullObject) into.merges.push(...parseAreaList(areas.address));
    }
  }
}

/** Every worksheet as a Grid, in tab order, with its owner mark. */
export async function readWorkbook(context: Excel.RequestContext, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<SheetRead[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();

  const queued = sheets.items.map((worksheet) => {
    const values = worksheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const formatted = worksheet.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
    const props = worksheet.customProperties.load('items/key,items/value');
    return { worksheet, values, formatted, props };
  });
  await context.sync();

  const plans: SheetPlan[] = queued.map((q) => ({
    worksheet: q.worksheet,
    name: q.worksheet.name,
    owner: q.props.items.find((p) => p.key.toLowerCase() === OWNER_KEY)?.value,
    values: boxOf(q.values),
    formatted: boxOf(q.formatted),
  }));

  const units: Unit[] = [];
  plans.forEach((p, sheet) => {
    if (p.formatted) for (const box of bands(p.formatted, limits.mergeBandCells)) units.push({ kind: 'merges', sheet, box });
    if (p.values) for (const box of bands(p.values, limits.chunkCells)) units.push({ kind: 'cells', sheet, box });
  });
  const found: Found[] = plans.map(() => ({ cells: [], merges: [] }));
  for (const wave of waves(units, limits.syncBytes)) await readWave(context, plans, wave, found);

  return plans.map((plan, sheet) => {
    const f = found[sheet] as Found;
    return { name: plan.name, owner: plan.owner, grid: buildGrid(plan, f.cells, f.merges) };
  });
}
