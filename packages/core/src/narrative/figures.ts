/**
 * The figures the narrative (第三部分 说明) quotes, read from a model: the
 * tables first (T01, T03, T05, T07, T11, T12), the narrative's own fields where
 * the tables do not hold a figure (last year's budget, 机关运行经费, asset
 * counts, the projects chosen for key evaluation). Blank and absent are zero,
 * as in the published forms. Every sum is exact.
 */
import { Amount } from '../amount/amount.js';
import type { NarrativeFigureKey } from '../model/columns.js';
import type { Disclosure, NarrativeFigure } from '../model/schema.js';
import { BUDGET_SOURCES, type BudgetSource } from '../input/schema.js';

export type Direction = '增加' | '减少' | '持平';

/** A change against last year: how much and which way. */
export interface Change {
  readonly amount: Amount;
  readonly direction: Direction;
}

/** A labelled amount of a breakdown (其中：一般公共预算收入 …). */
export interface Part<K extends string = string> {
  readonly key: K;
  readonly amount: Amount;
}

/** The income sources a 其中 list may name: the fund sources of the input workbook, in 表二's order. */
export const INCOME_PARTS = BUDGET_SOURCES;
export type IncomePart = BudgetSource;

export const EXPENSE_PARTS = ['basic', 'project', 'carryForward'] as const;
export type ExpensePart = (typeof EXPENSE_PARTS)[number];

export const THREE_PUBLIC_PARTS = ['abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
export type ThreePublicPart = (typeof THREE_PUBLIC_PARTS)[number];

export const PROCUREMENT_PARTS = ['goods', 'works', 'services'] as const;
export type ProcurementPart = (typeof PROCUREMENT_PARTS)[number];

/** Everything the generated narrative states, as amounts and counts. */
export interface NarrativeFigures {
  readonly year: number;
  readonly previousYear: number;
  readonly unitName: string;
  readonly kind: Disclosure['unit']['kind'];
  readonly amountUnit: Disclosure['document']['amountUnit'];
  readonly revenue: { readonly total: Amount; readonly parts: readonly Part<IncomePart>[] };
  readonly expense: { readonly total: Amount; readonly parts: readonly Part<ExpensePart>[] };
  /** undefined when the model holds neither last year's total nor a stated change. */
  readonly change?: {
    readonly total: Change;
    readonly revenue: Change;
    readonly revenueParts: readonly (Part<'gpb' | 'gfb'> & { readonly direction: Direction })[];
    readonly expense: Change;
    readonly expenseParts: readonly (Part<'basic' | 'project'> & { readonly direction: Direction })[];
  };
  readonly changeReasons?: string;
  readonly threePublic: {
    readonly previous: Amount;
    readonly current: Amount;
    readonly currentParts: Readonly<Record<ThreePublicPart, Amount>>;
  };
  /** The stated figure, or for a 行政/参公 unit without one the 日常公用支出 of the general public budget. */
  readonly operatingCost?: { readonly amount: Amount; readonly stated: boolean; readonly direction?: Direction };
  readonly procurement: { readonly total: Amount; readonly parts?: Readonly<Record<ProcurementPart, Amount>> };
  readonly assets: {
    /** ISO date of the counts; the end of last year when the model does not say. */
    readonly date: string;
    readonly vehicles?: string;
    readonly generalEquipment?: string;
    readonly specialEquipment?: string;
  };
  readonly performance: {
    readonly projects: number;
    readonly funds: Amount;
    readonly fiscal: Amount;
    readonly keyProjects: readonly string[];
    readonly keyFunds: Amount;
    readonly keyFiscal: Amount;
  };
}

function amountOf(s: string | undefined): Amount | undefined {
  return s === undefined ? undefined : Amount.of(s);
}

function orZero(a: Amount | undefined): Amount {
  return a ?? Amount.ZERO;
}

function stated(model: Disclosure, key: NarrativeFigureKey): NarrativeFigure | undefined {
  return model.narrative?.figures.find((f) => f.key === key);
}

function statedAmount(model: Disclosure, key: NarrativeFigureKey): Amount | undefined {
  const f = stated(model, key);
  return f === undefined ? undefined : Amount.of(f.value);
}

function statedChange(model: Disclosure, key: NarrativeFigureKey): Change | undefined {
  const f = stated(model, key);
  if (f === undefined) return undefined;
  const amount = Amount.of(f.value).abs();
  return { amount, direction: f.direction ?? (amount.isZero() ? '持平' : '增加') };
}

/** current − previous, as an amount and a direction. */
export function changeBetween(current: Amount, previous: Amount): Change {
  const d = current.minus(previous);
  return { amount: d.abs(), direction: d.isZero() ? '持平' : d.isNegative() ? '减少' : '增加' };
}

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

function revenue(model: Disclosure): NarrativeFigures['revenue'] {
  const t01 = model.forms.T01;
  if (t01) {
    const row = (key: string) => amountOf(t01.income.find((r) => r.key === key)?.values.amount);
    const total = row('grandTotal') ?? row('currentTotal') ?? orZero(statedAmount(model, 'revenue.total'));
    const parts = INCOME_PARTS.map((key) => ({ key, amount: orZero(row(key)) })).filter((p) => !p.amount.isZero());
    return { total, parts };
  }
  const t02 = model.forms.T02?.total?.values;
  if (t02) {
    const parts = INCOME_PARTS.map((key) => ({ key, amount: orZero(amountOf(t02[key])) })).filter((p) => !p.amount.isZero());
    return { total: orZero(amountOf(t02.total)), parts };
  }
  const parts: Part<IncomePart>[] = [];
  for (const [key, fig] of [['gpb', 'revenue.gpb'], ['gfb', 'revenue.gfb'], ['soc', 'revenue.soc'], ['otherIncome', 'revenue.other']] as const) {
    const a = statedAmount(model, fig);
    if (a !== undefined && !a.isZero()) parts.push({ key, amount: a });
  }
  return { total: orZero(statedAmount(model, 'revenue.total')), parts };
}

function expense(model: Disclosure): NarrativeFigures['expense'] {
  const t01 = model.forms.T01;
  const t03 = model.forms.T03;
  const fromT01 = t01 ? amountOf(t01.expense.find((r) => r.key === 'grandTotal')?.values.amount ?? t01.expense.find((r) => r.key === 'currentTotal')?.values.amount) : undefined;
  const t03Total = t03?.total?.values;
  const total = fromT01 ?? (t03Total ? orZero(amountOf(t03Total.total)).plus(orZero(amountOf(t03Total.carryForward))) : orZero(statedAmount(model, 'expense.total')));
  const parts = t03Total
    ? EXPENSE_PARTS.map((key) => ({ key, amount: orZero(amountOf(t03Total[key])) }))
    : [
        { key: 'basic' as const, amount: orZero(statedAmount(model, 'expense.basic')) },
        { key: 'project' as const, amount: orZero(statedAmount(model, 'expense.project')) },
      ];
  return { total, parts: parts.filter((p) => !p.amount.isZero()) };
}

function change(model: Disclosure, revenueTotal: Amount, expenseTotal: Amount): NarrativeFigures['change'] {
  const previous = amountOf(model.previousYear?.total);
  const total = previous !== undefined ? changeBetween(revenueTotal, previous) : statedChange(model, 'change.total');
  if (total === undefined) return undefined;
  const rev = previous !== undefined ? changeBetween(revenueTotal, previous) : (statedChange(model, 'change.revenue') ?? total);
  const exp = previous !== undefined ? changeBetween(expenseTotal, previous) : (statedChange(model, 'change.expense') ?? total);
  const parts = <K extends string>(keys: readonly (readonly [K, NarrativeFigureKey])[]) =>
    keys.flatMap(([key, fig]) => {
      const c = statedChange(model, fig);
      return c === undefined ? [] : [{ key, amount: c.amount, direction: c.direction }];
    });
  return {
    total,
    revenue: rev,
    revenueParts: parts([
      ['gpb', 'change.revenue.gpb'],
      ['gfb', 'change.revenue.gfb'],
    ] as const),
    expense: exp,
    expenseParts: parts([
      ['basic', 'change.expense.basic'],
      ['project', 'change.expense.project'],
    ] as const),
  };
}

function threePublic(model: Disclosure): NarrativeFigures['threePublic'] {
  const t07 = model.forms.T07;
  const year = (which: 'previous' | 'current') => {
    const v = t07?.[which];
    if (!v) return undefined;
    const abroad = orZero(amountOf(v.abroad));
    const purchase = orZero(amountOf(v.vehiclePurchase));
    const operation = orZero(amountOf(v.vehicleOperation));
    const vehicle = amountOf(v.vehicle) ?? purchase.plus(operation);
    const reception = orZero(amountOf(v.reception));
    const total = amountOf(v.total) ?? Amount.sum([abroad, vehicle, reception]);
    return { total, parts: { abroad, vehicle, vehiclePurchase: purchase, vehicleOperation: operation, reception } };
  };
  const prev = year('previous');
  const cur = year('current');
  if (prev && cur) return { previous: prev.total, current: cur.total, currentParts: cur.parts };
  const s = (key: NarrativeFigureKey) => orZero(statedAmount(model, key));
  const purchase = s('threePublic.current.vehiclePurchase');
  const operation = s('threePublic.current.vehicleOperation');
  return {
    previous: s('threePublic.previous.total'),
    current: s('threePublic.current.total'),
    currentParts: { abroad: s('threePublic.current.abroad'), vehicle: purchase.plus(operation), vehiclePurchase: purchase, vehicleOperation: operation, reception: s('threePublic.current.reception') },
  };
}

function operatingCost(model: Disclosure): NarrativeFigures['operatingCost'] {
  const fig = stated(model, 'operatingCost');
  if (fig) return { amount: Amount.of(fig.value), stated: true, ...(fig.direction ? { direction: fig.direction } : {}) };
  if (model.unit.kind === '事业') return undefined;
  // 机关运行经费: the 日常公用支出 of the basic expenditure under the general public budget.
  return { amount: orZero(amountOf(model.forms.T05?.total?.values.publicUse)), stated: false };
}

function procurement(model: Disclosure): NarrativeFigures['procurement'] {
  const t12 = model.forms.T12;
  const v = t12?.total?.values;
  const total = t12 ? orZero(amountOf(v?.total)) : orZero(statedAmount(model, 'procurement.total'));
  if (v && PROCUREMENT_PARTS.some((k) => v[k] !== undefined)) {
    return { total, parts: { goods: orZero(amountOf(v.goods)), works: orZero(amountOf(v.works)), services: orZero(amountOf(v.services)) } };
  }
  const figs = PROCUREMENT_PARTS.map((k) => statedAmount(model, `procurement.${k}`));
  if (figs.every((a) => a === undefined)) return { total };
  const [goods, works, services] = figs.map(orZero) as [Amount, Amount, Amount];
  return { total, parts: { goods, works, services } };
}

function assets(model: Disclosure, year: number): NarrativeFigures['assets'] {
  const count = (key: NarrativeFigureKey) => stated(model, key)?.value;
  const vehicles = count('assets.vehicles');
  const general = count('assets.generalEquipment');
  const special = count('assets.specialEquipment');
  return {
    date: model.narrative?.assetDate ?? `${year - 1}-12-31`,
    ...(vehicles === undefined ? {} : { vehicles }),
    ...(general === undefined ? {} : { generalEquipment: general }),
    ...(special === undefined ? {} : { specialEquipment: special }),
  };
}

function performance(model: Disclosure): NarrativeFigures['performance'] {
  const t11 = model.forms.T11;
  const funds = (name: string): { total: Amount; fiscal: Amount } | undefined => {
    const row = t11?.rows.find((r) => squash(r.name) === squash(name));
    if (row) return { total: orZero(amountOf(row.values.total)), fiscal: orZero(amountOf(row.values.fiscal)) };
    const p = model.performance.find((x) => squash(x.project) === squash(name));
    return p ? { total: orZero(amountOf(p.funds.total)), fiscal: orZero(amountOf(p.funds.fiscal)) } : undefined;
  };
  let projects: number;
  let total: Amount;
  let fiscal: Amount;
  if (t11) {
    projects = t11.rows.length;
    total = amountOf(t11.total?.values.total) ?? Amount.sum(t11.rows.map((r) => orZero(amountOf(r.values.total))));
    fiscal = amountOf(t11.total?.values.fiscal) ?? Amount.sum(t11.rows.map((r) => orZero(amountOf(r.values.fiscal))));
  } else {
    projects = model.performance.length;
    total = Amount.sum(model.performance.map((p) => orZero(amountOf(p.funds.total))));
    fiscal = Amount.sum(model.performance.map((p) => orZero(amountOf(p.funds.fiscal))));
  }
  const keyProjects = model.narrative?.keyProjects ?? [];
  const key = keyProjects.map(funds);
  return {
    projects,
    funds: total,
    fiscal,
    keyProjects,
    keyFunds: Amount.sum(key.map((f) => f?.total ?? Amount.ZERO)),
    keyFiscal: Amount.sum(key.map((f) => f?.fiscal ?? Amount.ZERO)),
  };
}

/** The figures of the narrative, from the model's tables and narrative fields. */
export function narrativeFigures(model: Disclosure): NarrativeFigures {
  const year = model.unit.year;
  const rev = revenue(model);
  const exp = expense(model);
  const ch = change(model, rev.total, exp.total);
  const op = operatingCost(model);
  const reasons = model.narrative?.changeReasons;
  return {
    year,
    previousYear: model.forms.T07?.years?.previous ?? year - 1,
    unitName: model.unit.name,
    kind: model.unit.kind,
    amountUnit: model.document.amountUnit,
    revenue: rev,
    expense: exp,
    ...(ch === undefined ? {} : { change: ch }),
    ...(reasons === undefined || reasons.trim() === '' ? {} : { changeReasons: reasons.trim() }),
    threePublic: threePublic(model),
    ...(op === undefined ? {} : { operatingCost: op }),
    procurement: procurement(model),
    assets: assets(model, year),
    performance: performance(model),
  };
}
