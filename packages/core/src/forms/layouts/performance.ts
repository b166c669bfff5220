/**
 * P 项目支出绩效目标表 (one per project): a header block of labelled fields,
 * then the indicator grid whose 一级 and 二级 cells merge over their runs.
 */
import type { PerformanceLayout } from '../types.js';

export const PERFORMANCE_LAYOUT: PerformanceLayout = {
  id: 'P',
  title: '项目支出绩效目标表',
  titleVariants: ['项目绩效目标表', '项目支出绩效目标申报表'],
  sheetName: '绩效目标表',
  block: [
    [{ label: '项目名称' }, { field: 'project', colSpan: 4 }],
    [{ label: '主管部门', aliases: ['主管单位'] }, { field: 'department', colSpan: 2 }, { label: '实施单位', aliases: ['执行单位'] }, { field: 'implementer' }],
    [{ label: '项目资金（万元）', aliases: ['项目资金', '项目资金（元）'], rowSpan: 3 }, { label: '年度预算资金总额：', aliases: ['年度资金总额', '资金总额'], colSpan: 2 }, { field: 'funds.total', colSpan: 2 }],
    [{ label: '其中：财政拨款', aliases: ['财政拨款'], colSpan: 2 }, { field: 'funds.fiscal', colSpan: 2 }],
    [{ label: '其他资金', colSpan: 2 }, { field: 'funds.other', colSpan: 2 }],
    [{ label: '年度总体绩效目标', aliases: ['年度绩效目标', '总体绩效目标', '绩效目标'] }, { field: 'target', colSpan: 4 }],
  ],
  columns: [
    { label: '绩效指标', leaf: { kind: 'stub' }, width: 8 },
    { label: '一级指标', leaf: { kind: 'indicator', part: 'level1' }, width: 14 },
    { label: '二级指标', leaf: { kind: 'indicator', part: 'level2' }, width: 18 },
    { label: '三级指标', leaf: { kind: 'indicator', part: 'level3' }, width: 44 },
    { label: '指标值', aliases: ['指标值（包含数字及文字描述）', '目标值'], leaf: { kind: 'indicator', part: 'value' }, width: 20 },
  ],
  rows: ['indicator'],
};
