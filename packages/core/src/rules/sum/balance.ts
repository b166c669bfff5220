import type { ColumnKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { overviewCell } from '../refs.js';

export default defineRule({
  id: 'sum/balance',
  family: 'sum',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '收入总计等于支出总计（表一、表四，表四分资金性质）', en: 'Total income equals total expenditure (T01, T04, and per fund in T04)' },
    source: '部门预算收支平衡原则（《预算法》第十二条“各级预算应当遵循统筹兼顾、勤俭节约、量力而行、讲求绩效和收支平衡的原则”）；部门预算公开表样',
  },
  messages: {
    unbalanced: { 'zh-CN': '{where} 为 {actual}，与收入总计 {expected} 不相等（差 {difference}）', en: '{where} is {actual}, not equal to total income {expected} (difference {difference})' },
    fundUnbalanced: { 'zh-CN': '{where} 为 {actual}，与{fund}收入 {expected} 不相等（差 {difference}）', en: '{where} is {actual}, not equal to the {fund} income {expected} (difference {difference})' },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.forms.T01) {
      ctx.equation({
        messageId: 'unbalanced',
        terms: [
          { ref: overviewCell(m, 'T01', 'expense', 'grandTotal', 'amount'), coef: 1 },
          { ref: overviewCell(m, 'T01', 'income', 'grandTotal', 'amount'), coef: -1 },
        ],
      });
    }
    const t04 = m.forms.T04;
    if (!t04) return;
    ctx.equation({
      messageId: 'unbalanced',
      terms: [
        { ref: overviewCell(m, 'T04', 'expense', 'grandTotal', 'total'), coef: 1 },
        { ref: overviewCell(m, 'T04', 'income', 'grandTotal', 'amount'), coef: -1 },
      ],
    });
    // Per fund: carry-over rows are not split by fund in the published form, so the per-fund
    // balance is checked where nothing is carried over or forward.
    const carried = [overviewCell(m, 'T04', 'income', 'carryOver', 'amount'), overviewCell(m, 'T04', 'expense', 'carryForward', 'total')].some((r) => {
      const v = ctx.amount(r.path);
      return v !== undefined && v !== null && !v.isZero();
    });
    if (carried) return;
    const funds: readonly [ColumnKey, string][] = [
      ['gpb', '一般公共预算'],
      ['gfb', '政府性基金预算'],
      ['soc', '国有资本经营预算'],
    ];
    for (const [fund, name] of funds) {
      ctx.equation({
        messageId: 'fundUnbalanced',
        data: { fund: name },
        terms: [
          { ref: overviewCell(m, 'T04', 'expense', 'currentTotal', fund), coef: 1 },
          { ref: overviewCell(m, 'T04', 'income', fund, 'amount'), coef: -1 },
        ],
      });
    }
  },
});
