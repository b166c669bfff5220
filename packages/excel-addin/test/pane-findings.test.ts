// Grouping, filtering and wording of the findings list, and the pure plans
// behind generate / template / report.
import { checkGrids, type Diagnostic, type SheetSpec } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../src/host.js';
import { cellRef, groupFindings, groupLabel } from '../src/pane/findings.js';
import { officeStatus } from '../src/pane/office.js';
import { generationPlan, ownedConflicts, renamedSheets, sourceGrids, suffixedName } from '../src/pane/plans.js';
import { defectiveGrids, referenceGrids } from './pane-fixtures.js';

const diagnostics: readonly Diagnostic[] = checkGrids(defectiveGrids()).diagnostics;

describe('groupFindings', () => {
  it('groups by form in form order, then by severity, with counts', () => {
    const groups = groupFindings(diagnostics, 'all', 'zh-CN');
    expect(groups.map((g) => g.key)).toEqual(['T01', 'T03', 'T05', 'P']);
    expect(groups.map((g) => g.label)).toEqual(['表一 收支总体情况表', '表三 支出总体情况表', '表五 一般公共预算支出情况表', '绩效目标表']);
    const perf = groups.find((g) => g.key === 'P');
    expect(perf?.counts).toEqual({ error: 10, warning: 11, info: 0 });
    expect(perf?.bySeverity.map((s) => [s.severity, s.findings.length])).toEqual([
      ['error', 10],
      ['warning', 11],
    ]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(diagnostics.length);
  });

  it('filters by severity', () => {
    const errors = groupFindings(diagnostics, 'error', 'zh-CN');
    expect(errors.map((g) => g.key)).toEqual(['T03', 'T05', 'P']);
    expect(errors.every((g) => g.bySeverity.every((s) => s.severity === 'error'))).toBe(true);
    const warnings = groupFindings(diagnostics, 'warning', 'zh-CN');
    expect(warnings.map((g) => g.key)).toEqual(['T01', 'P']);
  });

  it('says where each finding is: the place within the form and the cell', () => {
    const t03 = groupFindings(diagnostics, 'all', 'zh-CN').find((g) => g.key === 'T03')?.bySeverity[0]?.findings[0];
    expect(t03?.place).toBe('2080107');
    expect(t03?.cellRef).toBe("'表3 支出总体情况表'!E8");
    expect(t03?.message).toMatch(/^表三 支出总体情况表 › 2080107 › 合计 为 9\.00/);
    const perf = groupFindings(diagnostics, 'error', 'zh-CN').find((g) => g.key === 'P')?.bySeverity[0]?.findings[0];
    expect(perf?.place).toMatch(/^创业担保贷款贴息（先创区） › /);
  });

  it('speaks English when asked', () => {
    const groups = groupFindings(diagnostics, 'all', 'en');
    expect(groups.map((g) => g.label)).toEqual(['Form 1', 'Form 3', 'Form 5', 'Performance tables']);
    expect(groups[1]?.bySeverity[0]?.findings[0]?.message).toMatch(/ is 9\.00; /);
    expect(groupLabel('N', 'zh-CN')).toBe('说明');
    expect(groupLabel('other', 'zh-CN')).toBe('工作簿');
  });

  it('quotes sheet names in cell references as Excel does', () => {
    expect(cellRef('Sheet1', 'A1')).toBe('Sheet1!A1');
    expect(cellRef("Bob's 表", 'B2')).toBe("'Bob''s 表'!B2");
  });
});

describe('plans', () => {
  const spec = (name: string): SheetSpec => ({ name, rows: [] });
  const snapshot: WorkbookSnapshot = {
    grids: [
      { name: '表1 收支总体情况表', rows: [] },
      { name: '表1 收支总体情况表 (2)', rows: [] },
      { name: '表2 收入总体情况表', rows: [] },
      { name: '校验报告', rows: [] },
      { name: '单位信息', rows: [] },
    ],
    owned: [
      { name: '表1 收支总体情况表 (2)', kind: 'forms' },
      { name: '校验报告', kind: 'report' },
      { name: '单位信息', kind: 'template' },
    ],
  };

  it('validates the user’s sheets and the filled-in template, not the add-in’s output', () => {
    expect(sourceGrids(snapshot).map((g) => g.name)).toEqual(['表1 收支总体情况表', '表2 收入总体情况表', '单位信息']);
    const onlyGenerated: WorkbookSnapshot = { grids: [{ name: 'F', rows: [] }], owned: [{ name: 'F', kind: 'forms' }] };
    expect(sourceGrids(onlyGenerated).map((g) => g.name)).toEqual(['F']);
  });

  it('predicts which add-in sheets a write would replace, as the host places sheets', () => {
    expect(suffixedName('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', 2)).toHaveLength(31);
    // 表1 is the user's: its regeneration goes to the add-in's 表1 (2); 表2 is the user's and has no copy yet.
    expect(ownedConflicts([spec('表1 收支总体情况表'), spec('表2 收入总体情况表'), spec('表3 支出总体情况表')], snapshot)).toEqual(['表1 收支总体情况表 (2)']);
    expect(ownedConflicts([spec('校验报告')], snapshot)).toEqual(['校验报告']);
    expect(ownedConflicts([spec('单位信息')], snapshot)).toEqual(['单位信息']);
    expect(ownedConflicts([spec('新表')], snapshot)).toEqual([]);
    // A free name comes first: nothing is replaced.
    const gap: WorkbookSnapshot = { grids: [{ name: 'A', rows: [] }, { name: 'A (3)', rows: [] }], owned: [{ name: 'A (3)', kind: 'forms' }] };
    expect(ownedConflicts([spec('A')], gap)).toEqual([]);
    expect(renamedSheets([spec('A'), spec('B')], ['A', 'B (2)'])).toEqual(['B (2)']);
  });

  it('generates from the forms found, and from nothing when there are none', () => {
    const plan = generationPlan({ grids: referenceGrids(), owned: [] });
    expect(plan.ok && plan.source).toBe('forms');
    expect(plan.ok && plan.sheets.length).toBe(13);
    expect(generationPlan({ grids: [{ name: 'S', rows: [['x']] }], owned: [] }).ok).toBe(false);
  });
});

describe('officeStatus', () => {
  const office = (version: number) => ({ context: { requirements: { isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= version } } });
  it('needs Excel with ExcelApi 1.13', () => {
    expect(officeStatus(office(13))).toBe('ready');
    expect(officeStatus(office(12))).toBe('unsupported');
    expect(officeStatus(office(13), 'Word')).toBe('missing');
    expect(officeStatus(undefined)).toBe('missing');
    expect(officeStatus({})).toBe('unsupported');
  });
});
