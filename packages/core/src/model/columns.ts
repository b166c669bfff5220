/**
 * The semantic vocabulary of the disclosure model: column keys (what an amount
 * column means), the row keys of the two overview forms (T01, T04), the form ids
 * and their Chinese names. Layouts, rules, messages and the JSON Schema all use
 * these keys; the Chinese labels are the standard headers of the reference forms.
 */

export const FORM_IDS = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12'] as const;
export type FormId = (typeof FORM_IDS)[number];

/** Standard titles (reference profile) and the ordinal used in 目录 (表一 … 表十二). */
export const FORM_TITLES: Readonly<Record<FormId, string>> = {
  T01: '收支总体情况表',
  T02: '收入总体情况表',
  T03: '支出总体情况表',
  T04: '财政拨款收支总体情况表',
  T05: '一般公共预算支出情况表',
  T06: '一般公共预算基本支出情况表',
  T07: '一般公共预算“三公”经费支出情况表',
  T08: '政府性基金预算支出情况表',
  T09: '国有资本经营预算支出情况表',
  T10: '基本支出预算情况表',
  T11: '项目支出预算情况表',
  T12: '政府采购预算情况表',
};

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** 表一 收支总体情况表 */
export function formLabel(id: FormId): string {
  const i = FORM_IDS.indexOf(id);
  return `表${ORDINALS[i] ?? String(i + 1)} ${FORM_TITLES[id]}`;
}

/** Every amount column of every form, with its Chinese header. */
export const COLUMN_LABELS = {
  amount: '预算数',
  total: '合计',
  fiscal: '财政拨款（小计）',
  gpb: '一般公共预算',
  gfb: '政府性基金预算',
  soc: '国有资本经营预算',
  specialAccount: '财政专户管理资金',
  businessIncome: '事业收入（不含教育收费）',
  operatingIncome: '事业单位经营收入',
  otherIncome: '其他收入',
  superiorSubsidy: '上级补助收入',
  affiliatedRemit: '附属单位上缴收入',
  nonFiscalSurplus: '使用非财政拨款结余',
  carryOver: '上年结转',
  unitFunds: '单位资金',
  basic: '基本支出',
  personnel: '人员支出',
  publicUse: '日常公用支出',
  project: '项目支出',
  carryForward: '结转下年',
  goods: '货物',
  works: '工程',
  services: '服务',
  abroad: '因公出国（境）经费',
  vehicle: '公务用车购置及运行维护费（小计）',
  vehiclePurchase: '公务用车购置经费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
  other: '其他资金',
  // Columns of other template profiles (see packages/core/src/profiles).
  fiscalFunding: '其中：经费拨款',
  operatingExpense: '事业单位经营支出',
  subsidyToAffiliates: '对附属单位补助支出',
  remitToSuperior: '上缴上级支出',
  operatingCost: '机关运行经费',
  meeting: '会议费',
  training: '培训费',
  threePublicWithMeetings: '合计（“三公”经费及会议费、培训费）',
} as const;
export type ColumnKey = keyof typeof COLUMN_LABELS;

export const COLUMN_LABELS_EN: Readonly<Record<ColumnKey, string>> = {
  amount: 'budget',
  total: 'total',
  fiscal: 'fiscal appropriation (subtotal)',
  gpb: 'general public budget',
  gfb: 'government fund budget',
  soc: 'state capital operation budget',
  specialAccount: 'fiscal special account',
  businessIncome: 'business income (excl. tuition)',
  operatingIncome: 'operating income',
  otherIncome: 'other income',
  superiorSubsidy: 'subsidy from superior',
  affiliatedRemit: 'remittance from affiliates',
  nonFiscalSurplus: 'use of non-fiscal surplus',
  carryOver: 'carried over from last year',
  unitFunds: 'unit funds',
  basic: 'basic expenditure',
  personnel: 'personnel',
  publicUse: 'public use',
  project: 'project expenditure',
  carryForward: 'carried forward',
  goods: 'goods',
  works: 'works',
  services: 'services',
  abroad: 'official travel abroad',
  vehicle: 'official vehicles (subtotal)',
  vehiclePurchase: 'vehicle purchase',
  vehicleOperation: 'vehicle operation',
  reception: 'official reception',
  other: 'other funds',
  fiscalFunding: 'of which: operating appropriation',
  operatingExpense: 'operating expenditure of public institutions',
  subsidyToAffiliates: 'subsidies to affiliated units',
  remitToSuperior: 'remittance to superior',
  operatingCost: 'administrative operating cost',
  meeting: 'meetings',
  training: 'training',
  threePublicWithMeetings: 'total incl. meetings and training',
};

/** Amount columns of each coded or listed form (the model may omit any of them: blank). */
export const FORM_COLUMNS = {
  T02: ['total', 'fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver', 'fiscalFunding'],
  T03: ['total', 'basic', 'project', 'carryForward', 'operatingExpense', 'subsidyToAffiliates', 'remitToSuperior'],
  T05: ['total', 'basic', 'personnel', 'publicUse', 'project'],
  T06: ['basic', 'personnel', 'publicUse'],
  T07: ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception', 'operatingCost', 'meeting', 'training', 'threePublicWithMeetings'],
  T08: ['total', 'basic', 'personnel', 'publicUse', 'project'],
  T09: ['total', 'basic', 'personnel', 'publicUse', 'project'],
  T10: ['total', 'fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
  T11: ['total', 'fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
  T12: ['total', 'fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver', 'goods', 'works', 'services'],
  T01Income: ['amount'],
  T01Expense: ['amount'],
  T04Income: ['amount'],
  T04Expense: ['total', 'gpb', 'gfb', 'soc'],
} as const satisfies Record<string, readonly ColumnKey[]>;

/** The 21 function classes (类) of the overview forms, in published order. */
export const FUNCTION_CLASSES = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['229', '其他支出'],
] as const;
export type FunctionClassCode = (typeof FUNCTION_CLASSES)[number][0];

/**
 * Function classes (类) that other template profiles list in their overview
 * forms besides the 21 of the reference (国防, 社会保险基金, 援助其他地区, 预备费,
 * 转移性支出, 债务还本 / 付息 / 发行费用).
 */
export const OTHER_FUNCTION_CLASSES = [
  ['203', '国防支出'],
  ['209', '社会保险基金支出'],
  ['219', '援助其他地区支出'],
  ['227', '预备费'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
] as const;

/**
 * Rows of the overview forms (T01, T04) that only other template profiles
 * publish, by side. The reference's rows are T01_INCOME_ROWS … T04_EXPENSE_ROWS.
 */
export const PROFILE_OVERVIEW_ROWS = {
  T01: {
    income: {
      departmentBudget: '一、部门预算',
      gpbSpecial: '其中：专项资金列入部门预算的项目',
      businessIncomeSpecialAccount: '其中：纳入财政专户管理的收费',
      businessFund: '用事业基金弥补收支差额',
      accountBalance: '上年实户资金余额',
      carryOverFiscal: '其中：财政拨款资金结转',
      carryOverNonFiscal: '非财政拨款资金结余',
    },
    expense: {
      departmentBudget: '一、部门预算',
      basic: '基本支出',
      project: '项目支出',
      operatingExpense: '事业单位经营支出',
      surplusDistribution: '结余分配',
      unallocatedBalance: '未安排支出的实户资金',
    },
  },
  T04: {
    income: {
      fiscal: '一、财政拨款',
      gpbSpecial: '其中：专项资金列入部门预算的项目',
    },
    expense: {
      fiscal: '一、财政拨款',
    },
  },
} as const;

/** Fixed rows of T01's income side, with their standard labels. */
export const T01_INCOME_ROWS = {
  fiscal: '一、财政拨款收入',
  gpb: '一般公共预算收入',
  gfb: '政府性基金预算收入',
  soc: '国有资本经营预算收入',
  specialAccount: '二、财政专户管理资金收入',
  businessIncome: '三、事业收入（不含教育收费）',
  operatingIncome: '四、事业单位经营收入',
  otherIncome: '五、其他收入',
  currentTotal: '本年收入合计',
  superiorSubsidy: '上级补助收入',
  affiliatedRemit: '附属单位上缴收入',
  nonFiscalSurplus: '使用非财政拨款结余',
  carryOver: '上年结转',
  grandTotal: '收入总计',
} as const;

/** Fixed rows of T01's expense side besides the 21 classes. */
export const T01_EXPENSE_ROWS = {
  currentTotal: '本年支出合计',
  subsidyToAffiliates: '对附属单位的补助支出',
  remitToSuperior: '上缴上级支出',
  carryForward: '结转下年',
  grandTotal: '支出总计',
} as const;

export const T04_INCOME_ROWS = {
  gpb: '一、一般公共预算收入',
  gfb: '二、政府性基金预算收入',
  soc: '三、国有资本经营预算收入',
  currentTotal: '本年收入合计',
  carryOver: '上年结转',
  grandTotal: '收入总计',
} as const;

export const T04_EXPENSE_ROWS = {
  currentTotal: '本年支出合计',
  carryForward: '结转下年',
  grandTotal: '支出总计',
} as const;

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'] as const;

/** `七、社会保障和就业支出` — the label of a class row in T01/T04. */
export function classRowLabel(code: FunctionClassCode): string {
  const i = FUNCTION_CLASSES.findIndex(([c]) => c === code);
  const entry = FUNCTION_CLASSES[i];
  return entry ? `${CN_NUMERALS[i] ?? ''}、${entry[1]}` : code;
}

/** Narrative sections (第三部分 说明, plus 部门概况 and 名词解释 of the document). */
export const SECTION_TITLES = {
  overview: '部门概况',
  change: '预算收支增减变化情况说明',
  threePublic: '“三公”经费支出情况',
  operatingCost: '机关运行经费情况',
  procurement: '政府采购情况',
  assets: '国有资产占有使用情况',
  performance: '绩效目标情况说明',
  special: '特殊事项说明',
  glossary: '名词解释',
} as const;
export type SectionKey = keyof typeof SECTION_TITLES;

/** Figures the narrative states, keyed by what they name. */
export const NARRATIVE_FIGURES = {
  'revenue.total': '收入预算',
  'revenue.gpb': '一般公共预算收入',
  'revenue.gfb': '政府性基金预算收入',
  'revenue.soc': '国有资本经营预算收入',
  'revenue.other': '其他收入',
  'expense.total': '支出预算',
  'expense.basic': '基本支出',
  'expense.project': '项目支出',
  'change.budget': '收支预算总额',
  'change.total': '收支预算增减',
  'change.revenue': '收入预算增减',
  'change.revenue.gpb': '一般公共预算收入增减',
  'change.revenue.gfb': '政府性基金预算收入增减',
  'change.expense': '支出预算增减',
  'change.expense.basic': '基本支出增减',
  'change.expense.project': '项目支出增减',
  'threePublic.previous.total': '上年“三公”经费',
  'threePublic.current.total': '本年“三公”经费',
  'threePublic.current.abroad': '因公出国（境）费',
  'threePublic.current.vehiclePurchase': '公务用车购置费',
  'threePublic.current.vehicleOperation': '公务用车运行维护费',
  'threePublic.current.reception': '公务接待费',
  operatingCost: '机关运行经费',
  'procurement.total': '政府采购预算',
  'procurement.goods': '政府采购货物预算',
  'procurement.works': '政府采购工程预算',
  'procurement.services': '政府采购服务预算',
  'assets.vehicles': '车辆',
  'assets.generalEquipment': '单位价值50万元以上通用设备',
  'assets.specialEquipment': '单位价值100万元以上专用设备',
  'performance.projects': '实施绩效目标管理的项目',
  'performance.funds': '绩效目标管理涉及资金',
  'performance.fiscal': '绩效目标管理涉及财政拨款',
  'performance.keyProjects': '重点绩效评价项目',
  'performance.keyFunds': '重点绩效评价涉及资金',
  'performance.keyFiscal': '重点绩效评价涉及财政拨款',
} as const;
export type NarrativeFigureKey = keyof typeof NARRATIVE_FIGURES;

/** The performance-indicator framework (财预〔2021〕101号): 一级 → its 二级. */
export const INDICATOR_FRAMEWORK = {
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  产出指标: ['数量指标', '质量指标', '时效指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
} as const;
