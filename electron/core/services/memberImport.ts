/**
 * Roster import from CSV (UTF-8 or GBK, as Chinese spreadsheets export it) and export to CSV.
 *
 * Import is three steps: preview (decode, parse, suggest a column mapping), validate (a per-row
 * report of problems for a mapping) and commit (the valid rows, all in one transaction) — or cancel,
 * which writes nothing. Rows whose card number is already taken or repeated in the file are reported
 * as duplicates and never merged.
 */
import crypto from 'node:crypto';
import iconv from 'iconv-lite';
import type { DB } from '../db/database';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportPreview,
  type ImportProblem,
  type ImportValidation,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { isValidDate } from '../time';
import { type MemberFields, insertMember, memberState, type MemberRow } from './members';

const MAX_ROWS = 200_000;
const MAX_COLUMNS = 200;
const MAX_JOBS = 8;
const JOB_TTL_MS = 2 * 60 * 60 * 1000;
/** The report lists at most this many problems; the counts always cover every row. */
const MAX_PROBLEMS = 5000;

interface Job {
  encoding: 'utf-8' | 'gbk';
  headers: string[];
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

// ---- decoding and parsing ------------------------------------------------------------------

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
      i += 1;
    } else if (c === sep) {
      row.push(field);
      field = '';
      if (row.length > MAX_COLUMNS)
        throw new AppError('IMPORT_FILE_INVALID', { reason: 'too_many_columns', max: MAX_COLUMNS });
      i += 1;
    } else if (c === '\r' || c === '\n') {
      pushRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new AppError('IMPORT_FILE_INVALID', { reason: 'unclosed_quote' });
  if (field !== '' || row.length > 0) pushRow();
  return rows;
}

const HEADER_NAMES: Record<ImportField, string[]> = {
  cardNo: [
    'card no',
    'card number',
    'cardno',
    'card',
    'member no',
    'membership no',
    '卡号',
    '会员卡号',
    '会员编号',
    '会员号',
  ],
  name: ['name', 'full name', 'member name', '姓名', '会员姓名', '名字', '会员'],
  gender: ['gender', 'sex', '性别'],
  phone: [
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phone number',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
  ],
  birthDate: ['birth date', 'birthday', 'date of birth', 'dob', 'birthdate', '生日', '出生日期'],
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
  ],
  startDate: ['start date', 'start', 'valid from', 'from', '开卡日期', '开始日期', '生效日期', '起始日期'],
  expiryDate: [
    'expiry date',
    'expiry',
    'expires',
    'end date',
    'valid to',
    'valid until',
    '到期日期',
    '到期日',
    '有效期至',
    '截止日期',
    '结束日期',
  ],
  visitsLeft: ['visits left', 'visits', 'remaining visits', 'remaining', '剩余次数', '次数'],
  notes: ['notes', 'note', 'remarks', 'comment', '备注'],
};

function normHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
}

export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  const normalized = headers.map(normHeader);
  for (const f of IMPORT_FIELDS) {
    for (const name of HEADER_NAMES[f]) {
      const idx = normalized.findIndex((h, i) => !used.has(i) && h === name);
      if (idx >= 0) {
        out[f] = idx;
        used.add(idx);
        break;
      }
    }
  }
  return out;
}

// ---- validation ----------------------------------------------------------------------------

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
};

/** Accepts 2026-03-01, 2026/3/1, 2026.3.1 and 2026年3月1日; returns YYYY-MM-DD or null. */
export function parseDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(d) ? d : null;
}

/** Undo the export's formula neutralisation ('=…, '+…). */
function cell(row: string[], idx: number | undefined): string {
  if (idx === undefined) return '';
  const v = (row[idx] ?? '').trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

interface CardTypeLite {
  id: number;
  name: string;
  kind: 'time' | 'visits';
  active: number;
}

const REQUIRED: ImportField[] = ['cardNo', 'name', 'gender', 'cardType', 'startDate'];

interface Checked {
  validation: ImportValidation;
  valid: MemberFields[];
}

function check(db: DB, jobId: string, job: Job, mapping: Partial<Record<ImportField, number>>): Checked {
  const missing = REQUIRED.filter((f) => mapping[f] === undefined);
  const outOfRange = IMPORT_FIELDS.filter(
    (f) => mapping[f] !== undefined && mapping[f]! >= job.headers.length,
  );
  if (missing.length || outOfRange.length) {
    throw new AppError('VALIDATION', {
      issues: [
        ...missing.map((f) => ({ path: `mapping.${f}`, code: 'required' })),
        ...outOfRange.map((f) => ({ path: `mapping.${f}`, code: 'column' })),
      ],
    });
  }
  const cols = IMPORT_FIELDS.map((f) => mapping[f]).filter((x) => x !== undefined);
  if (new Set(cols).size !== cols.length)
    throw new AppError('VALIDATION', { issues: [{ path: 'mapping', code: 'column_twice' }] });

  const types = new Map<string, CardTypeLite>();
  for (const t of db.prepare('SELECT id, name, kind, active FROM card_types').all() as CardTypeLite[])
    types.set(t.name.trim().toLowerCase(), t);
  const existing = db.prepare('SELECT 1 FROM members WHERE card_no = ?');

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const valid: MemberFields[] = [];
  const seen = new Map<string, number>();
  let invalid = 0;
  let duplicates = 0;

  job.rows.forEach((row, i) => {
    const rowNo = job.rowNumbers[i]!; // the header is row 1
    const rowProblems: ImportProblem[] = [];
    const bad = (field: ImportField | 'row', code: string, value: string) =>
      rowProblems.push({ row: rowNo, field, code, value: value.slice(0, 100) });
    const v = (f: ImportField) => cell(row, mapping[f]);

    const cardNo = v('cardNo');
    let duplicate = false;
    if (!cardNo) bad('cardNo', 'REQUIRED', '');
    else if (cardNo.length > 32 || !/^[0-9A-Za-z-]+$/.test(cardNo)) bad('cardNo', 'INVALID_CARD_NO', cardNo);
    else if (seen.has(cardNo)) {
      bad('cardNo', 'DUPLICATE_IN_FILE', cardNo);
      duplicate = true;
    } else if (existing.get(cardNo)) {
      bad('cardNo', 'CARD_NO_EXISTS', cardNo);
      duplicate = true;
    }
    if (cardNo && !seen.has(cardNo)) seen.set(cardNo, rowNo);

    const name = v('name');
    if (!name) bad('name', 'REQUIRED', '');
    else if (name.length > 100) bad('name', 'TOO_LONG', name);

    const genderRaw = v('gender');
    const gender = GENDERS[genderRaw.toLowerCase()];
    if (!genderRaw) bad('gender', 'REQUIRED', '');
    else if (!gender) bad('gender', 'INVALID_GENDER', genderRaw);

    const phone = v('phone');
    if (phone && (phone.length > 30 || !/^[0-9+\-() ]*$/.test(phone))) bad('phone', 'INVALID_PHONE', phone);

    const dateOf = (f: 'birthDate' | 'startDate' | 'expiryDate', required: boolean): string | null => {
      const raw = v(f);
      if (!raw) {
        if (required) bad(f, 'REQUIRED', '');
        return null;
      }
      const d = parseDate(raw);
      if (!d) bad(f, 'INVALID_DATE', raw);
      return d;
    };
    const birthDate = dateOf('birthDate', false);
    const startDate = dateOf('startDate', true);
    const expiryDate = dateOf('expiryDate', false);
    if (startDate && expiryDate && expiryDate < startDate) bad('expiryDate', 'INVALID_DATE', v('expiryDate'));

    const typeRaw = v('cardType');
    const type = types.get(typeRaw.toLowerCase());
    if (!typeRaw) bad('cardType', 'REQUIRED', '');
    else if (!type || type.active !== 1) bad('cardType', 'UNKNOWN_CARD_TYPE', typeRaw);

    const visitsRaw = v('visitsLeft');
    let visitsLeft: number | null = null;
    if (visitsRaw) {
      if (!/^\d{1,6}$/.test(visitsRaw) || Number(visitsRaw) > 100_000)
        bad('visitsLeft', 'INVALID_NUMBER', visitsRaw);
      else visitsLeft = Number(visitsRaw);
    }
    const notes = v('notes');
    if (notes.length > 5000) bad('notes', 'TOO_LONG', notes);

    if (rowProblems.length) {
      invalid += 1;
      if (duplicate) duplicates += 1;
      problemCount += rowProblems.length;
      for (const p of rowProblems) if (problems.length < MAX_PROBLEMS) problems.push(p);
      return;
    }
    valid.push({
      cardNo,
      name,
      gender: gender!,
      phone: phone || null,
      birthDate,
      cardTypeId: type!.id,
      startDate: startDate!,
      expiryDate,
      visitsLeft: type!.kind === 'visits' ? visitsLeft : null,
      consultantId: null,
      notes,
    });
  });

  void problemCount;
  return {
    validation: { jobId, total: job.rows.length, valid: valid.length, invalid, duplicates, problems },
    valid,
  };
}

// ---- export --------------------------------------------------------------------------------

/** A cell safe to open in a spreadsheet: quoted when needed, formulas neutralised. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  // Text that a spreadsheet would run as a formula is neutralised; numbers are written as numbers.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const EXPORT_HEADERS = {
  'zh-CN': [
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
    '储值余额',
    '备注',
  ],
  en: [
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
    'Stored value',
    'Notes',
  ],
} as const;

export const importHandlers = handlers({
  'members.importPreview': (ctx, a): ImportPreview => {
    const bytes = Buffer.from(a.fileBase64, 'base64');
    if (bytes.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
    if (bytes.includes(0)) throw new AppError('IMPORT_FILE_INVALID', { reason: 'binary' });
    const { text, encoding } = decode(bytes, a.encoding ?? 'auto');
    const rowNumbers: number[] = [];
    const all = parseCsv(text, rowNumbers);
    if (all.length < 2)
      throw new AppError('IMPORT_FILE_INVALID', { reason: all.length === 0 ? 'empty' : 'no_rows' });
    const headers = all[0]!.map((h) => h.trim());
    const rows = all.slice(1);
    const now = ctx.now().getTime();
    prune(now);
    const jobId = crypto.randomBytes(16).toString('hex');
    jobs.set(jobId, {
      encoding,
      headers,
      rows,
      rowNumbers: rowNumbers.slice(1),
      createdAt: now,
      staffId: ctx.requireActor().id,
    });
    return {
      jobId,
      encoding,
      headers,
      sampleRows: rows.slice(0, 5).map((r) => r.map((c) => c.slice(0, 200))),
      totalRows: rows.length,
      suggestedMapping: suggestMapping(headers),
    };
  },

  'members.importValidate': (ctx, a) => check(ctx.db, a.jobId, getJob(ctx, a.jobId), a.mapping).validation,

  'members.importCommit': (ctx, a) => {
    const job = getJob(ctx, a.jobId);
    // Checked again at commit: the roster may have changed since the report was shown.
    const { validation, valid } = check(ctx.db, a.jobId, job, a.mapping);
    const now = ctx.nowIso();
    for (const f of valid) insertMember(ctx.db, f, now);
    ctx.audit({
      op: 'members.import',
      entity: 'members',
      after: {
        imported: valid.length,
        skipped: validation.invalid,
        encoding: job.encoding,
        rows: job.rows.length,
      },
    });
    jobs.delete(a.jobId);
    return { imported: valid.length, skipped: validation.invalid };
  },

  'members.importCancel': (ctx, a) => {
    getJob(ctx, a.jobId);
    jobs.delete(a.jobId);
    return { ok: true as const };
  },

  'members.exportCsv': (ctx) => {
    const lang = ctx.settings.language;
    const rows = ctx.db
      .prepare(
        `SELECT m.*, t.name AS type_name FROM members m JOIN card_types t ON t.id = m.card_type_id ORDER BY m.card_no`,
      )
      .all() as (MemberRow & { type_name: string })[];
    const today = ctx.today();
    const gender = (g: string) => (lang === 'zh-CN' ? (g === 'male' ? '男' : '女') : g);
    const lines = [EXPORT_HEADERS[lang].map(csvCell).join(',')];
    for (const m of rows) {
      lines.push(
        [
          m.card_no,
          m.name,
          gender(m.gender),
          m.phone,
          m.birth_date,
          m.type_name,
          m.start_date,
          m.expiry_date,
          m.visits_left,
          memberState(m, today),
          (m.stored_value_cents / 100).toFixed(2),
          m.notes,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    ctx.audit({ op: 'members.exportCsv', entity: 'members', detail: `${rows.length} members` });
    return { filename: `members-${today}.csv`, csv: `\ufeff${lines.join('\r\n')}\r\n`, count: rows.length };
  },
});
