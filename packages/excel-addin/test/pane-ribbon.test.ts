// The ribbon's function commands (校验, 生成报表) against the in-memory host, and
// the payload they hand to the result dialog. (In Chromium over the fake Excel:
// browser-pane.test.ts.)
import { describe, expect, it } from 'vitest';
import { ExcelHostError } from '../src/excel/errors.js';
import { t } from '../src/pane/i18n.js';
import { decodePayload, encodePayload, generateCommand, validateCommand, type ResultPayload } from '../src/pane/ribbon.js';
import { MemoryHost } from './pane-memory-host.js';
import { CHANGED_CELL, defectiveGrids, referenceGrids, T03_SHEET } from './pane-fixtures.js';

describe('校验 (validate command)', () => {
  it('replaces the marks with the findings’ cells, selects the first error and summarises', async () => {
    const host = new MemoryHost(defectiveGrids());
    host.marks.add('stale!A1');
    const payload = await validateCommand(host, 'zh-CN');
    expect(host.calls).toEqual(['snapshot', 'clearMarks', 'mark', 'select']);
    expect(host.marks.has('stale!A1')).toBe(false);
    expect(host.marks.has(`${T03_SHEET}!${CHANGED_CELL}`)).toBe(true);
    expect(host.selection).toEqual({ sheet: T03_SHEET, cell: CHANGED_CELL });
    expect(payload.tone).toBe('error');
    expect(payload.lines).toEqual(['错误 12 个，警告 12 个，提示 0 个。', `已标记 ${host.marks.size} 个问题单元格，并选中了 '${T03_SHEET}'!${CHANGED_CELL}。`]);
    expect(payload.items).toHaveLength(3);
    expect(payload.items?.[0]).toMatch(/^表三 支出总体情况表 › 2080107 › 合计 为 9\.00.*（'表3 支出总体情况表'!E8）$/);
  });

  it('reports a failure in words', async () => {
    const host = new MemoryHost(referenceGrids());
    host.failNext = { method: 'snapshot', error: new ExcelHostError('AccessDenied') };
    const payload = await validateCommand(host, 'en');
    expect(payload).toEqual({ lang: 'en', title: 'Check result', tone: 'error', lines: [new ExcelHostError('AccessDenied').userMessage('en')] });
  });
});

describe('生成报表 (generate command)', () => {
  it('writes the forms as new sheets and never replaces anything', async () => {
    const host = new MemoryHost(referenceGrids());
    const first = await generateCommand(host, 'zh-CN');
    expect(first.lines).toEqual(['已由现有报表生成 13 张工作表。', t('zh-CN', 'renamedSheets')]);
    expect(first.items?.[0]).toBe('表1 收支总体情况表 (2)');
    const second = await generateCommand(host, 'zh-CN');
    expect(second.items?.[0]).toBe('表1 收支总体情况表 (3)');
    expect(host.sheets).toHaveLength(13 * 3);
  });

  it('says when there is nothing to generate from', async () => {
    const payload = await generateCommand(new MemoryHost([{ name: 'Sheet1', rows: [] }]), 'zh-CN');
    expect(payload.lines).toEqual([t('zh-CN', 'nothingToGenerate')]);
  });
});

describe('result payload', () => {
  it('travels in a URL fragment and back, Chinese included', () => {
    const payload: ResultPayload = { lang: 'zh-CN', title: '校验结果', tone: 'info', lines: ['错误 0 个'], listTitle: '前几个问题：', items: ['“表三” › 2080107'], footer: ['完'] };
    const fragment = encodePayload(payload);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePayload(`#${fragment}`)).toEqual(payload);
  });

  it('rejects what is not a payload', () => {
    expect(decodePayload('#not-base64!')).toBeUndefined();
    expect(decodePayload(`#${Buffer.from('{"title":1}').toString('base64url')}`)).toBeUndefined();
    expect(decodePayload(`#${Buffer.from('{"title":"x","lines":["a",2],"lang":"en","tone":"<b>"}').toString('base64url')}`)).toEqual({ lang: 'en', title: 'x', tone: 'info', lines: ['a'], items: [], footer: [] });
  });
});
