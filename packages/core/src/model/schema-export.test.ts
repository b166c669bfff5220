import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclosureJsonSchema } from './validate.js';

// docs/schema/disclosure.schema.json is what other systems use to produce input:
// it must be exactly the schema the code validates with. Regenerate with
// `npm run schema` after changing the model.
describe('published JSON Schema', () => {
  it('docs/schema/disclosure.schema.json is up to date', () => {
    const file = new URL('../../../../docs/schema/disclosure.schema.json', import.meta.url);
    const published: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(published).toEqual(disclosureJsonSchema());
  });
});
