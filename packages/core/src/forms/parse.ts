/**
 * The reading half of the engine: a workbook (Grid[]) → the disclosure model,
 * a source map and diagnostics. Forms are found by their titles anywhere (one
 * per sheet or several stacked), headers are matched to the layouts' column
 * trees, data rows are read until the next title, a 注： note or the end.
 * Runs in time linear in the cells and never throws on any Grid.
 *
 * A form's title is kept as published without its prefix (a year, the
 * unit's name, 表二): `2024年部门预算公开表 收入总体情况表` reads as
 * 收入总体情况表. A performance table keeps its whole title (2024年预算…).
 *
 * Unit name and year are not part of the forms. The year is taken from the
 * T07 header (`2024年预算数`), else from a title prefix (`2024年…`); the name
 * from a title prefix naming the unit (`2024年XX中心收支总体情况表`). The
 * caller's `options.unit` wins over both; what stays unknown is '' and 0.
 */
import type { AmountUnit } from '../amount/amount.js';
import type { Diagnostic, FormRef, SourceMap } from '../diagnostics/types.js';
import { a1, type CellValue, type Grid } from '../grid/grid.js';
import { formLabel, type FormId } from '../model/columns.js';
import { MODEL_SCHEMA_VERSION, type Disclosure, type Forms, type PerformanceTable } from '../model/schema.js';
import { isBlank, labelText } from './cells.js';
import { findHeader, indexMerges, type MergeIndex } from './header.js';
import { readPerformance } from './read-performance.js';
import { BodyContext, bodyReader } from './read-rows.js';
import { Sink, TableScope } from './sink.js';
import { isNoteText, normalizeLabel } from './text.js';
import { findTitles, type TitleHit } from './titles.js';
import type { FormLayout } from './types.js';

export interface ParseOptions {
  /** The unit's name and budget year when the caller knows them (they are not part of the forms). */
  readonly unit?: { readonly name?: string; readonly year?: number };
}

/** A table found in the workbook. */
export interface FoundTable {
  readonly form: FormRef;
  readonly sheet: string;
  /** The title cell. */
  readonly cell: string;
  readonly title: string;
  readonly project?: string;
}

export interface ParsedForms {
  /** The forms and performance tables read (forms not found are absent). */
  readonly model: Disclosure;
  /** Model path (`pathKey`) → sheet and cell it was read from. */
  readonly sourceMap: SourceMap;
  readonly diagnostics: Diagnostic[];
  readonly tables: FoundTable[];
}

function rowOf(grid: Grid, r: number): readonly CellValue[] {
  const row = grid.rows[r];
  return Array.isArray(row) ? row : [];
}

const UNIT_LINE = /^(?:金额)?(?:计量)?单位:(.*)$/u;
const UNIT_END = /单位:(万元|元)\)?$/u;

/** The unit line between a title and its header (or beside the title). */
function findUnit(grid: Grid, hit: TitleHit, headerStart: number, scope: TableScope, base: readonly (string | number)[]): AmountUnit | undefined {
  if (hit.unit) return hit.unit;
  for (let r = hit.row; r < headerStart; r++) {
    const row = rowOf(grid, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length > 80 || (r === hit.row && c === hit.col)) continue;
      const t = normalizeLabel(v);
      const m = UNIT_LINE.exec(t) ?? UNIT_END.exec(t);
      if (!m) continue;
      const unit = m[1] ?? '';
      if (unit === '万元' || unit === '元') {
        scope.map([...base, 'unit'], r, c, undefined, 'unit');
        return unit;
      }
      scope.report('unknownUnit', { text: unit }, r, c);
      return undefined;
    }
  }
  return undefined;
}

function blankRow(cells: readonly CellValue[]): boolean {
  for (const v of cells) if (!isBlank(v)) return false;
  return true;
}

/** A row numbering the columns (栏次 1 2 3 …) under a header. */
function columnNumbers(cells: readonly CellValue[]): boolean {
  return cells.some((v) => typeof v === 'string' && normalizeLabel(v) === '栏次');
}

interface State {
  readonly sink: Sink;
  readonly forms: Partial<Record<FormId, unknown>>;
  readonly performance: PerformanceTable[];
  readonly tables: FoundTable[];
  readonly years: number[];
  readonly names: string[];
  units: AmountUnit[];
}

function readForm(state: State, grid: Grid, gi: number, sheet: string, merges: MergeIndex, hit: TitleHit, end: number): void {
  const layout = hit.layout as FormLayout;
  const id = layout.id;
  const scope = new TableScope(state.sink, gi, sheet, id);
  const base = ['forms', id] as const;
  if (state.forms[id] !== undefined) {
    scope.report('duplicateForm', { form: formLabel(id) }, hit.row, hit.col);
    return;
  }
  const header = findHeader(grid, layout.columns, merges, hit.row + 1, end);
  if (!header) {
    scope.report('unreadableForm', { title: hit.title }, hit.row, hit.col, base);
    return;
  }
  state.tables.push({ form: id, sheet, cell: a1(hit.row, hit.col), title: hit.title });
  for (const u of header.unknown) scope.report('unknownColumn', { text: u.text, form: formLabel(id) }, u.row, u.col);
  const unit = findUnit(grid, hit, header.start, scope, base);
  scope.map(base, hit.row, hit.col);
  scope.map([...base, 'title'], hit.row, hit.col, undefined, 'title');
  const reader = bodyReader(layout, new BodyContext(scope, base, header));
  let note: string | undefined;
  for (let r = header.end; r < end; r++) {
    const cells = rowOf(grid, r);
    if (blankRow(cells)) continue;
    const first = cells.findIndex((v) => !isBlank(v));
    const lead = cells[first];
    if (typeof lead === 'string' && isNoteText(lead)) {
      note = labelText(lead);
      scope.map([...base, 'note'], r, first, undefined, 'note');
      break;
    }
    if (columnNumbers(cells)) continue;
    reader.read({ row: r, cells });
  }
  const { previousYear, currentYear } = header.vars;
  const years = layout.body.kind === 'years' && previousYear !== undefined && currentYear !== undefined ? { previous: previousYear, current: currentYear } : undefined;
  if (years) state.years.unshift(years.current);
  if (unit) state.units.push(unit);
  state.forms[id] = { title: hit.title, ...(unit ? { unit } : {}), ...(note !== undefined ? { note } : {}), ...(years ? { years } : {}), ...reader.result() };
}

/** `2024年XX中心` → year 2024 and name `XX中心`; generic prefixes (表二, 2024年部门预算公开表) name nothing. */
function prefixHints(hit: TitleHit, state: State): void {
  const y = /(\d{4})年/u.exec(hit.prefix);
  if (y) state.years.push(Number(y[1]));
  const name = hit.rawPrefix
    .replace(/^[0-9０-９]{4}年度?/u, '')
    .replace(/[:：、.．\-—]+$/u, '')
    .replace(/(?:部门)?(?:预算)?(?:公开)?表?(?:[0-9０-９]+|[一二三四五六七八九十]+)?$/u, '')
    .replace(/(?:部门预算|预算|部门)$/u, '');
  if (name.length >= 2 && !/^[0-9一二三四五六七八九十]+$/u.test(name)) state.names.push(name);
}

export function parseForms(grids: readonly Grid[], options: ParseOptions = {}): ParsedForms {
  const state: State = { sink: new Sink(), forms: {}, performance: [], tables: [], years: [], names: [], units: [] };
  (Array.isArray(grids) ? grids : []).forEach((grid, gi) => {
    if (!grid || !Array.isArray(grid.rows)) return;
    const sheet = typeof grid.name === 'string' ? grid.name : `Sheet${gi + 1}`;
    const merges = indexMerges(grid);
    const titles = findTitles(grid);
    titles.forEach((hit, i) => {
      const end = titles[i + 1]?.row ?? grid.rows.length;
      prefixHints(hit, state);
      if (hit.layout.id !== 'P') {
        readForm(state, grid, gi, sheet, merges, hit, end);
        return;
      }
      const scope = new TableScope(state.sink, gi, sheet, 'P');
      const p = readPerformance(grid, merges, hit.row, end, hit.text, scope, state.performance.length);
      if (!p) {
        scope.report('unreadableForm', { title: hit.text }, hit.row, hit.col, ['performance', state.performance.length]);
        return;
      }
      state.performance.push(p);
      state.tables.push({ form: 'P', sheet, cell: a1(hit.row, hit.col), title: hit.text, project: p.project });
    });
  });
  const model: Disclosure = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    unit: { name: options.unit?.name ?? state.names[0] ?? '', year: options.unit?.year ?? state.years[0] ?? 0 },
    document: { profile: 'shandong-12', amountUnit: state.units[0] ?? '万元' },
    forms: state.forms as Forms,
    performance: state.performance,
  };
  return { model, sourceMap: state.sink.sourceMap, diagnostics: state.sink.diagnostics(), tables: state.tables };
}
