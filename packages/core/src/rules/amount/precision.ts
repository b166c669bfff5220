import { defineRule } from '../engine/types.js';
import { amountCells, narrativeMoney, whereData } from './_shared.js';

/** More than two decimals: the model keeps the decimals as published (`12.345`). */
function tooPrecise(v: string): boolean {
  const dot = v.indexOf('.');
  return dot >= 0 && v.length - dot - 1 > 2;
}

export default defineRule({
  id: 'amount/precision',
  family: 'amount',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '金额超过两位小数', en: 'An amount has more than two decimals' },
    source: '部门预算表金额以万元（或元）为单位、保留两位小数（参考文件各表及财政部统一表样的做法）',
    referenceOnly: true,
  },
  messages: {
    tooManyDecimals: { 'zh-CN': '{where} 为 {value}，超过两位小数', en: '{whereEn} is {value}, with more than two decimals' },
    // Emitted by the input-workbook reader (data: column, text).
    precision: { 'zh-CN': '“{column}”的金额 {text} 超过两位小数', en: 'The “{column}” amount {text} has more than two decimals' },
  },
  check(ctx) {
    const { model } = ctx;
    const cells = [...amountCells(model).map((c) => ({ ref: c.ref, value: c.value })), ...narrativeMoney(model)];
    for (const { ref, value } of cells) {
      if (value === undefined || !tooPrecise(value)) continue;
      ctx.report({ messageId: 'tooManyDecimals', data: { ...whereData(ref.location), value }, location: ref.location, actual: value });
    }
    const prev = model.previousYear?.total;
    if (prev !== undefined && tooPrecise(prev)) {
      const location = { path: ['previousYear', 'total'], rowKey: 'previousYear', columnKey: 'total' };
      ctx.report({ messageId: 'tooManyDecimals', data: { where: '上年预算总额', whereEn: 'previous year total', value: prev }, location, actual: prev });
    }
  },
});
