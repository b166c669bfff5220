/**
 * The amount cells of a disclosure, one walker for the amount/* rules and for
 * struct/empty-form-note: every cell of every amount column of T01–T12 (blank
 * ones included) and the 项目资金 of the performance tables, each with its model
 * path, its semantic location and the printed column it belongs to.
 */
import type { Location, MessageData } from '../../diagnostics/types.js';
import { FORM_COLUMNS, FORM_IDS, type ColumnKey, type FormId } from '../../model/columns.js';
import type { Disclosure } from '../../model/schema.js';
import { publishedSides } from '../../profiles/published.js';
import { describeLocation } from '../engine/describe.js';
import type { CellRef } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, codedRef, economicRef, economicRowKey, narrativeRef, overviewRef, performanceFundsRef, projectRef, threePublicRef, totalRef } from '../refs.js';

export interface AmountCell {
  readonly form: FormId | 'P';
  /** The printed column: `amount` of T01's income side is `income.amount`, T07's columns are per year (`current.total`), P's `funds.other`. */
  readonly column: string;
  readonly ref: CellRef;
  /** As published; undefined for a blank cell. */
  readonly value: string | undefined;
}

/** A row's `values`: every form types its own keys; read here by column key. */
type Values = Readonly<Record<string, string | undefined>>;

const CODED: ReadonlySet<string> = new Set(CODED_FORMS);
const ECONOMIC: ReadonlySet<string> = new Set(ECONOMIC_FORMS);

function cellsOf(form: FormId | 'P', prefix: string, columns: readonly ColumnKey[], values: object, ref: (c: ColumnKey) => CellRef): AmountCell[] {
  return columns.map((c) => ({ form, column: prefix + c, ref: ref(c), value: (values as Values)[c] }));
}

/**
 * The cells of one form (T01–T12), in row order: the 合计 row first where the
 * model has one. Columns the document's template profile does not have are no
 * cells of the form.
 */
export function formCells(model: Disclosure, form: FormId): AmountCell[] {
  const cells = allFormCells(model, form);
  const sides = publishedSides(model, form);
  if (!sides) return cells;
  return cells.filter((c) => {
    const dot = c.column.indexOf('.');
    return sides.get(dot < 0 ? '' : c.column.slice(0, dot))?.has(dot < 0 ? c.column : c.column.slice(dot + 1)) ?? false;
  });
}

function allFormCells(model: Disclosure, form: FormId): AmountCell[] {
  const out: AmountCell[] = [];
  const f = model.forms;
  if (form === 'T01' || form === 'T04') {
    const t = f[form];
    if (!t) return out;
    const cols = form === 'T01' ? { income: FORM_COLUMNS.T01Income, expense: FORM_COLUMNS.T01Expense } : { income: FORM_COLUMNS.T04Income, expense: FORM_COLUMNS.T04Expense };
    for (const side of ['income', 'expense'] as const) {
      t[side].forEach((row, i) => out.push(...cellsOf(form, `${side}.`, cols[side], row.values, (c) => overviewRef(form, side, i, row.key, c))));
    }
  } else if (form === 'T07') {
    const t = f.T07;
    if (!t) return out;
    for (const year of ['previous', 'current'] as const) out.push(...cellsOf(form, `${year}.`, FORM_COLUMNS.T07, t[year], (c) => threePublicRef(year, c)));
  } else if (form === 'T11') {
    const t = f.T11;
    if (!t) return out;
    if (t.total) out.push(...cellsOf(form, '', FORM_COLUMNS.T11, t.total.values, (c) => totalRef(form, c)));
    t.rows.forEach((row, i) => out.push(...cellsOf(form, '', FORM_COLUMNS.T11, row.values, (c) => projectRef(i, row.name, c))));
  } else if (CODED.has(form)) {
    const id = form as (typeof CODED_FORMS)[number];
    const t = f[id];
    if (!t) return out;
    if (t.total) out.push(...cellsOf(form, '', FORM_COLUMNS[id], t.total.values, (c) => totalRef(form, c)));
    t.rows.forEach((row, i) => out.push(...cellsOf(form, '', FORM_COLUMNS[id], row.values, (c) => codedRef(id, i, row.code, c))));
  } else if (ECONOMIC.has(form)) {
    const id = form as (typeof ECONOMIC_FORMS)[number];
    const t = f[id];
    if (!t) return out;
    if (t.total) out.push(...cellsOf(form, '', FORM_COLUMNS[id], t.total.values, (c) => totalRef(form, c)));
    t.rows.forEach((row, i) => out.push(...cellsOf(form, '', FORM_COLUMNS[id], row.values, (c) => economicRef(id, i, economicRowKey(row), c))));
  }
  return out;
}

/** Every amount cell of the forms (T01–T12, form order) and of the performance tables' 项目资金. */
export function amountCells(model: Disclosure): AmountCell[] {
  const out = FORM_IDS.flatMap((form) => formCells(model, form));
  model.performance.forEach((p, i) => {
    for (const c of ['total', 'fiscal', 'other'] as const) out.push({ form: 'P', column: `funds.${c}`, ref: performanceFundsRef(i, p.project, c), value: p.funds[c] });
  });
  return out;
}

/** The money figures the narrative states (unit 万元 or 元), with their keys. */
export function narrativeMoney(model: Disclosure): { key: string; ref: CellRef; value: string }[] {
  return (model.narrative?.figures ?? []).flatMap((f, i) => (f.unit === '万元' || f.unit === '元' ? [{ key: f.key, ref: narrativeRef(i, f.key), value: f.value }] : []));
}

/** Whether a published amount is zero (`0.00`, `-0.00`). */
export function isZeroText(v: string): boolean {
  return /^-?0(\.0+)?$/.test(v);
}

/** The location in words, Chinese and English (`where`, `whereEn`), for message data. */
export function whereData(loc: Location): MessageData {
  return { where: describeLocation(loc), whereEn: describeLocation(loc, 'en') };
}
