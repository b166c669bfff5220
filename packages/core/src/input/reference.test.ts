import { describe, expect, it } from 'vitest';
import { FORM_IDS, type FormId } from '../model/columns.js';
import type { Disclosure, NarrativeFigure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { compose } from './compose.js';
import { extractInput } from './extract.js';
import { referenceInput } from './reference.js';
import { BudgetInputSchema } from './schema.js';
import { inputSheets, readInputSheets } from './workbook.js';

const reference = referenceDisclosure();
const { model, diagnostics } = compose(referenceInput());

/**
 * What the reference publishes that a generator does not reproduce. Each entry
 * turns the published form into the generated one; nothing else may differ.
 */
const PUBLISHED_PECULIARITIES: ReadonlyArray<{ form: FormId; what: string; apply: (f: Disclosure['forms']) => void }> = [
  {
    form: 'T11',
    what: 'the total row carries no 合计 label (L268); a generated total row is labelled',
    apply: (f) => {
      if (f.T11?.total) f.T11.total = { label: '合计', ...f.T11.total };
    },
  },
  {
    form: 'T01',
    what: '二十一、其他支出 shows 0.00 where every other empty cell is blank (L101); generated zeros are blank',
    apply: (f) => {
      const row = f.T01?.expense.find((r) => r.key === '229');
      if (row) row.values = {};
    },
  },
];

function expectedForms(): Disclosure['forms'] {
  const forms = referenceDisclosure().forms;
  for (const p of PUBLISHED_PECULIARITIES) p.apply(forms);
  return forms;
}

const withoutQuote = (figures: readonly NarrativeFigure[] | undefined) => (figures ?? []).map(({ quote: _quote, ...rest }) => rest);

describe('the reference disclosure as a 底稿', () => {
  it('referenceInput() is extract() of the reference model, valid, with nothing unrecoverable', () => {
    const extracted = extractInput(reference);
    expect(extracted.diagnostics).toEqual([]);
    expect(referenceInput()).toEqual(extracted.input);
    expect(BudgetInputSchema.safeParse(referenceInput()).success).toBe(true);
  });

  it('composes without findings', () => {
    expect(diagnostics).toEqual([]);
  });

  it.each(FORM_IDS)('compose(referenceInput()) reproduces %s', (id) => {
    expect(model.forms[id]).toEqual(expectedForms()[id]);
  });

  it('the listed peculiarities are real differences of the published forms', () => {
    for (const p of PUBLISHED_PECULIARITIES) {
      expect(model.forms[p.form], p.what).not.toEqual(reference.forms[p.form]);
    }
  });

  it('reproduces every performance table, duplicated and mis-filed indicator rows kept as typed', () => {
    expect(model.performance).toEqual(reference.performance);
    const pension = model.performance.find((p) => p.project === '居民养老保险基础养老金（先创基民）');
    const timely = pension?.indicators.filter((i) => i.level3 === '先创区享受居民养老保险基础养老金补贴核定及时性');
    expect(timely).toHaveLength(2);
  });

  it('reproduces the narrative figures that follow from the tables and the typed narrative inputs', () => {
    expect(withoutQuote(model.narrative?.figures)).toEqual(withoutQuote(reference.narrative?.figures));
    expect(model.narrative?.changeReasons).toBe(reference.narrative?.changeReasons);
    expect(model.narrative?.assetDate).toBe(reference.narrative?.assetDate);
    expect(model.narrative?.keyProjects).toEqual(reference.narrative?.keyProjects);
    expect(model.narrative?.sections).toEqual(reference.narrative?.sections);
    expect(model.unit).toEqual(reference.unit);
    expect(model.document).toEqual(reference.document);
  });

  it('generates the sections the figures determine word for word; only 机关运行经费 and 国有资产 need typed text', () => {
    expect(Object.keys(referenceInput().narrative.texts).sort()).toEqual(['assets', 'glossary', 'operatingCost', 'overview', 'special']);
    const untyped = compose({ ...referenceInput(), narrative: { ...referenceInput().narrative, texts: {} } }).model.narrative?.sections ?? [];
    for (const key of ['change', 'threePublic', 'procurement', 'performance'] as const) {
      expect(untyped.find((s) => s.key === key)?.text).toBe(reference.narrative?.sections.find((s) => s.key === key)?.text);
    }
  });

  it('the key-evaluation projects are named, and their funds are the published 988.04', () => {
    expect(referenceInput().narrative.keyProjects).toEqual(['创业担保贷款贴息（先创区）', '城乡公益性岗位资金（先创基民）', '项目业务费（先创区）', '公益类补贴（先创区）']);
    expect(model.narrative?.figures.find((f) => f.key === 'performance.keyFunds')?.value).toBe('988.04');
  });

  it('the previous-year figures are recovered from the stated changes', () => {
    expect(referenceInput().narrative.previous).toEqual({ total: '7825.53', gpb: '7825.53', project: '7825.53' });
  });

  it('survives the input workbook: readInputSheets(inputSheets(x)) is x', () => {
    const read = readInputSheets(inputSheets(referenceInput()));
    expect(read.diagnostics).toEqual([]);
    expect(read.input).toStrictEqual(referenceInput());
  });
});
