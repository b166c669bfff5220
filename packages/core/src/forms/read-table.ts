/**
 * Reading a table beyond the standard forms (model.tables): a table of another
 * template profile, or a table of no known profile recognised by its code and
 * amount columns. Rows carry a function code (类/款/项, split or whole), an
 * economic code (部门, beside an optional 政府 code), the code of a 预算单位, or
 * only a name; amounts are kept by column key. Like the form readers, every
 * figure is put in the source map and a cell that cannot be read becomes a
 * diagnostic, never an exception.
 */
import { pathKey } from '../diagnostics/types.js';
import type { CellValue } from '../grid/grid.js';
import type { OtherTable } from '../model/schema.js';
import { cellText, isBlank, labelText, nextContext, readAmount, resolveCode, type AmountRead, type CellAt, type CodeResult } from './cells.js';
import type { HeaderMatch } from './header.js';
import type { RowView } from './read-rows.js';
import type { TableScope } from './sink.js';
import { isTotalLabel } from './text.js';
import type { CodeScheme, RowFormula, TableLayout } from './types.js';

type Row = OtherTable['rows'][number];
type Values = Record<string, string>;

interface ValueColumn {
  readonly key: string;
  readonly label: string;
  readonly col: number;
}

const WIDTHS: Readonly<Record<'function' | 'economic', readonly number[]>> = { function: [3, 2, 2], economic: [3, 2] };
const LENGTHS: Readonly<Record<'function' | 'economic', string>> = { function: '3、5 或 7', economic: '3 或 5' };
/** A 预算单位 code: 3 to 12 digits (部门 241, 单位 241001), alone or before the unit's name (`106_长沙市公安局`). */
const UNIT_CODE = /^([0-9]{3,12})(?:[_\s-]+(.*))?$/u;
/** The end of a header word pushed into the first row of figures (`入0.00` under 对附属单位上缴收). */
const LEAKED_HEADER = /^[\u4e00-\u9fff]{1,2}(?=[-0-9])/u;

export class TableReader {
  private readonly fieldCol = new Map<string, number>();
  private readonly columns: ValueColumn[] = [];
  private readonly rows: Row[] = [];
  private total: { label?: string; values: Values } | undefined;
  private readonly context: Record<'function' | 'department' | 'government', (string | undefined)[]> = { function: [], department: [], government: [] };
  private first = true;

  constructor(
    private readonly scope: TableScope,
    private readonly base: readonly (string | number)[],
    private readonly layout: Pick<TableLayout, 'codes'>,
    header: HeaderMatch,
    labels: ReadonlyMap<number, string>,
  ) {
    for (const [col, leaf] of [...header.columns.entries()].sort((a, b) => a[0] - b[0])) {
      this.fieldCol.set(leaf.field, col);
      if (leaf.leaf.kind === 'value') this.columns.push({ key: leaf.leaf.key, label: labels.get(col) ?? leaf.leaf.key, col });
    }
  }

  /** The amount columns read, in order. */
  valueColumns(): readonly { key: string; label: string }[] {
    return this.columns.map(({ key, label }) => ({ key, label }));
  }

  private at(view: RowView, field: string): CellAt | undefined {
    const col = this.fieldCol.get(field);
    return col === undefined ? undefined : { value: view.cells[col] ?? null, col };
  }

  private amount(v: CellValue | undefined): AmountRead {
    const r = readAmount(v);
    if (r.kind !== 'invalid' || !this.first || typeof v !== 'string') return r;
    const leaked = LEAKED_HEADER.exec(v.trim());
    return leaked ? readAmount(v.trim().slice(leaked[0].length)) : r;
  }

  private values(view: RowView, path: readonly (string | number)[], rowKey: string): Values {
    const out: Values = {};
    const key = pathKey(path);
    for (const c of this.columns) {
      const r = this.amount(view.cells[c.col]);
      if (r.kind === 'amount') {
        out[c.key] = r.value;
        this.scope.map(`${key}.${c.key}`, view.row, c.col, rowKey, c.key);
      } else if (r.kind === 'invalid') this.scope.report('notANumber', { text: r.text }, view.row, c.col, [...path, c.key], rowKey, c.key);
    }
    return out;
  }

  private hasAmount(view: RowView): boolean {
    return this.columns.some((c) => !isBlank(view.cells[c.col]));
  }

  private totalLabel(view: RowView): CellAt | undefined {
    const amounts = new Set(this.columns.map((c) => c.col));
    for (let c = 0; c < view.cells.length; c++) {
      const v = view.cells[c];
      if (typeof v === 'string' && v.length <= 12 && v.includes('计') && !amounts.has(c) && isTotalLabel(v)) return { value: v, col: c };
    }
    return undefined;
  }

  private subject(view: RowView, scheme: 'function' | 'department' | 'government'): { code: CodeResult; name: string; nameCell: CellAt | undefined } {
    const widths = WIDTHS[scheme === 'function' ? 'function' : 'economic'];
    const nameCell = this.at(view, `name:${scheme}`);
    const cells = widths.map((_w, level) => this.at(view, `code:${scheme}:${level}`));
    return { code: resolveCode(cells, widths, this.context[scheme], nameCell), name: labelText(nameCell?.value), nameCell };
  }

  private unit(view: RowView): { code?: string; name: string; col: number } {
    const codeCell = this.at(view, 'code:unit:0');
    const nameCell = this.at(view, 'name:unit');
    const codeText = codeCell ? cellText(codeCell.value).trim() : '';
    const name = labelText(nameCell?.value);
    const own = UNIT_CODE.exec(codeText);
    if (own?.[1] !== undefined && own[2] === undefined) return { code: own[1], name, col: codeCell?.col ?? 0 };
    const inName = UNIT_CODE.exec(name);
    if (inName?.[1] !== undefined && inName[2] !== undefined) return { code: inName[1], name: labelText(inName[2]), col: nameCell?.col ?? 0 };
    return { name, col: nameCell?.col ?? codeCell?.col ?? 0 };
  }

  private push(view: RowView, row: Omit<Row, 'values'>, col: number): void {
    const i = this.rows.length;
    const path = [...this.base, 'rows', i];
    const rowKey = row.code !== undefined ? (row.government !== undefined ? `${row.code}/${row.government}` : row.code) : row.name;
    this.scope.map(path, view.row, col, rowKey);
    this.rows.push({ ...row, values: this.values(view, [...path, 'values'], rowKey) });
  }

  read(view: RowView): void {
    try {
      this.readRow(view);
    } finally {
      this.first = false;
    }
  }

  private readRow(view: RowView): void {
    const label = this.totalLabel(view);
    if (label) {
      if (this.total) {
        this.scope.report('duplicateRow', { text: labelText(label.value) }, view.row, label.col);
        return;
      }
      const path = [...this.base, 'total'];
      this.scope.map(path, view.row, label.col, 'total');
      const text = labelText(label.value);
      this.total = { ...(text !== '' ? { label: text } : {}), values: this.values(view, [...path, 'values'], 'total') };
      return;
    }
    const codes = this.layout.codes;
    if (codes === 'function' || codes === 'economic') {
      const scheme: CodeScheme = codes === 'function' ? 'function' : 'department';
      const s = this.subject(view, scheme);
      if (s.code.kind === 'bad') {
        this.scope.report('badCode', { text: s.code.text, lengths: LENGTHS[codes] }, view.row, s.code.col);
        return;
      }
      if (s.code.kind === 'none') {
        if (s.name !== '') this.scope.report('missingCode', { text: s.name }, view.row, s.nameCell?.col ?? 0);
        else if (this.hasAmount(view)) this.unknown(view);
        return;
      }
      const code = s.code;
      this.context[scheme] = nextContext(code.code, WIDTHS[codes]);
      const name = s.name !== '' && s.nameCell?.col !== code.col ? s.name : (code.name ?? '');
      if (codes === 'function') {
        this.push(view, { code: code.code, name }, code.col);
        return;
      }
      const g = this.subject(view, 'government');
      if (g.code.kind === 'bad') {
        this.scope.report('badCode', { text: g.code.text, lengths: LENGTHS.economic }, view.row, g.code.col);
        return;
      }
      if (g.code.kind === 'code') this.context.government = nextContext(g.code.code, WIDTHS.economic);
      this.push(view, g.code.kind === 'code' ? { code: code.code, government: g.code.code, name } : { code: code.code, name }, code.col);
      return;
    }
    if (codes === 'unit') {
      const u = this.unit(view);
      if (u.code === undefined && u.name === '' && !this.hasAmount(view)) return;
      if (u.code === undefined && u.name === '') return this.unknown(view);
      this.push(view, u.code !== undefined ? { code: u.code, name: u.name } : { name: u.name }, u.col);
      return;
    }
    const first = view.cells.findIndex((v, c) => !isBlank(v) && !this.columns.some((k) => k.col === c));
    const name = first < 0 ? '' : labelText(view.cells[first]);
    if (name === '') {
      if (this.hasAmount(view)) this.unknown(view);
      return;
    }
    this.push(view, { name }, first);
  }

  private unknown(view: RowView): void {
    const parts: string[] = [];
    let col = -1;
    for (let c = 0; c < view.cells.length && parts.length < 4; c++) {
      if (isBlank(view.cells[c])) continue;
      if (col < 0) col = c;
      parts.push(cellText(view.cells[c]).trim());
    }
    const text = parts.join(' ');
    this.scope.report('unknownRow', { text: text.length > 40 ? `${text.slice(0, 40)}…` : text }, view.row, Math.max(col, 0));
  }

  /**
   * The table's rows and total, and the formulas that hold among its published
   * columns: a formula whose total column is not in the table is left out; a
   * part not in the table is a source the table does not have (zero).
   */
  result(formulas: readonly RowFormula[]): Pick<OtherTable, 'columns' | 'formulas' | 'rows'> & { total?: OtherTable['total'] } {
    const keys = new Set(this.columns.map((c) => c.key));
    const kept = formulas.flatMap((f) => {
      if (!keys.has(f.total)) return [];
      const parts = f.parts.filter((p) => keys.has(p.replace(/^-/, '')));
      return parts.length === 0 ? [] : [{ total: f.total, parts }];
    });
    return { columns: [...this.valueColumns()], formulas: kept, rows: this.rows, ...(this.total ? { total: this.total } : {}) };
  }
}
