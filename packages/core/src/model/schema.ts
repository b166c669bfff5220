/**
 * The disclosure model: what one unit publishes for one budget year, form by
 * form, as published. Every published figure has one place here (the row of its
 * form and its column key), so rules can compare forms with each other and a
 * source map can point from a model path back to the cell or line it came from.
 *
 * Amounts are canonical decimal strings ("10351.24", "0.00", "-5"): exact, with
 * the decimals as published. An absent amount is a blank cell; "0.00" is a
 * published zero. Generated disclosures are built from the input workbook
 * (底稿), where every figure is typed once and every rollup is computed.
 */
import { z } from 'zod';
import type { Amount } from '../amount/amount.js';
import {
  FORM_COLUMNS,
  FORM_IDS,
  FUNCTION_CLASSES,
  NARRATIVE_FIGURES,
  OTHER_FUNCTION_CLASSES,
  PROFILE_OVERVIEW_ROWS,
  SECTION_TITLES,
  T01_EXPENSE_ROWS,
  T01_INCOME_ROWS,
  T04_EXPENSE_ROWS,
  T04_INCOME_ROWS,
  type ColumnKey,
} from './columns.js';

export const MODEL_SCHEMA_VERSION = 1;

/**
 * A canonical amount: optional minus, no leading zeros, at least two decimals
 * ("0.00", "10351.24"); more decimals only where they were published ("12.345").
 */
export const AmountString = z
  .string()
  .regex(/^-?(0|[1-9][0-9]*)\.[0-9]{2,}$/, { error: '金额须为至少两位小数的十进制数字串，如 "10351.24"、"0.00"' })
  .meta({ description: '金额（十进制字符串，至少两位小数），如 "10351.24"；缺省表示空白单元格' });

/** A count or other plain number stated in the narrative ("8", "0"). */
export const NumberString = z.string().regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/, { error: '须为十进制数字串' });

/** The model form of an amount: at least two decimals, more only where published. */
export function canonicalAmount(a: Amount): string {
  return (a.scale < 2 ? a.round(2) : a).toString();
}

export const AmountUnitSchema = z.enum(['万元', '元']).meta({ description: '金额单位' });

/** 类 3 digits, 款 5, 项 7 (功能分类); 类 3, 款 5 (经济分类). */
export const FunctionCode = z.string().regex(/^[0-9]{3}([0-9]{2}){0,2}$/, { error: '功能分类科目编码须为 3、5 或 7 位数字' });
export const EconomicCode = z.string().regex(/^[0-9]{3}([0-9]{2})?$/, { error: '经济分类科目编码须为 3 或 5 位数字' });

function values<const K extends readonly ColumnKey[]>(keys: K) {
  const shape = Object.fromEntries(keys.map((k) => [k, AmountString.optional()])) as { [P in K[number]]: z.ZodOptional<typeof AmountString> };
  return z.strictObject(shape);
}

const formMeta = {
  /** Title as published (without year or unit prefixes normalised away). */
  title: z.string().optional(),
  /** The unit line of the form (单位：万元). */
  unit: AmountUnitSchema.optional(),
  /** 注：… under a form, typically why it has no data. */
  note: z.string().optional(),
};

function codedTable<const K extends readonly ColumnKey[]>(keys: K, description: string) {
  const v = values(keys);
  return z
    .strictObject({
      ...formMeta,
      /** The 合计 row; `label` as published (absent when the row carries no label). */
      total: z.strictObject({ label: z.string().optional(), values: v }).optional(),
      rows: z.array(z.strictObject({ code: FunctionCode, name: z.string(), values: v })),
    })
    .meta({ description });
}

function economicTable<const K extends readonly ColumnKey[]>(keys: K, description: string) {
  const v = values(keys);
  const subject = z.strictObject({ code: EconomicCode, name: z.string() });
  return z
    .strictObject({
      ...formMeta,
      total: z.strictObject({ label: z.string().optional(), values: v }).optional(),
      rows: z.array(z.strictObject({ department: subject, government: subject.optional(), values: v })),
    })
    .meta({ description });
}

// Row keys: the reference's rows, then those only other template profiles publish.
const INCOME_KEYS = [...Object.keys(T01_INCOME_ROWS), ...Object.keys(PROFILE_OVERVIEW_ROWS.T01.income)] as [string, ...string[]];
const CLASS_CODES = [...FUNCTION_CLASSES, ...OTHER_FUNCTION_CLASSES].map(([c]) => c) as unknown as [string, ...string[]];
const T01_EXPENSE_KEYS = [...CLASS_CODES, ...Object.keys(T01_EXPENSE_ROWS), ...Object.keys(PROFILE_OVERVIEW_ROWS.T01.expense)] as [string, ...string[]];
const T04_INCOME_KEYS = [...Object.keys(T04_INCOME_ROWS), ...Object.keys(PROFILE_OVERVIEW_ROWS.T04.income)] as [string, ...string[]];
const T04_EXPENSE_KEYS = [...CLASS_CODES, ...Object.keys(T04_EXPENSE_ROWS), ...Object.keys(PROFILE_OVERVIEW_ROWS.T04.expense)] as [string, ...string[]];

function overviewRows<const K extends readonly ColumnKey[]>(keys: [string, ...string[]], cols: K) {
  return z.array(z.strictObject({ key: z.enum(keys), label: z.string(), values: values(cols) }));
}

export const T01Schema = z
  .strictObject({
    ...formMeta,
    income: overviewRows(INCOME_KEYS, FORM_COLUMNS.T01Income),
    expense: overviewRows(T01_EXPENSE_KEYS, FORM_COLUMNS.T01Expense),
  })
  .meta({ description: '表一 收支总体情况表：收入、支出两栏，行键为固定项目或功能分类类级编码' });

export const T04Schema = z
  .strictObject({
    ...formMeta,
    income: overviewRows(T04_INCOME_KEYS, FORM_COLUMNS.T04Income),
    expense: overviewRows(T04_EXPENSE_KEYS, FORM_COLUMNS.T04Expense),
  })
  .meta({ description: '表四 财政拨款收支总体情况表' });

const threePublicValues = values(FORM_COLUMNS.T07);
export const T07Schema = z
  .strictObject({
    ...formMeta,
    /** The two years shown in the header: previous (year − 1) and budget year. */
    years: z.strictObject({ previous: z.number().int(), current: z.number().int() }).optional(),
    previous: threePublicValues,
    current: threePublicValues,
  })
  .meta({ description: '表七 一般公共预算“三公”经费支出情况表：上年与本年预算数' });

const projectValues = values(FORM_COLUMNS.T11);
export const T11Schema = z
  .strictObject({
    ...formMeta,
    total: z.strictObject({ label: z.string().optional(), values: projectValues }).optional(),
    rows: z.array(z.strictObject({ name: z.string().min(1), type: z.string().optional(), values: projectValues })),
  })
  .meta({ description: '表十一 项目支出预算情况表' });

export const FormsSchema = z.strictObject({
  T01: T01Schema.optional(),
  T02: codedTable(FORM_COLUMNS.T02, '表二 收入总体情况表：按功能分类科目、按收入来源').optional(),
  T03: codedTable(FORM_COLUMNS.T03, '表三 支出总体情况表').optional(),
  T04: T04Schema.optional(),
  T05: codedTable(FORM_COLUMNS.T05, '表五 一般公共预算支出情况表').optional(),
  T06: economicTable(FORM_COLUMNS.T06, '表六 一般公共预算基本支出情况表：部门经济分类与政府经济分类').optional(),
  T07: T07Schema.optional(),
  T08: codedTable(FORM_COLUMNS.T08, '表八 政府性基金预算支出情况表').optional(),
  T09: codedTable(FORM_COLUMNS.T09, '表九 国有资本经营预算支出情况表').optional(),
  T10: economicTable(FORM_COLUMNS.T10, '表十 基本支出预算情况表').optional(),
  T11: T11Schema.optional(),
  T12: codedTable(FORM_COLUMNS.T12, '表十二 政府采购预算情况表').optional(),
});

/**
 * A table read beyond the twelve standard forms: a table of another template
 * profile that has no counterpart among T01–T12, or a table of no known
 * profile recognised by its code column and amount columns. Its columns keep
 * their published header words (or a column key where the profile names one);
 * its row formulas come from the profile, or from a header that states them.
 */
export const OtherTableSchema = z
  .strictObject({
    /** The profile's id of the table (`xian-16/表7`), or `generic`. */
    id: z.string().min(1),
    title: z.string(),
    unit: AmountUnitSchema.optional(),
    note: z.string().optional(),
    /** What the code column holds: function codes (类/款/项), economic codes (部门 类/款, with or without the 政府 pair), 预算单位 codes, or nothing. */
    codes: z.enum(['function', 'economic', 'unit', 'none']),
    /** Amount columns: key (a column key, or the header words) and the header as published. */
    columns: z.array(z.strictObject({ key: z.string().min(1), label: z.string() })),
    /** Row formulas: `total` = Σ `parts` (a part written `-key` is subtracted). */
    formulas: z.array(z.strictObject({ total: z.string(), parts: z.array(z.string()).min(1) })),
    /** Where the table's 合计 row is a standard form's (a table of rows per 预算单位 whose 合计 row was read as that form). */
    totalOf: z.enum(FORM_IDS).optional(),
    total: z.strictObject({ label: z.string().optional(), values: z.record(z.string(), AmountString) }).optional(),
    rows: z.array(
      z.strictObject({
        code: z.string().optional(),
        /** The 政府经济分类 code beside a 部门经济分类 code. */
        government: z.string().optional(),
        name: z.string(),
        values: z.record(z.string(), AmountString),
      }),
    ),
  })
  .meta({ description: '标准表以外的表：其他模板特有的表，或未识别模板、按科目编码列与金额列读取的表' });

export const IndicatorOperator = z.enum(['≥', '≤', '=', '>', '<']);

/** An indicator value as published, and what it says. */
export const IndicatorValueSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('quantity'),
      text: z.string(),
      op: IndicatorOperator.optional(),
      number: z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/),
      unit: z.string(),
    }),
    z.strictObject({ kind: z.literal('qualitative'), text: z.string(), word: z.string().min(1) }),
    z.strictObject({ kind: z.literal('unparsed'), text: z.string() }),
  ])
  .meta({ description: '指标值：运算符 + 数值 + 计量单位，或定性表述；text 为公开原文' });

export const IndicatorSchema = z.strictObject({
  level1: z.string().meta({ description: '一级指标' }),
  level2: z.string().meta({ description: '二级指标' }),
  level3: z.string().meta({ description: '三级指标' }),
  value: IndicatorValueSchema,
});

export const PerformanceTableSchema = z
  .strictObject({
    title: z.string().optional(),
    project: z.string().min(1).meta({ description: '项目名称' }),
    department: z.string().optional().meta({ description: '主管部门' }),
    implementer: z.string().optional().meta({ description: '实施单位' }),
    funds: z.strictObject({
      total: AmountString.optional().meta({ description: '年度预算资金总额' }),
      fiscal: AmountString.optional().meta({ description: '其中：财政拨款' }),
      other: AmountString.optional().meta({ description: '其他资金' }),
    }),
    target: z.string().optional().meta({ description: '年度总体绩效目标' }),
    indicators: z.array(IndicatorSchema),
  })
  .meta({ description: '项目支出绩效目标表（每个项目一张）' });

const FIGURE_KEYS = Object.keys(NARRATIVE_FIGURES) as [keyof typeof NARRATIVE_FIGURES, ...(keyof typeof NARRATIVE_FIGURES)[]];
const SECTION_KEYS = Object.keys(SECTION_TITLES) as [keyof typeof SECTION_TITLES, ...(keyof typeof SECTION_TITLES)[]];

export const NarrativeFigureSchema = z.strictObject({
  key: z.enum(FIGURE_KEYS),
  /** Canonical decimal as stated: an amount (two decimals at least) or a count. */
  value: NumberString,
  /** 万元 / 元 for money, or the counting word (个, 辆, 台（件、套）). */
  unit: z.string(),
  /** 增加 / 减少 / 持平 for changes. */
  direction: z.enum(['增加', '减少', '持平']).optional(),
  /** The words around the figure as published, for the reader. */
  quote: z.string().optional(),
});

export const NarrativeSchema = z.strictObject({
  sections: z.array(z.strictObject({ key: z.enum(SECTION_KEYS), title: z.string(), text: z.string().optional() })),
  figures: z.array(NarrativeFigureSchema),
  /** Reasons given for the change against last year. */
  changeReasons: z.string().optional(),
  /** Date of the asset figures (截至 YYYY年MM月DD日), ISO form. */
  assetDate: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).optional(),
  /** Project names the narrative cites. */
  projectsCited: z.array(z.string()).optional(),
  /** Projects named for key performance evaluation (重点绩效评价). */
  keyProjects: z.array(z.string()).optional(),
});

export const UnitKind = z.enum(['行政', '参公', '事业']);

export const DisclosureSchema = z
  .strictObject({
    schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
    unit: z.strictObject({
      name: z.string().min(1).meta({ description: '单位名称' }),
      year: z.number().int().min(2000).max(2100).meta({ description: '预算年度' }),
      kind: UnitKind.optional().meta({ description: '单位性质：行政 / 参公 / 事业' }),
      department: z.string().optional().meta({ description: '主管部门' }),
    }),
    document: z.strictObject({
      title: z.string().optional(),
      /** Template profile the document follows (the reference: shandong-12). */
      profile: z.string().default('shandong-12'),
      amountUnit: AmountUnitSchema.default('万元'),
    }),
    forms: FormsSchema,
    /** Tables beyond the twelve standard forms (other template profiles, tables of no known profile). */
    tables: z.array(OtherTableSchema).optional(),
    performance: z.array(PerformanceTableSchema),
    narrative: NarrativeSchema.optional(),
    previousYear: z.strictObject({ total: AmountString.optional() }).optional(),
  })
  .meta({ title: 'yusuan 部门预算公开模型', description: '一个预算单位一个年度公开的部门预算：12 张表、项目绩效目标表与说明' });

export type Disclosure = z.infer<typeof DisclosureSchema>;
export type DisclosureInput = z.input<typeof DisclosureSchema>;
export type Forms = Disclosure['forms'];
export type PerformanceTable = z.infer<typeof PerformanceTableSchema>;
export type OtherTable = z.infer<typeof OtherTableSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export type Narrative = z.infer<typeof NarrativeSchema>;
export type NarrativeFigure = z.infer<typeof NarrativeFigureSchema>;
export type CodedForm = NonNullable<Forms['T02' | 'T03' | 'T05' | 'T08' | 'T09' | 'T12']>;
export type EconomicForm = NonNullable<Forms['T06' | 'T10']>;
