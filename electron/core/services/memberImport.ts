/**
 * Roster import from CSV (UTF-8 or GBK, as Chinese spreadsheets export it) or Excel (.xlsx, read
 * with read-excel-file), and export to CSV.
 *
 * Import is three steps: preview (read the file, say what each column looks like and suggest what
 * it is), validate (every problem of every row for a mapping, with its row, column and exact
 * reason) and commit (one transaction) — or cancel, which writes nothing. Everything a club's
 * export carries is taken or reported: card, name, gender (unknown when the roster has none),
 * phone, birth date, card type, dates, visits left, status (frozen with its dates, expired,
 * deactivated), the stored-value balance (an opening ledger entry "imported balance"), the
 * consultant (matched by name), a national ID number (only when a manager chooses to keep them) and
 * any other column into the notes. Nothing is dropped or zeroed without a row problem saying why.
 *
 * Money and identity columns are never guessed: a price paid is never taken as a stored-value
 * balance, and a national ID number is never taken unless a manager maps it and confirms.
 */
import crypto from 'node:crypto';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportColumn,
  type ImportColumnKind,
  type ImportField,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type ImportSummary,
  type ImportUnmatched,
  type ImportValidation,
  type MemberGender,
  type OpParsedArgs,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { formatPhone, isValidPhone, phoneKey } from '../../shared/phone';
import { addDays, isValidDate } from '../../shared/dates';
import { csvDocument, csvMoney, type CsvValue } from '../../shared/csv';
import { parseMoney as parseSharedMoney } from '../../shared/money';
import {
  entitlementOf,
  getMemberRow,
  type MemberFields,
  insertMember,
  memberState,
  type MemberRow,
  recordEntitlement,
} from '../areas/members';
import { ledgerEntry } from '../areas/payments';
import { stmt } from '../kernel/statements';

const MAX_ROWS = 200_000;
const MAX_COLUMNS = 200;
const MAX_JOBS = 8;
const JOB_TTL_MS = 2 * 60 * 60 * 1000;
/** The report lists at most this many problems; the counts always cover every row. */
const MAX_PROBLEMS = 5000;
/** The largest stored-value balance taken from a file: ¥10,000,000. */
const MAX_BALANCE_CENTS = 1_000_000_000;
const MAX_NOTES = 5000;

type Mapping = Partial<Record<ImportField, number>>;
type Options = NonNullable<OpParsedArgs<'members.importValidate'>['options']>;

interface Job {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk';
  headers: string[];
  columns: ImportColumn[];
  rows: string[][];
  /** Each row's number as a spreadsheet shows it (blank rows skipped but counted). */
  rowNumbers: number[];
  createdAt: number;
  staffId: number;
}

const jobs = new Map<string, Job>();

function prune(now: number): void {
  for (const [id, j] of jobs) if (now - j.createdAt > JOB_TTL_MS) jobs.delete(id);
  while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

function getJob(ctx: Ctx, jobId: string): Job {
  const j = jobs.get(jobId);
  if (!j || j.staffId !== ctx.requireActor().id) throw new AppError('IMPORT_JOB_UNKNOWN');
  return j;
}

// ---- reading files ---------------------------------------------------------------------------

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
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<string, number>;
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
  return String(v as string);
}

async function readXlsx(bytes: Buffer, rowNumbers: number[]): Promise<string[][]> {
  let data: unknown[][];
  try {
    data = (await readSheet(bytes)) as unknown[][];
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

// ---- columns ---------------------------------------------------------------------------------

/** Header names per field (compared lower-case, spaces and underscores unified). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  cardNo: [
    'card no',
    'card number',
    'cardno',
    'card',
    'member no',
    'membership no',
    'member card no',
    '卡号',
    '会员卡号',
    '会员编号',
    '会员号',
    '卡编号',
    '会籍卡号',
  ],
  name: ['name', 'full name', 'member name', '姓名', '会员姓名', '名字', '会员名称', '客户姓名', '会员'],
  gender: ['gender', 'sex', '性别'],
  phone: [
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phone number',
    'mobile number',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '联系方式',
    '电话号码',
  ],
  birthDate: ['birth date', 'birthday', 'date of birth', 'dob', 'birthdate', '生日', '出生日期', '出生年月'],
  cardType: [
    'card type',
    'membership',
    'membership type',
    'type',
    'plan',
    '卡类型',
    '卡种',
    '会员卡类型',
    '卡型',
    '卡名称',
    '会籍类型',
    '卡项',
  ],
  startDate: [
    'start date',
    'start',
    'valid from',
    'from',
    'contract start',
    '开卡日期',
    '开始日期',
    '生效日期',
    '起始日期',
    '合同开始时间',
    '合同开始日期',
    '开卡时间',
    '开始时间',
    '激活日期',
    '入会日期',
  ],
  expiryDate: [
    'expiry date',
    'expiry',
    'expires',
    'end date',
    'valid to',
    'valid until',
    'contract end',
    '到期日期',
    '到期日',
    '到期时间',
    '有效期至',
    '截止日期',
    '结束日期',
    '合同结束时间',
    '合同结束日期',
    '失效日期',
  ],
  visitsLeft: [
    'visits left',
    'visits',
    'remaining visits',
    'remaining',
    '剩余次数',
    '次数',
    '剩余课时',
    '可用次数',
  ],
  status: ['state', 'status', 'card status', 'membership status', '状态', '卡状态', '会员状态', '会籍状态'],
  frozenFrom: [
    'frozen from',
    'freeze from',
    'freeze start',
    'frozen since',
    '冻结开始',
    '冻结开始日期',
    '冻结开始时间',
    '冻结日期',
    '停卡开始日期',
    '停卡日期',
  ],
  frozenTo: [
    'frozen until',
    'frozen to',
    'freeze until',
    'freeze end',
    '冻结结束',
    '冻结结束日期',
    '冻结结束时间',
    '解冻日期',
    '停卡结束日期',
  ],
  storedValue: [
    'stored value',
    'stored value balance',
    'balance',
    'account balance',
    '储值',
    '储值余额',
    '储值金额',
    '余额',
    '卡内余额',
    '账户余额',
    '会员余额',
    '剩余金额',
  ],
  consultant: [
    'consultant',
    'membership consultant',
    'sales',
    'salesperson',
    'advisor',
    '会籍顾问',
    '顾问',
    '会籍',
    '销售',
    '销售顾问',
    '所属顾问',
    '业务员',
  ],
  // never suggested: a manager maps it and confirms (see IDENTITY_NAMES)
  nationalId: [],
  notes: ['notes', 'note', 'remarks', 'comment', 'comments', '备注', '说明'],
};

/** A price paid: never a stored-value balance. */
const PRICE_NAMES = [
  'price',
  'price paid',
  'paid',
  'amount paid',
  'card price',
  'fee',
  '价格',
  '售价',
  '卡价',
  '实收',
  '实收金额',
  '实付',
  '实付金额',
  '应收金额',
  '应付金额',
  '购卡金额',
  '办卡金额',
  '开卡金额',
  '卡费',
  '合同金额',
  '成交金额',
  '收款金额',
];
/** Money that is not a balance, or not clearly one: taken only when a manager maps it by hand. */
const MONEY_NAMES = [
  'amount',
  'total',
  'total spent',
  'top-ups',
  '金额',
  '总金额',
  '消费金额',
  '累计消费',
  '充值金额',
  '累计充值',
  '赠送金额',
  '欠款',
];
const IDENTITY_NAMES = [
  'id',
  'id no',
  'id number',
  'id card',
  'id card number',
  'national id',
  'passport',
  '身份证',
  '身份证号',
  '身份证号码',
  '证件号',
  '证件号码',
];
const INDEX_NAMES = ['#', 'no', 'no.', 'index', 'row', '序号', '行号', '编号序号'];

function normHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[（(].*[)）]$/, '')
    .trim();
}

function fieldOf(h: string): ImportField | undefined {
  return IMPORT_FIELDS.find((f) => HEADER_NAMES[f].includes(h));
}

/** What each column looks like and what is suggested for it. */
export function describeColumns(headers: string[], rows: string[][]): ImportColumn[] {
  const taken = new Set<ImportField>();
  return headers.map((header, index) => {
    const h = normHeader(header);
    const filled = rows.reduce((n, r) => (cell(r, index) !== '' ? n + 1 : n), 0);
    const col = (
      kind: ImportColumnKind,
      suggestion: ImportColumn['suggestion'],
      sameAs: ImportField | null = null,
    ) => ({
      index,
      header,
      kind,
      suggestion,
      sameAs,
      filled,
    });
    if (IDENTITY_NAMES.includes(h)) return col('identity', null);
    if (PRICE_NAMES.includes(h)) return col('price', null);
    if (MONEY_NAMES.includes(h)) return col('money', null);
    const f = fieldOf(h);
    if (f) {
      if (taken.has(f)) return col('repeat', filled > 0 ? 'notes' : null, f);
      taken.add(f);
      return col('field', f);
    }
    if (INDEX_NAMES.includes(h)) return col('index', null);
    if (filled === 0) return col('empty', null);
    return col('other', 'notes');
  });
}

export function suggestMapping(headers: string[]): Mapping {
  const out: Mapping = {};
  for (const c of describeColumns(headers, []))
    if (c.kind === 'field') out[c.suggestion as ImportField] = c.index;
  return out;
}

// ---- values ----------------------------------------------------------------------------------

const GENDERS: Record<string, MemberGender> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  未知: 'unknown',
  保密: 'unknown',
  不详: 'unknown',
  unknown: 'unknown',
  'gender unknown': 'unknown',
  u: 'unknown',
  '-': 'unknown',
  性别未知: 'unknown',
};

type Status = 'normal' | 'frozen' | 'expired' | 'deactivated';
const STATUSES: Record<string, Status> = {
  // the state is worked out from the dates and visits: these carry nothing more
  正常: 'normal',
  有效: 'normal',
  在用: 'normal',
  使用中: 'normal',
  激活: 'normal',
  已激活: 'normal',
  启用: 'normal',
  未开卡: 'normal',
  未激活: 'normal',
  未开始: 'normal',
  次数用完: 'normal',
  active: 'normal',
  normal: 'normal',
  valid: 'normal',
  ok: 'normal',
  'not started': 'normal',
  not_started: 'normal',
  'no visits left': 'normal',
  no_visits: 'normal',
  冻结: 'frozen',
  已冻结: 'frozen',
  冻结中: 'frozen',
  停卡: 'frozen',
  已停卡: 'frozen',
  暂停: 'frozen',
  frozen: 'frozen',
  paused: 'frozen',
  suspended: 'frozen',
  过期: 'expired',
  已过期: 'expired',
  到期: 'expired',
  已到期: 'expired',
  失效: 'expired',
  expired: 'expired',
  停用: 'deactivated',
  已停用: 'deactivated',
  注销: 'deactivated',
  已注销: 'deactivated',
  作废: 'deactivated',
  退卡: 'deactivated',
  已退卡: 'deactivated',
  禁用: 'deactivated',
  deactivated: 'deactivated',
  inactive: 'deactivated',
  cancelled: 'deactivated',
  canceled: 'deactivated',
};

/**
 * A calendar date as exports write it: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301,
 * each optionally followed by a time ("2026/3/1 10:22", "2026-03-01T10:22:33"); the time is
 * dropped. Day-first or month-first dates (01/03/2026) are ambiguous and refused. YYYY-MM-DD or null.
 */
export function parseDate(s: string): string | null {
  const text = s.trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1900 || y > 2200) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(d) ? d : null;
}

/**
 * A stored-value balance as the file writes it, read by the app's one money rule (shared/money.ts):
 * "1,234.50", "¥1234.5", "1234元", "RMB 80", and a spreadsheet's "12.3400". A decimal comma
 * ("12,5") is refused, never guessed. Cents, or the problem code for the report.
 */
export function parseMoney(s: string): { cents: number } | { code: string } {
  const r = parseSharedMoney(s, { max: MAX_BALANCE_CENTS, extraZeroDecimals: true });
  if (r.ok) return { cents: r.cents };
  switch (r.problem) {
    case 'negative':
      return { code: 'NEGATIVE_AMOUNT' };
    case 'tooLarge':
      return { code: 'AMOUNT_TOO_LARGE' };
    case 'comma':
      return { code: 'DECIMAL_COMMA' };
    default:
      return { code: 'INVALID_AMOUNT' };
  }
}

/** A count of visits: "8", "8次", "8.0". The number, or why not. */
function parseCount(s: string): { n: number } | { code: string } {
  const t = s.trim().replace(/\s*次$/, '');
  if (/^[-−]\s*\d+(?:\.0+)?$/.test(t) && !/^[-−]\s*0+(?:\.0+)?$/.test(t)) return { code: 'NEGATIVE_NUMBER' };
  const m = /^[-−]?(\d{1,6})(?:\.0+)?$/.exec(t);
  if (!m || Number(m[1]) > 100_000) return { code: 'INVALID_NUMBER' };
  return { n: Number(m[1]) };
}

/** A Chinese resident ID (18 characters with its check digit, or the old 15 digits) or another ID document number. */
export function nationalIdOf(raw: string): string | null {
  const t = raw.replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(t)) {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = w.reduce((a, x, i) => a + x * Number(t[i]), 0);
    return '10X98765432'[sum % 11] === t[17] ? t : null;
  }
  if (/^\d{15}$/.test(t)) return t;
  // all digits but not 15 or 18 long: a mistyped resident ID
  if (/^\d+X?$/.test(t)) return null;
  // a passport or another document: letters and digits
  return /^[A-Z0-9-]{5,40}$/.test(t) ? t : null;
}

/** Undo the export's formula neutralisation ('=…, '+…). */
function cell(row: string[], idx: number | undefined): string {
  if (idx === undefined) return '';
  const v = (row[idx] ?? '').trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

const lower = (s: string) => s.trim().toLowerCase();

// ---- checking --------------------------------------------------------------------------------

interface CardTypeLite {
  id: number;
  name: string;
  kind: 'time' | 'visits';
  duration_days: number | null;
  active: number;
}

/** One row that can be imported: the member, and what the import adds to it. */
export interface ImportRow {
  member: MemberFields;
  active: boolean;
  freeze: { from: string; to: string } | null;
  storedValueCents: number;
  nationalId: string | null;
  expired: boolean;
}

interface Checked {
  validation: ImportValidation;
  valid: ImportRow[];
}

interface MappingIssue {
  field: ImportField | 'notes';
  column: number | null;
  header: string | null;
  reason: string;
  other?: string;
}

/**
 * The mapping itself: required fields have a column, no column is used twice, and the columns of
 * money and identity are used only as the rules allow. Refused with every issue, each naming the
 * field and the column.
 */
function checkMapping(job: Job, mapping: Mapping, options: Options): void {
  const issues: MappingIssue[] = [];
  const header = (c: number | null) => (c === null ? null : (job.headers[c] ?? null));
  const issue = (field: MappingIssue['field'], column: number | null, reason: string, other?: string) =>
    issues.push({ field, column, header: header(column), reason, ...(other ? { other } : {}) });
  for (const f of REQUIRED_IMPORT_FIELDS) if (mapping[f] === undefined) issue(f, null, 'required');
  const usedBy = new Map<number, string>();
  for (const f of IMPORT_FIELDS) {
    const c = mapping[f];
    if (c === undefined) continue;
    if (c >= job.headers.length) {
      issue(f, c, 'no_such_column');
      continue;
    }
    const prev = usedBy.get(c);
    if (prev) issue(f, c, 'column_twice', prev);
    else usedBy.set(c, f);
    const kind = job.columns[c]!.kind;
    if (kind === 'identity' && f !== 'nationalId') issue(f, c, 'identity_elsewhere');
    if (kind === 'price' && f === 'storedValue') issue(f, c, 'price_not_balance');
    if (f === 'nationalId' && options.keepNationalId !== true) issue(f, c, 'keep_not_confirmed');
  }
  for (const c of options.noteColumns ?? []) {
    if (c >= job.headers.length) {
      issue('notes', c, 'no_such_column');
      continue;
    }
    const prev = usedBy.get(c);
    if (prev) issue('notes', c, 'column_twice', prev);
    else usedBy.set(c, 'notes');
    if (job.columns[c]!.kind === 'identity') issue('notes', c, 'identity_in_notes');
  }
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new AppError('IMPORT_MAPPING_INVALID', {
      field: first.field,
      column: first.column === null ? null : first.column + 1,
      header: first.header,
      reason: first.reason,
      other: first.other ?? null,
      count: issues.length,
      issues: issues.slice(0, 50),
    });
  }
}

function check(ctx: Ctx, jobId: string, job: Job, mapping: Mapping, options: Options = {}): Checked {
  checkMapping(job, mapping, options);
  const db = ctx.db;
  const today = ctx.today();

  const types = new Map<string, CardTypeLite>();
  for (const t of stmt(
    db,
    'SELECT id, name, kind, duration_days, active FROM card_types',
  ).all() as CardTypeLite[])
    types.set(lower(t.name), t);
  const staffByName = new Map<string, number[]>();
  for (const s of stmt(db, 'SELECT id, name FROM staff WHERE active = 1').all() as {
    id: number;
    name: string;
  }[]) {
    const k = lower(s.name);
    staffByName.set(k, [...(staffByName.get(k) ?? []), s.id]);
  }
  const activeStaff = stmt(db, 'SELECT 1 FROM staff WHERE id = ? AND active = 1');
  const chosen = new Map<string, number | null>();
  (options.consultants ?? []).forEach((c, i) => {
    if (c.staffId !== null && !activeStaff.get(c.staffId))
      throw new AppError('VALIDATION', {
        issues: [{ path: `options.consultants.${i}.staffId`, code: 'unknown' }],
      });
    chosen.set(lower(c.name), c.staffId);
  });
  const existing = stmt(db, 'SELECT 1 FROM members WHERE card_no = ?');
  const noteColumns = options.noteColumns ?? [];

  const problems: ImportProblem[] = [];
  const counts = new Map<string, { field: ImportField | 'row'; code: string; count: number }>();
  const valid: ImportRow[] = [];
  const seen = new Map<string, number>();
  const unknownTypes = new Map<string, ImportUnmatched>();
  const unknownConsultants = new Map<string, ImportUnmatched>();
  let invalid = 0;
  let duplicates = 0;
  const summary: ImportSummary = {
    members: 0,
    storedValueCents: 0,
    withBalance: 0,
    frozen: 0,
    expired: 0,
    deactivated: 0,
    withConsultant: 0,
    genderUnknown: 0,
    nationalIds: 0,
  };
  const tally = (m: Map<string, ImportUnmatched>, name: string, extra: Partial<ImportUnmatched> = {}) => {
    const k = lower(name);
    const e = m.get(k);
    if (e) e.rows += 1;
    else m.set(k, { name, rows: 1, ...extra });
  };

  job.rows.forEach((row, i) => {
    const rowNo = job.rowNumbers[i]!; // the header is usually row 1
    const rowProblems: ImportProblem[] = [];
    const bad = (field: ImportField, code: string, value: string, params?: Record<string, string>) =>
      rowProblems.push({
        row: rowNo,
        field,
        column: mapping[field] ?? null,
        code,
        value: value.slice(0, 100),
        ...(params ? { params } : {}),
      });
    const v = (f: ImportField) => cell(row, mapping[f]);

    // values beyond the header's columns belong to no column (an unquoted comma shifts a row)
    const extra = row.slice(job.headers.length).filter((c) => c.trim() !== '');
    if (extra.length > 0)
      rowProblems.push({
        row: rowNo,
        field: 'row',
        column: null,
        code: 'EXTRA_CELLS',
        value: extra.join(', ').slice(0, 100),
        params: { columns: String(job.headers.length) },
      });

    const cardNo = v('cardNo');
    let duplicate = false;
    if (!cardNo) bad('cardNo', 'REQUIRED', '');
    else if (cardNo.length > 32 || !/^[0-9A-Za-z-]+$/.test(cardNo)) bad('cardNo', 'INVALID_CARD_NO', cardNo);
    else if (seen.has(cardNo)) {
      bad('cardNo', 'DUPLICATE_IN_FILE', cardNo, { firstRow: String(seen.get(cardNo)) });
      duplicate = true;
    } else if (existing.get(cardNo)) {
      bad('cardNo', 'CARD_NO_EXISTS', cardNo);
      duplicate = true;
    }
    if (cardNo && !seen.has(cardNo)) seen.set(cardNo, rowNo);

    const name = v('name');
    if (!name) bad('name', 'REQUIRED', '');
    else if (name.length > 100) bad('name', 'TOO_LONG', name);

    // no gender column, or an empty cell: unknown (the desk asks and records it)
    const genderRaw = v('gender');
    let gender: MemberGender = 'unknown';
    if (genderRaw) {
      const g = GENDERS[lower(genderRaw)];
      if (g) gender = g;
      else bad('gender', 'INVALID_GENDER', genderRaw);
    }

    const phoneRaw = v('phone');
    let phone: string | null = null;
    if (phoneRaw) {
      if (phoneRaw.length > 40 || !isValidPhone(phoneRaw)) bad('phone', 'INVALID_PHONE', phoneRaw);
      else phone = phoneKey(phoneRaw);
    }

    const dateOf = (
      f: 'birthDate' | 'startDate' | 'expiryDate' | 'frozenFrom' | 'frozenTo',
    ): string | null => {
      const raw = v(f);
      if (!raw) return null;
      const d = parseDate(raw);
      if (!d) bad(f, 'INVALID_DATE', raw);
      return d;
    };
    const birthDate = dateOf('birthDate');
    if (birthDate && birthDate > today) bad('birthDate', 'BIRTH_DATE_IN_FUTURE', v('birthDate'));
    const startDate = dateOf('startDate');
    if (!v('startDate')) bad('startDate', 'REQUIRED', '');
    const expiryDate = dateOf('expiryDate');
    if (startDate && expiryDate && expiryDate < startDate)
      bad('expiryDate', 'EXPIRY_BEFORE_START', v('expiryDate'), { start: startDate });

    const typeRaw = v('cardType');
    const type = types.get(lower(typeRaw));
    if (!typeRaw) bad('cardType', 'REQUIRED', '');
    else if (!type) {
      bad('cardType', 'UNKNOWN_CARD_TYPE', typeRaw);
      tally(unknownTypes, typeRaw);
    } else if (type.active !== 1) {
      bad('cardType', 'CARD_TYPE_INACTIVE', typeRaw);
      tally(unknownTypes, type.name, { inactive: true });
    }

    const visitsRaw = v('visitsLeft');
    let visitsLeft: number | null = null;
    if (visitsRaw) {
      const c = parseCount(visitsRaw);
      if ('code' in c) bad('visitsLeft', c.code, visitsRaw);
      else visitsLeft = c.n;
    }
    if (type && type.kind === 'visits' && !visitsRaw)
      bad('visitsLeft', 'VISITS_REQUIRED', '', { cardType: type.name });
    if (type && type.kind === 'time' && visitsLeft !== null && visitsLeft > 0)
      bad('visitsLeft', 'VISITS_ON_TIME_CARD', visitsRaw, { cardType: type.name });
    // the expiry the member will have (a time card without one runs its duration from the start)
    const expiry =
      expiryDate ??
      (type?.kind === 'time' && startDate ? addDays(startDate, (type.duration_days ?? 1) - 1) : null);

    // ---- status and freeze
    const statusRaw = v('status');
    let status: Status = 'normal';
    if (statusRaw) {
      const s = STATUSES[lower(statusRaw)];
      if (s) status = s;
      else bad('status', 'INVALID_STATUS', statusRaw);
    }
    if (status === 'expired') {
      if (!expiryDate) bad('status', 'EXPIRED_WITHOUT_DATE', statusRaw);
      else if (expiryDate >= today) bad('status', 'EXPIRED_NOT_PASSED', statusRaw, { expiry: expiryDate });
    }
    const ff = dateOf('frozenFrom');
    const ft = dateOf('frozenTo');
    let freeze: ImportRow['freeze'] = null;
    if (ff && ft && ft < ff) bad('frozenTo', 'FREEZE_END_BEFORE_START', v('frozenTo'), { from: ff });
    else if (status === 'frozen') {
      // frozen: from the given date (or today) until the given end, or else until the card expires
      const to = ft ?? expiry;
      if (ft && ft < today) bad('frozenTo', 'FROZEN_ENDED', v('frozenTo'), { to: ft });
      else if (ff && ff > today && (!to || ff <= to))
        // "frozen" now, but the freeze in the file starts later: the member would walk in today
        bad('frozenFrom', 'FROZEN_STARTS_LATER', v('frozenFrom'), { from: ff });
      else if (!to) bad('status', 'FROZEN_NO_END', statusRaw);
      // no end date: frozen until the card expires — but it expired already, or before the freeze starts
      else if (to < today || (ff && ff > to)) bad('status', 'FROZEN_AFTER_EXPIRY', statusRaw, { expiry: to });
      else if (!v('frozenFrom') || ff) freeze = { from: ff ?? today, to };
    } else if (v('frozenFrom') || v('frozenTo')) {
      if (!v('frozenFrom')) bad('frozenFrom', 'FREEZE_DATES_INCOMPLETE', '');
      else if (!v('frozenTo')) bad('frozenTo', 'FREEZE_DATES_INCOMPLETE', '');
      else if (ff && ft) {
        // a freeze that covers today, on a row whose status says otherwise: which is right?
        if (ff <= today && today <= ft && statusRaw && status !== 'deactivated')
          bad('status', 'FREEZE_NOT_IN_STATUS', statusRaw, { from: ff, to: ft });
        else freeze = { from: ff, to: ft }; // frozen now (no status column), planned or past
      }
    }

    const svRaw = v('storedValue');
    let storedValueCents = 0;
    if (svRaw && !/^[-—–]+$/.test(svRaw)) {
      const m = parseMoney(svRaw);
      if ('code' in m) bad('storedValue', m.code, svRaw);
      else storedValueCents = m.cents;
    }

    const consultantRaw = v('consultant');
    let consultantId: number | null = null;
    if (consultantRaw) {
      const k = lower(consultantRaw);
      const ids = staffByName.get(k) ?? [];
      if (chosen.has(k)) consultantId = chosen.get(k)!;
      else if (ids.length === 1) consultantId = ids[0]!;
      else {
        bad('consultant', ids.length === 0 ? 'UNKNOWN_CONSULTANT' : 'AMBIGUOUS_CONSULTANT', consultantRaw);
        tally(unknownConsultants, consultantRaw, ids.length > 1 ? { ambiguous: true } : {});
      }
    }

    const idRaw = v('nationalId');
    let nationalId: string | null = null;
    if (idRaw) {
      nationalId = nationalIdOf(idRaw);
      if (!nationalId) bad('nationalId', 'INVALID_NATIONAL_ID', idRaw);
    }

    const noteParts = [v('notes')];
    for (const c of noteColumns) {
      const value = cell(row, c);
      if (value) noteParts.push(`${job.headers[c] || `#${c + 1}`}: ${value}`);
    }
    const notes = noteParts.filter(Boolean).join('\n');
    if (notes.length > MAX_NOTES)
      rowProblems.push({
        row: rowNo,
        field: 'notes',
        column: mapping.notes ?? noteColumns[0] ?? null,
        code: 'TOO_LONG',
        value: notes.slice(0, 100),
      });

    if (rowProblems.length) {
      invalid += 1;
      if (duplicate) duplicates += 1;
      for (const p of rowProblems) {
        const key = `${p.field}|${p.code}`;
        const c = counts.get(key);
        if (c) c.count += 1;
        else counts.set(key, { field: p.field, code: p.code, count: 1 });
        if (problems.length < MAX_PROBLEMS) problems.push(p);
      }
      return;
    }
    const expired = expiry !== null && expiry < today;
    valid.push({
      member: {
        cardNo,
        name,
        gender,
        phone,
        birthDate,
        cardTypeId: type!.id,
        startDate: startDate!,
        expiryDate,
        visitsLeft: type!.kind === 'visits' ? visitsLeft : null,
        consultantId,
        notes,
      },
      active: status !== 'deactivated',
      freeze,
      storedValueCents,
      nationalId,
      expired,
    });
    summary.members += 1;
    summary.storedValueCents += storedValueCents;
    if (storedValueCents > 0) summary.withBalance += 1;
    if (freeze && freeze.from <= today && today <= freeze.to) summary.frozen += 1;
    if (expired) summary.expired += 1;
    if (status === 'deactivated') summary.deactivated += 1;
    if (consultantId !== null) summary.withConsultant += 1;
    if (gender === 'unknown') summary.genderUnknown += 1;
    if (nationalId) summary.nationalIds += 1;
  });

  return {
    validation: {
      jobId,
      total: job.rows.length,
      valid: valid.length,
      invalid,
      duplicates,
      problems,
      problemCounts: [...counts.values()],
      unknownCardTypes: [...unknownTypes.values()],
      unknownConsultants: [...unknownConsultants.values()],
      summary,
    },
    valid,
  };
}

/**
 * Creates one imported member: through insertMember like every new member, then what the import
 * adds — deactivated, the freeze (with its record, no extension of the expiry: the file's expiry is
 * taken as it is), the national ID, and the stored-value balance as an opening ledger entry.
 * The member's entitlement history starts with an 'import' entry (the manager who imported it, and
 * the entitlement as imported: card, dates, visits, deactivated or frozen).
 */
export function insertImportedMember(ctx: Ctx, r: ImportRow, nowIso: string): number {
  const db = ctx.db;
  const id = insertMember(db, r.member, nowIso, null);
  if (!r.active || r.freeze || r.nationalId) {
    const reason =
      ctx.settings.language === 'zh-CN' ? '导入：原系统中已冻结' : 'Imported: frozen in the previous system';
    stmt(
      db,
      'UPDATE members SET active = ?, frozen_from = ?, frozen_to = ?, frozen_reason = ?, national_id = ? WHERE id = ?',
    ).run(
      r.active ? 1 : 0,
      r.freeze?.from ?? null,
      r.freeze?.to ?? null,
      r.freeze ? reason : null,
      r.nationalId,
      id,
    );
    if (r.freeze) {
      stmt(
        db,
        `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
         VALUES (?, ?, ?, ?, 0, ?, ?)`,
      ).run(id, r.freeze.from, r.freeze.to, reason, nowIso, ctx.requireActor().id);
    }
  }
  if (r.storedValueCents > 0) {
    const reason = ctx.settings.language === 'zh-CN' ? '导入余额' : 'imported balance';
    ledgerEntry(ctx, id, 'opening', r.storedValueCents, null, reason);
  }
  recordEntitlement(db, {
    memberId: id,
    kind: 'import',
    at: nowIso,
    by: ctx.requireActor().id,
    before: null,
    after: entitlementOf(db, getMemberRow(db, id)),
  });
  return id;
}

// ---- export --------------------------------------------------------------------------------

const EXPORT = {
  'zh-CN': {
    headers: [
      '卡号',
      '姓名',
      '性别',
      '手机',
      '出生日期',
      '卡类型',
      '开卡日期',
      '到期日期',
      '剩余次数',
      '状态',
      '冻结开始',
      '冻结结束',
      '储值余额',
      '会籍顾问',
      '备注',
    ],
    gender: { male: '男', female: '女', unknown: '未知' },
    state: {
      active: '正常',
      frozen: '冻结',
      expired: '过期',
      not_started: '未开始',
      no_visits: '次数用完',
      deactivated: '停用',
    },
  },
  en: {
    headers: [
      'Card no',
      'Name',
      'Gender',
      'Phone',
      'Birth date',
      'Card type',
      'Start date',
      'Expiry date',
      'Visits left',
      'State',
      'Frozen from',
      'Frozen until',
      'Stored value',
      'Consultant',
      'Notes',
    ],
    gender: { male: 'male', female: 'female', unknown: 'unknown' },
    state: {
      active: 'active',
      frozen: 'frozen',
      expired: 'expired',
      not_started: 'not started',
      no_visits: 'no visits left',
      deactivated: 'deactivated',
    },
  },
} as const;

// ---- operations ------------------------------------------------------------------------------

/** Reads the file (asynchronous: .xlsx is unzipped); writes nothing to the database. */
export async function importPreview(
  ctx: Ctx,
  a: OpParsedArgs<'members.importPreview'>,
): Promise<ImportPreview> {
  const bytes = Buffer.from(a.fileBase64, 'base64');
  if (bytes.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
  const rowNumbers: number[] = [];
  let all: string[][];
  let format: 'csv' | 'xlsx' = 'csv';
  let encoding: 'utf-8' | 'gbk' = 'utf-8';
  if (isZip(bytes)) {
    format = 'xlsx';
    all = await readXlsx(bytes, rowNumbers);
  } else if (isOle(bytes)) {
    throw new AppError('IMPORT_FILE_INVALID', { reason: 'xls_old' });
  } else {
    if (bytes.includes(0)) throw new AppError('IMPORT_FILE_INVALID', { reason: 'binary' });
    const d = decode(bytes, a.encoding ?? 'auto');
    encoding = d.encoding;
    all = parseCsv(d.text, rowNumbers);
  }
  // The header is the first row with two or more values (a title line above it is skipped).
  const headerAt = all.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
  if (all.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
  if (headerAt < 0 || headerAt > 10) throw new AppError('IMPORT_FILE_INVALID', { reason: 'no_header' });
  if (all.length < headerAt + 2) throw new AppError('IMPORT_FILE_INVALID', { reason: 'no_rows' });
  const headers = all[headerAt]!.map((h) => h.trim());
  const rows = all.slice(headerAt + 1);
  const columns = describeColumns(headers, rows);
  const suggestedMapping: Mapping = {};
  for (const c of columns) if (c.kind === 'field') suggestedMapping[c.suggestion as ImportField] = c.index;
  const now = ctx.now().getTime();
  prune(now);
  const jobId = crypto.randomBytes(16).toString('hex');
  jobs.set(jobId, {
    format,
    encoding,
    headers,
    columns,
    rows,
    rowNumbers: rowNumbers.slice(headerAt + 1),
    createdAt: now,
    staffId: ctx.requireActor().id,
  });
  return {
    jobId,
    format,
    encoding,
    headers,
    headerRow: rowNumbers[headerAt]!,
    sampleRows: rows.slice(0, 5).map((r) => r.map((c) => c.slice(0, 200))),
    totalRows: rows.length,
    suggestedMapping,
    suggestedNoteColumns: columns
      .filter((c) => c.kind !== 'field' && c.suggestion === 'notes')
      .map((c) => c.index),
    columns,
  };
}

export const importHandlers = handlers({
  // reads the file (an .xlsx is unzipped asynchronously) and keeps it as an import job in memory
  'members.importPreview': (ctx, a) => importPreview(ctx, a),
  'members.importValidate': (ctx, a) =>
    check(ctx, a.jobId, getJob(ctx, a.jobId), a.mapping, a.options).validation,

  'members.importCommit': (ctx, a): ImportResult => {
    const job = getJob(ctx, a.jobId);
    // Checked again at commit: the roster may have changed since the report was shown.
    const { validation, valid } = check(ctx, a.jobId, job, a.mapping, a.options);
    if (validation.invalid > 0 && (a.skipInvalid !== true || valid.length === 0)) {
      const p = validation.problems[0]!;
      throw new AppError('IMPORT_HAS_PROBLEMS', {
        invalid: validation.invalid,
        valid: validation.valid,
        row: p.row,
        field: p.field,
        column: p.column === null ? null : p.column + 1,
        header: p.column === null ? null : (job.headers[p.column] ?? null),
        problem: p.code,
        value: p.value,
        // what the reason refers to (start, firstRow, expiry…), for the sentence
        ...(p.params ?? {}),
      });
    }
    const now = ctx.nowIso();
    for (const r of valid) insertImportedMember(ctx, r, now);
    const s = validation.summary;
    ctx.audit({
      op: 'members.import',
      entity: 'members',
      after: {
        imported: valid.length,
        skipped: validation.invalid,
        format: job.format,
        encoding: job.encoding,
        rows: job.rows.length,
        storedValueCents: s.storedValueCents,
        frozen: s.frozen,
        deactivated: s.deactivated,
        nationalIds: s.nationalIds,
      },
    });
    jobs.delete(a.jobId);
    return { imported: valid.length, skipped: validation.invalid, ...s };
  },

  'members.importCancel': (ctx, a) => {
    getJob(ctx, a.jobId);
    jobs.delete(a.jobId);
    return { ok: true as const };
  },

  'members.exportCsv': (ctx) => {
    const lang = ctx.settings.language;
    const L = EXPORT[lang];
    const rows = stmt(
      ctx.db,
      `SELECT m.*, t.name AS type_name, s.name AS consultant_name FROM members m
         JOIN card_types t ON t.id = m.card_type_id LEFT JOIN staff s ON s.id = m.consultant_id
         ORDER BY m.card_no`,
    ).all() as (MemberRow & { type_name: string; consultant_name: string | null })[];
    const today = ctx.today();
    const lines: (readonly CsvValue[])[] = [L.headers];
    for (const m of rows) {
      lines.push([
        m.card_no,
        m.name,
        L.gender[m.gender],
        formatPhone(m.phone),
        m.birth_date,
        m.type_name,
        m.start_date,
        m.expiry_date,
        m.visits_left,
        L.state[memberState(m, today)],
        m.frozen_from,
        m.frozen_to,
        csvMoney(m.stored_value_cents),
        m.consultant_name,
        m.notes,
      ]);
    }
    ctx.audit({ op: 'members.exportCsv', entity: 'members', detail: `${rows.length} members` });
    return { filename: `members-${today}.csv`, csv: csvDocument(lines), count: rows.length };
  },
});
