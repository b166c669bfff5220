import type { Location } from '../../diagnostics/types.js';
import { INDICATOR_FRAMEWORK } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { indicatorLocation, level1Of, normLevel, parentOfLevel2, squash } from './support/indicators.js';

interface Finding {
  messageId: 'level1' | 'level1Missing' | 'level2' | 'level2Missing' | 'wrongParent';
  data: Record<string, string>;
  locations: Location[];
}

export default defineRule({
  id: 'perf/framework',
  family: 'perf',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '一级、二级指标符合绩效指标体系', en: 'Level-1 and level-2 indicators follow the indicator framework' },
    source: '财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》：成本、产出、效益、满意度四类一级指标及其二级指标',
  },
  messages: {
    level1: {
      'zh-CN': '一级指标“{level1}”不在绩效指标体系内（应为成本指标、产出指标、效益指标或满意度指标）',
      en: 'Level-1 indicator "{level1}" is not in the framework (cost, output, outcome or satisfaction)',
    },
    level1Missing: { 'zh-CN': '三级指标“{indicator}”缺少一级指标', en: 'Indicator "{indicator}" has no level-1 indicator' },
    level2: {
      'zh-CN': '二级指标“{level2}”不是{level1}的二级指标（应为{allowed}之一）',
      en: 'Level-2 indicator "{level2}" does not belong to {level1} (expected one of {allowed})',
    },
    level2Missing: { 'zh-CN': '三级指标“{indicator}”缺少二级指标（{level1}下应为{allowed}之一）', en: 'Indicator "{indicator}" has no level-2 indicator (under {level1}: one of {allowed})' },
    wrongParent: {
      'zh-CN': '二级指标“{level2}”属于{expected}，不应列在{level1}下',
      en: 'Level-2 indicator "{level2}" belongs to {expected}, not to {level1}',
    },
  },
  check(ctx) {
    ctx.model.performance.forEach((table, t) => {
      // One finding per table and faulty cell value: a merged 一级/二级 cell repeats on every row it spans.
      const findings = new Map<string, Finding>();
      const add = (key: string, f: Omit<Finding, 'locations'>, loc: Location) => {
        const prev = findings.get(key);
        if (prev) prev.locations.push(loc);
        else findings.set(key, { ...f, locations: [loc] });
      };
      table.indicators.forEach((ind, j) => {
        const raw1 = squash(ind.level1);
        const raw2 = squash(ind.level2);
        const l1 = level1Of(ind);
        if (!l1) {
          if (raw1 === '') add(`1-missing-${j}`, { messageId: 'level1Missing', data: { indicator: squash(ind.level3) } }, indicatorLocation(t, table, j, 'level1'));
          else add(`1:${raw1}`, { messageId: 'level1', data: { level1: raw1 } }, indicatorLocation(t, table, j, 'level1'));
          return;
        }
        const allowed = INDICATOR_FRAMEWORK[l1] as readonly string[];
        if (allowed.includes(normLevel(ind.level2))) return;
        const loc = indicatorLocation(t, table, j, 'level2');
        const data = { level1: l1, level2: raw2, allowed: allowed.join('、'), indicator: squash(ind.level3) };
        if (raw2 === '') {
          add(`2-missing-${j}`, { messageId: 'level2Missing', data }, loc);
          return;
        }
        const parent = parentOfLevel2(ind.level2);
        if (parent) add(`2:${l1}:${raw2}`, { messageId: 'wrongParent', data: { ...data, expected: parent } }, loc);
        else add(`2:${l1}:${raw2}`, { messageId: 'level2', data }, loc);
      });
      for (const f of findings.values()) {
        const [first, ...rest] = f.locations;
        if (!first) continue;
        ctx.report({ messageId: f.messageId, data: f.data, location: first, ...(rest.length > 0 ? { related: rest } : {}) });
      }
    });
  },
});
