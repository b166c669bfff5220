import { describe, expect, it } from 'vitest';
import { renderTemplate, type Diagnostic } from '../../diagnostics/types.js';
import { DisclosureSchema, type Disclosure } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { checkDisclosure } from '../check.js';
import { defaultCatalogs, runRules } from '../engine/run.js';
import type { AnyRule, CheckOptions } from '../engine/types.js';
import rollup from '../sum/rollup.js';
import { CODE_RULES } from './index.js';

function rule(id: string): AnyRule {
  const r = CODE_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

function mutated(mutate: (m: Disclosure) => void): Disclosure {
  const m = referenceDisclosure();
  mutate(m);
  return DisclosureSchema.parse(m);
}

/** Runs one rule on a mutated copy of the reference and returns its findings. */
function run(id: string, mutate: (m: Disclosure) => void = () => {}, options: CheckOptions = {}): Diagnostic[] {
  return runRules(mutated(mutate), [rule(id)], options).diagnostics.filter((d) => d.ruleId === id);
}

function where(d: Diagnostic) {
  const { form, rowKey, columnKey, path } = d.location;
  return { messageId: d.messageId, form, rowKey, columnKey, path };
}

type Row = Disclosure['forms']['T03'] extends infer T ? (T extends { rows: (infer R)[] } ? R : never) : never;

function t03(m: Disclosure): Row[] {
  const t = m.forms.T03;
  if (!t) throw new Error('no T03');
  return t.rows;
}

describe('code/* on the reference disclosure', () => {
  it('finds nothing with the code rules alone', () => {
    expect(runRules(referenceDisclosure(), CODE_RULES).diagnostics).toEqual([]);
  });

  it('gives no code/* error with every registered rule, and no unknown code', () => {
    const d = checkDisclosure(referenceDisclosure()).diagnostics.filter((x) => x.ruleId.startsWith('code/'));
    expect(d).toEqual([]);
  });

  it('fills every placeholder of every message in both languages', () => {
    const m = mutated((x) => {
      const rows = t03(x);
      rows[2] = { ...rows[2], code: '2080150', name: '其他', values: {} } as Row;
      rows[3] = { ...rows[3], name: '信息化' } as Row;
      rows.push({ code: '2130804', name: '创业担保贷款贴息及奖补', values: {} }, { code: '301', name: '工资福利支出', values: {} });
      const e = x.forms.T01?.expense;
      if (e?.[6]) e[6].label = '八、社会保障和就业支出';
    });
    const d = runRules(m, CODE_RULES).diagnostics;
    expect(new Set(d.map((x) => x.ruleId)).size).toBe(5);
    for (const x of d) {
      const template = rule(x.ruleId).messages[x.messageId];
      expect(template, x.messageId).toBeDefined();
      for (const lang of ['zh-CN', 'en'] as const) expect(renderTemplate(template ?? { 'zh-CN': '', en: '' }, lang, x.data)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('code/hierarchy', () => {
  it('reports a missing 款 once, at its first 项', () => {
    const d = run('code/hierarchy', (m) => {
      t03(m).splice(1, 1);
    });
    expect(d.map(where)).toEqual([{ messageId: 'missingParent', form: 'T03', rowKey: '2080107', path: ['forms', 'T03', 'rows', 1] }]);
    expect(d[0]?.data).toMatchObject({ parent: '20801', level: '款' });
  });

  it('reports a 项 printed before its 款, with the 款 as related location', () => {
    const d = run('code/hierarchy', (m) => {
      const rows = t03(m);
      const [kuan, item] = [rows[1], rows[2]] as [Row, Row];
      rows[1] = item;
      rows[2] = kuan;
    });
    expect(d.map(where)).toEqual([{ messageId: 'outOfOrder', form: 'T03', rowKey: '2080107', path: ['forms', 'T03', 'rows', 1] }]);
    expect(d[0]?.related).toEqual([{ form: 'T03', rowKey: '20801', path: ['forms', 'T03', 'rows', 2] }]);
  });

  it('reports a 款 standing in the block of another 类', () => {
    const d = run('code/hierarchy', (m) => {
      const rows = t03(m);
      const moved = rows.splice(1, 5);
      rows.push(...moved);
    });
    expect(d.map(where)).toEqual([{ messageId: 'outOfOrder', form: 'T03', rowKey: '20801', path: ['forms', 'T03', 'rows', 12] }]);
  });

  it('reports function rows that do not reach 项', () => {
    const d = run('code/hierarchy', (m) => {
      m.forms.T05?.rows.splice(7, 1);
    });
    expect(d.map(where)).toEqual([{ messageId: 'functionDepth', form: 'T05', rowKey: '20805', path: ['forms', 'T05', 'rows', 6] }]);
  });

  it('reports economic rows that do not reach 款, and codes of the wrong catalogue', () => {
    const d = run('code/hierarchy', (m) => {
      const t = m.forms.T06;
      if (!t) return;
      t.rows = [
        { department: { code: '301', name: '工资福利支出' }, government: { code: '501', name: '机关工资福利支出' }, values: { basic: '1.00' } },
        { department: { code: '302', name: '商品和服务支出' }, values: { basic: '1.00' } },
        { department: { code: '30201', name: '办公费' }, government: { code: '30201', name: '办公费' }, values: { basic: '1.00' } },
      ];
      t03(m).push({ code: '301', name: '工资福利支出', values: {} });
    });
    expect(d.map(where)).toEqual([
      { messageId: 'wrongKind', form: 'T03', rowKey: '301', path: ['forms', 'T03', 'rows', 17] },
      { messageId: 'economicDepth', form: 'T06', rowKey: '301/501', path: ['forms', 'T06', 'rows', 0] },
      { messageId: 'wrongKind', form: 'T06', rowKey: '30201/30201', path: ['forms', 'T06', 'rows', 2] },
    ]);
  });
});

describe('code/duplicate', () => {
  it('reports the second occurrence, with the first as related location', () => {
    const d = run('code/duplicate', (m) => {
      const rows = t03(m);
      rows.splice(3, 0, { ...(rows[2] as Row) });
    });
    expect(d.map(where)).toEqual([{ messageId: 'duplicate', form: 'T03', rowKey: '2080107', path: ['forms', 'T03', 'rows', 3] }]);
    expect(d[0]?.related).toEqual([{ form: 'T03', rowKey: '2080107', path: ['forms', 'T03', 'rows', 2] }]);
  });

  it('takes the duplicated row out of the sums instead of cascading errors', () => {
    const m = mutated((x) => {
      const rows = t03(x);
      rows.splice(3, 0, { ...(rows[2] as Row) });
    });
    const alone = runRules(m, [rollup]).diagnostics;
    expect(alone.filter((d) => d.ruleId === 'sum/rollup').length).toBeGreaterThan(0);
    const both = runRules(m, [rule('code/duplicate'), rollup]).diagnostics;
    expect(both.map((d) => d.ruleId)).toEqual(['code/duplicate']);
  });

  it('keys the economic forms by the pair of codes', () => {
    const d = run('code/duplicate', (m) => {
      const t = m.forms.T06;
      if (!t) return;
      t.rows = [
        { department: { code: '301', name: '工资福利支出' }, values: {} },
        { department: { code: '30101', name: '基本工资' }, government: { code: '50101', name: '工资奖金津补贴' }, values: {} },
        { department: { code: '30101', name: '基本工资' }, government: { code: '50501', name: '工资福利支出' }, values: {} },
        { department: { code: '30101', name: '基本工资' }, government: { code: '50101', name: '工资奖金津补贴' }, values: {} },
      ];
    });
    expect(d.map(where)).toEqual([{ messageId: 'duplicate', form: 'T06', rowKey: '30101/50101', path: ['forms', 'T06', 'rows', 3] }]);
  });

  it('reports a repeated row of 表一 and blocks it', () => {
    const d = run('code/duplicate', (m) => {
      const e = m.forms.T01?.expense;
      const row = e?.[6];
      if (e && row) e.splice(7, 0, { ...row });
    });
    expect(d.map(where)).toEqual([{ messageId: 'duplicate', form: 'T01', rowKey: 'expense.208', path: ['forms', 'T01', 'expense', 7] }]);
  });
});

describe('code/name-mismatch', () => {
  it('reports a name that differs from the catalogue, at the name', () => {
    const d = run('code/name-mismatch', (m) => {
      const row = t03(m)[2];
      if (row) row.name = '社会保险业务管理';
    });
    expect(d.map(where)).toEqual([{ messageId: 'nameMismatch', form: 'T03', rowKey: '2080107', columnKey: 'name', path: ['forms', 'T03', 'rows', 2, 'name'] }]);
    expect(d[0]).toMatchObject({ expected: '社会保险业务管理事务', actual: '社会保险业务管理' });
  });

  it('ignores whitespace, full-width letters and ASCII parentheses', () => {
    const d = run('code/name-mismatch', (m) => {
      const rows = t03(m);
      if (rows[2]) rows[2].name = '社会保险　业务 管理事务';
      if (rows[5]) rows[5].name = '其他人力资源和社会保障管理事务支出 ';
    });
    expect(d).toEqual([]);
  });

  it('checks both economic names against their own catalogues', () => {
    const d = run('code/name-mismatch', (m) => {
      const t = m.forms.T06;
      if (!t) return;
      t.rows = [
        { department: { code: '301', name: '工资福利支出' }, values: {} },
        { department: { code: '30101', name: '基本工资' }, government: { code: '50101', name: '工资津补贴' }, values: {} },
      ];
    });
    expect(d.map(where)).toEqual([{ messageId: 'nameMismatch', form: 'T06', rowKey: '30101/50101', columnKey: 'government.name', path: ['forms', 'T06', 'rows', 1, 'government', 'name'] }]);
  });
});

describe('code/unknown', () => {
  const unknownItem = (m: Disclosure) => {
    const row = t03(m)[5];
    if (row) row.code = '2080150';
  };

  it('warns about a code missing from the bundled catalogue', () => {
    const d = run('code/unknown', unknownItem);
    expect(d.map(where)).toEqual([{ messageId: 'unknown', form: 'T03', rowKey: '2080150', columnKey: 'code', path: ['forms', 'T03', 'rows', 5] }]);
    expect(d[0]?.severity).toBe('warning');
  });

  it('says "not in the loaded catalogue" with an official catalogue; configuration makes it an error', () => {
    const catalogs = { ...defaultCatalogs(), official: true };
    const d = run('code/unknown', unknownItem, { catalogs });
    expect(d.map((x) => [x.messageId, x.severity])).toEqual([['unknownOfficial', 'warning']]);
    const strict = run('code/unknown', unknownItem, { catalogs, severities: { 'code/unknown': 'error' } });
    expect(strict.map((x) => [x.messageId, x.severity])).toEqual([['unknownOfficial', 'error']]);
  });

  it('leaves codes of the wrong catalogue to code/hierarchy', () => {
    expect(run('code/unknown', (m) => t03(m).push({ code: '301', name: '工资福利支出', values: {} }))).toEqual([]);
  });
});

describe('code/class-row', () => {
  it('reports a wrong class name, at the label', () => {
    const d = run('code/class-row', (m) => {
      const row = m.forms.T01?.expense[6];
      if (row) row.label = '七、卫生健康支出';
    });
    expect(d.map(where)).toEqual([{ messageId: 'wrongName', form: 'T01', rowKey: 'expense.208', columnKey: 'label', path: ['forms', 'T01', 'expense', 6, 'label'] }]);
    expect(d[0]).toMatchObject({ expected: '社会保障和就业支出', actual: '七、卫生健康支出' });
  });

  it('ignores whitespace and accepts labels without numbering; reports wrong numbering', () => {
    const ok = run('code/class-row', (m) => {
      const e = m.forms.T04?.expense;
      if (e?.[6]) e[6].label = '七、 社会保障和 就业支出';
      if (e?.[10]) e[10].label = '农林水支出';
    });
    expect(ok).toEqual([]);
    const d = run('code/class-row', (m) => {
      const row = m.forms.T04?.expense[6];
      if (row) row.label = '八、社会保障和就业支出';
    });
    expect(d.map(where)).toEqual([{ messageId: 'wrongNumber', form: 'T04', rowKey: 'expense.208', columnKey: 'label', path: ['forms', 'T04', 'expense', 6, 'label'] }]);
  });

  it('reports one moved class row as out of order', () => {
    const d = run('code/class-row', (m) => {
      const e = m.forms.T04?.expense;
      if (!e) return;
      const [last] = e.splice(20, 1);
      if (last) e.splice(2, 0, last);
    });
    expect(d.map(where)).toEqual([{ messageId: 'wrongOrder', form: 'T04', rowKey: 'expense.229', columnKey: 'label', path: ['forms', 'T04', 'expense', 2, 'label'] }]);
  });

  it('reports a missing class row', () => {
    const d = run('code/class-row', (m) => {
      m.forms.T01?.expense.splice(1, 1);
    });
    expect(d.map(where)).toEqual([{ messageId: 'missingClass', form: 'T01', rowKey: 'expense.202', path: ['forms', 'T01', 'expense'] }]);
  });
});
