/**
 * xian-16: the 16 公开报表 of Xi'an municipal departments' 部门综合预算 (民政局
 * 2021, 生态环境局 2022, 行政审批服务局 2025). Tables in 元, a 序号 column in
 * most tables, codes given whole in one column, economic tables with the
 * 部门 code beside the 政府 code (one row per pair), consolidated budgets with a
 * row per 预算单位 (部门 241, 单位 241001 …), every page of a table repeating its
 * title. The overview tables show four sides (收入, 支出功能分类, 部门经济分类,
 * 政府经济分类) of which the model holds the first two.
 */
import type { ColumnNode, FormLayout, TableLayout } from '../../forms/types.js';
import { amount, CLASS_KEYS, CLASS_ROWS, economic, group, label, name, paired, row, sided, skip, subjects, sum, unitCode, value, wholeCode } from '../kit.js';
import type { OverviewFormula, Profile, ProfileForm, StandardForm } from '../types.js';

const UNIT_LINE = '单位：{amountUnit}';

function form(layout: Omit<FormLayout, 'sheetName' | 'unitLine'>, extra: Omit<StandardForm, 'kind' | 'layout'> = {}): StandardForm {
  return { kind: 'form', layout: { ...layout, sheetName: layout.title.slice(0, 31), unitLine: UNIT_LINE }, ...extra };
}

function table(layout: TableLayout, extra: Omit<ProfileForm, 'kind' | 'layout'> = {}): ProfileForm {
  return { kind: 'table', layout, ...extra };
}

const SERIAL = skip('序号');
const REMARK = skip('备注');
const ECONOMIC_SIDES = '部门预算支出经济分类、政府预算支出经济分类的大类两栏：模型不存经济分类大类的汇总栏';

/** The two economic sides of the overview tables, recognised and passed over. */
const economicSides: readonly ColumnNode[] = [
  skip('部门预算支出经济科目（按大类）', ['部门预算支出经济分类科目（按大类）'], ECONOMIC_SIDES),
  skip('预算数'),
  skip('政府预算支出经济分类科目（按大类）', ['政府预算支出经济科目（按大类）']),
  skip('预算数'),
];

const FUNCTION_SIDE_LABEL = ['支出功能分类科目（按大类）', '支出功能分科目（按大类）'];

const T01_INCOME = [
  row('departmentBudget', '一、部门预算'),
  row('fiscal', '1、财政拨款'),
  row('gpb', '(1)一般公共预算拨款'),
  row('gpbSpecial', '其中：专项资金列入部门预算的项目'),
  row('gfb', '(2)政府性基金拨款'),
  row('soc', '(3)国有资本经营预算收入'),
  row('superiorSubsidy', '2、上级补助收入'),
  row('businessIncome', '3、事业收入'),
  row('businessIncomeSpecialAccount', '其中：纳入财政专户管理的收费'),
  row('operatingIncome', '4、事业单位经营收入'),
  row('affiliatedRemit', '5、附属单位上缴收入'),
  row('otherIncome', '6、其他收入'),
  row('currentTotal', '本年收入合计'),
  row('businessFund', '用事业基金弥补收支差额'),
  row('nonFiscalSurplus', '使用非财政拨款结余'),
  row('accountBalance', '上年实户资金余额'),
  row('carryOver', '上年结转'),
  row('carryOverFiscal', '其中：财政拨款资金结转'),
  row('carryOverNonFiscal', '非财政拨款资金结余'),
  row('grandTotal', '收入总计'),
];

const T01_EXPENSE = [row('departmentBudget', '一、部门预算'), ...CLASS_ROWS, row('currentTotal', '本年支出合计'), row('carryForward', '结转下年'), row('unallocatedBalance', '未安排支出的实户资金'), row('grandTotal', '支出总计')];

const INCOME_SOURCES = ['fiscal', 'superiorSubsidy', 'businessIncome', 'operatingIncome', 'affiliatedRemit', 'otherIncome'];

const T01_FORMULAS: readonly OverviewFormula[] = [
  { side: 'income', key: 'fiscal', parts: ['gpb', 'gfb', 'soc'] },
  { side: 'income', key: 'departmentBudget', parts: INCOME_SOURCES },
  { side: 'income', key: 'currentTotal', parts: INCOME_SOURCES },
  { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'businessFund', 'nonFiscalSurplus', 'accountBalance', 'carryOver'] },
  { side: 'expense', key: 'departmentBudget', parts: CLASS_KEYS },
  { side: 'expense', key: 'currentTotal', parts: CLASS_KEYS },
  { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'carryForward', 'unallocatedBalance'] },
];

const T04_INCOME = [
  row('fiscal', '一、财政拨款'),
  row('gpb', '1、一般公共预算拨款'),
  row('gpbSpecial', '其中：专项资金列入部门预算的项目'),
  row('gfb', '2、政府性基金拨款'),
  row('soc', '3、国有资本经营预算收入'),
  row('currentTotal', '本年收入合计'),
  row('carryOver', '上年结转'),
  row('grandTotal', '收入总计'),
];

const T04_EXPENSE = [row('fiscal', '一、财政拨款'), ...CLASS_ROWS, row('currentTotal', '本年支出合计'), row('carryForward', '结转下年'), row('grandTotal', '支出总计')];

const T04_FORMULAS: readonly OverviewFormula[] = [
  { side: 'income', key: 'fiscal', parts: ['gpb', 'gfb', 'soc'] },
  { side: 'income', key: 'currentTotal', parts: ['gpb', 'gfb', 'soc'] },
  { side: 'income', key: 'grandTotal', parts: ['fiscal', 'carryOver'] },
  { side: 'expense', key: 'fiscal', parts: CLASS_KEYS },
  { side: 'expense', key: 'currentTotal', parts: CLASS_KEYS },
  { side: 'expense', key: 'grandTotal', parts: ['fiscal', 'carryForward'] },
];

const overviewColumns = (expenseAmount: ColumnNode): ColumnNode[] => [
  SERIAL,
  group('收入', [label('income', '项目'), sided('预算数', 'amount', 'income')]),
  group('支出', [label('expense', FUNCTION_SIDE_LABEL[0] ?? '', FUNCTION_SIDE_LABEL.slice(1)), expenseAmount, ...economicSides]),
];

/** 单位编码 | 单位名称: the rows per 预算单位 of a consolidated budget. */
const UNIT_COLUMNS: readonly ColumnNode[] = [SERIAL, unitCode('单位编码', ['单位编码', '预算单位代码']), name('unit', '单位名称', ['预算单位名称'])];

/** 表2 收入总表 / 表3 支出总表: one row per 预算单位, one column per source of funds. */
function fundsByUnit(id: string, title: string, gpbGroup: string): TableLayout {
  const sources = ['一般公共预算拨款', '政府性基金拨款', '上级补助收入', '事业收入', '事业单位经营收入', '对附属单位上缴收入', '用事业基金弥补收支差额', '使用非财政拨款结余', '上年实户资金余额', '其他收入', '上年结转'];
  return {
    id,
    title,
    titleVariants: [],
    codes: 'unit',
    columns: [
      ...UNIT_COLUMNS,
      value('总计', '总计'),
      group('部门预算', [
        value('合计', '合计'),
        group(gpbGroup, [value('小计', '一般公共预算拨款'), value('其中：专项资金列入部门预算项目', '其中：专项资金', ['其中：专项资金列入部门预算的项目'])], { aliases: ['一般公共预算拨款', '公共预算拨款'] }),
        value('政府性基金拨款', '政府性基金拨款'),
        value('上级补助收入', '上级补助收入'),
        value('事业收入', '事业收入'),
        value('事业单位经营收入', '事业单位经营收入'),
        value('对附属单位上缴收入', '对附属单位上缴收入', ['附属单位上缴收入']),
        value('用事业基金弥补收支差额', '用事业基金弥补收支差额'),
        value('使用非财政拨款结余', '使用非财政拨款结余'),
        value('上年实户资金余额', '上年实户资金余额'),
        value('其他收入', '其他收入'),
        value('上年结转', '上年结转'),
      ]),
    ],
    formulas: [sum('合计', ...sources), sum('总计', '合计')],
  };
}

/** 表13: 三公 by unit; 合计 is the 三公 小计 plus 会议费 and 培训费. */
function threePublicYear(side: 'previous' | 'current', year: string, aliases: readonly string[]): ColumnNode {
  return group(
    year,
    [
      sided('合计', 'threePublicWithMeetings', side),
      group(
        '一般公共预算拨款安排的“三公”经费预算',
        [
          sided('小计', 'total', side),
          sided('因公出国（境）费用', 'abroad', side, ['因公出国（境）费']),
          sided('公务接待费', 'reception', side),
          group('公务用车购置及运行维护费', [sided('小计', 'vehicle', side), sided('公务用车购置费', 'vehiclePurchase', side), sided('公务用车运行维护费', 'vehicleOperation', side, ['公务用车运行费'])], { aliases: ['公务用车购置及运行费'] }),
        ],
        { aliases: ['“三公”经费'] },
      ),
      sided('会议费', 'meeting', side),
      sided('培训费', 'training', side),
    ],
    { aliases },
  );
}

const CHANGE_COLUMNS = '增减变化情况：模型只存两年的数，增减栏未读';

function changeGroup(): ColumnNode {
  return group('增减变化情况', [
    skip('合计', [], CHANGE_COLUMNS),
    group('一般公共预算拨款安排的“三公”经费预算', [skip('小计'), skip('因公出国（境）费用'), skip('公务接待费'), group('公务用车购置及运行维护费', [skip('小计'), skip('公务用车购置费'), skip('公务用车运行维护费', ['公务用车运行费'])], { aliases: ['公务用车购置及运行费'] })]),
    skip('会议费'),
    skip('培训费'),
  ]);
}

const THREE_PUBLIC_FORMULAS = [sum('total', 'abroad', 'vehicle', 'reception'), sum('vehicle', 'vehiclePurchase', 'vehicleOperation'), sum('threePublicWithMeetings', 'total', 'meeting', 'training')];

const THREE_PUBLIC_TITLE = '一般公共预算拨款“三公”经费及会议费、培训费支出预算表';

export const XIAN_16: Profile = {
  id: 'xian-16',
  name: '部门综合预算公开报表（西安市级模板，16 张表）',
  region: '陕西省西安市（市级部门）',
  source: '西安市民政局 2021、西安市生态环境局 2022、西安市行政审批服务局 2025 部门综合预算（corpus 04、05、06）',
  unit: '元',
  classRows: 'own',
  absentOverviewRows: 'unknown',
  repeatsTitles: true,
  forms: [
    form({ id: 'T01', title: '部门综合预算收支总表', titleVariants: [], columns: overviewColumns(sided('预算数', 'amount', 'expense')), body: paired(T01_INCOME, T01_EXPENSE) }, { overviewFormulas: T01_FORMULAS }),
    table(fundsByUnit('xian-16/表2', '部门综合预算收入总表', '一般公共预算拨款')),
    table(fundsByUnit('xian-16/表3', '部门综合预算支出总表', '公共预算拨款')),
    form({ id: 'T04', title: '部门综合预算财政拨款收支总表', titleVariants: [], columns: overviewColumns(sided('预算数', 'total', 'expense')), body: paired(T04_INCOME, T04_EXPENSE) }, { overviewFormulas: T04_FORMULAS }),
    form(
      {
        id: 'T05',
        title: '部门综合预算一般公共预算支出明细表',
        titleVariants: [],
        columns: [SERIAL, wholeCode('function', '功能科目编码', ['功能分类科目编码']), name('function', '功能科目名称', ['功能分类科目名称']), amount('合计', 'total'), amount('人员经费支出', 'personnel'), amount('公用经费支出', 'publicUse'), amount('专项业务经费支出', 'project'), REMARK],
        body: subjects(),
      },
      { qualifier: '功能分类', rowFormulas: [sum('total', 'personnel', 'publicUse', 'project')] },
    ),
    table(
      {
        id: 'xian-16/表6',
        title: '部门综合预算一般公共预算支出明细表',
        titleVariants: [],
        codes: 'economic',
        columns: [
          SERIAL,
          wholeCode('department', '部门经济科目编码', ['部门经济分类科目编码']),
          name('department', '部门经济科目名称', ['部门经济分类科目名称']),
          wholeCode('government', '政府经济科目编码', ['政府经济分类科目编码']),
          name('government', '政府经济科目名称', ['政府经济分类科目名称']),
          value('合计', '合计'),
          value('人员经费支出', '人员经费支出'),
          value('公用经费支出', '公用经费支出'),
          value('专项业务经费支出', '专项业务经费支出'),
          REMARK,
        ],
        formulas: [sum('合计', '人员经费支出', '公用经费支出', '专项业务经费支出')],
      },
      { qualifier: '经济分类' },
    ),
    table(
      {
        id: 'xian-16/表7',
        title: '部门综合预算一般公共预算基本支出明细表',
        titleVariants: [],
        codes: 'function',
        columns: [SERIAL, wholeCode('function', '功能科目编码', ['功能分类科目编码']), name('function', '功能科目名称', ['功能分类科目名称']), value('合计', '合计'), value('人员经费支出', '人员经费支出'), value('公用经费支出', '公用经费支出'), REMARK],
        formulas: [sum('合计', '人员经费支出', '公用经费支出')],
      },
      { qualifier: '功能分类' },
    ),
    form(
      {
        id: 'T06',
        title: '部门综合预算一般公共预算基本支出明细表',
        titleVariants: [],
        columns: [
          SERIAL,
          wholeCode('department', '部门经济科目编码', ['部门经济分类科目编码']),
          name('department', '部门经济科目名称', ['部门经济分类科目名称']),
          wholeCode('government', '政府经济科目编码', ['政府经济分类科目编码']),
          name('government', '政府经济科目名称', ['政府经济分类科目名称']),
          amount('合计', 'basic'),
          amount('人员经费支出', 'personnel'),
          amount('公用经费支出', 'publicUse'),
          REMARK,
        ],
        body: economic(),
      },
      { qualifier: '经济分类' },
    ),
    {
      kind: 'unread',
      layout: {
        id: 'xian-16/表9',
        title: '部门综合预算政府性基金收支表',
        titleVariants: [],
        reason: '四栏收支表（收入、支出功能分类大类、部门经济分类大类、政府经济分类大类），行上没有科目编码，与参考文件的政府性基金预算支出情况表（按功能分类科目到项）不是同一张表',
      },
    },
    table({
      id: 'xian-16/表10',
      title: '部门综合预算专项业务经费支出表',
      titleVariants: [],
      codes: 'unit',
      columns: [SERIAL, unitCode('单位编码'), name('unit', '单位（项目）名称', ['单位(项目)名称']), value('项目金额', '项目金额'), skip('项目简介')],
      formulas: [],
    }),
    table({
      id: 'xian-16/表11',
      title: '部门综合预算财政拨款上年结转资金支出表',
      titleVariants: [],
      codes: 'unit',
      columns: [
        unitCode('预算单位代码'),
        name('unit', '预算单位名称'),
        skip('预算项目名称'),
        value('金额', '金额'),
        skip('功能分类科目代码'),
        skip('功能分类科目名称'),
        skip('政府经济分类科目代码'),
        skip('政府经济分类科目名称'),
        skip('项目类别'),
        skip('资金性质'),
        REMARK,
      ],
      formulas: [],
    }),
    {
      kind: 'unread',
      layout: {
        id: 'xian-16/表12',
        title: '部门综合预算政府采购（资产配置、购买服务）预算表',
        titleVariants: [],
        reason: '采购明细表：按功能分类项级科目、预算单位、采购项目逐行列示（含数量、采购目录、经济分类），不是按科目汇总的政府采购预算情况表',
      },
    },
    form(
      {
        id: 'T07',
        title: `部门综合预算${THREE_PUBLIC_TITLE}`,
        titleVariants: [],
        columns: [SERIAL, ...UNIT_COLUMNS.slice(1), threePublicYear('previous', '{previousYear}年', ['上年']), threePublicYear('current', '{currentYear}年', ['当年']), changeGroup()],
        body: { kind: 'years' },
      },
      { requires: ['增减变化情况'], rowFormulas: THREE_PUBLIC_FORMULAS, unitRows: { id: 'xian-16/表13' } },
    ),
    form(
      {
        id: 'T07',
        title: `部门综合预算${THREE_PUBLIC_TITLE}`,
        titleVariants: [],
        columns: [SERIAL, ...UNIT_COLUMNS.slice(1), threePublicYear('current', '{currentYear}年', ['当年'])],
        body: { kind: 'years' },
      },
      { rowFormulas: THREE_PUBLIC_FORMULAS, unitRows: { id: 'xian-16/表13' } },
    ),
    {
      kind: 'unread',
      layout: { id: 'xian-16/表14', title: '专项业务经费绩效目标表', titleVariants: [], reason: '绩效目标表（部门专项业务经费汇总一张）：指标栏与参考文件的项目绩效目标表不同（指标内容、备注、分值权重栏）' },
    },
    { kind: 'unread', layout: { id: 'xian-16/表15', title: '部门整体支出绩效目标表', titleVariants: [], reason: '部门整体支出绩效目标表：参考文件没有对应的表' } },
    { kind: 'unread', layout: { id: 'xian-16/表16', title: '专项资金总体绩效目标表', titleVariants: [], reason: '专项资金总体绩效目标表：参考文件没有对应的表' } },
  ],
};
