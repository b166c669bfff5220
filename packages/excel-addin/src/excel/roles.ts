/**
 * Formatting roles of core's SheetSpec as Office.js range formats, matching
 * the CLI's ExcelJS writer: 宋体 11 for the body, 黑体 16 for titles, thin
 * black borders, a light grey header fill, #,##0.00 for amounts, text for codes.
 */
import { AMOUNT_NUMBER_FORMAT, type CellRole } from '@yusuan/core';

export const BODY_FONT = '宋体';
export const TITLE_FONT = '黑体';
export const BODY_SIZE = 11;
const TITLE_SIZE = 16;
const NOTE_SIZE = 10;
export const HEADER_FILL = '#F2F2F2';
export const BORDER_COLOUR = '#000000';
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

export interface RoleFormat {
  readonly font: { readonly name: string; readonly size: number; readonly bold: boolean };
  readonly horizontal: 'Left' | 'Center' | 'Right';
  readonly vertical: 'Top' | 'Center';
  readonly wrap: boolean;
  readonly borders: boolean;
  readonly fill?: string;
  readonly numberFormat: string;
}

const body = { name: BODY_FONT, size: BODY_SIZE, bold: false } as const;
const bold = { name: BODY_FONT, size: BODY_SIZE, bold: true } as const;

export const ROLE_FORMATS: Readonly<Record<CellRole, RoleFormat>> = {
  title: { font: { name: TITLE_FONT, size: TITLE_SIZE, bold: true }, horizontal: 'Center', vertical: 'Center', wrap: false, borders: false, numberFormat: GENERAL_FORMAT },
  subtitle: { font: body, horizontal: 'Right', vertical: 'Center', wrap: false, borders: false, numberFormat: GENERAL_FORMAT },
  header: { font: bold, horizontal: 'Center', vertical: 'Center', wrap: true, borders: true, fill: HEADER_FILL, numberFormat: GENERAL_FORMAT },
  code: { font: body, horizontal: 'Center', vertical: 'Center', wrap: false, borders: true, numberFormat: TEXT_FORMAT },
  text: { font: body, horizontal: 'Left', vertical: 'Center', wrap: true, borders: true, numberFormat: GENERAL_FORMAT },
  amount: { font: body, horizontal: 'Right', vertical: 'Center', wrap: false, borders: true, numberFormat: AMOUNT_NUMBER_FORMAT },
  totalText: { font: bold, horizontal: 'Center', vertical: 'Center', wrap: true, borders: true, numberFormat: GENERAL_FORMAT },
  totalAmount: { font: bold, horizontal: 'Right', vertical: 'Center', wrap: false, borders: true, numberFormat: AMOUNT_NUMBER_FORMAT },
  note: { font: { name: BODY_FONT, size: NOTE_SIZE, bold: false }, horizontal: 'Left', vertical: 'Center', wrap: false, borders: false, numberFormat: GENERAL_FORMAT },
  paragraph: { font: body, horizontal: 'Left', vertical: 'Top', wrap: true, borders: true, numberFormat: GENERAL_FORMAT },
};

/** Excel's column width in characters (of the default font) as Office.js points: 7 px a character plus 5 px padding, at 0.75 pt a pixel. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
