// `yusuan check` as a user runs it: exit codes (0 clean, 1 findings or too many warnings,
// 2 usage or unreadable input), the configuration file, -o, --quiet, the batch summary
// table and the progress line. The process-level behaviour (exit status, what goes to
// stdout and stderr) runs the built CLI; the many usage errors run main() in process.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/commands/check.js';
import { lines, referenceJson, requireBuild, runCli, runInProcess, writeReferenceForms } from './check-helpers.js';

let dir = '';
let model = '';
let forms = '';

/** The rules the reference disclosure breaks; with them off it is clean. */
const REFERENCE_ERRORS = ['perf/duplicate', 'perf/satisfaction-placement'];
const REFERENCE_WARNINGS = ['amount/zero-style', 'perf/misfiled', 'perf/copied-target', 'perf/quantified', 'perf/cost-vs-funds', 'text/project-names'];
const off = (ids: readonly string[]) => ids.flatMap((id) => ['--rule', `${id}=off`]);

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-check-'));
  model = join(dir, 'reference.json');
  forms = join(dir, 'reference-forms.xlsx');
  writeFileSync(model, referenceJson());
  await writeReferenceForms(forms);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('exit codes of the process', () => {
  it('0 for a clean model: the reference with the rules it breaks turned off in yusuan.config.json', async () => {
    const project = join(dir, 'clean-project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'reference.json'), referenceJson());
    const rules = Object.fromEntries([...REFERENCE_ERRORS, ...REFERENCE_WARNINGS].map((id) => [id, 'off']));
    writeFileSync(join(project, 'yusuan.config.json'), JSON.stringify({ rules }));
    const r = await runCli(['check', 'reference.json'], { cwd: project });
    expect(r.err).toBe('');
    expect(r.out).toBe('未发现问题（1 个文件）\n');
    expect(r.code).toBe(0);
  });

  it('1 with errors; the JSON report alone on stdout', async () => {
    const r = await runCli(['check', model, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as { results: { errorCount: number; warningCount: number }[] };
    expect(report.results[0]).toMatchObject({ errorCount: 10, warningCount: 15 });
  });

  it('2 for a usage error, with one line on stderr and nothing on stdout', async () => {
    const r = await runCli(['check', model, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('yusuan: 不支持的输出格式：xml（可用：stylish、json、sarif、junit）\n');
  });
});

describe('exit codes and messages (in process)', () => {
  it('0 with the errors turned off by --rule, 1 with --max-warnings below the warning count', async () => {
    const warningsOnly = [model, ...off(REFERENCE_ERRORS)];
    const plain = await runInProcess(['check', ...warningsOnly]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('✖ 15 个问题（0 个错误，15 个警告）');
    expect((await runInProcess(['check', ...warningsOnly, '--max-warnings', '0'])).code).toBe(1);
    expect((await runInProcess(['check', ...warningsOnly, '--max-warnings', '14'])).code).toBe(1);
    expect((await runInProcess(['check', ...warningsOnly, '--max-warnings', '15'])).code).toBe(0);
    const clean = await runInProcess(['check', ...warningsOnly, ...off(REFERENCE_WARNINGS), '--max-warnings', '0']);
    expect(clean).toEqual({ code: 0, out: '未发现问题（1 个文件）', err: [] });
  });

  it('--rule can also raise a warning to an error', async () => {
    const r = await runInProcess(['check', model, ...off(REFERENCE_ERRORS), '--rule', 'perf/misfiled=error', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { results: { errorCount: number; diagnostics: { ruleId: string; severity: string }[] }[] };
    const misfiled = report.results[0]?.diagnostics.filter((d) => d.ruleId === 'perf/misfiled') ?? [];
    expect(misfiled.length).toBe(report.results[0]?.errorCount);
    expect(misfiled.every((d) => d.severity === 'error')).toBe(true);
  });

  it('maxWarnings and rules from a --config file; the command line wins over it', async () => {
    const config = join(dir, 'strict.json');
    writeFileSync(config, JSON.stringify({ rules: Object.fromEntries(REFERENCE_ERRORS.map((id) => [id, 'off'])), maxWarnings: 0 }));
    expect((await runInProcess(['check', model, '--config', config])).code).toBe(1);
    expect((await runInProcess(['check', model, '--config', config, '--max-warnings', '100'])).code).toBe(0);
    expect((await runInProcess(['check', model, '--config', config, '--rule', 'perf/duplicate=error'])).out).toContain('perf/duplicate');
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown format', ['--format', 'xml'], /^yusuan: 不支持的输出格式：xml/],
    ['--rule without a severity', ['--rule', 'perf/duplicate'], /^yusuan: --rule 的写法应为 规则=off\|warn\|error，如 code\/unknown=error：perf\/duplicate$/],
    ['--rule with a bad severity', ['--rule', 'perf/duplicate=loud'], /^yusuan: --rule 的写法应为/],
    ['--rule naming no rule', ['--rule', 'perf/no-such-rule=off'], /^yusuan: 没有这条规则：perf\/no-such-rule（规则列表见 docs\/rules\/）$/],
    ['a negative --max-warnings', ['--max-warnings', '-1'], /^yusuan: --max-warnings 须为非负整数：-1$/],
    ['a --max-warnings that is no number', ['--max-warnings', 'many'], /^yusuan: --max-warnings 须为非负整数：many$/],
    ['a bad --year', ['--year', '24'], /^yusuan: --year 须为四位年份：24$/],
    ['an unknown option', ['--colour'], /^yusuan: 未知选项（unknown option '--colour'）$/],
    ['a missing --config file', ['--config', '/nonexistent/yusuan.config.json'], /^yusuan: 配置文件无法使用：\/nonexistent\/yusuan\.config\.json（文件不存在）$/],
  ];
  it.each(usage)('2 for %s', async (_name, args, message) => {
    const r = await runInProcess(['check', model, ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });

  it('2 for a missing file or a folder without anything to check', async () => {
    const missing = await runInProcess(['check', join(dir, 'nope.xlsx')]);
    expect(missing).toEqual({ code: 2, out: '', err: [`yusuan: 找不到文件：${join(dir, 'nope.xlsx')}`] });
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'notes.md'), 'nothing to check');
    writeFileSync(join(empty, '~$locked.xlsx'), 'an Excel lock file');
    const none = await runInProcess(['check', empty]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toHaveLength(1);
    expect(none.err[0]).toMatch(/^yusuan: 没有找到可校验的文件（.*）：/);
    expect(none.err[0]?.endsWith(empty)).toBe(true);
  });

  it('2 when one file of a batch cannot be read: the others are still reported', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 1,');
    const r = await runInProcess(['check', model, broken, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^yusuan: 不是有效的 JSON 文件：.*broken\.json（/);
    const report = JSON.parse(r.out) as { results: { file: string }[] };
    expect(report.results.map((x) => x.file)).toEqual([model]);
  });

  it('English with --lang en', async () => {
    const r = await runInProcess(['check', model, '--format', 'xml', '--lang', 'en']);
    expect(r.err).toEqual(['yusuan: unknown format: xml (stylish, json, sarif, junit)']);
    const clean = await runInProcess(['check', model, ...off([...REFERENCE_ERRORS, ...REFERENCE_WARNINGS]), '--lang', 'en']);
    expect(clean.out).toBe('no problems (1 files)');
  });
});

describe('output', () => {
  it('-o writes the report to the file and nothing to stdout', async () => {
    const target = join(dir, 'report.sarif');
    const r = await runCli(['check', model, '--format', 'sarif', '-o', target]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`报告已写入 ${target}\n`);
    const written = JSON.parse(readFileSync(target, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(written.version).toBe('2.1.0');
    expect(written.runs[0]?.results).toHaveLength(25);
  });

  it('--quiet drops the warnings and keeps the errors', async () => {
    const r = await runInProcess(['check', model, '--quiet', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { results: { errorCount: number; warningCount: number; diagnostics: { severity: string }[] }[] };
    expect(report.results[0]).toMatchObject({ errorCount: 10, warningCount: 0 });
    expect(report.results[0]?.diagnostics).toHaveLength(10);
    expect(report.results[0]?.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    const stylish = await runInProcess(['check', model, '--quiet']);
    expect(stylish.out).toContain('✖ 10 个问题（10 个错误，0 个警告）');
    expect(stylish.out).not.toContain('警告  ');
  });

  it('summarises a batch of three files in a table aligned by display width (a CJK character is two columns)', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch, { recursive: true });
    writeFileSync(join(batch, '淄博高新区人社中心.json'), referenceJson());
    writeFileSync(join(batch, 'b.json'), referenceJson());
    await writeReferenceForms(join(batch, '报表.xlsx'));
    const r = await runCli(['check', '淄博高新区人社中心.json', 'b.json', '报表.xlsx'], { cwd: batch });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const all = r.out.split('\n');
    const header = all.findIndex((l) => /^文件\s+错误\s+警告$/.test(l));
    expect(header).toBeGreaterThan(0);
    const table = all.slice(header, header + 5);
    expect(table[1]).toMatch(/^─+ {2}─+ {2}─+$/);
    expect(table.slice(2)).toEqual([expect.stringMatching(/^淄博高新区人社中心\.json\s+10\s+15$/), expect.stringMatching(/^b\.json\s+10\s+15$/), expect.stringMatching(/^报表\.xlsx\s+10\s+12$/)]);
    // every row, the header and the rule under it end at the same display column; the numbers right-aligned
    expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
    const errorsEnd = table.slice(2).map((l) => stringWidth(l.replace(/\s+\d+$/, '')));
    expect(new Set(errorsEnd).size).toBe(1);
    expect(all.at(-2)).toMatch(/^报表\.xlsx/);
  });

  it('no progress line on stderr when stderr is no terminal', async () => {
    const r = await runCli(['check', model, forms, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
  });
});

describe('the progress line (runCheck with a terminal on stderr)', () => {
  function io(errIsTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), errIsTTY, outIsTTY: false } };
  }

  it('shows [i/n] FILE on one line, rewritten in place, and clears it before the report', async () => {
    const t = io(true);
    const code = await runCheck([model, forms], { format: 'json' }, 'zh-CN', t.io);
    expect(code).toBe(1);
    const clear = '\r\u001b[2K';
    expect(t.err).toHaveLength(3);
    expect(t.err[0]).toBe(`${clear}[1/2] ${model}`);
    expect(t.err[1]).toBe(`${clear}[2/2] ${forms}`);
    expect(t.err[2]).toBe(clear);
    expect(t.err.every((s) => !s.includes('\n'))).toBe(true);
    expect(t.out).toHaveLength(1);
    expect(() => JSON.parse(t.out[0] ?? '')).not.toThrow();
  });

  it('clears the line before an unreadable file is named, so the message starts its own line', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const t = io(true);
    expect(await runCheck([model, bad], { format: 'json' }, 'zh-CN', t.io)).toBe(2);
    const at = t.err.findIndex((s) => s.startsWith('yusuan: '));
    expect(t.err[at - 1]).toBe('\r\u001b[2K');
    expect(t.err[at]).toMatch(/文件不是 \.xlsx 工作簿/);
  });

  it('shows none for a single file, nor when stderr is no terminal', async () => {
    const single = io(true);
    await runCheck([model], { format: 'json' }, 'zh-CN', single.io);
    expect(single.err).toEqual([]);
    const piped = io(false);
    await runCheck([model, forms], { format: 'json' }, 'zh-CN', piped.io);
    expect(piped.err).toEqual([]);
  });
});

describe('stylish output', () => {
  it('names the sheet and cell of each finding in a workbook, aligned by display width', async () => {
    const r = await runInProcess(['check', forms]);
    const rows = lines(r.out).filter((l) => l.startsWith('  '));
    expect(rows[0]).toMatch(/^ {2}表1 收支总体情况表!D25\s+警告\s+表一 收支总体情况表 › 二十一、其他支出 › 预算数 显示为 0\.00，而同列其他 21 个零值为空白\s+amount\/zero-style$/);
    const severityColumn = rows.map((l) => stringWidth(l.slice(0, l.search(/(错误|警告) {2}/))));
    expect(new Set(severityColumn).size).toBe(1);
  });

  it('colours only on a terminal', async () => {
    expect((await runInProcess(['check', model], { out: false })).out).not.toContain('\u001b[');
    expect((await runInProcess(['check', model], { out: true })).out).toContain('\u001b[31m');
    expect((await runInProcess(['check', model, '--format', 'json'], { out: true })).out).not.toContain('\u001b[');
  });
});
