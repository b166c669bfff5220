// Issue 4's acceptance test, on a generated forms workbook of the reference:
// change any single amount cell of T01–T12 or of a performance table's 项目资金,
// read the workbook back and check it. At least one error must name that cell
// (as its location or a related location); where the other forms show which
// side is wrong, the error's own location is that cell.
import { describe, expect, it } from 'vitest';
import { Amount } from '../amount/amount.js';
import { generateForms } from '../forms/generate.js';
import { a1, type CellValue, type Grid } from '../grid/grid.js';
import { canonicalAmount, type Disclosure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { checkGrids } from './check.js';

const unit = { name: '淄博高新技术产业开发区人力资源和社会保障中心（先创）', year: 2024 };

/** Every amount figure of the reference forms as the layouts show it (blank cells included). */
function amountPaths(m: Disclosure): (string | number)[][] {
  const out: (string | number)[][] = [];
  const shown: Record<string, readonly string[]> = {
    T02: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'],
    T03: ['total', 'basic', 'project', 'carryForward'],
    T05: ['total', 'basic', 'personnel', 'publicUse', 'project'],
    T11: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
    T12: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
  };
  for (const [form, cols] of Object.entries(shown)) {
    const t = m.forms[form as 'T02'] as { total?: unknown; rows: unknown[] } | undefined;
    if (!t) continue;
    if (t.total) for (const c of cols) out.push(['forms', form, 'total', 'values', c]);
    t.rows.forEach((_, i) => cols.forEach((c) => out.push(['forms', form, 'rows', i, 'values', c])));
  }
  for (const form of ['T01', 'T04'] as const) {
    for (const side of ['income', 'expense'] as const) {
      m.forms[form]?.[side].forEach((_, i) => {
        for (const c of form === 'T04' && side === 'expense' ? ['total', 'gpb', 'gfb', 'soc'] : ['amount']) out.push(['forms', form, side, i, 'values', c]);
      });
    }
  }
  m.performance.forEach((_, i) => ['total', 'fiscal', 'other'].forEach((c) => out.push(['performance', i, 'funds', c])));
  return out;
}

function bump(m: Disclosure, path: (string | number)[]): void {
  let cur = m as unknown as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string;
  const before = typeof cur[last] === 'string' ? (cur[last] as string) : '0.00';
  cur[last] = canonicalAmount(Amount.of(before).plus(Amount.of('1.00')));
}

const same = (a: CellValue, b: CellValue) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The single cell where two generated workbooks differ. */
function changedCell(before: readonly Grid[], after: readonly Grid[]): { sheet: string; cell: string }[] {
  const out: { sheet: string; cell: string }[] = [];
  after.forEach((g, s) => {
    const b = before[s];
    const rows = Math.max(g.rows.length, b?.rows.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(g.rows[r]?.length ?? 0, b?.rows[r]?.length ?? 0);
      for (let c = 0; c < width; c++) if (!same(g.rows[r]?.[c] ?? null, b?.rows[r]?.[c] ?? null)) out.push({ sheet: g.name, cell: a1(r, c) });
    }
  });
  return out;
}

describe('single-cell changes in a generated forms workbook of the reference', () => {
  const reference = referenceDisclosure();
  const original = generateForms(reference);

  it('the unchanged workbook has no error from the sums and the comparisons between forms', () => {
    const result = checkGrids(original, { unit });
    expect(result.diagnostics.filter((d) => d.severity === 'error' && /^(sum|cross|struct|text\/amount|code)/.test(d.ruleId))).toEqual([]);
  });

  it('every changed amount cell is caught by an error that names it', { timeout: 240_000 }, () => {
    const paths = amountPaths(reference);
    expect(paths.length).toBeGreaterThan(300);
    const misses: string[] = [];
    const notPrimary: string[] = [];
    for (const path of paths) {
      const m = referenceDisclosure();
      bump(m, path);
      const grids = generateForms(m);
      const changed = changedCell(original, grids);
      expect(changed, path.join('.')).toHaveLength(1);
      const { sheet, cell } = changed[0] ?? { sheet: '', cell: '' };
      const errors = checkGrids(grids, { unit }).diagnostics.filter((d) => d.severity === 'error');
      const at = (l: { sheet?: string; cell?: string }) => l.sheet === sheet && l.cell === cell;
      if (!errors.some((d) => at(d.location) || (d.related ?? []).some(at))) misses.push(`${sheet}!${cell}`);
      else if (!errors.some((d) => at(d.location))) notPrimary.push(path.join('.'));
    }
    expect(misses).toEqual([]);
    // held by their total alone, in no other form: the error sits at the total, with them related
    expect(notPrimary).toEqual(['forms.T01.expense.22.values.amount', 'forms.T01.expense.23.values.amount', 'forms.T04.income.4.values.amount']);
  });
});
