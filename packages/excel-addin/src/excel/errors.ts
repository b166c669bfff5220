/**
 * Office.js errors in the user's words, in one place. An Office.js failure
 * carries a `code` (Excel.ErrorCodes, OfficeExtension.ErrorCodes); its
 * `message` is English, technical and sometimes empty, and is never shown.
 */

export type MessageLang = 'zh-CN' | 'en';

interface Message {
  readonly 'zh-CN': string;
  readonly en: string;
}

const GENERIC: Message = {
  'zh-CN': 'Excel 未能完成操作，请重试；若仍失败，请保存工作簿后重新打开任务窗格。',
  en: 'Excel could not complete the operation. Try again; if it keeps failing, save the workbook and reopen the task pane.',
};

const MESSAGES: Readonly<Record<string, Message>> = {
  ItemNotFound: { 'zh-CN': '找不到要操作的工作表或单元格，它可能已被删除或改名。', en: 'The worksheet or cell was not found; it may have been deleted or renamed.' },
  InvalidReference: { 'zh-CN': '引用的工作表或区域无效，它可能已被删除或改名。', en: 'The referenced worksheet or range is not valid; it may have been deleted or renamed.' },
  InvalidObjectPath: { 'zh-CN': '要操作的对象已不存在（工作表可能已被删除），请重新校验。', en: 'The object no longer exists (the worksheet may have been deleted); validate again.' },
  InvalidArgument: { 'zh-CN': 'Excel 不接受给出的工作表名称、单元格地址或格式。', en: 'Excel did not accept a worksheet name, cell address or format.' },
  ItemAlreadyExists: { 'zh-CN': '已有同名的工作表，请改名后重试。', en: 'A worksheet with that name already exists; rename it and try again.' },
  AccessDenied: { 'zh-CN': 'Excel 拒绝了修改：工作簿或工作表可能受保护，或以只读方式打开。', en: 'Excel refused the change: the workbook or worksheet may be protected or opened read-only.' },
  InsertDeleteConflict: {
    'zh-CN': '插入或删除与工作表中的表格、数据透视表或合并单元格冲突。',
    en: 'Inserting or deleting conflicts with a table, a PivotTable or merged cells on the worksheet.',
  },
  MergedRangeConflict: { 'zh-CN': '操作与已合并的单元格冲突，请先取消合并。', en: 'The operation conflicts with merged cells; unmerge them first.' },
  InvalidOperation: { 'zh-CN': 'Excel 不允许此操作（例如不能删除唯一可见的工作表）。', en: 'Excel does not allow this operation (for example, the only visible worksheet cannot be deleted).' },
  InvalidSelection: { 'zh-CN': '无法选中该单元格，请先切换到对应的工作表。', en: 'The cell cannot be selected; switch to its worksheet first.' },
  InvalidOperationInCellEditMode: { 'zh-CN': '请先结束单元格编辑（按 Enter 或 Esc），再重试。', en: 'Finish editing the cell (press Enter or Esc), then try again.' },
  Conflict: { 'zh-CN': '工作簿正被他人同时编辑，发生冲突，请稍后重试。', en: 'Someone else is editing the workbook at the same time; try again shortly.' },
  ActivityLimitReached: { 'zh-CN': 'Excel 正忙，请稍后重试。', en: 'Excel is busy; try again shortly.' },
  RequestPayloadSizeLimitExceeded: {
    'zh-CN': '一次发送给 Excel 的数据过多，请减少工作表的行数后重试。',
    en: 'Too much data was sent to Excel at once; reduce the rows of the worksheet and try again.',
  },
  ResponsePayloadSizeLimitExceeded: {
    'zh-CN': '工作表的数据过多，Excel 无法一次返回，请删除空白区域多余的格式或拆分工作表。',
    en: 'The worksheet holds more data than Excel can return at once; clear formatting from unused areas or split the worksheet.',
  },
  RangeExceedsLimit: { 'zh-CN': '区域超出了 Excel 的单元格数量限制。', en: 'The range exceeds the number of cells Excel allows.' },
  OperationCellsExceedLimit: { 'zh-CN': '操作涉及的单元格超出了 Excel 的限制。', en: 'The operation touches more cells than Excel allows.' },
  ApiNotFound: { 'zh-CN': '此版本的 Excel 不支持本加载项所需的功能（需要 ExcelApi 1.13 或更高版本）。', en: 'This version of Excel lacks features the add-in needs (ExcelApi 1.13 or later).' },
  NotImplemented: { 'zh-CN': '此版本的 Excel 不支持本加载项所需的功能。', en: 'This version of Excel does not support a feature the add-in needs.' },
  UnsupportedOperation: { 'zh-CN': '此版本的 Excel 不支持该操作。', en: 'This version of Excel does not support the operation.' },
  RequestAborted: { 'zh-CN': '与 Excel 的连接中断，请重试。', en: 'The connection to Excel was interrupted; try again.' },
  GeneralException: { 'zh-CN': 'Excel 处理请求时出错，请重试。', en: 'Excel hit an error while processing the request; try again.' },
  PropertyNotLoaded: { 'zh-CN': '加载项内部错误（读取了未加载的数据），请重新打开任务窗格。', en: 'Internal error of the add-in (it read data it had not loaded); reopen the task pane.' },
};

/** The error code of an Office.js error (or of an ExcelHostError), if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/** What to tell the user about a failed Excel operation; never the raw error message. */
export function officeErrorMessage(error: unknown, lang: MessageLang = 'zh-CN'): string {
  if (error instanceof ExcelHostError) return error.userMessage(lang);
  const code = officeErrorCode(error);
  return (code !== undefined ? MESSAGES[code] : undefined)?.[lang] ?? GENERIC[lang];
}

/** An error of the Excel adapter: a code and a message for the user, the original error as `cause`. */
export class ExcelHostError extends Error {
  override readonly name = 'ExcelHostError';
  readonly code: string;
  private readonly text: Message;

  constructor(code: string, text?: Message, options?: { cause?: unknown }) {
    const message = text ?? MESSAGES[code] ?? GENERIC;
    super(message['zh-CN'], options);
    this.code = code;
    this.text = message;
  }

  userMessage(lang: MessageLang = 'zh-CN'): string {
    return this.text[lang];
  }
}

/** Any failure as an ExcelHostError (kept as it is when it already is one). */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  return new ExcelHostError(officeErrorCode(error) ?? 'Unknown', undefined, { cause: error });
}
