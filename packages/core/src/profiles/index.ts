/**
 * Template profiles: the tables each region's template publishes, as data
 * (profiles/data/), the registry, and what the rules ask of a document's profile.
 */
export type { OverviewFormula, OwnTable, PerformanceForm, Profile, ProfileForm, StandardForm, UnreadTable } from './types.js';
export { formIdOf } from './types.js';
export { DEFAULT_PROFILE, PROFILES, overviewFormulasFor, profileById, requiredForms, rowFormulasFor, standardForms } from './registry.js';
export { unpublishedPaths } from './published.js';
