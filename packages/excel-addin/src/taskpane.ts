/**
 * Entry of the task pane bundle (a browser IIFE exposing `YusuanPane`). The pane
 * runs core unchanged in the browser: everything it checks, sums or lays out
 * comes from @yusuan/core. The Office.js UI is built on top of this entry.
 */
import { Amount, referenceDisclosure, validateDisclosure, type Disclosure } from '@yusuan/core';

export { Amount, referenceDisclosure, validateDisclosure };

/** Totals the pane shows for a model: 收入总计, 支出总计 and the number of projects. */
export function headline(model: Disclosure): { unit: string; year: number; income: string; expense: string; projects: number } {
  const row = (side: 'income' | 'expense') => model.forms.T01?.[side].find((r) => r.key === 'grandTotal')?.values.amount;
  const show = (v: string | undefined) => (v === undefined ? '—' : Amount.of(v).format());
  return {
    unit: model.unit.name,
    year: model.unit.year,
    income: show(row('income')),
    expense: show(row('expense')),
    projects: model.forms.T11?.rows.length ?? 0,
  };
}
