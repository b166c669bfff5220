/**
 * The sheets of the input workbook (底稿), described as data: the columns of
 * each table sheet (or the keys of a key–value sheet), how the input's items
 * become rows and how rows read back into the input. workbook.ts writes and
 * reads every sheet with these descriptions; nothing here touches a cell.
 */
import { bundledCatalogs } from '../catalog/bundled.js';
import { FORM_IDS, FORM_TITLES, SECTION_TITLES, type FormId } from '../model/columns.js';
import type { FieldSpec, FieldValue } from './cells.js';
import {
  BUDGET_SOURCE_NAMES,
  BUDGET_SOURCES,
  INPUT_SHEET_NAMES,
  NARRATIVE_SECTIONS,
  PROCUREMENT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  type BudgetInput,
  type InputSheetId,
} from './schema.js';

/** A record: field key → value (canonical strings; numbers for integers). */
export type SheetRecord = Readonly<Record<string, FieldValue | undefined>>;

/** A row read from a sheet: its values and the A1 address of each value. */
export interface ReadRow {
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly cells: Readonly<Record<string, string>>;
}

/** What a sheet's reader may do besides filling the draft. */
export interface ReadContext {
  readonly sheet: string;
  /** Records where an input path came from: `lines.3.project` ← this row's `project` cell. */
  readonly locate: (path: string, row: ReadRow, key: string) => void;
  /** A required value is blank on this row (reported at the cell). */
  readonly missing: (row: ReadRow, field: FieldSpec, cell: string) => void;
}

/** The input being read, before validation: every list present, unit fields possibly missing. */
export interface Draft {
  unit: Partial<BudgetInput['unit']>;
  document: Partial<BudgetInput['document']>;
  lines: BudgetInput['lines'];
  subjects: BudgetInput['subjects'];
  basic: BudgetInput['basic'];
  economicSubjects: BudgetInput['economicSubjects'];
  projects: BudgetInput['projects'];
  threePublic: BudgetInput['threePublic'];
  procurement: BudgetInput['procurement'];
  performance: BudgetInput['performance'];
  narrative: BudgetInput['narrative'];
}

export interface TableSheetSpec {
  readonly layout: 'table';
  readonly id: InputSheetId;
  readonly name: string;
  readonly title: string;
  readonly instruction: string;
  readonly columns: readonly FieldSpec[];
  /** The rows of an input, one record per row. */
  readonly write: (input: BudgetInput) => SheetRecord[];
  /** Rows of the empty template (blank rows when absent). */
  readonly template?: readonly SheetRecord[];
  /** Puts the rows read into the draft. */
  readonly read: (rows: readonly ReadRow[], draft: Draft, ctx: ReadContext) => void;
}

/** A key–value field: the row with this key holds the value at `path` of the input. */
export interface KeyValueField extends FieldSpec {
  /** Path in the input (`narrative.previous.total`). */
  readonly path: string;
  /** One row per item of a list (`narrative.keyProjects`). */
  readonly repeated?: boolean;
  /** Value used when the cell is blank. */
  readonly fallback?: FieldValue;
}

export interface KeyValueSheetSpec {
  readonly layout: 'keyValue';
  readonly id: InputSheetId;
  readonly name: string;
  readonly title: string;
  readonly instruction: string;
  readonly fields: readonly KeyValueField[];
}

export type InputSheetSpec = TableSheetSpec | KeyValueSheetSpec;

/** The three columns of a key–value sheet. */
export const KEY_VALUE_COLUMNS = {
  key: { key: 'key', header: '键', words: ['key', '代码'], kind: 'text', width: 26 },
  label: { key: 'label', header: '项目', words: ['名称', '说明项目', 'label'], kind: 'text', width: 36 },
  value: { key: 'value', header: '值', words: ['内容', '填写内容', 'value'], kind: 'text', width: 60, long: true },
} as const satisfies Record<string, FieldSpec>;

// ---------------------------------------------------------------------------
// Paths into plain objects

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (const part of parts.slice(0, -1)) {
    let next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = next = {};
    cur = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (last !== undefined) cur[last] = value;
}

// ---------------------------------------------------------------------------
// Columns

const SOURCE_LIST = BUDGET_SOURCES.map((s) => BUDGET_SOURCE_NAMES[s]).join('、');

const sourceColumn: FieldSpec = { key: 'source', header: '资金来源', words: ['来源', '资金性质'], kind: 'source', required: true, width: 20 };

function amountColumn(key: string, header: string, words: readonly string[] = [], required = false): FieldSpec {
  return { key, header, words, kind: 'amount', width: 14, ...(required ? { required } : {}) };
}

const itemCode: FieldSpec = {
  key: 'code',
  header: '功能科目编码',
  words: ['科目编码', '功能分类科目编码', '编码', '项级科目编码'],
  kind: 'code',
  codes: [{ kind: 'function', lengths: [7] }],
  required: true,
  width: 14,
};

/** Table sheets whose rows are the items of one list of the input, a field per column. */
function listSheet(
  id: InputSheetId,
  list: 'lines' | 'basic' | 'projects' | 'procurement',
  title: string,
  instruction: string,
  columns: readonly FieldSpec[],
  options: { init?: () => Record<string, unknown>; derive?: (item: Record<string, unknown>, input: BudgetInput) => Record<string, FieldValue | undefined> } = {},
): TableSheetSpec {
  const name = INPUT_SHEET_NAMES[id];
  return {
    layout: 'table',
    id,
    name,
    title,
    instruction,
    columns,
    write: (input) =>
      (input[list] as readonly Record<string, unknown>[]).map((item) => {
        const rec: Record<string, FieldValue | undefined> = {};
        for (const c of columns) {
          const v = getPath(item, c.key);
          if (typeof v === 'string' || typeof v === 'number') rec[c.key] = v;
        }
        return { ...rec, ...options.derive?.(item, input) };
      }),
    read: (rows, draft, ctx) => {
      const target = draft[list] as unknown as Record<string, unknown>[];
      for (const row of rows) {
        const item = options.init?.() ?? {};
        const i = target.length;
        for (const c of columns) {
          const v = row.values[c.key];
          if (c.derived || v === undefined) continue;
          setPath(item, c.key, v);
          ctx.locate(`${list}.${i}.${c.key}`, row, c.key);
        }
        target.push(item);
      }
    },
  };
}

function functionName(input: BudgetInput, code: string): string | undefined {
  return input.lines.find((l) => l.code === code && l.name !== undefined)?.name ?? bundledCatalogs().function.get(code)?.name;
}

// ---------------------------------------------------------------------------
// The sheets

const unitSheet: KeyValueSheetSpec = {
  layout: 'keyValue',
  id: 'unit',
  name: INPUT_SHEET_NAMES.unit,
  title: '单位信息',
  instruction: '填写“值”列。单位性质填 行政、参公 或 事业；金额单位填 万元 或 元（空白按万元），底稿各表的金额都以此为单位。',
  fields: [
    { key: 'unit.name', path: 'unit.name', header: '单位名称', kind: 'text', required: true },
    { key: 'unit.year', path: 'unit.year', header: '预算年度', kind: 'integer', required: true },
    {
      key: 'unit.kind',
      path: 'unit.kind',
      header: '单位性质',
      kind: 'enum',
      values: ['行政', '参公', '事业'],
      aliases: { 行政单位: '行政', 参公单位: '参公', 参照公务员法管理单位: '参公', 事业单位: '事业' },
    },
    { key: 'unit.department', path: 'unit.department', header: '主管部门', kind: 'text' },
    { key: 'document.title', path: 'document.title', header: '文档标题', kind: 'text' },
    { key: 'document.amountUnit', path: 'document.amountUnit', header: '金额单位', kind: 'enum', values: ['万元', '元'], fallback: '万元' },
  ],
};

const linesSheet = listSheet(
  'lines',
  'lines',
  '收入支出明细（按功能分类项级科目和资金来源）',
  `每个项级科目、每个资金来源填一行；类、款和合计由程序计算。资金来源可填：${SOURCE_LIST}。各行收入 = 人员支出 + 日常公用支出 + 项目支出 + 结转下年。`,
  [
    itemCode,
    { key: 'name', header: '科目名称', words: ['名称', '功能科目名称'], kind: 'text', width: 36 },
    sourceColumn,
    amountColumn('personnel', '人员支出'),
    amountColumn('publicUse', '日常公用支出', ['公用支出']),
    amountColumn('project', '项目支出'),
    amountColumn('carryForward', '结转下年'),
  ],
);

const subjectsSheet: TableSheetSpec = {
  layout: 'table',
  id: 'subjects',
  name: INPUT_SHEET_NAMES.subjects,
  title: '科目名称（类、款级功能科目与经济分类类级科目）',
  instruction: '合计行所用的类、款名称：功能分类类（3 位）、款（5 位），经济分类类（301、501 等）。内置科目目录中有的编码可不填。',
  columns: [
    {
      key: 'code',
      header: '科目编码',
      words: ['编码'],
      kind: 'code',
      codes: [
        { kind: 'function', lengths: [3, 5] },
        { kind: 'economic-department', lengths: [3] },
        { kind: 'economic-government', lengths: [3] },
      ],
      required: true,
      width: 14,
    },
    { key: 'name', header: '科目名称', words: ['名称'], kind: 'text', required: true, width: 40 },
  ],
  write: (input) => [...input.subjects, ...input.economicSubjects].map((s) => ({ code: s.code, name: s.name })),
  read: (rows, draft, ctx) => {
    for (const row of rows) {
      const code = String(row.values.code);
      const name = String(row.values.name);
      const list = code.startsWith('2') ? 'subjects' : 'economicSubjects';
      const i = draft[list].length;
      draft[list].push({ code, name });
      ctx.locate(`${list}.${i}.code`, row, 'code');
      ctx.locate(`${list}.${i}.name`, row, 'name');
    }
  },
};

const basicSheet = listSheet(
  'basic',
  'basic',
  '基本支出（按经济分类款级科目和资金来源）',
  `每个经济分类款级科目、每个资金来源填一行。301 工资福利支出、303 对个人和家庭的补助计入人员支出，其余（302 商品和服务支出、310 资本性支出等）计入日常公用支出。资金来源可填：${SOURCE_LIST}。`,
  [
    { key: 'department.code', header: '部门经济分类编码', words: ['部门经济分类科目编码', '部门经济分类'], kind: 'code', codes: [{ kind: 'economic-department', lengths: [5] }], required: true, width: 14 },
    { key: 'department.name', header: '部门经济分类名称', words: ['名称'], kind: 'text', width: 24 },
    { key: 'government.code', header: '政府经济分类编码', words: ['政府经济分类科目编码', '政府经济分类'], kind: 'code', codes: [{ kind: 'economic-government', lengths: [5] }], width: 14 },
    { key: 'government.name', header: '政府经济分类名称', words: ['名称'], kind: 'text', width: 24 },
    sourceColumn,
    amountColumn('amount', '金额', ['预算数', '基本支出'], true),
  ],
);

const projectsSheet = listSheet(
  'projects',
  'projects',
  '项目（项目支出按资金来源）',
  '每个项目一行，按资金来源填写金额；项目支出预算情况表和绩效目标表的项目资金都由此计算。',
  [
    { key: 'name', header: '项目名称', words: ['项目'], kind: 'text', required: true, width: 36 },
    { key: 'type', header: '项目类型', words: ['类型'], kind: 'text', width: 14 },
    ...BUDGET_SOURCES.map((s) => amountColumn(`amounts.${s}`, BUDGET_SOURCE_NAMES[s])),
  ],
  { init: () => ({ amounts: {} }) },
);

const YEAR_ROWS = { previous: '上年', current: '本年' } as const;

const threePublicSheet: TableSheetSpec = {
  layout: 'table',
  id: 'threePublic',
  name: INPUT_SHEET_NAMES.threePublic,
  title: '一般公共预算“三公”经费',
  instruction: '上年与本年各填一行；公务用车小计和合计由程序计算。没有“三公”经费时留空。',
  columns: [
    { key: 'year', header: '年度', words: ['年份'], kind: 'enum', values: ['上年', '本年'], aliases: { 上年预算: '上年', 本年预算: '本年', 上年度: '上年', 本年度: '本年' }, required: true, width: 10 },
    amountColumn('abroad', '因公出国（境）经费', ['因公出国（境）费']),
    amountColumn('vehiclePurchase', '公务用车购置经费', ['公务用车购置费']),
    amountColumn('vehicleOperation', '公务用车运行维护费', ['公务用车运行费']),
    amountColumn('reception', '公务接待费'),
  ],
  write: (input) =>
    (['previous', 'current'] as const).map((y) => ({ year: YEAR_ROWS[y], ...input.threePublic[y] })),
  template: [{ year: YEAR_ROWS.previous }, { year: YEAR_ROWS.current }],
  read: (rows, draft, ctx) => {
    for (const row of rows) {
      const y = row.values.year === '上年' ? 'previous' : 'current';
      for (const k of THREE_PUBLIC_ITEMS) {
        const v = row.values[k];
        if (v === undefined) continue;
        draft.threePublic[y][k] = String(v);
        ctx.locate(`threePublic.${y}.${k}`, row, k);
      }
    }
  },
};

const procurementSheet = listSheet(
  'procurement',
  'procurement',
  '政府采购（按功能分类项级科目、资金来源和品目类别）',
  `每个科目、资金来源、品目类别填一行；品目类别填 货物、工程 或 服务；科目名称取自收入支出明细，无需填写。资金来源可填：${SOURCE_LIST}。`,
  [
    itemCode,
    { key: 'name', header: '科目名称', words: ['名称'], kind: 'text', derived: true, width: 30 },
    sourceColumn,
    { key: 'category', header: '品目类别', words: ['采购品目', '类别', '采购类别'], kind: 'enum', values: PROCUREMENT_CATEGORIES, aliases: { 货物类: '货物', 工程类: '工程', 服务类: '服务' }, required: true, width: 10 },
    amountColumn('amount', '金额', ['采购金额', '预算数'], true),
  ],
  { derive: (item, input) => ({ name: functionName(input, String(item.code)) }) },
);

const performanceColumns: readonly FieldSpec[] = [
  { key: 'project', header: '项目名称', words: ['项目'], kind: 'text', width: 30 },
  { key: 'department', header: '主管部门', kind: 'text', width: 24 },
  { key: 'implementer', header: '实施单位', kind: 'text', width: 24 },
  { key: 'target', header: '年度总体绩效目标', words: ['绩效目标', '总体绩效目标'], kind: 'text', long: true, width: 40 },
  { key: 'level1', header: '一级指标', kind: 'text', width: 12 },
  { key: 'level2', header: '二级指标', kind: 'text', width: 16 },
  { key: 'level3', header: '三级指标', kind: 'text', width: 36 },
  { key: 'value', header: '指标值', words: ['目标值', '指标值（包含数字及文字描述）'], kind: 'text', width: 16 },
];

const performanceSheet: TableSheetSpec = {
  layout: 'table',
  id: 'performance',
  name: INPUT_SHEET_NAMES.performance,
  title: '项目支出绩效目标',
  instruction:
    '每个指标一行，每行都填项目名称；主管部门、实施单位和年度总体绩效目标填在项目的第一行。一级指标：成本、产出、效益、满意度指标。项目资金取自“项目”表，无需填写。',
  columns: performanceColumns,
  write: (input) =>
    input.performance.flatMap((p): SheetRecord[] => {
      const head: SheetRecord = { project: p.project, department: p.department, implementer: p.implementer, target: p.target };
      if (p.indicators.length === 0) return [head];
      return p.indicators.map((ind, j) => ({ ...(j === 0 ? head : { project: p.project }), ...ind }));
    }),
  read: (rows, draft, ctx) => {
    let current: BudgetInput['performance'][number] | undefined;
    let index = -1;
    for (const row of rows) {
      const v = row.values;
      const name = v.project === undefined ? current?.project : String(v.project);
      if (name === undefined) {
        const first = performanceColumns[0];
        if (first) ctx.missing(row, first, Object.values(row.cells)[0] ?? 'A1');
        continue;
      }
      if (!current || current.project !== name) {
        current = { project: name, indicators: [] };
        index = draft.performance.length;
        draft.performance.push(current);
        ctx.locate(`performance.${index}.project`, row, 'project');
      }
      for (const k of ['department', 'implementer', 'target'] as const) {
        const x = v[k];
        if (x !== undefined && current[k] === undefined) {
          current[k] = String(x);
          ctx.locate(`performance.${index}.${k}`, row, k);
        }
      }
      if (v.level1 === undefined && v.level2 === undefined && v.level3 === undefined && v.value === undefined) continue;
      const prev = current.indicators[current.indicators.length - 1];
      const j = current.indicators.length;
      current.indicators.push({
        level1: v.level1 === undefined ? (prev?.level1 ?? '') : String(v.level1),
        level2: v.level2 === undefined ? (prev?.level2 ?? '') : String(v.level2),
        level3: v.level3 === undefined ? '' : String(v.level3),
        value: v.value === undefined ? '' : String(v.value),
      });
      for (const k of ['level1', 'level2', 'level3', 'value'] as const) ctx.locate(`performance.${index}.indicators.${j}.${k}`, row, k);
    }
  },
};

const NOTE_FORMS: readonly FormId[] = FORM_IDS;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const narrativeSheet: KeyValueSheetSpec = {
  layout: 'keyValue',
  id: 'narrative',
  name: INPUT_SHEET_NAMES.narrative,
  title: '说明（表格之外的数字与文字）',
  instruction:
    '填写“值”列。收入、支出、政府采购、绩效等数字由程序从各表计算；这里只填表格中没有的内容。表的注：空表默认生成“注：…没有…”，填写则替换。重点绩效评价项目每行一个项目名称，可增加行。部门概况、特殊事项说明、名词解释须填写；其余各部分的文字由数字生成，填写则替换。',
  fields: [
    { key: 'previous.total', path: 'narrative.previous.total', header: '上年收支预算总额', kind: 'amount' },
    { key: 'previous.gpb', path: 'narrative.previous.gpb', header: '上年一般公共预算收入', kind: 'amount' },
    { key: 'previous.gfb', path: 'narrative.previous.gfb', header: '上年政府性基金预算收入', kind: 'amount' },
    { key: 'previous.basic', path: 'narrative.previous.basic', header: '上年基本支出', kind: 'amount' },
    { key: 'previous.project', path: 'narrative.previous.project', header: '上年项目支出', kind: 'amount' },
    { key: 'changeReasons', path: 'narrative.changeReasons', header: '收支增减变化原因', kind: 'text', long: true },
    { key: 'threePublicReasons', path: 'narrative.threePublicReasons', header: '“三公”经费增减变化原因', kind: 'text', long: true },
    { key: 'operatingCost', path: 'narrative.operatingCost', header: '机关运行经费', kind: 'amount' },
    { key: 'assetDate', path: 'narrative.assetDate', header: '国有资产统计日期', words: ['资产统计日期'], kind: 'date' },
    { key: 'assets.vehicles', path: 'narrative.assets.vehicles', header: '车辆（辆）', kind: 'count' },
    { key: 'assets.generalEquipment', path: 'narrative.assets.generalEquipment', header: '单位价值50万元以上通用设备（台、件、套）', kind: 'count' },
    { key: 'assets.specialEquipment', path: 'narrative.assets.specialEquipment', header: '单位价值100万元以上专用设备（台、件、套）', kind: 'count' },
    { key: 'keyProjects', path: 'narrative.keyProjects', header: '重点绩效评价项目', kind: 'text', repeated: true },
    ...NOTE_FORMS.map(
      (id, i): KeyValueField => ({ key: `notes.${id}`, path: `narrative.notes.${id}`, header: `表${ORDINALS[i] ?? ''} ${FORM_TITLES[id]}的注`, kind: 'text', long: true }),
    ),
    ...NARRATIVE_SECTIONS.map(
      (key): KeyValueField => ({ key: `texts.${key}`, path: `narrative.texts.${key}`, header: `${SECTION_TITLES[key]}（文字）`, words: [SECTION_TITLES[key]], kind: 'text', long: true }),
    ),
  ],
};

/** Every sheet of the input workbook, in tab order. */
export const INPUT_SHEETS: readonly InputSheetSpec[] = [
  unitSheet,
  linesSheet,
  subjectsSheet,
  basicSheet,
  projectsSheet,
  threePublicSheet,
  procurementSheet,
  performanceSheet,
  narrativeSheet,
];
