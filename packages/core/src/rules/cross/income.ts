import type { ColumnKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { formTotal, overviewCell } from '../refs.js';
import { published, same } from './_shared.js';

/** T02's 合计 row column → the T01 income row it must equal. */
const T02_TO_T01: readonly (readonly [ColumnKey, string])[] = [
  ['total', 'grandTotal'],
  ['fiscal', 'fiscal'],
  ['gpb', 'gpb'],
  ['gfb', 'gfb'],
  ['soc', 'soc'],
  ['specialAccount', 'specialAccount'],
  ['businessIncome', 'businessIncome'],
  ['operatingIncome', 'operatingIncome'],
  ['otherIncome', 'otherIncome'],
  ['superiorSubsidy', 'superiorSubsidy'],
  ['affiliatedRemit', 'affiliatedRemit'],
  ['nonFiscalSurplus', 'nonFiscalSurplus'],
  ['carryOver', 'carryOver'],
];

/** T04 income row → T01 income row. */
const T04_TO_T01: readonly (readonly [string, string])[] = [
  ['gpb', 'gpb'],
  ['gfb', 'gfb'],
  ['soc', 'soc'],
  ['currentTotal', 'fiscal'],
];

export default defineRule({
  id: 'cross/income',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '收入总体情况表合计与收支总体情况表收入一致；财政拨款收入与表一一致', en: "T02's totals equal T01's income rows; T04's income rows equal T01's" },
    source: '财政部部门预算公开检查发现的常见问题：表间数据不一致；部门预算公开表样的表间关系',
  },
  messages: {
    t02: { 'zh-CN': '{where} 为 {actual}，表一对应收入为 {expected}（差 {difference}）', en: '{where} is {actual}; the matching T01 income row is {expected} (difference {difference})' },
    t04: { 'zh-CN': '{where} 为 {actual}，表一对应收入为 {expected}（差 {difference}）', en: '{where} is {actual}; the matching T01 income row is {expected} (difference {difference})' },
  },
  check(ctx) {
    const m = ctx.model;
    if (published(m, 'T01', 'T02')) {
      for (const [col, key] of T02_TO_T01) same(ctx, 't02', formTotal(m, 'T02', col), overviewCell(m, 'T01', 'income', key, 'amount'));
    }
    if (published(m, 'T01', 'T04')) {
      for (const [k4, k1] of T04_TO_T01) same(ctx, 't04', overviewCell(m, 'T04', 'income', k4, 'amount'), overviewCell(m, 'T01', 'income', k1, 'amount'));
    }
  },
});
