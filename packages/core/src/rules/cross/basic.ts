import type { ColumnKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { formTotal } from '../refs.js';
import { published, same } from './_shared.js';

const T05_T06: readonly ColumnKey[] = ['basic', 'personnel', 'publicUse'];

export default defineRule({
  id: 'cross/basic',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '基本支出在表三、表五、表六、表十之间一致', en: 'Basic expenditure agrees between T03, T05, T06 and T10' },
    source: '财预〔2016〕143号：基本支出公开到经济分类款级；部门预算公开表样的表间关系',
  },
  messages: {
    t06: { 'zh-CN': '{where} 为 {actual}，表五一般公共预算基本支出为 {expected}（差 {difference}）', en: "{where} is {actual}; T05's basic expenditure is {expected} (difference {difference})" },
    t10: { 'zh-CN': '{where} 为 {actual}，表三基本支出合计为 {expected}（差 {difference}）', en: "{where} is {actual}; T03's basic expenditure is {expected} (difference {difference})" },
    t10gpb: { 'zh-CN': '{where} 为 {actual}，表六基本支出合计为 {expected}（差 {difference}）', en: "{where} is {actual}; T06's basic expenditure is {expected} (difference {difference})" },
  },
  check(ctx) {
    const m = ctx.model;
    if (published(m, 'T05', 'T06')) for (const c of T05_T06) same(ctx, 't06', formTotal(m, 'T06', c), formTotal(m, 'T05', c));
    if (published(m, 'T03', 'T10')) same(ctx, 't10', formTotal(m, 'T10', 'total'), formTotal(m, 'T03', 'basic'));
    if (published(m, 'T06', 'T10')) same(ctx, 't10gpb', formTotal(m, 'T10', 'gpb'), formTotal(m, 'T06', 'basic'));
  },
});
