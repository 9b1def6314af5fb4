/** All the message book's SQL (staff_messages, migration 0013). */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { MessageSource } from './types';

/** A row of `staff_messages` with the names of the staff it refers to. */
export interface MessageRow {
  id: number;
  to_staff_id: number;
  source: MessageSource;
  from_name: string;
  phone: string;
  text: string;
  created_at: string;
  created_by: number;
  done_at: string | null;
  done_by: number | null;
  done_note: string | null;
  to_name: string;
  created_by_name: string;
  done_by_name: string | null;
}

const SELECT = `SELECT m.*, t.name AS to_name, c.name AS created_by_name, d.name AS done_by_name
  FROM staff_messages m JOIN staff t ON t.id = m.to_staff_id JOIN staff c ON c.id = m.created_by
  LEFT JOIN staff d ON d.id = m.done_by`;
const ORDER = 'ORDER BY m.created_at DESC, m.id DESC LIMIT 500';

export function messageById(db: DB, id: number): MessageRow | undefined {
  return stmt<[number], MessageRow>(db, `${SELECT} WHERE m.id = ?`).get(id);
}

export function openMessagesTo(db: DB, staffId: number): MessageRow[] {
  return stmt<[number], MessageRow>(
    db,
    `${SELECT} WHERE m.to_staff_id = ? AND m.done_at IS NULL ${ORDER}`,
  ).all(staffId);
}

/** Every message (open only when asked), newest first. */
export function allMessages(db: DB, openOnly: boolean): MessageRow[] {
  return stmt<[number], MessageRow>(db, `${SELECT} WHERE (? = 0 OR m.done_at IS NULL) ${ORDER}`).all(
    openOnly ? 1 : 0,
  );
}

/** The messages to or taken by one member of staff. */
export function messagesOf(db: DB, staffId: number, openOnly: boolean): MessageRow[] {
  return stmt<{ s: number; o: number }, MessageRow>(
    db,
    `${SELECT} WHERE (m.to_staff_id = @s OR m.created_by = @s) AND (@o = 0 OR m.done_at IS NULL) ${ORDER}`,
  ).all({ s: staffId, o: openOnly ? 1 : 0 });
}

/** Messages open at a moment: taken by then and not done by then (oldest first). */
export function openMessagesAt(db: DB, at: string): MessageRow[] {
  return stmt<{ at: string }, MessageRow>(
    db,
    `${SELECT} WHERE m.created_at <= @at AND (m.done_at IS NULL OR m.done_at > @at)
     ORDER BY m.created_at, m.id LIMIT 500`,
  ).all({ at });
}

export function activeStaff(db: DB, id: number): { id: number; active: number } | undefined {
  return stmt<[number], { id: number; active: number }>(db, 'SELECT id, active FROM staff WHERE id = ?').get(
    id,
  );
}

export function insertMessage(
  db: DB,
  m: {
    to: number;
    source: MessageSource;
    fromName: string;
    phone: string;
    text: string;
    at: string;
    by: number;
  },
): number {
  return Number(
    stmt<typeof m>(
      db,
      `INSERT INTO staff_messages (to_staff_id, source, from_name, phone, text, created_at, created_by)
       VALUES (@to, @source, @fromName, @phone, @text, @at, @by)`,
    ).run(m).lastInsertRowid,
  );
}

/** Marks an open message done; false when it was done already. */
export function markDone(db: DB, id: number, at: string, by: number, note: string | null): boolean {
  return (
    stmt<[string, number, string | null, number]>(
      db,
      'UPDATE staff_messages SET done_at = ?, done_by = ?, done_note = ? WHERE id = ? AND done_at IS NULL',
    ).run(at, by, note, id).changes === 1
  );
}
