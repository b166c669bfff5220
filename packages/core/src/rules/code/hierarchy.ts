import { kindOfCode } from '../../catalog/codes.js';
import type { CatalogKind } from '../../catalog/types.js';
import type { FormId } from '../../model/columns.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { CODED_FORMS, ECONOMIC_FORMS, economicRowKey } from '../refs.js';
import { catalogData, formData, rowLocation } from './_shared.js';

type Msg = 'wrongKind' | 'missingParent' | 'outOfOrder' | 'functionDepth' | 'economicDepth';

interface Row {
  readonly index: number;
  readonly rowKey: string;
  readonly code: string;
  readonly name: string;
}

/**
 * Tree order: a 款 row comes inside the block of its 类 (after the 类 row, before
 * the next 类), a 项 row inside the block of its 款. A row whose parent is
 * elsewhere in the form is out of order; a parent missing from the form is
 * reported once, at its first descendant.
 */
function checkTree(ctx: RuleContext<Msg>, form: FormId, rows: readonly Row[]): void {
  const present = new Set(rows.map((r) => r.code));
  const missing = new Set<string>();
  let currentClass: string | undefined;
  let currentSection: string | undefined;
  const parentCheck = (row: Row, parent: string, open: string | undefined, level: '类' | '款') => {
    if (open === parent) return;
    const location = rowLocation(form, row.index, row.rowKey);
    const data = { ...formData(form), code: row.code, name: row.name, parent, level };
    if (present.has(parent)) {
      const first = rows.find((r) => r.code === parent);
      ctx.report({ messageId: 'outOfOrder', data, location, ...(first ? { related: [rowLocation(form, first.index, first.rowKey)] } : {}) });
    } else if (!missing.has(parent)) {
      missing.add(parent);
      ctx.report({ messageId: 'missingParent', data, location });
    }
  };
  for (const row of rows) {
    if (row.code.length === 3) {
      currentClass = row.code;
      currentSection = undefined;
    } else if (row.code.length === 5) {
      parentCheck(row, row.code.slice(0, 3), currentClass, '类');
      currentSection = row.code;
    } else {
      const section = row.code.slice(0, 5);
      if (currentSection !== section && !present.has(section)) parentCheck(row, row.code.slice(0, 3), currentClass, '类');
      parentCheck(row, section, currentSection, '款');
    }
  }
}

/** Every row above the lowest level has a row below it: function forms reach 项, economic forms 款. */
function checkDepth(ctx: RuleContext<Msg>, form: FormId, rows: readonly Row[], deepest: number, messageId: 'functionDepth' | 'economicDepth'): void {
  for (const row of rows) {
    if (row.code.length >= deepest) continue;
    if (rows.some((r) => r.code.length > row.code.length && r.code.startsWith(row.code))) continue;
    const level = row.code.length === 3 ? '款' : '项';
    ctx.report({ messageId, data: { ...formData(form), code: row.code, name: row.name, level }, location: rowLocation(form, row.index, row.rowKey) });
  }
}

function wellFormed(ctx: RuleContext<Msg>, form: FormId, index: number, rowKey: string, code: string, kind: CatalogKind): boolean {
  if (kindOfCode(code) === kind) return true;
  ctx.report({ messageId: 'wrongKind', data: { ...formData(form), code, ...catalogData(kind) }, location: rowLocation(form, index, rowKey) });
  return false;
}

export default defineRule({
  id: 'code/hierarchy',
  family: 'code',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '科目编码逐级对应、按树形顺序排列，功能分类列到项、经济分类列到款', en: 'Codes nest 类 › 款 › 项 in tree order; function tables reach 项, economic tables 款' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：支出按功能分类公开到项级科目，基本支出按经济分类公开到款级科目；《政府收支分类科目》的类、款、项编码结构',
  },
  messages: {
    wrongKind: { 'zh-CN': '{formName}中的编码 {code} 不是{catalog}编码', en: 'Form {form}: {code} is not a code of the {catalogEn}' },
    missingParent: { 'zh-CN': '{formName}中 {code}“{name}”缺少上级{level}科目 {parent} 的行', en: 'Form {form}: {code} {name} has no row for its {level} {parent}' },
    outOfOrder: { 'zh-CN': '{formName}中 {code}“{name}”没有排在其上级{level}科目 {parent} 之下', en: 'Form {form}: {code} {name} does not stand under its {level} {parent}' },
    functionDepth: { 'zh-CN': '{formName}中 {code}“{name}”下没有{level}级科目：支出功能分类须列到项级', en: 'Form {form}: {code} {name} has no {level} rows; function codes must reach 项' },
    economicDepth: { 'zh-CN': '{formName}中 {code}“{name}”下没有{level}级科目：经济分类须列到款级', en: 'Form {form}: {code} {name} has no {level} rows; economic codes must reach 款' },
  },
  check(ctx) {
    const { forms } = ctx.model;
    for (const form of CODED_FORMS) {
      const rows: Row[] = [];
      forms[form]?.rows.forEach((r, index) => {
        if (wellFormed(ctx, form, index, r.code, r.code, 'function')) rows.push({ index, rowKey: r.code, code: r.code, name: r.name });
      });
      checkTree(ctx, form, rows);
      checkDepth(ctx, form, rows, 7, 'functionDepth');
    }
    for (const form of ECONOMIC_FORMS) {
      const rows: Row[] = [];
      forms[form]?.rows.forEach((r, index) => {
        const rowKey = economicRowKey(r);
        const department = wellFormed(ctx, form, index, rowKey, r.department.code, 'economic-department');
        if (r.government) wellFormed(ctx, form, index, rowKey, r.government.code, 'economic-government');
        if (department) rows.push({ index, rowKey, code: r.department.code, name: r.department.name });
      });
      checkTree(ctx, form, rows);
      checkDepth(ctx, form, rows, 5, 'economicDepth');
    }
  },
});
