import type { Location } from '../../diagnostics/types.js';
import { defineRule } from '../engine/types.js';
import { indicatorLocation, placement } from './support/indicators.js';

export default defineRule({
  id: 'perf/quantified',
  family: 'perf',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '每个产出类二级指标至少有一个定量指标', en: 'Each output level-2 indicator has at least one quantitative indicator' },
    source: '财预〔2021〕101号：绩效目标通过具体绩效指标予以细化、量化描述；财政部预决算公开检查发现的问题：绩效目标不具体、难以衡量',
  },
  messages: {
    noQuantity: {
      'zh-CN': '项目“{project}”的产出指标 › {level2}下的 {count} 个指标均为定性表述，没有可衡量的定量指标',
      en: 'All {count} indicators under 产出指标 › {level2} of "{project}" are qualitative; none is quantitative',
    },
  },
  check(ctx) {
    ctx.model.performance.forEach((table, t) => {
      const groups = new Map<string, { quantitative: boolean; locations: Location[] }>();
      table.indicators.forEach((ind, j) => {
        const p = placement(ind);
        // An unreadable value is perf/value's finding; it is neither qualitative nor quantitative here.
        if (!p || p.level1 !== '产出指标' || ind.value.kind === 'unparsed') return;
        const g = groups.get(p.level2) ?? { quantitative: false, locations: [] };
        g.quantitative ||= ind.value.kind === 'quantity';
        g.locations.push(indicatorLocation(t, table, j, 'level2'));
        groups.set(p.level2, g);
      });
      for (const [level2, g] of groups) {
        const [first, ...rest] = g.locations;
        if (g.quantitative || !first) continue;
        ctx.report({ messageId: 'noQuantity', data: { project: table.project, level2, count: g.locations.length }, location: first, ...(rest.length > 0 ? { related: rest } : {}) });
      }
    });
  },
});
