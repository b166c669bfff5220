import { defineRule } from '../engine/types.js';
import { eachIndicator, indicatorLocation, isCount, isMoney, isRate, isTime, levels, placement, squash } from './support/indicators.js';

export default defineRule({
  id: 'perf/misfiled',
  family: 'perf',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '指标所列的二级指标与其内容相符', en: 'Each indicator measures what its level-2 indicator is about' },
    source: '财预〔2021〕101号：成本指标反映成本，数量指标反映产出数量，质量指标反映产出达到的标准，时效指标反映产出的及时程度；财政部预决算公开检查发现的问题：绩效指标错列',
  },
  messages: {
    money: {
      'zh-CN': '“{indicator}”（{value}）以金额计，却列在{levels}下；金额指标应列在成本指标下',
      en: '"{indicator}" ({value}) is an amount of money but sits under {levels}; money belongs under 成本指标',
    },
    countUnderQuality: {
      'zh-CN': '“{indicator}”（{value}）是数量，却列在质量指标下，应列在数量指标下',
      en: '"{indicator}" ({value}) is a count but sits under 质量指标; counts belong under 数量指标',
    },
    rateUnderQuantity: {
      'zh-CN': '“{indicator}”（{value}）是比率，却列在数量指标下，应列在质量指标等其他二级指标下',
      en: '"{indicator}" ({value}) is a rate but sits under 数量指标',
    },
    notTime: {
      'zh-CN': '“{indicator}”（{value}）与完成时间或及时程度无关，不应列在时效指标下',
      en: '"{indicator}" ({value}) says nothing about time or timeliness but sits under 时效指标',
    },
  },
  check(ctx) {
    eachIndicator(ctx.model, (table, t, ind, j) => {
      // Faulty levels are perf/framework's; everything under 满意度 is perf/satisfaction-placement's.
      const p = placement(ind);
      if (!p || p.level1 === '满意度指标') return;
      const data = { indicator: squash(ind.level3), value: squash(ind.value.text), levels: levels(ind), project: table.project };
      const at = (column: 'level1' | 'level2') => indicatorLocation(t, table, j, column);
      // 经济效益 may be stated in money (增收 ≥ X 万元).
      if (isMoney(ind.value)) {
        if (p.level1 !== '成本指标' && p.level2 !== '经济效益指标') ctx.report({ messageId: 'money', data, location: at('level1') });
        return;
      }
      if (p.level2 === '质量指标' && isCount(ind)) ctx.report({ messageId: 'countUnderQuality', data, location: at('level2') });
      else if (p.level2 === '数量指标' && isRate(ind)) ctx.report({ messageId: 'rateUnderQuantity', data, location: at('level2') });
      else if (p.level2 === '时效指标' && ind.value.kind !== 'unparsed' && !isTime(ind)) ctx.report({ messageId: 'notTime', data, location: at('level2') });
    });
  },
});
