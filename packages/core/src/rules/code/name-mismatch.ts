import { normalizeSubjectName } from '../../catalog/normalize.js';
import { defineRule } from '../engine/types.js';
import { catalogData, catalogOf, codedRows, formData } from './_shared.js';

export default defineRule({
  id: 'code/name-mismatch',
  family: 'code',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '科目名称与科目目录一致', en: 'The printed name of a code equals the catalogue name' },
    source: '《政府收支分类科目》（财政部每年印发）：科目编码与名称一一对应；部门预算表按规定的科目名称公开',
  },
  messages: {
    nameMismatch: {
      'zh-CN': '{formName}中 {code} 的科目名称为“{actual}”，{catalog}中为“{expected}”',
      en: 'Form {form}: {code} is printed as "{actual}"; the {catalogEn} names it "{expected}"',
    },
  },
  check(ctx) {
    for (const row of codedRows(ctx.model)) {
      for (const s of row.subjects) {
        const subject = catalogOf(ctx.catalogs, s.kind).get(s.code);
        if (!subject || normalizeSubjectName(subject.name) === normalizeSubjectName(s.name)) continue;
        ctx.report({
          messageId: 'nameMismatch',
          data: { ...formData(row.form), code: s.code, actual: s.name, expected: subject.name, ...catalogData(s.kind) },
          location: { form: row.form, rowKey: row.rowKey, columnKey: s.column, path: s.namePath },
          expected: subject.name,
          actual: s.name,
        });
      }
    }
  },
});
