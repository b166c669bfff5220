import { describe, expect, it } from 'vitest';
import { Amount } from '../amount/amount.js';
import type { Disclosure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { compose } from './compose.js';
import { extract, extractInput } from './extract.js';
import { sampleInput } from './fixtures.test-data.js';
import { renderInputMessage } from './messages.js';
import { BudgetInputSchema, emptyBudgetInput, type BudgetInput } from './schema.js';
import { northWest } from './split.js';

const amounts = (xs: string[]) => xs.map((x) => Amount.of(x));
const strings = (cells: Amount[][]) => cells.map((r) => r.map((a) => a.toString()));

describe('northWest', () => {
  it('splits rows across columns in order, exactly', () => {
    const s = northWest(amounts(['3.00', '5.50']), amounts(['4.00', '4.50']));
    expect(strings(s.cells)).toEqual([
      ['3.00', '0'],
      ['1.00', '4.50'],
    ]);
    expect(s).toMatchObject({ exact: true, unique: false });
  });

  it('is unique with one non-zero row or column', () => {
    expect(northWest(amounts(['7.00']), amounts(['2.00', '5.00']))).toMatchObject({ exact: true, unique: true });
    expect(northWest(amounts(['2.00', '5.00', '0.00']), amounts(['0', '7.00']))).toMatchObject({ exact: true, unique: true });
  });

  it('keeps every row total when the columns disagree, putting the rest in the last non-zero column', () => {
    const s = northWest(amounts(['3.00', '5.00']), amounts(['4.00', '1.00', '0']));
    expect(strings(s.cells)).toEqual([
      ['3.00', '0', '0'],
      ['1.00', '4.00', '0'],
    ]);
    expect(s.exact).toBe(false);
    expect(northWest(amounts(['-1.00']), amounts(['0', '0'])).cells[0]?.[0]?.toString()).toBe('-1.00');
    expect(northWest(amounts(['1.00']), [])).toEqual({ cells: [[]], exact: false, unique: true });
  });
});

/** compose(extract(m)) publishes what m publishes. */
function expectSameForms(m: Disclosure): void {
  const again = compose(extract(m)).model;
  expect(again.forms).toEqual(m.forms);
  expect(again.performance).toEqual(m.performance);
  expect(again.narrative?.figures).toEqual(m.narrative?.figures);
}

function modelOf(x: BudgetInput): Disclosure {
  const { model, diagnostics } = compose(x);
  expect(diagnostics).toEqual([]);
  return model;
}

describe('extract', () => {
  it('recovers the sample 底稿 up to what the forms do not publish', () => {
    const m = modelOf(sampleInput());
    const { input, diagnostics } = extractInput(m);
    // 单位资金 hides which of 事业收入 and 其他收入 pays 人员 or 公用; only procurement totals by category are published.
    expect(diagnostics.map((d) => [d.messageId, d.location.form, d.location.columnKey])).toEqual([
      ['kind-split', 'T10', 'unitFunds'],
      ['procurement-category', 'T12', undefined],
    ]);
    expect(BudgetInputSchema.safeParse(input).success).toBe(true);
    expect(input.lines).toEqual(sampleInput().lines.map((l) => ({ ...l, name: l.name ?? (l.code === '2010301' ? '行政运行' : l.code === '2010302' ? '一般行政管理事务' : '行政单位离退休') })));
    expect(input.basic.map((b) => [b.department.code, b.source, b.amount])).toEqual([
      ['30101', 'gpb', '80.00'],
      ['30101', 'businessIncome', '10.00'],
      ['30102', 'gpb', '20.00'],
      ['30201', 'gpb', '20.50'],
      ['30201', 'otherIncome', '1.10'],
      ['30302', 'soc', '3.00'],
    ]);
    expect(input.projects).toEqual(sampleInput().projects);
    expect(input.procurement).toEqual(sampleInput().procurement);
    expect(input.threePublic).toEqual(sampleInput().threePublic);
    expect(input.narrative).toEqual({ ...sampleInput().narrative, changeReasons: '维修项目减少。' });
    expectSameForms(m);
  });

  it('splits a code between non-fiscal sources of different columns by what 表十 and 表十一 publish', () => {
    const x = emptyBudgetInput({ name: '某中心', year: 2025 });
    x.lines = [
      { code: '2080109', source: 'specialAccount', project: '10.00' },
      { code: '2080109', source: 'businessIncome', personnel: '10.00' },
    ];
    x.basic = [{ department: { code: '30101' }, source: 'businessIncome', amount: '10.00' }];
    x.projects = [{ name: '经办服务', amounts: { specialAccount: '10.00' } }];
    const m = modelOf(x);
    const { input, diagnostics } = extractInput(m);
    expect(diagnostics).toEqual([]);
    expect(input.lines.map((l) => [l.source, l.personnel, l.project])).toEqual([
      ['specialAccount', undefined, '10.00'],
      ['businessIncome', '10.00', undefined],
    ]);
    expect(compose(input).diagnostics).toEqual([]);
    expectSameForms(m);
  });

  it('reports a code whose non-fiscal revenue comes from several sources of one column', () => {
    const x = emptyBudgetInput({ name: '某中心', year: 2025 });
    x.lines = [
      { code: '2080109', source: 'businessIncome', personnel: '10.00' },
      { code: '2080109', source: 'otherIncome', project: '10.00' },
    ];
    x.basic = [{ department: { code: '30101' }, source: 'businessIncome', amount: '10.00' }];
    x.projects = [{ name: '经办服务', amounts: { otherIncome: '10.00' } }];
    const m = modelOf(x);
    const { input, diagnostics } = extractInput(m);
    expect(diagnostics.map((d) => [d.ruleId, d.messageId, d.location.rowKey])).toEqual([['input/not-recoverable', 'source-split', '2080109']]);
    expect(renderInputMessage(diagnostics[0]!)).toMatch(/^科目 2080109 的非财政拨款收入来自多个资金来源/);
    // Allocated in order within the published column totals.
    expect(input.lines.map((l) => [l.source, l.personnel, l.project])).toEqual([
      ['businessIncome', '10.00', undefined],
      ['otherIncome', undefined, '10.00'],
    ]);
    expectSameForms(m);
  });

  it('reports how 单位资金 splits between several sources in 表十 and 表十一, and the personnel split by code', () => {
    const x = emptyBudgetInput({ name: '某中心', year: 2025 });
    x.lines = [
      { code: '2080109', source: 'businessIncome', personnel: '4.00', publicUse: '1.00', project: '5.00' },
      { code: '2080199', source: 'otherIncome', personnel: '2.00', publicUse: '3.00', project: '7.00' },
    ];
    x.basic = [
      { department: { code: '30101' }, source: 'businessIncome', amount: '4.00' },
      { department: { code: '30101' }, source: 'otherIncome', amount: '2.00' },
      { department: { code: '30201' }, source: 'businessIncome', amount: '1.00' },
      { department: { code: '30201' }, source: 'otherIncome', amount: '3.00' },
    ];
    x.projects = [
      { name: '甲', amounts: { businessIncome: '5.00' } },
      { name: '乙', amounts: { otherIncome: '7.00' } },
    ];
    const m = modelOf(x);
    const { diagnostics } = extractInput(m);
    expect(diagnostics.map((d) => [d.messageId, d.location.form])).toEqual([
      ['kind-split', 'T10'],
      ['unit-funds-split', 'T11'],
    ]);
    expectSameForms(m);
  });

  it('reports procurement categories that only the narrative totals', () => {
    const x = sampleInput();
    x.procurement = [
      { code: '2010302', source: 'gpb', category: '服务', amount: '12.00' },
      { code: '2010301', source: 'gpb', category: '货物', amount: '3.00' },
    ];
    const m = modelOf(x);
    const { input, diagnostics } = extractInput(m);
    expect(diagnostics.map((d) => d.messageId)).toEqual(['kind-split', 'procurement-category']);
    expect(input.procurement.map((p) => [p.code, p.category, p.amount])).toEqual([
      ['2010301', '货物', '3.00'],
      ['2010302', '服务', '12.00'],
    ]);
    expectSameForms(m);
  });

  it('reports what has no place in the 底稿 and figures that disagree', () => {
    const m = referenceDisclosure();
    const subsidy = m.forms.T01?.expense.find((r) => r.key === 'subsidyToAffiliates');
    if (subsidy) subsidy.values = { amount: '5.00' };
    const t04 = m.forms.T04?.income.find((r) => r.key === 'carryOver');
    if (t04) t04.values = { amount: '1.00' };
    if (m.forms.T07) m.forms.T07.current = { total: '3.00', vehicle: '3.00' };
    delete m.forms.T08?.note;
    const p = m.performance[0];
    if (p) p.funds = { total: '131.00', fiscal: '131.55', other: '0.00' };
    const row = m.forms.T03?.rows.find((r) => r.code === '2080107');
    if (row) row.values = { total: '9.00', project: '9.00' };
    const key = m.narrative?.figures.find((f) => f.key === 'performance.keyProjects');
    if (key) key.value = '5';
    if (m.narrative) delete m.narrative.keyProjects;
    const { input, diagnostics } = extractInput(m);
    expect(diagnostics.map((d) => [d.messageId, d.severity, d.location.form, d.location.rowKey ?? d.location.project ?? d.location.columnKey])).toEqual([
      ['total-mismatch', 'warning', 'T03', '2080107'],
      ['funds-mismatch', 'warning', 'P', '创业担保贷款贴息（先创区）'],
      ['vehicle-split', 'warning', 'T07', 'vehicle'],
      ['missing-note', 'info', 'T08', undefined],
      ['not-representable', 'warning', 'T01', 'subsidyToAffiliates'],
      ['not-representable', 'warning', 'T04', 'carryOver'],
      ['key-projects', 'warning', 'N', 'performance.keyProjects'],
    ]);
    expect(diagnostics.map((d) => renderInputMessage(d))).toContain('表一 收支总体情况表“对附属单位的补助支出”的金额 5.00 无法在底稿中表示，已忽略。');
    expect(input.threePublic.current).toEqual({ vehicleOperation: '3.00' });
    expect(input.narrative.keyProjects).toHaveLength(4);
  });

  it('keeps a note that differs from the generated one, and drops one that does not', () => {
    const m = referenceDisclosure();
    if (m.forms.T06) m.forms.T06.note = '注：本单位无基本支出。';
    const input = extract(m);
    expect(input.narrative.notes).toEqual({ T06: '注：本单位无基本支出。' });
    expect(compose(input).model.forms.T06?.note).toBe('注：本单位无基本支出。');
  });
});
