/**
 * Backups that always restore (issue 13): the oldest backup restores (pruning never touches it, manual
 * backups never push automatic ones out), a failed backup warns and is retried without blocking the
 * desk, hourly backups with a verified copy in a second folder, attachments in every backup set, and
 * the report of what a restore over a damaged file would lose (with its CSV).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { backupFailure, KEEP_BACKUPS, listBackups, listFolder } from '../../electron/core/db/backups';
import { DB_FILE } from '../../electron/core/db/database';
import { RETRY_AFTER_MS } from '../../electron/core/areas/system/backupSchedule';
import { expectError, makeClub, MANAGER_PIN, tempDir, type TestClub } from './helpers';

const HOUR = 60 * 60_000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Everything a test opens and creates, closed and removed at the end (also when it fails). */
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function club(): Promise<TestClub> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const c = await makeClub({ dataDir });
  cores.push(c.core);
  return c;
}

function folder(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

async function reopen(c: TestClub, clock = c.clock, dailyBackup = true): Promise<Core> {
  c.core.close();
  const core = await Core.open({ dataDir: c.dataDir, clock, dailyBackup });
  cores.push(core);
  return core;
}

async function must<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Time passes at the desk (the manager logs in again after the idle lock). */
async function later(c: TestClub, ms: number): Promise<void> {
  c.clock.advance(ms);
  await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
}

const staffNames = async (c: TestClub) => (await c.call('mgr', 'staff.list', {})).map((s) => s.name);

describe('restoring', () => {
  it('restores the oldest of 14 manual backups; the "before restore" backup never prunes it', async () => {
    const c = await club();
    const made: string[] = [];
    for (let i = 0; i < KEEP_BACKUPS.manual; i++) {
      c.clock.advance(1000);
      await c.call('mgr', 'staff.create', {
        name: `Staff ${i}`,
        role: 'reception',
        pin: String(4000 + i),
        gender: 'male',
      });
      made.push((await c.call('mgr', 'backups.create', {})).file);
    }
    expect((await c.call('mgr', 'backups.list', {})).filter((b) => b.reason === 'manual')).toHaveLength(14);
    const oldest = made[0]!;
    await c.call('mgr', 'backups.restore', { file: oldest });
    await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
    const names = await staffNames(c);
    expect(names).toContain('Staff 0');
    expect(names).not.toContain('Staff 1');
    expect(fs.existsSync(path.join(c.dataDir, 'backups', oldest))).toBe(true);
  });

  it('restores the oldest kept "before restore" backup although a new one is made first', async () => {
    const c = await club();
    const first = await c.call('mgr', 'backups.create', {});
    for (let i = 0; i < KEEP_BACKUPS['pre-restore']; i++) {
      c.clock.advance(1000);
      await c.call('mgr', 'backups.restore', { file: first.file });
      await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
      await c.call('mgr', 'staff.create', {
        name: `Round ${i}`,
        role: 'reception',
        pin: '4321',
        gender: 'male',
      });
    }
    const pre = (await c.call('mgr', 'backups.list', {})).filter((b) => b.reason === 'pre-restore');
    expect(pre).toHaveLength(KEEP_BACKUPS['pre-restore']);
    const oldestPre = pre[pre.length - 1]!.file;
    c.clock.advance(1000);
    await c.call('mgr', 'backups.restore', { file: oldestPre });
    expect(c.core.state).toBe('ready');
    await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
    // the oldest "before restore" backup was taken before round 0's staff member was added
    expect(await staffNames(c)).not.toContain('Round 0');
    expect(fs.existsSync(path.join(c.dataDir, 'backups', oldestPre))).toBe(true);
  });

  it('manual backups never push automatic ones out', async () => {
    const c = await club();
    await c.core.backups.runDue();
    const daily = listBackups(c.dataDir).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(1);
    for (let i = 0; i < KEEP_BACKUPS.manual + 5; i++) {
      c.clock.advance(1000);
      await c.call('mgr', 'backups.create', {});
    }
    expect(listBackups(c.dataDir).filter((b) => b.reason === 'daily')).toEqual(daily);
    expect(listBackups(c.dataDir).filter((b) => b.reason === 'manual')).toHaveLength(KEEP_BACKUPS.manual);
  });
});

describe('a failed backup warns, is retried and never blocks the desk', () => {
  /** The backups folder replaced by a file: nothing can be written there (also as root). */
  function block(dataDir: string): () => void {
    const dir = path.join(dataDir, 'backups');
    fs.renameSync(dir, `${dir}.away`);
    fs.writeFileSync(dir, 'not a folder');
    return () => {
      fs.rmSync(dir);
      fs.renameSync(`${dir}.away`, dir);
    };
  }

  it('the day’s first backup fails at opening: the desk works, the status warns, a retry succeeds', async () => {
    const c = await club();
    await c.core.backups.runDue();
    const unblock = block(c.dataDir);
    c.clock.advance(24 * HOUR);
    const core = await reopen(c);
    expect(core.state).toBe('ready');
    await must(core.call('m', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN }));
    // the desk works: a new staff member, a check of the status
    await must(
      core.call('m', 'staff.create', { name: 'Desk Works', role: 'reception', pin: '4321', gender: 'male' }),
    );
    const st = await must<{ warning: boolean; local: { ok: boolean; lastError: { reason: string } } }>(
      core.call('m', 'backups.status', {}),
    );
    expect(st.warning).toBe(true);
    expect(st.local.ok).toBe(false);
    expect(st.local.lastError.reason).toBe('FOLDER_UNWRITABLE');
    // a manual backup says why it failed, and the desk still works
    const manual = await core.call('m', 'backups.create', {});
    expect(manual).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FAILED', params: { reason: 'FOLDER_UNWRITABLE' } },
    });
    expect(core.state).toBe('ready');

    // space freed: not before the retry is due, then without a restart
    unblock();
    c.clock.advance(RETRY_AFTER_MS - 60_000);
    await core.backups.runDue();
    expect(listBackups(c.dataDir)).toHaveLength(1);
    c.clock.advance(60_000);
    await core.backups.runDue();
    const after = await must<{ warning: boolean; local: { ok: boolean; lastError: unknown } }>(
      core.call('m', 'backups.status', {}),
    );
    expect(after).toMatchObject({ warning: false, local: { ok: true, lastError: null } });
    expect(listBackups(c.dataDir).map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it('names the failures the desk can act on', () => {
    expect(backupFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('DISK_FULL');
    expect(backupFailure(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('DISK_FULL');
    expect(backupFailure(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('FOLDER_UNWRITABLE');
    expect(backupFailure(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('FOLDER_MISSING');
  });
});

describe('hourly backups and the second folder', () => {
  it('backs up hourly while open (the day’s first is the daily one); the timer stops on close', async () => {
    const c = await club();
    await c.core.backups.runDue();
    expect(listBackups(c.dataDir).map((b) => b.reason)).toEqual(['daily']);
    await later(c, HOUR / 2);
    await c.core.backups.runDue();
    expect(listBackups(c.dataDir)).toHaveLength(1);
    await later(c, HOUR / 2);
    await c.core.backups.runDue();
    expect(listBackups(c.dataDir).map((b) => b.reason)).toEqual(['hourly', 'daily']);
    // a visit after the hourly backup is in the next one: the loss window is an hour
    await c.call('mgr', 'staff.create', {
      name: 'Late Arrival',
      role: 'reception',
      pin: '4321',
      gender: 'male',
    });
    await later(c, HOUR);
    await c.core.backups.runDue();
    const newest = listBackups(c.dataDir)[0]!;
    const b = new Database(path.join(c.dataDir, 'backups', newest.file), { readonly: true });
    expect(b.prepare("SELECT count(*) AS n FROM staff WHERE name = 'Late Arrival'").get()).toEqual({ n: 1 });
    b.close();
    // the next club-local day starts with a daily one again
    await later(c, 24 * HOUR);
    await c.core.backups.runDue();
    expect(listBackups(c.dataDir)[0]!.reason).toBe('daily');
    const st = await c.call('mgr', 'backups.status', {});
    expect(st).toMatchObject({ automatic: true, warning: false, second: null });
    expect(st.local.newestAt).toBe(c.clock.now().toISOString());
  });

  it('the second folder receives a verified copy with its attachments; an unreachable one warns and blocks nothing', async () => {
    const c = await club();
    const second = folder();
    const { session } = await c.loginAs('reception');
    await expectError(c.call(session, 'backups.setSecondFolder', { folder: second }), 'FORBIDDEN');
    for (const [bad, reason] of [
      ['relative/folder', 'NOT_ABSOLUTE'],
      [path.join(c.dataDir, 'backups'), 'INSIDE_DATA_FOLDER'],
      [path.join(second, 'missing'), 'FOLDER_MISSING'],
    ] as const) {
      const p = await expectError(
        c.call('mgr', 'backups.setSecondFolder', { folder: bad }),
        'BACKUP_FOLDER_UNUSABLE',
      );
      expect(p.reason).toBe(reason);
    }
    await attachPng(c);
    await c.call('mgr', 'backups.setSecondFolder', { folder: second });
    expect((await c.call('mgr', 'settings.get', {})).secondBackupDir).toBe(second);
    await c.core.backups.runDue();
    const local = listBackups(c.dataDir)[0]!;
    const copied = listFolder(second);
    expect(copied.map((b) => b.file)).toEqual([local.file]);
    expect(sha(fs.readFileSync(path.join(second, local.file)))).toBe(
      sha(fs.readFileSync(path.join(c.dataDir, 'backups', local.file))),
    );
    expect(fs.readFileSync(path.join(second, 'attachments', sha(PNG))).equals(PNG)).toBe(true);
    expect(fs.readdirSync(second).some((f) => f.endsWith('.partial'))).toBe(false);
    let st = await c.call('mgr', 'backups.status', {});
    expect(st.second).toMatchObject({ folder: second, newestAt: local.createdAt, ok: true });

    // the USB disk is pulled out: the hourly backup is made locally, the second place warns
    fs.rmSync(second, { recursive: true });
    await later(c, HOUR);
    await c.core.backups.runDue();
    st = await c.call('mgr', 'backups.status', {});
    expect(st.warning).toBe(true);
    expect(st.local.ok).toBe(true);
    expect(st.second).toMatchObject({ ok: false, lastError: { reason: 'FOLDER_MISSING' } });
    await c.call('mgr', 'staff.create', {
      name: 'Still Working',
      role: 'reception',
      pin: '4321',
      gender: 'male',
    });
    // plugged in again: the next retry copies the newest set
    fs.mkdirSync(second);
    await later(c, RETRY_AFTER_MS);
    await c.core.backups.runDue();
    st = await c.call('mgr', 'backups.status', {});
    expect(st).toMatchObject({
      warning: false,
      second: { ok: true, newestAt: listBackups(c.dataDir)[0]!.createdAt },
    });
    expect(fs.existsSync(path.join(second, 'attachments', sha(PNG)))).toBe(true);
    // no second folder any more
    await c.call('mgr', 'backups.setSecondFolder', { folder: '' });
    expect((await c.call('mgr', 'backups.status', {})).second).toBeNull();
  });
});

async function attachPng(c: TestClub): Promise<number> {
  const inc = await c.call('mgr', 'incidents.open', {
    occurredAt: '2026-11-18T09:30',
    place: 'Gym floor',
    what: 'Slipped near the treadmills',
    kind: 'injury',
    severity: 'minor',
    personName: 'Guest Li',
  });
  const att = await c.call('mgr', 'incidents.attach', {
    id: inc.id,
    name: 'knee.png',
    mime: 'image/png',
    contentBase64: PNG.toString('base64'),
  });
  return att.id;
}

describe('attachments', () => {
  it('a backup holds the attachments its database refers to, and a restore puts them back', async () => {
    const c = await club();
    const attachmentId = await attachPng(c);
    const b = await c.call('mgr', 'backups.create', {});
    expect(fs.readFileSync(path.join(c.dataDir, 'backups', 'attachments', sha(PNG))).equals(PNG)).toBe(true);
    // the attachment is lost from the data folder, and another file is damaged in place
    fs.rmSync(path.join(c.dataDir, 'attachments', sha(PNG)));
    await expectError(c.call('mgr', 'incidents.attachment', { attachmentId }), 'ATTACHMENT_MISSING');
    c.clock.advance(1000);
    await c.call('mgr', 'backups.restore', { file: b.file });
    await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
    const opened = await c.call('mgr', 'incidents.attachment', { attachmentId });
    expect(Buffer.from(opened.dataUrl.split(',')[1]!, 'base64').equals(PNG)).toBe(true);
  });

  it('a tampered attachment in the data folder is replaced by the backup’s sound copy on restore', async () => {
    const c = await club();
    const attachmentId = await attachPng(c);
    const b = await c.call('mgr', 'backups.create', {});
    fs.writeFileSync(path.join(c.dataDir, 'attachments', sha(PNG)), Buffer.from('tampered'));
    await c.call('mgr', 'backups.restore', { file: b.file });
    await c.call('mgr', 'session.login', { staffId: c.managerId, pin: MANAGER_PIN });
    await c.call('mgr', 'incidents.attachment', { attachmentId });
  });
});

describe('what a restore over a damaged file would lose', () => {
  /** Damages the first page of the members table: the file no longer opens, the audit log is intact. */
  function damageMembers(dataDir: string): void {
    const file = path.join(dataDir, DB_FILE);
    const db = new Database(file);
    const page = db.pragma('page_size', { simple: true }) as number;
    const root = (
      db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number }
    ).rootpage;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, (root - 1) * page);
    fs.closeSync(fd);
  }

  it('lists the operations after the backup from the damaged file, as CSV, behind a manager’s PIN', async () => {
    const c = await club();
    const b = await c.call('mgr', 'backups.create', {});
    c.clock.advance(60_000);
    await c.call('mgr', 'staff.create', {
      name: 'After Backup',
      role: 'reception',
      pin: '4321',
      gender: 'male',
    });
    await c.call('mgr', 'settings.update', { lostTagFeeCents: 3000 });
    c.core.close();
    damageMembers(c.dataDir);
    const core = await Core.open({ dataDir: c.dataDir, clock: c.clock, dailyBackup: false });
    cores.push(core);
    expect(core.state).toBe('broken');

    expect(await core.call('x', 'backups.lost', { file: b.file })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await core.call('x', 'backups.lost', { file: b.file, authorization: { pin: '0000' } }),
    ).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    const r = await must<{
      source: string;
      complete: boolean;
      backupAt: string;
      operations: { op: string; staffName: string; after: string | null }[];
      csv: string;
      csvName: string;
    }>(core.call('x', 'backups.lost', { file: b.file, language: 'en', authorization: { pin: MANAGER_PIN } }));
    expect(r).toMatchObject({ source: 'damaged', complete: true, backupAt: b.createdAt });
    // the backup's own entry is written once the copy is made: it is not in the copy either
    expect(r.operations.map((o) => o.op)).toEqual(['backups.create', 'staff.create', 'settings.update']);
    expect(r.operations[1]!.after).toContain('After Backup');
    expect(r.operations[1]!.staffName).toBe('Manager Wang');
    const lines = r.csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('No.,Time,Staff,Operation,Record,Record id,Detail,Before,After');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('2026-11-18 10:01');
    expect(lines[2]).toContain('staff.create');
    expect(r.csvName).toMatch(/^frontdesk-lost-after-\d{12}\.csv$/);
    // the damaged file is untouched and no working copy is left in the data folder
    expect(fs.readdirSync(c.dataDir).filter((f) => f.startsWith('recovery-'))).toEqual([]);

    // the restore then brings the backup back; the listed operations are what it lost
    await must(core.call('x', 'backups.restore', { file: b.file, authorization: { pin: MANAGER_PIN } }));
    expect(core.state).toBe('ready');
  });

  it('with a working database a manager sees what a restore would lose; reception may not', async () => {
    const c = await club();
    const b = await c.call('mgr', 'backups.create', {});
    await c.call('mgr', 'staff.create', {
      name: 'After Backup',
      role: 'reception',
      pin: '4321',
      gender: 'male',
    });
    const { session } = await c.loginAs('reception');
    await expectError(c.call(session, 'backups.lost', { file: b.file }), 'FORBIDDEN');
    const r = await c.call('mgr', 'backups.lost', { file: b.file });
    expect(r.source).toBe('live');
    expect(r.operations.map((o) => o.op)).toEqual([
      'backups.create',
      'staff.create',
      'staff.create',
      'session.login',
    ]);
    // in the club's language (English here)
    expect(r.csv.startsWith('\ufeffNo.,Time,Staff,Operation')).toBe(true);
    await expectError(c.call('mgr', 'backups.lost', { file: '../frontdesk.sqlite3' }), 'BACKUP_NOT_FOUND');
  });
});
