import { defineRule } from '../engine/types.js';
import { level1Of, LEVEL1_NAMES, squash, tableLocation, type Level1 } from './support/indicators.js';

/** 产出 and 效益 are required; a table without 成本 or 满意度 is a warning. */
const REQUIRED: ReadonlySet<Level1> = new Set<Level1>(['产出指标', '效益指标']);

export default defineRule({
  id: 'perf/coverage',
  family: 'perf',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '每张绩效目标表有年度总体绩效目标和产出、效益指标', en: 'Each performance table has an annual target and output and outcome indicators' },
    source: '财预〔2021〕101号：绩效目标通过成本、产出、效益、满意度指标细化、量化描述；财政部预决算公开检查发现的问题：绩效目标空泛、不完整',
  },
  messages: {
    noTarget: { 'zh-CN': '项目“{project}”的绩效目标表未填写年度总体绩效目标', en: 'The performance table of "{project}" has no annual performance target' },
    noIndicators: { 'zh-CN': '项目“{project}”的绩效目标表没有绩效指标', en: 'The performance table of "{project}" has no indicators' },
    missingLevel1: { 'zh-CN': '项目“{project}”的绩效目标表没有{level1}', en: 'The performance table of "{project}" has no {level1} indicators' },
  },
  check(ctx) {
    ctx.model.performance.forEach((table, t) => {
      const project = table.project;
      if (squash(table.target) === '') ctx.report({ messageId: 'noTarget', data: { project }, location: tableLocation(t, table, 'target') });
      if (table.indicators.length === 0) {
        ctx.report({ messageId: 'noIndicators', data: { project }, location: tableLocation(t, table, 'indicators') });
        return;
      }
      const present = new Set(table.indicators.map(level1Of));
      // An unknown 一级 is perf/framework's finding; what it was meant to be is unknown, so nothing counts as missing.
      if (present.has(undefined)) return;
      for (const l1 of LEVEL1_NAMES) {
        if (present.has(l1)) continue;
        ctx.report({
          messageId: 'missingLevel1',
          data: { project, level1: l1 },
          location: { ...tableLocation(t, table, 'indicators'), rowKey: l1, columnKey: 'level1' },
          ...(REQUIRED.has(l1) ? {} : { severity: 'warning' as const }),
        });
      }
    });
  },
});
