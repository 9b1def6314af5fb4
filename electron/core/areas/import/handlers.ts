/**
 * The roster import's rules and the export. Import is three steps: preview (read the file, say
 * what each column looks like and suggest what it is), validate (every problem of every row for a
 * mapping, with its row, column and exact reason) and commit (one transaction) — or cancel, which
 * writes nothing. Everything a club's export carries is taken or reported: card, name, gender
 * (unknown when the roster has none), phone, birth date, card type, dates, visits left, status
 * (frozen with its dates, expired, deactivated), the stored-value balance (an opening ledger entry
 * "imported balance"), the consultant (matched by name), a national ID number (only when a manager
 * chooses to keep them) and any other column into the notes. Nothing is dropped or zeroed without a
 * row problem saying why.
 *
 * Money and identity columns are never guessed: a price paid is never taken as a stored-value
 * balance, and a national ID number is never taken unless a manager maps it and confirms.
 *
 * The parts: read.ts (the parser), columns.ts and values.ts (what a column and a cell are),
 * check.ts (the checker), write.ts (the writer and the export), jobs.ts (files between the steps).
 */
import type { HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { check } from './check';
import { describeColumns, suggestedMapping } from './columns';
import type { importContract } from './contract';
import { addJob, dropJob, getJob } from './jobs';
import { readRoster } from './read';
import type { ImportResult } from './types';
import { insertImportedMember, rosterCsv } from './write';

export const importHandlers: HandlersOf<typeof importContract> = {
  // reads the file (an .xlsx is unzipped asynchronously) and keeps it as an import job in memory;
  // writes nothing to the database
  'members.importPreview': async (ctx, a) => {
    const file = await readRoster(Buffer.from(a.fileBase64, 'base64'), a.encoding ?? 'auto');
    const all = file.rows;
    // The header is the first row with two or more values (a title line above it is skipped).
    const headerAt = all.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
    if (all.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
    if (headerAt < 0 || headerAt > 10) throw new AppError('IMPORT_FILE_INVALID', { reason: 'no_header' });
    if (all.length < headerAt + 2) throw new AppError('IMPORT_FILE_INVALID', { reason: 'no_rows' });
    const headers = all[headerAt]!.map((h) => h.trim());
    const rows = all.slice(headerAt + 1);
    const columns = describeColumns(headers, rows);
    const jobId = addJob({
      format: file.format,
      encoding: file.encoding,
      headers,
      columns,
      rows,
      rowNumbers: file.rowNumbers.slice(headerAt + 1),
      createdAt: ctx.now().getTime(),
      staffId: ctx.requireActor().id,
    });
    return {
      jobId,
      format: file.format,
      encoding: file.encoding,
      headers,
      headerRow: file.rowNumbers[headerAt]!,
      sampleRows: rows.slice(0, 5).map((r) => r.map((c) => c.slice(0, 200))),
      totalRows: rows.length,
      suggestedMapping: suggestedMapping(columns),
      suggestedNoteColumns: columns
        .filter((c) => c.kind !== 'field' && c.suggestion === 'notes')
        .map((c) => c.index),
      columns,
    };
  },

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
    dropJob(a.jobId);
    return { imported: valid.length, skipped: validation.invalid, ...s };
  },

  'members.importCancel': (ctx, a) => {
    getJob(ctx, a.jobId);
    dropJob(a.jobId);
    return { ok: true as const };
  },

  'members.exportCsv': (ctx) => {
    const out = rosterCsv(ctx);
    ctx.audit({ op: 'members.exportCsv', entity: 'members', detail: `${out.count} members` });
    return out;
  },
};
