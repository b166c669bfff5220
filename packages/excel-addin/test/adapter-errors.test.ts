// Office.js errors in the user's words, and the requirement-set check.
import { describe, expect, it } from 'vitest';
import { ExcelHost, ExcelHostError, hostSupported, officeErrorCode, officeErrorMessage, REQUIRED_API, type ExcelRuntime } from '../src/excel/adapter.js';
import { createFakeExcel, createFakeOffice, fakeWorkbookFromGrids, FakeOfficeError } from './fake-office/index.js';

const RAW = 'RichApi.Error: The requested resource doesn’t exist. (debug: 0x80004005)';

describe('officeErrorMessage', () => {
  const cases: [string, RegExp][] = [
    ['ItemNotFound', /找不到要操作的工作表或单元格/],
    ['InvalidArgument', /不接受/],
    ['AccessDenied', /受保护|只读/],
    ['InsertDeleteConflict', /插入或删除/],
    ['RequestPayloadSizeLimitExceeded', /数据过多/],
    ['ResponsePayloadSizeLimitExceeded', /数据过多/],
    ['GeneralException', /出错/],
    ['InvalidOperationInCellEditMode', /单元格编辑/],
    ['ApiNotFound', /ExcelApi 1\.13/],
    ['ItemAlreadyExists', /同名/],
  ];

  for (const [code, text] of cases) {
    it(`maps ${code} to Chinese, never the raw message`, () => {
      const message = officeErrorMessage(new FakeOfficeError(code, RAW));
      expect(message).toMatch(text);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toContain('RichApi');
      expect(officeErrorMessage({ code, message: RAW }, 'en')).toMatch(/^[\x20-\x7e’]+$/);
    });
  }

  it('has a Chinese fallback for unknown codes and for errors without a code', () => {
    for (const e of [new FakeOfficeError('SomethingNew', RAW), new Error(RAW), RAW, undefined, { code: 42 }]) {
      const message = officeErrorMessage(e);
      expect(message).toMatch(/^Excel 未能完成操作/);
      expect(message).not.toContain('0x8000');
    }
    expect(officeErrorCode({ code: 'Conflict' })).toBe('Conflict');
    expect(officeErrorCode(new Error('x'))).toBeUndefined();
  });

  it('keeps the adapter’s own messages (ExcelHostError) and their English text', () => {
    const e = new ExcelHostError('ItemNotFound', { 'zh-CN': '找不到工作表“表1”', en: 'Worksheet "表1" was not found' }, { cause: new Error(RAW) });
    expect(officeErrorMessage(e)).toBe('找不到工作表“表1”');
    expect(officeErrorMessage(e, 'en')).toBe('Worksheet "表1" was not found');
    expect(e.userMessage('en')).toBe('Worksheet "表1" was not found');
    expect(e.message).toBe('找不到工作表“表1”');
  });

  it('wraps every failure of ExcelHost into an ExcelHostError with the Office code and the cause', async () => {
    const wb = fakeWorkbookFromGrids([{ name: 'S', rows: [] }], { apiVersion: '1.11' });
    const host = new ExcelHost({ excel: createFakeExcel(wb) as unknown as ExcelRuntime });
    const error = await host.snapshot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('ApiNotFound');
    expect((error as ExcelHostError).cause).toBeInstanceOf(FakeOfficeError);
    expect((error as ExcelHostError).message).toMatch(/ExcelApi 1\.13/);
  });

  it('reports a missing Excel namespace as an unsupported host', async () => {
    const error = await new ExcelHost().snapshot().catch((e: unknown) => e);
    expect((error as ExcelHostError).code).toBe('ApiNotFound');
  });
});

describe('hostSupported', () => {
  it('asks Office for ExcelApi 1.13', () => {
    expect(REQUIRED_API).toEqual({ set: 'ExcelApi', version: '1.13' });
    const at = (apiVersion: string) => createFakeOffice(fakeWorkbookFromGrids([], { apiVersion }));
    expect(hostSupported(at('1.13'))).toBe(true);
    expect(hostSupported(at('1.17'))).toBe(true);
    expect(hostSupported(at('1.12'))).toBe(false);
  });

  it('is false without Office or when Office throws', () => {
    expect(hostSupported(undefined)).toBe(false);
    const throwing = {
      context: {
        requirements: {
          isSetSupported(): boolean {
            throw new Error('not ready');
          },
        },
      },
    };
    expect(hostSupported(throwing)).toBe(false);
  });
});
