import { normalizeSubjectName } from '../../catalog/normalize.js';
import type { Location } from '../../diagnostics/types.js';
import { FORM_IDS, formLabel } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';

/** A parenthesised suffix at the end of a name: 中心（先创） → （先创）. */
const SUFFIX = /（[^（）]*）$/;
/** A parenthesis after a name that is not part of it: （以下简称…）, （含…）. */
const ASIDE = /^（(?:以下|下称|简称|含|不含|包括|即)/;
const PUNCTUATION = /[，。；：、！？“”‘’《》,.;:!?"'\n]/;
const TITLE_PREFIX = /^[0-9]{4}年度?/;
const TITLE_SUFFIX = /(?:[0-9]{4}年度?)?(?:部门|单位)?(?:综合)?预算(?:公开)?(?:报告|说明|情况)?$/;

function norm(s: string): string {
  return normalizeSubjectName(s);
}

function base(name: string): string {
  return name.replace(SUFFIX, '');
}

/**
 * The same unit: equal after whitespace removal, or one is the other without
 * its parenthesised suffix (淄博…中心 names 淄博…中心（先创）: the suffix tells the
 * budget units of one body apart, the body is the same).
 */
function sameUnit(a: string, unit: string): boolean {
  const x = norm(a);
  const u = norm(unit);
  return x === u || x === base(u) || base(x) === u;
}

function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j] ?? 0;
      row[j] = ch === b[j - 1] ? prev + 1 : Math.max(keep, row[j - 1] ?? 0);
      prev = keep;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Names in a text that are almost the unit's name but not quite: its name
 * followed by another parenthesised suffix (…中心（齐鲁）), or a variant with the
 * same beginning and end that differs in a few characters (…人力资源社会保障中心).
 * Shorter mentions (本中心, 人社中心) are abbreviations, not names, and are not read.
 */
function variants(text: string, unit: string): string[] {
  const t = norm(text);
  const u = norm(unit);
  const b = base(u);
  const suffix = u.slice(b.length);
  const found = new Set<string>();
  // an empty name (a forms workbook that does not state it) matches nowhere: indexOf('') would never end
  if (b === '') return [];
  for (let p = t.indexOf(b); p >= 0; p = t.indexOf(b, p + 1)) {
    const group = /^（[^（）]{0,16}）/.exec(t.slice(p + b.length))?.[0];
    if (suffix !== '' && group !== undefined && group !== suffix && !ASIDE.test(group)) found.add(b + group);
  }
  if (b.length < 6) return [...found];
  const head = b.slice(0, 4);
  const ending = b.slice(-2);
  for (let p = t.indexOf(head); p >= 0; p = t.indexOf(head, p + 1)) {
    if (t.startsWith(b, p)) continue;
    const window = t.slice(p, p + b.length + 3);
    const e = window.indexOf(ending, head.length);
    if (e < 0) continue;
    const candidate = window.slice(0, e + ending.length);
    if (PUNCTUATION.test(candidate) || Math.abs(candidate.length - b.length) > 3 || lcs(candidate, b) < 0.8 * b.length) continue;
    const group = /^（[^（）]{0,16}）/.exec(t.slice(p + candidate.length))?.[0];
    found.add(group !== undefined && !ASIDE.test(group) ? candidate + group : candidate);
  }
  return [...found];
}

export default defineRule({
  id: 'struct/unit-name',
  family: 'struct',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '单位名称在标题、说明和绩效目标表中一致', en: "The unit's name is the same everywhere" },
    source: '财政部预决算公开检查的常见问题：同一文件中单位名称前后不一致；绩效目标表的主管部门、实施单位应与公开单位一致',
  },
  messages: {
    titleName: { 'zh-CN': '文件标题中的单位名称“{found}”与单位名称“{name}”不一致', en: 'The document title names the unit "{found}", not "{name}"' },
    departmentName: { 'zh-CN': '绩效目标表（{project}）的主管部门“{found}”与单位名称“{name}”不一致', en: 'The performance table of {project} gives the supervising department as "{found}", not "{name}"' },
    implementerName: { 'zh-CN': '绩效目标表（{project}）的实施单位“{found}”与单位名称“{name}”不一致', en: 'The performance table of {project} gives the implementing unit as "{found}", not "{name}"' },
    textName: { 'zh-CN': '{place}中的单位名称“{found}”与单位名称“{name}”不一致', en: '{placeEn} names the unit "{found}", not "{name}"' },
  },
  check(ctx) {
    const { model } = ctx;
    const name = model.unit.name;
    // a forms workbook that does not state the unit's name gives nothing to compare with
    if (norm(name) === '') return;
    const department = model.unit.department;
    const title = model.document.title;
    if (title !== undefined) {
      const found = norm(title).replace(TITLE_PREFIX, '').replace(TITLE_SUFFIX, '');
      if (found !== '' && !sameUnit(found, name)) ctx.report({ messageId: 'titleName', data: { found, name }, location: { rowKey: 'title', path: ['document', 'title'] }, expected: name, actual: found });
    }
    // 主管部门 is the unit itself or, for a subordinate unit, its department; 实施单位 likewise.
    const ours = (s: string) => sameUnit(s, name) || (department !== undefined && sameUnit(s, department));
    model.performance.forEach((p, i) => {
      for (const [field, messageId] of [['department', 'departmentName'], ['implementer', 'implementerName']] as const) {
        const found = p[field];
        if (found === undefined || found.trim() === '' || ours(found)) continue;
        const location: Location = { form: 'P', project: p.project, rowKey: field, path: ['performance', i, field] };
        ctx.report({ messageId, data: { project: p.project, found, name }, location, expected: name, actual: found });
      }
    });
    const texts: { place: string; placeEn: string; location: Location; text: string }[] = [];
    for (const form of FORM_IDS) {
      const note = model.forms[form]?.note;
      if (note) texts.push({ place: `${formLabel(form)}的附注`, placeEn: `The note of form ${form}`, location: { form, path: ['forms', form, 'note'] }, text: note });
    }
    (model.narrative?.sections ?? []).forEach((s, i) => {
      if (s.text) texts.push({ place: `说明“${s.title}”`, placeEn: `The narrative section "${s.title}"`, location: { form: 'N', rowKey: s.key, columnKey: 'text', path: ['narrative', 'sections', i, 'text'] }, text: s.text });
    });
    for (const { place, placeEn, location, text } of texts) {
      for (const found of variants(text, name)) ctx.report({ messageId: 'textName', data: { place, placeEn, found, name }, location, expected: name, actual: found });
    }
  },
});
