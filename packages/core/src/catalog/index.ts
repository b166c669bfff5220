export type { CatalogKind, CodeStatus, LocalizedMessage, Subject, SubjectLevel, SubjectSource } from './types.js';
export { CATALOG_KINDS } from './types.js';
export { normalizeSubjectCode, normalizeSubjectName } from './normalize.js';
export { ancestorCodes, codeLengths, codeLevel, codePrefix, isWellFormedCode, kindOfCode, parentCode } from './codes.js';
export { Catalog, combineCatalogs, type CatalogCombineMode } from './catalog.js';
export { CATALOG_KIND_NAMES, CATALOG_MESSAGES, type CatalogIssue, type CatalogMessageId } from './messages.js';
export { catalogFromGrid, hasCatalogHeader, parseCatalogCsv, type CatalogLoad } from './load.js';
export { BUNDLED_CATALOG_PROVENANCE, bundledCatalogs, type BundledCatalogs } from './bundled.js';
