/**
 * Names the 底稿 needs for its rollup rows: every 类 and 款 above its 项 lines
 * and every economic 类 above its basic expenditure. The bundled catalogue
 * supplies the names it knows; the user types the rest in 科目名称.
 */
import { bundledCatalogs } from '../catalog/bundled.js';
import type { BudgetInput } from './schema.js';

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The input with names from the bundled catalogue added where it has none:
 * 项 names on the lines, 类/款 names in `subjects`, economic 类 names in
 * `economicSubjects` (added rows in code order after the typed ones). Typed
 * names are never replaced.
 */
export function fillSubjectNames(input: BudgetInput): BudgetInput {
  const catalogs = bundledCatalogs();
  const lines = input.lines.map((l) => {
    if (l.name !== undefined) return l;
    const name = catalogs.function.get(l.code)?.name;
    return name === undefined ? l : { ...l, name };
  });
  const named = new Set(input.subjects.map((s) => s.code));
  const rollups = [...new Set(input.lines.flatMap((l) => [l.code.slice(0, 3), l.code.slice(0, 5)]))];
  const subjects = rollups
    .filter((c) => !named.has(c))
    .flatMap((code) => {
      const name = catalogs.function.get(code)?.name;
      return name === undefined ? [] : [{ code, name }];
    })
    .sort(byCode);
  const economicNamed = new Set(input.economicSubjects.map((s) => s.code));
  const classes = [...new Set(input.basic.flatMap((b) => [b.department.code.slice(0, 3), ...(b.government ? [b.government.code.slice(0, 3)] : [])]))];
  const economicSubjects = classes
    .filter((c) => !economicNamed.has(c))
    .flatMap((code) => {
      const name = (code.startsWith('3') ? catalogs.economicDepartment : catalogs.economicGovernment).get(code)?.name;
      return name === undefined ? [] : [{ code, name }];
    })
    .sort(byCode);
  return { ...input, lines, subjects: [...input.subjects, ...subjects], economicSubjects: [...input.economicSubjects, ...economicSubjects] };
}
