// text/three-public, text/operating-cost and text/project-names on the reference
// disclosure (every finding listed and tied to the seed text) and on mutated copies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { NarrativeFigureKey, SectionKey } from '../../model/columns.js';
import type { Disclosure } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { renderMessage } from '../check.js';
import { runRules } from '../engine/run.js';
import { TEXT_RULES } from './index.js';

const MINE = ['text/operating-cost', 'text/project-names', 'text/three-public'];
const LINES = readFileSync(new URL('../../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8').split(/\r?\n/);
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Runs one text rule (or these three); every finding must use a message of its rule and fill every placeholder in both languages. */
function run(model: Disclosure, id?: string): Diagnostic[] {
  const rules = TEXT_RULES.filter((r) => (id ? r.id === id : MINE.includes(r.id)));
  expect(rules.length).toBeGreaterThan(0);
  const ds = [...runRules(model, rules).diagnostics];
  for (const d of ds) {
    expect(Object.keys(rules.find((r) => r.id === d.ruleId)?.messages ?? {})).toContain(d.messageId);
    for (const lang of ['zh-CN', 'en'] as const) expect(renderMessage(d, lang)).not.toMatch(/\{\w+\}/);
  }
  return ds;
}

const at = (d: Diagnostic) => d.location.path?.join('.');

function sectionIndex(m: Disclosure, key: SectionKey): number {
  const i = m.narrative?.sections.findIndex((s) => s.key === key) ?? -1;
  if (i < 0) throw new Error(`fixture lacks section ${key}`);
  return i;
}

function setSection(m: Disclosure, key: SectionKey, text: string): void {
  const s = m.narrative?.sections[sectionIndex(m, key)];
  if (s) s.text = text;
}

function setFigure(m: Disclosure, key: NarrativeFigureKey, value: string | undefined): void {
  const figures = m.narrative?.figures ?? [];
  const i = figures.findIndex((f) => f.key === key);
  if (value === undefined) {
    if (i >= 0) figures.splice(i, 1);
  } else if (i >= 0) figures[i] = { ...figures[i]!, value };
  else figures.push({ key, value, unit: '万元' });
}

// Every finding of these three rules on the reference, reviewed against the seed text.
const GOLDEN = [
  // L308: the change reasons cite sub-items of 项目业务费 and 公益类补贴, not T11 projects.
  { rule: 'text/project-names', messageId: 'unknownProject', row: '人社专网费（先创区）', line: 308, path: 'narrative.projectsCited.0' },
  { rule: 'text/project-names', messageId: 'unknownProject', row: '人社系统维修维护费（先创区）', line: 308, path: 'narrative.projectsCited.1' },
  { rule: 'text/project-names', messageId: 'unknownProject', row: '高校毕业生“三支一扶”计划补助资金（先创区）', line: 308, path: 'narrative.projectsCited.3' },
];

describe('text rules on the reference disclosure', () => {
  const model = referenceDisclosure();
  const found = run(model);

  it('reports exactly the reviewed findings, all warnings', () => {
    expect(found.map((d) => [d.ruleId, d.messageId, d.location.rowKey, at(d), d.severity])).toEqual(GOLDEN.map((g) => [g.rule, g.messageId, g.row, g.path, 'warning']));
  });

  it('each cited name is in the seed text and in no T11 row', () => {
    const t11 = LINES.slice(262, 277).map(squash);
    for (const g of GOLDEN) {
      expect(squash(LINES[g.line - 1] ?? '')).toContain(g.row);
      expect(t11.some((l) => l.includes(g.row))).toBe(false);
    }
  });

  it('accepts the 三公 section (“2023年、2024年均未使用…‘三公’经费支出”) and the 事业单位 operating-cost statement', () => {
    expect(squash(LINES[311] ?? '')).toBe(squash(model.narrative?.sections[sectionIndex(model, 'threePublic')]?.text ?? '-'));
    expect(run(model, 'text/three-public')).toEqual([]);
    expect(run(model, 'text/operating-cost')).toEqual([]);
  });

  it('renders every finding in Chinese and English with all placeholders filled', () => {
    for (const d of found) for (const lang of ['zh-CN', 'en'] as const) expect(renderMessage(d, lang)).not.toMatch(/\{\w+\}/);
  });
});

describe('text/three-public', () => {
  const location = (m: Disclosure) => `narrative.sections.${sectionIndex(m, 'threePublic')}.text`;

  it('reports a section that neither states the figures nor says there are none', () => {
    const m = referenceDisclosure();
    setSection(m, 'threePublic', '本部门严格执行中央八项规定精神。');
    const ds = run(m, 'text/three-public');
    expect(ds.map((d) => [d.messageId, d.severity, at(d), d.data.previousYear, d.data.currentYear])).toEqual([['noneNotStated', 'error', location(m), 2023, 2024]]);
  });

  it('reports an empty section', () => {
    const m = referenceDisclosure();
    setSection(m, 'threePublic', ' ');
    expect(run(m, 'text/three-public').map((d) => d.messageId)).toEqual(['empty']);
  });

  it('reports “none” when T07 shows 三公 expenses, with the T07 total as related', () => {
    const m = referenceDisclosure();
    m.forms.T07!.current = { total: '5.00', reception: '5.00' };
    const ds = run(m, 'text/three-public');
    expect(ds.map((d) => [d.messageId, d.data.year, d.data.amount, at(d), d.related?.[0]?.path?.join('.')])).toEqual([['saysNoneButTable', 2024, '5.00', location(m), 'forms.T07.current.total']]);
  });

  it('asks for the items and an explanation of the change, and accepts them once given', () => {
    const m = referenceDisclosure();
    m.forms.T07!.previous = { total: '4.00', reception: '4.00' };
    m.forms.T07!.current = { total: '5.00', reception: '5.00' };
    setFigure(m, 'threePublic.previous.total', '4.00');
    setFigure(m, 'threePublic.current.total', '5.00');
    setFigure(m, 'threePublic.current.reception', '5.00');
    setSection(m, 'threePublic', '2024年“三公”经费预算5.00万元，其中：公务接待费5.00万元。2023年“三公”经费预算4.00万元。');
    const ds = run(m, 'text/three-public');
    expect(ds.map((d) => [d.messageId, d.data.item ?? '']).sort()).toEqual([
      ['changeNotExplained', ''],
      ['missingItem', '公务用车购置费'],
      ['missingItem', '公务用车运行维护费'],
      ['missingItem', '因公出国（境）费'],
    ]);
    expect(ds.find((d) => d.messageId === 'changeNotExplained')?.data).toMatchObject({ previous: '4.00', current: '5.00' });

    setSection(
      m,
      'threePublic',
      '2024年“三公”经费预算5.00万元，其中：公务接待费5.00万元，因公出国（境）费、公务用车购置费和公务用车运行维护费均未安排。2023年“三公”经费预算4.00万元。较上年增加1.00万元，主要原因是接待任务增加。',
    );
    expect(run(m, 'text/three-public')).toEqual([]);
  });

  it('asks for an unstated total of a year with expenses', () => {
    const m = referenceDisclosure();
    m.forms.T07!.previous = { total: '4.00', reception: '4.00' };
    m.forms.T07!.current = { total: '4.00', reception: '4.00' };
    setFigure(m, 'threePublic.current.total', '4.00');
    setFigure(m, 'threePublic.current.reception', '4.00');
    setSection(m, 'threePublic', '2024年“三公”经费预算4.00万元，与上年持平，其中：公务接待费4.00万元，因公出国（境）费、公务用车购置费、公务用车运行维护费均为0。');
    expect(run(m, 'text/three-public').map((d) => [d.messageId, d.data.year, d.related?.[0]?.path?.join('.')])).toEqual([['missingTotal', 2023, 'forms.T07.previous.total']]);
  });
});

describe('text/operating-cost', () => {
  it('reports a 行政 unit whose narrative states no figure', () => {
    const m = referenceDisclosure();
    m.unit.kind = '行政';
    setFigure(m, 'operatingCost', undefined);
    const ds = run(m, 'text/operating-cost');
    expect(ds.map((d) => [d.messageId, d.severity, at(d)])).toEqual([['missingFigure', 'warning', `narrative.sections.${sectionIndex(m, 'operatingCost')}.text`]]);
  });

  it('accepts a 行政 unit stating 0 without basic expenditure', () => {
    const m = referenceDisclosure();
    m.unit.kind = '行政';
    expect(run(m, 'text/operating-cost')).toEqual([]);
  });

  it('reports a 事业单位 that does not say it has none', () => {
    const m = referenceDisclosure();
    setFigure(m, 'operatingCost', undefined);
    setSection(m, 'operatingCost', '机关运行经费是指用于维持行政及参照公务员法管理单位机关运行的经费。');
    expect(run(m, 'text/operating-cost').map((d) => d.messageId)).toEqual(['institutionNotStated']);
    setSection(m, 'operatingCost', '本单位为事业单位，不涉及机关运行经费。');
    expect(run(m, 'text/operating-cost')).toEqual([]);
  });

  it('reports a non-zero figure without basic expenditure once, at the figure', () => {
    const m = referenceDisclosure();
    setFigure(m, 'operatingCost', '12.00');
    const ds = run(m, 'text/operating-cost');
    const figureIndex = m.narrative!.figures.findIndex((f) => f.key === 'operatingCost');
    expect(ds.map((d) => [d.messageId, d.data.value, at(d), d.related?.[0]?.path?.join('.')])).toEqual([['nonZeroWithoutBasic', '12.00', `narrative.figures.${figureIndex}.value`, 'forms.T05.total.values.basic']]);
  });

  it('reports a 事业单位 stating a non-zero figure where basic expenditure exists', () => {
    const m = referenceDisclosure();
    m.forms.T05!.total!.values.basic = '100.00';
    setFigure(m, 'operatingCost', '12.00');
    expect(run(m, 'text/operating-cost').map((d) => d.messageId)).toEqual(['institutionNonZero']);
  });
});

describe('text/project-names', () => {
  it('matches names after whitespace normalisation, exactly otherwise', () => {
    const m = referenceDisclosure();
    m.narrative!.projectsCited = ['公益类补贴 （先创区）', '居民养老保险基础养老金', '养老保障（先创区-民生）'];
    const ds = run(m, 'text/project-names');
    expect(ds.map((d) => [d.messageId, d.location.rowKey, at(d)])).toEqual([['unknownProject', '居民养老保险基础养老金', 'narrative.projectsCited.1']]);
  });

  it('reports a renamed key-evaluation project', () => {
    const m = referenceDisclosure();
    m.narrative!.projectsCited = [];
    m.narrative!.keyProjects![2] = '项目业务经费（先创区）';
    const ds = run(m, 'text/project-names');
    expect(ds.map((d) => [d.messageId, d.location.rowKey, d.location.columnKey, at(d)])).toEqual([['unknownKeyProject', '项目业务经费（先创区）', 'keyProjects', 'narrative.keyProjects.2']]);
  });

  it('finds nothing once the narrative cites T11 projects only', () => {
    const m = referenceDisclosure();
    m.narrative!.projectsCited = m.narrative!.projectsCited!.filter((_, i) => ![0, 1, 3].includes(i));
    expect(run(m, 'text/project-names')).toEqual([]);
  });
});
