/**
 * All the card-types area's SQL (the `card_types` table). Rows are typed by the statement
 * (`stmt<Params, Row>`), never cast; `…Row` types have the database's column names.
 */
import type { CardKind } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';

/** A row of `card_types`. */
export interface CardTypeRow {
  id: number;
  name: string;
  kind: CardKind;
  duration_days: number | null;
  visit_count: number | null;
  price_cents: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A card type with the number of members holding it. */
export interface CardTypeCountedRow extends CardTypeRow {
  member_count: number;
}

const SELECT = `SELECT t.*, (SELECT count(*) FROM members m WHERE m.card_type_id = t.id) AS member_count FROM card_types t`;

export function cardTypeById(db: DB, id: number): CardTypeCountedRow | undefined {
  return stmt<[number], CardTypeCountedRow>(db, `${SELECT} WHERE t.id = ?`).get(id);
}

/** Active first, then by kind and name; only the active ones unless `includeInactive`. */
export function listCardTypes(db: DB, includeInactive: boolean): CardTypeCountedRow[] {
  const order = 'ORDER BY t.active DESC, t.kind, t.name';
  return includeInactive
    ? stmt<[], CardTypeCountedRow>(db, `${SELECT} ${order}`).all()
    : stmt<[], CardTypeCountedRow>(db, `${SELECT} WHERE t.active = 1 ${order}`).all();
}

/** The names of every card type but one (0: all of them). */
export function cardTypeNamesExcept(db: DB, exceptId: number): string[] {
  return stmt<[number], { name: string }>(db, 'SELECT name FROM card_types WHERE id != ?')
    .all(exceptId)
    .map((r) => r.name);
}

export function insertCardType(
  db: DB,
  t: {
    name: string;
    kind: CardKind;
    durationDays: number | null;
    visitCount: number | null;
    priceCents: number;
  },
  nowIso: string,
): number {
  const r = stmt<[string, CardKind, number | null, number | null, number, string, string]>(
    db,
    `INSERT INTO card_types (name, kind, duration_days, visit_count, price_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(t.name, t.kind, t.durationDays, t.visitCount, t.priceCents, nowIso, nowIso);
  return Number(r.lastInsertRowid);
}

export function updateCardType(
  db: DB,
  id: number,
  t: Pick<CardTypeRow, 'name' | 'duration_days' | 'visit_count' | 'price_cents' | 'active'>,
  nowIso: string,
): void {
  stmt<[string, number | null, number | null, number, number, string, number]>(
    db,
    'UPDATE card_types SET name = ?, duration_days = ?, visit_count = ?, price_cents = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(t.name, t.duration_days, t.visit_count, t.price_cents, t.active, nowIso, id);
}
