/**
 * The checker: the mapping (required fields, no column twice, money and identity only as the rules
 * allow), then every row — every problem with its row, column and exact reason, the card types and
 * consultant names that match nothing, and what the rows that can be imported bring. Reads only.
 */
import type { MemberGender } from '../../contract/types';
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { isValidPhone, phoneKey } from '../../../shared/phone';
import { addDays } from '../../../shared/dates';
import type { MemberFields } from '../members';
import type { Mapping } from './columns';
import type { importContract } from './contract';
import type { Job } from './jobs';
import * as q from './queries';
import type { CardTypeLiteRow } from './queries';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMappingReason,
  type ImportProblem,
  type ImportProblemCode,
  type ImportSummary,
  type ImportUnmatched,
  type ImportValidation,
} from './types';
import {
  cell,
  GENDERS,
  lower,
  nationalIdOf,
  parseCount,
  parseDate,
  parseMoney,
  type Status,
  STATUSES,
} from './values';

/** The report lists at most this many problems; the counts always cover every row. */
const MAX_PROBLEMS = 5000;
const MAX_NOTES = 5000;

type Options = NonNullable<
  Parameters<HandlersOf<typeof importContract>['members.importValidate']>[1]['options']
>;

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
  reason: ImportMappingReason;
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
  const issue = (
    field: MappingIssue['field'],
    column: number | null,
    reason: ImportMappingReason,
    other?: string,
  ) => issues.push({ field, column, header: header(column), reason, ...(other ? { other } : {}) });
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

export function check(ctx: Ctx, jobId: string, job: Job, mapping: Mapping, options: Options = {}): Checked {
  checkMapping(job, mapping, options);
  const db = ctx.db;
  const today = ctx.today();

  const types = new Map<string, CardTypeLiteRow>();
  for (const t of q.cardTypes(db)) types.set(lower(t.name), t);
  const staffByName = new Map<string, number[]>();
  for (const s of q.activeStaffNames(db)) {
    const k = lower(s.name);
    staffByName.set(k, [...(staffByName.get(k) ?? []), s.id]);
  }
  const chosen = new Map<string, number | null>();
  (options.consultants ?? []).forEach((c, i) => {
    if (c.staffId !== null && !q.isActiveStaff(db, c.staffId))
      throw new AppError('VALIDATION', {
        issues: [{ path: `options.consultants.${i}.staffId`, code: 'unknown' }],
      });
    chosen.set(lower(c.name), c.staffId);
  });
  const cardNoTaken = q.cardNoTaken(db);
  const noteColumns = options.noteColumns ?? [];

  const problems: ImportProblem[] = [];
  const counts = new Map<string, { field: ImportField | 'row'; code: ImportProblemCode; count: number }>();
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
    const bad = (
      field: ImportField,
      code: ImportProblemCode,
      value: string,
      params?: Record<string, string>,
    ) =>
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
    } else if (cardNoTaken(cardNo)) {
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
