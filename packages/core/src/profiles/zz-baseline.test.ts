import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { checkGrids } from '../check/check.js';
import { parseForms } from '../forms/parse.js';
import { textToGrid } from '../text/grid.js';
it('baseline', () => {
  const dir = new URL('../../../../../shared/corpus/', import.meta.url);
  for (const f of readdirSync(dir)) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const grid = textToGrid(text);
    const p = parseForms([grid]);
    const r = checkGrids([grid]);
    const lines = [`# ${f} profile=${p.profile} unit=${p.model.document.amountUnit} year=${p.model.unit.year} name=${p.model.unit.name}`,
      ...p.recognised.map((t) => `rec ${t.id} ${t.cell} rows=${t.rows} pages=${t.pages} ${t.title}${t.notRead ? ' NOTREAD' : ''}`),
      ...Object.entries(p.model.forms).map(([k, v]) => `form ${k} unit=${(v as {unit?: string}).unit} rows=${JSON.stringify((v as {rows?: unknown[]}).rows?.length ?? '')} total=${JSON.stringify((v as {total?: unknown}).total ?? '')}`.slice(0, 300)),
      ...(p.model.tables ?? []).map((t) => `table ${t.id} rows=${t.rows.length} coded=${t.rows.filter((x) => x.code).length} cols=${t.columns.map((c) => c.key).join(',')} formulas=${JSON.stringify(t.formulas)} total=${JSON.stringify(t.total ?? '')}`.slice(0, 400)),
      ...r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.location.cell ?? ''} ${d.location.form ?? d.location.table ?? ''} ${d.location.rowKey ?? ''} ${d.location.columnKey ?? ''} ${d.messageId} ${JSON.stringify(d.data).slice(0, 250)}`)];
    writeFileSync(`/tmp/pscratch/${f}.out`, lines.join('\n'));
    writeFileSync(`/tmp/pscratch/${f}.model.json`, JSON.stringify(p.model, null, 1));
  }
});
