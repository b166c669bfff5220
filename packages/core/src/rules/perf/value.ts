import { Amount } from '../../amount/amount.js';
import { defineRule } from '../engine/types.js';
import { eachIndicator, indicatorLocation, isPercent, squash } from './support/indicators.js';

const HUNDRED = Amount.of('100');

export default defineRule({
  id: 'perf/value',
  family: 'perf',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '指标值为“运算符 + 数值 + 计量单位”或定性表述', en: 'Each indicator value is operator + number + unit, or a qualitative word' },
    source: '财预〔2021〕101号：绩效指标细化、量化描述，定量指标须有可衡量的指标值和计量单位',
  },
  messages: {
    empty: { 'zh-CN': '三级指标“{indicator}”未填写指标值', en: 'Indicator "{indicator}" has no value' },
    unparsed: {
      'zh-CN': '三级指标“{indicator}”的指标值“{value}”无法识别：应为运算符 + 数值 + 计量单位（如 ≥90%），或定性表述',
      en: 'The value "{value}" of indicator "{indicator}" cannot be read: expected operator + number + unit (e.g. ≥90%) or a qualitative word',
    },
    noOperator: {
      'zh-CN': '三级指标“{indicator}”的指标值“{value}”缺少运算符（≥、≤、=、>、<）',
      en: 'The value "{value}" of indicator "{indicator}" has no operator (≥, ≤, =, >, <)',
    },
    noUnit: { 'zh-CN': '三级指标“{indicator}”的指标值“{value}”缺少计量单位', en: 'The value "{value}" of indicator "{indicator}" has no unit' },
    percentRange: {
      'zh-CN': '三级指标“{indicator}”的指标值“{value}”超出 0%–100% 的范围',
      en: 'The value "{value}" of indicator "{indicator}" is outside 0%–100%',
    },
    numberInWord: {
      'zh-CN': '三级指标“{indicator}”的指标值“{value}”把数值写在文字中，应写成运算符 + 数值 + 计量单位',
      en: 'The value "{value}" of indicator "{indicator}" hides a number in words; write it as operator + number + unit',
    },
  },
  check(ctx) {
    eachIndicator(ctx.model, (table, t, ind, j) => {
      const v = ind.value;
      const data = { indicator: squash(ind.level3), value: squash(v.text), project: table.project };
      const location = indicatorLocation(t, table, j, 'value');
      if (v.kind === 'unparsed') {
        ctx.report({ messageId: data.value === '' ? 'empty' : 'unparsed', data, location });
        return;
      }
      if (v.kind === 'qualitative') {
        if (/[0-9０-９]/.test(v.word)) ctx.report({ messageId: 'numberInWord', data, location });
        return;
      }
      if (v.op === undefined) ctx.report({ messageId: 'noOperator', data, location });
      if (squash(v.unit) === '') ctx.report({ messageId: 'noUnit', data, location });
      if (isPercent(v)) {
        const n = Amount.parse(v.number);
        if (n.kind !== 'amount') ctx.report({ messageId: 'unparsed', data, location });
        else if (n.amount.isNegative() || n.amount.cmp(HUNDRED) > 0) ctx.report({ messageId: 'percentRange', data, location });
      }
    });
  },
});
