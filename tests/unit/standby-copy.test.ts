/**
 * The standby copy's checks on arrival (issue 15; electron/server/standby.ts): a copy replaces the
 * verified one only when its SHA-256 is the one the host stated, SQLite's quick_check passes and its
 * schema is one this app knows; its attachments arrive checked. A body whose hash differs, a damaged
 * file, a newer user_version and a refusal by the host all leave the previous copy and its record
 * exactly as they were (and nothing is reported to the host as verified).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db';
import {
  CopyRefused,
  copyFile,
  installPromotion,
  readCopyInfo,
  type StandbyLink,
  takeCopy,
  verifyIncoming,
} from '../../electron/server/standby';
import { DB_FILE } from '../../electron/core/db/database';
import { tempDir } from './helpers';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A small SQLite database file's bytes (a few pages), with this user_version and these attachments. */
function sqliteBytes(dir: string, userVersion: number, attachments: Buffer[] = []): Buffer {
  const f = path.join(dir, `make-${crypto.randomBytes(4).toString('hex')}.sqlite3`);
  const db = new Database(f);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  db.exec('CREATE TABLE incident_attachments (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  // each file different (its hash too)
  const salt = crypto.randomBytes(8).toString('hex');
  db.transaction(() => {
    for (let i = 0; i < 400; i++) ins.run(`row ${i} ${salt} ${'x'.repeat(40)}`);
    for (const a of attachments)
      db.prepare('INSERT INTO incident_attachments (sha256) VALUES (?)').run(sha(a));
  })();
  db.pragma(`user_version = ${userVersion}`);
  db.close();
  const bytes = fs.readFileSync(f);
  fs.rmSync(f);
  return bytes;
}

/** A host that answers the snapshot with `body` (and the hash it states) and serves attachments. */
function fakeHost(
  body: Buffer,
  opts: { statedSha?: string; status?: number; attachments?: Map<string, Buffer> } = {},
) {
  const verified: unknown[] = [];
  const link: StandbyLink = {
    download: (pathname, file, maxBytes) => {
      if (pathname === '/standby/snapshot') {
        if (opts.status && opts.status !== 200)
          return Promise.resolve({
            status: opts.status,
            headers: {},
            bytes: 0,
            body: { ok: false, error: { code: 'NOT_STANDBY' } },
          });
        if (body.length > maxBytes) return Promise.reject(new Error('too large'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, body);
        return Promise.resolve({
          status: 200,
          headers: {
            'x-fd-sha256': opts.statedSha ?? sha(body),
            'x-fd-taken-at': '2026-12-08T01:00:00.000Z',
            'x-fd-user-version': String(SCHEMA_VERSION),
          },
          bytes: body.length,
        });
      }
      const hash = pathname.split('/').pop()!;
      const a = opts.attachments?.get(hash);
      if (!a) return Promise.resolve({ status: 404, headers: {}, bytes: 0 });
      fs.writeFileSync(file, a);
      return Promise.resolve({ status: 200, headers: {}, bytes: a.length });
    },
    postJson: (_pathname, data) => {
      verified.push(data);
      return Promise.resolve({ status: 200, body: { ok: true, data: null } });
    },
  };
  return { link, verified };
}

const me = () => Promise.resolve({ url: 'https://127.0.0.1:5175', certPem: 'PEM' });

describe('the standby copy: checked on arrival, replaced only by a sound one', () => {
  let dir: string;
  let work: string;
  beforeEach(() => {
    dir = tempDir('standby-copy');
    work = tempDir('standby-make');
  });

  /** The first verified copy, whose record the refused ones must leave alone. */
  async function firstCopy() {
    const good = sqliteBytes(work, SCHEMA_VERSION);
    const host = fakeHost(good);
    const info = await takeCopy(dir, host.link, me);
    expect(info).toMatchObject({
      sha256: sha(good),
      bytes: good.length,
      takenAt: '2026-12-08T01:00:00.000Z',
    });
    expect(host.verified).toEqual([{ sha256: sha(good), url: 'https://127.0.0.1:5175', certPem: 'PEM' }]);
    expect(fs.readFileSync(copyFile(dir)!)).toEqual(good);
    return { good, info };
  }

  async function expectKept(link: StandbyLink, reason: string, before: { good: Buffer; info: unknown }) {
    const err = await takeCopy(dir, link, me).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CopyRefused);
    expect((err as CopyRefused).message).toBe(reason);
    expect(readCopyInfo(dir)).toEqual(before.info);
    expect(fs.readFileSync(copyFile(dir)!)).toEqual(before.good);
    // the incoming file is gone
    expect(fs.readdirSync(path.join(dir, 'standby')).sort()).toEqual([
      'attachments',
      'club.sqlite3',
      'copy.json',
    ]);
  }

  it('a body whose hash is not the stated one does not replace the copy', async () => {
    const before = await firstCopy();
    const other = sqliteBytes(work, SCHEMA_VERSION);
    const host = fakeHost(other, { statedSha: sha(before.good) });
    await expectKept(host.link, 'HASH_MISMATCH', before);
    expect(host.verified).toEqual([]);
  });

  it('a damaged file (its stated hash right) does not replace the copy', async () => {
    const before = await firstCopy();
    const damaged = Buffer.from(sqliteBytes(work, SCHEMA_VERSION));
    // the table's pages overwritten with noise (the header stays: it opens, then fails its check)
    crypto.randomFillSync(damaged, 4096 * 2, 4096 * 3);
    const host = fakeHost(damaged);
    await expectKept(host.link, 'DAMAGED', before);
    // not a database at all
    await expectKept(fakeHost(Buffer.from('not a database'.repeat(100))).link, 'DAMAGED', before);
  });

  it('a copy from a newer app (user_version above this one’s newest migration) does not replace it', async () => {
    const before = await firstCopy();
    await expectKept(fakeHost(sqliteBytes(work, SCHEMA_VERSION + 1)).link, 'TOO_NEW', before);
    await expect(
      verifyIncoming(
        (() => {
          const f = path.join(work, 'new.sqlite3');
          fs.writeFileSync(f, sqliteBytes(work, SCHEMA_VERSION + 1));
          return f;
        })(),
        sha(fs.readFileSync(path.join(work, 'new.sqlite3'))),
      ),
    ).rejects.toMatchObject({ reason: 'TOO_NEW' });
  });

  it('the host refusing (not the standby) keeps the copy; a station never named keeps no folder', async () => {
    const fresh = tempDir('standby-none');
    await expect(takeCopy(fresh, fakeHost(Buffer.alloc(0), { status: 403 }).link, me)).rejects.toMatchObject({
      hostCode: 'NOT_STANDBY',
    });
    expect(fs.readdirSync(fresh)).toEqual([]);
    const before = await firstCopy();
    await expectKept(fakeHost(before.good, { status: 403 }).link, 'NOT_STANDBY', before);
  });

  it('fetches the attachments it lacks, each checked; a wrong one refuses the copy; promotion installs both', async () => {
    const before = await firstCopy();
    const photo = crypto.randomBytes(3000);
    const withPhoto = sqliteBytes(work, SCHEMA_VERSION, [photo]);
    // the host sends other bytes under the photo's hash
    const forged = fakeHost(withPhoto, { attachments: new Map([[sha(photo), crypto.randomBytes(3000)]]) });
    await expectKept(forged.link, 'ATTACHMENT', before);
    expect(fs.readdirSync(path.join(dir, 'standby', 'attachments'))).toEqual([]);

    const host = fakeHost(withPhoto, { attachments: new Map([[sha(photo), photo]]) });
    const info = await takeCopy(dir, host.link, me);
    expect(info.sha256).toBe(sha(withPhoto));
    expect(fs.readFileSync(path.join(dir, 'standby', 'attachments', sha(photo)))).toEqual(photo);

    installPromotion(dir);
    expect(fs.readFileSync(path.join(dir, DB_FILE))).toEqual(withPhoto);
    expect(fs.readFileSync(path.join(dir, 'attachments', sha(photo)))).toEqual(photo);
  });
});
