// The corpus: five published disclosures of other regions' templates
// (packages/core/data/corpus, sources in its README). Each is recognised by its
// profile, its tables read, and checked by the same rules as the reference; the
// findings of its tables are held here exactly, each confirmed by hand in
// docs/corpus.md. Findings of the narrative (text/*, struct/sections,
// struct/unit-name) come from the text import and are assessed in
// docs/corpus.md, not held here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { parseForms } from '../forms/parse.js';
import { textToGrid } from '../text/grid.js';

const DATA = new URL('../../data/corpus/', import.meta.url);
const SHARED = new URL('../../../../../shared/corpus/', import.meta.url);
const FILES = ['02-shanghai-putuo-commerce-2025-budget.txt', '04-xian-civil-affairs-2021-budget.txt', '05-xian-ecology-environment-2022-budget.txt', '06-xian-administrative-approval-2025-budget.txt', '08-changsha-public-security-2025-budget.txt'] as const;
type File = (typeof FILES)[number];

const read = (f: File) => readFileSync(new URL(f, DATA), 'utf8');

/** Findings of the narrative (the text import's), assessed in docs/corpus.md. */
const narrative = (d: Diagnostic) => d.ruleId.startsWith('text/') || d.ruleId.startsWith('perf/') || d.ruleId === 'struct/sections' || d.ruleId === 'struct/unit-name' || d.location.form === 'N' || d.location.form === 'P';

const fmt = (d: Diagnostic) => `${d.ruleId} ${d.severity} L${d.location.line ?? '?'}${d.location.rowKey !== undefined ? ` ${d.location.rowKey}` : ''}`;

interface Expected {
  readonly profile: string;
  readonly unit: '元' | '万元';
  /** Every table recognised by its title: id @ title line, rows of figures read, pages. */
  readonly recognised: readonly string[];
  /** Findings of the tables (rule id, severity, line, row), sorted. */
  readonly findings: readonly string[];
}

const EXPECTED: Readonly<Record<File, Expected>> = {
  '02-shanghai-putuo-commerce-2025-budget.txt': {
    profile: 'shanghai-9',
    unit: '元',
    recognised: [
      'T01@L131 rows=8 pages=1',
      'T02@L145 rows=31 pages=1',
      'T03@L184 rows=31 pages=1',
      'T04@L223 rows=8 pages=1',
      'T05@L237 rows=31 pages=1',
      'T08@L279 rows=1 pages=1',
      'T09@L288 rows=1 pages=1',
      'T06@L297 rows=31 pages=1',
      'T07@L336 rows=1 pages=1',
    ],
    findings: ['struct/unit error L338'],
  },
  '04-xian-civil-affairs-2021-budget.txt': {
    profile: 'xian-16',
    unit: '元',
    recognised: [
      'T01@L579 rows=34 pages=3',
      'xian-16/表2@L637 rows=15 pages=1',
      'xian-16/表3@L660 rows=15 pages=1',
      'T04@L683 rows=31 pages=2',
      'T05@L729 rows=37 pages=2',
      'xian-16/表6@L780 rows=73 pages=5',
      'xian-16/表7@L893 rows=27 pages=2',
      'T06@L934 rows=59 pages=4',
      'xian-16/表9@L1021 rows=0 pages=2 not read',
      'xian-16/表10@L1056 rows=117 pages=10',
      'xian-16/表11@L1233 rows=0 pages=1',
      'xian-16/表12@L1239 rows=0 pages=5 not read',
      'T07@L1343 rows=13 pages=2',
      'xian-16/表14@L1376 rows=0 pages=1 not read',
      'xian-16/表15@L1411 rows=0 pages=1 not read',
      'xian-16/表16@L1457 rows=0 pages=1 not read',
    ],
    findings: [
      'sum/rounding warning L623 income.currentTotal',
      'cross/income error L689 income.gpb',
      'cross/income error L691 income.gfb',
      ...unknownCodes([736, '20508'], [737, '2050803'], [740, '2080201'], [742, '2080207'], [743, '2080208'], [744, '2080299'], [750, '20810'], [751, '2081001'], [752, '2081002'], [753, '2081004'], [754, '2081005'], [755, '2081006'], [756, '2081099'], [757, '20811'], [758, '2081107'], [759, '20820'], [760, '2082002'], [942, '30101/50501'], [944, '30102/50501'], [946, '30103/50501'], [948, '30107/50501'], [950, '30108/50501'], [952, '30109/50501'], [954, '30110/50501'], [963, '30112/50501'], [965, '30113/50501'], [967, '30199/50501'], [991, '30213/50209'], [997, '30217/50206'], [1008, '30231/50208'], [1010, '30299/50299'], [1013, '30301/50905'], [1014, '30302/50905'], [1015, '30304/50901'], [1016, '30305/50901'], [1017, '30306/50901'], [1018, '30399/50999']),
    ],
  },
  '05-xian-ecology-environment-2022-budget.txt': {
    profile: 'xian-16',
    unit: '元',
    recognised: [
      'T01@L398 rows=37 pages=1',
      'xian-16/表2@L441 rows=63 pages=2',
      'xian-16/表3@L518 rows=63 pages=2',
      'T04@L595 rows=33 pages=1',
      'T05@L634 rows=38 pages=2',
      'xian-16/表6@L682 rows=84 pages=4',
      'xian-16/表7@L786 rows=38 pages=2',
      'T06@L834 rows=86 pages=4',
      'xian-16/表9@L940 rows=0 pages=1 not read',
      'xian-16/表10@L966 rows=183 pages=7',
      'xian-16/表11@L1184 rows=0 pages=1',
      'xian-16/表12@L1189 rows=0 pages=4 not read',
      'T07@L1388 rows=63 pages=1',
      'xian-16/表14@L1458 rows=0 pages=5 not read',
      'xian-16/表15@L1571 rows=0 pages=1 not read',
      'xian-16/表16@L1640 rows=0 pages=1 not read',
    ],
    findings: ['struct/unit error L1388', ...unknownCodes([639, '20508'], [640, '2050803'], [642, '20603'], [643, '2060301'], [654, '2101103'], [655, '211'], [656, '21101'], [657, '2110101'], [658, '2110102'], [659, '2110104'], [660, '2110199'], [661, '21102'], [667, '2110299'], [668, '21103'], [669, '2110301'], [670, '2110302'], [671, '2110304'], [672, '21111'], [673, '2111101'], [674, '2111102'], [675, '2111103'], [840, '30101/50501'], [842, '30102/50501'], [844, '30103/50501'], [845, '30107/50501'], [847, '30108/50501'], [849, '30109/50501'], [851, '30110/50501'], [853, '30111/50501'], [855, '30112/50501'], [857, '30113/50501'], [859, '30199/50501'], [870, '30203/50205'], [883, '30213/50209'], [890, '30217/50206'], [901, '30226/50205'], [903, '30227/50205'], [907, '30231/50208'], [911, '30299/50299'], [914, '30301/50905'], [915, '30302/50905'], [916, '30304/50901'], [917, '30399/50999'], [918, '309'], [919, '30906/50405'], [919, '30906/50405'], [920, '30906/50602'], [920, '30906/50602'], [922, '31002/50306'], [923, '31003/50306'], [924, '31003/50601'], [930, '31007/50306'], [930, '31007/50306'], [931, '31008/50399'], [931, '31008/50399'], [932, '31013/50303'], [933, '31013/50601'], [934, '31019/50601'], [935, '31099/50399'], [936, '312'], [937, '31204/50701'], [937, '31204/50701'])],
  },
  '06-xian-administrative-approval-2025-budget.txt': {
    profile: 'xian-16',
    unit: '元',
    recognised: [
      'T01@L253 rows=32 pages=1',
      'xian-16/表2@L291 rows=3 pages=1',
      'xian-16/表3@L301 rows=3 pages=1',
      'T04@L311 rows=28 pages=1',
      'T05@L345 rows=23 pages=1',
      'xian-16/表6@L373 rows=33 pages=1',
      'xian-16/表7@L413 rows=23 pages=1',
      'T06@L441 rows=33 pages=1',
      'xian-16/表9@L479 rows=0 pages=1 not read',
      'xian-16/表10@L505 rows=29 pages=1',
      'xian-16/表11@L541 rows=1 pages=1',
      'xian-16/表12@L547 rows=0 pages=1 not read',
      'T07@L580 rows=3 pages=1',
      'xian-16/表14@L591 rows=0 pages=9 not read',
      'xian-16/表15@L745 rows=0 pages=1 not read',
      'xian-16/表16@L763 rows=0 pages=1 not read',
    ],
    findings: unknownCodes([352, '2010306'], [354, '20508'], [355, '2050803'], [366, '2101103'], [462, '30213/50209'], [466, '30217/50206'], [467, '30227/50205'], [469, '30231/50208'], [471, '30299/50299'], [473, '30302/50905'], [475, '31002/50306'], [476, '31007/50306'], [476, '31007/50306']),
  },
  '08-changsha-public-security-2025-budget.txt': {
    profile: 'changsha-10',
    unit: '万元',
    recognised: [
      'T01@L186 rows=10 pages=1',
      'T02@L201 rows=11 pages=1',
      'T03@L218 rows=11 pages=1',
      'T04@L235 rows=25 pages=2',
      'T05@L269 rows=11 pages=1',
      'T06@L286 rows=30 pages=2',
      'T07@L325 rows=2 pages=1',
      'T08@L332 rows=0 pages=1',
      'changsha-10/项目支出绩效目标表@L338 rows=0 pages=28 not read',
      'changsha-10/部门整体支出绩效目标表@L725 rows=0 pages=3 not read',
    ],
    findings: unknownCodes([207, '20111'], [208, '2011199'], [210, '20402'], [211, '2040201'], [212, '2040202'], [213, '2040219'], [214, '2040220'], [215, '2040221'], [224, '20111'], [225, '2011199'], [227, '20402'], [228, '2040201'], [229, '2040202'], [230, '2040219'], [231, '2040220'], [232, '2040221'], [275, '20402'], [276, '2040201'], [277, '2040220'], [278, '2040202'], [279, '2040221'], [280, '2040219'], [282, '20111'], [283, '2011199']),
  },
};

/** code/unknown warnings (codes the bundled, partial catalogue does not hold), by line and code. */
function unknownCodes(...rows: readonly (readonly [number, string])[]): string[] {
  return rows.map(([line, code]) => `code/unknown warning L${line} ${code}`);
}

function recognisedOf(text: string): string[] {
  return parseForms([textToGrid(text)]).recognised.map((t) => `${t.id}@L${Number(/[0-9]+$/.exec(t.cell)?.[0])} rows=${t.rows} pages=${t.pages}${t.notRead !== undefined ? ' not read' : ''}`);
}

describe('the bundled corpus', () => {
  it('holds the five documents as published, each with its source on its first lines', () => {
    for (const f of FILES) {
      const text = read(f);
      expect(text.split('\n')[0], f).toMatch(/^# source: github:/u);
      if (existsSync(SHARED)) expect(text, f).toBe(readFileSync(new URL(f, SHARED), 'utf8'));
    }
  });
});

describe.each(FILES)('%s', (file) => {
  const text = read(file);
  const expected = EXPECTED[file];
  const result = checkText(text);

  it(`is read with the ${expected.profile} profile, in ${expected.unit}`, () => {
    expect(result.model.document.profile).toBe(expected.profile);
    expect(result.model.document.amountUnit).toBe(expected.unit);
  });

  it('recognises its tables by title, reads them, and says why it does not read the others', () => {
    expect(recognisedOf(text)).toEqual(expected.recognised);
    const standard = expected.recognised.filter((r) => /^T[0-9]{2}@/u.test(r)).map((r) => r.split(' ')[0]);
    expect((result.textTables ?? []).map((t) => `${t.form}@L${t.line}`)).toEqual(standard);
    const notRead = result.diagnostics.filter((d) => d.messageId === 'tableNotRead').map((d) => `L${d.location.line}`);
    expect(notRead).toEqual(expected.recognised.filter((r) => r.endsWith('not read')).map((r) => /@(L[0-9]+)/u.exec(r)?.[1]));
    for (const d of result.diagnostics.filter((x) => x.ruleId === 'parse/not-read')) expect(d.severity).toBe('info');
  });

  it('reports exactly the confirmed findings of its tables', () => {
    const tables = result.diagnostics.filter((d) => !narrative(d) && d.ruleId !== 'parse/not-read');
    expect(tables.map(fmt).sort()).toEqual([...expected.findings].sort());
  });

  it('finds every figure it read at its line', () => {
    for (const d of result.diagnostics.filter((x) => !narrative(x) && x.ruleId !== 'parse/not-read')) expect(d.location.line, fmt(d)).toBeGreaterThan(0);
  });
});

describe('the profiles read the Xi’an tables of their own', () => {
  it('reads 表2, 表3, 表6, 表7, 表10, 表11 and 表13’s rows per 预算单位 into model.tables', () => {
    const model = checkText(read('04-xian-civil-affairs-2021-budget.txt')).model;
    expect((model.tables ?? []).map((t) => `${t.id} ${t.codes} ${t.rows.length}${t.totalOf ? ` total=${t.totalOf}` : ''}`)).toEqual([
      'xian-16/表2 unit 14',
      'xian-16/表3 unit 14',
      'xian-16/表6 economic 72',
      'xian-16/表7 function 26',
      'xian-16/表10 unit 116',
      'xian-16/表11 unit 0',
      'xian-16/表13 unit 12 total=T07',
    ]);
    const t2 = model.tables?.[0];
    expect(t2?.formulas).toEqual([
      { total: '合计', parts: ['一般公共预算拨款', '政府性基金拨款', '上级补助收入', '事业收入', '事业单位经营收入', '对附属单位上缴收入', '用事业基金弥补收支差额', '上年实户资金余额', '其他收入'] },
      { total: '总计', parts: ['合计'] },
    ]);
    // 对附属单位上缴收入's last character, pushed into the first row of figures (`入0.00`, L643), is no part of the figure
    expect(t2?.total?.values['对附属单位上缴收入']).toBe('0.00');
  });

  it('keeps 表13’s 合计 row as 表七 and its unit rows under it', () => {
    const model = checkText(read('05-xian-ecology-environment-2022-budget.txt')).model;
    expect(model.forms.T07?.years).toEqual({ previous: 2021, current: 2022 });
    expect(model.forms.T07?.current).toMatchObject({ total: '2033060.00', reception: '133060.00', vehicleOperation: '1900000.00', meeting: '1806300.00', threePublicWithMeetings: '5098110.00' });
    expect(model.tables?.find((t) => t.id === 'xian-16/表13')?.rows).toHaveLength(62);
  });
});

/** A copy of a document with one cell of one line replaced. */
function mutate(file: File, line: number, cell: number, value: string): string {
  const lines = read(file).split('\n');
  const cells = (lines[line - 1] ?? '').split('\t');
  expect(cells[cell], `${file} L${line}`).toMatch(/[0-9]/u);
  cells[cell] = value;
  lines[line - 1] = cells.join('\t');
  return lines.join('\n');
}

describe('a figure changed in any kind of table is found at its line', () => {
  it.each([
    ['02-shanghai-putuo-commerce-2025-budget.txt', 162, 4, '1,661,316.00', '部门收入预算总表 (T02)'],
    ['02-shanghai-putuo-commerce-2025-budget.txt', 308, 3, '705,543.00', '基本支出经济分类 (T06)'],
    ['04-xian-civil-affairs-2021-budget.txt', 646, 4, '50,382,973.25', '收入总表 per unit (表2)'],
    ['04-xian-civil-affairs-2021-budget.txt', 1355, 4, '4,100.00', '三公 per unit (表13)'],
    ['04-xian-civil-affairs-2021-budget.txt', 1062, 3, '511,225,331.52', '专项业务经费 per unit (表10)'],
    ['05-xian-ecology-environment-2022-budget.txt', 791, 2, '369,151.00', '基本支出功能分类 (表7)'],
    ['05-xian-ecology-environment-2022-budget.txt', 723, 4, '1557301.00', '支出经济分类 (表6)'],
    ['06-xian-administrative-approval-2025-budget.txt', 359, 3, '1,465,388.57', '支出功能分类 (T05)'],
    ['08-changsha-public-security-2025-budget.txt', 212, 5, '36,490.12', '部门收入总体情况表 (T02)'],
    ['08-changsha-public-security-2025-budget.txt', 296, 4, '517.40', '基本支出经济分类 (T06)'],
  ] as const)('%s L%i, %i → %s (%s)', (file, line, cell, value, _table) => {
    const found = checkText(mutate(file, line, cell, value)).diagnostics.filter((d) => d.severity === 'error' && /^(sum|cross)\//u.test(d.ruleId));
    // at the figure, or — where one check alone holds it (a 单位 under its 部门) — at that check's total, with the figure related
    expect(found.some((d) => d.location.line === line || (d.related ?? []).some((r) => r.line === line))).toBe(true);
  });
});
