/**
 * The reference disclosure (a real published 部门预算, budget year 2024) as a
 * model: every figure, project, performance table, note and narrative amount of
 * the seed text `data/reference/000_4b2f979ab54e32ae.txt`, including its
 * published defects (duplicated and mis-filed indicators, the unlabelled T11
 * total), so rules and parsers can be tested against it.
 */
import { DisclosureSchema, type Disclosure } from '../model/schema.js';
import data from './reference-2024.json' with { type: 'json' };

/** File name of the seed text the fixture transcribes. */
export const REFERENCE_SEED_FILE = '000_4b2f979ab54e32ae.txt';


let cached: Disclosure | undefined;

/** The reference disclosure, validated once; every call returns a fresh copy. */
export function referenceDisclosure(): Disclosure {
  cached ??= DisclosureSchema.parse(data);
  // The model is plain JSON data: a JSON round trip is a complete deep copy.
  return JSON.parse(JSON.stringify(cached)) as Disclosure;
}
