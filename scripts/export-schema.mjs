// Writes the disclosure model's JSON Schema to docs/schema/ from the built core.
import { writeFileSync } from 'node:fs';
import { disclosureJsonSchema } from '../packages/core/dist/index.js';

const out = new URL('../docs/schema/disclosure.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(disclosureJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
