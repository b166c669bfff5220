import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classRowLabel,
  FORM_COLUMNS,
  FORM_IDS,
  FUNCTION_CLASSES,
  INDICATOR_FRAMEWORK,
  T01_EXPENSE_ROWS,
  T01_INCOME_ROWS,
  T04_EXPENSE_ROWS,
  T04_INCOME_ROWS,
  type ColumnKey,
  type SectionKey,
} from '../model/columns.js';
import { parseIndicatorValue } from '../model/indicator-value.js';
import { Amount } from '../amount/index.js';
import { canonicalAmount, DisclosureSchema, type Disclosure } from '../model/schema.js';
import { REFERENCE_SEED_FILE, referenceDisclosure } from './index.js';
import data from './reference-2024.json' with { type: 'json' };

const SEED_URL = new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url);
const SEED = readFileSync(SEED_URL, 'utf8');
const LINES = SEED.split(/\r?\n/);

const model: Disclosure = referenceDisclosure();

// ---------------------------------------------------------------------------
// Text helpers

const CJK = '[\\u2e80-\\u2eff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019]';
const CJK_GAP = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'gu');

/** Undo line-wrap artefacts: whitespace between two CJK characters or CJK punctuation goes. */
function cjk(s: string): string {
  return s.replace(CJK_GAP, '').trim();
}

/** Every whitespace removed, for comparisons that ignore layout. */
function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Thousands separators of the narrative removed (10,351.24 → 10351.24). */
function plain(s: string): string {
  return s.replace(/(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g, '');
}

const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/** A published amount cell in the model's canonical form (a published `0` is `"0.00"`). */
function amount(cell: string): string {
  return canonicalAmount(Amount.of(cell));
}
const CODE_PART = /^[0-9]{2,3}$/;

function lineIndex(title: string, from = 0): number {
  const i = LINES.findIndex((l, n) => n >= from && squash(l) === squash(title));
  if (i < 0) throw new Error(`title line not found: ${title}`);
  return i;
}

/** The tab-separated lines of the table under a title line: from its first tabbed line to the next blank line. */
function tableLines(titleIdx: number): string[][] {
  let i = titleIdx + 1;
  while (i < LINES.length && !(LINES[i] ?? '').includes('\t')) i++;
  const rows: string[][] = [];
  for (; i < LINES.length && (LINES[i] ?? '').trim() !== ''; i++) rows.push((LINES[i] ?? '').split('\t'));
  return rows;
}

// ---------------------------------------------------------------------------
// One row shape for every table, and one reader that fills it from cells

interface Row {
  /** Code (coded forms), project name (T11) or label (T01/T04); '' for a total row. */
  id: string;
  /** Subject name (coded forms), project type (T11); undefined where the text has none. */
  label: string | undefined;
  values: Record<string, string>;
}

interface RowSpec {
  /** Number of leading (non-amount) cells. */
  lead: number;
  /** Published amount columns, in order, as model column keys. */
  columns: readonly ColumnKey[];
  /** Reads id and label from the leading cells. */
  head: (lead: readonly string[]) => { id: string; label: string | undefined };
}

/** One row of cells → Row, or undefined when it carries no amounts and no id (header or empty side). */
function readRow(cells: readonly string[], spec: RowSpec): Row | undefined {
  const lead = cells.slice(0, spec.lead).map((c) => c.trim());
  const amounts = cells.slice(spec.lead).map((c) => c.trim());
  const numeric = amounts.some((c) => NUMBER.test(c));
  const { id, label } = spec.head(lead);
  // Without a figure, a row counts only when it names something and has no header words in its amount cells.
  if (!numeric && (id === '' || amounts.some((c) => c !== ''))) return undefined;
  const values: Record<string, string> = {};
  amounts.forEach((cell, i) => {
    if (cell === '') return;
    expect(cell, `amount cell ${i} of ${cells.join('|')}`).toMatch(NUMBER);
    const key = spec.columns[i];
    if (key === undefined) throw new Error(`amount beyond the published columns: ${cells.join('|')}`);
    values[key] = amount(cell);
  });
  return { id, label, values };
}

const codedHead = (lead: readonly string[]) => {
  const code = lead.slice(0, 3).filter((c) => CODE_PART.test(c)).join('');
  const text = lead.filter((c) => c !== '' && !CODE_PART.test(c)).map(cjk);
  return { id: code, label: text.length > 0 ? text.join('') : undefined };
};
const projectHead = (lead: readonly string[]) => ({
  id: cjk(lead[0] ?? ''),
  label: lead[1] ? cjk(lead[1]) : undefined,
});
const labelHead = (lead: readonly string[]) => ({ id: cjk(lead[0] ?? ''), label: undefined });

/** The comparison used for every table: same rows, same order, same ids and labels, the same figures in the same columns. */
function expectSameRows(form: string, fixture: readonly Row[], text: readonly Row[]): void {
  expect(text.length, `${form}: rows found in the text`).toBeGreaterThan(0);
  expect(fixture.map((r) => r.id), `${form}: row order`).toEqual(text.map((r) => r.id));
  text.forEach((t, i) => {
    const f = fixture[i];
    expect(f?.label, `${form} row ${t.id || '(total)'}: name`).toBe(t.label);
    expect(f?.values, `${form} row ${t.id || '(total)'}: figures`).toStrictEqual(t.values);
  });
  const count = (rows: readonly Row[]) => rows.reduce((n, r) => n + Object.keys(r.values).length, 0);
  expect(count(fixture), `${form}: number of figures`).toBe(count(text));
}

// ---------------------------------------------------------------------------
// 1. The fixture

describe('reference fixture', () => {
  it('validates against DisclosureSchema and is what referenceDisclosure() returns', () => {
    const parsed = DisclosureSchema.parse(data);
    expect(parsed.schemaVersion).toBe(1);
    expect(referenceDisclosure()).toStrictEqual(parsed);
  });

  it('returns an independent copy on every call', () => {
    const a = referenceDisclosure();
    const b = referenceDisclosure();
    expect(a).not.toBe(b);
    a.performance.length = 0;
    a.unit.name = 'changed';
    expect(referenceDisclosure()).toStrictEqual(b);
  });

  it('names its seed file, whose title, unit and year it holds', () => {
    expect(SEED_URL.pathname.endsWith(REFERENCE_SEED_FILE)).toBe(true);
    const title = squash(LINES.slice(0, 6).join('')).replace(/\*/g, '');
    expect(squash(model.document.title ?? '')).toBe(title);
    expect(model.document).toStrictEqual({ title: model.document.title, profile: 'shandong-12', amountUnit: '万元' });
    expect(model.unit).toStrictEqual({ name: '淄博高新技术产业开发区人力资源和社会保障中心（先创）', year: 2024, kind: '事业' });
    expect(model.document.title).toBe(`${model.unit.year}年${model.unit.name}部门预算`);
    expect(model.narrative?.sections.find((s) => s.key === 'operatingCost')?.text).toContain(`${model.unit.name}部门为事业单位`);
    expect(model.previousYear).toBeUndefined();
  });

  it('has every form T01–T12 with its published title, unit and note', () => {
    for (const id of FORM_IDS) {
      const form = model.forms[id];
      expect(form, id).toBeDefined();
      const title = form?.title ?? '';
      const idx = lineIndex(title, lineIndex('2024年部门预算表'));
      expect(LINES[idx]?.trim(), id).toBe(title);
      const unitLine = LINES.slice(idx + 1).find((l) => l.trim() !== '');
      expect(unitLine?.trim(), `${id} unit line`).toBe(`单位：${form?.unit ?? ''}`);
      expect(form?.unit).toBe('万元');
      const next = FORM_IDS[FORM_IDS.indexOf(id) + 1];
      const end = next ? lineIndex(model.forms[next]?.title ?? '', idx + 1) : lineIndex('第三部分', idx);
      const notes = LINES.slice(idx, end).filter((l) => l.trim().startsWith('注：')).map(cjk);
      expect(notes, `${id} note`).toEqual(form?.note === undefined ? [] : [form.note]);
    }
  });
});

// ---------------------------------------------------------------------------
// 2. Coded forms and T11 against the text

type ListedForm = 'T02' | 'T03' | 'T05' | 'T11' | 'T12';

const LISTED: ReadonlyArray<{ form: ListedForm; title: string; spec: RowSpec }> = [
  {
    form: 'T02',
    title: '收入总体情况表',
    spec: {
      lead: 4,
      columns: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome', 'superiorSubsidy', 'affiliatedRemit', 'nonFiscalSurplus', 'carryOver'],
      head: codedHead,
    },
  },
  { form: 'T03', title: '支出总体情况表', spec: { lead: 4, columns: ['total', 'basic', 'project', 'carryForward'], head: codedHead } },
  { form: 'T05', title: '一般公共预算支出情况表', spec: { lead: 4, columns: ['total', 'basic', 'personnel', 'publicUse', 'project'], head: codedHead } },
  {
    form: 'T11',
    title: '项目支出预算情况表',
    spec: { lead: 2, columns: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'], head: projectHead },
  },
  {
    form: 'T12',
    title: '政府采购预算情况表',
    spec: { lead: 4, columns: ['total', 'fiscal', 'gpb', 'gfb', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'], head: codedHead },
  },
];

/** The filled cells of a model row (optional keys without a value dropped). */
function filled(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

function fixtureRows(form: ListedForm): Row[] {
  if (form === 'T11') {
    const t = model.forms.T11;
    if (!t) throw new Error('T11 missing');
    const total: Row[] = t.total ? [{ id: '', label: t.total.label, values: filled(t.total.values) }] : [];
    return [...total, ...t.rows.map((r) => ({ id: r.name, label: r.type, values: filled(r.values) }))];
  }
  const t = model.forms[form];
  if (!t) throw new Error(`${form} missing`);
  const total: Row[] = t.total ? [{ id: '', label: t.total.label, values: filled(t.total.values) }] : [];
  return [...total, ...t.rows.map((r) => ({ id: r.code, label: r.name, values: filled(r.values) }))];
}

function textRows(title: string, spec: RowSpec): Row[] {
  const idx = lineIndex(title, lineIndex('2024年部门预算表'));
  return tableLines(idx).flatMap((cells) => readRow(cells, spec) ?? []);
}

describe('coded forms and T11 hold every figure of the text', () => {
  it.each(LISTED)('$form $title', ({ form, title, spec }) => {
    const text = textRows(title, spec);
    expectSameRows(form, fixtureRows(form), text);
    // The shape the conventions require: total first, then rows with full codes / projects.
    expect(text[0]?.id).toBe('');
    if (form === 'T11') {
      expect(model.forms.T11?.total?.label).toBeUndefined();
      expect(model.forms.T11?.rows.every((r) => r.type === '特定目标类')).toBe(true);
    } else {
      expect(model.forms[form]?.total?.label).toBe('合计');
      for (const r of model.forms[form]?.rows ?? []) expect(r.code).toMatch(/^[0-9]{3}([0-9]{2}){0,2}$/);
    }
  });
});

// ---------------------------------------------------------------------------
// 3a. T01 and T04 against the text

const OVERVIEW = [
  { form: 'T01', title: '收支总体情况表', incomeKeys: Object.keys(T01_INCOME_ROWS), incomeLabels: T01_INCOME_ROWS as Record<string, string>, expenseFixed: T01_EXPENSE_ROWS as Record<string, string>, expenseColumns: FORM_COLUMNS.T01Expense },
  { form: 'T04', title: '财政拨款收支总体情况表', incomeKeys: Object.keys(T04_INCOME_ROWS), incomeLabels: T04_INCOME_ROWS as Record<string, string>, expenseFixed: T04_EXPENSE_ROWS as Record<string, string>, expenseColumns: FORM_COLUMNS.T04Expense },
] as const;

describe('overview forms hold every label and figure of the text', () => {
  it.each(OVERVIEW)('$form $title', ({ form, title, incomeKeys, incomeLabels, expenseFixed, expenseColumns }) => {
    const lines = tableLines(lineIndex(title, lineIndex('2024年部门预算表')));
    const first = lines.findIndex((c) => (c[0] ?? '').startsWith('一、'));
    expect(first).toBeGreaterThan(0);
    const incomeSpec: RowSpec = { lead: 1, columns: ['amount'], head: labelHead };
    const expenseSpec: RowSpec = { lead: 1, columns: expenseColumns, head: labelHead };
    const income: Row[] = [];
    const expense: Row[] = [];
    for (const cells of lines.slice(first)) {
      const i = readRow(cells.slice(0, 2), incomeSpec);
      const e = readRow(cells.slice(2), expenseSpec);
      for (const [row, side] of [[i, 'income'], [e, 'expense']] as const) {
        if (row !== undefined) expect(row.id, `${form} ${side}: an amount without a label`).not.toBe('');
      }
      if (i) income.push(i);
      if (e) expense.push(e);
    }
    const t = model.forms[form];
    if (!t) throw new Error(`${form} missing`);
    const asRows = (rows: ReadonlyArray<{ label: string; values: Record<string, string | undefined> }>): Row[] =>
      rows.map((r) => ({ id: r.label, label: undefined, values: filled(r.values) }));
    expectSameRows(`${form} income`, asRows(t.income), income);
    expectSameRows(`${form} expense`, asRows(t.expense), expense);

    // Row keys: the fixed income rows in order with their standard labels; the 21 classes then the fixed expense rows.
    expect(t.income.map((r) => r.key)).toEqual(incomeKeys);
    for (const r of t.income) expect(r.label).toBe(incomeLabels[r.key]);
    const classCodes = FUNCTION_CLASSES.map(([c]) => c);
    expect(t.expense.map((r) => r.key)).toEqual([...classCodes, ...Object.keys(expenseFixed)]);
    for (const r of t.expense) {
      const code = FUNCTION_CLASSES.find(([c]) => c === r.key)?.[0];
      expect(r.label).toBe(code ? classRowLabel(code) : expenseFixed[r.key]);
    }
  });
});

// ---------------------------------------------------------------------------
// 3b. Performance tables against the text

interface TextIndicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

interface TextPerformance {
  title: string;
  project: string;
  department: string;
  implementer: string;
  funds: { total: string; fiscal: string; other: string };
  target: string;
  indicators: TextIndicator[];
}

const LEVEL1 = new Set<string>(Object.keys(INDICATOR_FRAMEWORK));

/** The first filled cell after the cell that `test` accepts. */
function after(rows: readonly string[][], test: (cell: string) => boolean): string {
  for (const cells of rows) {
    const i = cells.findIndex((c) => test(squash(c)));
    const v = i >= 0 ? cells.slice(i + 1).find((c) => c.trim() !== '') : undefined;
    if (v !== undefined) return v.trim();
  }
  throw new Error('cell not found');
}

function readPerformance(titleIdx: number): TextPerformance {
  const rows = tableLines(titleIdx);
  const funds = (label: string) => {
    const row = rows.find((cells) => cells.some((c) => squash(c).startsWith(label)));
    const rest = (row ?? []).filter((c) => NUMBER.test(c.trim()));
    expect(rest, `funds ${label}`).toHaveLength(1);
    return amount(rest[0] ?? '');
  };
  const header = rows.findIndex((cells) => cells.includes('一级指标'));
  expect(header).toBeGreaterThan(0);
  let level1 = '';
  let level2 = '';
  const indicators = rows.slice(header + 1).map((cells): TextIndicator => {
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    expect(filled.length, `indicator row ${cells.join('|')}`).toBeGreaterThanOrEqual(2);
    const standard = (cells[4] ?? '').trim() !== '' && (cells[3] ?? '').trim() !== '';
    if (standard) {
      const c1 = cjk(cells[1] ?? '');
      const c2 = cjk(cells[2] ?? '');
      if (c1 !== '' && LEVEL1.has(c1)) {
        level1 = c1;
        level2 = '';
      } else if (c1 !== '') {
        level2 = c1; // a 二级 name in the 一级 column (merged cells flattened)
      }
      if (c2 !== '') level2 = c2;
    }
    return { level1, level2, level3: filled[filled.length - 2] ?? '', value: filled[filled.length - 1] ?? '' };
  });
  return {
    title: LINES[titleIdx] ?? '',
    project: cjk(after(rows, (c) => c === '项目名称')),
    department: cjk(after(rows, (c) => c === '主管部门')),
    implementer: cjk(after(rows, (c) => c === '实施单位')),
    funds: { total: funds('年度预算资金总额'), fiscal: funds('其中:财政拨款'), other: funds('其他资金') },
    target: cjk(after(rows, (c) => c === '年度总体绩效目标')),
    indicators,
  };
}

const PERFORMANCE_TITLES = LINES.flatMap((l, i) => (squash(l) === '2024年预算项目支出绩效目标表' ? [i] : []));

describe('performance tables hold every indicator row of the text', () => {
  it('has the 8 tables in published order, one per T11 project', () => {
    expect(PERFORMANCE_TITLES).toHaveLength(8);
    expect(model.performance.map((p) => p.project)).toEqual(PERFORMANCE_TITLES.map((i) => readPerformance(i).project));
    expect(model.performance.map((p) => p.project)).toEqual(model.forms.T11?.rows.map((r) => r.name));
  });

  it.each(model.performance.map((p, i) => ({ n: i + 1, project: p.project })))('table $n: $project', ({ n }) => {
    const p = model.performance[n - 1];
    const idx = PERFORMANCE_TITLES[n - 1];
    if (!p || idx === undefined) throw new Error(`table ${n} missing`);
    const t = readPerformance(idx);
    expect(p.title).toBe(squash(t.title));
    expect(p.project).toBe(t.project);
    expect(p.department).toBe(t.department);
    expect(p.implementer).toBe(t.implementer);
    expect(p.funds).toStrictEqual(t.funds);
    expect(p.target).toBe(t.target);
    expect(p.indicators).toHaveLength(t.indicators.length);
    t.indicators.forEach((ti, i) => {
      const pi = p.indicators[i];
      const where = `${p.project} indicator ${i + 1} (${ti.level3})`;
      expect(squash(pi?.level3 ?? ''), where).toBe(squash(ti.level3));
      expect(pi?.level3, where).toBe(cjk(ti.level3));
      expect(squash(pi?.value.text ?? ''), where).toBe(squash(ti.value));
      expect(pi?.value.text, where).toBe(ti.value);
      expect(pi?.level1, where).toBe(ti.level1);
      expect(pi?.level2, where).toBe(ti.level2);
    });
  });

  it('reads every indicator value with parseIndicatorValue', () => {
    const all = model.performance.flatMap((p) => p.indicators);
    expect(all).toHaveLength(112);
    for (const ind of all) expect(ind.value).toStrictEqual(parseIndicatorValue(ind.value.text));
  });

  it('keeps the duplicated and mis-filed rows where the text puts them', () => {
    const rows = (project: string) => model.performance.find((p) => p.project === project)?.indicators ?? [];
    const loan = rows('创业担保贷款贴息（先创区）');
    expect(loan.slice(11).map((r) => r.level3)).toEqual(loan.slice(0, 3).map((r) => r.level3));
    expect(loan[10]).toMatchObject({ level1: '效益指标', level2: '生态效益指标', level3: '申报创业担保贷款贴息资金小微企业满意度' });
    const base = rows('居民养老保险基础养老金（先创基民）');
    expect(base[9]).toStrictEqual(base[10]);
    const pension = rows('养老保障（先创区-民生）');
    expect(pension[7]).toStrictEqual(pension[8]);
    expect(pension[9]).toStrictEqual(pension[10]);
    expect(rows('机关养老保险财政补助（先创基民）')[6]).toMatchObject({ level1: '产出指标', level2: '时效指标' });
  });
});

// ---------------------------------------------------------------------------
// 4. Narrative

const FIGURE_SECTION: Readonly<Record<string, SectionKey>> = {
  revenue: 'change',
  expense: 'change',
  change: 'change',
  operatingCost: 'operatingCost',
  procurement: 'procurement',
  assets: 'assets',
  performance: 'performance',
  threePublic: 'threePublic',
};

describe('narrative', () => {
  const narrative = model.narrative;
  const sectionText = (key: SectionKey) => narrative?.sections.find((s) => s.key === key)?.text ?? '';
  const seedSquashed = squash(SEED);

  it('has every section with its published title and text', () => {
    expect(narrative?.sections.map((s) => s.key)).toEqual(['overview', 'change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance', 'special', 'glossary']);
    for (const s of narrative?.sections ?? []) {
      expect(LINES.some((l) => l.trim().replace(/^[一二三四五六七八九十]+、/, '') === s.title), s.title).toBe(true);
      const paragraphs = (s.text ?? '').split('\n');
      expect(paragraphs.length, s.key).toBeGreaterThan(0);
      for (const para of paragraphs) expect(seedSquashed.includes(squash(para)), `${s.key}: ${para.slice(0, 30)}`).toBe(true);
    }
    expect(sectionText('glossary').split('\n')).toHaveLength(17);
    expect(sectionText('performance')).not.toContain('指标值');
  });

  it('states every figure with a quote from its section, and the value in the quote', () => {
    expect(narrative?.figures.length).toBe(24);
    for (const f of narrative?.figures ?? []) {
      const section = FIGURE_SECTION[f.key.split('.')[0] ?? ''];
      expect(section, f.key).toBeDefined();
      const text = sectionText(section ?? 'overview');
      const quote = f.quote ?? '';
      expect(text, f.key).toContain(quote);
      const value = f.value.replace('.', '\\.');
      expect(plain(quote), f.key).toMatch(new RegExp(`(?<![0-9.])${value}(?![0-9]|\\.[0-9])`));
      expect(plain(text), f.key).toMatch(new RegExp(`(?<![0-9.])${value}(?![0-9]|\\.[0-9])`));
      expect(quote, f.key).toContain(f.unit);
      if (f.direction) expect(quote, f.key).toContain(f.direction);
    }
  });

  it('holds the change reasons, the asset date and the cited projects', () => {
    expect(sectionText('change')).toContain(narrative?.changeReasons ?? '-');
    expect(sectionText('assets')).toContain(`截至${(narrative?.assetDate ?? '').replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, m: string, d: string) => `${y}年${m}月${d}日`)}`);
    const cited = narrative?.projectsCited ?? [];
    expect(cited).toContain('人社专网费（先创区）');
    const prose = `${sectionText('change')}\n${sectionText('performance')}`;
    for (const name of cited) expect(prose, name).toContain(name);
    for (const p of model.forms.T11?.rows ?? []) expect(cited, p.name).toContain(p.name);
  });
});
