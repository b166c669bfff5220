import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Amount } from '../amount/amount.js';
import { FUNCTION_CLASSES } from '../model/columns.js';
import { DisclosureSchema, type CodedForm, type Disclosure, type EconomicForm } from '../model/schema.js';
import { arbitraryBudgetInput, arbitraryConsistentBudgetInput } from './arbitrary.js';
import { compose } from './compose.js';
import { extractInput } from './extract.js';
import { BudgetInputSchema } from './schema.js';
import { inputSheets, readInputSheets } from './workbook.js';

const RUNS = 500;

/** Failed checks of one model; one expect per model keeps 500 runs fast. */
let problems: string[] = [];
function check(ok: boolean, what: string): void {
  if (!ok) problems.push(what);
}

const a = (values: object | undefined, key: string): Amount => {
  const s = (values as Record<string, string | undefined> | undefined)?.[key];
  return s === undefined ? Amount.ZERO : Amount.of(s);
};
const sum = (values: object | undefined, keys: readonly string[]): Amount => Amount.sum(keys.map((k) => a(values, k)));

/** 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, in every column; rows in tree order. */
function expectRollups(form: CodedForm | undefined, keys: readonly string[]): void {
  if (!form || form.rows.length === 0) return;
  const codes = form.rows.map((r) => r.code);
  check(codes.join() === [...codes].sort().join(), `${form.title}: tree order`);
  for (const r of form.rows) if (r.code.length > 3) check(codes.includes(r.code.slice(0, r.code.length - 2)), `${form.title}: parent of ${r.code}`);
  for (const k of keys) {
    const children = (code: string) => form.rows.filter((r) => r.code.length === code.length + 2 && r.code.startsWith(code));
    for (const r of form.rows.filter((x) => x.code.length < 7)) {
      check(Amount.sum(children(r.code).map((c) => a(c.values, k))).equals(a(r.values, k)), `${form.title}: ${r.code} ${k}`);
    }
    check(Amount.sum(form.rows.filter((r) => r.code.length === 3).map((r) => a(r.values, k))).equals(a(form.total?.values, k)), `${form.title}: 合计 ${k}`);
  }
}

function expectEconomicRollups(form: EconomicForm | undefined, keys: readonly string[]): void {
  if (!form || form.rows.length === 0) return;
  for (const k of keys) {
    const classes = form.rows.filter((r) => r.department.code.length === 3);
    for (const c of classes) {
      const items = form.rows.filter((r) => r.department.code.length === 5 && r.department.code.startsWith(c.department.code));
      check(Amount.sum(items.map((r) => a(r.values, k))).equals(a(c.values, k)), `${form.title}: ${c.department.code} ${k}`);
    }
    check(Amount.sum(classes.map((r) => a(r.values, k))).equals(a(form.total?.values, k)), `${form.title}: 合计 ${k}`);
  }
}

/** Row totals: each row's total column equals its components. */
function expectRowTotals(model: Disclosure): void {
  const f = model.forms;
  const rows = (form: { rows: readonly { values: object }[]; total?: { values: object } | undefined } | undefined): object[] => [
    ...(form?.total ? [form.total.values] : []),
    ...(form?.rows ?? []).map((r) => r.values),
  ];
  const grouped = ['fiscal', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'];
  for (const v of rows(f.T02)) {
    check(a(v, 'total').equals(sum(v, ['fiscal', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'])), 'T02 合计 = 小计 + other sources');
    check(a(v, 'fiscal').equals(sum(v, ['gpb', 'gfb', 'soc'])), 'T02 小计 = fiscal funds');
  }
  for (const v of rows(f.T03)) check(a(v, 'total').equals(sum(v, ['basic', 'project'])), 'T03 合计 = 基本 + 项目');
  for (const form of [f.T05, f.T08, f.T09]) {
    for (const v of rows(form)) {
      check(a(v, 'total').equals(sum(v, ['basic', 'project'])), 'T05/T08/T09 合计 = 基本 + 项目');
      check(a(v, 'basic').equals(sum(v, ['personnel', 'publicUse'])), 'T05/T08/T09 基本 = 人员 + 公用');
    }
  }
  for (const v of rows(f.T06)) check(a(v, 'basic').equals(sum(v, ['personnel', 'publicUse'])), 'T06 基本 = 人员 + 公用');
  for (const form of [f.T10, f.T11, f.T12]) {
    for (const v of rows(form)) {
      check(a(v, 'total').equals(sum(v, grouped)), 'T10/T11/T12 合计 = grouped columns');
      check(a(v, 'fiscal').equals(sum(v, ['gpb', 'gfb', 'soc'])), 'T10/T11/T12 小计 = fiscal funds');
    }
  }
  for (const v of [f.T07?.previous, f.T07?.current]) {
    check(a(v, 'total').equals(sum(v, ['abroad', 'vehicle', 'reception'])), 'T07 合计 = 出国 + 车 + 接待');
    check(a(v, 'vehicle').equals(sum(v, ['vehiclePurchase', 'vehicleOperation'])), 'T07 车 = 购置 + 运行');
  }
  const t11 = f.T11;
  if (t11?.total) for (const k of ['total', 'fiscal', 'gpb', 'unitFunds', 'carryOver']) check(Amount.sum(t11.rows.map((r) => a(r.values, k))).equals(a(t11.total.values, k)), `T11 合计 ${k} = Σ projects`);
  for (const p of model.performance) if (p.funds.total !== undefined) check(a(p.funds, 'total').equals(sum(p.funds, ['fiscal', 'other'])), `P ${p.project}: 总额 = 财政拨款 + 其他`);
}

function expectBalanced(model: Disclosure): void {
  const t01 = model.forms.T01;
  const income = (k: string) => a(t01?.income.find((r) => r.key === k)?.values, 'amount');
  const expense = (k: string) => a(t01?.expense.find((r) => r.key === k)?.values, 'amount');
  check(income('grandTotal').equals(expense('grandTotal')), 'T01 收入总计 = 支出总计');
  check(income('fiscal').equals(Amount.sum(['gpb', 'gfb', 'soc'].map(income))), 'T01 财政拨款收入 = three funds');
  check(Amount.sum(FUNCTION_CLASSES.map(([c]) => expense(c))).equals(expense('currentTotal')), 'T01 本年支出合计 = Σ classes');
  check(expense('currentTotal').equals(a(model.forms.T03?.total?.values, 'total')), 'T01 本年支出合计 = T03 合计');
  const t04 = model.forms.T04;
  const t04Income = a(t04?.income.find((r) => r.key === 'grandTotal')?.values, 'amount');
  const t04Expense = t04?.expense.find((r) => r.key === 'grandTotal')?.values;
  check(t04Income.equals(a(t04Expense, 'total')), 'T04 收入总计 = 支出总计');
  for (const fund of ['gpb', 'gfb', 'soc']) {
    check(a(t04?.income.find((r) => r.key === fund)?.values, 'amount').equals(a(t04Expense, fund)), `T04 ${fund} balanced`);
  }
}

describe('random 底稿 inputs', () => {
  it(`are valid, and survive the input workbook: readInputSheets(inputSheets(x)).input is x (${RUNS} inputs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(arbitraryBudgetInput(), (x) => {
        expect(BudgetInputSchema.safeParse(x).success).toBe(true);
        const read = readInputSheets(inputSheets(x));
        expect(read.diagnostics).toEqual([]);
        expect(read.input).toStrictEqual(x);
      }),
      { numRuns: RUNS },
    );
  });

  it(`compose to a valid disclosure whose rollups and row totals are exact and whose overview balances (${RUNS} inputs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(arbitraryBudgetInput(), (x) => {
        const { model } = compose(x);
        const valid = DisclosureSchema.safeParse(model);
        expect(valid.success ? [] : valid.error.issues).toEqual([]);
        problems = [];
        const f = model.forms;
        expectRollups(f.T02, ['total', 'fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'businessIncome', 'otherIncome', 'carryOver']);
        expectRollups(f.T03, ['total', 'basic', 'project', 'carryForward']);
        for (const form of [f.T05, f.T08, f.T09]) expectRollups(form, ['total', 'basic', 'personnel', 'publicUse', 'project']);
        expectRollups(f.T12, ['total', 'fiscal', 'gpb', 'unitFunds', 'carryOver']);
        expectEconomicRollups(f.T06, ['basic', 'personnel', 'publicUse']);
        expectEconomicRollups(f.T10, ['total', 'fiscal', 'gpb', 'specialAccount', 'unitFunds']);
        expectRowTotals(model);
        expectBalanced(model);
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('random consistent 底稿 inputs', () => {
  it('compose without findings, and compose(extract(model)) reproduces every form, performance table and narrative figure', { timeout: 120_000 }, () => {
    let recovered = 0;
    fc.assert(
      fc.property(arbitraryConsistentBudgetInput(), (x) => {
        const first = compose(x);
        expect(first.diagnostics).toEqual([]);
        const back = extractInput(first.model);
        const again = compose(back.input);
        expect(again.model.forms).toEqual(first.model.forms);
        expect(again.model.performance).toEqual(first.model.performance);
        expect(again.model.narrative?.figures).toEqual(first.model.narrative?.figures);
        // Where extract reports no ambiguous split the recovered 底稿 is consistent too.
        if (!back.diagnostics.some((d) => d.messageId === 'source-split')) {
          expect(again.diagnostics).toEqual([]);
          recovered++;
        }
      }),
      { numRuns: 300 },
    );
    expect(recovered).toBeGreaterThan(30);
  });
});
