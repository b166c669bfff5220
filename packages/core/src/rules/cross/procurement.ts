import { Amount } from '../../amount/amount.js';
import { canonicalAmount } from '../../model/schema.js';
import { defineRule } from '../engine/types.js';
import { codedCell, codedRef, formTotal } from '../refs.js';
import { figure, same } from './_shared.js';

export default defineRule({
  id: 'cross/procurement',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '政府采购预算的科目在支出表中且不超过其支出；合计与说明一致，且等于货物、工程、服务之和', en: 'T12 codes exist in T03 within their spending; T12 total equals the narrative 政府采购 = goods + works + services' },
    source: '财预〔2016〕143号：部门预算公开应说明政府采购情况；部门预算公开表样的表间关系',
  },
  messages: {
    notInT03: { 'zh-CN': '表十二 {code} {name} 的政府采购预算 {actual} 在表三中没有对应支出', en: 'T12 {code} {name}: procurement {actual} has no spending under the code in T03' },
    exceeds: { 'zh-CN': '表十二 {code} {name} 的政府采购预算 {actual} 超过表三同一科目的支出 {expected}', en: 'T12 {code} {name}: procurement {actual} exceeds the T03 spending {expected} for the code' },
    narrativeTotal: { 'zh-CN': '说明中的政府采购预算 {actual} 与表十二合计 {expected} 不一致（差 {difference}）', en: 'the narrative procurement total {actual} differs from the T12 total {expected} (difference {difference})' },
    split: { 'zh-CN': '说明中的政府采购预算 {actual} 不等于货物、工程、服务之和 {expected}（差 {difference}）', en: 'the narrative procurement total {actual} is not goods + works + services {expected} (difference {difference})' },
  },
  check(ctx) {
    const m = ctx.model;
    const t12 = m.forms.T12;
    if (t12 && m.forms.T03) {
      t12.rows.forEach((row, i) => {
        const amount = ctx.amount(['forms', 'T12', 'rows', i, 'values', 'total']);
        if (!amount || amount.isZero()) return;
        const t03 = codedCell(m, 'T03', row.code, 'total');
        const spend = ctx.amount(t03.path);
        if (spend === null) return;
        const here = codedRef('T12', i, row.code, 'total').location;
        if (!m.forms.T03?.rows.some((r) => r.code === row.code)) {
          ctx.report({ messageId: 'notInT03', data: { code: row.code, name: row.name, actual: canonicalAmount(amount) }, location: here, actual: canonicalAmount(amount) });
        } else if (amount.cmp(spend ?? Amount.ZERO) > 0) {
          const limit = canonicalAmount(spend ?? Amount.ZERO);
          ctx.report({ messageId: 'exceeds', data: { code: row.code, name: row.name, actual: canonicalAmount(amount), expected: limit }, location: here, expected: limit, actual: canonicalAmount(amount), related: [t03.location] });
        }
      });
    }
    const total = figure(m, 'procurement.total');
    if (total && t12) same(ctx, 'narrativeTotal', total.ref, formTotal(m, 'T12', 'total'));
    const parts = ['procurement.goods', 'procurement.works', 'procurement.services'].map((k) => figure(m, k));
    if (total && parts.some((p) => p !== undefined)) {
      ctx.equation({
        messageId: 'split',
        terms: [{ ref: total.ref, coef: 1 }, ...parts.filter((p) => p !== undefined).map((p) => ({ ref: p.ref, coef: -1 as const }))],
      });
    }
  },
});
