/**
 * Whether the pane can run here: Office.js loaded, the host is Excel, and the
 * host has ExcelApi 1.13 (the requirement set the adapter relies on). Only the
 * few members read here are typed, so this works with the real office.js and
 * with the test fake alike.
 */
import { REQUIRED_API } from '../excel/adapter.js';

export const EXCEL_API_VERSION: string = REQUIRED_API.version;

export type OfficeStatus = 'ready' | 'unsupported' | 'missing';

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface OfficeLike {
  readonly context?: { readonly requirements?: RequirementsLike };
  onReady?(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
}

/** The Office global of the page, if office.js (or a stand-in) is loaded. */
export function officeGlobal(scope: object = globalThis): OfficeLike | undefined {
  const office = (scope as { Office?: unknown }).Office;
  return typeof office === 'object' && office !== null ? (office as OfficeLike) : undefined;
}

/** Ready when the host reports ExcelApi 1.13; unsupported below it; missing without Office or outside Excel. */
export function officeStatus(office: OfficeLike | undefined, host: unknown = 'Excel'): OfficeStatus {
  if (!office || (host !== 'Excel' && host !== 'excel')) return 'missing';
  const requirements = office.context?.requirements;
  if (!requirements) return 'unsupported';
  try {
    return requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version) ? 'ready' : 'unsupported';
  } catch {
    return 'unsupported';
  }
}

/** Waits for Office.onReady and reports the host it found (null outside Office). */
export async function whenOfficeReady(office: OfficeLike): Promise<unknown> {
  if (!office.onReady) return null;
  const info = await office.onReady();
  return info?.host ?? null;
}
