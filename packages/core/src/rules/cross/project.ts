import type { ColumnKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { formTotal } from '../refs.js';
import { published, same } from './_shared.js';

/** Form whose 项目支出 total must equal a T11 total column. */
const LINKS: readonly (readonly ['T03' | 'T05' | 'T08', ColumnKey, string])[] = [
  ['T03', 'total', '项目支出合计'],
  ['T05', 'gpb', '一般公共预算'],
  ['T08', 'gfb', '政府性基金预算'],
];

export default defineRule({
  id: 'cross/project',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '项目支出在表三、表五、表八与项目支出预算情况表之间一致', en: 'Project expenditure agrees between T03, T05, T08 and T11' },
    source: '财政部部门预算公开检查发现的常见问题：表间数据不一致；部门预算公开表样的表间关系',
  },
  messages: {
    project: { 'zh-CN': '{where} 为 {actual}，表十一（{column}）为 {expected}（差 {difference}）', en: '{where} is {actual}; T11 ({column}) is {expected} (difference {difference})' },
  },
  check(ctx) {
    const m = ctx.model;
    if (!m.forms.T11) return;
    for (const [form, col, column] of LINKS) {
      if (published(m, form)) same(ctx, 'project', formTotal(m, form, 'project'), formTotal(m, 'T11', col), { column });
    }
  },
});
