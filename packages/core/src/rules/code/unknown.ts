import { defineRule } from '../engine/types.js';
import { catalogData, catalogOf, codedRows, formData } from './_shared.js';

/**
 * A warning by default: the bundled catalogue is a partial subset, so a code it
 * lacks may well exist. When the user loads the official catalogue (the CLI's
 * and the add-in's configuration set `catalogs.official` and raise this rule
 * to an error), the message says the code is not in that catalogue.
 */
export default defineRule({
  id: 'code/unknown',
  family: 'code',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '科目编码不在当前科目目录中', en: 'A code the active catalogue does not contain' },
    source: '《政府收支分类科目》（财政部每年印发）：部门预算只能使用目录中的科目；内置目录为部分子集，加载完整的官方目录后此项为错误',
  },
  messages: {
    unknown: {
      'zh-CN': '{formName}中的科目编码 {code}“{name}”不在内置的{catalog}目录中（内置目录不完整，请核对或加载完整目录）',
      en: 'Form {form}: {code} {name} is not in the bundled {catalogEn} (which is partial: check it, or load the complete catalogue)',
    },
    unknownOfficial: {
      'zh-CN': '{formName}中的科目编码 {code}“{name}”不在所加载的{catalog}目录中',
      en: 'Form {form}: {code} {name} is not in the loaded {catalogEn}',
    },
  },
  check(ctx) {
    for (const row of codedRows(ctx.model)) {
      for (const s of row.subjects) {
        if (catalogOf(ctx.catalogs, s.kind).status(s.code) !== 'unknown') continue;
        const official = s.kind === 'function' && ctx.catalogs.official;
        ctx.report({
          messageId: official ? 'unknownOfficial' : 'unknown',
          data: { ...formData(row.form), code: s.code, name: s.name, ...catalogData(s.kind) },
          location: { form: row.form, rowKey: row.rowKey, columnKey: s.kind === 'function' ? 'code' : s.column.replace('name', 'code'), path: ['forms', row.form, 'rows', row.index] },
        });
      }
    }
  },
});
