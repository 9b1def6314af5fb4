/**
 * What a restore would lose: the operations the audit log (append-only) of the current file holds
 * after the backup's newest entry. With a working database they are read from it; with a damaged
 * one from a copy of the damaged file and its write-ahead log (the original is never opened for
 * writing), reading past the parts that cannot be read. A manager exports the list as CSV to enter
 * the operations again after the restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type DB, nativeBindingOption } from '../../db/database';
import { csvDocument } from '../../../shared/csv';
import { localDateTime } from '../../../shared/dates';
import type { Language } from '../../contract/types';
import { lastAuditId, lostAuditRows, type LostAuditRow } from './queries';
import type { BackupInfo, LostOperation, LostReport } from './types';

/** Stored JSON longer than this is cut in the list (the CSV has it whole). */
const AFTER_MAX = 500;
/** At most this many operations are listed (a year of work would be far fewer than a day's backups keep). */
const MAX_ROWS = 100_000;

function openReadOnlyFile(file: string): DB {
  return new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
}

/** The newest audit entry in a backup file. */
export function backupLastAuditId(backupFile: string): number {
  const db = openReadOnlyFile(backupFile);
  try {
    return lastAuditId(db);
  } finally {
    db.close();
  }
}

/**
 * Reads the audit rows after `afterId`, going on past parts that cannot be read: after a failure it
 * tries further ids (1, 2, 4 … ahead) until rows come again. Answers whether everything was read.
 */
function readRows(db: DB, afterId: number): { rows: LostAuditRow[]; complete: boolean } {
  const rows: LostAuditRow[] = [];
  let complete = true;
  let from = afterId;
  let jump = 1;
  for (let tries = 0; tries < 64 && rows.length < MAX_ROWS; tries++) {
    let read = 0;
    try {
      for (const r of lostAuditRows(db, from)) {
        rows.push(r);
        from = r.id;
        read++;
        if (rows.length >= MAX_ROWS) break;
      }
      return { rows, complete: complete && rows.length < MAX_ROWS };
    } catch {
      complete = false;
      if (read > 0) jump = 1;
      from += jump;
      jump *= 2;
    }
  }
  return { rows, complete: false };
}

function toOperation(r: LostAuditRow): LostOperation {
  return {
    id: r.id,
    at: r.at,
    staffName: r.staff_name,
    op: r.op,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    after:
      r.after_json && r.after_json.length > AFTER_MAX ? `${r.after_json.slice(0, AFTER_MAX)}…` : r.after_json,
  };
}

function csvOf(rows: LostAuditRow[], timeZone: string, language: Language): string {
  const en = language === 'en';
  const head = en
    ? ['No.', 'Time', 'Staff', 'Operation', 'Record', 'Record id', 'Detail', 'Before', 'After']
    : ['序号', '时间', '员工', '操作', '对象', '对象编号', '说明', '变更前', '变更后'];
  return csvDocument([
    head,
    ...rows.map((r) => [
      r.id,
      localDateTime(r.at, timeZone),
      r.staff_name,
      r.op,
      r.entity,
      r.entity_id,
      r.detail,
      r.before_json,
      r.after_json,
    ]),
  ]);
}

function report(
  backup: BackupInfo,
  source: LostReport['source'],
  read: { rows: LostAuditRow[]; complete: boolean },
  timeZone: string,
  language: Language,
): LostReport {
  return {
    file: backup.file,
    backupAt: backup.createdAt,
    source,
    complete: read.complete,
    operations: read.rows.map(toOperation),
    csv: csvOf(read.rows, timeZone, language),
    csvName: `frontdesk-lost-after-${backup.createdAt.slice(0, 16).replace(/[-:T]/g, '')}.csv`,
  };
}

/** From the working database (a manager restoring an older backup on purpose). */
export function lostFromLive(
  reader: DB,
  backupFull: string,
  backup: BackupInfo,
  timeZone: string,
  language: Language,
): LostReport {
  const read = readRows(reader, backupLastAuditId(backupFull));
  return report(backup, 'live', read, timeZone, language);
}

/**
 * From the damaged file: a copy of it and its write-ahead log in a folder of the data folder (removed
 * afterwards), opened there so the log is applied to the copy only.
 */
export function lostFromDamaged(
  dbFile: string,
  backupFull: string,
  backup: BackupInfo,
  timeZone: string,
  language: Language,
): LostReport {
  const afterId = backupLastAuditId(backupFull);
  const dir = fs.mkdtempSync(path.join(path.dirname(dbFile), 'recovery-'));
  try {
    const copy = path.join(dir, path.basename(dbFile));
    fs.copyFileSync(dbFile, copy);
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
    let read: { rows: LostAuditRow[]; complete: boolean } = { rows: [], complete: false };
    try {
      const db = new Database(copy, { fileMustExist: true, ...nativeBindingOption() });
      try {
        read = readRows(db, afterId);
      } finally {
        db.close();
      }
    } catch {
      // not even the schema can be read: nothing to list
    }
    return report(backup, 'damaged', read, timeZone, language);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
