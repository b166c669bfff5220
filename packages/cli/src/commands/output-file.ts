/**
 * The output file of a generating command (forms, template, import): named
 * with -o, an .xlsx (a .json for import), and never an existing file unless --force says so.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { UserInputError } from '../errors.js';
import { t, type MessageId } from '../i18n.js';

function fail(id: MessageId, data: Record<string, string>): UserInputError {
  return new UserInputError({ 'zh-CN': t('zh-CN', id, data), en: t('en', id, data) });
}

/**
 * The path to write: throws a UserInputError (exit 2, one line) when -o is
 * missing, the path does not end in .xlsx, is a directory, or names an
 * existing file and `force` is not set.
 */
export function outputPath(path: string | undefined, force: boolean | undefined, example: string, ext: '.xlsx' | '.json' = '.xlsx'): string {
  if (path === undefined || path.trim() === '') throw fail('outputRequired', { example });
  if (extname(path).toLowerCase() !== ext) throw fail(ext === '.json' ? 'outputNotJson' : 'outputNotXlsx', { path });
  let exists = false;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw fail('outputIsDirectory', { path });
    exists = true;
  } catch (e) {
    if (e instanceof UserInputError) throw e;
    // ENOENT and the like: nothing there to overwrite; a folder that does not exist is reported by the writer
  }
  if (exists && force !== true) throw fail('outputExists', { path });
  return path;
}
