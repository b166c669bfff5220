import type { BudgetInput } from './schema.js';

/**
 * A small 底稿 that uses several sources, both kinds of basic expenditure,
 * projects, 三公经费, procurement and a performance table, and whose sheets
 * agree with each other. The expected forms in compose.test.ts are computed
 * from it by hand.
 */
export function sampleInput(): BudgetInput {
  return {
    unit: { name: '测试局', year: 2025, kind: '行政' },
    document: { amountUnit: '万元' },
    lines: [
      { code: '2010301', name: '行政运行', source: 'gpb', personnel: '100.00', publicUse: '20.50' },
      { code: '2010301', source: 'businessIncome', personnel: '10.00' },
      { code: '2010302', name: '一般行政管理事务', source: 'gpb', project: '30.00', carryForward: '5.00' },
      { code: '2010302', source: 'gfb', project: '7.25' },
      { code: '2080501', name: '行政单位离退休', source: 'soc', personnel: '3.00' },
      { code: '2080501', source: 'carryOver', project: '2.00' },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', source: 'otherIncome', publicUse: '1.10', carryForward: '0.90' },
    ],
    subjects: [{ code: '20103', name: '政府办公厅（室）及相关机构事务' }],
    basic: [
      { department: { code: '30101', name: '基本工资' }, government: { code: '50101', name: '工资奖金津补贴' }, source: 'gpb', amount: '80.00' },
      { department: { code: '30102', name: '津贴补贴' }, government: { code: '50101' }, source: 'gpb', amount: '20.00' },
      { department: { code: '30201' }, government: { code: '50201' }, source: 'gpb', amount: '20.50' },
      { department: { code: '30101' }, government: { code: '50101' }, source: 'businessIncome', amount: '10.00' },
      { department: { code: '30302' }, government: { code: '50905', name: '离退休费' }, source: 'soc', amount: '3.00' },
      { department: { code: '30201' }, government: { code: '50201' }, source: 'otherIncome', amount: '1.10' },
    ],
    economicSubjects: [{ code: '509', name: '对个人和家庭的补助' }],
    projects: [
      { name: '办公楼维修', type: '特定目标类', amounts: { gpb: '30.00', gfb: '7.25' } },
      { name: '离退休活动', amounts: { carryOver: '2.00' } },
    ],
    threePublic: { previous: { abroad: '1.00', reception: '0.50' }, current: { vehicleOperation: '2.00', reception: '0.40' } },
    procurement: [
      { code: '2010302', source: 'gpb', category: '货物', amount: '12.00' },
      { code: '2010302', source: 'gfb', category: '服务', amount: '3.00' },
      { code: '2080505', source: 'otherIncome', category: '服务', amount: '0.50' },
    ],
    performance: [
      {
        project: '办公楼维修',
        department: '测试局',
        implementer: '测试局办公室',
        target: '完成办公楼维修。',
        indicators: [
          { level1: '产出指标', level2: '数量指标', level3: '维修面积', value: '≥500平方米' },
          { level1: '满意度指标', level2: '服务对象满意度指标', level3: '职工满意度', value: '≥90%' },
        ],
      },
    ],
    narrative: {
      previous: { total: '200.00', gpb: '150.00', project: '40.00' },
      changeReasons: '维修项目减少。',
      operatingCost: '120.50',
      assetDate: '2024-12-31',
      assets: { vehicles: '2', generalEquipment: '0', specialEquipment: '0' },
      keyProjects: ['办公楼维修'],
      notes: {},
      texts: { overview: '测试局负责测试。' },
    },
  };
}
