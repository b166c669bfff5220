// The ambient `*.csv` module declaration must be part of every program that
// type-checks core's sources (the CLI and the add-in compile them through the
// "@yusuan/source" condition), so it is referenced here rather than relying on
// each host's tsconfig `include`.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../csv.d.ts" />
import economicDepartmentCsv from '../../data/catalog/economic-classification-department.csv';
import economicGovernmentCsv from '../../data/catalog/economic-classification-government.csv';
import economicMappingCsv from '../../data/catalog/economic-mapping.csv';
import fnCsv from '../../data/catalog/function-classification.csv';
import type { Catalog } from './catalog.js';
import { parseCsv } from './csv.js';
import { readCatalogCsv } from './load.js';
import type { CatalogKind } from './types.js';

/**
 * Where the bundled catalogues come from. They are a verified partial subset of
 * 政府收支分类科目, so a code they lack is unknown, not wrong.
 */
export const BUNDLED_CATALOG_PROVENANCE =
  '内置科目目录为经核实的部分子集，并非完整的政府收支分类科目 / a verified partial subset, not the complete catalogue: ' +
  'function-classification.csv, economic-classification-department.csv, economic-classification-government.csv, economic-mapping.csv ' +
  '(data/catalog/SOURCES.md, 2026-11-28)';

export interface BundledCatalogs {
  /** 支出功能分类科目 (类 / 款 / 项). */
  readonly function: Catalog;
  /** 部门预算支出经济分类科目 (3xx, 类 / 款). */
  readonly economicDepartment: Catalog;
  /** 政府预算支出经济分类科目 (5xx, 类 / 款). */
  readonly economicGovernment: Catalog;
  /** Department 款 → government 款 (机关 rows of the official correspondence table only). */
  readonly economicMapping: ReadonlyMap<string, string>;
}

let cached: BundledCatalogs | undefined;

function load(text: string, kind: CatalogKind, file: string): Catalog {
  const { catalog, issues } = readCatalogCsv(text, kind, 'bundled');
  const first = issues[0];
  // The bundled files are checked by the tests; a failure here is a packaging bug.
  if (!catalog || first) throw new Error(`bundled catalogue ${file} is invalid: row ${first?.row ?? '?'}: ${first?.message.en ?? 'no subjects'}`);
  return catalog;
}

function loadMapping(text: string, department: Catalog, government: Catalog): ReadonlyMap<string, string> {
  const { records } = parseCsv(text);
  const map = new Map<string, string>();
  for (const { line, fields } of records.slice(1)) {
    const [from = '', to = ''] = fields.map((f) => f.trim());
    if (from === '' && to === '') continue;
    if (!department.has(from) || !government.has(to)) {
      throw new Error(`bundled economic-mapping.csv line ${line}: ${from} → ${to} is not a pair of known codes`);
    }
    map.set(from, to);
  }
  return map;
}

/** The bundled catalogues, parsed once on first use. */
export function bundledCatalogs(): BundledCatalogs {
  if (!cached) {
    const economicDepartment = load(economicDepartmentCsv, 'economic-department', 'economic-classification-department.csv');
    const economicGovernment = load(economicGovernmentCsv, 'economic-government', 'economic-classification-government.csv');
    cached = Object.freeze({
      function: load(fnCsv, 'function', 'function-classification.csv'),
      economicDepartment,
      economicGovernment,
      economicMapping: loadMapping(economicMappingCsv, economicDepartment, economicGovernment),
    });
  }
  return cached;
}
