/**
 * The input workbook (底稿) as sheets: inputSheets() writes the nine sheets
 * (empty, as a template, or filled from an input), readInputSheets() reads them
 * back. Both go through the sheet descriptions of sheets.ts and the cell
 * descriptions of cells.ts: one mechanism for every sheet.
 */
import type { Diagnostic, Location, SourceMap } from '../diagnostics/types.js';
import { a1, cellAt, columnLetters, type CellValue, type Grid } from '../grid/grid.js';
import type { SheetSpec, StyledRange } from '../grid/sheet.js';
import { normalizeHeader, readCell, roleOf, writeCell, type FieldSpec, type FieldValue } from './cells.js';
import {
  getPath,
  INPUT_SHEETS,
  KEY_VALUE_COLUMNS,
  setPath,
  type Draft,
  type InputSheetSpec,
  type KeyValueField,
  type KeyValueSheetSpec,
  type ReadRow,
  type TableSheetSpec,
} from './sheets.js';
import { BudgetInputSchema, emptyBudgetInput, type BudgetInput } from './schema.js';

/** Rows left blank under the header of an empty sheet. */
const BLANK_ROWS = 10;
/** Title, instruction, header. */
const HEAD_ROWS = 3;
/** How far down a reader looks for the header row. */
const HEADER_SEARCH_ROWS = 15;

// ---------------------------------------------------------------------------
// Writing

function sheetOf(spec: InputSheetSpec, columns: readonly FieldSpec[], body: CellValue[][], bodyRoles: (c: number) => StyledRange['role']): SheetSpec {
  const last = columnLetters(columns.length);
  const lastRow = HEAD_ROWS + body.length;
  const styles: StyledRange[] = [
    { range: 'A1', role: 'title' },
    { range: 'A2', role: 'note' },
    { range: `A3:${last}3`, role: 'header' },
  ];
  if (body.length > 0) columns.forEach((_, c) => styles.push({ range: `${columnLetters(c + 1)}${HEAD_ROWS + 1}:${columnLetters(c + 1)}${lastRow}`, role: bodyRoles(c) }));
  return {
    name: spec.name,
    rows: [[spec.title], [spec.instruction], columns.map((c) => c.header), ...body],
    merges: [`A1:${last}1`, `A2:${last}2`],
    columnWidths: columns.map((c) => c.width ?? 14),
    rowHeights: { 1: 42 },
    styles,
    freeze: { rows: HEAD_ROWS, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: [HEAD_ROWS, HEAD_ROWS] },
  };
}

function writeTable(spec: TableSheetSpec, input: BudgetInput | undefined): SheetSpec {
  const records = input ? spec.write(input) : (spec.template ?? []);
  const body = records.map((r) => spec.columns.map((c) => writeCell(c, r[c.key])));
  if (body.length === 0) for (let i = 0; i < BLANK_ROWS; i++) body.push(spec.columns.map(() => null));
  return sheetOf(spec, spec.columns, body, (c) => {
    const col = spec.columns[c];
    return col ? roleOf(col) : 'text';
  });
}

function writeKeyValue(spec: KeyValueSheetSpec, input: BudgetInput | undefined): SheetSpec {
  const columns = [KEY_VALUE_COLUMNS.key, KEY_VALUE_COLUMNS.label, KEY_VALUE_COLUMNS.value];
  const body: CellValue[][] = [];
  for (const f of spec.fields) {
    const v = input ? getPath(input, f.path) : undefined;
    const values: unknown[] = f.repeated ? (Array.isArray(v) && v.length > 0 ? v : [undefined]) : [v];
    for (const x of values) body.push([f.key, f.header, writeCell(f, typeof x === 'string' || typeof x === 'number' ? x : undefined)]);
  }
  return sheetOf(spec, columns, body, (c) => (c === 2 ? 'paragraph' : c === 0 ? 'code' : 'text'));
}

/**
 * The sheets of the input workbook: an empty template (headers and blank rows)
 * without an input, the input's figures with one. Amounts are written as
 * numbers (as text only where a double would not hold them exactly).
 */
export function inputSheets(input?: BudgetInput): SheetSpec[] {
  return INPUT_SHEETS.map((spec) => (spec.layout === 'table' ? writeTable(spec, input) : writeKeyValue(spec, input)));
}

// ---------------------------------------------------------------------------
// Reading

export interface InputReadResult {
  /** The input read; when diagnostics contain errors it is best effort and may not satisfy BudgetInputSchema. */
  readonly input: BudgetInput;
  /** Input path (`lines.3.project`) → the sheet and cell it came from. */
  readonly sourceMap: SourceMap;
  readonly diagnostics: Diagnostic[];
}

interface HeaderMatch {
  readonly row: number;
  /** Field key → zero-based column. */
  readonly columns: ReadonlyMap<string, number>;
}

/** The header row: the row (among the first rows) whose cells name the most columns. */
function findHeader(grid: Grid, columns: readonly FieldSpec[]): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  const words = columns.map((c) => new Set([c.header, ...(c.words ?? [])].map(normalizeHeader)));
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); r++) {
    const found = new Map<string, number>();
    (grid.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== 'string') return;
      const w = normalizeHeader(v);
      if (w === '') return;
      const i = columns.findIndex((col, k) => !found.has(col.key) && (words[k]?.has(w) ?? false));
      const col = columns[i];
      if (col) found.set(col.key, c);
    });
    if (found.size >= Math.min(2, columns.length) && (!best || found.size > best.columns.size)) best = { row: r, columns: found };
  }
  return best;
}

/** The title and instruction rows (above any header), normalised. */
function titleOf(grid: Grid): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.min(grid.rows.length, 2); r++) {
    for (const v of grid.rows[r] ?? []) if (typeof v === 'string' && v.trim() !== '') out.push(normalizeHeader(v));
  }
  return out;
}

/** Which grid holds which input sheet: by tab name, then by title, then by header words. */
function assignGrids(grids: readonly Grid[]): Map<InputSheetSpec, Grid> {
  const found = new Map<InputSheetSpec, Grid>();
  const used = new Set<Grid>();
  const claim = (spec: InputSheetSpec, g: Grid | undefined) => {
    if (!g || found.has(spec) || used.has(g)) return;
    found.set(spec, g);
    used.add(g);
  };
  for (const spec of INPUT_SHEETS) claim(spec, grids.find((g) => !used.has(g) && normalizeHeader(g.name) === normalizeHeader(spec.name)));
  for (const spec of INPUT_SHEETS) {
    const words = [normalizeHeader(spec.title), normalizeHeader(spec.name)];
    claim(spec, grids.find((g) => !used.has(g) && (words.includes(normalizeHeader(g.name)) || titleOf(g).some((t) => words.includes(t)))));
  }
  for (const spec of INPUT_SHEETS) {
    if (found.has(spec) || spec.layout !== 'table') continue;
    const need = Math.ceil(spec.columns.length * 0.6);
    claim(spec, grids.find((g) => !used.has(g) && (findHeader(g, spec.columns)?.columns.size ?? 0) >= need));
  }
  return found;
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  readonly sourceMap: Record<string, Location> = {};
  readonly reported = new Set<string>();

  report = (d: Diagnostic): void => {
    this.diagnostics.push(d);
  };

  /** The data rows of a sheet, each field read with its description. */
  rows(grid: Grid, columns: readonly FieldSpec[], header: HeaderMatch): ReadRow[] {
    const out: ReadRow[] = [];
    for (let r = header.row + 1; r < grid.rows.length; r++) {
      const values: Record<string, FieldValue> = {};
      const cells: Record<string, string> = {};
      let blank = true;
      let skip = false;
      for (const col of columns) {
        const c = header.columns.get(col.key);
        if (c === undefined || col.derived) continue;
        const v = cellAt(grid, r, c);
        if (!(v === null || (typeof v === 'string' && v.trim() === ''))) blank = false;
      }
      if (blank) continue;
      for (const col of columns) {
        const c = header.columns.get(col.key);
        if (c === undefined || col.derived) continue;
        const cell = a1(r, c);
        cells[col.key] = cell;
        const v = cellAt(grid, r, c);
        const value = readCell(col, v, { sheet: grid.name, cell, report: this.report });
        if (value !== undefined) values[col.key] = value;
        else if (col.required) {
          if (v === null || (typeof v === 'string' && v.trim() === '')) this.missing(grid.name, cell, col.header);
          skip = true;
        }
      }
      if (!skip) out.push({ values, cells });
    }
    return out;
  }

  missing(sheet: string, cell: string, column: string): void {
    this.report({ ruleId: 'input/missing-value', severity: 'warning', messageId: 'missing-value', data: { column }, location: { sheet, cell } });
  }

  locate(sheet: string, path: string, cell: string | undefined): void {
    if (cell !== undefined) this.sourceMap[path] = { sheet, cell };
  }

  table(spec: TableSheetSpec, grid: Grid, draft: Draft): void {
    const header = findHeader(grid, spec.columns);
    const missing = spec.columns.filter((c) => c.required && !header?.columns.has(c.key));
    for (const c of missing) {
      this.report({ ruleId: 'input/missing-column', severity: 'error', messageId: 'missing-column', data: { sheet: grid.name, column: c.header }, location: { sheet: grid.name, cell: a1(header?.row ?? 0, 0) } });
    }
    if (!header || missing.length > 0) return;
    const rows = this.rows(grid, spec.columns, header);
    spec.read(rows, draft, {
      sheet: grid.name,
      locate: (path, row, key) => this.locate(grid.name, path, row.cells[key]),
      missing: (_row, field, cell) => this.missing(grid.name, cell, field.header),
    });
  }

  keyValue(spec: KeyValueSheetSpec, grid: Grid, draft: Draft): void {
    const columns = [KEY_VALUE_COLUMNS.key, KEY_VALUE_COLUMNS.label, KEY_VALUE_COLUMNS.value];
    const header = findHeader(grid, columns);
    if (!header || !header.columns.has('value') || !(header.columns.has('key') || header.columns.has('label'))) {
      this.report({ ruleId: 'input/missing-column', severity: 'error', messageId: 'missing-column', data: { sheet: grid.name, column: KEY_VALUE_COLUMNS.value.header }, location: { sheet: grid.name, cell: 'A1' } });
      return;
    }
    const byKey = new Map(spec.fields.map((f) => [f.key, f]));
    const byLabel = new Map(spec.fields.flatMap((f) => [f.header, ...(f.words ?? [])].map((w) => [normalizeHeader(w), f] as const)));
    const fieldAt = (raw: readonly CellValue[]): KeyValueField | undefined => {
      const k = header.columns.get('key');
      const l = header.columns.get('label');
      const key = k === undefined ? undefined : raw[k];
      const label = l === undefined ? undefined : raw[l];
      return (typeof key === 'string' ? byKey.get(key.trim()) : undefined) ?? (typeof label === 'string' ? byLabel.get(normalizeHeader(label)) : undefined);
    };
    const seen = new Set<KeyValueField>();
    const blankAt = new Map<KeyValueField, string>();
    for (let r = header.row + 1; r < grid.rows.length; r++) {
      const raw = grid.rows[r] ?? [];
      const field = fieldAt(raw);
      const keyCell = header.columns.get('key') ?? header.columns.get('label') ?? 0;
      if (!field) {
        const text = [header.columns.get('key'), header.columns.get('label')].map((c) => (c === undefined ? undefined : raw[c])).find((v) => typeof v === 'string' && v.trim() !== '');
        if (typeof text === 'string') {
          this.report({ ruleId: 'input/unknown-key', severity: 'warning', messageId: 'unknown-key', data: { sheet: grid.name, text: text.trim() }, location: { sheet: grid.name, cell: a1(r, keyCell) } });
        }
        continue;
      }
      const c = header.columns.get('value') ?? 2;
      const cell = a1(r, c);
      const value = readCell(field, cellAt(grid, r, c), { sheet: grid.name, cell, report: this.report });
      if (value === undefined) {
        if (!blankAt.has(field)) blankAt.set(field, cell);
        continue;
      }
      seen.add(field);
      if (field.repeated) {
        const list = getPath(draft, field.path);
        if (Array.isArray(list)) {
          this.locate(grid.name, `${field.path}.${list.length}`, cell);
          list.push(value);
        }
      } else {
        setPath(draft as unknown as Record<string, unknown>, field.path, value);
        this.locate(grid.name, field.path, cell);
      }
    }
    for (const f of spec.fields) {
      if (seen.has(f)) continue;
      if (f.fallback !== undefined) setPath(draft as unknown as Record<string, unknown>, f.path, f.fallback);
      else if (f.required) {
        this.reported.add(f.path);
        const cell = blankAt.get(f);
        this.report({ ruleId: 'input/missing-value', severity: 'error', messageId: 'missing-field', data: { column: f.header }, location: { sheet: grid.name, ...(cell === undefined ? {} : { cell }) } });
      }
    }
  }
}

/** A draft with every list present and nothing typed (the unit is filled in as it is read). */
function emptyDraft(): Draft {
  return { ...emptyBudgetInput({ name: '', year: 0 }), unit: {}, document: {} };
}

/**
 * Reads the input workbook. Sheets are found by tab name, title or header;
 * headers by their words (whitespace and full-width tolerant); amounts from
 * numbers (Amount.fromExcel) or text (Amount.parse). Never throws: unreadable
 * cells, unknown sources, bad codes, missing sheets and schema violations
 * become diagnostics at the sheet and cell.
 */
export function readInputSheets(grids: readonly Grid[]): InputReadResult {
  const reader = new Reader();
  const draft = emptyDraft();
  const assigned = assignGrids(grids);
  for (const spec of INPUT_SHEETS) {
    const grid = assigned.get(spec);
    if (!grid) {
      const required = spec.id === 'unit';
      reader.report({
        ruleId: 'input/missing-sheet',
        severity: required ? 'error' : 'warning',
        messageId: 'missing-sheet',
        data: { sheet: spec.name },
        location: { sheet: spec.name },
      });
      if (required) for (const f of spec.layout === 'keyValue' ? spec.fields : []) if (f.required) reader.reported.add(f.path);
      continue;
    }
    if (spec.layout === 'table') reader.table(spec, grid, draft);
    else reader.keyValue(spec, grid, draft);
  }
  const input: BudgetInput = {
    ...draft,
    unit: {
      name: draft.unit.name ?? '',
      year: draft.unit.year ?? 0,
      ...(draft.unit.kind === undefined ? {} : { kind: draft.unit.kind }),
      ...(draft.unit.department === undefined ? {} : { department: draft.unit.department }),
    },
    document: { ...(draft.document.title === undefined ? {} : { title: draft.document.title }), amountUnit: draft.document.amountUnit ?? '万元' },
  };
  const checked = BudgetInputSchema.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol').join('.');
      if ([...reader.reported].some((r) => path === r || path.startsWith(`${r}.`))) continue;
      const at = reader.sourceMap[path] ?? Object.entries(reader.sourceMap).find(([k]) => k.startsWith(`${path}.`))?.[1];
      reader.report({
        ruleId: 'input/invalid',
        severity: 'error',
        messageId: 'invalid',
        data: { message: `${path}: ${issue.message}` },
        location: at ?? {},
      });
    }
  }
  return { input, sourceMap: reader.sourceMap, diagnostics: reader.diagnostics };
}
