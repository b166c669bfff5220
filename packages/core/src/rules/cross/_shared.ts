import type { Amount } from '../../amount/amount.js';
import type { FormId } from '../../model/columns.js';
import type { Disclosure, NarrativeFigure } from '../../model/schema.js';
import type { CellRef, RuleContext } from '../engine/types.js';
import { narrativeRef } from '../refs.js';

/** Figures are only compared between forms that are both published. */
export function published(model: Disclosure, ...forms: FormId[]): boolean {
  return forms.every((f) => model.forms[f] !== undefined);
}

/** `a` (the dependent copy) must equal `b`; either side may be a sum of figures (a form without its 合计 row). */
export function same<M extends string>(ctx: RuleContext<M>, messageId: M, a: CellRef | readonly CellRef[], b: CellRef | readonly CellRef[], data?: Record<string, string | number>): void {
  const left = Array.isArray(a) ? a : [a as CellRef];
  const right = Array.isArray(b) ? b : [b as CellRef];
  if (left.length === 0 && right.length === 0) return;
  ctx.equation({
    messageId,
    ...(data ? { data } : {}),
    ...(left.length + right.length > 2 ? { rounding: true } : {}),
    terms: [...left.map((ref) => ({ ref, coef: 1 as const })), ...right.map((ref) => ({ ref, coef: -1 as const }))],
  });
}

/** A narrative figure by key, with its reference. */
export function figure(model: Disclosure, key: string): { figure: NarrativeFigure; ref: CellRef } | undefined {
  const figures = model.narrative?.figures ?? [];
  const index = figures.findIndex((f) => f.key === key);
  const f = figures[index];
  return f ? { figure: f, ref: narrativeRef(index, key) } : undefined;
}

/** Blank counts as zero; a blocked figure as unknown (undefined). */
export function valueOrZero(v: Amount | undefined | null, zero: Amount): Amount | undefined {
  if (v === null) return undefined;
  return v ?? zero;
}

/** Whether a table has any non-zero amount (rows or total row). */
export function hasData(table: { rows?: readonly { values: Record<string, string | undefined> }[]; total?: { values: Record<string, string | undefined> } | undefined } | undefined): boolean {
  if (!table) return false;
  const nonzero = (values: Record<string, string | undefined>) => Object.values(values).some((v) => v !== undefined && !/^-?0(\.0+)?$/.test(v));
  return (table.rows ?? []).some((r) => nonzero(r.values)) || (table.total ? nonzero(table.total.values) : false);
}
