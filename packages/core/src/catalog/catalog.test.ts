import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import economicDepartmentCsv from '../../data/catalog/economic-classification-department.csv';
import economicGovernmentCsv from '../../data/catalog/economic-classification-government.csv';
import economicMappingCsv from '../../data/catalog/economic-mapping.csv';
import fnCsv from '../../data/catalog/function-classification.csv';
import type { CellValue, Grid } from '../grid/grid.js';
import {
  BUNDLED_CATALOG_PROVENANCE,
  Catalog,
  ancestorCodes,
  bundledCatalogs,
  catalogFromGrid,
  codeLevel,
  combineCatalogs,
  hasCatalogHeader,
  kindOfCode,
  normalizeSubjectCode,
  normalizeSubjectName,
  parentCode,
  parseCatalogCsv,
  type CatalogIssue,
  type CatalogKind,
  type CatalogLoad,
  type Subject,
} from './index.js';
import { parseCsv } from './csv.js';

const { function: fn, economicDepartment: econDept, economicGovernment: econGov, economicMapping } = bundledCatalogs();

const codes = (subjects: Iterable<Subject>): string[] => [...subjects].map((s) => s.code);
const dataLines = (csv: string): string[][] =>
  csv
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
const grid = (rows: CellValue[][], merges?: string[]): Grid => (merges ? { name: 'Sheet1', rows, merges } : { name: 'Sheet1', rows });
const where = (load: CatalogLoad): [number, string, string | undefined][] => load.issues.map((i) => [i.row, i.messageId, i.cell]);

function expectBilingual(issues: readonly CatalogIssue[]): void {
  for (const issue of issues) {
    expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(issue.message.en).toMatch(/^[\x20-\x7e「」“”（）\u4e00-\u9fff、—-]+$/);
    expect(issue.message['zh-CN']).not.toContain('undefined');
    expect(issue.message.en).not.toContain('undefined');
  }
}

describe('bundled catalogues', () => {
  it('find the reference codes with their names and levels', () => {
    expect(fn.get('208')).toEqual({ code: '208', name: '社会保障和就业支出', level: '类', kind: 'function', source: 'bundled' });
    expect(fn.get('20801')).toMatchObject({ name: '人力资源和社会保障管理事务', level: '款' });
    expect(fn.get('2080107')).toMatchObject({ name: '社会保险业务管理事务', level: '项' });
    expect(fn.get('2130804')).toMatchObject({ name: '创业担保贷款贴息及奖补', level: '项' });
    expect(fn.get('213')?.name).toBe('农林水支出');
    expect(fn.get('21308')?.name).toBe('普惠金融发展支出');
    expect(fn.has('2080107')).toBe(true);
    expect(fn.has('2080108')).toBe(true);
  });

  it('normalise the code before looking it up', () => {
    expect(fn.get(' 208 01 07 ')?.name).toBe('社会保险业务管理事务');
    expect(fn.get('２０８０１０７')?.code).toBe('2080107');
    expect(fn.has('208\u300001\u300007')).toBe(true);
  });

  it('return every subject of a repeated name', () => {
    const runs = fn.byName('行政运行');
    expect(runs.length).toBeGreaterThan(1);
    expect(codes(runs)).toEqual(['2010301', '2010601', '2011301', '2040601', '2120101']);
    expect(runs.every((s) => s.name === '行政运行' && s.level === '项')).toBe(true);
    expect(codes(fn.byName('  行 政\u3000运行 '))).toEqual(codes(runs));
    expect(fn.byName('行政')).toEqual([]);
    expect(codes(econDept.byName('维修(护)费'))).toEqual(['30213']);
    expect(codes(fn.byName('政府办公厅(室)及相关机构事务'))).toEqual(['20103']);
  });

  it('give the parent chain from 类 down to the direct parent, known ones only', () => {
    expect(codes(fn.parents('2080107'))).toEqual(['208', '20801']);
    expect(codes(fn.parents('20801'))).toEqual(['208']);
    expect(fn.parents('208')).toEqual([]);
    // 2296011 is known but neither 229 nor 22960 is in the partial catalogue.
    expect(fn.has('2296011')).toBe(true);
    expect(fn.parents('2296011')).toEqual([]);
    // 2019999: 201 is known, 20199 is not.
    expect(codes(fn.parents('2019999'))).toEqual(['201']);
    // An unknown but well-formed code still has its known ancestors.
    expect(codes(fn.parents('2080198'))).toEqual(['208', '20801']);
    expect(fn.parents('20801071')).toEqual([]);
  });

  it('list direct children in code order', () => {
    expect(codes(fn.children('20801'))).toEqual(['2080107', '2080108', '2080109', '2080199']);
    expect(codes(fn.children('213'))).toEqual(['21308']);
    expect(codes(fn.children('208'))).toEqual(['20801', '20802', '20805', '20807', '20808', '20816', '20825', '20826', '20830', '20899']);
    expect(fn.children('2080107')).toEqual([]);
    expect(codes(econDept.children('301')).slice(0, 3)).toEqual(['30101', '30102', '30103']);
  });

  it('tell unknown codes from malformed ones', () => {
    expect(fn.status('2080107')).toBe('known');
    expect(fn.status('2089901')).toBe('unknown');
    expect(fn.status('299')).toBe('unknown');
    expect(fn.status('20801071')).toBe('malformed');
    expect(fn.status('2080')).toBe('malformed');
    expect(fn.status('208O107')).toBe('malformed');
    expect(fn.status('')).toBe('malformed');
    expect(fn.status('3010101')).toBe('malformed');
    expect(econDept.status('30101')).toBe('known');
    expect(econDept.status('30230')).toBe('unknown');
    expect(econDept.status('3010101')).toBe('malformed');
    expect(econDept.status('50101')).toBe('malformed');
    expect(econGov.status('50101')).toBe('known');
    expect(econGov.status('50999')).toBe('unknown');
    expect(econGov.status('30101')).toBe('malformed');
  });

  it('look up economic subjects and the department → government mapping', () => {
    expect(econDept.get('30212')).toMatchObject({ name: '因公出国（境）费用', level: '款', kind: 'economic-department' });
    expect(econDept.get('301')).toMatchObject({ name: '工资福利支出', level: '类' });
    expect(econDept.get('30217')?.name).toBe('公务接待费');
    expect(econGov.get('50101')).toMatchObject({ name: '工资奖金津补贴', level: '款', kind: 'economic-government' });
    expect(econGov.get('501')?.level).toBe('类');
    expect(economicMapping.get('30101')).toBe('50101');
    expect(economicMapping.get('30216')).toBe('50203');
    expect(economicMapping.get('30107')).toBeUndefined();
    for (const [department, government] of economicMapping) {
      expect(econDept.get(department)?.level).toBe('款');
      expect(econGov.get(government)?.level).toBe('款');
    }
  });

  it('load every CSV row without an issue, one subject per line', () => {
    const files: [string, CatalogKind, Catalog][] = [
      [fnCsv, 'function', fn],
      [economicDepartmentCsv, 'economic-department', econDept],
      [economicGovernmentCsv, 'economic-government', econGov],
    ];
    for (const [csv, kind, catalog] of files) {
      const lines = dataLines(csv);
      const load = parseCatalogCsv(csv, kind);
      expect(load.issues).toEqual([]);
      expect(load.catalog?.size).toBe(lines.length);
      expect(catalog.size).toBe(lines.length);
      for (const [code = '', name = '', level = ''] of lines) {
        expect(catalog.get(code)).toEqual({ code, name, level, kind, source: 'bundled' });
      }
      // Without the kind, it is inferred from the codes.
      expect(parseCatalogCsv(csv).catalog?.kind).toBe(kind);
    }
    expect(fn.size).toBe(136);
    expect(econDept.size).toBe(64);
    expect(econGov.size).toBe(12);
    expect(economicMapping.size).toBe(dataLines(economicMappingCsv).length);
    expect(economicMapping.size).toBe(30);
  });

  it('iterate in code order and are built once', () => {
    const all = codes(fn);
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe('201');
    expect(codes(fn.subjects())).toEqual(all);
    expect(bundledCatalogs()).toBe(bundledCatalogs());
    expect(bundledCatalogs().function).toBe(fn);
  });

  it('state their provenance', () => {
    expect(BUNDLED_CATALOG_PROVENANCE).toContain('部分');
    expect(BUNDLED_CATALOG_PROVENANCE).toContain('partial');
    for (const f of ['function-classification.csv', 'economic-classification-department.csv', 'economic-classification-government.csv', 'SOURCES.md']) {
      expect(BUNDLED_CATALOG_PROVENANCE).toContain(f);
    }
    expect(BUNDLED_CATALOG_PROVENANCE).toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('Catalog', () => {
  it('searches by code prefix or name substring, sorted by code and limited', () => {
    expect(codes(fn.search('20801'))).toEqual(['20801', '2080107', '2080108', '2080109', '2080199']);
    expect(codes(fn.search('208', 3))).toEqual(['208', '20801', '2080107']);
    expect(codes(fn.search('养老保险'))).toEqual(['2080505', '2080507', '20826', '2082601', '2082602', '2083001']);
    expect(codes(fn.search('信息化建设'))).toEqual(['2010607', '2040613', '2080108']);
    expect(codes(econDept.search('维修(护)'))).toEqual(['30213']);
    expect(fn.search('')).toEqual([]);
    expect(fn.search('   ')).toEqual([]);
    expect(fn.search('208', 0)).toEqual([]);
    expect(fn.search('不存在的科目')).toEqual([]);
    expect(fn.search('行政运行').length).toBe(5);
    expect(fn.search('支出', 1000).length).toBeGreaterThan(20);
    expect(fn.search('支出').length).toBe(20);
  });

  it('is immutable', () => {
    const s = fn.get('208');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(fn)).toBe(true);
    expect(Object.isFrozen(fn.subjects())).toBe(true);
    expect(() => {
      (fn as unknown as { kind: string }).kind = 'x';
    }).toThrow(TypeError);
  });

  it('rejects subjects of another kind or malformed codes as programming errors', () => {
    const subject: Subject = { code: '30101', name: '基本工资', level: '款', kind: 'economic-department', source: 'user' };
    expect(() => new Catalog('function', [subject])).toThrow(RangeError);
    expect(() => new Catalog('economic-department', [{ ...subject, code: '301011' }])).toThrow(RangeError);
    expect(() => new Catalog('economic-department', [{ ...subject, code: ' 30101' }])).toThrow(RangeError);
    expect(new Catalog('economic-department', [{ ...subject, level: '类' }]).get('30101')?.level).toBe('款');
    expect(Catalog.empty('function').size).toBe(0);
    expect(Catalog.empty('function').status('208')).toBe('unknown');
  });

  const userCsv = ['科目编码,科目名称', '2080107,社会保险业务管理事务（用户）', '2089901,用户新增项', '20899,其他社会保障和就业支出'].join('\n');

  it('extends the bundled catalogue with a user one, user entries winning', () => {
    const user = parseCatalogCsv(userCsv);
    expect(user.issues).toEqual([]);
    const userCatalog = user.catalog;
    if (!userCatalog) throw new Error('no catalogue');
    expect(userCatalog.kind).toBe('function');
    const active = combineCatalogs(fn, userCatalog, 'extend');
    expect(active.size).toBe(fn.size + 1);
    expect(active.get('2080107')).toMatchObject({ name: '社会保险业务管理事务（用户）', source: 'user' });
    expect(active.get('2089901')).toMatchObject({ name: '用户新增项', source: 'user', level: '项' });
    expect(active.get('208')?.source).toBe('bundled');
    expect(codes(active.parents('2089901'))).toEqual(['208', '20899']);
    expect(active.get('20899')?.source).toBe('user');
    expect(fn.get('2080107')?.name).toBe('社会保险业务管理事务');
    expect(fn.has('2089901')).toBe(false);
    expect(codes(fn.extend(userCatalog))).toEqual(codes(active));
  });

  it('replaces the bundled catalogue with a user one', () => {
    const userCatalog = parseCatalogCsv(userCsv).catalog;
    if (!userCatalog) throw new Error('no catalogue');
    const active = combineCatalogs(fn, userCatalog, 'replace');
    expect(active).toBe(userCatalog);
    expect(active.size).toBe(3);
    expect(active.status('208')).toBe('unknown');
    expect(combineCatalogs(fn, undefined, 'replace')).toBe(fn);
    expect(combineCatalogs(fn, undefined, 'extend')).toBe(fn);
    expect(() => combineCatalogs(fn, econDept, 'extend')).toThrow(RangeError);
    expect(() => fn.extend(econGov)).toThrow(RangeError);
  });
});

describe('codes and names', () => {
  it('derive the level from the code length', () => {
    expect(codeLevel('function', '208')).toBe('类');
    expect(codeLevel('function', '20801')).toBe('款');
    expect(codeLevel('function', '2080107')).toBe('项');
    expect(codeLevel('function', '2080')).toBeUndefined();
    expect(codeLevel('function', '20801071')).toBeUndefined();
    expect(codeLevel('function', '20a')).toBeUndefined();
    expect(codeLevel('function', '')).toBeUndefined();
    expect(codeLevel('function', '301')).toBeUndefined();
    expect(codeLevel('economic-department', '301')).toBe('类');
    expect(codeLevel('economic-department', '30101')).toBe('款');
    expect(codeLevel('economic-department', '3010101')).toBeUndefined();
    expect(codeLevel('economic-government', '50101')).toBe('款');
    expect(codeLevel('economic-government', '30101')).toBeUndefined();
    expect(codeLevel('function', '208 01 07')).toBe('项');
  });

  it('give parents and kinds of codes', () => {
    expect(parentCode('function', '2080107')).toBe('20801');
    expect(parentCode('function', '20801')).toBe('208');
    expect(parentCode('function', '208')).toBeUndefined();
    expect(parentCode('function', '2080')).toBeUndefined();
    expect(parentCode('economic-department', '30101')).toBe('301');
    expect(ancestorCodes('function', '2080107')).toEqual(['208', '20801']);
    expect(kindOfCode('2080107')).toBe('function');
    expect(kindOfCode('30101')).toBe('economic-department');
    expect(kindOfCode('501')).toBe('economic-government');
    expect(kindOfCode('1010101')).toBeUndefined();
    expect(kindOfCode('3010101')).toBeUndefined();
  });

  it('normalise names for comparison', () => {
    expect(normalizeSubjectName(' 维修(护)费 ')).toBe('维修（护）费');
    expect(normalizeSubjectName('\u3000\u3000行政 运行\t')).toBe('行政运行');
    expect(normalizeSubjectName('ＰＰＰ项目１２')).toBe('PPP项目12');
    expect(normalizeSubjectName('因公出国（境）费用')).toBe('因公出国（境）费用');
    expect(normalizeSubjectName('a\u200Bb\u00A0c\r\nd')).toBe('abcd');
    expect(normalizeSubjectName('，、。')).toBe('，、。');
    expect(normalizeSubjectCode(' ２０８ 01\u300007 ')).toBe('2080107');
  });
});

describe('parseCatalogCsv', () => {
  it('tolerates a BOM, CRLF, quoted fields and blank lines', () => {
    const text = '\uFEFF科目编码,科目名称\r\n\r\n208,社会保障和就业支出\r\n"20801","人力资源和社会保障管理事务"\r\n2080107,"社会保险业务管理事务, ""测试"""\r\n\r\n';
    const load = parseCatalogCsv(text);
    expect(load.issues).toEqual([]);
    expect(load.catalog?.kind).toBe('function');
    expect(load.catalog?.get('2080107')?.name).toBe('社会保险业务管理事务, "测试"');
    expect(load.catalog?.get('2080107')?.source).toBe('user');
    expect(load.catalog?.size).toBe(3);
  });

  it('reads multi-line quoted fields and reports rows as the lines where records start', () => {
    const parsed = parseCsv('a,b\n"x\ny",z\nc,d');
    expect(parsed.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', 'z']],
      [4, ['c', 'd']],
    ]);
    const load = parseCatalogCsv('编码,名称\n208,"社会保障\n和就业支出"\n20801a,坏编码');
    expect(where(load)).toEqual([[4, 'code-not-digits', undefined]]);
  });

  it('finds the header below title rows and accepts header aliases', () => {
    const text = ['2024年政府收支分类科目,,', '单位：个,,', ',,', '代码,名称,级次', '208,社会保障和就业支出,类', '20801,人力资源和社会保障管理事务,款'].join('\n');
    const load = parseCatalogCsv(text);
    expect(load.issues).toEqual([]);
    expect(codes(load.catalog ?? [])).toEqual(['208', '20801']);
    expect(parseCatalogCsv('Name,Code\n社会保障和就业支出,208').catalog?.get('208')?.name).toBe('社会保障和就业支出');
    expect(parseCatalogCsv('序号,功能分类科目编码,功能分类科目名称\n1,208,社会保障和就业支出').catalog?.size).toBe(1);
    expect(parseCatalogCsv('编码\t名称\n208\t社会保障和就业支出').catalog?.size).toBe(1);
    // A 单位代码 / 单位名称 line above the table is not the header.
    const meta = parseCatalogCsv('单位代码,单位名称,\n901001,某某中心,\n科目编码,,科目名称\n208,,社会保障和就业支出');
    expect(meta.issues).toEqual([]);
    expect(meta.catalog?.get('208')?.name).toBe('社会保障和就业支出');
  });

  it('reads a plain two-column list without a header', () => {
    const load = parseCatalogCsv('支出功能分类科目\n208,社会保障和就业支出\n20801,人力资源和社会保障管理事务');
    expect(load.issues).toEqual([]);
    expect(load.catalog?.size).toBe(2);
  });

  it('infers the kind from the codes', () => {
    expect(parseCatalogCsv('编码,名称\n208,社会保障和就业支出\n2080107,社会保险业务管理事务').catalog?.kind).toBe('function');
    expect(parseCatalogCsv('编码,名称\n301,工资福利支出\n30101,基本工资').catalog?.kind).toBe('economic-department');
    expect(parseCatalogCsv('编码,名称\n501,机关工资福利支出\n50101,工资奖金津补贴').catalog?.kind).toBe('economic-government');
    // A given kind wins over the codes.
    const forced = parseCatalogCsv('编码,名称\n30101,基本工资', 'function');
    expect(forced.catalog).toBeUndefined();
    expect(where(forced)).toEqual([
      [1, 'no-subjects', undefined],
      [2, 'code-kind', undefined],
    ]);
  });

  it('builds codes split into 类 / 款 / 项 columns', () => {
    const text = ['类,款,项,科目名称', '208,,,社会保障和就业支出', '208,01,,人力资源和社会保障管理事务', '208,01,07,社会保险业务管理事务', ',,08,信息化建设', ',05,,行政事业单位养老支出', '213,08,04,创业担保贷款贴息及奖补'].join('\n');
    const load = parseCatalogCsv(text);
    expect(load.issues).toEqual([]);
    expect(codes(load.catalog ?? [])).toEqual(['208', '20801', '2080107', '2080108', '20805', '2130804']);
  });

  it('reads codes with spaces and full-width digits', () => {
    const load = parseCatalogCsv('科目编码,科目名称\n208 01 07,社会保险业务管理事务\n２０８,社会保障和就业支出');
    expect(load.issues).toEqual([]);
    expect(codes(load.catalog ?? [])).toEqual(['208', '2080107']);
  });

  it('reports every bad row, in Chinese and English, at its row', () => {
    const text = [
      '科目编码,科目名称,级次', // 1
      '208,社会保障和就业支出,类', // 2
      '20801A,坏编码,款', // 3 non-digit
      '2080,四位编码,款', // 4 wrong length
      '2080107,,项', // 5 empty name
      '2080107,社会保险业务管理事务,项', // 6 ok (row 5 had no name)
      '2080107,另一个名称,项', // 7 duplicate with another name
      '2080107,社会保险业务管理事务,项', // 8 duplicate with the same name: no issue
      '20801,人力资源和社会保障管理事务,项', // 9 level mismatch (loaded)
      ',没有编码的名称,', // 10 no code
      ',合计,', // 11 total row: skipped silently
      '30101,基本工资,款', // 12 another catalogue
      '', // 13 blank
      '20899,"其他社会保障, 就业",款', // 14 ok
    ].join('\r\n');
    const load = parseCatalogCsv(text);
    expect(where(load)).toEqual([
      [3, 'code-not-digits', undefined],
      [4, 'code-length', undefined],
      [5, 'name-empty', undefined],
      [7, 'duplicate-code', undefined],
      [9, 'level-mismatch', undefined],
      [10, 'code-empty', undefined],
      [12, 'code-kind', undefined],
    ]);
    expect(codes(load.catalog ?? [])).toEqual(['208', '20801', '2080107', '20899']);
    expect(load.catalog?.get('2080107')?.name).toBe('社会保险业务管理事务');
    expect(load.catalog?.get('20801')?.level).toBe('款');
    expectBilingual(load.issues);
    const dup = load.issues.find((i) => i.messageId === 'duplicate-code');
    expect(dup?.message['zh-CN']).toBe('科目编码 2080107 重复：第 6 行名称为「社会保险业务管理事务」，此行为「另一个名称」；保留第 6 行。');
    expect(load.issues.find((i) => i.messageId === 'code-length')?.message['zh-CN']).toContain('3、5、7 位');
  });

  it('reports a file without a header, an empty file, an unterminated quote and unknown kinds', () => {
    expect(where(parseCatalogCsv(''))).toEqual([[1, 'empty-input', undefined]]);
    expect(where(parseCatalogCsv('\uFEFF\r\n\r\n'))).toEqual([[1, 'empty-input', undefined]]);
    expect(where(parseCatalogCsv('甲,乙,丙\n丁,戊,己'))).toEqual([[1, 'no-header', undefined]]);
    expect(parseCatalogCsv('甲,乙,丙\n丁,戊,己').catalog).toBeUndefined();
    const open = parseCatalogCsv('编码,名称\n208,社会保障和就业支出\n20801,"人力资源\n20805,行政事业单位养老支出');
    expect(where(open)).toEqual([[3, 'unterminated-quote', undefined]]);
    expect(open.catalog?.size).toBe(2);
    expect(where(parseCatalogCsv('编码,名称\n1010101,税收收入'))).toEqual([[1, 'kind-unknown', undefined]]);
    expect(where(parseCatalogCsv('编码,名称\n'))).toEqual([[1, 'no-subjects', undefined]]);
    expect(where(parseCatalogCsv('编码,名称\n20a,甲\n,乙'))).toEqual([
      [1, 'no-subjects', undefined],
      [2, 'code-not-digits', undefined],
      [3, 'code-empty', undefined],
    ]);
  });

  it('reports split codes without their parent and bad segments', () => {
    const text = ['类,款,项,科目名称', ',01,,无类的款', '208,1234,,坏款', '208,,07,无款的项', '208,01,,人力资源和社会保障管理事务', '208,20901,,与类不符', 'x,,,非数字'].join('\n');
    expect(where(parseCatalogCsv(text))).toEqual([
      [2, 'code-segment-parent', undefined],
      [3, 'code-segment', undefined],
      [4, 'code-segment-parent', undefined],
      [6, 'code-segment-mismatch', undefined],
      [7, 'code-not-digits', undefined],
    ]);
    expectBilingual(parseCatalogCsv(text).issues);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('2', '0', '8', '1', ',', '"', '\n', '\r', ' ', '名', '称', '编', '码', '类', '款', '项', 'a') }), (text) => {
        const load = parseCatalogCsv(`编码,名称\n${text}`);
        for (const issue of load.issues) expect(issue.row).toBeGreaterThanOrEqual(1);
        const plain = parseCatalogCsv(text);
        expect(Array.isArray(plain.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('catalogFromGrid', () => {
  it('reads codes stored as numbers under a merged title', () => {
    const g = grid(
      [
        ['2024年支出功能分类科目', null, null],
        [],
        ['科目编码', '科目名称', '级次'],
        [208, '社会保障和就业支出', '类'],
        [20801, '  人力资源和社会保障管理事务', '款'],
        [2080107, '社会保险业务管理事务', '项'],
      ],
      ['A1:C1'],
    );
    expect(hasCatalogHeader(g)).toBe(true);
    const load = catalogFromGrid(g);
    expect(load.issues).toEqual([]);
    expect(load.catalog?.get('20801')?.name).toBe('人力资源和社会保障管理事务');
    expect(codes(load.catalog ?? [])).toEqual(['208', '20801', '2080107']);
  });

  it('reads the two-row header of the standard tables (科目编码 over 类 款 项) with numbers losing leading zeros', () => {
    const g = grid(
      [
        ['科目编码', null, null, '科目名称', '合计'],
        ['类', '款', '项', null, null],
        [null, null, null, '合 计', '10351.24'],
        [208, null, null, '社会保障和就业支出', '10219.69'],
        [208, 1, null, '人力资源和社会保障管理事务', '49.77'],
        [208, 1, 7, '社会保险业务管理事务', '8.00'],
        [213, 8, 4, '创业担保贷款贴息及奖补', '131.55'],
      ],
      ['A1:C1', 'D1:D2', 'E1:E2'],
    );
    const load = catalogFromGrid(g);
    expect(load.issues).toEqual([]);
    expect(codes(load.catalog ?? [])).toEqual(['208', '20801', '2080107', '2130804']);
  });

  it('reports bad cells with their A1 address', () => {
    const g = grid([
      ['标题'],
      ['编码', '名称'],
      [208, '社会保障和就业支出'],
      [{ error: '#REF!' }, '引用错误'],
      [20801.5, '小数编码'],
      ['2O801', '字母O'],
      [20801, null],
      [2080107, '社会保险业务管理事务'],
      [2080107, '社会保险业务管理事务（另）'],
      [true, '布尔值'],
    ]);
    const load = catalogFromGrid(g);
    expect(where(load)).toEqual([
      [4, 'code-cell-error', 'A4'],
      [5, 'code-not-digits', 'A5'],
      [6, 'code-not-digits', 'A6'],
      [7, 'name-empty', 'B7'],
      [9, 'duplicate-code', 'A9'],
      [10, 'code-not-digits', 'A10'],
    ]);
    expect(load.issues[0]?.message['zh-CN']).toContain('#REF!');
    expectBilingual(load.issues);
    expect(codes(load.catalog ?? [])).toEqual(['208', '2080107']);
  });

  it('reports a grid without a header', () => {
    const g = grid([['说明'], ['这不是科目表', '仅有文字']]);
    expect(hasCatalogHeader(g)).toBe(false);
    expect(where(catalogFromGrid(g))).toEqual([[1, 'no-header', undefined]]);
    expect(where(catalogFromGrid(grid([])))).toEqual([[1, 'empty-input', undefined]]);
  });

  it('reads a given kind and split economic codes (类 款)', () => {
    const g = grid([
      ['类', '款', '名称'],
      [301, null, '工资福利支出'],
      [null, 1, '基本工资'],
      [null, 2, '津贴补贴'],
      [302, 11, '差旅费'],
    ]);
    const load = catalogFromGrid(g, 'economic-department');
    expect(load.issues).toEqual([]);
    expect(codes(load.catalog ?? [])).toEqual(['301', '30101', '30102', '30211']);
  });
});
