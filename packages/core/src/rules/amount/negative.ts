import { defineRule } from '../engine/types.js';
import { amountCells, isZeroText, narrativeMoney, whereData } from './_shared.js';

/** Narrative figures that state a change against last year: they may be negative. */
function isChange(key: string): boolean {
  return key.startsWith('change.') && key !== 'change.budget';
}

function negative(v: string): boolean {
  return v.startsWith('-') && !isZeroText(v);
}

export default defineRule({
  id: 'amount/negative',
  family: 'amount',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '不应为负数的金额为负数', en: 'A negative amount where the column does not allow it' },
    source: '部门预算各表的收入、支出和资金来源都是预算安排数，不为负；只有较上年的增减变化可为负',
  },
  messages: {
    negative: { 'zh-CN': '{where} 为负数 {value}', en: '{whereEn} is negative: {value}' },
  },
  check(ctx) {
    const { model } = ctx;
    const cells = [...amountCells(model).map((c) => ({ ref: c.ref, value: c.value })), ...narrativeMoney(model).filter((f) => !isChange(f.key))];
    for (const { ref, value } of cells) {
      if (value === undefined || !negative(value)) continue;
      ctx.report({ messageId: 'negative', data: { ...whereData(ref.location), value }, location: ref.location, actual: value });
    }
    const prev = model.previousYear?.total;
    if (prev !== undefined && negative(prev)) {
      const location = { path: ['previousYear', 'total'], rowKey: 'previousYear', columnKey: 'total' };
      ctx.report({ messageId: 'negative', data: { where: '上年预算总额', whereEn: 'previous year total', value: prev }, location, actual: prev });
    }
  },
});
