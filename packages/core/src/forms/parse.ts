/**
 * The reading half of the engine: a workbook (Grid[]) → the disclosure model,
 * a source map and diagnostics. Forms are found by their titles anywhere (one
 * per sheet or several stacked), headers are matched to the layouts' column
 * trees, data rows are read until the next title, a 注： note or the end.
 * Runs in time linear in the cells and never throws on any Grid.
 *
 * The titles and layouts are those of a template profile (profiles/): the
 * reference's twelve forms, or the profile whose titles the grids name most.
 * A table that means what a standard form means is read as that form; a
 * table of the profile's own goes to `model.tables`; a table the profile
 * recognises but does not read is reported (parse/not-read) with the reason.
 * Where the profile repeats titles on every page, a repeated title continues
 * its table; a header repeated at the top of a page is passed over, and so are
 * page furniture (表6, - 14 -) and a row of column numbers (栏次, ** 1 2 3).
 *
 * A form's title is kept as published without its prefix (a year, the
 * unit's name, 表二): `2024年部门预算公开表 收入总体情况表` reads as
 * 收入总体情况表. A performance table keeps its whole title (2024年预算…).
 *
 * Unit name and year are not part of the forms. The year is taken from the
 * T07 header (`2024年预算数`), else from a title prefix (`2024年…`); the name
 * from a title prefix naming the unit (`2024年XX中心收支总体情况表`). The
 * caller's `options.unit` wins over both; what stays unknown is '' and 0.
 *
 * Amounts are kept as published, each form with the unit it states. The
 * document's unit (`document.amountUnit`) is the unit most tables state; the
 * rules engine converts a figure of a table in the other unit exactly
 * (万元 = 10 000 元) before comparing it with other tables.
 */
import type { AmountUnit } from '../amount/amount.js';
import type { Diagnostic, FormRef, SourceMap } from '../diagnostics/types.js';
import { a1, type CellValue, type Grid } from '../grid/grid.js';
import { formLabel, type FormId } from '../model/columns.js';
import { MODEL_SCHEMA_VERSION, type Disclosure, type Forms, type OtherTable, type PerformanceTable } from '../model/schema.js';
import { rowFormulasFor } from '../profiles/registry.js';
import type { OwnTable, Profile, ProfileForm, StandardForm } from '../profiles/types.js';
import { cellText, isBlank, labelText } from './cells.js';
import { findGenericTables } from './generic.js';
import { findHeader, indexMerges, type HeaderMatch, type MergeIndex } from './header.js';
import { readPerformance } from './read-performance.js';
import { BodyContext, bodyReader, type BodyReader, type RowView } from './read-rows.js';
import { TableReader } from './read-table.js';
import { Sink, TableScope } from './sink.js';
import { isNoteText, isTotalLabel, normalizeLabel } from './text.js';
import { detectProfile, findTitles, type TitleHit } from './titles.js';
import { leavesOf } from './tree.js';
import type { ColumnNode, FormLayout, RowFormula, Side, TableLayout } from './types.js';

export interface ParseOptions {
  /** The unit's name and budget year when the caller knows them (they are not part of the forms). */
  readonly unit?: { readonly name?: string; readonly year?: number };
  /** The template profile to read with; by default the one whose titles the grids name most. */
  readonly profile?: Profile;
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

/** Every table the profile recognised by its title: read as a form, into model.tables, or not read (and why). */
export interface RecognisedTable {
  /** T01–T12, P, or the profile's own id of the table. */
  readonly id: string;
  readonly sheet: string;
  /** The title cell (its first page where the table runs over pages). */
  readonly cell: string;
  readonly title: string;
  /** Rows of figures read (the 合计 row included; for a performance table, its indicators). */
  readonly rows: number;
  /** Pages (title repeats) the table was read from. */
  readonly pages: number;
  /** Why the table was not read; absent when it was. */
  readonly notRead?: string;
}

export interface ParsedForms {
  /** The forms and performance tables read (forms not found are absent). */
  readonly model: Disclosure;
  /** Model path (`pathKey`) → sheet and cell it was read from. */
  readonly sourceMap: SourceMap;
  readonly diagnostics: Diagnostic[];
  readonly tables: FoundTable[];
  /** The profile the grids were read with. */
  readonly profile: string;
  /** Every table recognised by its title, in reading order. */
  readonly recognised: RecognisedTable[];
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

/** A row numbering the columns under a header: 栏次 1 2 3 …, or ** ** 1 2 3 …. */
function columnNumbers(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v)).map((v) => normalizeLabel(cellText(v)));
  if (filled.includes('栏次')) return true;
  const numbers = filled.filter((t) => t !== '**');
  return filled.length > numbers.length && numbers.every((t, i) => t === String(i + 1));
}

/** A line of page furniture between the pages of a table: 表6, - 14 -. */
function pageFurniture(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  const v = filled[0];
  if (filled.length !== 1 || typeof v !== 'string') return false;
  const t = normalizeLabel(v);
  return /^表[0-9一二三四五六七八九十]{1,3}$/u.test(t) || /^-[0-9]{1,3}-$/u.test(t);
}

/** Columns whose text belongs to a row of the table (its labels, names and codes). */
const ROW_TEXT: ReadonlySet<string> = new Set(['label', 'name', 'project', 'projectType', 'indicator']);

/**
 * A line of prose starting a page (a single text cell after a blank line,
 * outside the table's label and name columns): the table ended on the page before.
 */
function proseAfterBreak(cells: readonly CellValue[], afterBlank: boolean, header: HeaderMatch): boolean {
  if (!afterBlank) return false;
  const filled = cells.flatMap((v, c) => (isBlank(v) ? [] : [c]));
  const col = filled[0];
  const v = col === undefined ? undefined : cells[col];
  if (filled.length !== 1 || col === undefined || typeof v !== 'string' || isTotalLabel(v) || /^[0-9]/u.test(v.trim())) return false;
  const leaf = header.columns.get(col)?.leaf;
  if (leaf && ROW_TEXT.has(leaf.kind)) return false;
  return leaf?.kind !== 'code' || !/[0-9]/u.test(v);
}

interface UnitCount {
  readonly unit: AmountUnit;
  readonly order: number;
}

interface State {
  readonly sink: Sink;
  readonly forms: Partial<Record<FormId, unknown>>;
  readonly others: { table: OtherTable; unit?: AmountUnit }[];
  readonly performance: PerformanceTable[];
  readonly tables: FoundTable[];
  readonly recognised: RecognisedTable[];
  readonly years: number[];
  readonly names: string[];
  readonly units: UnitCount[];
  readonly profile: Profile;
}

/** A table being read, over one or more pages. */
interface OpenTable {
  readonly entry: StandardForm | OwnTable;
  readonly id: string;
  readonly scope: TableScope;
  readonly base: readonly (string | number)[];
  readonly header: HeaderMatch;
  readonly headerWords: ReadonlySet<string>;
  /** Columns read past (序号, 备注): a row with nothing elsewhere is no row of the table. */
  readonly passOver: ReadonlySet<number>;
  readonly reader: BodyReader | TableReader;
  readonly units?: { readonly reader: TableReader; readonly table: OtherTable; readonly formulas: readonly RowFormula[] };
  readonly recognised: number;
  readonly title: string;
  unit: AmountUnit | undefined;
  note: string | undefined;
  rows: number;
  pages: number;
  totalRead: boolean;
}

/** Normalised words of a table's header rows and of the rows between its title and header. */
function headerWords(grid: Grid, from: number, header: HeaderMatch): Set<string> {
  const out = new Set<string>();
  for (let r = from; r < header.end; r++) for (const v of rowOf(grid, r)) if (!isBlank(v)) out.add(normalizeLabel(cellText(v)));
  return out;
}

/** The header as published over each matched column (its lowest label). */
function columnLabels(grid: Grid, header: HeaderMatch): Map<number, string> {
  const out = new Map<number, string>();
  for (const col of header.columns.keys()) {
    for (let r = header.end - 1; r >= header.start; r--) {
      const v = rowOf(grid, r)[col];
      if (!isBlank(v)) {
        out.set(col, labelText(v));
        break;
      }
    }
  }
  return out;
}

/** A header row printed again at the top of a page: every filled cell a word of the header. */
function repeatedHeader(cells: readonly CellValue[], words: ReadonlySet<string>): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  return filled.length > 0 && filled.every((v) => typeof v === 'string' && words.has(normalizeLabel(v))) && !filled.every((v) => isTotalLabel(cellText(v)));
}

/** The variant of a table whose required header words are present under its title. */
function chooseVariant(grid: Grid, hit: TitleHit, end: number): ProfileForm {
  const forms = hit.forms;
  if (forms.length < 2) return forms[0] as ProfileForm;
  const words: string[] = [];
  for (let r = hit.row + 1; r < Math.min(end, hit.row + 12); r++) for (const v of rowOf(grid, r)) if (!isBlank(v)) words.push(normalizeLabel(cellText(v)));
  const text = words.join('|');
  return forms.find((f) => (f.requires ?? []).every((w) => text.includes(normalizeLabel(w)))) ?? (forms[0] as ProfileForm);
}

/** The columns of a form's rows per 预算单位: its amounts as table values (`current.total`, or `total`). */
function unitColumns(columns: readonly ColumnNode[]): ColumnNode[] {
  return columns.map((n): ColumnNode => {
    if (n.children) return { ...n, children: unitColumns(n.children) };
    const leaf = n.leaf;
    if (leaf?.kind !== 'amount') return n;
    return { ...n, leaf: { kind: 'value', key: leaf.side === undefined ? leaf.column : `${leaf.side}.${leaf.column}` } };
  });
}

/** A form's row formulas for its rows per 预算单位, side by side where the form has sides. */
function unitFormulas(profile: Profile, layout: FormLayout): RowFormula[] {
  const formulas = rowFormulasFor(profile.id, layout.id);
  const sides = [...new Set(leavesOf(layout.columns).flatMap((l) => (l.leaf.kind === 'amount' && l.leaf.side !== undefined ? [l.leaf.side] : [])))] as Side[];
  if (sides.length === 0) return [...formulas];
  return sides.flatMap((side) => formulas.map((f) => ({ total: `${side}.${f.total}`, parts: f.parts.map((p) => (p.startsWith('-') ? `-${side}.${p.slice(1)}` : `${side}.${p}`)), ...(f.optional ? { optional: true } : {}) })));
}

function columnsOf(entry: StandardForm | OwnTable): readonly ColumnNode[] {
  return entry.layout.columns;
}

/** Reports, once per reason, the columns a profile knows but does not read. */
function reportSkipped(scope: TableScope, grid: Grid, header: HeaderMatch, formName: string): void {
  const reasons = new Set<string>();
  for (const [col, leaf] of [...header.columns.entries()].sort((a, b) => a[0] - b[0])) {
    if (leaf.leaf.kind !== 'skip' || leaf.leaf.reason === undefined || reasons.has(leaf.leaf.reason)) continue;
    reasons.add(leaf.leaf.reason);
    let row = header.start;
    for (let r = header.start; r < header.end; r++) if (!isBlank(rowOf(grid, r)[col])) row = r;
    scope.report('columnNotRead', { form: formName, text: labelText(rowOf(grid, row)[col]), reason: leaf.leaf.reason }, row, col);
  }
}

function openTable(state: State, grid: Grid, gi: number, sheet: string, merges: MergeIndex, hit: TitleHit, end: number, entry: StandardForm | OwnTable): OpenTable | undefined {
  const id = entry.layout.id;
  const isForm = entry.kind === 'form';
  const formId = id as FormId;
  const otherIndex = state.others.length;
  const scope = isForm ? new TableScope(state.sink, gi, sheet, formId) : new TableScope(state.sink, gi, sheet, 'N', undefined, hit.title);
  const base = isForm ? (['forms', formId] as const) : (['tables', otherIndex] as const);
  if (isForm && state.forms[formId] !== undefined) {
    scope.report('duplicateForm', { form: formLabel(formId) }, hit.row, hit.col);
    return undefined;
  }
  const header = findHeader(grid, columnsOf(entry), merges, hit.row + hit.lines, end);
  if (!header) {
    scope.report('unreadableForm', { title: hit.title }, hit.row, hit.col, base);
    return undefined;
  }
  const formName = isForm ? formLabel(formId) : hit.title;
  if (isForm) state.tables.push({ form: formId, sheet, cell: a1(hit.row, hit.col), title: hit.title });
  for (const u of header.unknown) scope.report('unknownColumn', { text: u.text, form: formName }, u.row, u.col);
  reportSkipped(scope, grid, header, formName);
  const unit = findUnit(grid, hit, header.start, scope, base);
  scope.map(base, hit.row, hit.col);
  scope.map([...base, 'title'], hit.row, hit.col, undefined, 'title');
  const labels = columnLabels(grid, header);
  let reader: BodyReader | TableReader;
  let units: OpenTable['units'];
  if (entry.kind === 'form') {
    reader = bodyReader(entry.layout, new BodyContext(scope, base, header));
    if (entry.unitRows) {
      const layout: TableLayout = { id: entry.unitRows.id, title: hit.title, titleVariants: [], codes: 'unit', columns: unitColumns(entry.layout.columns), formulas: [] };
      const unitHeader = findHeader(grid, layout.columns, merges, hit.row + hit.lines, end);
      const index = state.others.length;
      const unitScope = new TableScope(state.sink, gi, sheet, formId, undefined, `${hit.title}（按预算单位）`);
      if (unitHeader) {
        const table: OtherTable = { id: layout.id, title: `${hit.title}（按预算单位）`, codes: 'unit', columns: [], formulas: [], totalOf: formId, rows: [] };
        units = { reader: new TableReader(unitScope, ['tables', index], layout, unitHeader, columnLabels(grid, unitHeader)), table, formulas: unitFormulas(state.profile, entry.layout) };
        state.others.push({ table });
      }
    }
  } else {
    reader = new TableReader(scope, base, entry.layout, header, labels);
    state.others.push({ table: { id, title: hit.title, codes: entry.layout.codes, columns: [], formulas: [], rows: [] } });
  }
  state.recognised.push({ id, sheet, cell: a1(hit.row, hit.col), title: hit.title, rows: 0, pages: 0 });
  return { entry, id, scope, base, header, headerWords: headerWords(grid, hit.row + hit.lines, header), passOver: new Set([...header.columns.entries()].flatMap(([c, l]) => (l.leaf.kind === 'skip' ? [c] : []))), reader, ...(units ? { units } : {}), recognised: state.recognised.length - 1, title: hit.title, unit, note: undefined, rows: 0, pages: 0, totalRead: false };
}

/** The data rows of one page of a table, from `from` to `end`; the row where reading stopped. */
function readBody(open: OpenTable, grid: Grid, from: number, end: number): number {
  open.pages++;
  let afterBlank = false;
  for (let r = from; r < end; r++) {
    const cells = rowOf(grid, r);
    if (blankRow(cells)) {
      afterBlank = true;
      continue;
    }
    const first = cells.findIndex((v) => !isBlank(v));
    const lead = cells[first];
    if (typeof lead === 'string' && isNoteText(lead)) {
      if (open.note === undefined) {
        open.note = labelText(lead);
        open.scope.map([...open.base, 'note'], r, first, undefined, 'note');
      }
      return r + 1;
    }
    if (proseAfterBreak(cells, afterBlank, open.header)) return r;
    afterBlank = false;
    if (columnNumbers(cells) || pageFurniture(cells) || repeatedHeader(cells, open.headerWords) || !cells.some((v, c) => !isBlank(v) && !open.passOver.has(c))) continue;
    const view: RowView = { row: r, cells };
    open.rows++;
    if (open.units && !toForm(open, view)) open.units.reader.read(view);
    else open.reader.read(view);
  }
  return end;
}

/** Whether a row of a form with rows per 预算单位 is the form's own (its 合计 row). */
function toForm(open: OpenTable, view: RowView): boolean {
  if (open.totalRead) return false;
  const total = view.cells.some((v) => typeof v === 'string' && isTotalLabel(v));
  if (total) open.totalRead = true;
  return total;
}

function closeTable(state: State, open: OpenTable): void {
  const rec = state.recognised[open.recognised];
  if (rec) state.recognised[open.recognised] = { ...rec, rows: open.rows, pages: open.pages };
  if (open.unit) state.units.push({ unit: open.unit, order: state.units.length });
  const meta = { title: open.title, ...(open.unit ? { unit: open.unit } : {}), ...(open.note !== undefined ? { note: open.note } : {}) };
  if (open.entry.kind === 'form') {
    const layout = open.entry.layout;
    const { previousYear, currentYear } = open.header.vars;
    const years = layout.body.kind === 'years' && previousYear !== undefined && currentYear !== undefined ? { previous: previousYear, current: currentYear } : undefined;
    if (years) state.years.unshift(years.current);
    state.forms[layout.id] = { ...meta, ...(years ? { years } : {}), ...(open.reader as BodyReader).result() };
    if (open.units) {
      const i = state.others.findIndex((o) => o.table === open.units?.table);
      const read = open.units.reader.result(open.units.formulas);
      if (i >= 0) state.others[i] = { table: { ...open.units.table, ...meta, title: open.units.table.title, ...read, totalOf: layout.id }, ...(open.unit ? { unit: open.unit } : {}) };
    }
    return;
  }
  const index = open.base[1] as number;
  const table = state.others[index]?.table;
  if (!table) return;
  const read = (open.reader as TableReader).result(open.entry.layout.formulas);
  state.others[index] = { table: { ...table, ...meta, ...read }, ...(open.unit ? { unit: open.unit } : {}) };
}

/** Tables of no known profile, recognised by their codes and figures outside the tables read by title. */
function readGeneric(state: State, grid: Grid, gi: number, sheet: string, merges: MergeIndex, covered: (r: number) => boolean): void {
  for (const g of findGenericTables(grid, covered)) {
    const entry: OwnTable = { kind: 'table', layout: g.layout };
    const hit: TitleHit = { row: g.titleRow, col: 0, layout: g.layout, forms: [entry], title: g.title, text: g.title, prefix: '', rawPrefix: '', lines: g.headerStart - g.titleRow };
    const open = openTable(state, grid, gi, sheet, merges, hit, g.end, entry);
    if (!open) continue;
    open.scope.report('genericTable', { title: g.title }, g.titleRow, 0);
    readBody(open, grid, open.header.end, g.end);
    closeTable(state, open);
  }
}

/** `2024年XX中心` → year 2024 and name `XX中心`; generic prefixes (表二, 2024年部门预算公开表) name nothing. */
function prefixHints(hit: TitleHit, state: State): void {
  const y = /(\d{4})年/u.exec(hit.prefix);
  if (y) state.years.push(Number(y[1]));
  const name = hit.rawPrefix
    .replace(/^(?:公开)?[0-9０-９]{1,2}表[:：、.．\s]*/u, '')
    .replace(/^[0-9０-９]{4}年度?/u, '')
    .replace(/[:：、.．\-—]+$/u, '')
    .replace(/(?:部门)?(?:预算)?(?:公开)?表?(?:[0-9０-９]+|[一二三四五六七八九十]+)?$/u, '')
    .replace(/(?:部门预算|预算|部门)$/u, '');
  if (name.length >= 2 && !/^[0-9一二三四五六七八九十]+$/u.test(name)) state.names.push(name);
}

/** The unit most tables state; a tie goes to the unit stated first. */
function documentUnit(units: readonly UnitCount[]): AmountUnit | undefined {
  const count = (u: AmountUnit) => units.filter((x) => x.unit === u).length;
  if (units.length === 0) return undefined;
  const yuan = count('元');
  const wan = count('万元');
  if (yuan !== wan) return yuan > wan ? '元' : '万元';
  return units[0]?.unit;
}

export function parseForms(grids: readonly Grid[], options: ParseOptions = {}): ParsedForms {
  const list = (Array.isArray(grids) ? grids : []).filter((g): g is Grid => !!g && Array.isArray(g.rows));
  const profile = options.profile ?? detectProfile(list);
  const state: State = { sink: new Sink(), forms: {}, others: [], performance: [], tables: [], recognised: [], years: [], names: [], units: [], profile };
  (Array.isArray(grids) ? grids : []).forEach((grid, gi) => {
    if (!grid || !Array.isArray(grid.rows)) return;
    const sheet = typeof grid.name === 'string' ? grid.name : `Sheet${gi + 1}`;
    const merges = indexMerges(grid);
    const titles = findTitles(grid, profile);
    /** Rows read as tables (or recognised by a title): the generic reader leaves them alone. */
    const covered: [number, number][] = [];
    let open: OpenTable | undefined;
    let openKey = '';
    let unreadKey = '';
    const close = () => {
      if (open) closeTable(state, open);
      open = undefined;
      openKey = '';
    };
    titles.forEach((hit, i) => {
      const end = titles[i + 1]?.row ?? grid.rows.length;
      prefixHints(hit, state);
      const entry = chooseVariant(grid, hit, end);
      const key = `${entry.kind}:${entry.layout.id}`;
      if (open && profile.repeatsTitles && key === openKey) {
        // the title again at the top of the next page: the same table goes on
        const page = findHeader(grid, columnsOf(open.entry), merges, hit.row + hit.lines, end);
        covered.push([hit.row, readBody(open, grid, page ? page.end : hit.row + hit.lines, end)]);
        return;
      }
      close();
      if (entry.kind !== 'unread') unreadKey = '';
      if (entry.kind === 'performance' || entry.kind === 'unread') covered.push([hit.row, end]);
      if (entry.kind === 'performance') {
        const scope = new TableScope(state.sink, gi, sheet, 'P');
        const p = readPerformance(grid, merges, hit.row, end, hit.text, scope, state.performance.length);
        if (!p) {
          scope.report('unreadableForm', { title: hit.text }, hit.row, hit.col, ['performance', state.performance.length]);
          return;
        }
        state.performance.push(p);
        state.tables.push({ form: 'P', sheet, cell: a1(hit.row, hit.col), title: hit.text, project: p.project });
        state.recognised.push({ id: 'P', sheet, cell: a1(hit.row, hit.col), title: hit.text, rows: p.indicators.length, pages: 1 });
        return;
      }
      if (entry.kind === 'unread') {
        const last = state.recognised[state.recognised.length - 1];
        if (profile.repeatsTitles && key === unreadKey && last) {
          state.recognised[state.recognised.length - 1] = { ...last, pages: last.pages + 1 };
          return;
        }
        const scope = new TableScope(state.sink, gi, sheet, 'N', undefined, hit.title);
        scope.report('tableNotRead', { title: hit.title, profile: profile.name, reason: entry.layout.reason }, hit.row, hit.col);
        state.recognised.push({ id: entry.layout.id, sheet, cell: a1(hit.row, hit.col), title: hit.title, rows: 0, pages: 1, notRead: entry.layout.reason });
        unreadKey = key;
        return;
      }
      open = openTable(state, grid, gi, sheet, merges, hit, end, entry);
      if (!open) {
        covered.push([hit.row, hit.row + hit.lines]);
        return;
      }
      openKey = key;
      covered.push([hit.row, readBody(open, grid, open.header.end, end)]);
    });
    close();
    readGeneric(state, grid, gi, sheet, merges, (r) => covered.some(([a, b]) => r >= a && r < b));
  });

  const amountUnit = documentUnit(state.units) ?? profile.unit;
  const others = state.others.map((o) => o.table);
  const model: Disclosure = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    unit: { name: options.unit?.name ?? state.names[0] ?? '', year: options.unit?.year ?? state.years[0] ?? 0 },
    document: { profile: profile.id, amountUnit },
    forms: state.forms as Forms,
    ...(others.length > 0 ? { tables: others } : {}),
    performance: state.performance,
  };
  return { model, sourceMap: state.sink.sourceMap, diagnostics: state.sink.diagnostics(), tables: state.tables, profile: profile.id, recognised: state.recognised };
}
