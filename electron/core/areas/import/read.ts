/**
 * The parser: a roster file's bytes as rows of text cells. CSV (RFC 4180; UTF-8 or GBK, as Chinese
 * spreadsheets export it; comma, semicolon or tab) or Excel .xlsx (read with read-excel-file); the
 * old binary .xls is refused with its own reason. Writes nothing.
 */
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../kernel/errors';

const MAX_ROWS = 200_000;
const MAX_COLUMNS = 200;

export function decode(
  bytes: Buffer,
  encoding: 'auto' | 'utf-8' | 'gbk',
): { text: string; encoding: 'utf-8' | 'gbk' } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (encoding === 'gbk') return { text: iconv.decode(body, 'gbk'), encoding: 'gbk' };
  if (encoding === 'utf-8' || hasBom)
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'gbk'), encoding: 'gbk' };
  }
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, CRLF or LF, newlines inside quotes). Blank rows (empty lines,
 * or only separators as spreadsheets write them) are skipped; `rowNumbers`, when given, receives the
 * 1-based record number of each returned row, counting the skipped ones, as a spreadsheet numbers rows.
 */
export function parseCsv(text: string, rowNumbers?: number[]): string[][] {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of first) if (ch in counts) counts[ch]! += 1;
  const sep =
    counts['\t']! > counts[',']! && counts['\t']! >= counts[';']!
      ? '\t'
      : counts[';']! > counts[',']!
        ? ';'
        : ',';

  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** The record a quoted field began in (for the message when it is never closed). */
  let quoteRecord = 0;
  let i = 0;
  let record = 0;
  const pushRow = () => {
    row.push(field);
    field = '';
    record += 1;
    if (!row.every((c) => c.trim() === '')) {
      rows.push(row);
      rowNumbers?.push(record);
    }
    row = [];
    if (rows.length > MAX_ROWS + 1)
      throw new AppError('IMPORT_FILE_INVALID', { reason: 'too_many_rows', max: MAX_ROWS });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteRecord = record + 1;
      i += 1;
    } else if (c === sep) {
      row.push(field);
      field = '';
      if (row.length > MAX_COLUMNS)
        throw new AppError('IMPORT_FILE_INVALID', {
          reason: 'too_many_columns',
          max: MAX_COLUMNS,
          row: record + 1,
        });
      i += 1;
    } else if (c === '\r' || c === '\n') {
      pushRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new AppError('IMPORT_FILE_INVALID', { reason: 'unclosed_quote', row: quoteRecord });
  if (field !== '' || row.length > 0) pushRow();
  return rows;
}

/** A spreadsheet cell as text: dates as "YYYY-MM-DD" (with the time when it has one), numbers plain. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    // .xlsx keeps no time zone: the reader gives the written date and time as UTC (to the ms, rounded)
    const iso = new Date(Math.round(v.getTime() / 1000) * 1000).toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    // 0.1 + 0.2 is written 0.3 in the sheet; integers (phone numbers, card numbers) stay whole
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

async function readXlsx(bytes: Buffer, rowNumbers: number[]): Promise<string[][]> {
  let data: unknown[][];
  try {
    data = await readSheet(bytes);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { reason: 'xlsx_unreadable' });
  }
  const rows: string[][] = [];
  data.forEach((r, i) => {
    if (r.length > MAX_COLUMNS)
      throw new AppError('IMPORT_FILE_INVALID', { reason: 'too_many_columns', max: MAX_COLUMNS, row: i + 1 });
    const cells = r.map(cellText);
    if (cells.every((c) => c.trim() === '')) return;
    rows.push(cells);
    rowNumbers.push(i + 1);
    if (rows.length > MAX_ROWS + 1)
      throw new AppError('IMPORT_FILE_INVALID', { reason: 'too_many_rows', max: MAX_ROWS });
  });
  return rows;
}

const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The old binary Excel format (.xls, OLE2). */
const isOle = (b: Buffer) =>
  b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** A file read: its rows (blank ones skipped) and each row's number as a spreadsheet shows it. */
export interface RosterFile {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk';
  rows: string[][];
  rowNumbers: number[];
}

/** Reads the file (asynchronous: .xlsx is unzipped). */
export async function readRoster(bytes: Buffer, encoding: 'auto' | 'utf-8' | 'gbk'): Promise<RosterFile> {
  if (bytes.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
  const rowNumbers: number[] = [];
  if (isZip(bytes))
    return { format: 'xlsx', encoding: 'utf-8', rows: await readXlsx(bytes, rowNumbers), rowNumbers };
  if (isOle(bytes)) throw new AppError('IMPORT_FILE_INVALID', { reason: 'xls_old' });
  if (bytes.includes(0)) throw new AppError('IMPORT_FILE_INVALID', { reason: 'binary' });
  const d = decode(bytes, encoding);
  return { format: 'csv', encoding: d.encoding, rows: parseCsv(d.text, rowNumbers), rowNumbers };
}
