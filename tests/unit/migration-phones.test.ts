/**
 * The 'phones' migration on a database of the version before it, holding phones written in every
 * way a desk typed them: they are stored in one form afterwards (so "+86 138…" and "138…" match),
 * the members' phone search terms are rebuilt from them, and phone_inquiries accepts a call without
 * a name or number while keeping its rows, indexes and the rotation's references to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { tempDir } from './helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const index = migrations.findIndex((m) => m.name === 'phones');
const now = '2026-11-01T02:00:00.000Z';

describe("the 'phones' migration", () => {
  it('exists and is registered', () => {
    expect(index).toBeGreaterThan(0);
    expect(migrations[index]!.version).toBe(index + 1);
  });

  it('stores every phone in one form, rebuilds the phone search terms and lets a call have no name or number', () => {
    const dir = tempDir('mig-phones');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, index) });
    expect(schemaVersion(old)).toBe(index);
    old.exec(`
      INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at)
        VALUES ('Desk', 'reception', 'female', 'h', '${now}', '${now}'),
               ('Anna', 'consultant', 'female', 'h', '${now}', '${now}');
      INSERT INTO card_types (name, kind, duration_days, price_cents, created_at, updated_at)
        VALUES ('Y', 'time', 365, 1, '${now}', '${now}');
    `);
    const member = old.prepare(
      `INSERT INTO members (card_no, name, gender, phone, card_type_id, start_date, expiry_date, created_at, updated_at)
       VALUES (?, ?, 'male', ?, 1, '2026-01-01', '2026-12-31', ?, ?)`,
    );
    const term = old.prepare('INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)');
    const members: [string, string, string | null][] = [
      ['A1', 'Plain', '13812345678'],
      ['A2', 'Plus86', '+86 139-0000-1111'],
      ['A3', 'FullWidth', '１３７ ００００ ２２２２'],
      ['A4', 'Landline', '(010) 6552-1234'],
      ['A5', 'NotAPhone', '12345'],
      ['A6', 'NoPhone', null],
    ];
    for (const [card, name, phone] of members) {
      const id = Number(member.run(card, name, phone, now, now).lastInsertRowid);
      // the terms the old code wrote: the bare digits and their last four
      term.run(card.toLowerCase(), id, 1);
      term.run(name.toLowerCase(), id, 2);
      const digits = (phone ?? '').replace(/\D/g, '');
      if (digits) {
        term.run(digits, id, 6);
        if (digits.length > 4) term.run(digits.slice(-4), id, 7);
      }
    }
    // A visitor registered as "+86 …" and an appointment fixed as "1xx …": the old keys differed.
    old
      .prepare(
        `INSERT INTO appointments (consultant_id, visitor_name, phone, phone_norm, appt_date, place, fixed_at, created_at, created_by)
         VALUES (2, 'Wang', '136 0000 3333', '13600003333', '2026-11-02', 'lobby', ?, ?, 1)`,
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO visitors (day, name, phone, phone_norm, gender, first_visit, met_before, registered_at, registered_by,
           basis, reason_code, status)
         VALUES ('2026-11-01', 'Wang', '+86 136-0000-3333', '8613600003333', 'female', 1, 0, ?, 1, 'rotation', 'first_visit', 'waiting')`,
      )
      .run(now);
    const inquiry = old.prepare(
      `INSERT INTO phone_inquiries (day, caller_name, callback_phone, has_appointment, logged_at, logged_by)
       VALUES ('2026-11-01', ?, ?, 0, ?, 1)`,
    );
    inquiry.run('Mr Sun', '＋８６ １３５ ００００ ４４４４', now);
    inquiry.run('Ms Qian', '', now);
    // The rotation passed a consultant over for the first call: a reference to phone_inquiries.
    old
      .prepare(
        `INSERT INTO rotation_skips (day, queue, staff_id, reason, inquiry_id, at) VALUES ('2026-11-01', 'phone', 2, 'away', 1, ?)`,
      )
      .run(now);
    old
      .prepare(
        `INSERT INTO visits (kind, guest_name, guest_phone, gender, checked_in_at, checked_in_by)
         VALUES ('trial', 'Guest', '134-0000-5555', 'male', ?, 1)`,
      )
      .run(now);
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    expect(schemaVersion(db)).toBe(index + 1);
    const phones = db.prepare('SELECT card_no, phone FROM members ORDER BY card_no').all();
    expect(phones).toEqual([
      { card_no: 'A1', phone: '+8613812345678' },
      { card_no: 'A2', phone: '+8613900001111' },
      { card_no: 'A3', phone: '+8613700002222' },
      { card_no: 'A4', phone: '+861065521234' },
      { card_no: 'A5', phone: '12345' },
      { card_no: 'A6', phone: null },
    ]);
    // Phone terms: the digits a person types and the last four, whatever was stored before.
    const terms = (card: string) =>
      (
        db
          .prepare(
            `SELECT s.term, s.rank FROM member_search s JOIN members m ON m.id = s.member_id
             WHERE m.card_no = ? ORDER BY s.rank, s.term`,
          )
          .all(card) as { term: string; rank: number }[]
      ).map((t) => `${t.rank}:${t.term}`);
    expect(terms('A2')).toEqual(['1:a2', '2:plus86', '6:13900001111', '7:1111']);
    expect(terms('A3')).toEqual(['1:a3', '2:fullwidth', '6:13700002222', '7:2222']);
    expect(terms('A4')).toEqual(['1:a4', '2:landline', '6:1065521234', '7:1234']);
    expect(terms('A6')).toEqual(['1:a6', '2:nophone']);
    // The visitor and the appointment now have the same key: the lead matches.
    const keys = db
      .prepare('SELECT phone_norm FROM visitors UNION ALL SELECT phone_norm FROM appointments')
      .all() as { phone_norm: string }[];
    expect(keys.map((k) => k.phone_norm)).toEqual(['+8613600003333', '+8613600003333']);
    expect(db.prepare('SELECT phone FROM visitors').get()).toEqual({ phone: '+8613600003333' });
    expect(db.prepare('SELECT guest_phone FROM visits').get()).toEqual({ guest_phone: '+8613400005555' });

    // Phone inquiries: rows kept, an empty number is "none", a call may have no name or number.
    expect(
      db.prepare('SELECT id, caller_name, callback_phone FROM phone_inquiries ORDER BY id').all(),
    ).toEqual([
      { id: 1, caller_name: 'Mr Sun', callback_phone: '+8613500004444' },
      { id: 2, caller_name: 'Ms Qian', callback_phone: null },
    ]);
    db.prepare(
      `INSERT INTO phone_inquiries (day, caller_name, callback_phone, has_appointment, logged_at, logged_by)
       VALUES ('2026-11-02', NULL, NULL, 0, ?, 1)`,
    ).run(now);
    expect(() =>
      db
        .prepare(
          `INSERT INTO phone_inquiries (day, caller_name, has_appointment, logged_at, logged_by) VALUES ('2026-11-02', '', 0, ?, 1)`,
        )
        .run(now),
    ).toThrow(/CHECK/);
    // Its indexes are back, the rotation's reference and its append-only triggers too.
    const schema = (type: string, table: string) =>
      (
        db
          .prepare('SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = ? ORDER BY name')
          .all(type, table) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(schema('index', 'phone_inquiries')).toEqual(['phone_inquiries_consultant', 'phone_inquiries_day']);
    expect(schema('index', 'rotation_skips')).toEqual(['rotation_skips_day']);
    expect(schema('trigger', 'rotation_skips')).toEqual([
      'rotation_skips_no_delete',
      'rotation_skips_no_update',
    ]);
    expect(db.prepare('SELECT inquiry_id FROM rotation_skips').all()).toEqual([{ inquiry_id: 1 }]);
    expect(() => db.prepare('DELETE FROM rotation_skips').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO rotation_skips (day, queue, staff_id, reason, inquiry_id, at) VALUES ('2026-11-01', 'phone', 2, 'away', 99, ?)`,
        )
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'phone_inquiries'").get()).toMatchObject({
      sql: expect.stringMatching(/\)\s*STRICT$/) as unknown,
    });
    db.close();

    // And the rest of the migrations run on top of it.
    const latest = openDatabase(file);
    expect(schemaVersion(latest)).toBe(SCHEMA_VERSION);
    latest.close();
  });
});
