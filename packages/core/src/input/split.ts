import { Amount } from '../amount/amount.js';

export interface Split {
  /** cells[i][j]: the part of row i assigned to column j. Every row adds up to its total. */
  readonly cells: Amount[][];
  /** The columns add up to their totals too. */
  readonly exact: boolean;
  /** No other non-negative split has the same row and column totals (one non-zero row or one non-zero column). */
  readonly unique: boolean;
}

/**
 * Splits row totals across column totals in order (the north-west corner rule):
 * exact in integers of cents, never proportional. Each row keeps its total;
 * what the columns cannot take (totals that disagree, negative amounts) goes to
 * the last column with a non-zero total, and `exact` is false.
 */
export function northWest(rows: readonly Amount[], columns: readonly Amount[]): Split {
  if (columns.length === 0) return { cells: rows.map(() => []), exact: rows.every((r) => r.isZero()), unique: true };
  const left = columns.map((c) => (c.isNegative() ? Amount.ZERO : c));
  const cells = rows.map(() => columns.map(() => Amount.ZERO));
  let lastNonZero = 0;
  columns.forEach((c, j) => {
    if (!c.isZero()) lastNonZero = j;
  });
  let exact = columns.every((c) => !c.isNegative());
  rows.forEach((total, i) => {
    const row = cells[i] as Amount[];
    let rest = total.isNegative() ? Amount.ZERO : total;
    for (let j = 0; j < left.length && !rest.isZero(); j++) {
      const avail = left[j] as Amount;
      if (avail.isZero()) continue;
      const take = rest.cmp(avail) <= 0 ? rest : avail;
      row[j] = (row[j] as Amount).plus(take);
      left[j] = avail.minus(take);
      rest = rest.minus(take);
    }
    const unplaced = total.isNegative() ? total : rest;
    if (!unplaced.isZero()) {
      exact = false;
      row[lastNonZero] = (row[lastNonZero] as Amount).plus(unplaced);
    }
  });
  if (left.some((a) => !a.isZero())) exact = false;
  const nonZeroRows = rows.filter((r) => !r.isZero()).length;
  const nonZeroColumns = columns.filter((c) => !c.isZero()).length;
  return { cells, exact, unique: nonZeroRows <= 1 || nonZeroColumns <= 1 };
}

/**
 * The north-west corner rule under caps: cell (i, j) first takes at most
 * caps[i][j] (no cap where undefined); what the caps leave over is then placed
 * by the plain rule. `withinCaps` tells whether the caps were enough.
 */
export function northWestCapped(rows: readonly Amount[], columns: readonly Amount[], caps: readonly (readonly (Amount | undefined)[])[]): Split & { readonly withinCaps: boolean } {
  const rowLeft = rows.map((r) => (r.isNegative() ? Amount.ZERO : r));
  const colLeft = columns.map((c) => (c.isNegative() ? Amount.ZERO : c));
  const cells = rows.map(() => columns.map(() => Amount.ZERO));
  const min = (a: Amount, b: Amount) => (a.cmp(b) <= 0 ? a : b);
  rows.forEach((_, i) => {
    columns.forEach((_c, j) => {
      const r = rowLeft[i] as Amount;
      const c = colLeft[j] as Amount;
      const cap = caps[i]?.[j];
      let take = min(r, c);
      if (cap !== undefined) take = min(take, cap.isNegative() ? Amount.ZERO : cap);
      if (take.isZero() || take.isNegative()) return;
      (cells[i] as Amount[])[j] = take;
      rowLeft[i] = r.minus(take);
      colLeft[j] = c.minus(take);
    });
  });
  const rest = northWest(
    rows.map((r, i) => (r.isNegative() ? r : (rowLeft[i] as Amount))),
    colLeft,
  );
  let withinCaps = true;
  rest.cells.forEach((row, i) =>
    row.forEach((a, j) => {
      if (a.isZero()) return;
      withinCaps = false;
      (cells[i] as Amount[])[j] = (cells[i]?.[j] ?? Amount.ZERO).plus(a);
    }),
  );
  const nonZeroRows = rows.filter((r) => !r.isZero()).length;
  const nonZeroColumns = columns.filter((c) => !c.isZero()).length;
  return { cells, exact: rest.exact && columns.every((c) => !c.isNegative()), unique: nonZeroRows <= 1 || nonZeroColumns <= 1, withinCaps };
}
