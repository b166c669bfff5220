/**
 * Row readers: data rows of a matched table → the body of a form, one reader
 * per body kind. Every figure and label read is put in the source map; a
 * cell that cannot be read becomes a diagnostic, never an exception.
 */
import { pathKey } from '../diagnostics/types.js';
import type { CellValue } from '../grid/grid.js';
import type { ColumnKey } from '../model/columns.js';
import { cellText, isBlank, labelText, nextContext, readAmount, resolveCode, type CellAt, type CodeResult } from './cells.js';
import type { HeaderMatch } from './header.js';
import type { TableScope } from './sink.js';
import { isTotalLabel, normalizeLabel, withoutOrdinal } from './text.js';
import type { Body, CodeScheme, FixedRow, FormLayout } from './types.js';

type Path = readonly (string | number)[];
type Values = Record<string, string>;

export interface RowView {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

export interface BodyReader {
  read(view: RowView): void;
  /** The form's body fields (rows, total, income/expense, previous/current …). */
  result(): Record<string, unknown>;
}

interface AmountField {
  readonly column: ColumnKey;
  readonly side: string | undefined;
  readonly col: number;
}

/** What every reader needs: where it is, which column holds which field. */
export class BodyContext {
  readonly fieldCol = new Map<string, number>();
  readonly amountCols = new Set<number>();
  readonly amounts: AmountField[] = [];

  constructor(
    readonly scope: TableScope,
    readonly base: Path,
    header: HeaderMatch,
  ) {
    for (const [col, leaf] of [...header.columns.entries()].sort((a, b) => a[0] - b[0])) {
      this.fieldCol.set(leaf.field, col);
      if (leaf.leaf.kind === 'amount') {
        this.amountCols.add(col);
        this.amounts.push({ column: leaf.leaf.column, side: leaf.leaf.side, col });
      }
    }
  }

  at(view: RowView, field: string): CellAt | undefined {
    const col = this.fieldCol.get(field);
    return col === undefined ? undefined : { value: view.cells[col] ?? null, col };
  }

  /**
   * Amounts of a row (those of one side when `side` is given) into a values
   * record. Each figure read goes into the source map; a blank cell does not
   * (the rules engine locates it by its row).
   */
  values(view: RowView, path: Path, rowKey: string, side?: string): Values {
    const out: Values = {};
    const key = pathKey(path);
    for (const a of this.amounts) {
      if (a.side !== side) continue;
      const r = readAmount(view.cells[a.col]);
      if (r.kind === 'amount') {
        out[a.column] = r.value;
        this.scope.map(`${key}.${a.column}`, view.row, a.col, rowKey, a.column);
      } else if (r.kind === 'invalid') this.scope.report('notANumber', { text: r.text }, view.row, a.col, [...path, a.column], rowKey, a.column);
    }
    return out;
  }

  hasAmount(view: RowView, side?: string): boolean {
    return this.amounts.some((a) => (side === undefined || a.side === side) && !isBlank(view.cells[a.col]));
  }

  /** A cell outside the amount columns that says 合计, wherever staff put it. */
  totalLabel(view: RowView): CellAt | undefined {
    for (let c = 0; c < view.cells.length; c++) {
      const v = view.cells[c];
      if (typeof v === 'string' && v.length <= 12 && v.includes('计') && !this.amountCols.has(c) && isTotalLabel(v)) return { value: v, col: c };
    }
    return undefined;
  }

  /** The row in a few words, for messages. */
  describe(view: RowView): { text: string; col: number } {
    const parts: string[] = [];
    let col = -1;
    for (let c = 0; c < view.cells.length && parts.length < 4; c++) {
      if (isBlank(view.cells[c])) continue;
      if (col < 0) col = c;
      parts.push(cellText(view.cells[c]).trim());
    }
    const text = parts.join(' ');
    return { text: text.length > 40 ? `${text.slice(0, 40)}…` : text, col: Math.max(col, 0) };
  }

  unknown(view: RowView): void {
    const d = this.describe(view);
    this.scope.report('unknownRow', { text: d.text }, view.row, d.col);
  }

  mapText(path: Path, view: RowView, cell: CellAt | undefined, rowKey: string, columnKey: string): void {
    if (cell) this.scope.map(path, view.row, cell.col, rowKey, columnKey);
  }
}

interface TotalRow {
  label?: string;
  values: Values;
}

/** The 合计 row shared by subject, economic and project bodies. */
class TotalSlot {
  total: TotalRow | undefined;

  constructor(private readonly ctx: BodyContext) {}

  /** Reads `view` as the total row; false when the form already has one. */
  take(view: RowView, label: CellAt | undefined): boolean {
    if (this.total) return false;
    const path = [...this.ctx.base, 'total'];
    const text = label ? labelText(label.value) : '';
    this.ctx.scope.map(path, view.row, label?.col ?? this.ctx.amounts[0]?.col ?? 0, 'total');
    if (label) this.ctx.mapText([...path, 'label'], view, label, 'total', 'label');
    const values = this.ctx.values(view, [...path, 'values'], 'total');
    this.total = text !== '' ? { label: text, values } : { values };
    return true;
  }
}

function reportCode(ctx: BodyContext, view: RowView, code: CodeResult, lengths: string): void {
  if (code.kind === 'bad') ctx.scope.report('badCode', { text: code.text, lengths }, view.row, code.col);
}

const LENGTHS: Readonly<Record<string, string>> = { '3,2,2': '3、5 或 7', '3,2': '3 或 5' };

/** The name of a coded row: its name cell, or the words after the code when both share a cell. */
function nameOf(code: Extract<CodeResult, { kind: 'code' }>, name: string, nameCell: CellAt | undefined): { name: string; at: CellAt } {
  const shared = nameCell !== undefined && code.col === nameCell.col;
  if (name !== '' && !shared) return { name, at: nameCell as CellAt };
  return { name: code.name ?? '', at: { value: null, col: code.col } };
}

function codeCells(ctx: BodyContext, view: RowView, scheme: CodeScheme, widths: readonly number[]): (CellAt | undefined)[] {
  return widths.map((_w, level) => ctx.at(view, `code:${scheme}:${level}`));
}

/** T02, T03, T05, T08, T09, T12. */
class SubjectReader implements BodyReader {
  private readonly totalSlot: TotalSlot;
  private readonly rows: { code: string; name: string; values: Values }[] = [];
  private context: (string | undefined)[] = [];

  constructor(
    private readonly ctx: BodyContext,
    private readonly body: Extract<Body, { kind: 'subjects' }>,
  ) {
    this.totalSlot = new TotalSlot(ctx);
  }

  read(view: RowView): void {
    const { ctx, body } = this;
    const label = ctx.totalLabel(view);
    if (label) {
      if (!this.totalSlot.take(view, label)) ctx.scope.report('duplicateRow', { text: labelText(label.value) }, view.row, label.col);
      return;
    }
    const nameCell = ctx.at(view, `name:${body.scheme}`);
    const code = resolveCode(codeCells(ctx, view, body.scheme, body.codeWidths), body.codeWidths, this.context, nameCell);
    if (code.kind === 'bad') return reportCode(ctx, view, code, LENGTHS[body.codeWidths.join(',')] ?? '');
    const name = labelText(nameCell?.value);
    if (code.kind === 'none') {
      if (name !== '') ctx.scope.report('missingCode', { text: name }, view.row, nameCell?.col ?? 0);
      else if (ctx.hasAmount(view) && this.rows.length === 0 && this.totalSlot.take(view, undefined)) return;
      else ctx.unknown(view);
      return;
    }
    this.context = nextContext(code.code, body.codeWidths);
    const i = this.rows.length;
    const path = [...ctx.base, 'rows', i];
    ctx.scope.map(path, view.row, code.col, code.code);
    ctx.scope.map([...path, 'code'], view.row, code.col, code.code, 'code');
    const named = nameOf(code, name, nameCell);
    ctx.mapText([...path, 'name'], view, named.at, code.code, 'name');
    this.rows.push({ code: code.code, name: named.name, values: ctx.values(view, [...path, 'values'], code.code) });
  }

  result(): Record<string, unknown> {
    const t = this.totalSlot.total;
    return t ? { total: t, rows: this.rows } : { rows: this.rows };
  }
}

interface EconomicSubject {
  code: string;
  name: string;
}

/** T06, T10: a departmental code beside an optional governmental one. */
class EconomicReader implements BodyReader {
  private readonly totalSlot: TotalSlot;
  private readonly rows: { department: EconomicSubject; government?: EconomicSubject; values: Values }[] = [];
  private readonly context: Record<'department' | 'government', (string | undefined)[]> = { department: [], government: [] };

  constructor(
    private readonly ctx: BodyContext,
    private readonly body: Extract<Body, { kind: 'economic' }>,
  ) {
    this.totalSlot = new TotalSlot(ctx);
  }

  private subject(view: RowView, scheme: 'department' | 'government'): { code: CodeResult; name: string; nameCell: CellAt | undefined } {
    const nameCell = this.ctx.at(view, `name:${scheme}`);
    const code = resolveCode(codeCells(this.ctx, view, scheme, this.body.codeWidths), this.body.codeWidths, this.context[scheme], nameCell);
    return { code, name: labelText(nameCell?.value), nameCell };
  }

  read(view: RowView): void {
    const { ctx, body } = this;
    const label = ctx.totalLabel(view);
    if (label) {
      if (!this.totalSlot.take(view, label)) ctx.scope.report('duplicateRow', { text: labelText(label.value) }, view.row, label.col);
      return;
    }
    const lengths = LENGTHS[body.codeWidths.join(',')] ?? '';
    const dep = this.subject(view, 'department');
    const gov = this.subject(view, 'government');
    if (dep.code.kind === 'bad') return reportCode(ctx, view, dep.code, lengths);
    if (gov.code.kind === 'bad') return reportCode(ctx, view, gov.code, lengths);
    if (dep.code.kind === 'none') {
      if (dep.name !== '' || gov.code.kind === 'code') ctx.scope.report('missingCode', { text: dep.name || cellText(gov.nameCell?.value) }, view.row, dep.nameCell?.col ?? 0);
      else if (ctx.hasAmount(view) && this.rows.length === 0 && this.totalSlot.take(view, undefined)) return;
      else ctx.unknown(view);
      return;
    }
    if (gov.code.kind === 'none' && gov.name !== '') {
      ctx.scope.report('missingCode', { text: gov.name }, view.row, gov.nameCell?.col ?? 0);
      return;
    }
    const depCode = dep.code;
    this.context.department = nextContext(depCode.code, body.codeWidths);
    const rowKey = gov.code.kind === 'code' ? `${depCode.code}/${gov.code.code}` : depCode.code;
    const i = this.rows.length;
    const path = [...ctx.base, 'rows', i];
    ctx.scope.map(path, view.row, depCode.col, rowKey);
    const subject = (scheme: 'department' | 'government', s: { code: CodeResult; name: string; nameCell: CellAt | undefined }): EconomicSubject | undefined => {
      if (s.code.kind !== 'code') return undefined;
      const p = [...path, scheme];
      ctx.scope.map([...p, 'code'], view.row, s.code.col, rowKey, `${scheme}.code`);
      const named = nameOf(s.code, s.name, s.nameCell);
      ctx.mapText([...p, 'name'], view, named.at, rowKey, `${scheme}.name`);
      return { code: s.code.code, name: named.name };
    };
    const department = subject('department', dep) as EconomicSubject;
    const government = subject('government', gov);
    if (government) this.context.government = nextContext(government.code, body.codeWidths);
    const values = ctx.values(view, [...path, 'values'], rowKey);
    this.rows.push(government ? { department, government, values } : { department, values });
  }

  result(): Record<string, unknown> {
    const t = this.totalSlot.total;
    return t ? { total: t, rows: this.rows } : { rows: this.rows };
  }
}

/** T11: one row per project. */
class ProjectReader implements BodyReader {
  private readonly totalSlot: TotalSlot;
  private readonly rows: { name: string; type?: string; values: Values }[] = [];

  constructor(private readonly ctx: BodyContext) {
    this.totalSlot = new TotalSlot(ctx);
  }

  read(view: RowView): void {
    const { ctx } = this;
    const label = ctx.totalLabel(view);
    if (label) {
      if (!this.totalSlot.take(view, label)) ctx.scope.report('duplicateRow', { text: labelText(label.value) }, view.row, label.col);
      return;
    }
    const nameCell = ctx.at(view, 'project');
    const name = labelText(nameCell?.value);
    if (name === '') {
      if (ctx.hasAmount(view) && this.rows.length === 0 && this.totalSlot.take(view, undefined)) return;
      ctx.unknown(view);
      return;
    }
    const typeCell = ctx.at(view, 'projectType');
    const type = labelText(typeCell?.value);
    const i = this.rows.length;
    const path = [...ctx.base, 'rows', i];
    ctx.scope.map(path, view.row, nameCell?.col ?? 0, name);
    ctx.mapText([...path, 'name'], view, nameCell, name, 'name');
    if (type !== '') ctx.mapText([...path, 'type'], view, typeCell, name, 'type');
    const values = ctx.values(view, [...path, 'values'], name);
    this.rows.push(type !== '' ? { name, type, values } : { name, values });
  }

  result(): Record<string, unknown> {
    const t = this.totalSlot.total;
    return t ? { total: t, rows: this.rows } : { rows: this.rows };
  }
}

const rowKeyCache = new WeakMap<Extract<Body, { kind: 'paired' }>, Record<'income' | 'expense', Map<string, string>>>();

function sideKeys(body: Extract<Body, { kind: 'paired' }>): Record<'income' | 'expense', Map<string, string>> {
  let keys = rowKeyCache.get(body);
  if (!keys) {
    keys = { income: rowKeys(body.pairs.map((p) => p[0])), expense: rowKeys(body.pairs.map((p) => p[1])) };
    rowKeyCache.set(body, keys);
  }
  return keys;
}

/** Label → row key of one side of T01/T04, by the standard label, its words without the ordinal, and aliases. */
function rowKeys(defs: readonly (FixedRow | null)[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const d of defs) {
    if (!d) continue;
    for (const l of [d.label, ...(d.aliases ?? [])]) {
      const n = normalizeLabel(l);
      if (!keys.has(n)) keys.set(n, d.key);
      if (!keys.has(withoutOrdinal(n))) keys.set(withoutOrdinal(n), d.key);
    }
  }
  return keys;
}

/** T01, T04: income and expense rows side by side, recognised by their labels. */
class PairedReader implements BodyReader {
  private readonly keys: Record<'income' | 'expense', Map<string, string>>;
  private readonly rows: Record<'income' | 'expense', { key: string; label: string; values: Values }[]> = { income: [], expense: [] };

  constructor(
    private readonly ctx: BodyContext,
    body: Extract<Body, { kind: 'paired' }>,
  ) {
    this.keys = sideKeys(body);
  }

  read(view: RowView): void {
    const { ctx } = this;
    let any = false;
    for (const side of ['income', 'expense'] as const) {
      const cell = ctx.at(view, `label:${side}`);
      const label = labelText(cell?.value);
      if (label === '') {
        if (ctx.hasAmount(view, side)) ctx.unknown(view);
        continue;
      }
      any = true;
      const n = normalizeLabel(label);
      const key = this.keys[side].get(n) ?? this.keys[side].get(withoutOrdinal(n));
      if (key === undefined) {
        ctx.scope.report('unknownRow', { text: label }, view.row, cell?.col ?? 0);
        continue;
      }
      const rows = this.rows[side];
      if (rows.some((r) => r.key === key)) {
        ctx.scope.report('duplicateRow', { text: label }, view.row, cell?.col ?? 0);
        continue;
      }
      const rowKey = `${side}.${key}`;
      const path = [...ctx.base, side, rows.length];
      ctx.scope.map(path, view.row, cell?.col ?? 0, rowKey);
      ctx.mapText([...path, 'label'], view, cell, rowKey, 'label');
      rows.push({ key, label, values: ctx.values(view, [...path, 'values'], rowKey, side) });
    }
    if (!any && !ctx.hasAmount(view)) ctx.unknown(view);
  }

  result(): Record<string, unknown> {
    return { income: this.rows.income, expense: this.rows.expense };
  }
}

/** T07: one row of figures for the previous and the budget year. */
class YearsReader implements BodyReader {
  private read1 = false;
  private previous: Values = {};
  private current: Values = {};

  constructor(private readonly ctx: BodyContext) {}

  read(view: RowView): void {
    if (!this.ctx.hasAmount(view) || this.read1) {
      this.ctx.unknown(view);
      return;
    }
    this.read1 = true;
    for (const side of ['previous', 'current'] as const) {
      const first = this.ctx.amounts.find((a) => a.side === side);
      if (first) this.ctx.scope.map([...this.ctx.base, side], view.row, first.col, side);
    }
    this.previous = this.ctx.values(view, [...this.ctx.base, 'previous'], 'previous', 'previous');
    this.current = this.ctx.values(view, [...this.ctx.base, 'current'], 'current', 'current');
  }

  result(): Record<string, unknown> {
    return { previous: this.previous, current: this.current };
  }
}

export function bodyReader(layout: FormLayout, ctx: BodyContext): BodyReader {
  const body = layout.body;
  switch (body.kind) {
    case 'subjects':
      return new SubjectReader(ctx, body);
    case 'economic':
      return new EconomicReader(ctx, body);
    case 'projects':
      return new ProjectReader(ctx);
    case 'paired':
      return new PairedReader(ctx, body);
    case 'years':
      return new YearsReader(ctx);
  }
}

