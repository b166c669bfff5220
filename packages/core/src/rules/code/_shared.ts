/**
 * The coded rows of a disclosure for the code/* rules: every row of the
 * function-coded forms (T02, T03, T05, T08, T09, T12) and of the economic forms
 * (T06, T10), with its index, row key and the codes it carries.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { CATALOG_KIND_NAMES } from '../../catalog/messages.js';
import type { CatalogKind } from '../../catalog/types.js';
import type { Location, MessageData } from '../../diagnostics/types.js';
import { formLabel, type FormId } from '../../model/columns.js';
import type { Disclosure } from '../../model/schema.js';
import type { Catalogs } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, economicRowKey } from '../refs.js';

export interface CodedRow {
  readonly form: FormId;
  readonly index: number;
  /** The subject code, or the economic pair `30101/50101`. */
  readonly rowKey: string;
  /** Each code of the row with its catalogue, printed name and the path of that name. */
  readonly subjects: readonly { readonly kind: CatalogKind; readonly code: string; readonly name: string; readonly namePath: readonly (string | number)[]; readonly column: string }[];
}

/** Rows of the function-coded forms, then of the economic forms, each in published order. */
export function codedRows(model: Disclosure): CodedRow[] {
  const out: CodedRow[] = [];
  for (const form of CODED_FORMS) {
    model.forms[form]?.rows.forEach((r, index) => {
      out.push({ form, index, rowKey: r.code, subjects: [{ kind: 'function', code: r.code, name: r.name, namePath: ['forms', form, 'rows', index, 'name'], column: 'name' }] });
    });
  }
  for (const form of ECONOMIC_FORMS) {
    model.forms[form]?.rows.forEach((r, index) => {
      const subjects: CodedRow['subjects'][number][] = [
        { kind: 'economic-department', code: r.department.code, name: r.department.name, namePath: ['forms', form, 'rows', index, 'department', 'name'], column: 'department.name' },
      ];
      if (r.government) {
        subjects.push({ kind: 'economic-government', code: r.government.code, name: r.government.name, namePath: ['forms', form, 'rows', index, 'government', 'name'], column: 'government.name' });
      }
      out.push({ form, index, rowKey: economicRowKey(r), subjects });
    });
  }
  return out;
}

export function rowLocation(form: FormId, index: number, rowKey: string): Location {
  return { form, rowKey, path: ['forms', form, 'rows', index] };
}

export function formData(form: FormId): MessageData {
  return { form, formName: formLabel(form) };
}

export function catalogData(kind: CatalogKind): MessageData {
  return { catalog: CATALOG_KIND_NAMES[kind]['zh-CN'], catalogEn: CATALOG_KIND_NAMES[kind].en };
}

/** The active catalogue of a kind. */
export function catalogOf(catalogs: Catalogs, kind: CatalogKind): Catalog {
  return kind === 'function' ? catalogs.function : kind === 'economic-department' ? catalogs.economicDepartment : catalogs.economicGovernment;
}
