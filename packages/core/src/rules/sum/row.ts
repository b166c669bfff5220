import type { ColumnKey } from '../../model/columns.js';
import { defineRule, type CellRef, type RuleContext } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, codedRef, economicRef, economicRowKey, overviewRef, projectRef, threePublicRef, totalRef, type CodedFormId, type EconomicFormId } from '../refs.js';

type Msg = 'row';

/** A row formula: `total` = Σ `parts`. */
interface Formula {
  readonly total: ColumnKey;
  readonly parts: readonly ColumnKey[];
  /** Only where one of the parts is filled in (optional breakdowns such as T12's goods / works / services). */
  readonly optional?: boolean;
}

const SOURCES_T02: readonly ColumnKey[] = ['fiscal', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'];
const SOURCES_T10: readonly ColumnKey[] = ['fiscal', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'];
const FISCAL: Formula = { total: 'fiscal', parts: ['gpb', 'gfb', 'soc'] };
const BUDGET_SPLIT: readonly Formula[] = [
  { total: 'total', parts: ['basic', 'project'] },
  { total: 'basic', parts: ['personnel', 'publicUse'] },
];

/** The row formulas of each form, as data. */
export const ROW_FORMULAS: Readonly<Record<CodedFormId | EconomicFormId | 'T07' | 'T11' | 'T04', readonly Formula[]>> = {
  T02: [{ total: 'total', parts: SOURCES_T02 }, FISCAL],
  T03: [{ total: 'total', parts: ['basic', 'project'] }],
  T04: [{ total: 'total', parts: ['gpb', 'gfb', 'soc'] }],
  T05: BUDGET_SPLIT,
  T06: [{ total: 'basic', parts: ['personnel', 'publicUse'] }],
  T07: [
    { total: 'total', parts: ['abroad', 'vehicle', 'reception'] },
    { total: 'vehicle', parts: ['vehiclePurchase', 'vehicleOperation'] },
  ],
  T08: BUDGET_SPLIT,
  T09: BUDGET_SPLIT,
  T10: [{ total: 'total', parts: SOURCES_T10 }, FISCAL],
  T11: [{ total: 'total', parts: SOURCES_T10 }, FISCAL],
  T12: [{ total: 'total', parts: SOURCES_T10 }, FISCAL, { total: 'total', parts: ['goods', 'works', 'services'], optional: true }],
};

function apply(ctx: RuleContext<Msg>, formulas: readonly Formula[], cell: (c: ColumnKey) => CellRef, filled: (c: ColumnKey) => boolean) {
  for (const f of formulas) {
    if (f.optional && !f.parts.some(filled)) continue;
    ctx.equation({ messageId: 'row', rounding: true, data: { parts: f.parts.length }, terms: [{ ref: cell(f.total), coef: 1 }, ...f.parts.map((p) => ({ ref: cell(p), coef: -1 as const }))] });
  }
}

export default defineRule({
  id: 'sum/row',
  family: 'sum',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '每行的合计等于其组成部分之和', en: "Each row's total equals its components" },
    source: '部门预算公开表样：合计 = 各资金来源之和，财政拨款小计 = 一般公共预算 + 政府性基金预算（+ 国有资本经营预算），支出合计 = 基本支出 + 项目支出，基本支出 = 人员支出 + 日常公用支出，“三公”经费合计 = 因公出国（境）+ 公务用车 + 公务接待',
  },
  messages: {
    row: { 'zh-CN': '{where} 为 {actual}，本行各组成部分之和为 {expected}（差 {difference}）', en: '{where} is {actual}; the components of its row sum to {expected} (difference {difference})' },
  },
  check(ctx) {
    const { forms } = ctx.model;
    const filledAt = (path: readonly (string | number)[]) => (c: ColumnKey) => {
      const v = ctx.amount([...path, c]);
      return v !== undefined && v !== null;
    };
    for (const form of [...CODED_FORMS, ...ECONOMIC_FORMS] as const) {
      const table = forms[form];
      if (!table) continue;
      const formulas = ROW_FORMULAS[form];
      if (table.total) apply(ctx, formulas, (c) => totalRef(form, c), filledAt(['forms', form, 'total', 'values']));
      table.rows.forEach((row, i) => {
        const key = 'code' in row ? row.code : economicRowKey(row);
        const ref = (c: ColumnKey) => ('code' in row ? codedRef(form as CodedFormId, i, key, c) : economicRef(form as EconomicFormId, i, key, c));
        apply(ctx, formulas, ref, filledAt(['forms', form, 'rows', i, 'values']));
      });
    }
    const t11 = forms.T11;
    if (t11) {
      if (t11.total) apply(ctx, ROW_FORMULAS.T11, (c) => totalRef('T11', c), filledAt(['forms', 'T11', 'total', 'values']));
      t11.rows.forEach((row, i) => apply(ctx, ROW_FORMULAS.T11, (c) => projectRef(i, row.name, c), filledAt(['forms', 'T11', 'rows', i, 'values'])));
    }
    const t07 = forms.T07;
    if (t07) {
      for (const year of ['previous', 'current'] as const) apply(ctx, ROW_FORMULAS.T07, (c) => threePublicRef(year, c), filledAt(['forms', 'T07', year]));
    }
    forms.T04?.expense.forEach((row, i) => apply(ctx, ROW_FORMULAS.T04, (c) => overviewRef('T04', 'expense', i, row.key, c), filledAt(['forms', 'T04', 'expense', i, 'values'])));
  },
});
