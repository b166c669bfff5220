// The real task pane page (dist/taskpane.html + taskpane.js, built) in headless
// Chromium at 320 × 800, against the strict fake of the Excel API
// (test/fake-office) holding a fixture workbook. Nothing leaves 127.0.0.1:
// office.js from Microsoft's CDN is blocked, the fake stands in for it.
//
// Needs Debian's chromium at /usr/bin/chromium (apt-get install chromium
// fonts-noto-cjk; CI installs it). Without it this test fails, it does not skip.
// Screenshots go to test-artifacts/; YUSUAN_UPDATE_SCREENSHOT=1 also refreshes
// docs/images/addin-pane.png.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MARK_FORMULA } from '../src/excel/marks.js';
import { t } from '../src/pane/i18n.js';
import { decodePayload } from '../src/pane/ribbon.js';
import { staticHandler } from '../scripts/dev-server.mjs';
import type { BrowserFixture } from './browser-fake-entry.js';
import { CHANGED_CELL, defectiveGrids, REF_CELL, referenceGrids, T03_SHEET, T05_SHEET } from './pane-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const DIST = here('../dist/');
const ARTIFACTS = here('../test-artifacts/');
const DOCS_SCREENSHOT = here('../../../docs/images/addin-pane.png');

/** The fixture user's own formatting: a filled, bold amount cell and a conditional format of theirs. */
const USER_FORMAT = { sheet: T03_SHEET, range: CHANGED_CELL, format: { fillColor: '#FFFF00', bold: true } };
const USER_RULE = { sheet: T05_SHEET, range: 'E5:E22', formula: '=E5>1000', fillColor: '#DDDDDD' };
/** A sheet of the user's named like a generated copy of a form. */
const USER_COPY = { name: `${T03_SHEET} (2)`, rows: [['我的备注：表三按科目核对过。']] };

const FIXTURE_PATH = '/__yusuan_fixture.json';
/** Before any script of a page: load the workbook fixture of the test (synchronously), then the fake Office. */
const FIXTURE_LOADER = `if (location.protocol === 'http:') { const x = new XMLHttpRequest(); x.open('GET', '${FIXTURE_PATH}', false); x.send(); window.__YUSUAN_FIXTURE__ = JSON.parse(x.responseText); }`;

let browser: Browser;
let context: BrowserContext;
let server: http.Server;
let base = '';
/** The workbook the next page opens over. */
let fixtureJson = '{}';
const blocked: string[] = [];

/** Why the browser could not be set up; every test fails with it (none is skipped). */
let setupError: unknown;

async function setUp(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the task pane is tested in Debian's Chromium. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (CI's .ci/run does).`);
  }
  if (!existsSync(`${DIST}taskpane.html`) || !existsSync(`${DIST}taskpane.js`)) {
    throw new Error('dist/ has no task pane: build the add-in first (npx turbo run build --filter=@yusuan/excel-addin).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const bundled = await build({
    entryPoints: [here('./browser-fake-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    conditions: ['@yusuan/source', 'browser', 'import'],
    logLevel: 'silent',
  });
  const fakeBundle = bundled.outputFiles[0]?.text ?? '';
  // dist/ as the dev server serves it, and the current fixture beside it.
  const serveDist = staticHandler(DIST);
  server = http.createServer((req, res) => {
    if (req.url !== FIXTURE_PATH) return void serveDist(req, res);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(fixtureJson);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: `${FIXTURE_LOADER}\n${fakeBundle}` });
}

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 60_000);

beforeEach(() => {
  if (setupError !== undefined) throw setupError;
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Opens a page of dist/ at 320 × 800 over the fixture workbook; only 127.0.0.1 is reachable. */
async function open(fixture: BrowserFixture, path = 'taskpane.html'): Promise<Opened> {
  fixtureJson = JSON.stringify(fixture);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/${path}`, { waitUntil: 'domcontentloaded' });
  return { page, errors, close: () => page.close() };
}

async function openPane(fixture: BrowserFixture): Promise<Opened> {
  const opened = await open(fixture);
  await opened.page.locator('[data-action=validate]').waitFor();
  return opened;
}

/** Clicks a toolbar button and waits until the pane is idle again (or shows its confirmation dialog). */
async function press(page: Page, action: string): Promise<void> {
  await page.click(`[data-action=${action}]`);
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[data-role=dialog]');
    const idle = !(document.querySelector('[data-action=validate]') as HTMLButtonElement).disabled;
    return idle || (dialog !== null && !(dialog as HTMLElement).hidden);
  });
}

async function answer(page: Page, choice: 'replace' | 'keep' | 'cancel'): Promise<void> {
  await page.click(`[data-role=dialog] [data-answer=${choice}]`);
  await page.waitForFunction(() => !(document.querySelector('[data-action=validate]') as HTMLButtonElement).disabled);
}

const fake = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([name, params]) => (window as unknown as { __fake: Record<string, (...a: unknown[]) => unknown> }).__fake[name as string]?.(...(params as unknown[])), [fn, args] as const) as Promise<T>;

async function statusText(page: Page): Promise<string> {
  return (await page.locator('[data-role=status]').innerText()).trim();
}

async function counts(page: Page): Promise<[number, number]> {
  const el = page.locator('.counts');
  return [Number(await el.getAttribute('data-errors')), Number(await el.getAttribute('data-warnings'))];
}

describe('task pane in Chromium over the fake Excel', () => {
  it('validates the reference forms: the known perf/* findings, grouped by form and severity', async () => {
    const { page, errors, close } = await openPane({ grids: referenceGrids() });
    expect(await page.locator('[data-action=validate]').innerText()).toBe('校验');
    await press(page, 'validate');
    expect(await counts(page)).toEqual([10, 12]);
    expect(await statusText(page)).toBe('校验完成：错误 10 个，警告 12 个。');
    expect(await page.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['T01', 'P']);
    const perf = page.locator('[data-group=P]');
    expect(await perf.locator('.group-label').innerText()).toBe('绩效目标表');
    expect(await perf.locator('.badge-error').innerText()).toBe('10');
    expect(await perf.locator('.badge-warning').innerText()).toBe('11');
    expect(await perf.locator('[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))).toEqual(['error', 'warning']);
    const errorRules = await perf.locator('[data-severity=error] .finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(new Set(errorRules)).toEqual(new Set(['perf/duplicate', 'perf/satisfaction-placement']));
    expect(await page.locator('.finding[data-rule="perf/duplicate"]').first().getAttribute('data-sheet')).toBe('绩效目标表');

    // 全部 / 错误 / 警告
    await page.click('[data-filter=warning]');
    expect(await page.locator('.finding').count()).toBe(12);
    expect(await page.locator('.finding-error').count()).toBe(0);
    await page.click('[data-filter=error]');
    expect(await page.locator('.finding').count()).toBe(10);
    await page.click('[data-filter=all]');
    expect(await page.locator('.finding').count()).toBe(22);
    await page.screenshot({ path: `${ARTIFACTS}pane-reference.png` });

    // English, and back.
    await page.click('[data-action=lang]');
    expect(await page.locator('[data-action=validate]').innerText()).toBe('Check');
    expect(await perf.locator('.group-label').innerText()).toBe('Performance tables');
    expect(await page.locator('[data-group=T01] .finding-message').innerText()).toMatch(/shows 0\.00/);
    await page.screenshot({ path: `${ARTIFACTS}pane-english.png` });
    await page.click('[data-action=lang]');
    expect(await page.locator('[data-action=generate]').innerText()).toBe('生成报表');
    expect(errors).toEqual([]);
    await close();
  });

  it('finds injected errors at their cells, selects a finding’s cell, marks and clears without touching the user’s formats', async () => {
    const { page, errors, close } = await openPane({ grids: defectiveGrids(), formats: [USER_FORMAT], conditionalFormats: [USER_RULE] });
    const before = await fake<unknown>(page, 'sheets');
    await press(page, 'validate');
    expect(await counts(page)).toEqual([12, 12]);
    const changed = page.locator('.finding[data-rule="sum/row"]');
    expect([await changed.getAttribute('data-sheet'), await changed.getAttribute('data-cell')]).toEqual([T03_SHEET, CHANGED_CELL]);
    expect(await changed.locator('.finding-message').innerText()).toMatch(/2080107 › 合计 为 9\.00.*应为 8\.00/);
    const ref = page.locator('.finding[data-rule="amount/not-a-number"]');
    expect([await ref.getAttribute('data-sheet'), await ref.getAttribute('data-cell')]).toEqual([T05_SHEET, REF_CELL]);
    expect(await ref.locator('.finding-message').innerText()).toContain('#REF!');
    expect(await page.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['T01', 'T03', 'T05', 'P']);

    // Click a finding → its cell is selected in Excel.
    await changed.click();
    await page.waitForFunction(() => document.querySelector('.finding-selected') !== null);
    expect(await fake(page, 'selection')).toEqual({ sheet: T03_SHEET, address: CHANGED_CELL });
    expect(await fake(page, 'activeSheet')).toBe(T03_SHEET);
    expect(await statusText(page)).toBe(`已定位到 '${T03_SHEET}'!${CHANGED_CELL}。`);
    await ref.click();
    await page.waitForFunction(() => document.querySelector('.finding-selected[data-rule="amount/not-a-number"]') !== null);
    expect(await fake(page, 'selection')).toEqual({ sheet: T05_SHEET, address: REF_CELL });
    await changed.click();
    await page.waitForFunction(() => document.querySelector('.finding-selected[data-rule="sum/row"]') !== null);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}pane-findings.png` });
    if (process.env.YUSUAN_UPDATE_SCREENSHOT === '1' || !existsSync(DOCS_SCREENSHOT)) {
      mkdirSync(here('../../../docs/images/'), { recursive: true });
      copyFileSync(`${ARTIFACTS}pane-findings.png`, DOCS_SCREENSHOT);
    }

    // 标记问题单元格 with the 错误 filter: one conditional format per error cell.
    await page.click('[data-filter=error]');
    await press(page, 'mark');
    const errorCells = await page.locator('.finding').evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')}`))].sort());
    const marks = await fake<{ sheet: string; box: { top: number; left: number; bottom: number; right: number } }[]>(page, 'marks', MARK_FORMULA);
    const marked = marks.map((m) => `${m.sheet}!${String.fromCharCode(65 + m.box.left)}${m.box.top + 1}`).sort();
    expect(marked).toEqual(errorCells);
    expect(marked).toContain(`${T03_SHEET}!${CHANGED_CELL}`);
    expect(marked).toContain(`${T05_SHEET}!${REF_CELL}`);
    expect(await statusText(page)).toBe(`已标记 ${errorCells.length} 个问题单元格。`);

    // 清除标记: no mark left, and every sheet exactly as before (the user's fill, bold and rule included).
    await press(page, 'clear');
    expect(await fake(page, 'marks', MARK_FORMULA)).toEqual([]);
    expect(await statusText(page)).toMatch(/^已清除 \d+ 处标记。$/);
    expect(await fake(page, 'sheets')).toEqual(before);
    const t03 = await fake<{ cells: { cell: string; format?: unknown }[]; conditionalFormats: unknown[] }>(page, 'sheet', T03_SHEET);
    expect(t03.cells.find((c) => c.cell === CHANGED_CELL)?.format).toEqual({ fillColor: '#FFFF00', bold: true });
    const t05 = await fake<{ conditionalFormats: { formula?: string }[] }>(page, 'sheet', T05_SHEET);
    expect(t05.conditionalFormats.map((c) => c.formula)).toEqual([USER_RULE.formula]);
    expect(errors).toEqual([]);
    await close();
  });

  it('generates the forms into new sheets, never touching the user’s, and asks before replacing its own', async () => {
    const grids = [...referenceGrids(), USER_COPY];
    const { page, errors, close } = await openPane({ grids, formats: [USER_FORMAT] });
    const userNames = grids.map((g) => g.name);
    const userSheets = await fake<unknown[]>(page, 'sheets', userNames);
    await press(page, 'generate');
    expect(await statusText(page)).toMatch(/^已由现有报表生成 13 张工作表。/);
    const names = await fake<string[]>(page, 'sheetNames');
    const created = names.slice(grids.length);
    expect(created).toHaveLength(13);
    // Every form's name is the user's; so is 表3's "(2)": the new 表3 is "(3)".
    expect(created).toEqual(referenceGrids().map((g) => (g.name === T03_SHEET ? `${T03_SHEET} (3)` : `${g.name} (2)`)));
    expect(await page.locator('[data-role=status] .sheet-list li').allInnerTexts()).toEqual(created);
    expect(await fake<unknown[]>(page, 'sheets', userNames)).toEqual(userSheets);
    expect(await fake(page, 'owner', `${T03_SHEET} (3)`)).toBe('forms');
    expect(await fake(page, 'owner', USER_COPY.name)).toBeNull();
    // The forms written are the forms read.
    const original = await fake<{ rows: unknown[] }>(page, 'grid', '表1 收支总体情况表');
    const copy = await fake<{ rows: unknown[] }>(page, 'grid', '表1 收支总体情况表 (2)');
    expect(copy.rows).toEqual(original.rows);

    // Again: the add-in's own sheets would be replaced → a dialog asks first.
    await press(page, 'generate');
    const dialog = page.locator('[data-role=dialog]');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.dialog-title').innerText()).toBe('替换工作表？');
    expect(await dialog.locator('.sheet-list li').allInnerTexts()).toEqual(created);
    await page.screenshot({ path: `${ARTIFACTS}pane-confirm.png` });
    await answer(page, 'cancel');
    expect(await statusText(page)).toBe('已取消，工作簿未作改动。');
    expect(await fake<string[]>(page, 'sheetNames')).toEqual(names);

    await press(page, 'generate');
    await answer(page, 'replace');
    expect(await statusText(page)).toContain('替换了加载项此前生成的 13 张工作表。');
    expect(await fake<string[]>(page, 'sheetNames')).toEqual(names);
    expect(await fake<unknown[]>(page, 'sheets', userNames)).toEqual(userSheets);
    // (保留并另建, the third answer, is covered by pane-controller.test.ts and the adapter's tests.)
    expect(errors).toEqual([]);
    await close();
  });

  it('inserts the input template, and exports the report as a JSON download and a sheet', async () => {
    const blank = await openPane({ grids: [{ name: 'Sheet1', rows: [] }] });
    await press(blank.page, 'template');
    expect(await fake<string[]>(blank.page, 'sheetNames')).toEqual(['Sheet1', '单位信息', '收入支出明细', '科目名称', '基本支出', '项目', '三公经费', '政府采购', '绩效指标', '说明']);
    expect(await fake(blank.page, 'owner', '单位信息')).toBe('template');
    expect(await statusText(blank.page)).toBe('已插入底稿模板（9 张工作表）。');
    await blank.close();

    const { page, errors, close } = await openPane({ grids: defectiveGrids() });
    const download = page.waitForEvent('download');
    await press(page, 'export');
    const file = await download;
    expect(file.suggestedFilename()).toBe('yusuan-report.json');
    const report = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as { schemaVersion: number; results: { errorCount: number; warningCount: number; diagnostics: { ruleId: string; location: { sheet?: string; cell?: string } }[] }[] };
    expect(report.schemaVersion).toBe(1);
    expect([report.results[0]?.errorCount, report.results[0]?.warningCount]).toEqual([12, 12]);
    expect(report.results[0]?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'sum/row', location: expect.objectContaining({ sheet: T03_SHEET, cell: CHANGED_CELL }) }));
    const sheet = await fake<{ rows: unknown[][] }>(page, 'grid', '校验报告');
    expect(sheet.rows[0]).toEqual(['部门预算公开校验报告']);
    expect(sheet.rows[2]).toEqual(['序号', '严重性', '规则', '表', '位置', '单元格', '问题', '应为', '实际']);
    expect(sheet.rows).toHaveLength(3 + 24);
    expect(await fake(page, 'owner', '校验报告')).toBe('report');
    expect(await statusText(page)).toBe('已导出报告：下载了 JSON 文件，并写入工作表「校验报告」。');
    expect(errors).toEqual([]);
    await close();
  });

  it('runs the ribbon’s 校验 command: marks, selects the first error and reports in a dialog', async () => {
    const { page, errors, close } = await open({ grids: defectiveGrids() }, 'commands.html');
    await page.waitForFunction(() => typeof (window as unknown as { validate?: unknown }).validate === 'function');
    expect(await fake(page, 'handlers')).toEqual(['validate', 'generate']);
    const completed = fake<boolean>(page, 'runCommand', 'validate');
    await page.waitForFunction(() => (window as unknown as { __fake: { dialogs(): unknown[] } }).__fake.dialogs().length === 1);
    const [dialog] = await fake<{ url: string; closed: boolean }[]>(page, 'dialogs');
    expect(dialog?.url.startsWith(`${base}/result.html#`)).toBe(true);
    const payload = decodePayload(new URL(dialog?.url ?? '').hash);
    expect(payload?.title).toBe('校验结果');
    expect(payload?.lines[0]).toBe('错误 12 个，警告 12 个，提示 0 个。');
    expect(payload?.lines[1]).toMatch(/^已标记 \d+ 个问题单元格，并选中了 '表3 支出总体情况表'!E8。$/);
    expect(await fake(page, 'selection')).toEqual({ sheet: T03_SHEET, address: CHANGED_CELL });
    expect((await fake<unknown[]>(page, 'marks', MARK_FORMULA)).length).toBeGreaterThan(2);
    // The command is done only once its dialog closes.
    await fake(page, 'closeDialog');
    expect(await completed).toBe(true);
    expect((await fake<{ closed: boolean }[]>(page, 'dialogs'))[0]?.closed).toBe(true);

    // The dialog page shows the report it is given.
    await page.goto(dialog?.url ?? '');
    await page.locator('[data-action=close]').waitFor();
    expect(await page.locator('h1').innerText()).toBe('校验结果');
    expect(await page.locator('.status p').first().innerText()).toBe('错误 12 个，警告 12 个，提示 0 个。');
    expect(await page.locator('li').count()).toBe(3);
    await page.screenshot({ path: `${ARTIFACTS}result-dialog.png` });
    expect(errors).toEqual([]);
    await close();
  });

  it('says in Chinese that Excel below ExcelApi 1.13 is not supported, and disables every button', async () => {
    const { page, errors, close } = await open({ grids: referenceGrids(), apiVersion: '1.12' });
    const banner = page.locator('[data-role=unsupported]');
    await banner.waitFor();
    expect(await banner.innerText()).toBe(t('zh-CN', 'unsupported'));
    expect(await banner.innerText()).toBe('此版本的 Excel 不支持本加载项（需要 ExcelApi 1.13 或更高版本）。请使用命令行工具 yusuan：npm run -s yusuan -- check 文件.xlsx');
    const disabled = await page.locator('.toolbar button').evaluateAll((els) => els.map((e) => (e as HTMLButtonElement).disabled));
    expect(disabled).toEqual([true, true, true, true, true, true]);
    await page.click('[data-action=validate]', { force: true });
    expect(await fake(page, 'syncCount')).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}pane-unsupported.png` });
    expect(errors).toEqual([]);
    await close();
  });

  it('reached nothing but 127.0.0.1 (office.js from the CDN was blocked)', () => {
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((u) => u.startsWith('https://appsforoffice.microsoft.com/'))).toBe(true);
  });
});
