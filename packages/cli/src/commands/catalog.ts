import { bundledCatalogs, combineCatalogs, kindOfCode, type Catalog, type CatalogKind, type Subject } from '@yusuan/core';
import { loadCatalogFile } from '../catalog-file.js';
import { UserInputError } from '../errors.js';
import { t, type Lang } from '../i18n.js';
import type { Io } from '../main.js';
import { renderTable } from '../table.js';

const KIND_MESSAGE = {
  function: 'kindFunction',
  'economic-department': 'kindEconomicDepartment',
  'economic-government': 'kindEconomicGovernment',
} as const satisfies Record<CatalogKind, string>;

export interface CatalogOptions {
  catalog?: string;
  replace?: boolean;
}

/** The active catalogues: bundled, extended or replaced by a user file of one kind. */
export async function activeCatalogs(opts: CatalogOptions, lang: Lang): Promise<Record<CatalogKind, Catalog>> {
  const bundled = bundledCatalogs();
  const catalogs: Record<CatalogKind, Catalog> = {
    function: bundled.function,
    'economic-department': bundled.economicDepartment,
    'economic-government': bundled.economicGovernment,
  };
  if (opts.catalog !== undefined) {
    const load = await loadCatalogFile(opts.catalog);
    if (!load.catalog) {
      const first = load.issues[0];
      throw new UserInputError(first ? (lang === 'en' ? first.message.en : first.message['zh-CN']) : opts.catalog);
    }
    const kind = load.catalog.kind;
    catalogs[kind] = combineCatalogs(catalogs[kind], load.catalog, opts.replace ? 'replace' : 'extend');
  }
  return catalogs;
}

/** `yusuan catalog CODE|NAME`: prints the matching subjects; exit 0 when found, 1 when not. */
export async function runCatalog(query: string, opts: CatalogOptions, lang: Lang, io: Io): Promise<number> {
  const catalogs = await activeCatalogs(opts, lang);
  const q = query.trim();
  const found: Subject[] = [];
  if (/^[0-9]+$/.test(q)) {
    const kind = kindOfCode(q);
    const exact = kind ? catalogs[kind].get(q) : undefined;
    if (exact) found.push(exact);
    else {
      for (const c of Object.values(catalogs)) found.push(...c.search(q));
      if (found.length === 0 && (!kind || catalogs[kind].status(q) === 'malformed')) {
        io.err(t(lang, 'catalogMalformed', { query: q }));
        return 1;
      }
    }
  } else {
    for (const c of Object.values(catalogs)) found.push(...c.search(q));
  }
  if (found.length === 0) {
    io.err(t(lang, 'catalogNone', { query: q }));
    return 1;
  }
  const rows = found.map((s) => {
    const parents = catalogs[s.kind].parents(s.code).map((p) => `${p.code} ${p.name}`);
    return [s.code, s.name, s.level, t(lang, KIND_MESSAGE[s.kind]), parents.join(' › ')];
  });
  io.out(renderTable([t(lang, 'colCode'), t(lang, 'colName'), t(lang, 'colLevel'), t(lang, 'colKind'), t(lang, 'colParents')], rows));
  return 0;
}
