import { defineRule } from '../engine/types.js';
import { squash, tableLocation } from './support/indicators.js';

export default defineRule({
  id: 'perf/copied-target',
  family: 'perf',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '不同项目的年度总体绩效目标不雷同', en: 'No two projects share an identical annual performance target' },
    source: '财预〔2021〕101号：依据项目的政策意图和任务确定项目的总体绩效目标；财政部预决算公开检查发现的问题：绩效目标照搬照抄、千篇一律',
  },
  messages: {
    copied: {
      'zh-CN': '项目“{project}”的年度总体绩效目标与项目“{other}”完全相同',
      en: 'The annual performance target of "{project}" is identical to that of "{other}"',
    },
  },
  check(ctx) {
    const first = new Map<string, number>();
    ctx.model.performance.forEach((table, t) => {
      // Compared after removing layout whitespace only: wording must be identical.
      const text = squash(table.target);
      if (text === '') return;
      const k = first.get(text);
      const orig = k === undefined ? undefined : ctx.model.performance[k];
      if (k === undefined || !orig) {
        first.set(text, t);
        return;
      }
      ctx.report({
        messageId: 'copied',
        data: { project: table.project, other: orig.project },
        location: tableLocation(t, table, 'target'),
        related: [tableLocation(k, orig, 'target')],
      });
    });
  },
});
