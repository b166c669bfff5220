import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate, type Diagnostic } from '../diagnostics/types.js';
import { a1, type CellValue, type Grid } from '../grid/grid.js';
import { referenceDisclosure } from '../reference/index.js';
import { generateForms } from './generate.js';
import { FORM_DIAGNOSTICS, FORM_MESSAGES, type FormMessageId } from './messages.js';
import { parseForms } from './parse.js';
import { normalizeLabel } from './text.js';

/** Rows typed as `a|b|c`: empty → null, `#n` → the number n, anything else text. */
function sheet(name: string, lines: readonly string[], merges: readonly string[] = []): Grid {
  const rows = lines.map((l) => l.split('|').map((c): CellValue => (c === '' ? null : c.startsWith('#') ? Number(c.slice(1)) : c)));
  return { name, rows, merges };
}

const T03_HEADER = ['科目编码|||科目名称|合计|基本支出|项目支出|结转下年', '类|款|项|||||'];

const ids = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.ruleId}@${d.location.cell}`);

describe('normalizeLabel', () => {
  it('removes whitespace (U+3000 too), folds widths, parentheses, brackets and quotes', () => {
    expect(normalizeLabel('财政专户管理 资金')).toBe('财政专户管理资金');
    expect(normalizeLabel('合\u3000计')).toBe('合计');
    expect(normalizeLabel('事业收入（不含教育收费）')).toBe(normalizeLabel('事业收入 (不含教育收费)'));
    expect(normalizeLabel('一般公共预算“三公”经费')).toBe(normalizeLabel('一般公共预算"三公"经费'));
    expect(normalizeLabel('单位：万元')).toBe('单位:万元');
    expect(normalizeLabel('【注】')).toBe('(注)');
  });
});

describe('finding forms by title', () => {
  it('reads titles with a year, unit or numbering prefix', () => {
    for (const title of ['2024年淄博高新技术产业开发区人力资源和社会保障中心收入总体情况表', '表二 收入总体情况表', '部门预算公开表2：收入总体情况表', '2024 年 收入总体情况表', '收入总体情况表（单位：万元）']) {
      const header = ['科目编码|||科目名称|合计|财政拨款收入', '类|款|项|||小计'];
      const { model, diagnostics } = parseForms([sheet('s', [title, ...header, '208|||社会保障和就业支出|#5|#5'])]);
      expect(diagnostics, title).toEqual([]);
      expect(model.forms.T02?.title, title).toBe('收入总体情况表');
      expect(model.forms.T02?.rows, title).toEqual([{ code: '208', name: '社会保障和就业支出', values: { total: '5.00', fiscal: '5.00' } }]);
    }
  });

  it('takes the unit name and year from a title prefix that names them', () => {
    const { model } = parseForms([sheet('s', ['2023年某某区人力资源中心支出总体情况表', ...T03_HEADER])]);
    expect(model.unit).toEqual({ name: '某某区人力资源中心', year: 2023 });
    expect(parseForms([sheet('s', ['2023年部门预算公开表 支出总体情况表', ...T03_HEADER])]).model.unit.name).toBe('');
    expect(parseForms([sheet('s', ['支出总体情况表', ...T03_HEADER])], { unit: { name: '甲', year: 2030 } }).model.unit).toEqual({ name: '甲', year: 2030 });
  });

  it('prefers the longer title (财政拨款收支总体情况表 is not 收支总体情况表)', () => {
    const { model } = parseForms([sheet('s', ['财政拨款收支总体情况表', '收入||支出|', '项目|预算数|项目|预算数|||', '|||总计|一般公共预算|政府性基金预算|国有资本经营预算', '一、一般公共预算收入|#1|一、一般公共服务支出|#1|#1||'])]);
    expect(Object.keys(model.forms)).toEqual(['T04']);
    expect(model.forms.T04?.expense[0]).toEqual({ key: '201', label: '一、一般公共服务支出', values: { total: '1.00', gpb: '1.00' } });
  });

  it('ignores a table of contents and titles quoted in sentences', () => {
    const toc = ['目录', '一、收支总体情况表', '二、收入总体情况表', '三、支出总体情况表', '', '详见收入总体情况表'];
    const { model, diagnostics } = parseForms([sheet('目录', toc)]);
    expect(diagnostics).toEqual([]);
    expect(model.forms).toEqual({});
  });

  it('reports a title without a recognisable header at the title cell', () => {
    const { model, diagnostics } = parseForms([sheet('s', ['', '|支出总体情况表', '单位：万元', '随便写的内容|#3'])]);
    expect(model.forms.T03).toBeUndefined();
    expect(diagnostics).toEqual([
      { ruleId: 'parse/unreadable-form', severity: 'error', messageId: 'unreadableForm', data: { title: '支出总体情况表' }, location: { form: 'T03', path: ['forms', 'T03'], sheet: 's', cell: 'B2' } },
    ]);
  });

  it('reads two forms stacked on one sheet and keeps the first of a duplicated form', () => {
    const rows = ['支出总体情况表', ...T03_HEADER, '208|||社会保障和就业支出|#1||#1|', '注：无', '收入总体情况表', '科目编码|||科目名称|合计', '类|款|项||', '213|||农林水支出|#2', '', '支出总体情况表', ...T03_HEADER, '201|||一般公共服务支出|#9||#9|'];
    const { model, diagnostics, tables } = parseForms([sheet('s', rows)]);
    expect(model.forms.T03?.rows.map((r) => r.code)).toEqual(['208']);
    expect(model.forms.T03?.note).toBe('注：无');
    expect(model.forms.T02?.rows.map((r) => r.code)).toEqual(['213']);
    expect(ids(diagnostics)).toEqual(['parse/duplicate-form@A11']);
    expect(tables.map((t) => `${t.form}@${t.cell}`)).toEqual(['T03@A1', 'T02@A6']);
  });
});

describe('headers', () => {
  it('matches merged headers given in the first cell with nulls elsewhere, with or without the merge list', () => {
    const lines = ['支出总体情况表', ...T03_HEADER, '208|||社会保障和就业支出|#1|#2|#3|#4'];
    const withMerges = parseForms([sheet('s', lines, ['A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3'])]);
    const without = parseForms([sheet('s', lines)]);
    for (const p of [withMerges, without]) {
      expect(p.diagnostics).toEqual([]);
      expect(p.model.forms.T03?.rows[0]?.values).toEqual({ total: '1.00', basic: '2.00', project: '3.00', carryForward: '4.00' });
    }
  });

  it('matches headers that repeat the merged value in every cell, starting at any column', () => {
    const lines = ['|||支出总体情况表', '', '', '||科目编码|科目编码|科目编码|科目名称|合计|基本支出|项目支出|结转下年', '||类|款|项|科目名称|合计|基本支出|项目支出|结转下年', '||208|01|07|社会保险业务管理事务|#8|||'];
    const { model, diagnostics } = parseForms([sheet('s', lines)]);
    expect(diagnostics).toEqual([]);
    expect(model.forms.T03?.rows).toEqual([{ code: '2080107', name: '社会保险业务管理事务', values: { total: '8.00' } }]);
  });

  it('reports an unknown header column and reads the others', () => {
    const lines = ['支出总体情况表', '科目编码|||科目名称|合计|基本支出|项目支出|结转下年|备注', '类|款|项||||||', '208|||社会保障和就业支出|#1|||#0|说明文字'];
    const { model, diagnostics } = parseForms([sheet('s', lines)]);
    expect(model.forms.T03?.rows[0]?.values).toEqual({ total: '1.00', carryForward: '0.00' });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.location.cell, d.data.text])).toEqual([['parse/unknown-column', 'warning', 'I2', '备注']]);
  });

  it('reads T07 year groups from 2023年预算数 / 2024年预算数, and without years from 上年 / 本年', () => {
    const header = ['|||||||||||', '合计|因公出国（境）经费|公务用车购置及运行维护费|||公务接待费|合计|因公出国（境）经费|公务用车购置及运行维护费|||公务接待费', '||小计|公务用车购置经费|公务用车运行维护费||||小计|公务用车购置经费|公务用车运行维护费|'];
    const data = '#3|#1|#2|#0|#2||#4|#1|#3|#1|#2|';
    const withYears = ['一般公共预算“三公”经费支出情况表', '2023年预算数||||||2024年预算数|||||', ...header.slice(1), data];
    const t07 = parseForms([sheet('s', withYears)]).model.forms.T07;
    expect(t07?.years).toEqual({ previous: 2023, current: 2024 });
    expect(t07?.previous).toEqual({ total: '3.00', abroad: '1.00', vehicle: '2.00', vehiclePurchase: '0.00', vehicleOperation: '2.00' });
    expect(t07?.current).toEqual({ total: '4.00', abroad: '1.00', vehicle: '3.00', vehiclePurchase: '1.00', vehicleOperation: '2.00' });
    const words = ['“三公”经费支出情况表', '上年预算数||||||本年预算数|||||', ...header.slice(1), data];
    const other = parseForms([sheet('s', words)]).model.forms.T07;
    expect(other?.title).toBe('“三公”经费支出情况表');
    expect(other?.years).toBeUndefined();
    expect(other?.current.total).toBe('4.00');
  });
});

describe('rows as staff type them', () => {
  it('reads codes split, whole, with spaces, with the name, as numbers, or with only the last segment', () => {
    const lines = [
      '支出总体情况表',
      ...T03_HEADER,
      '合 计||||#10|||',
      '#208|||社会保障和就业支出|#10|||',
      '|01||人力资源和社会保障管理事务|#1|||',
      '||07|社会保险业务管理事务|#1|||',
      '2080108|||信息化建设|#1|||',
      '208 01 09|||社会保险经办机构|#1|||',
      '2080199 其他人力资源和社会保障管理事务支出||||#1|||',
      '#208|#5||行政事业单位养老支出|#1|||',
      '#208|#5|#7|对机关事业单位基本养老保险基金的补助|#1|||',
      '|||2130804 创业担保贷款贴息及奖补|#1|||',
      '２１３０８０５ 养老保障（先创区）||||#1|||',
    ];
    const { model, diagnostics } = parseForms([sheet('s', lines)]);
    expect(diagnostics).toEqual([]);
    expect(model.forms.T03?.total).toEqual({ label: '合计', values: { total: '10.00' } });
    expect(model.forms.T03?.rows.map((r) => [r.code, r.name])).toEqual([
      ['208', '社会保障和就业支出'],
      ['20801', '人力资源和社会保障管理事务'],
      ['2080107', '社会保险业务管理事务'],
      ['2080108', '信息化建设'],
      ['2080109', '社会保险经办机构'],
      ['2080199', '其他人力资源和社会保障管理事务支出'],
      ['20805', '行政事业单位养老支出'],
      ['2080507', '对机关事业单位基本养老保险基金的补助'],
      ['2130804', '创业担保贷款贴息及奖补'],
      ['2130805', '养老保障（先创区）'],
    ]);
  });

  it('finds 合计 in any column, or as an unlabelled first row of figures', () => {
    for (const total of ['合计||||#10|||', '|合  计|||#10|||', '|||总计|#10|||', '||||#10|||']) {
      const { model, diagnostics } = parseForms([sheet('s', ['支出总体情况表', ...T03_HEADER, total, '208|||社会保障和就业支出|#10|||'])]);
      expect(diagnostics, total).toEqual([]);
      expect(model.forms.T03?.total?.values, total).toEqual({ total: '10.00' });
      expect(model.forms.T03?.rows, total).toHaveLength(1);
    }
  });

  it('reads numbers stored as text, separators, full width, blanks and dashes; 0.00 stays a published zero', () => {
    const { model, diagnostics } = parseForms([sheet('s', ['支出总体情况表', ...T03_HEADER, "208|||社会保障和就业支出| 10,351.24 |0.00|１２．５０|-"])]);
    expect(diagnostics).toEqual([]);
    expect(model.forms.T03?.rows[0]?.values).toEqual({ total: '10351.24', basic: '0.00', project: '12.50' });
  });

  it('turns a cell that is not a number into a diagnostic at its cell, leaving the figure out', () => {
    const g = sheet('表3', ['支出总体情况表', ...T03_HEADER, '208|||社会保障和就业支出|十万|#1||']);
    (g.rows[3] as CellValue[])[6] = { error: '#REF!' };
    const { model, diagnostics } = parseForms([g]);
    expect(model.forms.T03?.rows[0]?.values).toEqual({ basic: '1.00' });
    expect(diagnostics).toEqual([
      {
        ruleId: 'amount/not-a-number',
        severity: 'error',
        messageId: 'notANumber',
        data: { text: '十万' },
        location: { form: 'T03', rowKey: '208', columnKey: 'total', path: ['forms', 'T03', 'rows', 0, 'values', 'total'], sheet: '表3', cell: 'E4' },
      },
      {
        ruleId: 'amount/not-a-number',
        severity: 'error',
        messageId: 'notANumber',
        data: { text: '#REF!' },
        location: { form: 'T03', rowKey: '208', columnKey: 'project', path: ['forms', 'T03', 'rows', 0, 'values', 'project'], sheet: '表3', cell: 'G4' },
      },
    ]);
  });

  it('reports rows it cannot read: a bad code, a name without a code, a stray line', () => {
    const lines = ['支出总体情况表', ...T03_HEADER, '20x|||错误编码|#1|||', '|||没有编码的行|#1|||', '208|||社会保障和就业支出|#1|||', '||||#5|||', '制表人：张三||||||'];
    const { model, diagnostics } = parseForms([sheet('s', lines)]);
    expect(model.forms.T03?.rows.map((r) => r.code)).toEqual(['208']);
    expect(model.forms.T03?.total).toBeUndefined();
    expect(ids(diagnostics)).toEqual(['parse/bad-code@A4', 'parse/missing-code@D5', 'parse/unknown-row@E7', 'parse/unknown-row@A8']);
  });

  it('reads the unit line wherever it sits, and reports a unit it does not know', () => {
    const unit = (line: string) => parseForms([sheet('s', ['支出总体情况表', line, ...T03_HEADER])]);
    expect(unit('|||||||单位：万元').model.forms.T03?.unit).toBe('万元');
    expect(unit('单位:元').model.forms.T03?.unit).toBe('元');
    expect(unit('||金额单位：万元').model.forms.T03?.unit).toBe('万元');
    const odd = unit('单位：千元');
    expect(odd.model.forms.T03?.unit).toBeUndefined();
    expect(ids(odd.diagnostics)).toEqual(['parse/unknown-unit@A2']);
  });

  it('reads T01 rows by their labels, side by side, with or without ordinals', () => {
    const lines = ['收支总体情况表', '收入||支出|', '项目|预算数|项目|预算数', '财政拨款收入|#5|社会保障和就业支出|#5', '|#1|不存在的支出|#2', '收入总计|#5|支出总计|#5'];
    const { model, diagnostics } = parseForms([sheet('s', lines)]);
    expect(model.forms.T01?.income).toEqual([
      { key: 'fiscal', label: '财政拨款收入', values: { amount: '5.00' } },
      { key: 'grandTotal', label: '收入总计', values: { amount: '5.00' } },
    ]);
    expect(model.forms.T01?.expense.map((r) => r.key)).toEqual(['208', 'grandTotal']);
    expect(ids(diagnostics)).toEqual(['parse/unknown-row@B5', 'parse/unknown-row@C5']);
  });
});

describe('performance tables', () => {
  it('reads labels beside or inside their cells, and continues 一级 / 二级 over blank cells', () => {
    const lines = [
      '2024年预算项目支出绩效目标表',
      '项目名称：测试项目||||',
      '主管部门|某局||实施单位|某中心',
      '项目资金 (万元)|年度预算资金总额:||#10|',
      '|其中: 财政拨款||10.00|',
      '|其他资金||0|',
      '年度总体 绩效目标|做好工作。|||',
      '绩效 指标|一级指标|二级指标|三级指标|指标值',
      '|产出指标|数量指标|人数|≥5 人',
      '||||',
      '|||次数|≥3 次',
      '||质量指标|合格率|=100%',
      '|效益指标||满意度|≥90%',
    ];
    const { model, diagnostics } = parseForms([sheet('绩效', lines)]);
    expect(diagnostics).toEqual([]);
    expect(model.performance).toHaveLength(1);
    const p = model.performance[0];
    expect(p).toMatchObject({ title: '2024年预算项目支出绩效目标表', project: '测试项目', department: '某局', implementer: '某中心', funds: { total: '10.00', fiscal: '10.00', other: '0.00' }, target: '做好工作。' });
    expect(p?.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.text])).toEqual([
      ['产出指标', '数量指标', '人数', '≥5 人'],
      ['产出指标', '数量指标', '次数', '≥3 次'],
      ['产出指标', '质量指标', '合格率', '=100%'],
      ['效益指标', '', '满意度', '≥90%'],
    ]);
  });

  it('reports a performance table without a project name or an indicator header', () => {
    const { model, diagnostics } = parseForms([sheet('s', ['项目支出绩效目标表', '主管部门|某局', '绩效指标|一级指标|二级指标|三级指标|指标值', '', '', '项目支出绩效目标表', '项目名称|某项目'])]);
    expect(model.performance).toEqual([]);
    expect(ids(diagnostics)).toEqual(['parse/unreadable-form@A1', 'parse/unreadable-form@A6']);
  });
});

describe('messages', () => {
  it('has Chinese and English text for every message id, with the same placeholders, and a rule id', () => {
    for (const [id, t] of Object.entries(FORM_MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(t['zh-CN']), id).toEqual(names(t.en));
      expect(FORM_DIAGNOSTICS[id as FormMessageId].ruleId, id).toMatch(/^(parse|amount)\//);
    }
    expect(renderTemplate(FORM_MESSAGES.notANumber, 'zh-CN', { text: 'abc' })).toBe('单元格内容“abc”不是数字，该金额未读入');
  });
});

// ---------------------------------------------------------------------------
// Robustness: never throws, stays linear

const WORDS = ['收支总体情况表', '收入总体情况表', '支出总体情况表', '项目支出绩效目标表', '一般公共预算“三公”经费支出情况表', '科目编码', '类', '款', '项', '科目名称', '合计', '合 计', '基本支出', '项目支出', '小计', '收入', '支出', '项目', '预算数', '2024年预算数', '项目名称', '一级指标', '二级指标', '三级指标', '指标值', '注：无', '单位：万元', '208', '01', '2080107 名称', '10,351.24', '#REF!', ''];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constant(null),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#N/A' }),
);
const mergeArb = fc.oneof(
  fc.tuple(fc.nat(12), fc.nat(8), fc.nat(12), fc.nat(8)).map(([r0, c0, r1, c1]) => `${a1(r0, c0)}:${a1(r1, c1)}`),
  fc.string(),
  fc.constantFrom('A1', 'A1:XFD1', 'A1:A1048576', ':', 'ZZZZ1:A0'),
);
const gridArb: fc.Arbitrary<Grid> = fc.record({
  name: fc.string(),
  rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 25 }),
  merges: fc.array(mergeArb, { maxLength: 6 }),
});

function wellFormed(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    expect(FORM_MESSAGES[d.messageId as FormMessageId]).toBeDefined();
    expect(d.location.cell).toMatch(/^[A-Z]+[0-9]+$/);
    expect(renderTemplate(FORM_MESSAGES[d.messageId as FormMessageId], 'en', d.data)).not.toMatch(/\{\w+\}/);
  }
}

describe('robustness', () => {
  it('never throws on random grids', () => {
    fc.assert(
      fc.property(fc.array(gridArb, { maxLength: 3 }), (grids) => {
        const r = parseForms(grids);
        wellFormed(r.diagnostics);
      }),
      { numRuns: 400 },
    );
  });

  const generated = generateForms(referenceDisclosure());
  it('never throws on random mutations of generated grids', () => {
    const mutation = fc.record({ sheet: fc.nat(generated.length - 1), row: fc.nat(40), col: fc.nat(16), value: cellArb, op: fc.constantFrom('set', 'delete-row', 'insert-row', 'drop-merges', 'merge') });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (ops) => {
        const grids = generated.map((g) => ({ name: g.name, rows: g.rows.map((r) => r.slice()), merges: [...(g.merges ?? [])] }));
        for (const op of ops) {
          const g = grids[op.sheet];
          if (!g) continue;
          if (op.op === 'set') {
            const row = g.rows[op.row];
            if (row) row[op.col] = op.value;
          } else if (op.op === 'delete-row') g.rows.splice(op.row, 1);
          else if (op.op === 'insert-row') g.rows.splice(op.row, 0, [op.value]);
          else if (op.op === 'drop-merges') g.merges = [];
          else g.merges.push(`${a1(op.row, op.col)}:${a1(op.row + 2, op.col + 3)}`);
        }
        const r = parseForms(grids);
        wellFormed(r.diagnostics);
      }),
      { numRuns: 300 },
    );
  });


  it('stays fast on pathological sheets: a title on every other row, a very wide row, huge merges', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 20000; i++) rows.push(i % 2 === 0 ? ['收入总体情况表', '科目编码', '科目名称'] : []);
    rows.push(new Array<CellValue>(100000).fill('合计'));
    const merges = Array.from({ length: 2000 }, (_v, i) => `A${i + 1}:XFD${i + 3}`);
    const t = performance.now();
    const r = parseForms([{ name: 'p', rows, merges }]);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
