import { FORM_COLUMNS } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { projectRef, totalRef } from '../refs.js';

export default defineRule({
  id: 'sum/project-total',
  family: 'sum',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '项目支出预算情况表的合计行等于各项目之和', en: "T11's total row equals the sum of its projects" },
    source: '部门预算公开表样（项目支出预算情况表）',
  },
  messages: {
    projectTotal: { 'zh-CN': '{where} 为 {actual}，各项目合计为 {expected}（差 {difference}）', en: '{where} is {actual}; the projects sum to {expected} (difference {difference})' },
  },
  check(ctx) {
    const t11 = ctx.model.forms.T11;
    if (!t11?.total || t11.rows.length === 0) return;
    for (const c of FORM_COLUMNS.T11) {
      ctx.equation({
        messageId: 'projectTotal',
        rounding: true,
        terms: [{ ref: totalRef('T11', c), coef: 1 }, ...t11.rows.map((r, i) => ({ ref: projectRef(i, r.name, c), coef: -1 as const }))],
      });
    }
  },
});
