import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Database } from 'better-sqlite3';
import type { Migration } from '../types';

/**
 * Phones in one form, and phone inquiries without a name or number.
 *
 * 1. Every phone already stored — members, walk-in visitors, appointments, phone inquiries, trial
 *    guests' visits — is rewritten in the one form the app now stores and compares: E.164
 *    ("+8613812345678", China by default), whether it was typed "138 1234 5678", "+86 138-1234-5678"
 *    or with full-width digits. The match keys of visitors and appointments (phone_norm) were the
 *    bare digits, so "+86 138…" and "138…" did not match: they get the same key too. A number that
 *    is not a valid phone keeps its digits; text with no digit at all is left as it was.
 * 2. The members' phone search terms (member_search, ranks 6 and 7: the digits a person types and
 *    the last four) are rebuilt from the rewritten phones. Only those two kinds of term change;
 *    names and card numbers keep theirs.
 * 3. phone_inquiries is rebuilt (SQLite's 12-step recipe) so that caller_name and callback_phone
 *    may be NULL: a caller leaves a name and number only if they are willing, and every call is
 *    logged (an empty one becomes NULL). Its one child table, rotation_skips, is set aside and put back unchanged (same SQL,
 *    rows, index and triggers, read from the schema) so that dropping the old table never leaves a
 *    reference dangling.
 *
 * The normalisation is written out here, with libphonenumber-js directly, instead of importing the
 * app's phone helpers (electron/core/phone.ts then, electron/shared/phone.ts now): a migration must
 * give the same result whatever the app's code becomes later. It matches `phoneKey` /
 * `phoneDigits` as of this version.
 */

const RANK_PHONE = 6;
const RANK_PHONE_TAIL = 7;

function ascii(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uff0b/g, '+')
    .replace(/\uff08/g, '(')
    .replace(/\uff09/g, ')')
    .trim();
}

function parsed(raw: string) {
  const text = ascii(raw);
  if (!/\d/.test(text)) return undefined;
  try {
    const p = parsePhoneNumberFromString(text, 'CN');
    return p?.isValid() ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The stored form: E.164, or the digits of a number that is not valid; text without digits as it was. */
export function storedPhone(raw: string): string {
  const p = parsed(raw);
  if (p) return p.number;
  const digits = ascii(raw).replace(/\D/g, '');
  return digits || raw;
}

/** The digits a person types for the phone (national number for China). */
function typedDigits(stored: string): string {
  const p = parsed(stored);
  if (p) return p.countryCallingCode === '86' ? p.nationalNumber : p.number.slice(1);
  return ascii(stored).replace(/\D/g, '');
}

function normaliseColumn(db: Database, table: string, col: string, keyCol?: string): void {
  const rows = db.prepare(`SELECT id, ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL`).all() as {
    id: number;
    v: string;
  }[];
  const set = db.prepare(
    keyCol
      ? `UPDATE ${table} SET ${col} = ?, ${keyCol} = ? WHERE id = ?`
      : `UPDATE ${table} SET ${col} = ? WHERE id = ?`,
  );
  for (const r of rows) {
    const s = storedPhone(r.v);
    if (keyCol) set.run(s, s, r.id);
    else if (s !== r.v) set.run(s, r.id);
  }
}

function reindexPhoneTerms(db: Database): void {
  db.prepare('DELETE FROM member_search WHERE rank IN (?, ?)').run(RANK_PHONE, RANK_PHONE_TAIL);
  const ins = db.prepare('INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)');
  const members = db.prepare('SELECT id, phone FROM members WHERE phone IS NOT NULL').all() as {
    id: number;
    phone: string;
  }[];
  for (const m of members) {
    const d = typedDigits(m.phone);
    if (!d) continue;
    ins.run(d, m.id, RANK_PHONE);
    if (d.length > 4) ins.run(d.slice(-4), m.id, RANK_PHONE_TAIL);
  }
}

const INQUIRY_COLUMNS = `id, day, caller_name, callback_phone, has_appointment, appointment_with, topic, logged_at,
  logged_by, consultant_id, basis, reason_code, reason_params, assigned_at, assigned_by, called_back_at,
  called_back_by, callback_note`;

function rebuildInquiries(db: Database): void {
  // The child table, as it is now: its CREATE statements (table first), then its rows aside.
  const child = db
    .prepare(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name = 'rotation_skips' AND sql IS NOT NULL
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`,
    )
    .all() as { type: string; sql: string }[];
  db.exec(`
    CREATE TEMP TABLE saved_rotation_skips AS SELECT * FROM main.rotation_skips;
    DROP TABLE main.rotation_skips;

    CREATE TABLE new_phone_inquiries (
      id INTEGER PRIMARY KEY,
      day TEXT NOT NULL CHECK (length(day) = 10),
      caller_name TEXT CHECK (caller_name IS NULL OR length(caller_name) BETWEEN 1 AND 100),
      callback_phone TEXT CHECK (callback_phone IS NULL OR length(callback_phone) BETWEEN 1 AND 40),
      has_appointment INTEGER NOT NULL CHECK (has_appointment IN (0,1)),
      appointment_with INTEGER REFERENCES staff(id),
      topic TEXT NOT NULL DEFAULT '',
      logged_at TEXT NOT NULL,
      logged_by INTEGER NOT NULL REFERENCES staff(id),
      consultant_id INTEGER REFERENCES staff(id),
      basis TEXT CHECK (basis IN ('rotation','named','appointment')),
      reason_code TEXT,
      reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params)),
      assigned_at TEXT,
      assigned_by INTEGER REFERENCES staff(id),
      called_back_at TEXT,
      called_back_by INTEGER REFERENCES staff(id),
      callback_note TEXT,
      CHECK ((consultant_id IS NULL) = (assigned_at IS NULL)),
      CHECK (called_back_at IS NULL OR consultant_id IS NOT NULL)
    ) STRICT;
    INSERT INTO new_phone_inquiries (${INQUIRY_COLUMNS})
      SELECT ${INQUIRY_COLUMNS.replace('caller_name, callback_phone', "nullif(trim(caller_name), ''), nullif(trim(callback_phone), '')")}
      FROM phone_inquiries;
    DROP TABLE phone_inquiries;
    ALTER TABLE new_phone_inquiries RENAME TO phone_inquiries;
    CREATE INDEX phone_inquiries_day ON phone_inquiries(day, id);
    CREATE INDEX phone_inquiries_consultant ON phone_inquiries(consultant_id, called_back_at);
  `);
  const [table, ...rest] = child;
  if (!table || table.type !== 'table') throw new Error('rotation_skips: no table definition');
  db.exec(table.sql);
  db.exec('INSERT INTO main.rotation_skips SELECT * FROM temp.saved_rotation_skips');
  for (const s of rest) db.exec(s.sql);
  db.exec('DROP TABLE temp.saved_rotation_skips');
}

export const migration0010: Migration = {
  version: 10,
  name: 'phones',
  up(db) {
    rebuildInquiries(db);
    normaliseColumn(db, 'members', 'phone');
    normaliseColumn(db, 'visits', 'guest_phone');
    normaliseColumn(db, 'visitors', 'phone', 'phone_norm');
    normaliseColumn(db, 'appointments', 'phone', 'phone_norm');
    normaliseColumn(db, 'phone_inquiries', 'callback_phone');
    reindexPhoneTerms(db);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`foreign keys broken after migration 7: ${broken.length}`);
  },
};
