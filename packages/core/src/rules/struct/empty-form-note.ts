import { COLUMN_LABELS, FORM_IDS, formLabel, type ColumnKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';
import { formCells, isZeroText, whereData, type AmountCell } from '../amount/_shared.js';

/** A note that says the form has nothing to show: 没有、无、未、不涉及、为空. */
const SAYS_NONE = /没有|无|未|不涉及|为空|空表/;
/**
 * A conditional clause (此表如无数字则表示单位无该项支出): it says what a blank
 * table would mean, which explains an empty table and claims nothing of a full one.
 */
const CONDITIONAL = /(?:如|若|如果|凡)[^，。；,;]*?(?:无|没有|为空|空)[^，。；,;]*?(?:则|即|的)[^。；;]*/gu;
const YEAR = /([0-9]{4})\s*年/g;

/**
 * The cells a note says are empty: the columns of the form it names (注：没有基本支出 → 基本支出),
 * or the whole form when it names none of them (注：没有政府性基金预算拨款安排的支出).
 */
function claimed(cells: readonly AmountCell[], note: string): AmountCell[] {
  const text = note.replace(/[\s\u3000]+/g, '');
  const key = (c: AmountCell) => c.column.slice(c.column.lastIndexOf('.') + 1) as ColumnKey;
  const named = new Set(cells.map(key).filter((k) => k !== 'total' && text.includes(COLUMN_LABELS[k])));
  return named.size === 0 ? [...cells] : cells.filter((c) => named.has(key(c)));
}

function firstData(cells: readonly AmountCell[]): AmountCell | undefined {
  return cells.find((c) => c.value !== undefined && !isZeroText(c.value));
}

export default defineRule({
  id: 'struct/empty-form-note',
  family: 'struct',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '没有数据的表附注说明原因，附注与表中数据不矛盾', en: 'A form without data carries a note saying why; a note does not contradict the data' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：没有数据的表格也应公开，并注明没有数据的原因',
  },
  messages: {
    missingNote: { 'zh-CN': '{formName}没有数据，但未附注说明（如“注：…没有…”）', en: 'Form {form} has no data and no note saying why (注：…没有…)' },
    noteWithoutReason: { 'zh-CN': '{formName}没有数据，其附注“{note}”未说明没有数据', en: 'Form {form} has no data; its note "{note}" does not say that it has none' },
    noteContradicted: {
      'zh-CN': '{formName}的附注称“{note}”，但表中有数据：{where} 为 {value}',
      en: 'Form {form} has the note "{note}" but holds data: {whereEn} is {value}',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const form of FORM_IDS) {
      const table = model.forms[form];
      if (!table) continue;
      const cells = formCells(model, form);
      const note = table.note?.trim() ?? '';
      const base = { form, formName: formLabel(form) };
      const data = firstData(cells);
      if (!data) {
        if (note === '') ctx.report({ messageId: 'missingNote', data: base, location: { form, path: ['forms', form, 'note'] } });
        else if (!SAYS_NONE.test(note)) ctx.report({ messageId: 'noteWithoutReason', data: { ...base, note }, location: { form, path: ['forms', form, 'note'] } });
        continue;
      }
      if (note === '' || !SAYS_NONE.test(note.replace(CONDITIONAL, ''))) continue;
      // T07 shows last year beside the budget year: a note about the budget year is contradicted by budget-year figures only,
      // unless it names last year as well.
      let contradicting = claimed(cells, note);
      if (form === 'T07') {
        const previous = model.unit.year - 1;
        const namesPrevious = [...note.matchAll(YEAR)].some((m) => Number(m[1]) === previous);
        if (!namesPrevious) contradicting = contradicting.filter((c) => c.column.startsWith('current.'));
      }
      const hit = firstData(contradicting);
      if (!hit || hit.value === undefined) continue;
      ctx.report({
        messageId: 'noteContradicted',
        data: { ...base, note, ...whereData(hit.ref.location), value: hit.value },
        location: { form, path: ['forms', form, 'note'] },
        related: [hit.ref.location],
      });
    }
  },
});
