/**
 * The input workbook (底稿) as data: every figure typed once, by 项 code and fund
 * source, by economic code pair, by project. compose() turns it into a
 * Disclosure with every rollup computed; extract() goes the other way.
 *
 * Amounts are canonical decimal strings like the Disclosure model ("10351.24",
 * "0.00"); an absent amount is a blank cell.
 */
import { z } from 'zod';
import { FORM_IDS, SECTION_TITLES, type FormId, type SectionKey } from '../model/columns.js';
import { AmountString, AmountUnitSchema, UnitKind } from '../model/schema.js';

/** Fund sources (资金来源) of the 底稿, in the column order of 表二. */
export const BUDGET_SOURCES = [
  'gpb',
  'gfb',
  'soc',
  'specialAccount',
  'businessIncome',
  'operatingIncome',
  'otherIncome',
  'superiorSubsidy',
  'affiliatedRemit',
  'nonFiscalSurplus',
  'carryOver',
] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** Names of the sources as typed in the 资金来源 column. */
export const BUDGET_SOURCE_NAMES: Readonly<Record<BudgetSource, string>> = {
  gpb: '一般公共预算',
  gfb: '政府性基金预算',
  soc: '国有资本经营预算',
  specialAccount: '财政专户管理资金',
  businessIncome: '事业收入',
  operatingIncome: '事业单位经营收入',
  otherIncome: '其他收入',
  superiorSubsidy: '上级补助收入',
  affiliatedRemit: '附属单位上缴收入',
  nonFiscalSurplus: '使用非财政拨款结余',
  carryOver: '上年结转',
};

export const BUDGET_SOURCE_NAMES_EN: Readonly<Record<BudgetSource, string>> = {
  gpb: 'general public budget',
  gfb: 'government fund budget',
  soc: 'state capital operation budget',
  specialAccount: 'fiscal special account',
  businessIncome: 'business income',
  operatingIncome: 'operating income',
  otherIncome: 'other income',
  superiorSubsidy: 'subsidy from superior',
  affiliatedRemit: 'remittance from affiliates',
  nonFiscalSurplus: 'use of non-fiscal surplus',
  carryOver: 'carried over from last year',
};

/** The three fiscal funds, each with its own appropriation form (表五, 表八, 表九). */
export const FISCAL_FUNDS = ['gpb', 'gfb', 'soc'] as const;
export type FiscalFund = (typeof FISCAL_FUNDS)[number];

/** The four amounts of one 项 code × source. */
export const LINE_AMOUNT_KEYS = ['personnel', 'publicUse', 'project', 'carryForward'] as const;
export type LineAmountKey = (typeof LINE_AMOUNT_KEYS)[number];

/** 三公经费 items as typed; 小计 and 合计 are computed. */
export const THREE_PUBLIC_ITEMS = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number];

export const PROCUREMENT_CATEGORIES = ['货物', '工程', '服务'] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];

/** Sections of the narrative whose text cannot be derived from the tables: typed only. */
export const FREE_TEXT_SECTIONS = ['overview', 'special', 'glossary'] as const;
export type FreeTextSection = (typeof FREE_TEXT_SECTIONS)[number];

/** Every narrative section, in document order. */
export const NARRATIVE_SECTIONS = Object.keys(SECTION_TITLES) as SectionKey[];

export const BudgetSourceSchema = z.enum(BUDGET_SOURCES);

/** 项 of the functional classification: 7 digits starting with 2. */
export const ItemCode = z.string().regex(/^2[0-9]{6}$/, { error: '功能分类项级科目编码须为以 2 开头的 7 位数字' });
/** 类 (3 digits) or 款 (5 digits) of the functional classification. */
export const RollupCode = z.string().regex(/^2[0-9]{2}([0-9]{2})?$/, { error: '功能分类类、款级科目编码须为以 2 开头的 3 或 5 位数字' });
/** 款 of the departmental economic classification (30101). */
export const DepartmentEconomicCode = z.string().regex(/^3[0-9]{4}$/, { error: '部门经济分类款级编码须为以 3 开头的 5 位数字' });
/** 款 of the government economic classification (50101). */
export const GovernmentEconomicCode = z.string().regex(/^5[0-9]{4}$/, { error: '政府经济分类款级编码须为以 5 开头的 5 位数字' });
/** 类 of either economic classification (301, 501). */
export const EconomicClassCode = z.string().regex(/^[35][0-9]{2}$/, { error: '经济分类类级编码须为以 3 或 5 开头的 3 位数字' });

const Text = z.string().min(1);
const Count = z.string().regex(/^(0|[1-9][0-9]*)$/, { error: '须为非负整数' });

const sourceAmountsShape = Object.fromEntries(BUDGET_SOURCES.map((s) => [s, AmountString.optional()])) as {
  [K in BudgetSource]: z.ZodOptional<typeof AmountString>;
};
/** One amount per fund source (blank = absent). */
export const SourceAmountsSchema = z.strictObject(sourceAmountsShape);

export const InputLineSchema = z
  .strictObject({
    code: ItemCode,
    /** The 项 name; the bundled catalogue's name when absent. */
    name: Text.optional(),
    source: BudgetSourceSchema,
    personnel: AmountString.optional().meta({ description: '人员支出' }),
    publicUse: AmountString.optional().meta({ description: '日常公用支出' }),
    project: AmountString.optional().meta({ description: '项目支出' }),
    carryForward: AmountString.optional().meta({ description: '结转下年' }),
  })
  .meta({ description: '收入支出明细：一个项级科目、一个资金来源一行' });

export const SubjectNameSchema = z.strictObject({ code: RollupCode, name: Text });
export const EconomicSubjectNameSchema = z.strictObject({ code: EconomicClassCode, name: Text });

export const BasicLineSchema = z
  .strictObject({
    department: z.strictObject({ code: DepartmentEconomicCode, name: Text.optional() }),
    government: z.strictObject({ code: GovernmentEconomicCode, name: Text.optional() }).optional(),
    source: BudgetSourceSchema,
    amount: AmountString,
  })
  .meta({ description: '基本支出：按经济分类款级科目、资金来源；301、303 类为人员支出，其余为日常公用支出' });

export const InputProjectSchema = z.strictObject({
  name: Text,
  /** 特定目标类, 其他运转类 … */
  type: Text.optional(),
  amounts: SourceAmountsSchema,
});

const threePublicItems = z.strictObject(
  Object.fromEntries(THREE_PUBLIC_ITEMS.map((k) => [k, AmountString.optional()])) as { [K in ThreePublicItem]: z.ZodOptional<typeof AmountString> },
);

export const ProcurementLineSchema = z.strictObject({
  code: ItemCode,
  source: BudgetSourceSchema,
  category: z.enum(PROCUREMENT_CATEGORIES),
  amount: AmountString,
});

export const InputIndicatorSchema = z.strictObject({
  level1: Text,
  level2: Text,
  level3: Text,
  /** 指标值 as typed (≥90%, 提升); parsed when composed. */
  value: z.string(),
});

export const InputPerformanceSchema = z.strictObject({
  project: Text,
  department: Text.optional(),
  implementer: Text.optional(),
  target: Text.optional(),
  indicators: z.array(InputIndicatorSchema),
});

const notesShape = Object.fromEntries(FORM_IDS.map((id) => [id, Text.optional()])) as { [K in FormId]: z.ZodOptional<typeof Text> };

const textsShape = Object.fromEntries(Object.keys(SECTION_TITLES).map((k) => [k, Text.optional()])) as { [K in SectionKey]: z.ZodOptional<typeof Text> };

export const InputNarrativeSchema = z.strictObject({
  /** Last year's budget figures, for 收支增减变化. */
  previous: z.strictObject({
    total: AmountString.optional(),
    gpb: AmountString.optional(),
    gfb: AmountString.optional(),
    basic: AmountString.optional(),
    project: AmountString.optional(),
  }),
  changeReasons: Text.optional(),
  /** Why the 三公经费 change against last year. */
  threePublicReasons: Text.optional(),
  /** 机关运行经费 (事业单位: 0.00). */
  operatingCost: AmountString.optional(),
  /** Date of the asset counts, ISO (2023-12-31). */
  assetDate: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).optional(),
  assets: z.strictObject({ vehicles: Count.optional(), generalEquipment: Count.optional(), specialEquipment: Count.optional() }),
  /** Projects chosen for 部门重点绩效评价, by name. */
  keyProjects: z.array(Text),
  /** Notes under forms, overriding the generated 注：… of empty forms. */
  notes: z.strictObject(notesShape),
  /** Section texts as typed: 部门概况, 特殊事项说明 and 名词解释 always; the others replace the text generated from the figures. */
  texts: z.strictObject(textsShape),
});

export const BudgetInputSchema = z
  .strictObject({
    unit: z.strictObject({
      name: Text,
      year: z.number().int().min(2000).max(2100),
      kind: UnitKind.optional(),
      department: Text.optional(),
    }),
    document: z.strictObject({ title: Text.optional(), amountUnit: AmountUnitSchema }),
    lines: z.array(InputLineSchema),
    /** Names of 类 and 款 codes (the rollup rows). */
    subjects: z.array(SubjectNameSchema),
    basic: z.array(BasicLineSchema),
    /** Names of economic 类 codes (301, 501). */
    economicSubjects: z.array(EconomicSubjectNameSchema),
    projects: z.array(InputProjectSchema),
    threePublic: z.strictObject({ previous: threePublicItems, current: threePublicItems }),
    procurement: z.array(ProcurementLineSchema),
    performance: z.array(InputPerformanceSchema),
    narrative: InputNarrativeSchema,
  })
  .superRefine((input, ctx) => {
    const seen = (names: readonly string[], path: 'projects' | 'performance', field: 'name' | 'project'): void => {
      const first = new Set<string>();
      names.forEach((n, i) => {
        if (first.has(n)) ctx.addIssue({ code: 'custom', path: [path, i, field], message: `项目名称“${n}”重复` });
        first.add(n);
      });
    };
    seen(input.projects.map((p) => p.name), 'projects', 'name');
    seen(input.performance.map((p) => p.project), 'performance', 'project');
  })
  .meta({ title: 'yusuan 部门预算底稿', description: '每个数字只录入一次的底稿；公开报表的各级合计由它计算' });

export type BudgetInput = z.infer<typeof BudgetInputSchema>;
export type InputLine = z.infer<typeof InputLineSchema>;
export type BasicLine = z.infer<typeof BasicLineSchema>;
export type InputProject = z.infer<typeof InputProjectSchema>;
export type ProcurementLine = z.infer<typeof ProcurementLineSchema>;
export type InputPerformance = z.infer<typeof InputPerformanceSchema>;
export type InputIndicator = z.infer<typeof InputIndicatorSchema>;
export type InputNarrative = z.infer<typeof InputNarrativeSchema>;
export type SourceAmounts = z.infer<typeof SourceAmountsSchema>;

/**
 * Which sources make up the grouped columns of 表十、表十一、表十二 (and the
 * 财政拨款 subtotals). See docs/decisions/004-unit-funds.md; a profile may
 * choose another grouping.
 */
export interface SourceGrouping {
  /** 财政拨款（小计）. */
  readonly fiscal: readonly BudgetSource[];
  /** 单位资金. */
  readonly unitFunds: readonly BudgetSource[];
}

export const DEFAULT_SOURCE_GROUPING: SourceGrouping = Object.freeze({
  fiscal: Object.freeze(['gpb', 'gfb', 'soc'] as const),
  unitFunds: Object.freeze(['businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit'] as const),
});

/** An input with nothing typed yet. */
export function emptyBudgetInput(unit: { name: string; year: number }): BudgetInput {
  return {
    unit: { name: unit.name, year: unit.year },
    document: { amountUnit: '万元' },
    lines: [],
    subjects: [],
    basic: [],
    economicSubjects: [],
    projects: [],
    threePublic: { previous: {}, current: {} },
    procurement: [],
    performance: [],
    narrative: { previous: {}, assets: {}, keyProjects: [], notes: {}, texts: {} },
  };
}

/** Department economic 类 whose 款 are 人员支出 (工资福利支出, 对个人和家庭的补助); every other 类 is 日常公用支出. */
export const PERSONNEL_ECONOMIC_CLASSES: ReadonlySet<string> = new Set(['301', '303']);

export function basicKindOf(departmentCode: string): 'personnel' | 'publicUse' {
  return PERSONNEL_ECONOMIC_CLASSES.has(departmentCode.slice(0, 3)) ? 'personnel' : 'publicUse';
}

/** Names of the input sheets (the tabs of the 底稿 workbook). */
export const INPUT_SHEET_NAMES = {
  unit: '单位信息',
  lines: '收入支出明细',
  subjects: '科目名称',
  basic: '基本支出',
  projects: '项目',
  threePublic: '三公经费',
  procurement: '政府采购',
  performance: '绩效指标',
  narrative: '说明',
} as const;
export type InputSheetId = keyof typeof INPUT_SHEET_NAMES;
