/**
 * Automatic backups while the app is open: one at the start (the day's first is the 'daily' one),
 * then whenever the newest backup is an hour old, and a verified copy of the newest set in the
 * second backup folder when one is chosen. The Core owns the timer (cleared on close); the timer
 * only calls `runDue()`, which tests call directly with a manual clock.
 *
 * A failed backup never blocks the desk: it is remembered (the top bar, the settings and the shift
 * handover warn through `health()`) and tried again after RETRY_AFTER_MS. Only a copy that fails its
 * check while the original fails it too means damage (the core then goes to its broken state).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../clock';
import type { DB } from '../../db/database';
import {
  backupDir,
  backupFailure as failureOf,
  copySetTo,
  createBackup,
  infoOf,
  listBackups,
} from '../../db/backups';
import { localDate } from '../../../shared/dates';
import type { Settings } from '../settings/types';
import type { BackupFailure, BackupHealth, BackupInfo, BackupPlace } from './types';

/** A backup at least this often while the app is open. */
export const BACKUP_EVERY_MS = 60 * 60_000;
/** After a failure, the next try. */
export const RETRY_AFTER_MS = 5 * 60_000;
/** A place whose newest good copy is older than this is shown as a warning. */
const BACKUP_STALE_MS = 2 * BACKUP_EVERY_MS;

export interface ScheduleHost {
  clock: Clock;
  dataDir: string;
  /** The writer when the club is set up and the database is usable; null otherwise. */
  readyWriter(): DB | null;
  settings(): Settings;
  /** A backup copy failed its check and the original fails it too. */
  damaged(): void;
}

interface PlaceState {
  lastError: { at: string; reason: BackupFailure } | null;
  retryAt: number | null;
}

/** The newest backup in a folder that may be slow or gone (a network share, a USB disk): async. */
async function newestIn(dir: string): Promise<BackupInfo | null> {
  const names = await fs.promises.readdir(dir);
  let best: BackupInfo | null = null;
  for (const n of names) {
    if (!n.endsWith('.sqlite3')) continue;
    try {
      const b = infoOf(dir, n);
      if (b && (!best || b.createdAt > best.createdAt)) best = b;
    } catch {
      // removed meanwhile
    }
  }
  return best;
}

export class BackupSchedule {
  private local: PlaceState = { lastError: null, retryAt: null };
  private second: PlaceState & { folder: string; newest: BackupInfo | null } = {
    folder: '',
    newest: null,
    lastError: null,
    retryAt: null,
  };
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ScheduleHost,
    readonly automatic: boolean,
  ) {}

  /** Checks every `everyMs` whether a backup is due (the timer does not keep the process alive). */
  start(everyMs = 60_000): void {
    if (!this.automatic || this.timer) return;
    this.timer = setInterval(() => void this.runDue(), everyMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes the backups that are due (one run at a time; a second caller waits for the first). */
  runDue(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const db = this.host.readyWriter();
    if (!db) return;
    await this.runLocal(db);
    await this.runSecond();
  }

  private async runLocal(db: DB): Promise<void> {
    const now = this.host.clock.now();
    const nowMs = now.getTime();
    const all = listBackups(this.host.dataDir);
    const newest = all[0];
    if (newest && nowMs - Date.parse(newest.createdAt) < BACKUP_EVERY_MS) return;
    if (this.local.retryAt !== null && nowMs < this.local.retryAt) return;
    const tz = this.host.settings().timeZone;
    const today = localDate(now, tz);
    const hasDaily = all.some((b) => b.reason === 'daily' && localDate(new Date(b.createdAt), tz) === today);
    try {
      await createBackup(db, this.host.dataDir, hasDaily ? 'hourly' : 'daily', now);
      this.local = { lastError: null, retryAt: null };
    } catch (e) {
      const reason = failureOf(e);
      if (reason === 'COPY_DAMAGED' && originalDamaged(db)) {
        this.host.damaged();
        return;
      }
      console.error(`[backup] failed (${reason}):`, e);
      this.local = { lastError: { at: now.toISOString(), reason }, retryAt: nowMs + RETRY_AFTER_MS };
    }
  }

  private async runSecond(): Promise<void> {
    const folder = this.host.settings().secondBackupDir;
    if (folder !== this.second.folder) this.second = { folder, newest: null, lastError: null, retryAt: null };
    if (!folder) return;
    const now = this.host.clock.now();
    const nowMs = now.getTime();
    if (this.second.retryAt !== null && nowMs < this.second.retryAt) return;
    const newestLocal = listBackups(this.host.dataDir)[0];
    try {
      const there = await newestIn(folder);
      this.second.newest = there;
      if (!newestLocal || (there && there.createdAt >= newestLocal.createdAt)) {
        this.second.lastError = null;
        this.second.retryAt = null;
        return;
      }
      this.second.newest = await copySetTo(this.host.dataDir, newestLocal.file, folder);
      this.second.lastError = null;
      this.second.retryAt = null;
    } catch (e) {
      const reason = failureOf(e);
      console.error(`[backup] second folder failed (${reason}):`, e);
      this.second.lastError = { at: now.toISOString(), reason };
      this.second.retryAt = nowMs + RETRY_AFTER_MS;
    }
  }

  /** What the top bar, the settings and the shift handover show. */
  health(): BackupHealth {
    const nowMs = this.host.clock.now().getTime();
    const ready = this.host.readyWriter() !== null;
    const place = (
      folder: string,
      newest: BackupInfo | null | undefined,
      s: PlaceState,
      fresh: boolean,
    ): BackupPlace => ({
      folder,
      newestAt: newest?.createdAt ?? null,
      newestFile: newest?.file ?? null,
      lastError: s.lastError,
      retryAt: s.retryAt === null ? null : new Date(s.retryAt).toISOString(),
      ok:
        s.lastError === null &&
        (!fresh || (!!newest && nowMs - Date.parse(newest.createdAt) < BACKUP_STALE_MS)),
    });
    const fresh = this.automatic && ready;
    const local = place(backupDir(this.host.dataDir), listBackups(this.host.dataDir)[0], this.local, fresh);
    const folder = ready ? this.host.settings().secondBackupDir : '';
    const second =
      folder && folder === this.second.folder
        ? place(path.resolve(folder), this.second.newest, this.second, fresh)
        : folder
          ? place(path.resolve(folder), null, { lastError: null, retryAt: null }, false)
          : null;
    return {
      automatic: this.automatic,
      local,
      second,
      warning: !local.ok || (second !== null && !second.ok),
    };
  }
}

/** Whether the live database fails the check too (only asked after a copy failed it). */
function originalDamaged(db: DB): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) !== 'ok';
  } catch {
    return true;
  }
}
