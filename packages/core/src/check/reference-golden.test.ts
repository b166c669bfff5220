// The reference disclosure, checked in full: no error from the sums, the
// comparisons between forms, the structure or the narrative's amounts (RULES.md),
// and exactly the findings listed here — each one confirmed against the text.
import { describe, expect, it } from 'vitest';
import { generateForms } from '../forms/generate.js';
import { referenceDisclosure } from '../reference/index.js';
import { checkDisclosure } from '../rules/check.js';
import { checkGrids } from './check.js';

const EXPECTED = [
  'amount/zero-style warning 表一 expense.229',
  'perf/copied-target warning 居民养老保险缴费补贴（先创基民） target',
  'perf/cost-vs-funds warning 养老保障（先创区-民生） funds',
  'perf/cost-vs-funds warning 项目业务费（先创区） 信息化建设支出',
  'perf/cost-vs-funds warning 项目业务费（先创区） 其他人力资源和社会保障管理事务支出',
  'perf/duplicate error 创业担保贷款贴息（先创区） 创业担保贷款区级贴息金额',
  'perf/duplicate error 创业担保贷款贴息（先创区） 创业担保贷款贴息区级资金所占比例',
  'perf/duplicate error 创业担保贷款贴息（先创区） 带动就业人数',
  'perf/duplicate error 养老保障（先创区-民生） 养老保障（先创区）补贴发放率',
  'perf/duplicate error 养老保障（先创区-民生） 养老保障（先创区）补贴核定及时率',
  'perf/duplicate error 居民养老保险基础养老金（先创基民） 先创区享受居民养老保险基础养老金补贴核定及时性',
  'perf/misfiled warning 创业担保贷款贴息（先创区） 创业担保基金放大倍数',
  'perf/misfiled warning 创业担保贷款贴息（先创区） 创业担保贷款区级贴息金额',
  'perf/misfiled warning 创业担保贷款贴息（先创区） 创业担保贷款回收率',
  'perf/misfiled warning 创业担保贷款贴息（先创区） 扶持创业、带动就业',
  'perf/misfiled warning 创业担保贷款贴息（先创区） 贴息发放季度数',
  'perf/quantified warning 机关养老保险财政补助（先创基民） 机关养老保险财政补助核定及时性',
  'perf/quantified warning 项目业务费（先创区） 基层人社平台故障修复及时性',
  'perf/satisfaction-placement error 创业担保贷款贴息（先创区） 创业担保贷款贴息区级资金所占比例',
  'perf/satisfaction-placement error 创业担保贷款贴息（先创区） 带动就业人数',
  'perf/satisfaction-placement error 创业担保贷款贴息（先创区） 申报创业担保贷款贴息资金个人满意度',
  'perf/satisfaction-placement error 创业担保贷款贴息（先创区） 申报创业担保贷款贴息资金小微企业满意度',
  'text/project-names warning N 人社专网费（先创区）',
  'text/project-names warning N 人社系统维修维护费（先创区）',
  'text/project-names warning N 高校毕业生“三支一扶”计划补助资金（先创区）',
];

function describeFindings(list: ReturnType<typeof checkDisclosure>['diagnostics']): string[] {
  return list
    .map((d) => {
      const l = d.location;
      const where = l.form === 'P' ? `${l.project ?? ''} ${l.rowKey ?? ''}` : l.form === 'N' ? `N ${l.rowKey ?? ''}` : `${d.data.where ? String(d.data.where).split(' ')[0] : l.form} ${l.rowKey ?? ''}`;
      return `${d.ruleId} ${d.severity} ${where.trim()}`;
    })
    .sort();
}

describe('the reference disclosure', () => {
  const report = checkDisclosure(referenceDisclosure());

  it('has no error from sum/*, cross/*, struct/*, code/*, amount/* and text/amount', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.startsWith('perf/'))).toEqual([]);
  });

  it('gives exactly the findings confirmed against its text', () => {
    expect(describeFindings(report.diagnostics).map((s) => s.replace(/^(amount\/zero-style warning) \S+/, '$1 表一'))).toEqual([...EXPECTED].sort());
    expect(report.errorCount).toBe(EXPECTED.filter((e) => e.includes(' error ')).length);
  });

  it('gives the same findings on its generated forms workbook, at cells, except the narrative ones', () => {
    const result = checkGrids(generateForms(referenceDisclosure()), { unit: { name: '淄博高新技术产业开发区人力资源和社会保障中心（先创）', year: 2024 } });
    const fromModel = report.diagnostics.filter((d) => d.location.form !== 'N' && d.ruleId !== 'perf/copied-target').map((d) => `${d.ruleId} ${d.location.project ?? ''} ${d.location.rowKey ?? ''}`);
    const fromWorkbook = result.diagnostics.map((d) => `${d.ruleId} ${d.location.project ?? ''} ${d.location.rowKey ?? ''}`);
    for (const f of fromModel) expect(fromWorkbook).toContain(f);
    expect(result.diagnostics.filter((d) => d.location.form !== 'N').every((d) => d.location.sheet !== undefined && d.location.cell !== undefined)).toBe(true);
  });
});
