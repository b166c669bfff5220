// Template profiles: the registry as data, detection by titles, the reading
// features other templates need (titles with the unit's name and unit,
// qualifiers, wrapped titles, wrapped header words, rows of column numbers,
// pages repeating their title or header), one unit per comparison, figures a
// template does not publish, and the generic reader of tables of no profile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGrids, checkText } from '../check/check.js';
import { parseForms } from '../forms/parse.js';
import { detectProfile, findTitles } from '../forms/titles.js';
import type { CellValue, Grid } from '../grid/grid.js';
import { FORM_IDS } from '../model/columns.js';
import type { Disclosure } from '../model/schema.js';
import { textToGrid } from '../text/grid.js';
import { unpublishedPaths } from './published.js';
import { DEFAULT_PROFILE, PROFILES, overviewFormulasFor, profileById, requiredForms, rowFormulasFor } from './registry.js';

const corpus = (f: string) => readFileSync(new URL(`../../data/corpus/${f}`, import.meta.url), 'utf8');
const REFERENCE = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8');

/** Rows typed as `a|b|c`: empty → null. */
function sheet(lines: readonly string[]): Grid {
  return { name: 's', rows: lines.map((l) => (l === '' ? [] : l.split('|').map((c): CellValue => (c === '' ? null : c)))) };
}

describe('the registry', () => {
  it('holds the reference profile first, and four profiles with unique ids', () => {
    expect(PROFILES.map((p) => p.id)).toEqual(['shandong-12', 'shanghai-9', 'xian-16', 'changsha-10']);
    expect(DEFAULT_PROFILE.id).toBe('shandong-12');
    expect(profileById('nowhere')).toBeUndefined();
  });

  it('names every table of a profile once per variant, with a title and a meaning', () => {
    for (const p of PROFILES) {
      for (const f of p.forms) {
        expect(f.layout.title.length, `${p.id} ${f.layout.id}`).toBeGreaterThan(3);
        if (f.kind === 'form') expect(FORM_IDS, p.id).toContain(f.layout.id);
        if (f.kind === 'table' || f.kind === 'unread') expect(f.layout.id.startsWith(`${p.id}/`), f.layout.id).toBe(true);
        if (f.kind === 'unread') expect(f.layout.reason.length, f.layout.id).toBeGreaterThan(10);
      }
    }
  });

  it('keeps the reference’s row formulas and subtotals, and states other profiles’ own', () => {
    expect(rowFormulasFor('shandong-12', 'T05')).toEqual([
      { total: 'total', parts: ['basic', 'project'] },
      { total: 'basic', parts: ['personnel', 'publicUse'] },
    ]);
    expect(rowFormulasFor('unknown-profile', 'T05')).toEqual(rowFormulasFor('shandong-12', 'T05'));
    expect(rowFormulasFor('shanghai-9', 'T05')).toEqual([{ total: 'total', parts: ['basic', 'project'] }]);
    expect(rowFormulasFor('xian-16', 'T05')).toEqual([{ total: 'total', parts: ['personnel', 'publicUse', 'project'] }]);
    expect(overviewFormulasFor('changsha-10', 'T01').find((f) => f.side === 'expense' && f.key === 'currentTotal')?.parts).toEqual(['basic', 'project', 'operatingExpense', 'subsidyToAffiliates', 'remitToSuperior']);
  });

  it('requires the forms and own tables of a profile, the twelve of an unknown one', () => {
    expect(requiredForms('shanghai-9')?.forms).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T08', 'T09', 'T06', 'T07']);
    expect(requiredForms('xian-16')?.tables).toEqual(['xian-16/表2', 'xian-16/表3', 'xian-16/表6', 'xian-16/表7', 'xian-16/表10', 'xian-16/表11']);
    expect(requiredForms('nowhere')).toBeUndefined();
  });
});

describe('detecting the profile by the titles a document names', () => {
  it('reads the reference with its own profile and each corpus document with its template’s', () => {
    expect(detectProfile([textToGrid(REFERENCE)]).id).toBe('shandong-12');
    expect(detectProfile([textToGrid(corpus('02-shanghai-putuo-commerce-2025-budget.txt'))]).id).toBe('shanghai-9');
    expect(detectProfile([textToGrid(corpus('05-xian-ecology-environment-2022-budget.txt'))]).id).toBe('xian-16');
    expect(detectProfile([textToGrid(corpus('08-changsha-public-security-2025-budget.txt'))]).id).toBe('changsha-10');
  });

  it('falls back to the reference’s where no title of any profile is named', () => {
    expect(detectProfile([sheet(['随便什么内容', '没有表'])]).id).toBe('shandong-12');
    expect(detectProfile([]).id).toBe('shandong-12');
  });

  it('leaves a table of contents out of the count', () => {
    const toc = sheet(['1、部门收支总表', '2、部门收入总表', '3、部门支出总表', '4、财政拨款收支总表']);
    expect(findTitles(toc, profileById('changsha-10'))).toEqual([]);
  });
});

describe('titles of other templates', () => {
  const changsha = profileById('changsha-10');
  const xian = profileById('xian-16');

  it('reads a title followed by the unit’s name and the unit on the same line', () => {
    const [hit] = findTitles(sheet(['2025年部门收支总体情况表单位名称：长沙市公安局单位：万元|||||']), changsha);
    expect(hit?.title).toBe('部门收支总体情况表');
    expect(hit?.unit).toBe('万元');
    expect(hit?.layout.id).toBe('T01');
  });

  it('tells tables of one title apart by their qualifier, after the title or on the next line', () => {
    const fn = findTitles(sheet(['2022年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）']), xian)[0];
    const ec = findTitles(sheet(['2021年部门综合预算一般公共预算支出明细表', '（按支出经济分类科目-不含上年结转）']), xian)[0];
    expect(fn?.layout.id).toBe('T05');
    expect(ec?.layout.id).toBe('xian-16/表6');
    expect(ec?.lines).toBe(2);
  });

  it('reads a numbered title (公开01表) without taking the number for the unit’s name', () => {
    const lines = ['公开01表 2021年部门综合预算收支总表', '单位：元', '收入||支出|', '项目|预算数|支出功能分类科目（按大类）|预算数', '一、部门预算|5.00|一、部门预算|5.00', '收入总计|5.00|支出总计|5.00'];
    const { model, profile } = parseForms([sheet(lines)], { profile: profileById('xian-16') ?? DEFAULT_PROFILE });
    expect(profile).toBe('xian-16');
    expect(model.unit).toEqual({ name: '', year: 2021 });
    expect(model.forms.T01?.income.map((r) => r.key)).toEqual(['departmentBudget', 'grandTotal']);
  });

  it('reads a title wrapped over lines, without the table number above it', () => {
    const hits = findTitles(sheet(['表6', '2021年部门综合预算一般公共预算支出明细', '表', '（按支出经济分类科目-不含上年结转）', '单位：元']), xian);
    expect(hits.map((h) => [h.row, h.lines, h.layout.id, h.prefix])).toEqual([[1, 3, 'xian-16/表6', '2021年']]);
  });
});

describe('reading other templates’ tables', () => {
  it('joins header words wrapped over two rows and skips the row of column numbers', () => {
    const lines = [
      '2025年部门收入总体情况表单位名称：某局单位：万元',
      '||||||本级财政拨款||财政专户管理|事业单位经营|上级补助收||||',
      '|类|款|项|功能科目|合计|金额|其中:经费拨款|事业收入|服务收入|入|其它收入|事业收入|上年结转|',
      '|**|**|**|**|1|2|3|4|5|6|7|8|9|',
      '||||合计|10.00|6.00|5.00|1.00|2.00||1.00||',
      '|204|||公共安全支出|10.00|6.00|5.00|1.00|2.00||1.00||',
      '||02||公安|10.00|6.00|5.00|1.00|2.00||1.00||',
      '|204|02|01|行政运行|10.00|6.00|5.00|1.00|2.00||1.00||',
    ];
    const profile = profileById('changsha-10');
    if (!profile) throw new Error('no changsha-10 profile');
    const { model, diagnostics } = parseForms([sheet(lines)], { profile });
    expect(diagnostics).toEqual([]);
    expect(model.forms.T02?.total?.values).toEqual({ total: '10.00', fiscal: '6.00', fiscalFunding: '5.00', specialAccount: '1.00', operatingIncome: '2.00', otherIncome: '1.00' });
    // a 款 printed without its 类 takes the 类 of the row above
    expect(model.forms.T02?.rows.map((r) => r.code)).toEqual(['204', '20402', '2040201']);
  });

  it('reads a table over pages whose title repeats, and passes over a header repeated at the top of a page', () => {
    const model = parseForms([textToGrid(corpus('02-shanghai-putuo-commerce-2025-budget.txt'))]).model;
    // 表五's second page repeats its header (L259–L261) without its title
    expect(model.forms.T05?.rows.map((r) => r.code)).toContain('2080599');
    expect(model.forms.T05?.rows).toHaveLength(30);
  });

  it('keeps every figure as published, each form with its own unit', () => {
    const model = parseForms([textToGrid(corpus('02-shanghai-putuo-commerce-2025-budget.txt'))]).model;
    expect(model.document.amountUnit).toBe('元');
    expect(model.forms.T07).toMatchObject({ unit: '万元', current: { total: '1.00', reception: '1.00', operatingCost: '171.01' } });
    expect(model.forms.T06?.unit).toBe('元');
  });
});

describe('one unit for every comparison', () => {
  const SHANGHAI = corpus('02-shanghai-putuo-commerce-2025-budget.txt');

  it('compares the 三公 table in 万元 with the economic table in 元 after converting it exactly', () => {
    // T07 公务接待费 1.00 万元 (L342) covers T06's 30217 公务接待费 10,000.00 元 (L322)
    expect(checkText(SHANGHAI).diagnostics.filter((d) => d.ruleId === 'cross/three-public')).toEqual([]);
    const lowered = SHANGHAI.replace('1.00\t\t1.00\t\t\t\t171.01', '0.90\t\t0.90\t\t\t\t171.01');
    const found = checkText(lowered).diagnostics.filter((d) => d.ruleId === 'cross/three-public');
    expect(found.map((d) => [d.messageId, d.location.line, d.actual, d.expected])).toEqual([['belowT06', 342, '9000.00', '10000.00']]);
  });

  it('compares a figure the narrative states in 万元 with tables in 元 at the narrative’s precision', () => {
    const text = corpus('06-xian-administrative-approval-2025-budget.txt');
    // 一般公共预算拨款收入5,093.76万元 (L111) for 50,937,608.35 元 (L259): equal to the 0.01 万元 the narrative gives
    expect(checkText(text).diagnostics.filter((d) => d.ruleId === 'text/amount')).toEqual([]);
    const wrong = text.replace('其中：一般公共预算拨款收入5,093.76万元', '其中：一般公共预算拨款收入5,093.86万元');
    const found = checkText(wrong).diagnostics.filter((d) => d.ruleId === 'text/amount');
    expect(found.map((d) => [d.location.line, d.actual, d.expected])).toEqual([[111, '5093.86', '5093.76']]);
  });

  it('takes the unit most tables state as the document’s', () => {
    expect(checkText(corpus('08-changsha-public-security-2025-budget.txt')).model.document.amountUnit).toBe('万元');
    expect(checkText(corpus('04-xian-civil-affairs-2021-budget.txt')).model.document.amountUnit).toBe('元');
  });
});

describe('figures a template does not publish', () => {
  const model = (profile: string): Disclosure => ({
    schemaVersion: 1,
    unit: { name: '甲', year: 2025 },
    document: { profile, amountUnit: '元' },
    forms: { T01: { income: [], expense: [] }, T05: { rows: [] } },
    performance: [],
  });

  it('are unknown, not zero: a column the profile’s table lacks, a T01 row it does not print', () => {
    const shanghai = unpublishedPaths(model('shanghai-9'));
    expect(shanghai?.(['forms', 'T05', 'rows', 3, 'values', 'personnel'])).toBe(true);
    expect(shanghai?.(['forms', 'T05', 'total', 'values', 'basic'])).toBe(false);
    expect(shanghai?.(['forms', 'T01', 'income', '#currentTotal', 'values', 'amount'])).toBe(true);
    // the reference's T01 and T05 publish every column they have, and a T01 row it does not print is a zero
    expect(unpublishedPaths(model('shandong-12'))).toBeUndefined();
  });

  it('take no part in the reference’s formulas (表五 of Shanghai has 合计, 基本支出 and 项目支出 only)', () => {
    const lines = ['2025年部门一般公共预算支出功能分类预算表', '单位：元', '功能分类科目编码||||||', '类|款|项|功能分类科目名称|合计|基本支出|项目支出', '201|||一般公共服务支出|30.00|10.00|20.00', '201|13||商贸事务|30.00|10.00|20.00', '201|13|01|行政运行|30.00|10.00|20.00', '合计||||30.00|10.00|20.00'];
    const result = checkGrids([sheet(lines)]);
    expect(result.model.document.profile).toBe('shanghai-9');
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('sum/'))).toEqual([]);
  });
});

describe('tables of no known profile', () => {
  const HEADER = ['某某区财政支出测算明细', '单位：元', '项目||||一般公共预算支出||', '功能分类科目编码||||||', '类|款|项|功能分类科目名称|合计|基本支出|项目支出'];
  const BODY = ['208|||社会保障和就业支出|30.00|10.00|20.00', '208|05||行政事业单位养老支出|30.00|10.00|20.00', '208|05|01|行政单位离退休|12.00|2.00|10.00', '208|05|05|机关事业单位基本养老保险缴费支出|18.00|8.00|10.00', '合计||||30.00|10.00|20.00'];

  it('are read by their codes and header words, with the sum their header states', () => {
    const result = checkGrids([sheet(['说明文字', '', ...HEADER, ...BODY])]);
    const [table] = result.model.tables ?? [];
    expect(table).toMatchObject({ id: 'generic', title: '某某区财政支出测算明细', unit: '元', codes: 'function', formulas: [{ total: '合计', parts: ['基本支出', '项目支出'] }] });
    expect(table?.columns.map((c) => c.key)).toEqual(['合计', '基本支出', '项目支出']);
    expect(table?.rows.map((r) => r.code)).toEqual(['208', '20805', '2080501', '2080505']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'parse/generic-table').map((d) => [d.severity, d.location.cell])).toEqual([['info', 'A3']]);
    expect(result.diagnostics.filter((d) => /^sum\//u.test(d.ruleId))).toEqual([]);
  });

  it('have their rollups and stated sums checked', () => {
    const wrong = [...BODY];
    wrong[2] = '208|05|01|行政单位离退休|13.00|2.00|10.00';
    const found = checkGrids([sheet(['说明文字', '', ...HEADER, ...wrong])]).diagnostics.filter((d) => /^sum\//u.test(d.ruleId));
    expect(found.map((d) => [d.ruleId, d.location.cell, d.location.table, d.actual, d.expected])).toEqual([['sum/row', 'E10', '某某区财政支出测算明细', '13.00', '12.00']]);
  });

  it('get no row formula from columns side by side without a group over them', () => {
    const flat = ['另一张测算表', '科目编码|科目名称|合计|基本支出|项目支出', '208|社会保障和就业支出|31.00|10.00|20.00', '20805|行政事业单位养老支出|31.00|10.00|20.00'];
    const [table] = checkGrids([sheet(['说明', '', ...flat])]).model.tables ?? [];
    expect(table?.formulas).toEqual([]);
    expect(table?.rows.map((r) => r.code)).toEqual(['208', '20805']);
  });

  it('need a code column: figures beside names alone are no table of subjects', () => {
    const names = ['会议费明细表', '序号|会议名称|时间|人数|金额', '1|业务会议|2025年10月|80人|0.64', '2|观摩会|2025年9月|50人|1.00'];
    expect(checkGrids([sheet(names)]).model.tables).toBeUndefined();
  });
});
