/**
 * CSV files the club opens in a spreadsheet (exports and reports), for the core and the renderer
 * alike (no Node, database or Electron import). UTF-8 with a byte-order mark (so Excel reads
 * Chinese), CRLF line ends, cells quoted when needed and text that a spreadsheet would run as a
 * formula neutralised. Money is written in yuan with two decimals, as a number cell.
 */
import { centsToYuan } from './money';

/** The UTF-8 byte-order mark. */
export const BOM = '\ufeff';

/** An amount for a CSV cell: written "12.50" (yuan), never neutralised, also when negative. */
export interface CsvMoney {
  readonly cents: number;
}

/** What a cell may hold: text, a number, money, or nothing. */
export type CsvValue = string | number | CsvMoney | null;

/** Cents as a CSV money cell; null stays an empty cell. */
export function csvMoney(cents: number): CsvMoney;
export function csvMoney(cents: number | null): CsvMoney | null;
export function csvMoney(cents: number | null): CsvMoney | null {
  return cents === null ? null : { cents };
}

/** A cell safe to open in a spreadsheet: quoted when needed, formulas neutralised. */
export function csvCell(value: CsvValue): string {
  if (value !== null && typeof value === 'object') return centsToYuan(value.cents);
  let s = value === null ? '' : String(value);
  // Text that a spreadsheet would run as a formula is neutralised; numbers are written as numbers.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of cells. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: the byte-order mark, then the rows, each ending in CRLF. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `${BOM}${rows.map(csvRow).join('\r\n')}\r\n`;
}

/** A CSV text with the byte-order mark (added once). */
export function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : `${BOM}${csv}`;
}
