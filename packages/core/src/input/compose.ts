/**
 * compose(): the disclosure of the reference profile built from the 底稿, with
 * every rollup computed (项 → 款 → 类 → 合计, row totals, overview forms,
 * performance funds, narrative figures). All sums are exact (Amount). Where
 * figures typed in different sheets disagree, the model is still built and the
 * disagreement is returned as a diagnostic.
 */
import { Amount } from '../amount/amount.js';
import { bundledCatalogs } from '../catalog/bundled.js';
import type { Diagnostic, Location, SourceMap } from '../diagnostics/types.js';
import {
  classRowLabel,
  FORM_COLUMNS,
  FORM_TITLES,
  FUNCTION_CLASSES,
  SECTION_TITLES,
  T01_EXPENSE_ROWS,
  T01_INCOME_ROWS,
  T04_EXPENSE_ROWS,
  T04_INCOME_ROWS,
  type ColumnKey,
  type FormId,
  type FunctionClassCode,
  type NarrativeFigureKey,
  type SectionKey,
} from '../model/columns.js';
import { parseIndicatorValue } from '../model/indicator-value.js';
import { canonicalAmount, MODEL_SCHEMA_VERSION, type Disclosure, type Forms, type NarrativeFigure, type PerformanceTable } from '../model/schema.js';
import type { InputMessageId } from './messages.js';
import { generatedSectionTexts } from './narrative.js';
import {
  basicKindOf,
  BUDGET_SOURCE_NAMES,
  BUDGET_SOURCE_NAMES_EN,
  BUDGET_SOURCES,
  DEFAULT_SOURCE_GROUPING,
  FISCAL_FUNDS,
  INPUT_SHEET_NAMES,
  NARRATIVE_SECTIONS,
  LINE_AMOUNT_KEYS,
  THREE_PUBLIC_ITEMS,
  type BudgetInput,
  type BudgetSource,
  type FiscalFund,
  type LineAmountKey,
  type SourceAmounts,
  type SourceGrouping,
} from './schema.js';

export interface ComposeOptions {
  /** Where each input figure was read from (readInputSheets), to locate diagnostics. */
  readonly sourceMap?: SourceMap;
  /** Which sources form 财政拨款 and 单位资金 (default: docs/decisions/004-unit-funds.md). */
  readonly grouping?: SourceGrouping;
}

export interface ComposeResult {
  readonly model: Disclosure;
  readonly diagnostics: Diagnostic[];
}

/** The profile compose() builds. */
export const COMPOSE_PROFILE = 'shandong-12';

// ---------------------------------------------------------------------------
// Exact column sums

type Vals = Partial<Record<ColumnKey, Amount>>;

function amountOf(s: string | undefined): Amount {
  return s === undefined ? Amount.ZERO : Amount.of(s);
}

function add(v: Vals, key: ColumnKey, a: Amount): void {
  if (a.isZero()) return;
  const prev = v[key];
  v[key] = prev === undefined ? a : prev.plus(a);
}

function addAll(into: Vals, from: Vals): void {
  for (const [k, a] of Object.entries(from) as [ColumnKey, Amount][]) add(into, k, a);
}

function get(v: Vals, key: ColumnKey): Amount {
  return v[key] ?? Amount.ZERO;
}

/** Published values: non-zero amounts only (a zero is a blank cell), in column order. */
function published(v: Vals, keys: readonly ColumnKey[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const a = v[k];
    if (a !== undefined && !a.isZero()) out[k] = canonicalAmount(a);
  }
  return out;
}

/** An overview form publishes no amount at all. */
function noAmounts(...sides: readonly (readonly { values: object }[])[]): boolean {
  return sides.every((rows) => rows.every((r) => Object.keys(r.values).length === 0));
}

function hasData(v: Vals): boolean {
  return Object.values(v).some((a) => a !== undefined && !a.isZero());
}

/** The column of 表十/表十一/表十二 a source is shown in. */
export function groupedColumn(source: BudgetSource, grouping: SourceGrouping): ColumnKey | undefined {
  if (grouping.unitFunds.includes(source)) return 'unitFunds';
  switch (source) {
    case 'gpb':
    case 'gfb':
    case 'soc':
    case 'specialAccount':
    case 'nonFiscalSurplus':
    case 'carryOver':
      return source;
    default:
      return undefined;
  }
}

/** Adds an amount of a source to grouped columns (total, 财政拨款小计, its column). */
function addGrouped(v: Vals, source: BudgetSource, a: Amount, grouping: SourceGrouping): void {
  add(v, 'total', a);
  if (grouping.fiscal.includes(source)) add(v, 'fiscal', a);
  const col = groupedColumn(source, grouping);
  if (col !== undefined) add(v, col, a);
}

// ---------------------------------------------------------------------------
// Notes

const FORM_ORDINALS: Readonly<Record<FormId, string>> = {
  T01: '表一', T02: '表二', T03: '表三', T04: '表四', T05: '表五', T06: '表六',
  T07: '表七', T08: '表八', T09: '表九', T10: '表十', T11: '表十一', T12: '表十二',
};

/** The note an empty form carries, worded as in the reference disclosure. */
export function defaultNote(form: FormId, unit: { name: string; year: number }): string {
  const y = `${unit.year}年`;
  switch (form) {
    case 'T01':
      return `注：${unit.name}${y}没有收支预算。`;
    case 'T04':
      return `注：${y}没有财政拨款收支预算。`;
    case 'T02':
      return `注：${unit.name}${y}没有收入预算。`;
    case 'T03':
      return `注：${unit.name}${y}没有支出预算。`;
    case 'T05':
      return `注：${y}没有使用一般公共预算拨款安排的支出。`;
    case 'T06':
      return `注：${y}没有使用一般公共预算拨款安排的基本支出。`;
    case 'T07':
      return `注：${y}没有一般公共预算“三公”经费支出。`;
    case 'T08':
      return `注：${y}没有使用政府性基金预算拨款安排的支出。`;
    case 'T09':
      return `注：${y}没有使用国有资本经营预算拨款安排的支出。`;
    case 'T10':
      return `注：${unit.name}${y}没有基本支出预算。`;
    case 'T11':
      return `注：${unit.name}${y}没有项目支出预算。`;
    case 'T12':
      return `注：${unit.name}${y}没有政府采购预算。`;
  }
}

/** `表三 支出总体情况表`, for messages. */
export function formName(form: FormId): string {
  return `${FORM_ORDINALS[form]} ${FORM_TITLES[form]}`;
}

// ---------------------------------------------------------------------------
// The composer

const KIND_NAMES: Readonly<Record<'personnel' | 'publicUse', [string, string]>> = {
  personnel: ['人员支出', 'personnel'],
  publicUse: ['日常公用支出', 'public use'],
};

class Composer {
  readonly diagnostics: Diagnostic[] = [];
  readonly #input: BudgetInput;
  readonly #map: SourceMap;
  readonly #grouping: SourceGrouping;
  readonly #lineNames = new Map<string, string>();
  readonly #subjectNames = new Map<string, string>();
  readonly #economicNames = new Map<string, string>();
  readonly #economicClassNames = new Map<string, string>();
  readonly #named = new Set<string>();
  readonly #money: string;

  constructor(input: BudgetInput, options: ComposeOptions) {
    this.#input = input;
    this.#map = options.sourceMap ?? {};
    this.#grouping = options.grouping ?? DEFAULT_SOURCE_GROUPING;
    this.#money = input.document.amountUnit;
    for (const l of input.lines) if (l.name !== undefined && !this.#lineNames.has(l.code)) this.#lineNames.set(l.code, l.name);
    for (const s of input.subjects) if (!this.#subjectNames.has(s.code)) this.#subjectNames.set(s.code, s.name);
    for (const s of input.economicSubjects) if (!this.#economicClassNames.has(s.code)) this.#economicClassNames.set(s.code, s.name);
    for (const b of input.basic) {
      for (const side of [b.department, b.government]) {
        if (side?.name !== undefined && !this.#economicNames.has(side.code)) this.#economicNames.set(side.code, side.name);
      }
    }
  }

  #diag(messageId: InputMessageId, data: Record<string, string>, location: Location, extra: { expected?: Amount; actual?: Amount; severity?: Diagnostic['severity']; ruleId?: string } = {}): void {
    this.diagnostics.push({
      ruleId: extra.ruleId ?? 'input/inconsistent',
      severity: extra.severity ?? 'error',
      messageId,
      // The numbers are in the data too, for renderers that fill templates from data alone.
      data: { ...data, ...(extra.expected ? { expected: canonicalAmount(extra.expected) } : {}), ...(extra.actual ? { actual: canonicalAmount(extra.actual) } : {}) },
      location,
      ...(extra.expected ? { expected: canonicalAmount(extra.expected) } : {}),
      ...(extra.actual ? { actual: canonicalAmount(extra.actual) } : {}),
    });
  }

  #where(path: string, fallback: Location): Location {
    const physical = this.#map[path];
    return physical ? { ...fallback, ...physical } : fallback;
  }

  /** Name of a function code: typed on the lines or in 科目名称, else the bundled catalogue. */
  functionName(code: string): string {
    const typed = code.length === 7 ? this.#lineNames.get(code) : this.#subjectNames.get(code);
    const name = typed ?? this.#subjectNames.get(code) ?? bundledCatalogs().function.get(code)?.name;
    if (name !== undefined) return name;
    this.#missingName(code, code.length === 7 ? INPUT_SHEET_NAMES.lines : INPUT_SHEET_NAMES.subjects);
    return '';
  }

  economicName(code: string): string {
    const catalog = code.startsWith('3') ? bundledCatalogs().economicDepartment : bundledCatalogs().economicGovernment;
    const typed = code.length === 3 ? this.#economicClassNames.get(code) : this.#economicNames.get(code);
    const name = typed ?? catalog.get(code)?.name;
    if (name !== undefined) return name;
    this.#missingName(code, code.length === 3 ? INPUT_SHEET_NAMES.subjects : INPUT_SHEET_NAMES.basic);
    return '';
  }

  #missingName(code: string, sheet: string): void {
    if (this.#named.has(code)) return;
    this.#named.add(code);
    this.#diag('missing-name', { code, sheet }, { sheet, rowKey: code }, { severity: 'warning', ruleId: 'input/missing-name' });
  }

  note(form: FormId, empty: boolean): { note?: string } {
    const override = this.#input.narrative.notes[form];
    const note = override ?? (empty ? defaultNote(form, this.#input.unit) : undefined);
    return note === undefined ? {} : { note };
  }

  meta(form: FormId): { title: string; unit: '万元' | '元' } {
    return { title: FORM_TITLES[form], unit: this.#input.document.amountUnit };
  }

  /** A coded form (T02, T03, T05, T08, T09, T12) from its 项 values: 类 and 款 rows and 合计 are sums. */
  coded<F extends 'T02' | 'T03' | 'T05' | 'T08' | 'T09' | 'T12'>(form: F, items: ReadonlyMap<string, Vals>): NonNullable<Forms[F]> {
    const keys = FORM_COLUMNS[form];
    const sums = new Map<string, Vals>();
    const total: Vals = {};
    for (const [code, v] of items) {
      if (!hasData(v)) continue;
      for (const c of [code.slice(0, 3), code.slice(0, 5), code]) {
        let acc = sums.get(c);
        if (!acc) sums.set(c, (acc = {}));
        addAll(acc, v);
      }
      addAll(total, v);
    }
    const codes = [...sums.keys()].sort();
    const rows = codes.map((code) => ({ code, name: this.functionName(code), values: published(sums.get(code) ?? {}, keys) }));
    const base = { ...this.meta(form), ...this.note(form, rows.length === 0) };
    // Values carry exactly the keys of FORM_COLUMNS[form], which is what Forms[F] allows.
    return (rows.length === 0 ? { ...base, rows: [] } : { ...base, total: { label: '合计', values: published(total, keys) }, rows }) as NonNullable<Forms[F]>;
  }

  /** An economic form (T06, T10): 类 rows are sums of their 款 pairs. */
  economic<F extends 'T06' | 'T10'>(form: F, items: ReadonlyMap<string, { department: string; government: string | undefined; values: Vals }>): NonNullable<Forms[F]> {
    const keys = FORM_COLUMNS[form];
    const classes = new Map<string, { values: Vals; governmentClasses: Set<string | undefined> }>();
    const total: Vals = {};
    const pairs = [...items.values()].filter((i) => hasData(i.values));
    for (const p of pairs) {
      const cls = p.department.slice(0, 3);
      let acc = classes.get(cls);
      if (!acc) classes.set(cls, (acc = { values: {}, governmentClasses: new Set() }));
      addAll(acc.values, p.values);
      acc.governmentClasses.add(p.government?.slice(0, 3));
      addAll(total, p.values);
    }
    const rows: { department: { code: string; name: string }; government?: { code: string; name: string }; values: Record<string, string> }[] = [];
    for (const cls of [...classes.keys()].sort()) {
      const acc = classes.get(cls);
      if (!acc) continue;
      const govs = [...acc.governmentClasses];
      const gov = govs.length === 1 ? govs[0] : undefined;
      rows.push({
        department: { code: cls, name: this.economicName(cls) },
        ...(gov === undefined ? {} : { government: { code: gov, name: this.economicName(gov) } }),
        values: published(acc.values, keys),
      });
      const children = pairs
        .filter((p) => p.department.startsWith(cls))
        .sort((a, b) => cmp(a.department, b.department) || cmp(a.government ?? '', b.government ?? ''));
      for (const p of children) {
        rows.push({
          department: { code: p.department, name: this.economicName(p.department) },
          ...(p.government === undefined ? {} : { government: { code: p.government, name: this.economicName(p.government) } }),
          values: published(p.values, keys),
        });
      }
    }
    const base = { ...this.meta(form), ...this.note(form, rows.length === 0) };
    return (rows.length === 0 ? { ...base, rows: [] } : { ...base, total: { label: '合计', values: published(total, keys) }, rows }) as NonNullable<Forms[F]>;
  }

  compose(): Disclosure {
    const input = this.#input;
    const g = this.#grouping;

    // Per 项 code: the four amounts by source.
    const lines = new Map<string, Map<BudgetSource, Record<LineAmountKey, Amount>>>();
    for (const l of input.lines) {
      let bySource = lines.get(l.code);
      if (!bySource) lines.set(l.code, (bySource = new Map()));
      let acc = bySource.get(l.source);
      if (!acc) bySource.set(l.source, (acc = { personnel: Amount.ZERO, publicUse: Amount.ZERO, project: Amount.ZERO, carryForward: Amount.ZERO }));
      for (const k of LINE_AMOUNT_KEYS) acc[k] = acc[k].plus(amountOf(l[k]));
    }
    const codes = [...lines.keys()].sort();

    const t02 = new Map<string, Vals>();
    const t03 = new Map<string, Vals>();
    const funds: Record<FiscalFund, Map<string, Vals>> = { gpb: new Map(), gfb: new Map(), soc: new Map() };
    const revenue: Partial<Record<BudgetSource, Amount>> = {};
    for (const code of codes) {
      const v02: Vals = {};
      const v03: Vals = {};
      for (const [source, a] of lines.get(code) ?? []) {
        const basic = a.personnel.plus(a.publicUse);
        const spent = basic.plus(a.project);
        const income = spent.plus(a.carryForward);
        add(v02, source, income);
        add(v02, 'total', income);
        if (g.fiscal.includes(source)) add(v02, 'fiscal', income);
        revenue[source] = (revenue[source] ?? Amount.ZERO).plus(income);
        add(v03, 'total', spent);
        add(v03, 'basic', basic);
        add(v03, 'project', a.project);
        add(v03, 'carryForward', a.carryForward);
        if (source === 'gpb' || source === 'gfb' || source === 'soc') {
          const v: Vals = {};
          add(v, 'total', spent);
          add(v, 'basic', basic);
          add(v, 'personnel', a.personnel);
          add(v, 'publicUse', a.publicUse);
          add(v, 'project', a.project);
          const prev = funds[source].get(code);
          if (prev) addAll(prev, v);
          else funds[source].set(code, v);
        }
      }
      t02.set(code, v02);
      t03.set(code, v03);
    }

    const T02 = this.coded('T02', t02);
    const T03 = this.coded('T03', t03);
    const T05 = this.coded('T05', funds.gpb);
    const T08 = this.coded('T08', funds.gfb);
    const T09 = this.coded('T09', funds.soc);

    // Class totals for T01 and T04.
    const classSpend = new Map<string, Vals>();
    const fundTotals: Record<FiscalFund, { spent: Amount; carryForward: Amount }> = {
      gpb: { spent: Amount.ZERO, carryForward: Amount.ZERO },
      gfb: { spent: Amount.ZERO, carryForward: Amount.ZERO },
      soc: { spent: Amount.ZERO, carryForward: Amount.ZERO },
    };
    let spentTotal = Amount.ZERO;
    let carryForwardTotal = Amount.ZERO;
    let basicTotal = Amount.ZERO;
    let projectTotal = Amount.ZERO;
    const knownClasses = new Set<string>(FUNCTION_CLASSES.map(([c]) => c));
    for (const code of codes) {
      const cls = code.slice(0, 3);
      if (!knownClasses.has(cls)) {
        // Once per class, at the first line of it.
        knownClasses.add(cls);
        this.#diag('class-not-in-overview', { code, class: cls }, this.#where(`lines.${input.lines.findIndex((l) => l.code === code)}.code`, { sheet: INPUT_SHEET_NAMES.lines, rowKey: code }), {
          severity: 'warning',
          ruleId: 'input/unknown-class',
        });
      }
      let acc = classSpend.get(cls);
      if (!acc) classSpend.set(cls, (acc = {}));
      for (const [source, a] of lines.get(code) ?? []) {
        const basic = a.personnel.plus(a.publicUse);
        const spent = basic.plus(a.project);
        spentTotal = spentTotal.plus(spent);
        basicTotal = basicTotal.plus(basic);
        projectTotal = projectTotal.plus(a.project);
        carryForwardTotal = carryForwardTotal.plus(a.carryForward);
        add(acc, 'amount', spent);
        if (source === 'gpb' || source === 'gfb' || source === 'soc') {
          add(acc, 'total', spent);
          add(acc, source, spent);
          fundTotals[source].spent = fundTotals[source].spent.plus(spent);
          fundTotals[source].carryForward = fundTotals[source].carryForward.plus(a.carryForward);
        }
      }
    }

    const rev = (s: BudgetSource): Amount => revenue[s] ?? Amount.ZERO;
    const sumOf = (ss: readonly BudgetSource[]): Amount => Amount.sum(ss.map(rev));
    const fiscalIncome = sumOf(FISCAL_FUNDS);
    const currentIncome = fiscalIncome.plus(sumOf(['specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome']));
    const grandIncome = currentIncome.plus(sumOf(['superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver']));
    const incomeAmounts: Record<keyof typeof T01_INCOME_ROWS, Amount> = {
      fiscal: fiscalIncome,
      gpb: rev('gpb'),
      gfb: rev('gfb'),
      soc: rev('soc'),
      specialAccount: rev('specialAccount'),
      businessIncome: rev('businessIncome'),
      operatingIncome: rev('operatingIncome'),
      otherIncome: rev('otherIncome'),
      currentTotal: currentIncome,
      superiorSubsidy: rev('superiorSubsidy'),
      affiliatedRemit: rev('affiliatedRemit'),
      nonFiscalSurplus: rev('nonFiscalSurplus'),
      carryOver: rev('carryOver'),
      grandTotal: grandIncome,
    };
    const one = (a: Amount): Record<string, string> => published({ amount: a }, ['amount']);
    const grandExpense = spentTotal.plus(carryForwardTotal);
    const t01Income = (Object.keys(T01_INCOME_ROWS) as (keyof typeof T01_INCOME_ROWS)[]).map((key) => ({ key, label: T01_INCOME_ROWS[key], values: one(incomeAmounts[key]) }));
    const t01Expense = [
      ...FUNCTION_CLASSES.map(([code]) => ({ key: code, label: classRowLabel(code as FunctionClassCode), values: published(classSpend.get(code) ?? {}, ['amount']) })),
      { key: 'currentTotal', label: T01_EXPENSE_ROWS.currentTotal, values: one(spentTotal) },
      { key: 'subsidyToAffiliates', label: T01_EXPENSE_ROWS.subsidyToAffiliates, values: {} },
      { key: 'remitToSuperior', label: T01_EXPENSE_ROWS.remitToSuperior, values: {} },
      { key: 'carryForward', label: T01_EXPENSE_ROWS.carryForward, values: one(carryForwardTotal) },
      { key: 'grandTotal', label: T01_EXPENSE_ROWS.grandTotal, values: one(grandExpense) },
    ];
    const T01: NonNullable<Forms['T01']> = { ...this.meta('T01'), ...this.note('T01', noAmounts(t01Income, t01Expense)), income: t01Income, expense: t01Expense };

    const fiscalCurrent = Amount.sum(FISCAL_FUNDS.map((f) => rev(f)));
    const t04Totals = (pick: (f: FiscalFund) => Amount): Vals => {
      const v: Vals = {};
      for (const f of FISCAL_FUNDS) {
        add(v, f, pick(f));
        add(v, 'total', pick(f));
      }
      return v;
    };
    const t04Keys = FORM_COLUMNS.T04Expense;
    const t04Income = [
      { key: 'gpb', label: T04_INCOME_ROWS.gpb, values: one(rev('gpb')) },
      { key: 'gfb', label: T04_INCOME_ROWS.gfb, values: one(rev('gfb')) },
      { key: 'soc', label: T04_INCOME_ROWS.soc, values: one(rev('soc')) },
      { key: 'currentTotal', label: T04_INCOME_ROWS.currentTotal, values: one(fiscalCurrent) },
      { key: 'carryOver', label: T04_INCOME_ROWS.carryOver, values: {} },
      { key: 'grandTotal', label: T04_INCOME_ROWS.grandTotal, values: one(fiscalCurrent) },
    ];
    const t04Expense = [
      ...FUNCTION_CLASSES.map(([code]) => ({ key: code, label: classRowLabel(code as FunctionClassCode), values: published(classSpend.get(code) ?? {}, t04Keys) })),
      { key: 'currentTotal', label: T04_EXPENSE_ROWS.currentTotal, values: published(t04Totals((f) => fundTotals[f].spent), t04Keys) },
      { key: 'carryForward', label: T04_EXPENSE_ROWS.carryForward, values: published(t04Totals((f) => fundTotals[f].carryForward), t04Keys) },
      {
        key: 'grandTotal',
        label: T04_EXPENSE_ROWS.grandTotal,
        values: published(t04Totals((f) => fundTotals[f].spent.plus(fundTotals[f].carryForward)), t04Keys),
      },
    ];
    const T04: NonNullable<Forms['T04']> = { ...this.meta('T04'), ...this.note('T04', noAmounts(t04Income, t04Expense)), income: t04Income, expense: t04Expense };

    // Basic expenditure by economic code pair.
    const t06 = new Map<string, { department: string; government: string | undefined; values: Vals }>();
    const t10 = new Map<string, { department: string; government: string | undefined; values: Vals }>();
    const basicBy = new Map<string, Amount>();
    for (const b of input.basic) {
      const key = `${b.department.code}/${b.government?.code ?? ''}`;
      const a = Amount.of(b.amount);
      const kind = basicKindOf(b.department.code);
      basicBy.set(`${b.source}/${kind}`, (basicBy.get(`${b.source}/${kind}`) ?? Amount.ZERO).plus(a));
      const entry = (m: typeof t10) => {
        let e = m.get(key);
        if (!e) m.set(key, (e = { department: b.department.code, government: b.government?.code, values: {} }));
        return e;
      };
      addGrouped(entry(t10).values, b.source, a, g);
      if (b.source === 'gpb') {
        const v = entry(t06).values;
        add(v, 'basic', a);
        add(v, kind, a);
      }
    }
    const T06 = this.economic('T06', t06);
    const T10 = this.economic('T10', t10);
    this.#checkBasic(lines, basicBy);

    // 三公经费.
    const threePublic = (items: BudgetInput['threePublic']['previous']): Vals => {
      const v: Vals = {};
      for (const k of THREE_PUBLIC_ITEMS) {
        const a = amountOf(items[k]);
        add(v, k, a);
        add(v, 'total', a);
        if (k === 'vehiclePurchase' || k === 'vehicleOperation') add(v, 'vehicle', a);
      }
      return v;
    };
    const tpPrevious = threePublic(input.threePublic.previous);
    const tpCurrent = threePublic(input.threePublic.current);
    const T07: NonNullable<Forms['T07']> = {
      ...this.meta('T07'),
      ...this.note('T07', !hasData(tpPrevious) && !hasData(tpCurrent)),
      years: { previous: input.unit.year - 1, current: input.unit.year },
      previous: published(tpPrevious, FORM_COLUMNS.T07),
      current: published(tpCurrent, FORM_COLUMNS.T07),
    };

    // Projects.
    const projectValues = new Map<string, Vals>();
    const projectTotal11: Vals = {};
    for (const p of input.projects) {
      const v: Vals = {};
      for (const s of BUDGET_SOURCES) addGrouped(v, s, amountOf(p.amounts[s]), g);
      projectValues.set(p.name, v);
      addAll(projectTotal11, v);
    }
    // Like codes, projects are listed only when they have money.
    const listed = input.projects.filter((p) => hasData(projectValues.get(p.name) ?? {}));
    const t11Rows = listed.map((p) => ({
      name: p.name,
      ...(p.type === undefined ? {} : { type: p.type }),
      values: published(projectValues.get(p.name) ?? {}, FORM_COLUMNS.T11),
    }));
    const T11: NonNullable<Forms['T11']> =
      t11Rows.length === 0
        ? { ...this.meta('T11'), ...this.note('T11', true), rows: [] }
        : { ...this.meta('T11'), ...this.note('T11', false), total: { label: '合计', values: published(projectTotal11, FORM_COLUMNS.T11) }, rows: t11Rows };
    this.#checkProjects(lines);

    // Procurement.
    const t12 = new Map<string, Vals>();
    const categories = { 货物: Amount.ZERO, 工程: Amount.ZERO, 服务: Amount.ZERO };
    const procuredByCode = new Map<string, { amount: Amount; first: number }>();
    input.procurement.forEach((p, i) => {
      const a = Amount.of(p.amount);
      let v = t12.get(p.code);
      if (!v) t12.set(p.code, (v = {}));
      addGrouped(v, p.source, a, g);
      categories[p.category] = categories[p.category].plus(a);
      const prev = procuredByCode.get(p.code);
      procuredByCode.set(p.code, { amount: (prev?.amount ?? Amount.ZERO).plus(a), first: prev?.first ?? i });
    });
    const T12 = this.coded('T12', t12);
    for (const [code, { amount, first }] of procuredByCode) {
      const spent = get(t03.get(code) ?? {}, 'total');
      if (amount.cmp(spent) > 0) {
        this.#diag('procurement-exceeds', { code }, this.#where(`procurement.${first}.amount`, { sheet: INPUT_SHEET_NAMES.procurement, rowKey: code }), {
          expected: spent,
          actual: amount,
        });
      }
    }

    // Performance tables.
    const projectByName = new Map(input.projects.map((p) => [p.name, p]));
    const projectFunds = (name: string): { total: Amount; fiscal: Amount } | undefined => {
      const p = projectByName.get(name);
      if (!p) return undefined;
      const total = Amount.sum(BUDGET_SOURCES.map((s) => amountOf(p.amounts[s])));
      const fiscal = Amount.sum(g.fiscal.map((s) => amountOf(p.amounts[s])));
      return { total, fiscal };
    };
    const performance: PerformanceTable[] = input.performance.map((entry, i) => {
      const f = projectFunds(entry.project);
      if (!f) {
        this.#diag('unknown-project', { project: entry.project, placeZh: '绩效指标表', placeEn: 'the performance sheet' }, this.#where(`performance.${i}.project`, { sheet: INPUT_SHEET_NAMES.performance, project: entry.project }));
      }
      return {
        title: `${input.unit.year}年预算项目支出绩效目标表`,
        project: entry.project,
        ...(entry.department === undefined ? {} : { department: entry.department }),
        ...(entry.implementer === undefined ? {} : { implementer: entry.implementer }),
        funds: f ? { total: canonicalAmount(f.total), fiscal: canonicalAmount(f.fiscal), other: canonicalAmount(f.total.minus(f.fiscal)) } : {},
        ...(entry.target === undefined ? {} : { target: entry.target }),
        indicators: entry.indicators.map((ind) => ({ level1: ind.level1, level2: ind.level2, level3: ind.level3, value: parseIndicatorValue(ind.value) })),
      };
    });

    // Narrative figures.
    const n = input.narrative;
    const figures: NarrativeFigure[] = [];
    const money = (key: NarrativeFigureKey, a: Amount, direction?: '增加' | '减少' | '持平'): void => {
      figures.push({ key, value: canonicalAmount(a), unit: this.#money, ...(direction ? { direction } : {}) });
    };
    const count = (key: NarrativeFigureKey, value: string, unit: string): void => {
      figures.push({ key, value, unit });
    };
    const change = (key: NarrativeFigureKey, current: Amount, previous: string | undefined): void => {
      if (previous === undefined) return;
      const d = current.minus(Amount.of(previous));
      money(key, d.abs(), d.isZero() ? '持平' : d.isNegative() ? '减少' : '增加');
    };
    money('revenue.total', grandIncome);
    if (!rev('gpb').isZero()) money('revenue.gpb', rev('gpb'));
    if (!rev('gfb').isZero()) money('revenue.gfb', rev('gfb'));
    if (!rev('soc').isZero()) money('revenue.soc', rev('soc'));
    if (!rev('otherIncome').isZero()) money('revenue.other', rev('otherIncome'));
    money('expense.total', grandExpense);
    if (!basicTotal.isZero()) money('expense.basic', basicTotal);
    if (!projectTotal.isZero()) money('expense.project', projectTotal);
    if (n.previous.total !== undefined) {
      money('change.budget', grandIncome);
      change('change.total', grandIncome, n.previous.total);
      change('change.revenue', grandIncome, n.previous.total);
      change('change.revenue.gpb', rev('gpb'), n.previous.gpb);
      change('change.revenue.gfb', rev('gfb'), n.previous.gfb);
      change('change.expense', grandExpense, n.previous.total);
      change('change.expense.basic', basicTotal, n.previous.basic);
      change('change.expense.project', projectTotal, n.previous.project);
    }
    if (hasData(tpPrevious) || hasData(tpCurrent)) {
      money('threePublic.previous.total', get(tpPrevious, 'total'));
      money('threePublic.current.total', get(tpCurrent, 'total'));
      for (const k of THREE_PUBLIC_ITEMS) money(`threePublic.current.${k}`, get(tpCurrent, k));
    }
    if (n.operatingCost !== undefined) money('operatingCost', Amount.of(n.operatingCost));
    money('procurement.total', Amount.sum(Object.values(categories)));
    money('procurement.goods', categories.货物);
    money('procurement.works', categories.工程);
    money('procurement.services', categories.服务);
    if (n.assets.vehicles !== undefined) count('assets.vehicles', n.assets.vehicles, '辆');
    if (n.assets.generalEquipment !== undefined) count('assets.generalEquipment', n.assets.generalEquipment, '台（件、套）');
    if (n.assets.specialEquipment !== undefined) count('assets.specialEquipment', n.assets.specialEquipment, '台（件、套）');
    // 项目支出全面实施绩效目标管理: every project of 表十一 counts.
    if (listed.length > 0) {
      const all = listed.map((p) => projectFunds(p.name));
      count('performance.projects', String(listed.length), '个');
      money('performance.funds', Amount.sum(all.map((f) => f?.total ?? Amount.ZERO)));
      money('performance.fiscal', Amount.sum(all.map((f) => f?.fiscal ?? Amount.ZERO)));
    }
    if (n.keyProjects.length > 0) {
      const key = n.keyProjects.map((name, i) => {
        const f = projectFunds(name);
        if (!f) {
          this.#diag('unknown-project', { project: name, placeZh: '说明（重点绩效评价项目）', placeEn: 'the key-evaluation projects of the narrative' }, this.#where(`narrative.keyProjects.${i}`, { sheet: INPUT_SHEET_NAMES.narrative, project: name }));
        }
        return f;
      });
      count('performance.keyProjects', String(n.keyProjects.length), '个');
      money('performance.keyFunds', Amount.sum(key.map((f) => f?.total ?? Amount.ZERO)));
      money('performance.keyFiscal', Amount.sum(key.map((f) => f?.fiscal ?? Amount.ZERO)));
    }

    const keySet = new Set(n.keyProjects);
    const generated = generatedSectionTexts({
      unitName: input.unit.name,
      year: input.unit.year,
      kind: input.unit.kind,
      money: this.#money,
      figures: new Map(figures.map((x) => [x.key, x])),
      revenueParts: (['gpb', 'gfb', 'soc', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'] as const)
        .filter((s) => !rev(s).isZero())
        .map((s) => ({ label: T01_INCOME_ROWS[s].replace(/^[一二三四五六七八九十]+、/, ''), amount: rev(s) })),
      expenseParts: [
        { label: '基本支出', amount: basicTotal },
        { label: '项目支出', amount: projectTotal },
        { label: '结转下年', amount: carryForwardTotal },
      ].filter((p) => !p.amount.isZero()),
      threePublic: { any: hasData(tpPrevious) || hasData(tpCurrent) },
      keyProjects: n.keyProjects,
      otherProjects: listed.map((p) => p.name).filter((name) => !keySet.has(name)),
      changeReasons: n.changeReasons,
      threePublicReasons: n.threePublicReasons,
      assetDate: n.assetDate,
    });
    const texts: Partial<Record<SectionKey, string>> = { ...generated };
    for (const k of NARRATIVE_SECTIONS) {
      const t = n.texts[k];
      if (t !== undefined) texts[k] = t;
    }
    const narrative: NonNullable<Disclosure['narrative']> = {
      sections: (Object.keys(SECTION_TITLES) as SectionKey[]).map((key) => {
        const text = texts[key];
        return { key, title: SECTION_TITLES[key], ...(text === undefined ? {} : { text }) };
      }),
      figures,
      ...(n.changeReasons === undefined ? {} : { changeReasons: n.changeReasons }),
      ...(n.assetDate === undefined ? {} : { assetDate: n.assetDate }),
      ...(n.keyProjects.length > 0 ? { keyProjects: [...n.keyProjects] } : {}),
    };

    return {
      schemaVersion: MODEL_SCHEMA_VERSION,
      unit: {
        name: input.unit.name,
        year: input.unit.year,
        ...(input.unit.kind === undefined ? {} : { kind: input.unit.kind }),
        ...(input.unit.department === undefined ? {} : { department: input.unit.department }),
      },
      document: { ...(input.document.title === undefined ? {} : { title: input.document.title }), profile: COMPOSE_PROFILE, amountUnit: input.document.amountUnit },
      forms: { T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, T11, T12 },
      performance,
      narrative,
      ...(n.previous.total === undefined ? {} : { previousYear: { total: n.previous.total } }),
    };
  }

  /** Lines' basic expenditure per source and kind against the basic expenditure by economic code. */
  #checkBasic(lines: ReadonlyMap<string, ReadonlyMap<BudgetSource, Record<LineAmountKey, Amount>>>, basicBy: ReadonlyMap<string, Amount>): void {
    for (const source of BUDGET_SOURCES) {
      for (const kind of ['personnel', 'publicUse'] as const) {
        let typed = Amount.ZERO;
        for (const bySource of lines.values()) typed = typed.plus(bySource.get(source)?.[kind] ?? Amount.ZERO);
        const economic = basicBy.get(`${source}/${kind}`) ?? Amount.ZERO;
        if (typed.equals(economic)) continue;
        this.#diag(
          'basic-mismatch',
          { source: BUDGET_SOURCE_NAMES[source], sourceEn: BUDGET_SOURCE_NAMES_EN[source], kind: KIND_NAMES[kind][0], kindEn: KIND_NAMES[kind][1] },
          { sheet: INPUT_SHEET_NAMES.basic, rowKey: kind, columnKey: source },
          { expected: typed, actual: economic },
        );
      }
    }
  }

  /** Lines' project expenditure per source against the projects. */
  #checkProjects(lines: ReadonlyMap<string, ReadonlyMap<BudgetSource, Record<LineAmountKey, Amount>>>): void {
    for (const source of BUDGET_SOURCES) {
      let typed = Amount.ZERO;
      for (const bySource of lines.values()) typed = typed.plus(bySource.get(source)?.project ?? Amount.ZERO);
      const projects = Amount.sum(this.#input.projects.map((p: { amounts: SourceAmounts }) => amountOf(p.amounts[source])));
      if (typed.equals(projects)) continue;
      this.#diag(
        'project-mismatch',
        { source: BUDGET_SOURCE_NAMES[source], sourceEn: BUDGET_SOURCE_NAMES_EN[source] },
        { sheet: INPUT_SHEET_NAMES.projects, columnKey: source },
        { expected: typed, actual: projects },
      );
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds every form of the reference profile, the performance tables and the
 * narrative figures from a 底稿. Never throws on a schema-valid input.
 */
export function compose(input: BudgetInput, options: ComposeOptions = {}): ComposeResult {
  const c = new Composer(input, options);
  const model = c.compose();
  return { model, diagnostics: c.diagnostics };
}
