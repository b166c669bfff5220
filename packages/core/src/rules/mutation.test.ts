// Mutation tests on the model: change any single amount of the reference's forms
// (T01–T12) or of a performance table's 项目资金, and at least one error must
// point at it (as its location or a related location); where the other forms
// show which side is wrong, the error's own location is the changed figure.
import { describe, expect, it } from 'vitest';
import { Amount } from '../amount/amount.js';
import { pathKey } from '../diagnostics/types.js';
import { canonicalAmount, type Disclosure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { checkDisclosure } from './check.js';

/** The amount columns each form shows in the reference layout. */
const SHOWN: Record<string, readonly string[]> = {
  T02: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'],
  T03: ['total', 'basic', 'project', 'carryForward'],
  T05: ['total', 'basic', 'personnel', 'publicUse', 'project'],
  T11: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
  T12: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'],
};

function amountPaths(m: Disclosure): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const [form, cols] of Object.entries(SHOWN)) {
    const t = m.forms[form as 'T02'] as { total?: unknown; rows: unknown[] } | undefined;
    if (!t) continue;
    if (t.total) for (const c of cols) out.push(['forms', form, 'total', 'values', c]);
    t.rows.forEach((_, i) => {
      for (const c of cols) out.push(['forms', form, 'rows', i, 'values', c]);
    });
  }
  for (const form of ['T01', 'T04'] as const) {
    const t = m.forms[form];
    if (!t) continue;
    for (const side of ['income', 'expense'] as const) {
      t[side].forEach((_, i) => {
        const cols = form === 'T04' && side === 'expense' ? ['total', 'gpb', 'gfb', 'soc'] : ['amount'];
        for (const c of cols) out.push(['forms', form, side, i, 'values', c]);
      });
    }
  }
  m.performance.forEach((_, i) => {
    for (const c of ['total', 'fiscal', 'other']) out.push(['performance', i, 'funds', c]);
  });
  return out;
}

function setAt(m: Disclosure, path: (string | number)[], value: string) {
  let cur = m as unknown as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
  cur[path[path.length - 1] as string] = value;
}

function getAt(m: Disclosure, path: (string | number)[]): string | undefined {
  let cur: unknown = m;
  for (const s of path) cur = (cur as Record<string | number, unknown> | undefined)?.[s];
  return typeof cur === 'string' ? cur : undefined;
}

const reference = referenceDisclosure();

/** Figures held by a single check (their total) that appear in no other form. */
const SINGLE_CHECK = [
  'forms.T01.expense.22.values.amount', // 对附属单位的补助支出
  'forms.T01.expense.23.values.amount', // 上缴上级支出
  'forms.T04.income.4.values.amount', // T04 上年结转
];
const paths = amountPaths(reference);

describe('single-figure mutations of the reference', () => {
  it('covers every amount cell of the reference forms', () => {
    expect(paths.length).toBeGreaterThan(300);
  });

  for (const delta of ['1.00', '0.01']) {
    it(`changing any one figure by ${delta} is caught at that figure`, () => {
      const misses: string[] = [];
      const notPrimary: string[] = [];
      for (const path of paths) {
        const m = referenceDisclosure();
        const before = getAt(m, path);
        const next = Amount.of(before ?? '0').plus(Amount.of(delta));
        setAt(m, path, canonicalAmount(next));
        const report = checkDisclosure(m);
        const key = pathKey(path);
        const errors = report.diagnostics.filter((d) => d.severity === 'error');
        const hit = errors.some((d) => (d.location.path && pathKey(d.location.path) === key) || (d.related ?? []).some((r) => r.path && pathKey(r.path) === key));
        if (!hit) misses.push(key);
        else if (!errors.some((d) => d.location.path && pathKey(d.location.path) === key)) notPrimary.push(key);
      }
      // A 0.01 change of a figure that only its total holds looks exactly like a 尾差: it is
      // reported as a sum/rounding warning (checked below), every other change as an error.
      expect(misses).toEqual(delta === '0.01' ? SINGLE_CHECK : []);
      for (const key of misses) {
        const m = referenceDisclosure();
        const path = key.split('.').map((p) => (/^[0-9]+$/.test(p) ? Number(p) : p));
        setAt(m, path, canonicalAmount(Amount.of(getAt(m, path) ?? '0').plus(Amount.of(delta))));
        const warnings = checkDisclosure(m).diagnostics.filter((d) => d.ruleId === 'sum/rounding');
        expect(warnings.some((d) => (d.related ?? []).some((r) => r.path && pathKey(r.path) === key))).toBe(true);
      }
      // Three figures are held by a single check (their total) and appear in no other form: nothing
      // tells whether they or their total are wrong, so the error sits at the total with them related.
      expect(notPrimary).toEqual(delta === '0.01' ? [] : SINGLE_CHECK);
    });
  }
});
