import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compose } from '../input/compose.js';
import { referenceInput } from '../input/reference.js';
import type { Disclosure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { NARRATIVE_SECTION_KEYS, narrativeSections, narrativeTitle, type NarrativeSectionKey } from './sections.js';
import { NARRATIVE_SHEET_NAME, narrativeSheet } from './sheet.js';

const LINES = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8').split(/\r?\n/);

/** 第三部分 of the reference text: its six headings and their paragraphs, up to the performance tables. */
function publishedSections(): Map<string, string[]> {
  const start = LINES.findIndex((l) => l.trim() === '一、预算收支增减变化情况说明');
  const end = LINES.findIndex((l, i) => i > start && /^\(二\)\s*部门预算项目绩效目标表/.test(l.trim()));
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of LINES.slice(start, end).map((l) => l.trim())) {
    if (line === '') continue;
    if (/^[一二三四五六]、/.test(line)) out.set(line, (current = []));
    else current?.push(line);
  }
  return out;
}

const PUBLISHED = publishedSections();
const reference = referenceDisclosure();
const generated = narrativeSections(reference);

const published = (key: NarrativeSectionKey): string[] => {
  const heading = generated.find((s) => s.key === key)?.heading ?? '';
  return PUBLISHED.get(heading) ?? [];
};
const texts = (key: NarrativeSectionKey, model: Disclosure = reference): string[] => narrativeSections(model).find((s) => s.key === key)?.paragraphs.map((p) => p.text) ?? [];

/** Amounts (with decimals, separators kept) and counts (N个) a text states, in order. */
function figuresIn(text: string): { amounts: string[]; counts: string[] } {
  return { amounts: text.match(/[0-9][0-9,]*\.[0-9]+/g) ?? [], counts: [...text.matchAll(/([0-9]+)个/g)].map((m) => m[1] ?? '') };
}

/**
 * Where the generated wording differs from the reference, and why: each entry
 * turns the published paragraphs of a section into the generated ones. Every
 * other section is generated word for word as published.
 */
const WORDING_DIFFERENCES: ReadonlyArray<{ section: NarrativeSectionKey; what: string; apply: (paragraphs: string[]) => string[] }> = [
  {
    section: 'threePublic',
    what: 'the reference writes ‘三公’ in single quotes, unlike its own heading and 表七; the generated text uses “三公” throughout',
    apply: (ps) => ps.map((p) => p.replace('‘三公’', '“三公”')),
  },
  {
    section: 'operatingCost',
    what: 'the reference closes with 与上年持平; the model has no previous-year 机关运行经费 (its figure carries no direction), so the generated text says nothing about the change',
    apply: (ps) => ps.map((p) => p.replace('0.00万元。与上年持平。', '0.00万元。')),
  },
  {
    section: 'performance',
    what: 'the reference heads the paragraph with （一）预算绩效管理情况 (its （二） is the performance tables, a sheet of their own) and ends it with a sentence on the projects optimised after earlier evaluations, prose that no model field holds',
    apply: (ps) => ps.filter((p) => p !== '（一）预算绩效管理情况').map((p) => p.replace(/根据以前年度绩效评价结果，.*$/, '')),
  },
];

describe('narrativeSections of the reference model', () => {
  it('has the six sections of 第三部分 with the published headings, in order', () => {
    expect(generated.map((s) => s.key)).toEqual([...NARRATIVE_SECTION_KEYS]);
    expect(generated.map((s) => s.heading)).toEqual([...PUBLISHED.keys()]);
    expect(generated.map((s) => s.heading)).toEqual([
      '一、预算收支增减变化情况说明',
      '二、“三公”经费支出情况',
      '三、机关运行经费情况',
      '四、政府采购情况',
      '五、国有资产占有使用情况',
      '六、绩效目标情况说明',
    ]);
    expect(narrativeTitle(reference)).toBe('2024年部门预算情况和重要事项说明');
  });

  it('states exactly the figures of the published 收入预算, 支出预算, 政府采购 and 绩效 paragraphs', () => {
    const change = texts('change');
    const pick = (ps: readonly string[], prefix: string) => ps.find((p) => p.startsWith(prefix)) ?? '';
    const pairs: [string, string][] = [
      [pick(change, '（一）收入预算'), pick(published('change'), '（一）收入预算')],
      [pick(change, '（二）支出预算'), pick(published('change'), '（二）支出预算')],
      [texts('procurement').join(''), published('procurement').join('')],
      [texts('performance').join(''), published('performance').join('')],
    ];
    for (const [ours, theirs] of pairs) {
      expect(ours).not.toBe('');
      expect(figuresIn(ours)).toEqual(figuresIn(theirs));
    }
    expect(figuresIn(pairs[0]?.[0] ?? '').amounts).toEqual(['10,351.24', '10,351.24']);
    expect(figuresIn(pairs[2]?.[0] ?? '').amounts).toEqual(['9.90', '0.00', '0.00', '9.90']);
    expect(figuresIn(pairs[3]?.[0] ?? '')).toEqual({ amounts: ['10,351.24', '10,351.24', '988.04', '988.04'], counts: ['8', '4'] });
  });

  it.each(NARRATIVE_SECTION_KEYS)('words %s as published, apart from the listed differences', (key) => {
    const diff = WORDING_DIFFERENCES.find((d) => d.section === key);
    const expected = diff ? diff.apply(published(key)) : published(key);
    expect(expected.length).toBeGreaterThan(0);
    expect(texts(key), diff?.what).toEqual(expected);
  });

  it('the listed differences are real differences of the published text', () => {
    for (const d of WORDING_DIFFERENCES) expect(texts(d.section), d.what).not.toEqual(published(d.section));
  });

  it('keeps the unit’s own words (the change reasons and the asset statement) and generates the rest', () => {
    const origins = Object.fromEntries(generated.map((s) => [s.key, s.paragraphs.map((p) => p.origin)]));
    expect(origins.change).toEqual(['generated', 'generated', 'generated', 'generated', 'generated', 'generated', 'unit']);
    expect(origins.assets).toEqual(['unit', 'unit', 'unit']);
    expect(origins.procurement).toEqual(['generated']);
    expect(texts('change').at(-1)).toBe(`3. ${reference.narrative?.changeReasons ?? ''}`);
  });

  it('the same figures typed into the 底稿 give the same narrative', () => {
    expect(narrativeSections(compose(referenceInput()).model)).toEqual(generated);
  });

  it('speaks English with lang en, keeping the unit’s own words', () => {
    const en = narrativeSections(reference, 'en');
    expect(en.map((s) => s.heading)[0]).toBe('1. Changes in the budget');
    expect(en[0]?.paragraphs[1]?.text).toBe('(1) Revenue: the 2024 revenue budget is 10,351.24 ten thousand yuan, of which general public budget revenue 10,351.24 ten thousand yuan.');
    expect(en[4]?.paragraphs.map((p) => p.text)).toEqual(texts('assets'));
    expect(narrativeTitle(reference, 'en')).toBe('Notes on the 2024 departmental budget');
  });
});

/** The reference model with its narrative reduced to what a unit types into the 底稿, and changes applied. */
function variant(change: (m: Disclosure) => void): Disclosure {
  const m = referenceDisclosure();
  change(m);
  return m;
}

describe('narrativeSections generated from figures', () => {
  it('computes the change from last year’s total, and says 减少 when the budget fell', () => {
    const m = variant((x) => {
      x.previousYear = { total: '12000.00' };
    });
    expect(texts('change', m).slice(3, 6)).toEqual([
      '（三）增减变化情况：2024年收支预算10,351.24万元，较上年预算减少1,648.76万元，其中：',
      '1. 收入预算减少1,648.76万元，其中：一般公共预算收入增加2,525.71万元。',
      '2. 支出预算减少1,648.76万元，其中：项目支出增加2,525.71万元。',
    ]);
  });

  it('without last year’s figures states the budget and the reasons, unnumbered', () => {
    const m = variant((x) => {
      if (x.narrative) x.narrative.figures = x.narrative.figures.filter((f) => !f.key.startsWith('change.'));
    });
    expect(texts('change', m).slice(3)).toEqual(['（三）增减变化情况：2024年收支预算10,351.24万元。', reference.narrative?.changeReasons]);
  });

  it('states both years of 三公 with every item when there are any', () => {
    const m = variant((x) => {
      if (x.forms.T07) {
        x.forms.T07.previous = { total: '12.00', abroad: '0.00', vehicle: '8.00', vehiclePurchase: '0.00', vehicleOperation: '8.00', reception: '4.00' };
        x.forms.T07.current = { total: '10.50', abroad: '0.00', vehicle: '7.00', vehiclePurchase: '0.00', vehicleOperation: '7.00', reception: '3.50' };
      }
    });
    expect(texts('threePublic', m)).toEqual([
      '2024年一般公共预算“三公”经费支出预算10.50万元，较2023年预算减少1.50万元。其中：因公出国（境）费0.00万元，公务用车购置及运行维护费7.00万元（其中：公务用车购置费0.00万元，公务用车运行维护费7.00万元），公务接待费3.50万元。',
    ]);
    const none = variant((x) => {
      if (x.forms.T07) x.forms.T07.previous = { total: '3.00', reception: '3.00' };
    });
    expect(texts('threePublic', none)).toEqual(['2024年未使用一般公共预算拨款安排“三公”经费支出，较2023年预算减少3.00万元。']);
  });

  it('an administrative unit without a stated figure has the 日常公用支出 of the general public budget as 机关运行经费', () => {
    const m = variant((x) => {
      x.unit.kind = '行政';
      if (x.narrative) x.narrative.figures = x.narrative.figures.filter((f) => f.key !== 'operatingCost');
      if (x.forms.T05?.total) x.forms.T05.total.values.publicUse = '1234.50';
    });
    expect(texts('operatingCost', m)).toEqual([
      '机关运行经费是指行政单位和参照公务员法管理的事业单位使用一般公共预算安排的基本支出中的日常公用经费。2024年淄博高新技术产业开发区人力资源和社会保障中心（先创）机关运行经费财政拨款预算1,234.50万元。',
    ]);
  });

  it('generates the asset statement from the counts when the unit wrote none', () => {
    const m = variant((x) => {
      if (x.narrative) x.narrative.sections = x.narrative.sections.filter((s) => s.key !== 'assets');
    });
    expect(texts('assets', m)).toEqual(['截至2023年12月31日，本部门共有车辆0辆。', '单位价值50万元以上通用设备0台（件、套），单位价值100万元以上专用设备0台（件、套）。']);
    const none = variant((x) => {
      delete x.narrative;
    });
    expect(texts('assets', none)).toEqual(['截至2023年12月31日，本部门国有资产占有使用情况未填报。']);
  });

  it('reads the procurement split from 表十二 when it publishes one, and says so when nothing is bought', () => {
    const m = variant((x) => {
      if (x.forms.T12?.total) x.forms.T12.total.values = { ...x.forms.T12.total.values, goods: '1.20', services: '8.70' };
    });
    expect(texts('procurement', m)).toEqual(['2024年政府采购预算9.90万元，其中：政府采购货物预算1.20万元，政府采购工程预算0.00万元，政府采购服务预算8.70万元。']);
    const none = variant((x) => {
      x.forms.T12 = { rows: [] };
      delete x.narrative;
    });
    expect(texts('procurement', none)).toEqual(['2024年未安排政府采购预算。']);
  });

  it('names one key project without a count, and a unit without projects has no targets', () => {
    const one = variant((x) => {
      if (x.narrative) x.narrative.keyProjects = ['项目业务费（先创区）'];
    });
    expect(texts('performance', one)[0]).toMatch(/拟对项目业务费（先创区）项目开展部门重点绩效评价，涉及预算资金39\.83万元，其中财政拨款39\.83万元。$/);
    const none = variant((x) => {
      x.forms.T11 = { rows: [] };
      x.performance = [];
    });
    expect(texts('performance', none)).toEqual(['淄博高新技术产业开发区人力资源和社会保障中心（先创）部门2024年没有项目支出，未设定项目绩效目标。']);
  });

  it('writes amounts in 元 when the model is in 元', () => {
    const m = variant((x) => {
      x.document.amountUnit = '元';
    });
    expect(texts('procurement', m)[0]).toContain('2024年政府采购预算9.90元');
  });
});

describe('narrativeSheet', () => {
  const sheet = narrativeSheet(reference);

  it('is one column of the part heading, section headings and paragraphs, one per row', () => {
    expect(sheet.name).toBe(NARRATIVE_SHEET_NAME);
    const column = sheet.rows.map((r) => r[0]);
    expect(sheet.rows.every((r) => r.length === 1)).toBe(true);
    expect(column[0]).toBe('2024年部门预算情况和重要事项说明');
    const expected = [narrativeTitle(reference), ...generated.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])];
    expect(column).toEqual(expected);
  });

  it('styles headings as titles and paragraphs as wrapped paragraphs, each row tall enough for its text', () => {
    const roles = sheet.rows.map((_, r) => sheet.styles?.find((s) => s.range === `A${r + 1}`)?.role);
    const headings = new Set([0, ...generated.map((s) => sheet.rows.findIndex((r) => r[0] === s.heading))]);
    roles.forEach((role, r) => expect(role).toBe(headings.has(r) ? 'title' : 'paragraph'));
    const reasons = sheet.rows.findIndex((r) => String(r[0]).startsWith('3. 收支预算增加的主要原因'));
    expect(sheet.rowHeights?.[reasons]).toBeGreaterThanOrEqual(45);
    expect(sheet.columnWidths).toEqual([96]);
  });
});
