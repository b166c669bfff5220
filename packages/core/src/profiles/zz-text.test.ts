import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { checkText } from '../check/check.js';
it('text', () => {
  const dir = new URL('../../data/corpus/', import.meta.url);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const r = checkText(text);
    const lines = [`# ${f} profile=${r.model.document.profile} unit=${r.model.document.amountUnit} year=${r.model.unit.year} name=${r.model.unit.name}`,
      ...(r.textTables ?? []).map((t) => `tt ${t.form} L${t.line} ${t.title}`),
      ...(r.model.tables ?? []).map((t) => `table ${t.id} rows=${t.rows.length}`),
      ...r.diagnostics.map((d) => `${d.ruleId} ${d.severity} L${d.location.line ?? '?'} ${d.location.form ?? d.location.table ?? ''} ${d.location.rowKey ?? ''} ${d.location.columnKey ?? ''} ${d.messageId} ${JSON.stringify(d.data).slice(0, 250)}`)];
    writeFileSync(`/tmp/pscratch/${f}.text.out`, lines.join('\n'));
  }
});
