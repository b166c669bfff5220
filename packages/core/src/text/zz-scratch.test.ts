import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseForms } from '../forms/parse.js';
import { textToGrid } from './grid.js';
import { referenceDisclosure } from '../reference/index.js';
it('scratch', () => {
  const seed = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8');
  const p = parseForms([textToGrid(seed)]);
  writeFileSync('/tmp/scratch/parsed.json', JSON.stringify(p.model, null, 1));
  writeFileSync('/tmp/scratch/fixture.json', JSON.stringify(referenceDisclosure(), null, 1));
  writeFileSync('/tmp/scratch/diag.json', JSON.stringify(p.diagnostics, null, 1));
  writeFileSync('/tmp/scratch/sm.json', JSON.stringify(p.sourceMap, null, 1));
  writeFileSync('/tmp/scratch/tables.json', JSON.stringify(p.tables, null, 1));
});
