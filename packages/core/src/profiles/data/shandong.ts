/**
 * shandong-12: the reference profile. The twelve standard forms and the
 * project performance tables exactly as the reference disclosure publishes
 * them (a Shandong district unit, 2024); the layouts are the forms' own, and
 * so are the row formulas (sum/row) and the overview subtotals (sum/overview).
 */
import { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from '../../forms/layouts/index.js';
import type { RowFormula } from '../../forms/types.js';
import { FORM_IDS, FUNCTION_CLASSES, type ColumnKey, type FormId } from '../../model/columns.js';
import type { OverviewFormula, Profile } from '../types.js';

const SOURCES_T02: readonly ColumnKey[] = ['fiscal', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'];
const SOURCES_T10: readonly ColumnKey[] = ['fiscal', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'];
const FISCAL: RowFormula = { total: 'fiscal', parts: ['gpb', 'gfb', 'soc'] };
const BUDGET_SPLIT: readonly RowFormula[] = [
  { total: 'total', parts: ['basic', 'project'] },
  { total: 'basic', parts: ['personnel', 'publicUse'] },
];

/** The row formulas of the reference's forms (sum/row). */
export const REFERENCE_ROW_FORMULAS: Readonly<Partial<Record<FormId, readonly RowFormula[]>>> = {
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

const CLASSES = FUNCTION_CLASSES.map(([c]) => c);

/** The subtotals of the reference's overview forms (sum/overview). */
export const REFERENCE_OVERVIEW_FORMULAS: Readonly<Record<'T01' | 'T04', readonly OverviewFormula[]>> = {
  T01: [
    { side: 'income', key: 'fiscal', parts: ['gpb', 'gfb', 'soc'] },
    { side: 'income', key: 'currentTotal', parts: ['fiscal', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome'] },
    { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'] },
    { side: 'expense', key: 'currentTotal', parts: CLASSES },
    { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'subsidyToAffiliates', 'remitToSuperior', 'carryForward'] },
  ],
  T04: [
    { side: 'income', key: 'currentTotal', parts: ['gpb', 'gfb', 'soc'] },
    { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'carryOver'] },
    { side: 'expense', key: 'currentTotal', parts: CLASSES },
    { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'carryForward'] },
  ],
};

export const SHANDONG_12: Profile = {
  id: 'shandong-12',
  name: '部门预算公开 12 张表（山东区县模板）',
  region: '山东省（区县）',
  source: '参考文件：2024 年淄博高新区人力资源和社会保障中心（先创）部门预算公开',
  unit: '万元',
  forms: [
    ...FORM_IDS.map((id) => ({
      kind: 'form' as const,
      layout: FORM_LAYOUTS[id],
      ...(REFERENCE_ROW_FORMULAS[id] ? { rowFormulas: REFERENCE_ROW_FORMULAS[id] } : {}),
      ...(id === 'T01' || id === 'T04' ? { overviewFormulas: REFERENCE_OVERVIEW_FORMULAS[id] } : {}),
    })),
    { kind: 'performance', layout: PERFORMANCE_LAYOUT },
  ],
  classRows: 'standard',
  absentOverviewRows: 'zero',
  repeatsTitles: false,
};
