import type { RowFormula } from '../../forms/types.js';
import type { ColumnKey, FormId } from '../../model/columns.js';
import { REFERENCE_ROW_FORMULAS } from '../../profiles/data/shandong.js';
import { rowFormulasFor } from '../../profiles/registry.js';
import { defineRule, type CellRef, type RuleContext } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, tableRef, codedRef, economicRef, economicRowKey, overviewRef, projectRef, threePublicRef, totalRef, type CodedFormId, type EconomicFormId } from '../refs.js';

type Msg = 'row';

/** A row formula: `total` = Σ `parts` (a part written `-key` is subtracted). */
type Formula = RowFormula;

/** The row formulas of the reference's forms (profiles/data/shandong.ts); other profiles state their own. */
export const ROW_FORMULAS: Readonly<Partial<Record<FormId, readonly Formula[]>>> = REFERENCE_ROW_FORMULAS;

interface Part {
  readonly key: string;
  readonly coef: 1 | -1;
}

const partsCache = new WeakMap<Formula, readonly Part[]>();

/** A formula's parts with their signs: `-key` is subtracted from the total's side. */
function partsOf(f: Formula): readonly Part[] {
  let parts = partsCache.get(f);
  if (!parts) {
    parts = f.parts.map((p) => (p.startsWith('-') ? { key: p.slice(1), coef: 1 as const } : { key: p, coef: -1 as const }));
    partsCache.set(f, parts);
  }
  return parts;
}

function apply(ctx: RuleContext<Msg>, formulas: readonly Formula[], cell: (c: string) => CellRef, filled: (c: string) => boolean) {
  for (const f of formulas) {
    const parts = partsOf(f);
    if (f.optional && !parts.some((p) => filled(p.key))) continue;
    ctx.equation({ messageId: 'row', rounding: true, data: { parts: parts.length }, terms: [{ ref: cell(f.total), coef: 1 }, ...parts.map((p) => ({ ref: cell(p.key), coef: p.coef }))] });
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
    const profile = ctx.model.document.profile;
    const filledAt = (path: readonly (string | number)[]) => (c: string) => {
      const v = ctx.amount([...path, c]);
      return v !== undefined && v !== null;
    };
    for (const form of [...CODED_FORMS, ...ECONOMIC_FORMS] as const) {
      const table = forms[form];
      if (!table) continue;
      const formulas = rowFormulasFor(profile, form);
      if (table.total) apply(ctx, formulas, (c) => totalRef(form, c as ColumnKey), filledAt(['forms', form, 'total', 'values']));
      table.rows.forEach((row, i) => {
        const key = 'code' in row ? row.code : economicRowKey(row);
        const ref = (c: string) => ('code' in row ? codedRef(form as CodedFormId, i, key, c as ColumnKey) : economicRef(form as EconomicFormId, i, key, c as ColumnKey));
        apply(ctx, formulas, ref, filledAt(['forms', form, 'rows', i, 'values']));
      });
    }
    const t11 = forms.T11;
    if (t11) {
      const f11 = rowFormulasFor(profile, 'T11');
      if (t11.total) apply(ctx, f11, (c) => totalRef('T11', c as ColumnKey), filledAt(['forms', 'T11', 'total', 'values']));
      t11.rows.forEach((row, i) => apply(ctx, f11, (c) => projectRef(i, row.name, c as ColumnKey), filledAt(['forms', 'T11', 'rows', i, 'values'])));
    }
    const t07 = forms.T07;
    if (t07) {
      for (const year of ['previous', 'current'] as const) apply(ctx, rowFormulasFor(profile, 'T07'), (c) => threePublicRef(year, c as ColumnKey), filledAt(['forms', 'T07', year]));
    }
    forms.T04?.expense.forEach((row, i) => apply(ctx, rowFormulasFor(profile, 'T04'), (c) => overviewRef('T04', 'expense', i, row.key, c as ColumnKey), filledAt(['forms', 'T04', 'expense', i, 'values'])));
    // Tables beyond the standard forms: their formulas are data of the profile (or stated by their header).
    (ctx.model.tables ?? []).forEach((table, t) => {
      if (table.total && table.totalOf === undefined) apply(ctx, table.formulas, (c) => tableRef(ctx.model, t, 'total', c), filledAt(['tables', t, 'total', 'values']));
      table.rows.forEach((_row, i) => apply(ctx, table.formulas, (c) => tableRef(ctx.model, t, i, c), filledAt(['tables', t, 'rows', i, 'values'])));
    });
  },
});
