import { FUNCTION_CLASSES } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { codedCell, formTotal, overviewCell } from '../refs.js';
import { published, same } from './_shared.js';

export default defineRule({
  id: 'cross/expense',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '支出总体情况表与收支总体情况表支出一致；收入表与支出表按科目一致', en: "T03's total and 类 rows equal T01's expense side; T02 and T03 agree per code" },
    source: '财政部部门预算公开检查发现的常见问题：表间数据不一致；部门预算公开表样的表间关系',
  },
  messages: {
    total: { 'zh-CN': '{where} 为 {actual}，表一本年支出合计为 {expected}（差 {difference}）', en: "{where} is {actual}; T01's current-year expenditure is {expected} (difference {difference})" },
    carryForward: { 'zh-CN': '{where} 为 {actual}，表一结转下年为 {expected}（差 {difference}）', en: "{where} is {actual}; T01's carry-forward is {expected} (difference {difference})" },
    classRow: { 'zh-CN': '{where} 为 {actual}，表一同类支出为 {expected}（差 {difference}）', en: "{where} is {actual}; T01's row of the same class is {expected} (difference {difference})" },
    perCode: { 'zh-CN': '{where} 为 {actual}，表三同一科目的支出合计与结转下年之和为 {expected}（差 {difference}）', en: "{where} is {actual}; T03's expenditure plus carry-forward for the same code is {expected} (difference {difference})" },
  },
  check(ctx) {
    const m = ctx.model;
    const t03 = m.forms.T03;
    if (published(m, 'T01', 'T03') && t03) {
      same(ctx, 'total', formTotal(m, 'T03', 'total'), overviewCell(m, 'T01', 'expense', 'currentTotal', 'amount'));
      same(ctx, 'carryForward', formTotal(m, 'T03', 'carryForward'), overviewCell(m, 'T01', 'expense', 'carryForward', 'amount'));
      for (const [code] of FUNCTION_CLASSES) {
        same(ctx, 'classRow', codedCell(m, 'T03', code, 'total'), overviewCell(m, 'T01', 'expense', code, 'amount'));
      }
    }
    const t02 = m.forms.T02;
    if (t02 && t03) {
      const codes = [...new Set([...t02.rows.map((r) => r.code), ...t03.rows.map((r) => r.code)])];
      for (const code of codes) {
        ctx.equation({
          messageId: 'perCode',
          terms: [
            { ref: codedCell(m, 'T02', code, 'total'), coef: 1 },
            { ref: codedCell(m, 'T03', code, 'total'), coef: -1 },
            { ref: codedCell(m, 'T03', code, 'carryForward'), coef: -1 },
          ],
        });
      }
    }
  },
});
