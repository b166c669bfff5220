import { defineRule } from '../engine/types.js';
import { eachIndicator, indicatorLocation, isPercent, isSatisfactionName, level1Of, levels, squash } from './support/indicators.js';

export default defineRule({
  id: 'perf/satisfaction-placement',
  family: 'perf',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '满意度指标列在满意度指标下，满意度指标下只有以百分比计的满意度', en: 'Satisfaction indicators sit under 满意度指标, and only satisfaction rates in % sit there' },
    source: '财预〔2021〕101号：满意度指标（服务对象满意度指标）反映服务对象对项目实施效果的满意程度，与效益指标分列',
  },
  messages: {
    outside: {
      'zh-CN': '“{indicator}”是满意度指标，却列在{levels}下，应列在满意度指标 › 服务对象满意度指标下',
      en: '"{indicator}" is a satisfaction indicator but sits under {levels}; it belongs under 满意度指标 › 服务对象满意度指标',
    },
    notSatisfaction: {
      'zh-CN': '满意度指标下的“{indicator}”（{value}）不是满意度指标',
      en: '"{indicator}" ({value}) under 满意度指标 is not a satisfaction measure',
    },
    notPercent: {
      'zh-CN': '满意度指标“{indicator}”的指标值“{value}”不是百分比',
      en: 'The value "{value}" of satisfaction indicator "{indicator}" is not a percentage',
    },
  },
  check(ctx) {
    eachIndicator(ctx.model, (table, t, ind, j) => {
      const l1 = level1Of(ind);
      if (!l1) return;
      const data = { indicator: squash(ind.level3), value: squash(ind.value.text), levels: levels(ind), project: table.project };
      const about = isSatisfactionName(ind.level3);
      if (l1 !== '满意度指标') {
        if (about) ctx.report({ messageId: 'outside', data, location: indicatorLocation(t, table, j, 'level1') });
        return;
      }
      if (!about) ctx.report({ messageId: 'notSatisfaction', data, location: indicatorLocation(t, table, j, 'level3') });
      // an unreadable value is perf/value's finding
      else if (ind.value.kind !== 'unparsed' && !isPercent(ind.value)) ctx.report({ messageId: 'notPercent', data, location: indicatorLocation(t, table, j, 'value') });
    });
  },
});
