import type { Location } from '../../diagnostics/types.js';
import { defineRule } from '../engine/types.js';
import { codedRows, formData, rowLocation } from './_shared.js';

export default defineRule({
  id: 'code/duplicate',
  family: 'code',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '同一张表中每个科目编码只出现一次', en: 'A code appears at most once per form' },
    source: '《政府收支分类科目》：每个科目在表中只有一行；重复的行使合计无法核对（财政部预决算公开检查中“表内数字不符”的常见原因）',
  },
  messages: {
    duplicate: {
      'zh-CN': '{formName}中“{row}”重复出现（第 {occurrence} 次）；此行不参与合计核对',
      en: 'Form {form}: "{row}" appears again (occurrence {occurrence}); the row is left out of the sum checks',
    },
  },
  check(ctx) {
    // Coded and economic forms: one row per code (per economic pair in T06/T10).
    const seen = new Map<string, { location: Location; count: number }>();
    for (const row of codedRows(ctx.model)) {
      const key = `${row.form}:${row.rowKey}`;
      const location = rowLocation(row.form, row.index, row.rowKey);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { location, count: 1 });
        continue;
      }
      first.count += 1;
      ctx.report({ messageId: 'duplicate', data: { ...formData(row.form), row: row.rowKey, occurrence: first.count }, location, related: [first.location] });
      ctx.block(['forms', row.form, 'rows', row.index]);
    }
    // T01 and T04: one row per key on each side (the 21 classes and the fixed rows).
    for (const form of ['T01', 'T04'] as const) {
      const table = ctx.model.forms[form];
      if (!table) continue;
      for (const side of ['income', 'expense'] as const) {
        const firsts = new Map<string, { location: Location; count: number }>();
        table[side].forEach((row, i) => {
          const location: Location = { form, rowKey: `${side}.${row.key}`, path: ['forms', form, side, i] };
          const first = firsts.get(row.key);
          if (!first) {
            firsts.set(row.key, { location, count: 1 });
            return;
          }
          first.count += 1;
          ctx.report({ messageId: 'duplicate', data: { ...formData(form), row: row.label.trim() || row.key, occurrence: first.count }, location, related: [first.location] });
          ctx.block(['forms', form, side, i]);
        });
      }
    }
  },
});
