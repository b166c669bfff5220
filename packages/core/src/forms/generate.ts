/**
 * The writing half of the engine: any layout + the model → a SheetSpec. It lays
 * out what the model says (a model read from a defective document regenerates
 * as it was): a missing figure is a blank cell, rows come in model order, the
 * title, unit line and note are the model's. Amounts become JS numbers only
 * here, cell by cell, from their canonical strings; nothing is summed.
 */
import type { CellRole, SheetSpec } from '../grid/sheet.js';
import { FORM_IDS } from '../model/columns.js';
import type { CodedForm, Disclosure, EconomicForm, PerformanceTable } from '../model/schema.js';
import { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from './layouts/index.js';
import { SheetBuilder } from './sheet-builder.js';
import { fillTemplate, headerCells, leavesOf, pruneOptional, type LeafColumn, type TemplateVars } from './tree.js';
import type { BlockField, ColumnNode, FormLayout, Leaf } from './types.js';
import {
  economicRows,
  pairedRows,
  projectRows,
  subjectRows,
  yearRows,
  type OutCell,
  type OutRow,
  type OverviewForm,
  type ProjectForm,
  type ThreePublicForm,
} from './write-rows.js';

export interface GenerateOptions {
  /**
   * Write the layout's standard note (`注：2024年没有…`) under a form that has no
   * data and no note in the model. Off by default: generation is faithful.
   */
  readonly defaultNotes?: boolean;
}

type AnyForm = NonNullable<Disclosure['forms'][keyof Disclosure['forms']]>;

/** The logical rows of a form, by its body kind (the layout and the form belong to the same id). */
export function bodyRows(layout: FormLayout, form: AnyForm): OutRow[] {
  const body = layout.body;
  switch (body.kind) {
    case 'subjects':
      return subjectRows(body, form as CodedForm);
    case 'economic':
      return economicRows(body, form as EconomicForm);
    case 'projects':
      return projectRows(body, form as ProjectForm);
    case 'paired':
      return pairedRows(body, form as OverviewForm);
    case 'years':
      return yearRows(form as ThreePublicForm);
  }
}

const DEFAULT_WIDTH: Readonly<Record<Leaf['kind'], number>> = {
  code: 6,
  name: 34,
  project: 36,
  projectType: 12,
  label: 30,
  amount: 14,
  indicator: 16,
  stub: 8,
  value: 14,
  skip: 8,
};

function leafRole(leaf: Leaf, total: boolean): CellRole {
  if (leaf.kind === 'amount') return total ? 'totalAmount' : 'amount';
  if (total) return 'totalText';
  return leaf.kind === 'code' ? 'code' : 'text';
}

function cellValue(cell: OutCell | undefined): string | number | null {
  if (cell === undefined) return null;
  return cell.kind === 'amount' ? Number(cell.value) : cell.text;
}

/** Header rows and merges of a column tree at `row`; returns the first row below it. */
function writeHeader(b: SheetBuilder, columns: readonly ColumnNode[], vars: TemplateVars, row: number): number {
  const { depth, cells } = headerCells(columns, vars);
  for (const c of cells) {
    b.set(row + c.row, c.col, c.text);
    b.merge(row + c.row, c.col, c.rowSpan, c.colSpan);
  }
  const width = cells.reduce((w, c) => Math.max(w, c.col + c.colSpan), 0);
  for (let r = 0; r < depth; r++) {
    b.ensureRow(row + r);
    for (let c = 0; c < width; c++) if (!cells.some((h) => h.row <= r && r < h.row + h.rowSpan && h.col <= c && c < h.col + h.colSpan)) b.set(row + r, c, null);
  }
  b.style(row, 0, depth, width, 'header');
  return row + depth;
}

function writeRows(b: SheetBuilder, leaves: readonly LeafColumn[], rows: readonly OutRow[], row: number): number {
  let r = row;
  for (const out of rows) {
    leaves.forEach((l, c) => b.set(r, c, cellValue(out.cells.get(l.field))));
    b.styleRow(r, 0, leaves.map((l) => leafRole(l.leaf, out.total)));
    r++;
  }
  return r;
}

function widths(leaves: readonly LeafColumn[]): number[] {
  return leaves.map((l) => l.node.width ?? DEFAULT_WIDTH[l.leaf.kind]);
}

function templateVars(model: Disclosure): TemplateVars {
  const years = model.forms.T07?.years;
  return {
    year: model.unit.year,
    unit: model.unit.name,
    previousYear: years?.previous ?? model.unit.year - 1,
    currentYear: years?.current ?? model.unit.year,
  };
}

function hasData(rows: readonly OutRow[]): boolean {
  return rows.some((r) => r.cells.size > 0);
}

/** One standard form as a sheet. */
export function generateForm(layout: FormLayout, form: AnyForm, model: Disclosure, options: GenerateOptions = {}): SheetSpec {
  const rows = bodyRows(layout, form);
  const used = new Set(rows.flatMap((r) => [...r.cells.keys()]));
  const columns = pruneOptional(layout.columns, (field) => used.has(field));
  const leaves = leavesOf(columns);
  const n = leaves.length;
  const vars = templateVars(model);
  const b = new SheetBuilder();

  b.set(0, 0, form.title ?? layout.title);
  b.merge(0, 0, 1, n);
  b.style(0, 0, 1, n, 'title');
  let r = 1;
  if (form.unit !== undefined) {
    b.set(r, n - 1, fillTemplate(layout.unitLine, { amountUnit: form.unit }));
    b.style(r, n - 1, 1, 1, 'subtitle');
    r++;
  }
  const headerStart = r;
  r = writeHeader(b, columns, vars, r);
  const headerEnd = r;
  r = writeRows(b, leaves, rows, r);
  const note = form.note ?? (options.defaultNotes && !hasData(rows) && layout.emptyNote !== undefined ? fillTemplate(layout.emptyNote, vars) : undefined);
  if (note !== undefined) {
    b.set(r, 0, note);
    b.merge(r, 0, 1, n);
    b.style(r, 0, 1, n, 'note');
  }
  return b.build(layout.sheetName, {
    columnWidths: widths(leaves),
    freeze: { rows: headerEnd, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: [headerStart + 1, headerEnd] },
  });
}

function blockValue(p: PerformanceTable, field: BlockField): OutCell | undefined {
  const t = (s: string | undefined): OutCell | undefined => (s === undefined ? undefined : { kind: 'text', text: s });
  const a = (s: string | undefined): OutCell | undefined => (s === undefined ? undefined : { kind: 'amount', value: s });
  switch (field) {
    case 'project':
      return t(p.project);
    case 'department':
      return t(p.department);
    case 'implementer':
      return t(p.implementer);
    case 'target':
      return t(p.target);
    case 'funds.total':
      return a(p.funds.total);
    case 'funds.fiscal':
      return a(p.funds.fiscal);
    case 'funds.other':
      return a(p.funds.other);
  }
}

/** Runs of equal consecutive keys: [start, length]. */
function runs(keys: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      out.push([start, i - start]);
      start = i;
    }
  }
  return out;
}

/** One performance table at `row`; returns the first row below it. */
function writePerformanceTable(b: SheetBuilder, p: PerformanceTable, model: Disclosure, row: number): number {
  const layout = PERFORMANCE_LAYOUT;
  const leaves = leavesOf(layout.columns);
  const n = leaves.length;
  const colWidths = widths(leaves);
  let r = row;
  b.set(r, 0, p.title ?? `${model.unit.year}年预算${layout.title}`);
  b.merge(r, 0, 1, n);
  b.style(r, 0, 1, n, 'title');
  r++;

  const taken = new Set<string>();
  layout.block.forEach((cells, i) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${i}:${c}`)) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${i + dr}:${c + dc}`);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) b.set(r + i + dr, c + dc, null);
      const value = cell.field === undefined ? undefined : blockValue(p, cell.field);
      b.set(r + i, c, cell.label ?? cellValue(value));
      b.merge(r + i, c, rowSpan, colSpan);
      const role: CellRole = cell.label !== undefined ? 'header' : cell.field === 'target' ? 'paragraph' : value?.kind === 'amount' ? 'amount' : 'text';
      b.style(r + i, c, rowSpan, colSpan, role);
      if (cell.field === 'target' && value?.kind === 'text') {
        const chars = colWidths.slice(c, c + colSpan).reduce((s, w) => s + w, 0);
        const lines = Math.ceil((value.text.length * 2) / Math.max(chars, 1));
        if (lines > 1) b.height(r + i, 15 * lines);
      }
      c += colSpan;
    }
  });
  r += layout.block.length;

  const headerRow = r;
  r = writeHeader(b, layout.columns, {}, r);
  const items = p.indicators;
  const col = (part: string) => leaves.findIndex((l) => l.field === part);
  const [c1, c2, c3, cv] = [col('level1'), col('level2'), col('level3'), col('value')];
  items.forEach((ind, j) => {
    leaves.forEach((_l, c) => b.set(r + j, c, null));
    b.set(r + j, c3, ind.level3);
    b.set(r + j, cv, ind.value.text);
    b.styleRow(r + j, 0, leaves.map(() => 'text'));
  });
  // 一级 merges over its run; 二级 over its run within the 一级 run.
  for (const [start, len] of runs(items.map((i) => i.level1))) {
    b.set(r + start, c1, items[start]?.level1 ?? null);
    b.merge(r + start, c1, len, 1);
    const inner = items.slice(start, start + len);
    for (const [s2, l2] of runs(inner.map((i) => i.level2))) {
      b.set(r + start + s2, c2, inner[s2]?.level2 ?? null);
      b.merge(r + start + s2, c2, l2, 1);
    }
  }
  const stub = leaves.findIndex((l) => l.leaf.kind === 'stub');
  if (stub >= 0) b.merge(headerRow, stub, items.length + 1, 1);
  return r + items.length;
}

/** All performance tables on one sheet, a blank row between two tables. */
export function generatePerformance(model: Disclosure): SheetSpec {
  const b = new SheetBuilder();
  let r = 0;
  model.performance.forEach((p, k) => {
    if (k > 0) {
      b.ensureRow(r);
      r++;
    }
    r = writePerformanceTable(b, p, model, r);
  });
  return b.build(PERFORMANCE_LAYOUT.sheetName, {
    columnWidths: widths(leavesOf(PERFORMANCE_LAYOUT.columns)),
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  });
}

/** Every standard form the model has, in order T01–T12, then the performance tables on one sheet. */
export function generateForms(model: Disclosure, options: GenerateOptions = {}): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  for (const id of FORM_IDS) {
    const form = model.forms[id];
    if (form) sheets.push(generateForm(FORM_LAYOUTS[id], form, model, options));
  }
  if (model.performance.length > 0) sheets.push(generatePerformance(model));
  return sheets;
}
