import type { Location } from '../../diagnostics/types.js';
import { classRowLabel, FUNCTION_CLASSES, type FunctionClassCode } from '../../model/columns.js';
import { profileById } from '../../profiles/registry.js';
import { defineRule } from '../engine/types.js';
import { formData } from './_shared.js';

/** The numbering of a class row (`七、`), and the name after it. */
const NUMBERING = /^([一二三四五六七八九十]+)\s*[、.．]\s*/;
const CLASS_INDEX: ReadonlyMap<string, number> = new Map(FUNCTION_CLASSES.map(([c], i) => [c, i]));

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Indexes (into `seq`) of a longest increasing subsequence: the rows that are in order. */
function inOrder(seq: readonly number[]): Set<number> {
  const len = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((seq[j] ?? 0) < (seq[i] ?? 0) && (len[j] ?? 0) + 1 > (len[i] ?? 0)) {
        len[i] = (len[j] ?? 0) + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  len.forEach((l, i) => {
    if (end < 0 || l > (len[end] ?? 0)) end = i;
  });
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i] ?? -1) keep.add(i);
  return keep;
}

export default defineRule({
  id: 'code/class-row',
  family: 'code',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '表一、表四的功能分类类级行名称和顺序与 21 个类一致', en: 'T01/T04 class rows carry the names and order of the 21 function classes' },
    source: '《政府收支分类科目》支出功能分类的 21 个类及其顺序；表一、表四按统一表样逐类列示（参考文件所用山东模板）',
  },
  messages: {
    wrongName: { 'zh-CN': '{formName}中类 {code} 的行名称为“{actual}”，应为“{expected}”', en: 'Form {form}: the row of class {code} reads "{actual}"; expected "{expected}"' },
    wrongNumber: { 'zh-CN': '{formName}中“{actual}”的序号应为“{expected}”', en: 'Form {form}: "{actual}" should be numbered "{expected}"' },
    wrongOrder: { 'zh-CN': '{formName}中“{actual}”未按功能分类的标准顺序排列（应为第 {position} 个类）', en: 'Form {form}: "{actual}" is out of the standard order of the classes (it is class {position} of 21)' },
    missingClass: { 'zh-CN': '{formName}缺少功能分类行“{expected}”', en: 'Form {form} lacks the class row "{expected}"' },
  },
  check(ctx) {
    // A template that lists the classes its own way (only those with figures, its own numbering) is not held to the 21.
    if (profileById(ctx.model.document.profile)?.classRows === 'own') return;
    for (const form of ['T01', 'T04'] as const) {
      const table = ctx.model.forms[form];
      if (!table) continue;
      const base = formData(form);
      // Class rows in published order; a repeated key is code/duplicate's finding.
      const seen = new Set<string>();
      const rows = table.expense.flatMap((row, i) => {
        if (!CLASS_INDEX.has(row.key) || seen.has(row.key)) return [];
        seen.add(row.key);
        return [{ row, i, code: row.key as FunctionClassCode, std: CLASS_INDEX.get(row.key) ?? 0 }];
      });
      const location = (r: (typeof rows)[number]): Location => ({ form, rowKey: `expense.${r.code}`, columnKey: 'label', path: ['forms', form, 'expense', r.i, 'label'] });
      for (const r of rows) {
        const actual = squash(r.row.label);
        const standard = classRowLabel(r.code);
        const [numbering = '', name = ''] = standard.split('、');
        const m = NUMBERING.exec(actual);
        const printedName = m ? actual.slice(m[0].length) : actual;
        if (printedName !== name) ctx.report({ messageId: 'wrongName', data: { ...base, code: r.code, actual: r.row.label, expected: name }, location: location(r), expected: name, actual: r.row.label });
        else if (m && m[1] !== numbering) ctx.report({ messageId: 'wrongNumber', data: { ...base, actual: r.row.label, expected: `${numbering}、` }, location: location(r), expected: standard, actual: r.row.label });
      }
      const ordered = inOrder(rows.map((r) => r.std));
      rows.forEach((r, k) => {
        if (!ordered.has(k)) ctx.report({ messageId: 'wrongOrder', data: { ...base, actual: r.row.label, position: r.std + 1 }, location: location(r) });
      });
      for (const [code] of FUNCTION_CLASSES) {
        if (seen.has(code)) continue;
        ctx.report({ messageId: 'missingClass', data: { ...base, code, expected: classRowLabel(code) }, location: { form, rowKey: `expense.${code}`, path: ['forms', form, 'expense'] } });
      }
    }
  },
});
