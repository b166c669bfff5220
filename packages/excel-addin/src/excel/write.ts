/**
 * Writing core's SheetSpecs as new worksheets with bulk range operations:
 * values and number formats as 2-D arrays, one merge call per merged area,
 * formats per rectangle of equal role (never per cell), column widths, row
 * heights, frozen header, print setup, and the owner mark. One sync per sheet
 * (more only for a sheet beyond the payload budget), after two syncs that list
 * the sheets and their owners.
 *
 * A user's sheet is never touched: the new sheet gets a free name ("表1 (2)").
 * An add-in sheet of the wanted name is replaced only with `replaceOwned`: the
 * new sheet is written under a temporary name first, and takes the old one's
 * name and tab position once everything was written.
 */
import { a1, columnLetters, isCellError, type CellRole, type CellValue, type SheetSpec } from '@yusuan/core';
import { boxAddress, parseRange, type Box } from './a1.js';
import { OWNER_KEY } from './read.js';
import { BODY_FONT, BODY_SIZE, BORDER_COLOUR, columnWidthPoints, GENERAL_FORMAT, ROLE_FORMATS, TEXT_FORMAT, type RoleFormat } from './roles.js';

export type OwnerKind = 'forms' | 'template' | 'report';

export interface WriteOutcome {
  readonly written: readonly string[];
  readonly replaced: readonly string[];
}

const MAX_NAME = 31;
const MAX_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Estimated request bytes per sync for cell data. */
const WRITE_SYNC_BYTES = 3_000_000;
/** Cells per values/numberFormat assignment. */
const WRITE_CHUNK_CELLS = 20_000;
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** Page margins in points (0.4 in left and right, 0.6 in top and bottom, 0.3 in header and footer), as the CLI writes them. */
const MARGINS = { left: 28.8, right: 28.8, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 } as const;
const FOOTER = '第 &P 页，共 &N 页';

/** Why Excel would refuse a sheet name, or undefined. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (name.length > MAX_NAME) return 'it is longer than 31 characters';
  if (NAME_FORBIDDEN.test(name)) return 'it contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'it starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}

/**
 * Whether Excel would take typed text for something else: a formula (= + - @),
 * a number, date or time (any digit), a boolean, an error literal (#). Such
 * text is written with a leading apostrophe, which Excel keeps out of the value.
 */
export function needsQuote(text: string): boolean {
  return text !== '' && (/^[=+\-@'#]/.test(text) || /[0-9０-９]/.test(text) || /^\s*(true|false)\s*$/i.test(text));
}

interface MutableBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Layout {
  readonly spec: SheetSpec;
  readonly height: number;
  readonly width: number;
  /** Final role of each cell (later styles override earlier ones). */
  readonly roles: (CellRole | undefined)[][];
  readonly merges: readonly Box[];
}

function box(range: string, where: string): Box {
  const b = parseRange(range);
  if (!b || b.bottom >= MAX_ROWS || b.right >= MAX_COLUMNS) throw new Error(`${where}: "${range}" is not an A1 range on the sheet`);
  return b;
}

function overlaps(x: Box, y: Box): boolean {
  return x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right;
}

/** Checks a spec the way Excel would refuse it, and works out its rectangle and roles. Errors are bugs of the spec's builder. */
function layout(spec: SheetSpec): Layout {
  const where = `sheet "${spec.name}"`;
  const merges: Box[] = [];
  for (const m of spec.merges ?? []) {
    const b = box(m, `${where}, merge`);
    if (b.top === b.bottom && b.left === b.right) continue;
    if (merges.some((x) => overlaps(x, b))) throw new Error(`${where}: merge "${m}" overlaps another merge`);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = spec.rows[r]?.[c] ?? null;
        if ((r !== b.top || c !== b.left) && v !== null && v !== '') throw new Error(`${where}: merge "${m}" hides the value of ${a1(r, c)}`);
      }
    }
    merges.push(b);
  }
  const styles = (spec.styles ?? []).map((s) => ({ role: s.role, box: box(s.range, `${where}, ${s.role} range`) }));
  let height = spec.rows.length;
  let width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (const s of styles) {
    height = Math.max(height, s.box.bottom + 1);
    width = Math.max(width, s.box.right + 1);
  }
  for (const m of merges) {
    height = Math.max(height, m.bottom + 1);
    width = Math.max(width, m.right + 1);
  }
  (spec.columnWidths ?? []).forEach((w, c) => {
    if (!Number.isFinite(w) || w <= 0 || w > 255) throw new Error(`${where}: column ${c + 1} width ${w} is out of range`);
  });
  for (const [key, h] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(key);
    if (!Number.isInteger(r) || r < 0 || r >= MAX_ROWS || !Number.isFinite(h) || h <= 0 || h > 409) throw new Error(`${where}: row height ${h} for row index ${key} is out of range`);
  }
  const freeze = spec.freeze;
  if (freeze && (!Number.isInteger(freeze.rows) || !Number.isInteger(freeze.columns) || freeze.rows < 0 || freeze.columns < 0 || freeze.rows >= MAX_ROWS || freeze.columns >= MAX_COLUMNS)) {
    throw new Error(`${where}: cannot freeze ${freeze.rows} rows and ${freeze.columns} columns`);
  }
  const repeat = spec.print?.repeatRows;
  if (repeat && (!Number.isInteger(repeat[0]) || !Number.isInteger(repeat[1]) || repeat[0] < 1 || repeat[1] < repeat[0] || repeat[1] > MAX_ROWS)) {
    throw new Error(`${where}: repeated rows ${repeat[0]}:${repeat[1]} are not a row range`);
  }
  const roles: (CellRole | undefined)[][] = Array.from({ length: height }, () => new Array<CellRole | undefined>(width).fill(undefined));
  for (const s of styles) {
    if (!(s.role in ROLE_FORMATS)) throw new Error(`${where}: unknown role ${String(s.role)}`);
    for (let r = s.box.top; r <= s.box.bottom; r++) {
      const row = roles[r] as (CellRole | undefined)[];
      for (let c = s.box.left; c <= s.box.right; c++) row[c] = s.role;
    }
  }
  return { spec, height, width, roles, merges };
}

/** Maximal rectangles of equal role: runs in each row, stacked while the next row has the same run. */
export function roleRectangles(roles: readonly (readonly (CellRole | undefined)[])[]): { box: Box; role: CellRole }[] {
  const out: { box: MutableBox; role: CellRole }[] = [];
  let open = new Map<string, { box: MutableBox; role: CellRole }>();
  roles.forEach((row, r) => {
    const next = new Map<string, { box: MutableBox; role: CellRole }>();
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      if (c < row.length && row[c] === row[start]) continue;
      const role = row[start];
      if (role !== undefined) {
        const key = `${start}:${c - 1}:${role}`;
        const prev = open.get(key);
        if (prev && prev.box.bottom === r - 1) {
          prev.box.bottom = r;
          next.set(key, prev);
        } else {
          const rect = { box: { top: r, left: start, bottom: r, right: c - 1 }, role };
          out.push(rect);
          next.set(key, rect);
        }
      }
      start = c;
    }
    open = next;
  });
  return out;
}

function cellInput(v: CellValue | undefined, format: string, where: string): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${where}: ${v} is not a number Excel can store`);
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v.length > MAX_TEXT) throw new Error(`${where}: text longer than ${MAX_TEXT} characters`);
    return format !== TEXT_FORMAT && needsQuote(v) ? `'${v}` : v;
  }
  if (isCellError(v)) {
    if (!EXCEL_ERRORS.has(v.error)) throw new Error(`${where}: "${v.error}" is not an error value Excel can store`);
    return v.error;
  }
  throw new Error(`${where}: unsupported cell value ${JSON.stringify(v)}`);
}

interface Band {
  readonly box: Box;
  readonly values: (string | number | boolean)[][];
  readonly formats: string[][];
  readonly bytes: number;
}

/** The sheet's values and number formats as 2-D arrays, in row bands. */
function bands(l: Layout): Band[] {
  if (l.height === 0 || l.width === 0) return [];
  const rowsPerBand = Math.max(1, Math.floor(WRITE_CHUNK_CELLS / l.width));
  const out: Band[] = [];
  for (let top = 0; top < l.height; top += rowsPerBand) {
    const bottom = Math.min(l.height - 1, top + rowsPerBand - 1);
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const f = (l.roles[r] as (CellRole | undefined)[]).map((role) => (role === undefined ? GENERAL_FORMAT : ROLE_FORMATS[role].numberFormat));
      formats.push(f);
      values.push(f.map((format, c) => cellInput(l.spec.rows[r]?.[c], format, `sheet "${l.spec.name}", cell ${a1(r, c)}`)));
    }
    out.push({ box: { top, left: 0, bottom, right: l.width - 1 }, values, formats, bytes: JSON.stringify(values).length * 2 + JSON.stringify(formats).length });
  }
  return out;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function applyRole(range: Excel.Range, b: Box, f: RoleFormat): void {
  const format = range.format;
  if (f.font.name !== BODY_FONT) format.font.name = f.font.name;
  if (f.font.size !== BODY_SIZE) format.font.size = f.font.size;
  if (f.font.bold) format.font.bold = true;
  format.horizontalAlignment = f.horizontal;
  format.verticalAlignment = f.vertical;
  if (f.wrap) format.wrapText = true;
  if (f.fill !== undefined) format.fill.color = f.fill;
  if (!f.borders) return;
  const edges: (Excel.BorderIndex | (typeof EDGES)[number] | 'InsideHorizontal' | 'InsideVertical')[] = [...EDGES];
  if (b.bottom > b.top) edges.push('InsideHorizontal');
  if (b.right > b.left) edges.push('InsideVertical');
  for (const edge of edges) {
    const border = format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = BORDER_COLOUR;
  }
}

/** Queues everything but the cell data: merges, formats, widths, heights, freeze, print, owner. */
function queuePresentation(ws: Excel.Worksheet, l: Layout, kind: OwnerKind): void {
  const spec = l.spec;
  if (l.height > 0 && l.width > 0) {
    const font = ws.getRange(boxAddress({ top: 0, left: 0, bottom: l.height - 1, right: l.width - 1 })).format.font;
    font.name = BODY_FONT;
    font.size = BODY_SIZE;
  }
  for (const m of l.merges) ws.getRange(boxAddress(m)).merge(false);
  for (const { box: b, role } of roleRectangles(l.roles)) applyRole(ws.getRange(boxAddress(b)), b, ROLE_FORMATS[role]);

  const widths = spec.columnWidths ?? [];
  for (let c = 0; c < widths.length; ) {
    const w = widths[c] as number;
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    ws.getRange(`${columnLetters(c + 1)}:${columnLetters(end + 1)}`).format.columnWidth = columnWidthPoints(w);
    c = end + 1;
  }
  for (const [key, height] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${Number(key) + 1}:${Number(key) + 1}`).format.rowHeight = height;

  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    if (freeze.rows > 0 && freeze.columns > 0) ws.freezePanes.freezeAt(boxAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.columns - 1 }));
    else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
    else ws.freezePanes.freezeColumns(freeze.columns);
  }

  const page = ws.pageLayout;
  page.orientation = spec.print?.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  page.leftMargin = MARGINS.left;
  page.rightMargin = MARGINS.right;
  page.topMargin = MARGINS.top;
  page.bottomMargin = MARGINS.bottom;
  page.headerMargin = MARGINS.header;
  page.footerMargin = MARGINS.footer;
  page.centerHorizontally = true;
  if (spec.print?.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const repeat = spec.print?.repeatRows;
  if (repeat) page.setPrintTitleRows(`$${repeat[0]}:$${repeat[1]}`);
  page.headersFooters.defaultForAllPages.centerFooter = FOOTER;
  ws.customProperties.add(OWNER_KEY, kind);
}

interface Existing {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly position: number;
  readonly owned: boolean;
}

interface Target {
  readonly layout: Layout;
  readonly name: string;
  /** The add-in sheet this one replaces. */
  readonly replaces?: Existing;
}

function withSuffix(name: string, n: number): string {
  const suffix = ` (${n})`;
  return `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}

/** Where each spec goes: its own name, or the first free "name (n)"; an add-in sheet in the way is replaced only with replaceOwned. */
function plan(layouts: readonly Layout[], existing: readonly Existing[], replaceOwned: boolean): Target[] {
  const byName = new Map(existing.map((e) => [e.name.toUpperCase(), e]));
  const used = new Set<string>();
  return layouts.map((l) => {
    for (let n = 1; ; n++) {
      const name = n === 1 ? l.spec.name : withSuffix(l.spec.name, n);
      const key = name.toUpperCase();
      if (used.has(key)) continue;
      const there = byName.get(key);
      if (there && !(there.owned && replaceOwned)) continue;
      used.add(key);
      return there ? { layout: l, name, replaces: there } : { layout: l, name };
    }
  });
}

function temporaryName(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = `yusuan-tmp-${i}`;
    if (!taken.has(name.toUpperCase())) {
      taken.add(name.toUpperCase());
      return name;
    }
  }
}

/** Writes the specs as new sheets (see the module comment). */
export async function writeSpecs(context: Excel.RequestContext, specs: readonly SheetSpec[], kind: OwnerKind, replaceOwned: boolean): Promise<WriteOutcome> {
  const seen = new Set<string>();
  for (const s of specs) {
    const problem = sheetNameProblem(s.name);
    if (problem !== undefined) throw new Error(`invalid sheet name "${s.name}": ${problem}`);
    if (seen.has(s.name.toUpperCase())) throw new Error(`duplicate sheet name "${s.name}"`);
    seen.add(s.name.toUpperCase());
  }
  const layouts = specs.map(layout);
  const data = layouts.map(bands);

  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/position');
  await context.sync();
  const owners = sheets.items.map((ws) => ws.customProperties.getItemOrNullObject(OWNER_KEY).load('value'));
  await context.sync();
  const existing: Existing[] = sheets.items.map((ws, i) => ({ worksheet: ws, name: ws.name, position: ws.position, owned: !(owners[i] as Excel.WorksheetCustomProperty).isNullObject }));

  const targets = plan(layouts, existing, replaceOwned);
  const taken = new Set([...existing.map((e) => e.name.toUpperCase()), ...targets.map((t) => t.name.toUpperCase())]);
  const created: Excel.Worksheet[] = [];
  const swaps: { worksheet: Excel.Worksheet; temporary: string; target: Target; old: Existing }[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      const temporary = target.replaces ? temporaryName(taken) : undefined;
      const ws = sheets.add(temporary ?? target.name);
      created.push(ws);
      let pending = 0;
      for (const band of data[i] ?? []) {
        if (pending > 0 && pending + band.bytes > WRITE_SYNC_BYTES) {
          await context.sync();
          pending = 0;
        }
        const range = ws.getRange(boxAddress(band.box));
        range.numberFormat = band.formats;
        range.values = band.values;
        pending += band.bytes;
      }
      queuePresentation(ws, target.layout, kind);
      await context.sync();
      if (target.replaces && temporary !== undefined) swaps.push({ worksheet: ws, temporary, target, old: target.replaces });
    }
  } catch (e) {
    // Leave the workbook as it was: remove the sheets this call added (best effort), then report the failure.
    for (const ws of created) ws.delete();
    await context.sync().catch(() => undefined);
    throw e;
  }
  // Every new sheet is complete: replaced sheets give up their name and tab position.
  if (swaps.length > 0) {
    for (const { worksheet, target, old } of swaps) {
      worksheet.position = old.position;
      old.worksheet.delete();
      worksheet.name = target.name;
    }
    try {
      await context.sync();
    } catch (e) {
      // Swaps run in order: those before the failure are done; drop the new sheets still under a temporary name.
      const left = swaps.map((s) => sheets.getItemOrNullObject(s.temporary));
      await context.sync();
      for (const ws of left) if (!ws.isNullObject) ws.delete();
      await context.sync().catch(() => undefined);
      throw e;
    }
  }
  return { written: targets.map((t) => t.name), replaced: targets.flatMap((t) => (t.replaces ? [t.replaces.name] : [])) };
}

