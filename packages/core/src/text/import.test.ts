// importText on the reference disclosure's published text: the model the
// fixture transcribes by hand, read from the text, with every figure, row and
// indicator located by its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathKey } from '../diagnostics/types.js';
import { referenceDisclosure } from '../reference/index.js';
import { DisclosureSchema } from '../model/schema.js';
import { importText } from './import.js';

const SEED = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8');
const LINES = SEED.split(/\r?\n/);
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** The published line, without layout whitespace and thousands separators. */
const lineText = (line: number | undefined) => squash(LINES[(line ?? 0) - 1] ?? '').replace(/(?<=[0-9]),(?=[0-9]{3})/g, '');

const read = importText(SEED);

describe('importText on the reference text', () => {
  it('reads exactly the fixture: forms, performance tables, unit, document and narrative', () => {
    expect(read.model).toStrictEqual(referenceDisclosure());
  });

  it('is a valid model, and reading finds nothing wrong with the text itself', () => {
    expect(DisclosureSchema.parse(read.model)).toStrictEqual(read.model);
    expect(read.diagnostics).toEqual([]);
  });

  it('finds the 12 forms and 8 performance tables at their title lines', () => {
    expect(read.tables.map((t) => `${t.form}@${t.line}`)).toEqual([
      'T01@75', 'T02@109', 'T03@134', 'T04@159', 'T05@191', 'T06@216', 'T07@225', 'T08@235', 'T09@244', 'T10@253', 'T11@262', 'T12@278',
      'P@338', 'P@362', 'P@386', 'P@407', 'P@427', 'P@450', 'P@474', 'P@504',
    ]);
  });

  it('bounds 表十二 at 第三部分: three rows under its total, no row of the narrative', () => {
    expect(read.model.forms.T12?.rows.map((r) => r.code)).toEqual(['208', '20801', '2080108']);
    expect(read.sourceMap['forms.T12.total']?.line).toBe(285);
    expect(read.sourceMap['forms.T12.rows.2']?.line).toBe(288);
  });
});

describe('every figure, row and indicator has its line', () => {
  const map = read.sourceMap;

  it('form rows: the line holds the row and its figures', () => {
    const forms = read.model.forms;
    let checked = 0;
    for (const id of ['T02', 'T03', 'T05', 'T12'] as const) {
      const t = forms[id];
      t?.rows.forEach((r, i) => {
        const line = map[pathKey(['forms', id, 'rows', i])]?.line;
        expect(line, `${id} ${r.code}`).toBeDefined();
        expect(lineText(line), `${id} ${r.code}`).toContain(squash(r.name));
        for (const [k, v] of Object.entries(r.values)) {
          expect(map[pathKey(['forms', id, 'rows', i, 'values', k])]?.line, `${id} ${r.code} ${k}`).toBe(line);
          expect(lineText(line)).toContain(v);
          checked++;
        }
      });
    }
    forms.T11?.rows.forEach((r, i) => {
      const line = map[pathKey(['forms', 'T11', 'rows', i])]?.line;
      expect(lineText(line)).toContain(squash(r.name));
      checked++;
    });
    for (const id of ['T01', 'T04'] as const) {
      for (const side of ['income', 'expense'] as const) {
        forms[id]?.[side].forEach((r, i) => {
          const line = map[pathKey(['forms', id, side, i])]?.line;
          expect(lineText(line), `${id} ${side} ${r.key}`).toContain(squash(r.label));
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('the totals and the quirks of the text at their lines: T11 unlabelled total (L268), T01 0.00 (L101)', () => {
    expect(map['forms.T11.total']?.line).toBe(268);
    const i = read.model.forms.T01?.expense.findIndex((r) => r.key === '229') ?? -1;
    expect(map[pathKey(['forms', 'T01', 'expense', i, 'values', 'amount'])]?.line).toBe(101);
    expect(map['forms.T07.years']?.line).toBe(229);
    expect(read.model.forms.T07?.years).toEqual({ previous: 2023, current: 2024 });
  });

  it('indicators: all 112 at the line of their 三级 name and value', () => {
    let n = 0;
    read.model.performance.forEach((p, t) => {
      p.indicators.forEach((ind, j) => {
        const base = ['performance', t, 'indicators', j];
        const line = map[pathKey(base)]?.line;
        expect(lineText(line), `${p.project} ${ind.level3}`).toContain(squash(ind.level3));
        expect(lineText(line), `${p.project} ${ind.level3}`).toContain(squash(ind.value.text));
        for (const c of ['level1', 'level2', 'level3', 'value']) expect(map[pathKey([...base, c])]?.line).toBe(line);
        n++;
      });
      expect(map[pathKey(['performance', t, 'funds', 'total'])]?.line).toBeDefined();
    });
    expect(n).toBe(112);
  });

  it('repairs the flattened continuation rows and the 二级 in the 一级 column', () => {
    const at = (line: number) => {
      const k = Object.keys(map).find((key) => /^performance\.[0-9]+\.indicators\.[0-9]+$/.test(key) && map[key]?.line === line) ?? '';
      const [, t, , j] = k.split('.');
      return read.model.performance[Number(t)]?.indicators[Number(j)];
    };
    expect(at(469)).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '养老保障（先创区）补贴核定及时率', value: { text: '=100%' } });
    expect(at(496)).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '第三方服务(货物)供应商响应及时性', value: { text: '及时' } });
    expect(at(497)).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '业务资金支付核定及时性' });
    expect(at(502)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '第三方服务(货物)供应商满意度', value: { text: '≥95%' } });
    expect(at(521)).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '公益性岗位补贴资金在规定时间内支付到位率' });
    expect(at(528)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '就业扶持政策经办服务满意度' });
    expect(at(422)).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '机关养老保险财政补助核定及时性' });
    expect(at(347)?.level3).toBe('创业担保贷款区级贴息金额');
  });

  it('narrative figures: each at the line that states it, the quote on that line', () => {
    const figures = read.model.narrative?.figures ?? [];
    expect(figures).toHaveLength(24);
    figures.forEach((f, i) => {
      const line = map[pathKey(['narrative', 'figures', i, 'value'])]?.line;
      expect(lineText(line), f.key).toContain(squash(f.quote ?? '').replace(/(?<=[0-9]),(?=[0-9]{3})/g, ''));
    });
    const lineOf = (key: string) => map[pathKey(['narrative', 'figures', figures.findIndex((f) => f.key === key), 'value'])]?.line;
    expect([lineOf('revenue.total'), lineOf('change.total'), lineOf('operatingCost'), lineOf('procurement.services'), lineOf('assets.vehicles'), lineOf('performance.keyFiscal')]).toEqual([298, 302, 316, 320, 324, 334]);
  });

  it('sections, unit, title, kind, reasons and the asset date at their lines', () => {
    const sections = read.model.narrative?.sections ?? [];
    expect(sections.map((s, i) => `${s.key}@${map[pathKey(['narrative', 'sections', i])]?.line ?? '?'}`)).toEqual([
      'overview@33', 'change@294', 'threePublic@310', 'operatingCost@314', 'procurement@318', 'assets@322', 'performance@330', 'special@530', 'glossary@534',
    ]);
    expect(map['document.title']?.line).toBe(3);
    expect(map['unit.name']?.line).toBe(3);
    expect(map['unit.kind']?.line).toBe(316);
    expect(map['narrative.changeReasons']?.line).toBe(308);
    expect(map['narrative.assetDate']?.line).toBe(324);
    expect(map['narrative.keyProjects.0']?.line).toBe(334);
    expect(map['narrative.projectsCited.0']?.line).toBe(308);
  });
});

describe('importText: the quirks one by one', () => {
  const P_HEAD = [
    '2024 年预算项目支出绩效目标表',
    '',
    '项目名称\t测试项目（某区）\t\t\t',
    '主管部门\t某部门\t实施单位\t某部门\t',
    '项目资金 (万元)\t年度预算资金总额:\t10.00\t\t',
    '\t其中: 财政拨款\t10.00\t\t',
    '\t其他资金\t0\t\t',
    '年度总体 绩效目标\t完成任务。\t\t\t',
    '绩效 指标\t一级指标\t二级指标\t三级指标\t指标值',
  ];

  it('a continuation row right-aligned into 三级 and 指标值; a 二级 of another 一级 in the 一级 column takes its 一级', () => {
    const text = [
      ...P_HEAD,
      '\t产出指标\t数量指标\t完成数量\t≥5 个',
      '\t完成数量 二\t\t≥6 个\t',
      '第三方 满意度\t\t\t≥95%\t',
      '\t社会效益指标\t\t群众 获得感\t提高',
      '\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%',
      '',
      '七、特殊事项说明',
    ].join('\n');
    const p = importText(text).model.performance[0];
    expect(p?.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.text])).toEqual([
      ['产出指标', '数量指标', '完成数量', '≥5 个'],
      ['产出指标', '数量指标', '完成数量二', '≥6 个'],
      ['产出指标', '数量指标', '第三方满意度', '≥95%'],
      ['效益指标', '社会效益指标', '群众获得感', '提高'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
  });

  it('rejoins a paragraph split by a page break, keeps headings of 部门概况 as paragraphs, drops sub-headings of 第三部分', () => {
    const text = [
      '2025年某某中心部门预算',
      '',
      '第一部分',
      '',
      '部门概况',
      '',
      '一、主要职责',
      '',
      '负责某某工作，负责某 某',
      '',
      '事务。',
      '',
      '第三部分',
      '',
      '2025年部门预算情况和重要事项说明',
      '',
      '六、绩效目标情况说明',
      '',
      '（一）预算绩效管理情况',
      '',
      '本部门2025年项目支出全面实施绩效目标管理，涉及预算项目支出2个，预算资金1,200.50万元，其中财政拨款1,000.00万元。',
    ].join('\n');
    const r = importText(text);
    expect(r.model.unit).toEqual({ name: '某某中心', year: 2025 });
    expect(r.model.narrative?.sections).toEqual([
      { key: 'overview', title: '部门概况', text: '一、主要职责\n负责某某工作，负责某某事务。' },
      { key: 'performance', title: '绩效目标情况说明', text: '本部门2025年项目支出全面实施绩效目标管理，涉及预算项目支出2个，预算资金1,200.50万元，其中财政拨款1,000.00万元。' },
    ]);
    expect(r.model.narrative?.figures).toEqual([
      { key: 'performance.projects', value: '2', unit: '个', quote: '涉及预算项目支出2个' },
      { key: 'performance.funds', value: '1200.50', unit: '万元', quote: '预算资金1,200.50万元' },
      { key: 'performance.fiscal', value: '1000.00', unit: '万元', quote: '其中财政拨款1,000.00万元' },
    ]);
    expect(r.sourceMap['narrative.figures.2.value']?.line).toBe(21);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['parse/no-tables']);
  });

  it('reads a title with the name first, the unit kind 参公 and 行政, decreases and 持平', () => {
    const text = (kind: string) =>
      [
        '某某局2025年部门预算',
        '三、机关运行经费情况',
        `本单位为${kind}。2025年机关运行经费财政拨款预算12.00万元。`,
        '一、预算收支增减变化情况说明',
        '（三）增减变化情况：2025年收支预算100.00万元，较上年预算减少20.00万元，其中：',
        '1. 收入预算与上年持平。',
      ].join('\n');
    const a = importText(text('参照公务员法管理的事业单位')).model;
    expect(a.unit).toEqual({ name: '某某局', year: 2025, kind: '参公' });
    expect(a.narrative?.figures.map((f) => [f.key, f.value, f.direction ?? ''])).toEqual([
      ['operatingCost', '12.00', ''],
      ['change.budget', '100.00', ''],
      ['change.total', '20.00', '减少'],
    ]);
    expect(importText(text('行政单位')).model.unit.kind).toBe('行政');
  });

  it('finds the document title in its published forms', () => {
    const title = (text: string) => {
      const m = importText(text).model;
      return [m.document.title ?? '', m.unit.name, m.unit.year];
    };
    expect(title('**2024年某某中心\n部门预算**\n\n目 录')).toEqual(['2024年某某中心部门预算', '某某中心', 2024]);
    expect(title('西安市民政局 2021 年部门综合预算\n目 录')).toEqual(['西安市民政局 2021 年部门综合预算', '西安市民政局', 2021]);
    expect(title('长沙市公安局\n2025 年部门预算公开\n\n目   录')).toEqual(['长沙市公安局2025 年部门预算公开', '长沙市公安局', 2025]);
    expect(title('上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区商务委员会\n\n目录')).toEqual(['上海市普陀区2025年区级部门预算', '上海市普陀区商务委员会', 2025]);
    expect(title('收支总体情况表\n单位：万元\n2024年某某中心部门预算')).toEqual(['', '', 0]);
  });

  it('skips a table of contents whose entries are separated by blank lines', () => {
    const text = ['2025年某某中心部门预算', '', '目录', '', '一、收支总体情况表', '', '二、收入总体情况表', '', '第一部分 部门概况', '', '第一部分', '', '部门概况', '', '一、主要职责。'].join('\n');
    const r = importText(text);
    expect(r.tables).toEqual([]);
    expect(r.model.narrative?.sections).toEqual([{ key: 'overview', title: '部门概况', text: '一、主要职责。' }]);
  });

  it('a text without title or tables gives diagnostics, not an exception', () => {
    const r = importText('这是一段与预算无关的文字。\n第二行');
    expect(r.model.forms).toEqual({});
    expect(r.model.performance).toEqual([]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual([
      ['parse/no-title', 1],
      ['parse/no-tables', 1],
    ]);
    expect(importText('').diagnostics.map((d) => d.ruleId)).toEqual(['parse/no-title', 'parse/no-tables']);
  });

  it('the caller’s unit name and year win over the title', () => {
    const r = importText(SEED, { unit: { name: '另一个单位', year: 2024 } });
    expect(r.model.unit.name).toBe('另一个单位');
    expect(r.sourceMap['unit.name']).toBeUndefined();
  });
});
