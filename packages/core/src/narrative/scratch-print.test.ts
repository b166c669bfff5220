import { it } from 'vitest';
import { referenceDisclosure } from '../reference/index.js';
import { compose } from '../input/compose.js';
import { referenceInput } from '../input/reference.js';
import { narrativeSections } from './sections.js';
it('prints', () => {
  for (const m of [referenceDisclosure(), compose(referenceInput()).model]) {
    for (const s of narrativeSections(m)) console.log(s.heading + '\n' + s.paragraphs.map((p) => `  [${p.origin}] ${p.text}`).join('\n'));
  }
  for (const s of narrativeSections(referenceDisclosure(), 'en')) console.log(s.heading + '\n' + s.paragraphs.map((p) => `  [${p.origin}] ${p.text}`).join('\n'));
});
