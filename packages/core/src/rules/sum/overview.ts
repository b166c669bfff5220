import { FUNCTION_CLASSES, type ColumnKey } from '../../model/columns.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { overviewCell } from '../refs.js';

type Msg = 'subtotal';
type Side = 'income' | 'expense';

/** A subtotal of an overview form: `key` = Σ `parts` on one side. */
interface OverviewFormula {
  readonly side: Side;
  readonly key: string;
  readonly parts: readonly string[];
}

const CLASSES = FUNCTION_CLASSES.map(([c]) => c);

export const OVERVIEW_FORMULAS: Readonly<Record<'T01' | 'T04', readonly OverviewFormula[]>> = {
  T01: [
    { side: 'income', key: 'fiscal', parts: ['gpb', 'gfb', 'soc'] },
    { side: 'income', key: 'currentTotal', parts: ['fiscal', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome'] },
    { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'] },
    { side: 'expense', key: 'currentTotal', parts: CLASSES },
    { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'subsidyToAffiliates', 'remitToSuperior', 'carryForward'] },
  ],
  T04: [
    { side: 'income', key: 'currentTotal', parts: ['gpb', 'gfb', 'soc'] },
    { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'carryOver'] },
    { side: 'expense', key: 'currentTotal', parts: CLASSES },
    { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'carryForward'] },
  ],
};

function columns(form: 'T01' | 'T04', side: Side): readonly ColumnKey[] {
  return form === 'T04' && side === 'expense' ? ['total', 'gpb', 'gfb', 'soc'] : ['amount'];
}

function subtotals(ctx: RuleContext<Msg>, form: 'T01' | 'T04') {
  if (!ctx.model.forms[form]) return;
  for (const f of OVERVIEW_FORMULAS[form]) {
    for (const c of columns(form, f.side)) {
      ctx.equation({
        messageId: 'subtotal',
        rounding: true,
        terms: [{ ref: overviewCell(ctx.model, form, f.side, f.key, c), coef: 1 }, ...f.parts.map((p) => ({ ref: overviewCell(ctx.model, form, f.side, p, c), coef: -1 as const }))],
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
