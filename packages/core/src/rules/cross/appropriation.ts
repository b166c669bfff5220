import { Amount } from '../../amount/amount.js';
import { FUNCTION_CLASSES, type ColumnKey } from '../../model/columns.js';
import { canonicalAmount } from '../../model/schema.js';
import { defineRule } from '../engine/types.js';
import { codedCell, codedRef, formTotal, overviewCell } from '../refs.js';
import { published, same } from './_shared.js';

/** T04 expense column → the fund form it must equal. */
const FUND_FORMS: readonly (readonly [ColumnKey, 'T05' | 'T08' | 'T09'])[] = [
  ['gpb', 'T05'],
  ['gfb', 'T08'],
  ['soc', 'T09'],
];

export default defineRule({
  id: 'cross/appropriation',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '财政拨款收支总表各资金列与表五、表八、表九一致；一般公共预算支出不超过总支出', en: "T04's fund columns equal T05, T08 and T09; T05 never exceeds T03" },
    source: '财政部部门预算公开检查发现的常见问题：表间数据不一致；部门预算公开表样的表间关系',
  },
  messages: {
    fundClass: { 'zh-CN': '{where} 为 {actual}，{fundForm}同类合计为 {expected}（差 {difference}）', en: '{where} is {actual}; the same class in {fundForm} is {expected} (difference {difference})' },
    fundTotal: { 'zh-CN': '{where} 为 {actual}，{fundForm}合计为 {expected}（差 {difference}）', en: '{where} is {actual}; the total of {fundForm} is {expected} (difference {difference})' },
    exceeds: { 'zh-CN': '表五 {code} {name} 一般公共预算支出 {actual} 超过表三同一科目的支出合计 {expected}', en: 'T05 {code} {name}: general-budget spending {actual} exceeds T03 total spending {expected} for the code' },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.forms.T04) {
      for (const [col, form] of FUND_FORMS) {
        if (!published(m, form)) continue;
        const fundForm = form === 'T05' ? '表五' : form === 'T08' ? '表八' : '表九';
        same(ctx, 'fundTotal', overviewCell(m, 'T04', 'expense', 'currentTotal', col), formTotal(m, form, 'total'), { fundForm });
        for (const [code] of FUNCTION_CLASSES) {
          same(ctx, 'fundClass', overviewCell(m, 'T04', 'expense', code, col), codedCell(m, form, code, 'total'), { fundForm });
        }
      }
    }
    const t05 = m.forms.T05;
    if (!t05 || !m.forms.T03) return;
    t05.rows.forEach((row, i) => {
      const gpb = ctx.amount(['forms', 'T05', 'rows', i, 'values', 'total']);
      if (!gpb || gpb.isZero()) return;
      const t03Ref = codedCell(m, 'T03', row.code, 'total');
      const all = ctx.amount(t03Ref.path);
      if (all === null) return;
      const limit = all ?? Amount.ZERO;
      if (gpb.cmp(limit) > 0) {
        ctx.report({
          messageId: 'exceeds',
          data: { code: row.code, name: row.name, actual: canonicalAmount(gpb), expected: canonicalAmount(limit) },
          location: codedRef('T05', i, row.code, 'total').location,
          expected: canonicalAmount(limit),
          actual: canonicalAmount(gpb),
          related: [t03Ref.location],
        });
      }
    });
  },
});
