import { describe, expect, it } from 'vitest';
import { renderTemplate, type Diagnostic } from '../../diagnostics/types.js';
import { DisclosureSchema, type Disclosure } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { checkDisclosure } from '../check.js';
import { runRules } from '../engine/run.js';
import type { AnyRule } from '../engine/types.js';
import { EMPTY_MODEL } from '../examples.js';
import { STRUCT_RULES } from './index.js';

function rule(id: string): AnyRule {
  const r = STRUCT_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Runs one rule on a mutated copy of the reference (validated) and returns its findings. */
function run(id: string, mutate: (m: Disclosure) => void = () => {}): Diagnostic[] {
  const m = referenceDisclosure();
  mutate(m);
  return runRules(DisclosureSchema.parse(m), [rule(id)]).diagnostics.filter((d) => d.ruleId === id);
}

function where(d: Diagnostic) {
  const { form, rowKey, columnKey, path, project } = d.location;
  return { messageId: d.messageId, form, rowKey, columnKey, project, path };
}

function section(m: Disclosure, key: string) {
  const s = m.narrative?.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
}

describe('struct/* on the reference disclosure', () => {
  it('finds nothing with the struct rules alone', () => {
    expect(runRules(referenceDisclosure(), STRUCT_RULES).diagnostics).toEqual([]);
  });

  it('finds nothing under struct/* with every registered rule', () => {
    expect(checkDisclosure(referenceDisclosure()).diagnostics.filter((d) => d.ruleId.startsWith('struct/'))).toEqual([]);
  });

  it('fills every placeholder of every message in both languages', () => {
    const m = referenceDisclosure();
    delete m.forms.T09;
    m.forms.T08 = { ...m.forms.T08, rows: [{ code: '208', name: '社会保障和就业支出', values: { total: '5.00' } }] } as NonNullable<Disclosure['forms']['T08']>;
    delete m.forms.T05?.unit;
    m.document.title = '2025年淄博高新技术产业开发区人力资源和社会保障局部门预算';
    const d = runRules(m, STRUCT_RULES).diagnostics;
    expect(d.length).toBeGreaterThan(3);
    for (const x of d) {
      const template = rule(x.ruleId).messages[x.messageId];
      expect(template, x.messageId).toBeDefined();
      for (const lang of ['zh-CN', 'en'] as const) expect(renderTemplate(template ?? { 'zh-CN': '', en: '' }, lang, x.data)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('struct/required-form', () => {
  it('reports a form left out, at the form', () => {
    const d = run('struct/required-form', (m) => delete m.forms.T09);
    expect(d.map(where)).toEqual([{ messageId: 'missingForm', form: 'T09', path: ['forms', 'T09'] }]);
    expect(d[0]?.data).toMatchObject({ form: 'T09', formName: '表九 国有资本经营预算支出情况表' });
  });

  it('reports all twelve forms of a model without forms', () => {
    const d = runRules(DisclosureSchema.parse(EMPTY_MODEL), [rule('struct/required-form')]).diagnostics;
    expect(d.map((x) => x.location.form)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12']);
  });
});

describe('struct/empty-form-note', () => {
  it('reports an empty form without a note', () => {
    const d = run('struct/empty-form-note', (m) => delete m.forms.T08?.note);
    expect(d.map(where)).toEqual([{ messageId: 'missingNote', form: 'T08', path: ['forms', 'T08', 'note'] }]);
  });

  it('reports a note that does not say the form is empty', () => {
    const d = run('struct/empty-form-note', (m) => {
      if (m.forms.T06) m.forms.T06.note = '注：单位：万元';
    });
    expect(d.map(where)).toEqual([{ messageId: 'noteWithoutReason', form: 'T06', path: ['forms', 'T06', 'note'] }]);
  });

  it('reports a note contradicted by data, with the figure as related location', () => {
    const d = run('struct/empty-form-note', (m) => {
      const t = m.forms.T08;
      if (t) t.rows = [{ code: '208', name: '社会保障和就业支出', values: { total: '5.00', project: '5.00' } }];
    });
    expect(d.map(where)).toEqual([{ messageId: 'noteContradicted', form: 'T08', path: ['forms', 'T08', 'note'] }]);
    expect(d[0]?.related?.[0]).toMatchObject({ form: 'T08', rowKey: '208', columnKey: 'total', path: ['forms', 'T08', 'rows', 0, 'values', 'total'] });
  });

  it('reads a note that names a column as a claim about that column only', () => {
    const data = (m: Disclosure) => {
      const t = m.forms.T05;
      if (t) t.note = '注：本单位2024年没有基本支出。';
    };
    expect(run('struct/empty-form-note', data)).toEqual([]);
    const d = run('struct/empty-form-note', (m) => {
      data(m);
      const row = m.forms.T05?.rows[2];
      if (row) row.values = { total: '8.00', basic: '1.00', personnel: '1.00', project: '7.00' };
    });
    expect(d.map(where)).toEqual([{ messageId: 'noteContradicted', form: 'T05', path: ['forms', 'T05', 'note'] }]);
    expect(d[0]?.related?.[0]).toMatchObject({ rowKey: '2080107', columnKey: 'basic' });
  });

  it('reads 表七 notes as claims about the budget year unless they name last year', () => {
    const previousOnly = (m: Disclosure) => {
      const t = m.forms.T07;
      if (t) t.previous = { total: '1.00', reception: '1.00' };
    };
    expect(run('struct/empty-form-note', previousOnly)).toEqual([]);
    const both = run('struct/empty-form-note', (m) => {
      previousOnly(m);
      const t = m.forms.T07;
      if (t) t.note = '注：2023年、2024年均没有一般公共预算“三公”经费支出。';
    });
    expect(both.map(where)).toEqual([{ messageId: 'noteContradicted', form: 'T07', path: ['forms', 'T07', 'note'] }]);
    const current = run('struct/empty-form-note', (m) => {
      const t = m.forms.T07;
      if (t) t.current = { total: '2.00', abroad: '2.00' };
    });
    expect(current[0]?.related?.[0]).toMatchObject({ form: 'T07', rowKey: 'current', columnKey: 'total' });
  });
});

describe('struct/unit', () => {
  it('reports a form without its unit', () => {
    const d = run('struct/unit', (m) => delete m.forms.T05?.unit);
    expect(d.map(where)).toEqual([{ messageId: 'missingUnit', form: 'T05', path: ['forms', 'T05', 'unit'] }]);
  });

  it('reports a form in another unit than the document', () => {
    const d = run('struct/unit', (m) => {
      if (m.forms.T11) m.forms.T11.unit = '元';
    });
    expect(d.map(where)).toEqual([{ messageId: 'unitDiffers', form: 'T11', path: ['forms', 'T11', 'unit'] }]);
    expect(d[0]).toMatchObject({ expected: '万元', actual: '元' });
  });

  it('reports a sentence mixing 元 and 万元, at the section', () => {
    const d = run('struct/unit', (m) => {
      section(m, 'procurement').text = '2024年政府采购预算9.90万元，其中政府采购服务预算99000.00元。政府采购货物预算0.00万元。';
    });
    expect(d.map(where)).toEqual([{ messageId: 'mixedUnits', form: 'N', rowKey: 'procurement', columnKey: 'text', path: ['narrative', 'sections', 4, 'text'] }]);
    expect(d[0]?.data.sentence).toBe('2024年政府采购预算9.90万元，其中政府采购服务预算99000.00元');
  });

  it('does not read rates in 元 or words with 元 as sums', () => {
    const d = run('struct/unit', (m) => {
      section(m, 'procurement').text = '公益性岗位补贴资金97.00万元，按每人每月300元标准发放；补助标准1500元，共计12.00万元；岗位补贴200元/人，合计2.40万元；推进多元化服务，共3.00万元。';
    });
    expect(d).toEqual([]);
  });
});

describe('struct/year', () => {
  it('reports the document title of another year', () => {
    const d = run('struct/year', (m) => {
      m.document.title = '2023年淄博高新技术产业开发区人力资源和社会保障中心（先创）部门预算';
    });
    expect(d.map(where)).toEqual([{ messageId: 'titleYear', rowKey: 'title', path: ['document', 'title'] }]);
    expect(d[0]).toMatchObject({ expected: '2024', actual: '2023' });
  });

  it('reports 表七 header years that are not year − 1 and year', () => {
    const d = run('struct/year', (m) => {
      if (m.forms.T07?.years) m.forms.T07.years = { previous: 2022, current: 2024 };
    });
    expect(d.map(where)).toEqual([{ messageId: 'threePublicYear', form: 'T07', rowKey: 'previous', path: ['forms', 'T07', 'years', 'previous'] }]);
  });

  it('reports an asset date that is not the end of last year', () => {
    const d = run('struct/year', (m) => {
      if (m.narrative) m.narrative.assetDate = '2024-12-31';
    });
    expect(d.map(where)).toEqual([{ messageId: 'assetDate', form: 'N', rowKey: 'assets', columnKey: 'assetDate', path: ['narrative', 'assetDate'] }]);
    expect(d[0]).toMatchObject({ expected: '2023-12-31', actual: '2024-12-31' });
  });

  it('accepts another date within last year for other profiles only', () => {
    const later = (m: Disclosure) => {
      if (m.narrative) m.narrative.assetDate = '2023-08-31';
    };
    expect(run('struct/year', later).map((d) => d.messageId)).toEqual(['assetDate']);
    expect(
      run('struct/year', (m) => {
        later(m);
        m.document.profile = 'shanghai';
      }),
    ).toEqual([]);
  });

  it('reports form titles, notes and performance titles of another year', () => {
    const d = run('struct/year', (m) => {
      if (m.forms.T02) m.forms.T02.title = '2023年收入总体情况表';
      if (m.forms.T06) m.forms.T06.note = '注：2023年没有使用一般公共预算拨款安排的基本支出。';
      const p = m.performance[1];
      if (p) p.title = '2023年预算项目支出绩效目标表';
    });
    expect(d.map(where)).toEqual([
      { messageId: 'formTitleYear', form: 'T02', path: ['forms', 'T02', 'title'] },
      { messageId: 'noteYear', form: 'T06', path: ['forms', 'T06', 'note'] },
      { messageId: 'performanceTitleYear', form: 'P', project: '居民养老保险基础养老金（先创基民）', rowKey: 'title', path: ['performance', 1, 'title'] },
    ]);
  });

  it('accepts last year in 表七 notes', () => {
    expect(
      run('struct/year', (m) => {
        if (m.forms.T07) m.forms.T07.note = '注：2023年、2024年均没有一般公共预算“三公”经费支出。';
      }),
    ).toEqual([]);
  });

  it('reports a narrative figure stated for another year once, at the figure', () => {
    const d = run('struct/year', (m) => {
      const n = m.narrative;
      const f = n?.figures[0];
      if (!n || !f) return;
      f.quote = '2025年收入预算10,351.24万元';
      section(m, 'change').text = (section(m, 'change').text ?? '').replace('2024年收入预算', '2025年收入预算');
    });
    expect(d.map(where)).toEqual([{ messageId: 'figureYear', form: 'N', rowKey: 'revenue.total', columnKey: 'value', path: ['narrative', 'figures', 0, 'value'] }]);
    expect(d[0]).toMatchObject({ expected: '2024', actual: '2025' });
  });

  it('reports a budget figure of another year elsewhere in the budget sections', () => {
    const d = run('struct/year', (m) => {
      section(m, 'procurement').text = '2023年政府采购预算9.90万元，其中：政府采购服务预算9.90万元。';
    });
    expect(d.map(where)).toEqual([{ messageId: 'narrativeYear', form: 'N', rowKey: 'procurement', columnKey: 'text', path: ['narrative', 'sections', 4, 'text'] }]);
    expect(d[0]?.data).toMatchObject({ found: 2023, text: '2023年政府采购预算9.90万元' });
  });

  it('does not flag legitimate mentions of last year', () => {
    const d = run('struct/year', (m) => {
      section(m, 'change').text += '2023年收支预算7,825.53万元。较2023年预算增加2,525.71万元。';
      section(m, 'threePublic').text = '2023年“三公”经费预算0.00万元，2024年“三公”经费预算0.00万元，与2023年持平。';
      section(m, 'operatingCost').text += '与2023年预算相比持平。';
      section(m, 'performance').text += '根据2023年预算执行情况和2022年绩效评价结果，优化2024年预算安排。';
      section(m, 'assets').text += '截至2023年12月31日，本部门无车辆。较上年（2023年）预算无变化。';
      section(m, 'overview').text += '2025年将完成2025年预算绩效管理改革。';
    });
    expect(d).toEqual([]);
  });

  it('reports a future year in the budget sections even where last year is allowed', () => {
    const d = run('struct/year', (m) => {
      section(m, 'change').text += '2025年预算安排继续增加。';
    });
    expect(d.map((x) => [x.messageId, x.location.rowKey, x.data.found])).toEqual([['narrativeYear', 'change', 2025]]);
  });
});

describe('struct/sections', () => {
  it('reports a missing section', () => {
    const d = run('struct/sections', (m) => {
      if (m.narrative) m.narrative.sections = m.narrative.sections.filter((s) => s.key !== 'assets');
    });
    expect(d.map(where)).toEqual([{ messageId: 'missingSection', form: 'N', rowKey: 'assets', path: ['narrative', 'sections'] }]);
  });

  it('reports 部门概况 and 名词解释 missing, and a section without text', () => {
    const d = run('struct/sections', (m) => {
      if (m.narrative) m.narrative.sections = m.narrative.sections.filter((s) => s.key !== 'overview' && s.key !== 'glossary');
      delete section(m, 'threePublic').text;
    });
    expect(d.map(where)).toEqual([
      { messageId: 'missingSection', form: 'N', rowKey: 'glossary', path: ['narrative', 'sections'] },
      { messageId: 'missingSection', form: 'N', rowKey: 'overview', path: ['narrative', 'sections'] },
      { messageId: 'emptySection', form: 'N', rowKey: 'threePublic', path: ['narrative', 'sections', 1] },
    ]);
  });

  it('does not check a model without narrative (forms only)', () => {
    expect(run('struct/sections', (m) => delete m.narrative)).toEqual([]);
  });
});

describe('struct/unit-name', () => {
  it('accepts the unit name without its parenthesised suffix (the reference P tables)', () => {
    const m = referenceDisclosure();
    expect(m.performance[0]?.department).toBe('淄博高新技术产业开发区人力资源和社会保障中心');
    expect(run('struct/unit-name')).toEqual([]);
  });

  it('reports another name in the title', () => {
    const d = run('struct/unit-name', (m) => {
      m.document.title = '2024年淄博高新技术产业开发区人力资源和社会保障局部门预算';
    });
    expect(d.map(where)).toEqual([{ messageId: 'titleName', rowKey: 'title', path: ['document', 'title'] }]);
    expect(d[0]?.data.found).toBe('淄博高新技术产业开发区人力资源和社会保障局');
  });

  it('reads the name out of titles with the year before or after it', () => {
    const d = run('struct/unit-name', (m) => {
      m.document.title = '淄博高新技术产业开发区人力资源和社会保障中心（先创）2024年部门预算';
    });
    expect(d).toEqual([]);
  });

  it('reports another 主管部门 or 实施单位 in a performance table', () => {
    const d = run('struct/unit-name', (m) => {
      const p = m.performance[2];
      if (p) {
        p.department = '淄博高新技术产业开发区财政金融局';
        p.implementer = '淄博高新技术产业开发区人力资源和社会保障中心（齐鲁）';
      }
    });
    expect(d.map(where)).toEqual([
      { messageId: 'departmentName', form: 'P', project: '居民养老保险缴费补贴（先创基民）', rowKey: 'department', path: ['performance', 2, 'department'] },
      { messageId: 'implementerName', form: 'P', project: '居民养老保险缴费补贴（先创基民）', rowKey: 'implementer', path: ['performance', 2, 'implementer'] },
    ]);
  });

  it('accepts the unit’s department as 主管部门 when the model names it', () => {
    const d = run('struct/unit-name', (m) => {
      m.unit.department = '淄博高新技术产业开发区管理委员会';
      const p = m.performance[0];
      if (p) p.department = '淄博高新技术产业开发区管理委员会';
    });
    expect(d).toEqual([]);
  });

  it('reports a name with another suffix or a near variant in the text, not an abbreviation or an aside', () => {
    const d = run('struct/unit-name', (m) => {
      section(m, 'operatingCost').text = '淄博高新技术产业开发区人力资源和社会保障中心（齐鲁）部门为事业单位。';
      section(m, 'performance').text = '淄博高新技术产业开发区人力资源社会保障中心2024年项目支出全面实施绩效目标管理。';
      section(m, 'change').text = '淄博高新技术产业开发区人力资源和社会保障中心（以下简称中心）及本中心、人社中心的收入和支出均纳入部门预算管理。';
    });
    expect(d.map(where)).toEqual([
      { messageId: 'textName', form: 'N', rowKey: 'operatingCost', columnKey: 'text', path: ['narrative', 'sections', 3, 'text'] },
      { messageId: 'textName', form: 'N', rowKey: 'performance', columnKey: 'text', path: ['narrative', 'sections', 6, 'text'] },
    ]);
    expect(d.map((x) => x.data.found)).toEqual(['淄博高新技术产业开发区人力资源和社会保障中心（齐鲁）', '淄博高新技术产业开发区人力资源社会保障中心']);
  });

  it('reads the notes under the forms', () => {
    const d = run('struct/unit-name', (m) => {
      if (m.forms.T10) m.forms.T10.note = '注：淄博高新技术产业开发区人力资源和社会保障中心（齐鲁）2024年没有基本支出预算。';
    });
    expect(d.map(where)).toEqual([{ messageId: 'textName', form: 'T10', path: ['forms', 'T10', 'note'] }]);
  });
});
