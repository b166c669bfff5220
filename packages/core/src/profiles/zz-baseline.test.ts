import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { checkGrids } from '../check/check.js';
import { textToGrid } from '../text/grid.js';
it('baseline', () => {
  const dir = new URL('../../../../../shared/corpus/', import.meta.url);
  for (const f of readdirSync(dir)) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const r = checkGrids([textToGrid(text)]);
    const lines = [`# ${f}`, ...(r.tables ?? []).map((t) => `table ${t.form} ${t.cell} ${t.title}`), ...r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.location.cell ?? ''} ${d.location.form ?? ''} ${d.messageId} ${JSON.stringify(d.data).slice(0, 200)}`)];
    writeFileSync(`/tmp/pscratch/${f}.out`, lines.join('\n'));
  }
});
