/**
 * The overview forms T01 收支总体情况表 and T04 财政拨款收支总体情况表: fixed
 * income rows paired with the 21 function classes and the fixed expense rows,
 * side by side exactly as the reference publishes them.
 */
import { classRowLabel, FUNCTION_CLASSES, T01_EXPENSE_ROWS, T01_INCOME_ROWS, T04_EXPENSE_ROWS, T04_INCOME_ROWS } from '../../model/columns.js';
import type { ColumnNode, FixedRow, FormLayout } from '../types.js';
import { amount, group, UNIT_LINE } from './common.js';

type Pair = readonly [FixedRow | null, FixedRow | null];

const TOTAL_KEYS: ReadonlySet<string> = new Set(['currentTotal', 'grandTotal']);

function fixed(rows: Readonly<Record<string, string>>, key: string, aliases: Readonly<Record<string, readonly string[]>>): FixedRow {
  const label = rows[key];
  if (label === undefined) throw new Error(`no fixed row ${key}`);
  const a = aliases[key];
  return { key, label, ...(a ? { aliases: a } : {}), ...(TOTAL_KEYS.has(key) ? { total: true } : {}) };
}

const CLASS_ROWS: readonly FixedRow[] = FUNCTION_CLASSES.map(([code, name]) => ({ key: code, label: classRowLabel(code), aliases: [name] }));

const INCOME_ALIASES: Readonly<Record<string, readonly string[]>> = {
  specialAccount: ['财政专户管理资金', '财政专户收入'],
  businessIncome: ['事业收入'],
  operatingIncome: ['经营收入'],
  currentTotal: ['本年收入'],
  carryOver: ['上年结转结余'],
  grandTotal: ['收入合计'],
};
const EXPENSE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  subsidyToAffiliates: ['对附属单位补助支出'],
  currentTotal: ['本年支出'],
  carryForward: ['结转下年支出'],
  grandTotal: ['支出合计'],
};

/** Pairs income rows with the 21 classes, then lines up the tails. */
function pairs(income: readonly FixedRow[], tail: readonly Pair[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < Math.max(income.length, CLASS_ROWS.length); i++) out.push([income[i] ?? null, CLASS_ROWS[i] ?? null]);
  return [...out, ...tail];
}

const sides = (expenseAmount: ColumnNode): ColumnNode[] => [
  group('收入', [
    { label: '项目', aliases: ['收入项目'], leaf: { kind: 'label', side: 'income' }, width: 30 },
    amount('预算数', 'amount', { aliases: ['金额', '预算金额'] }, 'income'),
  ]),
  group('支出', [{ label: '项目', aliases: ['支出项目'], leaf: { kind: 'label', side: 'expense' }, width: 30 }, expenseAmount]),
];

const i01 = (key: string) => fixed(T01_INCOME_ROWS, key, INCOME_ALIASES);
const e01 = (key: string) => fixed(T01_EXPENSE_ROWS, key, EXPENSE_ALIASES);

export const T01: FormLayout = {
  id: 'T01',
  title: '收支总体情况表',
  titleVariants: ['收支总表', '部门收支总表'],
  sheetName: '表1 收支总体情况表',
  unitLine: UNIT_LINE,
  columns: sides(amount('预算数', 'amount', { aliases: ['金额', '预算金额'] }, 'expense')),
  body: {
    kind: 'paired',
    pairs: pairs(
      ['fiscal', 'gpb', 'gfb', 'soc', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome'].map(i01),
      [
        [i01('currentTotal'), e01('currentTotal')],
        [i01('superiorSubsidy'), null],
        [i01('affiliatedRemit'), e01('subsidyToAffiliates')],
        [i01('nonFiscalSurplus'), e01('remitToSuperior')],
        [i01('carryOver'), e01('carryForward')],
        [i01('grandTotal'), e01('grandTotal')],
      ],
    ),
  },
};

const i04 = (key: string) => fixed(T04_INCOME_ROWS, key, INCOME_ALIASES);
const e04 = (key: string) => fixed(T04_EXPENSE_ROWS, key, EXPENSE_ALIASES);

export const T04: FormLayout = {
  id: 'T04',
  title: '财政拨款收支总体情况表',
  titleVariants: ['财政拨款收支总表'],
  sheetName: '表4 财政拨款收支总体情况表',
  unitLine: UNIT_LINE,
  columns: sides(
    group(
      '预算数',
      [
        amount('总计', 'total', { aliases: ['合计', '小计'] }, 'expense'),
        amount('一般公共预算', 'gpb', { aliases: ['一般公共预算拨款'] }, 'expense'),
        amount('政府性基金预算', 'gfb', { aliases: ['政府性基金预算拨款'] }, 'expense'),
        amount('国有资本经营预算', 'soc', { aliases: ['国有资本经营预算拨款'] }, 'expense'),
      ],
      { aliases: ['金额', '预算金额'] },
    ),
  ),
  body: {
    kind: 'paired',
    pairs: pairs(
      ['gpb', 'gfb', 'soc'].map(i04),
      [
        [i04('currentTotal'), e04('currentTotal')],
        [i04('carryOver'), e04('carryForward')],
        [i04('grandTotal'), e04('grandTotal')],
      ],
    ),
  },
};
