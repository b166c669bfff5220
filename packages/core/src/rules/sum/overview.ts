import type { ColumnKey } from '../../model/columns.js';
import { REFERENCE_OVERVIEW_FORMULAS } from '../../profiles/data/shandong.js';
import { overviewFormulasFor, profileById } from '../../profiles/registry.js';
import type { OverviewFormula } from '../../profiles/types.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { overviewCell } from '../refs.js';

type Msg = 'subtotal';
type Side = 'income' | 'expense';

/** The subtotals of the reference's overview forms (profiles/data/shandong.ts); other profiles state their own. */
export const OVERVIEW_FORMULAS: Readonly<Record<'T01' | 'T04', readonly OverviewFormula[]>> = REFERENCE_OVERVIEW_FORMULAS;

function columns(form: 'T01' | 'T04', side: Side): readonly ColumnKey[] {
  return form === 'T04' && side === 'expense' ? ['total', 'gpb', 'gfb', 'soc'] : ['amount'];
}

/**
 * The subtotals of a form, as its profile states them. Where the profile's
 * rows vary between documents (absentOverviewRows: unknown), a subtotal whose
 * row is not printed is not checked, and a part not printed adds nothing.
 */
function subtotals(ctx: RuleContext<Msg>, form: 'T01' | 'T04') {
  const table = ctx.model.forms[form];
  if (!table) return;
  const varying = profileById(ctx.model.document.profile)?.absentOverviewRows === 'unknown';
  const printed = (side: Side, key: string) => table[side].some((r) => r.key === key);
  for (const f of overviewFormulasFor(ctx.model.document.profile, form)) {
    if (varying && !printed(f.side, f.key)) continue;
    const parts = varying ? f.parts.filter((p) => printed(f.side, p)) : f.parts;
    for (const c of columns(form, f.side)) {
      ctx.equation({
        messageId: 'subtotal',
        rounding: true,
        terms: [{ ref: overviewCell(ctx.model, form, f.side, f.key, c), coef: 1 }, ...parts.map((p) => ({ ref: overviewCell(ctx.model, form, f.side, p, c), coef: -1 as const }))],
      });
    }
  }
}

export default defineRule({
  id: 'sum/overview',
  family: 'sum',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '收支总表的小计与总计等于其各行之和', en: 'Subtotals and totals of the overview forms are the sums of their rows' },
    source: '部门预算公开表样（收支总体情况表、财政拨款收支总体情况表）：本年收入合计、收入总计、本年支出合计、支出总计、财政拨款收入 = 三项预算收入',
  },
  messages: {
    subtotal: { 'zh-CN': '{where} 为 {actual}，其构成各行之和为 {expected}（差 {difference}）', en: '{where} is {actual}; the rows it totals sum to {expected} (difference {difference})' },
  },
  check(ctx) {
    subtotals(ctx, 'T01');
    subtotals(ctx, 'T04');
  },
});
