import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { checkGrids } from '../check/check.js';
import { textToGrid } from '../text/grid.js';
it('generic', () => {
  const text = readFileSync(new URL('../../data/corpus/02-shanghai-putuo-commerce-2025-budget.txt', import.meta.url), 'utf8').split('\n');
  const t = text.slice(236, 278).map((l) => l.replace('2025年部门一般公共预算支出功能分类预算表', '某某区财政支出测算明细'));
  t[17] = t[17]!.replace('1,661,216.00\t1,661,216.00', '1,661,200.00\t1,661,216.00');
  const r = checkGrids([textToGrid(['无关的说明文字', '', ...t].join('\n'))]);
  console.log(JSON.stringify(r.model.tables?.map((x) => ({ ...x, rows: x.rows.length })), null, 1));
  for (const d of r.diagnostics) console.log(d.ruleId, d.severity, d.location.cell, d.messageId, JSON.stringify(d.data));
});
