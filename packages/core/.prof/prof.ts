import { referenceDisclosure } from '../src/reference/index.js';
import { generateForms } from '../src/forms/generate.js';
import { parseForms } from '../src/forms/parse.js';
const t02 = generateForms(referenceDisclosure())[1]!;
const body = t02.rows.slice(5);
const g = { name: 'big', rows: [...t02.rows.slice(0, 5), ...Array.from({ length: 40000 }, (_v, i) => (body[i % body.length] ?? []).slice())] };
for (let k = 0; k < 3; k++) { const t = performance.now(); parseForms([g]); console.log('parse', performance.now() - t); }
