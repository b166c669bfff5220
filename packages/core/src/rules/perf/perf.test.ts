// perf/* on the reference disclosure (every finding listed and tied to the line of
// the seed text it describes) and on mutated copies of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/types.js';
import { parseIndicatorValue } from '../../model/indicator-value.js';
import type { Disclosure, Indicator } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { renderMessage } from '../check.js';
import { runRules } from '../engine/run.js';
import { PERF_RULES } from './index.js';

const LINES = readFileSync(new URL('../../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8').split(/\r?\n/);
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Runs one perf rule (or all); every finding must use a message of its rule and fill every placeholder in both languages. */
function run(model: Disclosure, id?: string): Diagnostic[] {
  const rules = id ? PERF_RULES.filter((r) => r.id === id) : PERF_RULES;
  expect(rules.length).toBeGreaterThan(0);
  const ds = [...runRules(model, rules).diagnostics];
  for (const d of ds) {
    expect(Object.keys(rules.find((r) => r.id === d.ruleId)?.messages ?? {})).toContain(d.messageId);
    for (const lang of ['zh-CN', 'en'] as const) expect(renderMessage(d, lang)).not.toMatch(/\{\w+\}/);
  }
  return ds;
}

function indicator(level1: string, level2: string, level3: string, value: string): Indicator {
  return { level1, level2, level3, value: parseIndicatorValue(value) };
}

const at = (d: Diagnostic) => d.location.path?.join('.');

// Table indexes of the reference.
const P = {
  loan: 0, // 创业担保贷款贴息（先创区）
  basicPension: 1, // 居民养老保险基础养老金（先创基民）
  contribution: 2, // 居民养老保险缴费补贴（先创基民）
  civilPension: 3, // 机关养老保险财政补助（先创基民）
  publicJobs: 4, // 城乡公益性岗位资金（先创基民）
  pension: 5, // 养老保障（先创区-民生）
  business: 6, // 项目业务费（先创区）
  welfare: 7, // 公益类补贴（先创区）
} as const;

interface Golden {
  rule: string;
  messageId: string;
  project: string;
  /** 三级 indicator name, or the header field (target, funds). */
  row: string;
  severity: 'error' | 'warning';
  /** Line of the seed text the finding points at, and of its related end where one is given. */
  line: number;
  related?: number[];
  /** What the line must contain besides the row name (funds: the amount). */
  contains?: string;
}

const LOAN = '创业担保贷款贴息（先创区）';
const BASIC = '居民养老保险基础养老金（先创基民）';
const CONTRIB = '居民养老保险缴费补贴（先创基民）';
const CIVIL = '机关养老保险财政补助（先创基民）';
const PENSION = '养老保障（先创区-民生）';
const BUSINESS = '项目业务费（先创区）';

// Every perf/* finding on the reference, reviewed against the seed text: each is true of the document.
const GOLDEN: Golden[] = [
  // 创业担保贷款贴息: rate under 数量 (回收率 ≥90%).
  { rule: 'perf/misfiled', messageId: 'rateUnderQuantity', project: LOAN, row: '创业担保贷款回收率', severity: 'warning', line: 350 },
  // a count of quarters under 质量.
  { rule: 'perf/misfiled', messageId: 'countUnderQuality', project: LOAN, row: '贴息发放季度数', severity: 'warning', line: 352 },
  // a leverage multiple and an effect statement under 时效.
  { rule: 'perf/misfiled', messageId: 'notTime', project: LOAN, row: '创业担保基金放大倍数', severity: 'warning', line: 353 },
  { rule: 'perf/misfiled', messageId: 'notTime', project: LOAN, row: '扶持创业、带动就业', severity: 'warning', line: 354 },
  // satisfaction indicators under 社会效益 and 生态效益.
  { rule: 'perf/satisfaction-placement', messageId: 'outside', project: LOAN, row: '申报创业担保贷款贴息资金个人满意度', severity: 'error', line: 356 },
  { rule: 'perf/satisfaction-placement', messageId: 'outside', project: LOAN, row: '申报创业担保贷款贴息资金小微企业满意度', severity: 'error', line: 357 },
  // L358–L360 repeat L347–L349: the subsidy amount now under 可持续发展影响 (money outside 成本), the ratio and the head count under 满意度.
  { rule: 'perf/duplicate', messageId: 'duplicate', project: LOAN, row: '创业担保贷款区级贴息金额', severity: 'error', line: 358, related: [347] },
  { rule: 'perf/misfiled', messageId: 'money', project: LOAN, row: '创业担保贷款区级贴息金额', severity: 'warning', line: 358 },
  { rule: 'perf/duplicate', messageId: 'duplicate', project: LOAN, row: '创业担保贷款贴息区级资金所占比例', severity: 'error', line: 359, related: [348] },
  { rule: 'perf/satisfaction-placement', messageId: 'notSatisfaction', project: LOAN, row: '创业担保贷款贴息区级资金所占比例', severity: 'error', line: 359 },
  { rule: 'perf/duplicate', messageId: 'duplicate', project: LOAN, row: '带动就业人数', severity: 'error', line: 360, related: [349] },
  { rule: 'perf/satisfaction-placement', messageId: 'notSatisfaction', project: LOAN, row: '带动就业人数', severity: 'error', line: 360 },
  // 居民养老保险基础养老金: L381 repeats L380.
  { rule: 'perf/duplicate', messageId: 'duplicate', project: BASIC, row: '先创区享受居民养老保险基础养老金补贴核定及时性', severity: 'error', line: 381, related: [380] },
  // 居民养老保险缴费补贴: the target of 居民养老保险基础养老金 word for word.
  { rule: 'perf/copied-target', messageId: 'copied', project: CONTRIB, row: 'target', severity: 'warning', line: 393, related: [369] },
  // 机关养老保险财政补助: the only 时效 indicator is “及时”.
  { rule: 'perf/quantified', messageId: 'noQuantity', project: CIVIL, row: '机关养老保险财政补助核定及时性', severity: 'warning', line: 422 },
  // 养老保障: cost caps 471 + 15.20 + 30 + 500 = 1016.20 > 995.70.
  { rule: 'perf/cost-vs-funds', messageId: 'capsExceed', project: PENSION, row: 'funds', severity: 'warning', line: 454, contains: '995.70', related: [459, 460, 461, 462] },
  // L467 repeats L466, L469 repeats L468.
  { rule: 'perf/duplicate', messageId: 'duplicate', project: PENSION, row: '养老保障（先创区）补贴发放率', severity: 'error', line: 467, related: [466] },
  { rule: 'perf/duplicate', messageId: 'duplicate', project: PENSION, row: '养老保障（先创区）补贴核定及时率', severity: 'error', line: 469, related: [468] },
  // 项目业务费: two caps of 50 万元 above funds of 39.83.
  { rule: 'perf/cost-vs-funds', messageId: 'capExceeds', project: BUSINESS, row: '信息化建设支出', severity: 'warning', line: 484, contains: '50', related: [478] },
  { rule: 'perf/cost-vs-funds', messageId: 'capExceeds', project: BUSINESS, row: '其他人力资源和社会保障管理事务支出', severity: 'warning', line: 485, contains: '50', related: [478] },
  // three 时效 indicators, all “及时”.
  { rule: 'perf/quantified', messageId: 'noQuantity', project: BUSINESS, row: '基层人社平台故障修复及时性', severity: 'warning', line: 495, related: [496, 497] },
];

const key = (g: { rule: string; messageId: string; project: string; row: string }) => `${g.rule} ${g.messageId} ${g.project} ${g.row}`;

describe('perf/* on the reference disclosure', () => {
  const model = referenceDisclosure();
  const found = run(model);

  it('reports exactly the reviewed findings', () => {
    const got = found.map((d) => ({ key: key({ rule: d.ruleId, messageId: d.messageId, project: d.location.project ?? '', row: d.location.rowKey ?? '' }), severity: d.severity }));
    const want = GOLDEN.map((g) => ({ key: key(g), severity: g.severity }));
    expect([...got].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...want].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('every finding names what the seed text shows at its line', () => {
    for (const g of GOLDEN) {
      const line = squash(LINES[g.line - 1] ?? '');
      const d = found.find((x) => key({ rule: x.ruleId, messageId: x.messageId, project: x.location.project ?? '', row: x.location.rowKey ?? '' }) === key(g));
      expect(d, key(g)).toBeDefined();
      if (!d) continue;
      if (g.row === 'target') expect(line).toContain(squash(model.performance[P.contribution]?.target ?? '-'));
      else if (g.row !== 'funds') expect(line, key(g)).toContain(g.row);
      if (g.contains) expect(line).toContain(g.contains);
      // Related ends: the first occurrence of a duplicate, the caps, the funds, the copied target.
      const related = d.related ?? [];
      expect(related.length, key(g)).toBe(g.related?.length ?? 0);
      related.forEach((r, i) => {
        const relLine = squash(LINES[(g.related?.[i] ?? 0) - 1] ?? '');
        const path = r.path ?? [];
        if (path[2] === 'indicators') expect(relLine, key(g)).toContain(squash(model.performance[Number(path[1])]?.indicators[Number(path[3])]?.level3 ?? '-'));
        else if (path[2] === 'target') expect(relLine).toContain(squash(model.performance[Number(path[1])]?.target ?? '-'));
        else if (path[2] === 'funds') expect(relLine).toContain(model.performance[Number(path[1])]?.funds.total ?? '-');
      });
    }
  });

  it('the 养老保障 caps add up to 1016.20 against 995.70', () => {
    const d = found.find((x) => x.messageId === 'capsExceed');
    expect(d?.data).toMatchObject({ sum: '1016.20', funds: '995.70', count: 4 });
    expect(at(d as Diagnostic)).toBe(`performance.${P.pension}.funds.total`);
    expect(renderMessage(d as Diagnostic)).toBe('项目“养老保障（先创区-民生）”的 4 项成本指标上限合计 1016.20 万元（471.00 + 15.20 + 30.00 + 500.00）超过年度预算资金总额 995.70 万元');
  });

  it('renders every finding in Chinese and English with all placeholders filled', () => {
    for (const d of found) {
      for (const lang of ['zh-CN', 'en'] as const) expect(renderMessage(d, lang)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('perf/framework', () => {
  it('accepts the published spellings: with or without 指标, 可持续发展影响 as 可持续影响, wrapped text', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs];
    if (!t) throw new Error('fixture');
    t.indicators[9] = { ...t.indicators[9]!, level2: '可持续发展 影响' };
    t.indicators[10] = { ...t.indicators[10]!, level2: '服务对象 满意度' };
    t.indicators[2] = { ...t.indicators[2]!, level1: '产出 指标', level2: '数量' };
    expect(run(m, 'perf/framework')).toEqual([]);
  });

  it('reports a renamed 二级 at its cell', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[2]!.level2 = '产量指标';
    const [d, ...rest] = run(m, 'perf/framework');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'perf/framework', messageId: 'level2', severity: 'error', location: { form: 'P', project: '城乡公益性岗位资金（先创基民）', rowKey: '公益性岗位安排人数', columnKey: 'level2' } });
    expect(at(d!)).toBe(`performance.${P.publicJobs}.indicators.2.level2`);
  });

  it('reports an indicator moved to another 一级 with its 二级', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[2]!.level1 = '效益指标';
    const ds = run(m, 'perf/framework');
    expect(ds.map((d) => [d.messageId, d.data.expected, at(d)])).toEqual([['wrongParent', '产出指标', `performance.${P.publicJobs}.indicators.2.level2`]]);
  });

  it('reports a misspelt merged 一级 cell once, with the other rows it spans as related', () => {
    const m = referenceDisclosure();
    for (const j of [10, 11, 12]) m.performance[P.publicJobs]!.indicators[j]!.level1 = '满意指标';
    const ds = run(m, 'perf/framework');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ messageId: 'level1', data: { level1: '满意指标' } });
    expect(at(ds[0]!)).toBe(`performance.${P.publicJobs}.indicators.10.level1`);
    expect(ds[0]!.related?.map((r) => r.path?.join('.'))).toEqual([11, 12].map((j) => `performance.${P.publicJobs}.indicators.${j}.level1`));
  });

  it('reports a blank 一级 or 二级', () => {
    const m = referenceDisclosure();
    m.performance[P.welfare]!.indicators[3]!.level1 = '';
    m.performance[P.welfare]!.indicators[4]!.level2 = ' ';
    expect(run(m, 'perf/framework').map((d) => [d.messageId, at(d)])).toEqual([
      ['level1Missing', `performance.${P.welfare}.indicators.3.level1`],
      ['level2Missing', `performance.${P.welfare}.indicators.4.level2`],
    ]);
  });
});

describe('perf/coverage', () => {
  it('reports a missing annual target', () => {
    const m = referenceDisclosure();
    delete m.performance[P.business]!.target;
    const ds = run(m, 'perf/coverage');
    expect(ds.map((d) => [d.messageId, d.severity, at(d), d.location.project])).toEqual([['noTarget', 'error', `performance.${P.business}.target`, BUSINESS]]);
  });

  it('reports missing 效益 as an error and missing 满意度 as a warning', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.civilPension]!;
    t.indicators = t.indicators.filter((i) => !['效益指标', '满意度指标'].includes(i.level1));
    const ds = run(m, 'perf/coverage');
    expect(ds.map((d) => [d.messageId, d.data.level1, d.severity, d.location.rowKey])).toEqual(
      expect.arrayContaining([
        ['missingLevel1', '效益指标', 'error', '效益指标'],
        ['missingLevel1', '满意度指标', 'warning', '满意度指标'],
      ]),
    );
    expect(ds).toHaveLength(2);
  });

  it('leaves a table with an unknown 一级 to perf/framework', () => {
    const m = referenceDisclosure();
    for (const j of [7, 8]) m.performance[P.civilPension]!.indicators[j]!.level1 = '效果指标';
    expect(run(m, 'perf/coverage')).toEqual([]);
    expect(run(m, 'perf/framework').map((d) => [d.messageId, d.data.level1])).toEqual([['level1', '效果指标']]);
  });

  it('reports a table without indicators once', () => {
    const m = referenceDisclosure();
    m.performance[P.welfare]!.indicators = [];
    expect(run(m, 'perf/coverage').map((d) => [d.messageId, at(d)])).toEqual([['noIndicators', `performance.${P.welfare}.indicators`]]);
  });
});

describe('perf/value', () => {
  const cases: [string, string[]][] = [
    ['≥ 九成', ['unparsed']],
    ['≥120%', ['percentRange']],
    ['90', ['noOperator', 'noUnit']],
    ['不低于90%', ['numberInWord']],
    ['', ['empty']],
    ['≧ ９５ ％', []],
    ['＜ ５ 个工作日', []],
    ['≤100%', []],
    ['及时', []],
  ];
  it.each(cases)('value %j → %j', (text, ids) => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[3]!.value = parseIndicatorValue(text);
    const ds = run(m, 'perf/value');
    expect(ds.map((d) => d.messageId).sort()).toEqual([...ids].sort());
    for (const d of ds) expect(at(d)).toBe(`performance.${P.publicJobs}.indicators.3.value`);
  });

  it('finds nothing on the reference', () => {
    expect(run(referenceDisclosure(), 'perf/value')).toEqual([]);
  });
});

describe('perf/duplicate', () => {
  it('reports an inserted duplicate (whitespace ignored) with the first occurrence as related', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.civilPension]!;
    t.indicators.push(indicator('效益指标', '社会效益指标', '有离退休人员的 机关事业单位数量', '≥5 家'));
    const ds = run(m, 'perf/duplicate').filter((d) => d.location.project === CIVIL);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ messageId: 'duplicate', location: { form: 'P', project: CIVIL, rowKey: '有离退休人员的机关事业单位数量', columnKey: 'level3' }, data: { firstNo: 3 } });
    expect(at(ds[0]!)).toBe(`performance.${P.civilPension}.indicators.${t.indicators.length - 1}.level3`);
    expect(ds[0]!.related?.map((r) => r.path?.join('.'))).toEqual([`performance.${P.civilPension}.indicators.2.level3`]);
  });

  it('finds nothing once the published duplicates are removed', () => {
    const m = referenceDisclosure();
    m.performance[P.loan]!.indicators.splice(11, 3);
    m.performance[P.basicPension]!.indicators.splice(10, 1);
    m.performance[P.pension]!.indicators.splice(10, 1);
    m.performance[P.pension]!.indicators.splice(8, 1);
    expect(run(m, 'perf/duplicate')).toEqual([]);
  });
});

describe('perf/satisfaction-placement', () => {
  it('reports a satisfaction indicator moved under 效益', () => {
    const m = referenceDisclosure();
    Object.assign(m.performance[P.publicJobs]!.indicators[10]!, { level1: '效益指标', level2: '社会效益指标' });
    const ds = run(m, 'perf/satisfaction-placement').filter((d) => d.location.project !== LOAN);
    expect(ds.map((d) => [d.messageId, at(d)])).toEqual([['outside', `performance.${P.publicJobs}.indicators.10.level1`]]);
  });

  it('reports a satisfaction indicator whose value is not a percentage', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[11]!.value = parseIndicatorValue('满意');
    const ds = run(m, 'perf/satisfaction-placement').filter((d) => d.location.project !== LOAN);
    expect(ds.map((d) => [d.messageId, d.data.value, at(d)])).toEqual([['notPercent', '满意', `performance.${P.publicJobs}.indicators.11.value`]]);
  });

  it('leaves a count of satisfaction surveys under 数量 alone, and reports it under 满意度', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs]!;
    t.indicators.push(indicator('产出指标', '数量指标', '开展满意度调查次数', '≥2 次'));
    expect(run(m, 'perf/satisfaction-placement').filter((d) => d.location.project !== LOAN)).toEqual([]);
    t.indicators.push(indicator('满意度指标', '服务对象满意度指标', '满意度测评覆盖人数', '≥100 人'));
    expect(run(m, 'perf/satisfaction-placement').filter((d) => d.location.project !== LOAN).map((d) => d.messageId)).toEqual(['notSatisfaction']);
  });

  it('reports a head count moved under 满意度', () => {
    const m = referenceDisclosure();
    Object.assign(m.performance[P.publicJobs]!.indicators[2]!, { level1: '满意度指标', level2: '服务对象满意度指标' });
    const ds = run(m, 'perf/satisfaction-placement').filter((d) => d.location.project !== LOAN);
    expect(ds.map((d) => [d.messageId, d.location.rowKey, d.location.columnKey])).toEqual([['notSatisfaction', '公益性岗位安排人数', 'level3']]);
  });
});

describe('perf/misfiled', () => {
  const others = (m: Disclosure) => run(m, 'perf/misfiled').filter((d) => d.location.project !== LOAN);

  it('reports money outside 成本 but accepts it under 经济效益', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs]!;
    t.indicators.push(indicator('产出指标', '数量指标', '公益性岗位补贴发放金额', '≥90 万元'));
    t.indicators.push(indicator('效益指标', '经济效益指标', '带动岗位人员增收', '≥50 万元'));
    expect(others(m).map((d) => [d.messageId, d.location.rowKey, d.location.columnKey, at(d)])).toEqual([
      ['money', '公益性岗位补贴发放金额', 'level1', `performance.${P.publicJobs}.indicators.${t.indicators.length - 2}.level1`],
    ]);
  });

  it('reports a count under 质量 and a rate under 数量', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs]!;
    Object.assign(t.indicators[3]!, { level3: '补贴发放人数', value: parseIndicatorValue('≥1000 人') });
    t.indicators.push(indicator('产出指标', '数量指标', '公益性岗位安排完成率', '≥95%'));
    expect(others(m).map((d) => [d.messageId, d.location.rowKey, d.location.columnKey]).sort()).toEqual([
      ['countUnderQuality', '补贴发放人数', 'level2'],
      ['rateUnderQuantity', '公益性岗位安排完成率', 'level2'],
    ]);
  });

  it('reports a non-time indicator under 时效, and accepts time words in the name or the value', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs]!;
    t.indicators[5]!.level3 = '公益性岗位补贴资金支付到位率';
    t.indicators.push(indicator('产出指标', '时效指标', '岗位补贴发放', '按时'));
    t.indicators.push(indicator('产出指标', '时效指标', '岗位补贴审核用时', '≤5 个工作日'));
    expect(others(m).map((d) => [d.messageId, d.location.rowKey, at(d)])).toEqual([['notTime', '公益性岗位补贴资金支付到位率', `performance.${P.publicJobs}.indicators.5.level2`]]);
  });

  it('accepts a cost share under 成本, 及时性 =100% under 时效 and the budget execution rate under 时效', () => {
    // All three are in the reference (创业担保 L348, 基础养老金 L380, 公益类补贴 L520): no finding outside 创业担保.
    expect(others(referenceDisclosure())).toEqual([]);
  });

  it('no longer reports 回收率 once it is moved under 质量', () => {
    const m = referenceDisclosure();
    m.performance[P.loan]!.indicators[3]!.level2 = '质量指标';
    expect(run(m, 'perf/misfiled').map((d) => d.location.rowKey)).not.toContain('创业担保贷款回收率');
  });
});

describe('perf/cost-vs-funds', () => {
  const others = (m: Disclosure) => run(m, 'perf/cost-vs-funds').filter((d) => d.location.project !== PENSION && d.location.project !== BUSINESS);

  it('reports a raised cap at the cap, with the funds as related', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[0]!.value = parseIndicatorValue('≤120 万元');
    const ds = others(m);
    expect(ds.map((d) => [d.messageId, d.actual, d.expected, at(d), d.related?.[0]?.path?.join('.')])).toEqual([
      ['capExceeds', '120.00', '97.00', `performance.${P.publicJobs}.indicators.0.value`, `performance.${P.publicJobs}.funds.total`],
    ]);
  });

  it('converts caps in 元', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators[0]!.value = parseIndicatorValue('≤970001 元');
    expect(others(m).map((d) => [d.messageId, d.actual])).toEqual([['capExceeds', '97.0001']]);
  });

  it('reports caps that together exceed the funds at the funds', () => {
    const m = referenceDisclosure();
    m.performance[P.civilPension]!.indicators.splice(2, 0, indicator('成本指标', '经济成本指标', '经办服务费', '≤10 万元'));
    const ds = others(m);
    expect(ds.map((d) => [d.messageId, d.data.sum, at(d), d.related?.length])).toEqual([['capsExceed', '2410.00', `performance.${P.civilPension}.funds.total`, 2]]);
  });

  it('counts a repeated cap once', () => {
    const m = referenceDisclosure();
    m.performance[P.publicJobs]!.indicators.push({ ...m.performance[P.publicJobs]!.indicators[0]! });
    expect(others(m)).toEqual([]);
  });

  it('falls back to T11 when P leaves the funds blank', () => {
    const m = referenceDisclosure();
    delete m.performance[P.business]!.funds.total;
    const ds = run(m, 'perf/cost-vs-funds').filter((d) => d.location.project === BUSINESS);
    expect(ds).toHaveLength(2);
    expect(ds[0]!.related?.[0]).toMatchObject({ form: 'T11', rowKey: BUSINESS, columnKey: 'total' });
  });

  it('finds nothing once the caps fit the funds', () => {
    const m = referenceDisclosure();
    m.performance[P.pension]!.indicators[3]!.value = parseIndicatorValue('≤479.50 万元');
    m.performance[P.business]!.indicators[1]!.value = parseIndicatorValue('≤5 万元');
    m.performance[P.business]!.indicators[2]!.value = parseIndicatorValue('≤4.83 万元');
    expect(run(m, 'perf/cost-vs-funds')).toEqual([]);
  });
});

describe('perf/quantified', () => {
  it('reports a 二级 under 产出 whose indicators are all qualitative', () => {
    const m = referenceDisclosure();
    const t = m.performance[P.publicJobs]!;
    t.indicators[3]!.value = parseIndicatorValue('准确');
    t.indicators[4]!.value = parseIndicatorValue('较高');
    const ds = run(m, 'perf/quantified').filter((d) => d.location.project === '城乡公益性岗位资金（先创基民）');
    expect(ds.map((d) => [d.messageId, d.data.level2, d.data.count, at(d), d.related?.length])).toEqual([['noQuantity', '质量指标', 2, `performance.${P.publicJobs}.indicators.3.level2`, 1]]);
  });

  it('finds nothing once each 时效 has a quantitative indicator', () => {
    const m = referenceDisclosure();
    m.performance[P.civilPension]!.indicators[6]!.value = parseIndicatorValue('=100%');
    m.performance[P.business]!.indicators[12]!.value = parseIndicatorValue('≤3 个工作日');
    expect(run(m, 'perf/quantified')).toEqual([]);
  });
});

describe('perf/copied-target', () => {
  it('reports a copied target (whitespace ignored) with the original as related', () => {
    const m = referenceDisclosure();
    m.performance[P.welfare]!.target = ` ${m.performance[P.publicJobs]!.target ?? ''}\n`;
    const ds = run(m, 'perf/copied-target').filter((d) => d.location.project !== CONTRIB);
    expect(ds.map((d) => [d.messageId, d.data.other, at(d), d.related?.[0]?.path?.join('.')])).toEqual([
      ['copied', '城乡公益性岗位资金（先创基民）', `performance.${P.welfare}.target`, `performance.${P.publicJobs}.target`],
    ]);
  });

  it('does not report similar but different targets (城乡公益性岗位资金 and 公益类补贴 on the reference)', () => {
    const ds = run(referenceDisclosure(), 'perf/copied-target');
    expect(ds.map((d) => d.location.project)).toEqual([CONTRIB]);
  });
});
