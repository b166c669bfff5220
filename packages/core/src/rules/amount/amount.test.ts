import { describe, expect, it } from 'vitest';
import { renderTemplate, type Diagnostic } from '../../diagnostics/types.js';
import { DisclosureSchema, type Disclosure } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { checkDisclosure, renderMessage } from '../check.js';
import { runRules } from '../engine/run.js';
import type { AnyRule, CheckOptions } from '../engine/types.js';
import rollup from '../sum/rollup.js';
import { amountCells } from './_shared.js';
import { AMOUNT_RULES } from './index.js';

function rule(id: string): AnyRule {
  const r = AMOUNT_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

function mutated(mutate: (m: Disclosure) => void): Disclosure {
  const m = referenceDisclosure();
  mutate(m);
  return DisclosureSchema.parse(m);
}

function run(id: string, mutate: (m: Disclosure) => void = () => {}, options: CheckOptions = {}): Diagnostic[] {
  return runRules(mutated(mutate), [rule(id)], options).diagnostics.filter((d) => d.ruleId === id);
}

function where(d: Diagnostic) {
  const { form, rowKey, columnKey, path, project } = d.location;
  return { messageId: d.messageId, form, rowKey, columnKey, project, path };
}

const T01_OTHER = { form: 'T01', rowKey: 'expense.229', columnKey: 'amount', path: ['forms', 'T01', 'expense', 20, 'values', 'amount'] };

describe('amount/* on the reference disclosure', () => {
  it('reports only 表一’s 0.00 among blanks, as a warning', () => {
    const d = runRules(referenceDisclosure(), AMOUNT_RULES).diagnostics;
    expect(d.map(where)).toEqual([{ messageId: 'explicitZero', ...T01_OTHER }]);
    expect(d.map((x) => x.severity)).toEqual(['warning']);
    expect(renderMessage(d[0] as Diagnostic)).toBe('表一 收支总体情况表 › 二十一、其他支出 › 预算数 显示为 0.00，而同列其他 21 个零值为空白');
  });

  it('gives the same single amount/* finding with every registered rule', () => {
    const d = checkDisclosure(referenceDisclosure()).diagnostics.filter((x) => x.ruleId.startsWith('amount/'));
    expect(d.map((x) => [x.ruleId, x.severity, x.location.rowKey])).toEqual([['amount/zero-style', 'warning', 'expense.229']]);
  });

  it('walks every amount cell of the forms and of the 项目资金', () => {
    const cells = amountCells(referenceDisclosure());
    const t03 = cells.filter((c) => c.form === 'T03');
    expect(t03).toHaveLength((17 + 1) * 4);
    expect(cells.filter((c) => c.form === 'P')).toHaveLength(8 * 3);
    expect(cells.filter((c) => c.form === 'T07').map((c) => c.column)).toContain('previous.reception');
  });
});

describe('amount/not-a-number', () => {
  const unreadable: Diagnostic = {
    ruleId: 'amount/not-a-number',
    severity: 'error',
    messageId: 'notANumber',
    data: { text: '#REF!' },
    location: { form: 'T03', rowKey: '2080107', columnKey: 'project', path: ['forms', 'T03', 'rows', 2, 'values', 'project'] },
  };
  const blank = (m: Disclosure) => {
    const row = m.forms.T03?.rows[2];
    if (row) delete row.values.project;
  };

  it('finds nothing on a model', () => {
    expect(run('amount/not-a-number', blank)).toEqual([]);
  });

  it('passes the readers’ findings through and blocks the figure in the sums', () => {
    const m = mutated(blank);
    expect(runRules(m, [rollup]).diagnostics.length).toBeGreaterThan(0);
    const d = runRules(m, [rule('amount/not-a-number'), rollup], { readDiagnostics: [unreadable] }).diagnostics;
    expect(d.map(where)).toEqual([{ messageId: 'notANumber', form: 'T03', rowKey: '2080107', columnKey: 'project', path: ['forms', 'T03', 'rows', 2, 'values', 'project'] }]);
    expect(renderMessage(d[0] as Diagnostic)).toBe('金额单元格不是数字：“#REF!”');
    expect(renderMessage(d[0] as Diagnostic, 'en')).toBe('An amount cell is not a number: "#REF!"');
  });
});

describe('amount/precision', () => {
  it('reports an amount with more than two decimals, at its cell', () => {
    const d = run('amount/precision', (m) => {
      const row = m.forms.T03?.rows[2];
      if (row) row.values.total = '8.005';
      const p = m.performance[0];
      if (p) p.funds.other = '0.000';
    });
    expect(d.map(where)).toEqual([
      { messageId: 'tooManyDecimals', form: 'T03', rowKey: '2080107', columnKey: 'total', path: ['forms', 'T03', 'rows', 2, 'values', 'total'] },
      { messageId: 'tooManyDecimals', form: 'P', rowKey: 'funds', columnKey: 'other', project: '创业担保贷款贴息（先创区）', path: ['performance', 0, 'funds', 'other'] },
    ]);
    expect(d[1]?.data.where).toBe('绩效目标表（创业担保贷款贴息（先创区）） › 项目资金 › 其他资金');
  });

  it('reads the narrative’s money figures but not its counts', () => {
    const d = run('amount/precision', (m) => {
      const figures = m.narrative?.figures ?? [];
      const procurement = figures.find((f) => f.key === 'procurement.total');
      if (procurement) procurement.value = '9.901';
      const projects = figures.find((f) => f.key === 'performance.projects');
      if (projects) projects.value = '8.125';
    });
    expect(d.map(where)).toEqual([{ messageId: 'tooManyDecimals', form: 'N', rowKey: 'procurement.total', columnKey: 'value', path: ['narrative', 'figures', 11, 'value'] }]);
    expect(d[0]?.data.where).toBe('说明 › 政府采购预算');
  });
});

describe('amount/negative', () => {
  it('reports a negative amount in a form, at its cell', () => {
    const d = run('amount/negative', (m) => {
      const row = m.forms.T11?.rows[0];
      if (row) row.values.unitFunds = '-1.00';
    });
    expect(d.map(where)).toEqual([{ messageId: 'negative', form: 'T11', rowKey: '创业担保贷款贴息（先创区）', columnKey: 'unitFunds', path: ['forms', 'T11', 'rows', 0, 'values', 'unitFunds'] }]);
    expect(d[0]?.actual).toBe('-1.00');
  });

  it('allows negative changes in the narrative, not negative budget figures, nor -0.00', () => {
    const d = run('amount/negative', (m) => {
      const figures = m.narrative?.figures ?? [];
      for (const f of figures) {
        if (f.key === 'change.total' || f.key === 'change.expense.project') f.value = `-${f.value}`;
        if (f.key === 'procurement.goods') f.value = '-0.00';
        if (f.key === 'change.budget') f.value = '-10351.24';
      }
      const t07 = m.forms.T07;
      if (t07) t07.current = { total: '-0.00' };
    });
    expect(d.map(where)).toEqual([{ messageId: 'negative', form: 'N', rowKey: 'change.budget', columnKey: 'value', path: ['narrative', 'figures', 4, 'value'] }]);
  });
});

describe('amount/zero-style', () => {
  it('finds nothing once 表一’s 0.00 is blank like the rest of its column', () => {
    expect(run('amount/zero-style', (m) => delete m.forms.T01?.expense[20]?.values.amount)).toEqual([]);
  });

  it('reports the minority style of a column, with majority cells as related locations', () => {
    const d = run('amount/zero-style', (m) => {
      delete m.forms.T01?.expense[20]?.values.amount;
      const p = m.performance[3];
      if (p) delete p.funds.other;
    });
    expect(d.map(where)).toEqual([{ messageId: 'blankZero', form: 'P', rowKey: 'funds', columnKey: 'other', project: '机关养老保险财政补助（先创基民）', path: ['performance', 3, 'funds', 'other'] }]);
    expect(d[0]?.data.count).toBe(7);
    expect(d[0]?.related).toHaveLength(3);
  });

  it('compares zeros within one column only', () => {
    const d = run('amount/zero-style', (m) => {
      delete m.forms.T01?.expense[20]?.values.amount;
      const t = m.forms.T05;
      if (t) for (const row of t.rows) row.values.basic = '0.00';
      const total = t?.total;
      if (total) total.values.basic = '0.00';
    });
    expect(d).toEqual([]);
  });

  it('treats 表四’s columns and 表七’s years as columns of their own', () => {
    const d = run('amount/zero-style', (m) => {
      const row = m.forms.T04?.expense[20];
      if (row) row.values.gpb = '0.00';
      const t07 = m.forms.T07;
      if (t07) t07.current = { abroad: '0.00' };
    });
    expect(d.map((x) => [x.messageId, x.location.form, x.location.rowKey, x.location.columnKey])).toEqual([
      ['explicitZero', 'T01', 'expense.229', 'amount'],
      ['explicitZero', 'T04', 'expense.229', 'gpb'],
    ]);
  });
});

describe('amount/* messages', () => {
  it('fill every placeholder in both languages', () => {
    const m = mutated((x) => {
      const row = x.forms.T03?.rows[2];
      if (row) row.values = { total: '-8.005', project: '8.00' };
      const p = x.performance[3];
      if (p) delete p.funds.other;
    });
    const d = runRules(m, AMOUNT_RULES).diagnostics;
    expect(new Set(d.map((x) => x.messageId))).toEqual(new Set(['tooManyDecimals', 'negative', 'explicitZero', 'blankZero']));
    for (const x of d) {
      const template = rule(x.ruleId).messages[x.messageId];
      expect(template).toBeDefined();
      for (const lang of ['zh-CN', 'en'] as const) expect(renderTemplate(template ?? { 'zh-CN': '', en: '' }, lang, x.data)).not.toMatch(/\{\w+\}/);
    }
  });
});
