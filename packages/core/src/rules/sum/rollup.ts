import { FORM_COLUMNS, type ColumnKey, type FormId } from '../../model/columns.js';
import type { OtherTable } from '../../model/schema.js';
import { defineRule, type CellRef, type RuleContext } from '../engine/types.js';
import { publishesColumn } from '../../profiles/published.js';
import { CODED_FORMS, ECONOMIC_FORMS, codedRef, economicRef, economicRowKey, tableRef, threePublicRef, totalRef, type CodedFormId, type EconomicFormId } from '../refs.js';

type Msg = 'rollup' | 'total';

/** One rollup equation per column: parent = Σ children (a 合计 = Σ 类). */
function rollup(ctx: RuleContext<Msg>, messageId: Msg, columns: readonly ColumnKey[], parent: (c: ColumnKey) => CellRef, children: ((c: ColumnKey) => CellRef)[], level: string) {
  if (children.length === 0) return;
  for (const c of columns) {
    ctx.equation({ messageId, data: { level }, rounding: true, terms: [{ ref: parent(c), coef: 1 }, ...children.map((ch) => ({ ref: ch(c), coef: -1 as const }))] });
  }
}

export default defineRule({
  id: 'sum/rollup',
  family: 'sum',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '类 = Σ款，款 = Σ项，合计 = Σ类', en: 'Each 类 is the sum of its 款, each 款 of its 项, the total of the 类' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：支出功能分类公开到项级科目；部门预算表内逐级汇总',
  },
  messages: {
    rollup: { 'zh-CN': '{where} 为 {actual}，其下级{level}科目合计为 {expected}（差 {difference}）', en: '{where} is {actual}; its {level} rows sum to {expected} (difference {difference})' },
    total: { 'zh-CN': '{where} 为 {actual}，各{level}合计为 {expected}（差 {difference}）', en: '{where} is {actual}; the {level} rows sum to {expected} (difference {difference})' },
  },
  check(ctx) {
    const { forms } = ctx.model;
    // the columns the document's template has (other templates' columns are never blank figures of the reference's)
    const columnsOf = (form: CodedFormId | EconomicFormId): ColumnKey[] => FORM_COLUMNS[form].filter((c) => publishesColumn(ctx.model, form, '', c));
    for (const form of CODED_FORMS) {
      const table = forms[form];
      if (!table) continue;
      const cols = columnsOf(form);
      const rows = table.rows.map((r, i) => ({ code: r.code, i }));
      const classes = rows.filter((r) => r.code.length === 3);
      for (const parent of rows.filter((r) => r.code.length < 7)) {
        const kids = rows.filter((r) => r.code.length === parent.code.length + 2 && r.code.startsWith(parent.code));
        rollup(ctx, 'rollup', cols, (c) => codedRef(form, parent.i, parent.code, c), kids.map((k) => (c: ColumnKey) => codedRef(form, k.i, k.code, c)), parent.code.length === 3 ? '款' : '项');
      }
      if (table.total) rollup(ctx, 'total', cols, (c) => totalRef(form, c), classes.map((k) => (c: ColumnKey) => codedRef(form, k.i, k.code, c)), '类');
    }
    for (const form of ECONOMIC_FORMS) {
      const table = forms[form];
      if (!table) continue;
      const cols = columnsOf(form);
      const rows = table.rows.map((r, i) => ({ code: r.department.code, key: economicRowKey(r), i }));
      const classes = rows.filter((r) => r.code.length === 3);
      for (const parent of classes) {
        const kids = rows.filter((r) => r.code.length === 5 && r.code.startsWith(parent.code));
        rollup(ctx, 'rollup', cols, (c) => economicRef(form, parent.i, parent.key, c), kids.map((k) => (c: ColumnKey) => economicRef(form, k.i, k.key, c)), '款');
      }
      if (table.total) rollup(ctx, 'total', cols, (c) => totalRef(form, c), classes.map((k) => (c: ColumnKey) => economicRef(form, k.i, k.key, c)), '类');
    }
    (ctx.model.tables ?? []).forEach((table, t) => tableRollups(ctx, table, t));
  },
});

/** The cell of a standard form that holds a table's total in one column (a table of rows per 预算单位 under that form's 合计 row). */
function formTotalCell(form: FormId, key: string): CellRef {
  const dot = key.indexOf('.');
  if (form === 'T07' && dot > 0) return threePublicRef(key.slice(0, dot) as 'previous' | 'current', key.slice(dot + 1) as ColumnKey);
  return totalRef(form, key as ColumnKey);
}

/**
 * Rollups of a table beyond the standard forms, by its codes: function codes
 * 类 = Σ款, 款 = Σ项, 合计 = Σ类; economic codes 类 = Σ款 (each 部门/政府 pair a
 * row), 合计 = Σ类; 预算单位 codes 部门 = Σ its 单位 (241 = Σ 241001 …), 合计 = Σ部门.
 * Rows without a code (the projects of a unit) are in no rollup.
 */
function tableRollups(ctx: RuleContext<Msg>, table: OtherTable, t: number): void {
  const cols = table.columns.map((c) => c.key) as ColumnKey[];
  const cell = (i: number) => (c: ColumnKey) => tableRef(ctx.model, t, i, c);
  const coded = table.rows.flatMap((r, i) => (r.code !== undefined ? [{ code: r.code, i }] : []));
  const totalCell = (c: ColumnKey): CellRef => (table.totalOf !== undefined ? formTotalCell(table.totalOf, c) : tableRef(ctx.model, t, 'total', c));
  const hasTotal = table.totalOf !== undefined || table.total !== undefined;
  if (table.codes === 'function' || table.codes === 'economic') {
    const deepest = table.codes === 'function' ? 7 : 5;
    for (const parent of coded.filter((r) => r.code.length < deepest)) {
      const kids = coded.filter((r) => r.code.length === parent.code.length + 2 && r.code.startsWith(parent.code));
      rollup(ctx, 'rollup', cols, cell(parent.i), kids.map((k) => cell(k.i)), parent.code.length === 3 ? '款' : '项');
    }
    if (hasTotal) rollup(ctx, 'total', cols, totalCell, coded.filter((r) => r.code.length === 3).map((k) => cell(k.i)), '类');
    return;
  }
  if (table.codes !== 'unit' || coded.length === 0) return;
  const top = Math.min(...coded.map((r) => r.code.length));
  const departments = coded.filter((r) => r.code.length === top);
  for (const d of departments) {
    const units = coded.filter((r) => r.code.length > top && r.code.startsWith(d.code));
    const next = Math.min(...units.map((u) => u.code.length));
    rollup(ctx, 'rollup', cols, cell(d.i), units.filter((u) => u.code.length === next).map((u) => cell(u.i)), '预算单位');
  }
  if (hasTotal) rollup(ctx, 'total', cols, totalCell, departments.map((d) => cell(d.i)), departments.length === coded.length ? '预算单位' : '部门');
}
