import { defineRule } from '../engine/types.js';
import { performanceFundsRef, projectRef } from '../refs.js';

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');

export default defineRule({
  id: 'cross/performance-funds',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '每个项目都有绩效目标表，且其项目资金与项目支出预算情况表一致', en: 'Every project has a performance table whose funds equal its T11 row' },
    source: '财预〔2021〕101号（预算绩效目标管理）：项目支出全面实施绩效目标管理，绩效目标表随部门预算公开；财政部公开检查发现的常见问题',
  },
  messages: {
    missingTable: { 'zh-CN': '项目“{project}”没有绩效目标表', en: 'project "{project}" has no performance table' },
    noProject: { 'zh-CN': '绩效目标表“{project}”在项目支出预算情况表中没有对应项目', en: 'performance table "{project}" has no project in T11' },
    total: { 'zh-CN': '{where} 为 {actual}，表十一该项目合计为 {expected}（差 {difference}）', en: "{where} is {actual}; the project's T11 total is {expected} (difference {difference})" },
    fiscal: { 'zh-CN': '{where} 为 {actual}，表十一该项目财政拨款为 {expected}（差 {difference}）', en: "{where} is {actual}; the project's T11 fiscal appropriation is {expected} (difference {difference})" },
    other: { 'zh-CN': '{where} 为 {actual}，表十一该项目合计减财政拨款为 {expected}（差 {difference}）', en: "{where} is {actual}; the project's T11 total minus fiscal is {expected} (difference {difference})" },
    sum: { 'zh-CN': '{where} 为 {actual}，财政拨款与其他资金之和为 {expected}（差 {difference}）', en: '{where} is {actual}; fiscal plus other funds is {expected} (difference {difference})' },
  },
  check(ctx) {
    const m = ctx.model;
    const projects = m.forms.T11?.rows ?? [];
    const tables = m.performance;
    tables.forEach((p, i) => {
      const total = performanceFundsRef(i, p.project, 'total');
      const fiscal = performanceFundsRef(i, p.project, 'fiscal');
      const other = performanceFundsRef(i, p.project, 'other');
      ctx.equation({ messageId: 'sum', terms: [{ ref: total, coef: 1 }, { ref: fiscal, coef: -1 }, { ref: other, coef: -1 }] });
      const j = projects.findIndex((r) => norm(r.name) === norm(p.project));
      const row = projects[j];
      if (!row) {
        if (m.forms.T11) ctx.report({ messageId: 'noProject', data: { project: p.project }, location: { form: 'P', project: p.project, path: ['performance', i, 'project'] } });
        return;
      }
      ctx.equation({ messageId: 'total', terms: [{ ref: total, coef: 1 }, { ref: projectRef(j, row.name, 'total'), coef: -1 }] });
      ctx.equation({ messageId: 'fiscal', terms: [{ ref: fiscal, coef: 1 }, { ref: projectRef(j, row.name, 'fiscal'), coef: -1 }] });
      ctx.equation({
        messageId: 'other',
        terms: [
          { ref: other, coef: 1 },
          { ref: projectRef(j, row.name, 'total'), coef: -1 },
          { ref: projectRef(j, row.name, 'fiscal'), coef: 1 },
        ],
      });
    });
    projects.forEach((row, j) => {
      if (!tables.some((p) => norm(p.project) === norm(row.name))) {
        ctx.report({ messageId: 'missingTable', data: { project: row.name }, location: { form: 'T11', rowKey: row.name, path: ['forms', 'T11', 'rows', j, 'name'] } });
      }
    });
  },
});
