import { defineRule } from '../engine/types.js';
import { indicatorLocation, levels, squash } from './support/indicators.js';

export default defineRule({
  id: 'perf/duplicate',
  family: 'perf',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '同一绩效目标表中三级指标不重复', en: 'A level-3 indicator appears once per performance table' },
    source: '财预〔2021〕101号：绩效目标分解为相互衔接、协调配套的指标；财政部预决算公开检查发现的问题：绩效指标重复、照搬',
  },
  messages: {
    duplicate: {
      'zh-CN': '三级指标“{indicator}”（{levels}）与本表第 {firstNo} 个指标（{firstLevels}）重复',
      en: 'Indicator "{indicator}" ({levels}) repeats indicator no. {firstNo} of this table ({firstLevels})',
    },
  },
  check(ctx) {
    ctx.model.performance.forEach((table, t) => {
      const first = new Map<string, number>();
      table.indicators.forEach((ind, j) => {
        const name = squash(ind.level3);
        if (name === '') return;
        const k = first.get(name);
        if (k === undefined) {
          first.set(name, j);
          return;
        }
        const orig = table.indicators[k];
        ctx.report({
          messageId: 'duplicate',
          data: { indicator: name, levels: levels(ind), firstNo: k + 1, firstLevels: orig ? levels(orig) : '', project: table.project },
          location: indicatorLocation(t, table, j, 'level3'),
          related: [indicatorLocation(t, table, k, 'level3')],
        });
      });
    });
  },
});
