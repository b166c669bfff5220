import fc from 'fast-check';
import { it } from 'vitest';
import { checkDisclosure, renderMessage } from '../rules/index.js';
import { compose } from './compose.js';
import { sampleInput } from './fixtures.test-data.js';
import { referenceInput } from './reference.js';
import { arbitraryConsistentBudgetInput } from './arbitrary.js';

it('rules on composed', () => {
  for (const x of [sampleInput(), referenceInput()]) {
    const r = checkDisclosure(compose(x).model);
    for (const d of r.diagnostics) console.log(d.ruleId, d.severity, renderMessage(d), JSON.stringify(d.location));
    console.log('-----');
  }
  const counts = new Map<string, number>();
  for (const x of fc.sample(arbitraryConsistentBudgetInput(), 100)) {
    const r = checkDisclosure(compose(x).model);
    for (const d of r.diagnostics) if (d.severity === 'error') counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  }
  console.log([...counts]);
});
