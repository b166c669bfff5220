/**
 * The reference disclosure as a 底稿: reference-input.json is extract() of the
 * reference model (src/reference), committed so that compose() can be tested
 * against the published forms and the input workbook has a realistic example.
 */
import data from './reference-input.json' with { type: 'json' };
import { BudgetInputSchema, type BudgetInput } from './schema.js';

let cached: BudgetInput | undefined;

/** The reference 底稿, validated once; every call returns a fresh copy. */
export function referenceInput(): BudgetInput {
  cached ??= BudgetInputSchema.parse(data);
  return JSON.parse(JSON.stringify(cached)) as BudgetInput;
}
