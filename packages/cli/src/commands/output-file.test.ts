import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../errors.js';
import { outputPath } from './output-file.js';

function reason(f: () => unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserInputError) return `${e.exitCode} ${e.messageIn(lang)}`;
    throw e;
  }
  return 'ok';
}

describe('outputPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-out-'));
  const existing = join(dir, 'a.xlsx');
  writeFileSync(existing, 'x');
  mkdirSync(join(dir, 'folder.XLSX'));

  it('accepts a new .xlsx (any case), and an existing one only with force', () => {
    expect(outputPath(join(dir, 'new.xlsx'), undefined, 'x.xlsx')).toBe(join(dir, 'new.xlsx'));
    expect(outputPath(join(dir, 'NEW.XLSX'), false, 'x.xlsx')).toBe(join(dir, 'NEW.XLSX'));
    expect(outputPath(existing, true, 'x.xlsx')).toBe(existing);
    expect(reason(() => outputPath(existing, false, 'x.xlsx'))).toBe(`2 输出文件已存在：${existing}（加 --force 覆盖）`);
    expect(reason(() => outputPath(existing, undefined, 'x.xlsx'), 'en')).toBe(`2 the output file exists: ${existing} (add --force to overwrite it)`);
  });

  it('refuses a missing name, another extension and a folder, force or not', () => {
    expect(reason(() => outputPath(undefined, true, '底稿.xlsx'))).toBe('2 请用 -o 指定要写入的文件，如 -o 底稿.xlsx');
    expect(reason(() => outputPath('  ', true, 'forms.xlsx'))).toBe('2 请用 -o 指定要写入的文件，如 -o forms.xlsx');
    expect(reason(() => outputPath(join(dir, 'a.csv'), true, 'x.xlsx'))).toBe(`2 输出文件须为 .xlsx：${join(dir, 'a.csv')}`);
    expect(reason(() => outputPath(join(dir, 'folder.XLSX'), true, 'x.xlsx'))).toBe(`2 输出路径是一个目录：${join(dir, 'folder.XLSX')}`);
  });
});
