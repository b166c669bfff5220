/**
 * What the narrative states, read from its sections: the figures it names
 * (NARRATIVE_FIGURES), the reasons for the change, the asset date, the unit's
 * kind, the projects it cites and the projects named for key evaluation.
 *
 * A figure is found by the words that name it and is kept with its quote: the
 * phrase that states it as published — the year or comparison that qualifies
 * it (2024年…, 较上年预算…), its name, the amount and the unit
 * (`2024年收入预算10,351.24万元`, `较上年预算增加2,525.71万元`). A part of the
 * budget introduced by 其中 keeps it (`其中：一般公共预算收入10,351.24万元`,
 * `其中财政拨款10,351.24万元`); the parts of a change and of procurement are
 * quoted from their name (`一般公共预算收入增加2,525.71万元`,
 * `政府采购货物预算0.00万元`). Amounts are read with their thousands
 * separators and kept in canonical form (10351.24); counts as stated.
 */
import { Amount } from '../amount/amount.js';
import type { NarrativeFigureKey } from '../model/columns.js';
import { canonicalAmount, type NarrativeFigure } from '../model/schema.js';
import { normalizeLabel } from '../forms/text.js';
import { lineAt } from './paragraphs.js';
import type { TextSection } from './sections.js';
import { ITEM_ORDINAL, SUB_ORDINAL } from './lines.js';

/** A figure with the line it was read from. */
export interface FoundFigure {
  readonly figure: NarrativeFigure;
  readonly line: number | undefined;
}

const AMT = String.raw`(?<amount>-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?:\.[0-9]{1,6})?)\s*(?<unit>万元|元)`;
const COUNT = (unit: string) => String.raw`(?<count>[0-9]{1,9})\s*(?<unit>${unit})`;
const YEAR = String.raw`(?:[0-9]{4}\s*年度?)?`;
const OF_WHICH = String.raw`(?:其中[：:]?)?`;
const IS = String.raw`(?:为|是|共计|合计|总计)?`;
const DIR = String.raw`(?<dir>增加|减少)`;

interface Spec {
  readonly key: NarrativeFigureKey;
  readonly re: RegExp;
}

const spec = (key: NarrativeFigureKey, source: string): Spec => ({ key, re: new RegExp(source, 'gu') });

const CHANGE_SPECS: readonly Spec[] = [
  spec('revenue.total', `${YEAR}(?:部门)?收入预算(?:总额)?${IS}${AMT}`),
  spec('revenue.gpb', `${OF_WHICH}一般公共预算(?:拨款)?收入${IS}${AMT}`),
  spec('revenue.gfb', `${OF_WHICH}政府性基金预算(?:拨款)?收入${IS}${AMT}`),
  spec('revenue.soc', `${OF_WHICH}国有资本经营预算(?:拨款)?收入${IS}${AMT}`),
  spec('revenue.other', `${OF_WHICH}其他收入${IS}${AMT}`),
  spec('expense.total', `${YEAR}(?:部门)?支出预算(?:总额)?${IS}${AMT}`),
  spec('expense.basic', `${OF_WHICH}基本支出${IS}${AMT}`),
  spec('expense.project', `${OF_WHICH}项目支出${IS}${AMT}`),
  spec('change.budget', `${YEAR}(?:部门)?收支预算(?:总额)?${IS}${AMT}`),
  spec('change.total', `(?:较|比)上年(?:度)?(?:预算)?(?:数)?${DIR}${AMT}`),
  spec('change.total', String.raw`与上年(?:度)?(?:预算)?(?:数)?(?<dir>持平)`),
  spec('change.revenue', `收入预算${DIR}${AMT}`),
  spec('change.revenue.gpb', `一般公共预算(?:拨款)?收入${DIR}${AMT}`),
  spec('change.revenue.gfb', `政府性基金预算(?:拨款)?收入${DIR}${AMT}`),
  spec('change.expense', `支出预算${DIR}${AMT}`),
  spec('change.expense.basic', `基本支出${DIR}${AMT}`),
  spec('change.expense.project', `项目支出${DIR}${AMT}`),
];

const THREE_PUBLIC_TOTAL = new RegExp(String.raw`(?<year>[0-9]{4})\s*年度?(?:一般公共预算)?(?:安排(?:的)?)?[“"‘']?三公[”"’']?经费(?:支出)?(?:预算)?(?:数)?${IS}${AMT}`, 'gu');
const THREE_PUBLIC_SPECS: readonly Spec[] = [
  spec('threePublic.current.abroad', `因公出国[（(]境[)）](?:经)?费(?:用)?(?:预算)?${IS}${AMT}`),
  spec('threePublic.current.vehiclePurchase', `公务用车购置(?:经)?费(?:用)?(?:预算)?${IS}${AMT}`),
  spec('threePublic.current.vehicleOperation', `公务用车运行(?:维护)?(?:经)?费(?:用)?(?:预算)?${IS}${AMT}`),
  spec('threePublic.current.reception', `公务接待(?:经)?费(?:用)?(?:预算)?${IS}${AMT}`),
];

const OPERATING_SPECS: readonly Spec[] = [spec('operatingCost', `${YEAR}[^，。；,;\\n]{0,30}?(?:机关|事业)运行经费[^，。；,;\\n0-9]{0,16}?${AMT}`)];

const PROCUREMENT_SPECS: readonly Spec[] = [
  spec('procurement.total', `${YEAR}(?:部门)?政府采购预算(?:总额)?${IS}${AMT}`),
  spec('procurement.goods', `政府采购货物(?:类)?预算${IS}${AMT}`),
  spec('procurement.works', `政府采购工程(?:类)?预算${IS}${AMT}`),
  spec('procurement.services', `政府采购服务(?:类)?预算${IS}${AMT}`),
];

const EQUIPMENT_UNIT = String.raw`台[（(]件、套[)）]|台（套）|台套|台|件|套`;
const ASSET_SPECS: readonly Spec[] = [
  spec('assets.vehicles', `(?:本部门|本单位)?(?:共有|拥有|共)?车辆(?:共)?${COUNT('辆')}`),
  spec('assets.generalEquipment', String.raw`单位价值\s*50\s*万元(?:（含）)?以上(?:的)?通用设备(?:共)?${COUNT(EQUIPMENT_UNIT)}`),
  spec('assets.specialEquipment', String.raw`单位价值\s*100\s*万元(?:（含）)?以上(?:的)?专用设备(?:共)?${COUNT(EQUIPMENT_UNIT)}`),
];

const PROJECTS = spec('performance.projects', `涉及(?:预算)?项目(?:支出)?(?:共)?${COUNT('个')}`);
const KEY_PROJECTS = spec('performance.keyProjects', String.raw`等\s*${COUNT('个')}项目开展(?:部门)?重点(?:绩效)?评价`);
const FUNDS = String.raw`(?:涉及)?(?:预算)?资金(?:总额)?${IS}${AMT}`;
const FISCAL = `${OF_WHICH}财政拨款(?:资金)?${IS}${AMT}`;
const ALL_PROJECT_SPECS: readonly Spec[] = [PROJECTS, spec('performance.funds', FUNDS), spec('performance.fiscal', FISCAL)];
const KEY_PROJECT_SPECS: readonly Spec[] = [KEY_PROJECTS, spec('performance.keyFunds', FUNDS), spec('performance.keyFiscal', FISCAL)];

interface Hit {
  readonly key: NarrativeFigureKey;
  readonly index: number;
  readonly figure: NarrativeFigure;
  /** Position of the amount (for its line). */
  readonly at: number;
}

function valueOf(groups: Record<string, string | undefined>): string | undefined {
  if (groups.count !== undefined) return groups.count.replace(/^0+(?=[0-9])/u, '');
  if (groups.amount === undefined) return undefined;
  const r = Amount.parse(groups.amount);
  return r.kind === 'amount' ? canonicalAmount(r.amount) : undefined;
}

function hitOf(key: NarrativeFigureKey, m: RegExpExecArray, offset: number, moneyUnit: string): Hit | undefined {
  const g = m.groups ?? {};
  const dir = g.dir === '增加' || g.dir === '减少' || g.dir === '持平' ? g.dir : undefined;
  const value = dir === '持平' && g.amount === undefined ? '0.00' : valueOf(g);
  if (value === undefined) return undefined;
  const unit = g.unit ?? moneyUnit;
  const quote = m[0];
  const amountAt = g.amount !== undefined || g.count !== undefined ? quote.indexOf(g.amount ?? g.count ?? '') : 0;
  const figure: NarrativeFigure = { key, value, unit, ...(dir ? { direction: dir } : {}), quote };
  return { key, index: offset + m.index, figure, at: offset + m.index + Math.max(0, amountAt) };
}

/** The first match of each spec in `text` (offset: where `text` starts in the section). */
function firstHits(specs: readonly Spec[], text: string, offset: number, moneyUnit: string): Hit[] {
  const hits = new Map<NarrativeFigureKey, Hit>();
  for (const s of specs) {
    s.re.lastIndex = 0;
    const m = s.re.exec(text);
    if (!m) continue;
    const hit = hitOf(s.key, m, offset, moneyUnit);
    const prev = hits.get(s.key);
    if (hit && (!prev || hit.index < prev.index)) hits.set(s.key, hit);
  }
  return [...hits.values()];
}

/** Sentences of a text with their offsets (split after 。 and newlines). */
function sentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '。' || ch === '\n') {
      if (i + 1 > start) out.push({ text: text.slice(start, i + 1), offset: start });
      start = i + 1;
    }
  }
  return out;
}

function threePublicHits(text: string, year: number, moneyUnit: string): Hit[] {
  const hits: Hit[] = [];
  THREE_PUBLIC_TOTAL.lastIndex = 0;
  for (const m of text.matchAll(THREE_PUBLIC_TOTAL)) {
    const y = Number(m.groups?.year);
    const key: NarrativeFigureKey | undefined = y === year ? 'threePublic.current.total' : y === year - 1 ? 'threePublic.previous.total' : undefined;
    if (!key || hits.some((h) => h.key === key)) continue;
    const hit = hitOf(key, m as RegExpExecArray, 0, moneyUnit);
    if (hit) hits.push(hit);
  }
  // The generated wording states last year right after: 2024年…预算X万元，2023年Y万元
  if (!hits.some((h) => h.key === 'threePublic.previous.total') && year > 0) {
    const prev = new RegExp(String.raw`${year - 1}\s*年(?:预算)?(?:数)?${IS}${AMT}`, 'u').exec(text);
    if (prev) {
      const hit = hitOf('threePublic.previous.total', prev, 0, moneyUnit);
      if (hit) hits.push(hit);
    }
  }
  return [...hits, ...firstHits(THREE_PUBLIC_SPECS, text, 0, moneyUnit)];
}

/** Performance: the count, funds and fiscal funds of all projects, then those of the key projects (their sentence names 重点). */
function performanceHits(text: string, moneyUnit: string): Hit[] {
  const hits: Hit[] = [];
  const has = (key: NarrativeFigureKey) => hits.some((h) => h.key === key);
  for (const s of sentences(text)) {
    const key = /重点(?:绩效)?评价/u.test(s.text);
    const found = key && !has('performance.keyFunds') ? firstHits(KEY_PROJECT_SPECS, s.text, s.offset, moneyUnit) : !key && !has('performance.funds') && /涉及(?:预算)?项目|绩效目标管理/u.test(s.text) ? firstHits(ALL_PROJECT_SPECS, s.text, s.offset, moneyUnit) : [];
    for (const h of found) if (!has(h.key)) hits.push(h);
  }
  return hits;
}

/** Every figure the sections state, in document order. */
export function readFigures(sections: readonly TextSection[], year: number, moneyUnit: string): FoundFigure[] {
  const out: { figure: NarrativeFigure; line: number | undefined; order: number; index: number }[] = [];
  const hitsOf = (s: TextSection): Hit[] => {
    switch (s.key) {
      case 'change':
        return firstHits(CHANGE_SPECS, s.text, 0, moneyUnit);
      case 'threePublic':
        return threePublicHits(s.text, year, moneyUnit);
      case 'operatingCost':
        return firstHits(OPERATING_SPECS, s.text, 0, moneyUnit);
      case 'procurement':
        return firstHits(PROCUREMENT_SPECS, s.text, 0, moneyUnit);
      case 'assets':
        return firstHits(ASSET_SPECS, s.text, 0, moneyUnit);
      case 'performance':
        return performanceHits(s.text, moneyUnit);
      default:
        return [];
    }
  };
  sections.forEach((s, order) => {
    for (const h of hitsOf(s)) out.push({ figure: h.figure, line: lineAt(s.segments, h.at), order, index: h.index });
  });
  out.sort((a, b) => a.order - b.order || a.index - b.index);
  return out.map(({ figure, line }) => ({ figure, line }));
}

// ---------------------------------------------------------------------------
// Words

/** The reasons given for the change: the paragraph of 增减变化 that names 原因, without its number. */
export function readChangeReasons(section: TextSection | undefined): { text: string; line: number | undefined } | undefined {
  if (!section) return undefined;
  let offset = 0;
  for (const para of section.text.split('\n')) {
    if (/原因/u.test(para)) {
      const text = para.replace(ITEM_ORDINAL, '').replace(SUB_ORDINAL, '').trim();
      if (text !== '') return { text, line: lineAt(section.segments, offset) };
    }
    offset += para.length + 1;
  }
  return undefined;
}

/** 截至2023年12月31日 → 2023-12-31. */
export function readAssetDate(section: TextSection | undefined): { date: string; line: number | undefined } | undefined {
  if (!section) return undefined;
  const m = /截(?:至|止)\s*([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/u.exec(section.text);
  if (!m) return undefined;
  const pad = (s: string | undefined) => (s ?? '').padStart(2, '0');
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: `${m[1] ?? ''}-${pad(m[2])}-${pad(m[3])}`, line: lineAt(section.segments, m.index) };
}

/** 行政 / 参公 / 事业 from the unit's own words in 机关运行经费 (本部门为事业单位); the definition of the term names all kinds and is no statement. */
export function readUnitKind(section: TextSection | undefined): { kind: '行政' | '参公' | '事业'; line: number | undefined } | undefined {
  if (!section) return undefined;
  const m = /(?:为|属于|系|是)(?<kind>行政单位|行政机关|参照公务员法管理(?:的)?(?:事业)?单位|参公(?:事业)?单位|事业单位)/u.exec(section.text);
  const k = m?.groups?.kind;
  if (!m || !k) return undefined;
  const kind = k.startsWith('行政') ? '行政' : k.startsWith('参') ? '参公' : '事业';
  return { kind, line: lineAt(section.segments, m.index) };
}

/** Words before a cited name that are not part of it (一是 人社专网费, 新设立 …, 拟对 …). */
const LEADING_WORDS = /^(?:[一二三四五六七八九十]+是|其中|包括|主要是|主要用于|用于|新设立|新设|新增|设立|拟对|对|优化|和|及|与|以及|等)+/u;
const NAME_STOP = /[、，。；：,;:\n（）()]/u;
/** Bracket contents that make a project suffix (先创区), not a list (件、套) or an ordinal (一). */
const SUFFIX = /^[^、，。；：,;:（）()\n]{1,20}$/u;

export interface CitedName {
  readonly name: string;
  readonly line: number | undefined;
}

/**
 * Project names cited in a text: names with a full-width bracket suffix
 * (`人社专网费（先创区）`), in order, each once. A name ending with a project of
 * 表十一 is that project; otherwise the words before the name are dropped.
 */
export function citedNames(section: TextSection, known: readonly string[]): CitedName[] {
  const text = section.text;
  const out: CitedName[] = [];
  const seen = new Set<string>();
  const knownByNorm = new Map<string, string>();
  for (const k of known) if (!knownByNorm.has(normalizeLabel(k))) knownByNorm.set(normalizeLabel(k), k);
  for (let open = text.indexOf('（'); open >= 0; open = text.indexOf('（', open + 1)) {
    // the closing bracket of a suffix is near (the search is bounded: a text of many brackets stays linear)
    const close = text.slice(open + 1, open + 22).indexOf('）');
    if (close < 0) continue;
    const end = open + 1 + close;
    const inner = text.slice(open + 1, end);
    if (!SUFFIX.test(inner) || /^[一二三四五六七八九十0-9]+$/u.test(inner)) continue;
    let from = open;
    while (from > 0 && open - from < 40 && !NAME_STOP.test(text[from - 1] ?? '')) from--;
    const raw = text.slice(from, end + 1);
    // the longest project of 表十一 the candidate ends with
    const norm = normalizeLabel(raw);
    let knownName: string | undefined;
    for (let i = 0; i < norm.length && knownName === undefined; i++) knownName = knownByNorm.get(norm.slice(i));
    const name = knownName ?? raw.replace(LEADING_WORDS, '');
    if (name.length <= end + 1 - open || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, line: lineAt(section.segments, from) });
  }
  return out;
}

/** The projects named for 重点绩效评价: 拟对A、B和C等3个项目开展部门重点绩效评价. */
export function keyProjectNames(section: TextSection | undefined, known: readonly string[]): CitedName[] {
  if (!section) return [];
  const m = /(?:拟对|对)(?<names>[^。；;\n]{1,300}?)(?:等\s*[0-9]{1,9}\s*个项目|项目)开展(?:部门)?重点(?:绩效)?评价/u.exec(section.text);
  const list = m?.groups?.names;
  if (!m || list === undefined) return [];
  const start = m.index + m[0].indexOf(list);
  const sub: TextSection = { ...section, text: list, segments: section.segments.map((s) => ({ offset: s.offset - start, line: s.line })) };
  const cited = citedNames(sub, known);
  if (cited.length > 0) return cited;
  // names without a bracket suffix: A、B和C
  const parts = list.split('、');
  const last = parts.pop() ?? '';
  const tail = last.includes('和') && parts.length > 0 ? last.split('和') : [last];
  return [...parts, ...tail].map((n) => n.trim()).filter((n) => n !== '').map((name) => ({ name, line: lineAt(section.segments, start) }));
}
