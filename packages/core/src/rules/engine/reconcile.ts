/**
 * Block, don't cascade. Every sum and cross-form check is an equation
 * Σ coef·value = 0. When one figure is wrong, every equation it takes part in
 * fails by the same amount (coef·δ) and no other does; that figure is the root
 * cause and is reported once, with the other figures of those equations as
 * related locations. Failures that no single figure explains are reported
 * equation by equation at the figure under check.
 */
import { Amount } from '../../amount/amount.js';
import { pathKey } from '../../diagnostics/types.js';
import type { CellRef, Term } from './types.js';

export interface EvaluatedEquation {
  readonly index: number;
  readonly terms: readonly Term[];
  /** Σ coef·value, blanks as zero. */
  readonly residual: Amount;
  /** Values of the terms (blank = undefined). */
  readonly values: readonly (Amount | undefined)[];
  readonly failed: boolean;
}

export interface RootCause {
  readonly ref: CellRef;
  /** The value the figure would need for every equation it is in to hold. */
  readonly expected: Amount;
  readonly actual: Amount | undefined;
  /** Indexes of the equations it explains (all it takes part in). */
  readonly equations: readonly number[];
}

export interface Reconciliation {
  readonly roots: readonly RootCause[];
  /** Failed equations that no single figure explains. */
  readonly unexplained: readonly number[];
}

const keys = new WeakMap<CellRef, string>();

/** The path key of a reference, computed once. */
function keyOf(ref: CellRef): string {
  let k = keys.get(ref);
  if (k === undefined) {
    k = pathKey(ref.path);
    keys.set(ref, k);
  }
  return k;
}

export function reconcile(equations: readonly EvaluatedEquation[]): Reconciliation {
  const byCell = new Map<string, { ref: CellRef; eqs: { eq: EvaluatedEquation; coef: 1 | -1; value: Amount | undefined }[] }>();
  for (const eq of equations) {
    eq.terms.forEach((t, i) => {
      const key = keyOf(t.ref);
      let entry = byCell.get(key);
      if (!entry) {
        entry = { ref: t.ref, eqs: [] };
        byCell.set(key, entry);
      }
      entry.eqs.push({ eq, coef: t.coef, value: eq.values[i] });
    });
  }

  const failed = new Set(equations.filter((e) => e.failed).map((e) => e.index));
  const candidates: RootCause[] = [];
  const candidateKeys = new Set<string>();
  for (const eq of equations) {
    if (!eq.failed) continue;
    for (const t of eq.terms) {
      const key = keyOf(t.ref);
      if (candidateKeys.has(key)) continue;
      candidateKeys.add(key);
      const entry = byCell.get(key);
      if (!entry || entry.eqs.length < 2) continue;
      if (!entry.eqs.every((e) => e.eq.failed)) continue;
      // the change δ that this figure would carry: residual / coef, the same in every equation
      const deltas = entry.eqs.map((e) => (e.coef === 1 ? e.eq.residual : e.eq.residual.negate()));
      const first = deltas[0];
      if (!first || !deltas.every((d) => d.equals(first))) continue;
      const actual = entry.eqs[0]?.value;
      candidates.push({
        ref: entry.ref,
        expected: (actual ?? Amount.ZERO).minus(first),
        actual,
        equations: [...new Set(entry.eqs.map((e) => e.eq.index))],
      });
    }
  }

  // Strongest explanations first; a candidate whose equations are shared with an equally strong
  // other candidate is ambiguous (the tables cannot tell which side is wrong) and is not a root.
  candidates.sort((a, b) => b.equations.length - a.equations.length);
  const roots: RootCause[] = [];
  const explained = new Set<number>();
  for (const c of candidates) {
    if (c.equations.some((i) => explained.has(i))) continue;
    const same = candidates.filter((o) => o !== c && o.equations.length === c.equations.length && o.equations.every((i) => c.equations.includes(i)));
    if (same.length > 0) continue;
    roots.push(c);
    for (const i of c.equations) explained.add(i);
  }
  const unexplained = [...failed].filter((i) => !explained.has(i)).sort((a, b) => a - b);
  return { roots, unexplained };
}
