import { describe, expect, it } from 'vitest';
import { DisclosureSchema } from '../model/schema.js';
import { compose } from './compose.js';
import { sampleInput } from './fixtures.test-data.js';
import { renderInputMessage } from './messages.js';
import { fillSubjectNames } from './names.js';
import type { BudgetInput } from './schema.js';

const { model, diagnostics } = compose(sampleInput());
const f = model.forms;

describe('compose: the sample 底稿', () => {
  it('builds a valid disclosure without findings', () => {
    expect(diagnostics).toEqual([]);
    expect(DisclosureSchema.safeParse(model).success).toBe(true);
    expect(model.unit).toEqual({ name: '测试局', year: 2025, kind: '行政' });
    expect(model.document).toEqual({ profile: 'shandong-12', amountUnit: '万元' });
    expect(model.previousYear).toEqual({ total: '200.00' });
  });

  it('T02: revenue by code and source, 项 → 款 → 类 → 合计, 小计 = fiscal funds', () => {
    expect(f.T02?.total).toEqual({
      label: '合计',
      values: { total: '179.75', fiscal: '165.75', gpb: '155.50', gfb: '7.25', soc: '3.00', businessIncome: '10.00', otherIncome: '2.00', carryOver: '2.00' },
    });
    expect(f.T02?.rows).toEqual([
      { code: '201', name: '一般公共服务支出', values: { total: '172.75', fiscal: '162.75', gpb: '155.50', gfb: '7.25', businessIncome: '10.00' } },
      { code: '20103', name: '政府办公厅（室）及相关机构事务', values: { total: '172.75', fiscal: '162.75', gpb: '155.50', gfb: '7.25', businessIncome: '10.00' } },
      { code: '2010301', name: '行政运行', values: { total: '130.50', fiscal: '120.50', gpb: '120.50', businessIncome: '10.00' } },
      { code: '2010302', name: '一般行政管理事务', values: { total: '42.25', fiscal: '42.25', gpb: '35.00', gfb: '7.25' } },
      { code: '208', name: '社会保障和就业支出', values: { total: '7.00', fiscal: '3.00', soc: '3.00', otherIncome: '2.00', carryOver: '2.00' } },
      { code: '20805', name: '行政事业单位养老支出', values: { total: '7.00', fiscal: '3.00', soc: '3.00', otherIncome: '2.00', carryOver: '2.00' } },
      { code: '2080501', name: '行政单位离退休', values: { total: '5.00', fiscal: '3.00', soc: '3.00', carryOver: '2.00' } },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', values: { total: '2.00', otherIncome: '2.00' } },
    ]);
  });

  it('T03: 合计 = 基本 + 项目, 结转下年 beside it', () => {
    expect(f.T03?.total?.values).toEqual({ total: '173.85', basic: '134.60', project: '39.25', carryForward: '5.90' });
    expect(f.T03?.rows.map((r) => [r.code, r.values])).toEqual([
      ['201', { total: '167.75', basic: '130.50', project: '37.25', carryForward: '5.00' }],
      ['20103', { total: '167.75', basic: '130.50', project: '37.25', carryForward: '5.00' }],
      ['2010301', { total: '130.50', basic: '130.50' }],
      ['2010302', { total: '37.25', project: '37.25', carryForward: '5.00' }],
      ['208', { total: '6.10', basic: '4.10', project: '2.00', carryForward: '0.90' }],
      ['20805', { total: '6.10', basic: '4.10', project: '2.00', carryForward: '0.90' }],
      ['2080501', { total: '5.00', basic: '3.00', project: '2.00' }],
      ['2080505', { total: '1.10', basic: '1.10', carryForward: '0.90' }],
    ]);
  });

  it('T05, T08, T09: one fiscal fund each, 基本 = 人员 + 日常公用', () => {
    expect(f.T05?.total?.values).toEqual({ total: '150.50', basic: '120.50', personnel: '100.00', publicUse: '20.50', project: '30.00' });
    expect(f.T05?.rows.map((r) => r.code)).toEqual(['201', '20103', '2010301', '2010302']);
    expect(f.T08?.rows.map((r) => [r.code, r.values])).toEqual([
      ['201', { total: '7.25', project: '7.25' }],
      ['20103', { total: '7.25', project: '7.25' }],
      ['2010302', { total: '7.25', project: '7.25' }],
    ]);
    expect(f.T09?.total?.values).toEqual({ total: '3.00', basic: '3.00', personnel: '3.00' });
    expect(f.T09?.note).toBeUndefined();
  });

  it('T01 and T04 balance, income by source and expense by class', () => {
    const income = Object.fromEntries((f.T01?.income ?? []).map((r) => [r.key, r.values.amount]));
    expect(income).toEqual({
      fiscal: '165.75', gpb: '155.50', gfb: '7.25', soc: '3.00', specialAccount: undefined, businessIncome: '10.00', operatingIncome: undefined,
      otherIncome: '2.00', currentTotal: '177.75', superiorSubsidy: undefined, affiliatedRemit: undefined, nonFiscalSurplus: undefined, carryOver: '2.00', grandTotal: '179.75',
    });
    const expense = Object.fromEntries((f.T01?.expense ?? []).filter((r) => r.values.amount !== undefined).map((r) => [r.key, r.values.amount]));
    expect(expense).toEqual({ '201': '167.75', '208': '6.10', currentTotal: '173.85', carryForward: '5.90', grandTotal: '179.75' });
    expect(f.T01?.expense.map((r) => r.label).slice(0, 3)).toEqual(['一、一般公共服务支出', '二、外交支出', '三、公共安全支出']);

    const t04 = Object.fromEntries((f.T04?.expense ?? []).filter((r) => Object.keys(r.values).length > 0).map((r) => [r.key, r.values]));
    expect(t04).toEqual({
      '201': { total: '157.75', gpb: '150.50', gfb: '7.25' },
      '208': { total: '3.00', soc: '3.00' },
      currentTotal: { total: '160.75', gpb: '150.50', gfb: '7.25', soc: '3.00' },
      carryForward: { total: '5.00', gpb: '5.00' },
      grandTotal: { total: '165.75', gpb: '155.50', gfb: '7.25', soc: '3.00' },
    });
    expect(f.T04?.income.find((r) => r.key === 'grandTotal')?.values).toEqual({ amount: '165.75' });
  });

  it('T06: 一般公共预算 basic expenditure by economic pair, 类 rows with the personnel/public split of the class', () => {
    expect(f.T06?.total?.values).toEqual({ basic: '120.50', personnel: '100.00', publicUse: '20.50' });
    expect(f.T06?.rows).toEqual([
      { department: { code: '301', name: '工资福利支出' }, government: { code: '501', name: '机关工资福利支出' }, values: { basic: '100.00', personnel: '100.00' } },
      { department: { code: '30101', name: '基本工资' }, government: { code: '50101', name: '工资奖金津补贴' }, values: { basic: '80.00', personnel: '80.00' } },
      { department: { code: '30102', name: '津贴补贴' }, government: { code: '50101', name: '工资奖金津补贴' }, values: { basic: '20.00', personnel: '20.00' } },
      { department: { code: '302', name: '商品和服务支出' }, government: { code: '502', name: '机关商品和服务支出' }, values: { basic: '20.50', publicUse: '20.50' } },
      { department: { code: '30201', name: '办公费' }, government: { code: '50201', name: '办公经费' }, values: { basic: '20.50', publicUse: '20.50' } },
    ]);
  });

  it('T10: every source, 单位资金 = the unit\'s own income (docs/decisions/004-unit-funds.md)', () => {
    expect(f.T10?.total?.values).toEqual({ total: '134.60', fiscal: '123.50', gpb: '120.50', soc: '3.00', unitFunds: '11.10' });
    expect(f.T10?.rows.map((r) => [r.department.code, r.government?.code, r.values])).toEqual([
      ['301', '501', { total: '110.00', fiscal: '100.00', gpb: '100.00', unitFunds: '10.00' }],
      ['30101', '50101', { total: '90.00', fiscal: '80.00', gpb: '80.00', unitFunds: '10.00' }],
      ['30102', '50101', { total: '20.00', fiscal: '20.00', gpb: '20.00' }],
      ['302', '502', { total: '21.60', fiscal: '20.50', gpb: '20.50', unitFunds: '1.10' }],
      ['30201', '50201', { total: '21.60', fiscal: '20.50', gpb: '20.50', unitFunds: '1.10' }],
      ['303', '509', { total: '3.00', fiscal: '3.00', soc: '3.00' }],
      ['30302', '50905', { total: '3.00', fiscal: '3.00', soc: '3.00' }],
    ]);
    expect(f.T10?.rows[5]?.government?.name).toBe('对个人和家庭的补助');
  });

  it('T07: 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行维护, with the two years', () => {
    expect(f.T07?.years).toEqual({ previous: 2024, current: 2025 });
    expect(f.T07?.previous).toEqual({ total: '1.50', abroad: '1.00', reception: '0.50' });
    expect(f.T07?.current).toEqual({ total: '2.40', vehicle: '2.00', vehicleOperation: '2.00', reception: '0.40' });
    expect(f.T07?.note).toBeUndefined();
  });

  it('T11: the 合计 row first, projects with 财政拨款 = the fiscal funds', () => {
    expect(f.T11?.total).toEqual({ label: '合计', values: { total: '39.25', fiscal: '37.25', gpb: '30.00', gfb: '7.25', carryOver: '2.00' } });
    expect(f.T11?.rows).toEqual([
      { name: '办公楼维修', type: '特定目标类', values: { total: '37.25', fiscal: '37.25', gpb: '30.00', gfb: '7.25' } },
      { name: '离退休活动', values: { total: '2.00', carryOver: '2.00' } },
    ]);
  });

  it('T12: procurement by code and source with rollups', () => {
    expect(f.T12?.total?.values).toEqual({ total: '15.50', fiscal: '15.00', gpb: '12.00', gfb: '3.00', unitFunds: '0.50' });
    expect(f.T12?.rows.map((r) => [r.code, r.name, r.values.total])).toEqual([
      ['201', '一般公共服务支出', '15.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '15.00'],
      ['2010302', '一般行政管理事务', '15.00'],
      ['208', '社会保障和就业支出', '0.50'],
      ['20805', '行政事业单位养老支出', '0.50'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '0.50'],
    ]);
  });

  it('P: funds from the project, never retyped; indicator values parsed', () => {
    expect(model.performance).toEqual([
      {
        title: '2025年预算项目支出绩效目标表',
        project: '办公楼维修',
        department: '测试局',
        implementer: '测试局办公室',
        funds: { total: '37.25', fiscal: '37.25', other: '0.00' },
        target: '完成办公楼维修。',
        indicators: [
          { level1: '产出指标', level2: '数量指标', level3: '维修面积', value: { kind: 'quantity', text: '≥500平方米', op: '≥', number: '500', unit: '平方米' } },
          { level1: '满意度指标', level2: '服务对象满意度指标', level3: '职工满意度', value: { kind: 'quantity', text: '≥90%', op: '≥', number: '90', unit: '%' } },
        ],
      },
    ]);
  });

  it('narrative figures follow from the tables', () => {
    const figures = Object.fromEntries((model.narrative?.figures ?? []).map((x) => [x.key, x.direction ? `${x.direction} ${x.value}` : `${x.value} ${x.unit}`]));
    expect(figures).toEqual({
      'revenue.total': '179.75 万元',
      'revenue.gpb': '155.50 万元',
      'revenue.gfb': '7.25 万元',
      'revenue.soc': '3.00 万元',
      'revenue.other': '2.00 万元',
      'expense.total': '179.75 万元',
      'expense.basic': '134.60 万元',
      'expense.project': '39.25 万元',
      'change.budget': '179.75 万元',
      'change.total': '减少 20.25',
      'change.revenue': '减少 20.25',
      'change.revenue.gpb': '增加 5.50',
      'change.expense': '减少 20.25',
      'change.expense.project': '减少 0.75',
      'threePublic.previous.total': '1.50 万元',
      'threePublic.current.total': '2.40 万元',
      'threePublic.current.abroad': '0.00 万元',
      'threePublic.current.vehiclePurchase': '0.00 万元',
      'threePublic.current.vehicleOperation': '2.00 万元',
      'threePublic.current.reception': '0.40 万元',
      operatingCost: '120.50 万元',
      'procurement.total': '15.50 万元',
      'procurement.goods': '12.00 万元',
      'procurement.works': '0.00 万元',
      'procurement.services': '3.50 万元',
      'assets.vehicles': '2 辆',
      'assets.generalEquipment': '0 台（件、套）',
      'assets.specialEquipment': '0 台（件、套）',
      'performance.projects': '2 个',
      'performance.funds': '39.25 万元',
      'performance.fiscal': '37.25 万元',
      'performance.keyProjects': '1 个',
      'performance.keyFunds': '37.25 万元',
      'performance.keyFiscal': '37.25 万元',
    });
    expect(model.narrative?.sections.find((s) => s.key === 'overview')?.text).toBe('测试局负责测试。');
    expect(model.narrative?.sections.map((s) => s.key)).toEqual(['overview', 'change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance', 'special', 'glossary']);
    expect(model.narrative?.changeReasons).toBe('维修项目减少。');
    expect(model.narrative?.assetDate).toBe('2024-12-31');
    expect(model.narrative?.keyProjects).toEqual(['办公楼维修']);
  });
});

describe('compose: the narrative texts the figures determine', () => {
  const text = (m: typeof model, key: string) => m.narrative?.sections.find((s) => s.key === key)?.text;

  it('are worded as the reference words them, with the figures', () => {
    expect(text(model, 'change')?.split('\n')).toEqual([
      '按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理，部门本级和所属单位的收入和支出均包含在部门预算中。',
      '（一）收入预算：2025年收入预算179.75万元，其中：一般公共预算收入155.50万元，政府性基金预算收入7.25万元，国有资本经营预算收入3.00万元，事业收入（不含教育收费）10.00万元，其他收入2.00万元，上年结转2.00万元。',
      '（二）支出预算：2025年支出预算179.75万元，其中：基本支出134.60万元，项目支出39.25万元，结转下年5.90万元。',
      '（三）增减变化情况：2025年收支预算179.75万元，较上年预算减少20.25万元，其中：',
      '1. 收入预算减少20.25万元，其中：一般公共预算收入增加5.50万元。',
      '2. 支出预算减少20.25万元，其中：项目支出减少0.75万元。',
      '3. 维修项目减少。',
    ]);
    expect(text(model, 'threePublic')).toBe(
      '2025年一般公共预算“三公”经费支出预算2.40万元，2024年1.50万元，较上年增加0.90万元。其中：因公出国（境）费0.00万元，公务用车购置及运行维护费2.00万元（其中：公务用车购置费0.00万元，公务用车运行维护费2.00万元），公务接待费0.40万元。',
    );
    expect(text(model, 'operatingCost')).toBe('机关运行经费是指用于维持行政及参照公务员法管理单位机关运行的经费。2025年机关运行经费财政拨款预算为120.50万元。');
    expect(text(model, 'procurement')).toBe('2025年政府采购预算15.50万元，其中：政府采购货物预算12.00万元，政府采购工程预算0.00万元，政府采购服务预算3.50万元。');
    expect(text(model, 'assets')).toBe('截至2024年12月31日，本部门共有车辆2辆。\n单位价值50万元以上通用设备0台（件、套），单位价值100万元以上专用设备0台（件、套）。');
    expect(text(model, 'performance')).toBe(
      '测试局部门2025年项目支出全面实施绩效目标管理，涉及预算项目支出2个，预算资金39.25万元，其中财政拨款37.25万元。拟对办公楼维修等1个项目开展部门重点绩效评价，涉及预算资金37.25万元，其中财政拨款37.25万元。根据以前年度绩效评价结果，优化离退休活动等项目支出2025年预算安排，进一步改进管理、完善政策。',
    );
    expect(text(model, 'special')).toBeUndefined();
  });

  it('say what a 事业单位 has, append typed reasons, and yield to typed texts', () => {
    const x = sampleInput();
    x.unit.kind = '事业';
    x.narrative.threePublicReasons = '主要原因是公务用车运行维护费增加。';
    x.narrative.texts.assets = '截至2024年12月31日，本部门共有车辆2辆，均为执法执勤用车。';
    x.threePublic = { previous: {}, current: {} };
    const m = compose(x).model;
    expect(text(m, 'operatingCost')).toBe('机关运行经费是指用于维持行政及参照公务员法管理单位机关运行的经费，测试局部门为事业单位，无机关运行经费。2025年事业运行经费财政拨款预算为120.50万元。');
    expect(text(m, 'threePublic')).toBe('2024年、2025年均未使用一般公共预算拨款安排‘三公’经费支出。');
    expect(text(m, 'assets')).toBe('截至2024年12月31日，本部门共有车辆2辆，均为执法执勤用车。');
    const y = sampleInput();
    y.narrative.threePublicReasons = '主要原因是公务用车运行维护费增加。';
    expect(text(compose(y).model, 'threePublic')).toMatch(/公务接待费0\.40万元。主要原因是公务用车运行维护费增加。$/);
  });
});

describe('compose: empty forms and notes', () => {
  const empty: BudgetInput = { ...sampleInput(), lines: [], basic: [], projects: [], procurement: [], performance: [], threePublic: { previous: {}, current: {} } };
  const { model: m } = compose({ ...empty, narrative: { ...empty.narrative, keyProjects: [], previous: {} } });

  it('forms without data get the note worded as in the reference, and no rows', () => {
    expect(m.forms.T06).toEqual({ title: '一般公共预算基本支出情况表', unit: '万元', note: '注：2025年没有使用一般公共预算拨款安排的基本支出。', rows: [] });
    expect(m.forms.T07?.note).toBe('注：2025年没有一般公共预算“三公”经费支出。');
    expect(m.forms.T08?.note).toBe('注：2025年没有使用政府性基金预算拨款安排的支出。');
    expect(m.forms.T09?.note).toBe('注：2025年没有使用国有资本经营预算拨款安排的支出。');
    expect(m.forms.T10?.note).toBe('注：测试局2025年没有基本支出预算。');
    expect(m.forms.T11).toEqual({ title: '项目支出预算情况表', unit: '万元', note: '注：测试局2025年没有项目支出预算。', rows: [] });
    expect(m.forms.T12?.note).toBe('注：测试局2025年没有政府采购预算。');
    expect(m.forms.T01?.note).toBe('注：测试局2025年没有收支预算。');
    expect(m.forms.T04?.note).toBe('注：2025年没有财政拨款收支预算。');
    expect(f.T01?.note).toBeUndefined();
    expect(f.T04?.note).toBeUndefined();
    expect(DisclosureSchema.safeParse(m).success).toBe(true);
  });

  it('a typed note replaces the generated one', () => {
    const x = sampleInput();
    x.basic = [];
    x.lines = x.lines.filter((l) => l.personnel === undefined && l.publicUse === undefined);
    x.narrative.notes = { T06: '注：本单位基本支出由主管部门统一安排。' };
    expect(compose(x).model.forms.T06?.note).toBe('注：本单位基本支出由主管部门统一安排。');
  });
});

describe('compose: figures that disagree between sheets', () => {
  it('basic expenditure by economic code ≠ the lines, per source and kind', () => {
    const x = sampleInput();
    x.basic[0] = { ...x.basic[0]!, amount: '79.00' };
    const d = compose(x).diagnostics;
    expect(d).toEqual([
      {
        ruleId: 'input/inconsistent',
        severity: 'error',
        messageId: 'basic-mismatch',
        data: { source: '一般公共预算', sourceEn: 'general public budget', kind: '人员支出', kindEn: 'personnel', expected: '100.00', actual: '99.00' },
        location: { sheet: '基本支出', rowKey: 'personnel', columnKey: 'gpb' },
        expected: '100.00',
        actual: '99.00',
      },
    ]);
    expect(renderInputMessage(d[0]!)).toBe('一般公共预算的人员支出：收入支出明细合计 100.00，基本支出表（按经济分类）合计 99.00，两者不一致。');
    expect(renderInputMessage(d[0]!, 'en')).toContain('general public budget, personnel');
  });

  it('projects ≠ the lines\' project expenditure, per source', () => {
    const x = sampleInput();
    x.projects[0]!.amounts.gfb = '7.00';
    expect(compose(x).diagnostics.map((d) => [d.messageId, d.location.columnKey, d.expected, d.actual])).toEqual([['project-mismatch', 'gfb', '7.25', '7.00']]);
  });

  it('procurement above the code\'s expenditure, located at the typed cell when a source map is given', () => {
    const x = sampleInput();
    x.procurement[2]!.amount = '1.20';
    const sourceMap = { 'procurement.2.amount': { sheet: '政府采购', cell: 'E6' } };
    const d = compose(x, { sourceMap }).diagnostics;
    expect(d).toEqual([
      {
        ruleId: 'input/inconsistent',
        severity: 'error',
        messageId: 'procurement-exceeds',
        data: { code: '2080505', expected: '1.10', actual: '1.20' },
        location: { sheet: '政府采购', cell: 'E6', rowKey: '2080505' },
        expected: '1.10',
        actual: '1.20',
      },
    ]);
  });

  it('performance targets and key projects naming a project that does not exist', () => {
    const x = sampleInput();
    x.performance[0]!.project = '不存在的项目';
    x.narrative.keyProjects = ['另一个'];
    const { model: m, diagnostics: d } = compose(x);
    expect(d.map((i) => [i.messageId, i.data.project, i.location.sheet])).toEqual([
      ['unknown-project', '不存在的项目', '绩效指标'],
      ['unknown-project', '另一个', '说明'],
    ]);
    expect(m.performance[0]?.funds).toEqual({});
    expect(DisclosureSchema.safeParse(m).success).toBe(true);
  });

  it('codes without a name anywhere, and classes outside the 21 of T01', () => {
    const x = sampleInput();
    x.lines.push({ code: '2279901', source: 'gpb', project: '1.00' });
    x.projects[0]!.amounts.gpb = '31.00';
    const { model: m, diagnostics: d } = compose(x);
    // 227 预备费 is in the bundled catalogue; its 款 and 项 here are not.
    expect(d.map((i) => [i.ruleId, i.severity, i.data.code])).toEqual([
      ['input/missing-name', 'warning', '22799'],
      ['input/missing-name', 'warning', '2279901'],
      ['input/unknown-class', 'warning', '2279901'],
    ]);
    expect(m.forms.T03?.rows.find((r) => r.code === '227')?.name).toBe('预备费');
    expect(m.forms.T03?.rows.find((r) => r.code === '22799')?.name).toBe('');
    expect(m.forms.T03?.total?.values.total).toBe('174.85');
  });

  it('sheets that disagree still yield the whole model', () => {
    const x = sampleInput();
    x.basic = [];
    x.projects = [];
    const { model: m, diagnostics: d } = compose(x);
    expect(d.filter((i) => i.ruleId === 'input/inconsistent').length).toBeGreaterThan(0);
    expect(m.forms.T03?.total?.values.total).toBe('173.85');
    expect(m.forms.T10?.rows).toEqual([]);
    expect(DisclosureSchema.safeParse(m).success).toBe(true);
  });
});

describe('fillSubjectNames', () => {
  it('adds the bundled catalogue\'s names where the input has none, never replacing typed ones', () => {
    const x = sampleInput();
    x.lines.push({ code: '2279901', source: 'gpb', project: '1.00' });
    const filled = fillSubjectNames(x);
    expect(filled.subjects).toEqual([
      { code: '20103', name: '政府办公厅（室）及相关机构事务' },
      { code: '201', name: '一般公共服务支出' },
      { code: '208', name: '社会保障和就业支出' },
      { code: '20805', name: '行政事业单位养老支出' },
      { code: '227', name: '预备费' },
    ]);
    expect(filled.lines[1]?.name).toBe('行政运行');
    expect(filled.lines[7]?.name).toBeUndefined();
    expect(filled.economicSubjects.map((s) => s.code)).toEqual(['509', '301', '302', '303', '501', '502']);
    expect(compose(filled).model.forms.T03).toEqual(compose(x).model.forms.T03);
  });
});
