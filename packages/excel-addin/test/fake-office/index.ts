/**
 * A strict in-memory fake of the Excel JavaScript API subset the add-in uses.
 * Runs in Node (vitest) and in a browser page (install it on `window`); it has
 * no Node or DOM dependency.
 *
 *   const wb = fakeWorkbookFromGrids(grids);
 *   installFakeOffice(globalThis, wb, { apiVersion: '1.13' });
 *   await new ExcelHost().snapshot();
 *   wb.syncCount; wb.syncLog; wb.sheet('表1').conditionalFormats;
 */
export { boxAddress, parseBox, type Box } from './a1.js';
export { FAKE_ERROR_CODES, FakeOfficeError } from './errors.js';
export { createFakeExcel, createFakeOffice, installFakeOffice, type FakeExcel, type FakeOffice, type InstallOptions, type InstalledFake } from './install.js';
export {
  DEFAULT_PAYLOAD_LIMIT,
  fakeWorkbookFromGrids,
  FakeSheet,
  FakeWorkbook,
  MAX_MERGED_AREAS,
  parseInput,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeValue,
  type FakeWorkbookOptions,
  type SyncRecord,
} from './model.js';
export { FakeRequestContext } from './proxies.js';
export { gridForReading } from './grids.js';
