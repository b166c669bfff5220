import { FORM_COLUMNS, type ColumnKey } from '../../model/columns.js';
import { defineRule, type CellRef, type RuleContext } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, codedRef, economicRef, economicRowKey, totalRef } from '../refs.js';

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
    for (const form of CODED_FORMS) {
      const table = forms[form];
      if (!table) continue;
      const cols = FORM_COLUMNS[form];
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
      const cols = FORM_COLUMNS[form];
      const rows = table.rows.map((r, i) => ({ code: r.department.code, key: economicRowKey(r), i }));
      const classes = rows.filter((r) => r.code.length === 3);
      for (const parent of classes) {
        const kids = rows.filter((r) => r.code.length === 5 && r.code.startsWith(parent.code));
        rollup(ctx, 'rollup', cols, (c) => economicRef(form, parent.i, parent.key, c), kids.map((k) => (c: ColumnKey) => economicRef(form, k.i, k.key, c)), '款');
      }
      if (table.total) rollup(ctx, 'total', cols, (c) => totalRef(form, c), classes.map((k) => (c: ColumnKey) => economicRef(form, k.i, k.key, c)), '类');
    }
  },
});
