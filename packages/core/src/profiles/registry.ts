/**
 * The registry of template profiles, and what the rules need to know of a
 * document's profile: its row formulas, its overview subtotals, the columns and
 * rows its tables publish, the forms it requires.
 */
import { CHANGSHA_10 } from './data/changsha.js';
import { REFERENCE_OVERVIEW_FORMULAS, REFERENCE_ROW_FORMULAS, SHANDONG_12 } from './data/shandong.js';
import { SHANGHAI_9 } from './data/shanghai.js';
import { XIAN_16 } from './data/xian.js';
import type { OverviewFormula, Profile, StandardForm } from './types.js';
import type { RowFormula } from '../forms/types.js';
import type { FormId } from '../model/columns.js';

/** Every profile; the first (the reference's) is the default where no other fits. */
export const PROFILES: readonly Profile[] = [SHANDONG_12, SHANGHAI_9, XIAN_16, CHANGSHA_10];

export const DEFAULT_PROFILE: Profile = SHANDONG_12;

const BY_ID: ReadonlyMap<string, Profile> = new Map(PROFILES.map((p) => [p.id, p]));

export function profileById(id: string | undefined): Profile | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}

/** The standard-form entries of a profile for one form (several where the table has layout variants). */
export function standardForms(profile: Profile, form: FormId): StandardForm[] {
  return profile.forms.filter((f): f is StandardForm => f.kind === 'form' && f.layout.id === form);
}

/**
 * The row formulas of a form in a profile (sum/row): the profile's own where it
 * states them, else the reference's. An unknown profile is held to the reference.
 */
export function rowFormulasFor(profileId: string | undefined, form: FormId): readonly RowFormula[] {
  const p = profileById(profileId) ?? DEFAULT_PROFILE;
  return standardForms(p, form).find((f) => f.rowFormulas !== undefined)?.rowFormulas ?? REFERENCE_ROW_FORMULAS[form] ?? [];
}

/** The subtotals of a profile's T01/T04 (sum/overview): the profile's own, else the reference's. */
export function overviewFormulasFor(profileId: string | undefined, form: 'T01' | 'T04'): readonly OverviewFormula[] {
  const p = profileById(profileId) ?? DEFAULT_PROFILE;
  return standardForms(p, form).find((f) => f.overviewFormulas !== undefined)?.overviewFormulas ?? REFERENCE_OVERVIEW_FORMULAS[form];
}

/** The standard forms a profile publishes, and its own tables, by id. */
export function requiredForms(profileId: string | undefined): { forms: FormId[]; tables: string[] } | undefined {
  const p = profileById(profileId);
  if (!p) return undefined;
  const forms = [...new Set(p.forms.flatMap((f) => (f.kind === 'form' ? [f.layout.id] : [])))];
  const tables = [...new Set(p.forms.flatMap((f) => (f.kind === 'table' ? [f.layout.id] : [])))];
  return { forms, tables };
}
