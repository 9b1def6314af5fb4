/**
 * All the members area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use
 * domain names, see handlers/ for the mapping).
 */
import type { CardKind, MemberGender, PaymentMethod } from '../../contract/types';
import type { DB } from '../../db/database';
import type { Role } from '../../kernel/roles';
import { stmt } from '../../kernel/statements';
import type { CheckoutKind, VisitKind } from '../checkin/types';
import type { ChargeKind } from '../payments/types';
import { RANK } from './pinyin';
import type { CardSaleKind, EntitlementKind } from './types';

type Found = { one: 1 };

/** A row of `members`. */
export interface MemberRow {
  id: number;
  card_no: string;
  name: string;
  gender: MemberGender;
  phone: string | null;
  birth_date: string | null;
  card_type_id: number;
  start_date: string;
  expiry_date: string | null;
  visits_left: number | null;
  frozen_from: string | null;
  frozen_to: string | null;
  frozen_reason: string | null;
  stored_value_cents: number;
  consultant_id: number | null;
  notes: string;
  /** kept only when a manager chose to at import; sent to managers only */
  national_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A member with its card type's name and kind. */
export interface MemberTypedRow extends MemberRow {
  type_name: string;
  type_kind: CardKind;
}

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

// ---- members ------------------------------------------------------------------------------------

export function memberById(db: DB, id: number): MemberRow | undefined {
  return stmt<[number], MemberRow>(db, 'SELECT * FROM members WHERE id = ?').get(id);
}

export function memberByCard(db: DB, cardNo: string): MemberRow | undefined {
  return stmt<[string], MemberRow>(db, 'SELECT * FROM members WHERE card_no = ?').get(cardNo);
}

export function cardTypeById(db: DB, id: number): CardTypeRow | undefined {
  return stmt<[number], CardTypeRow>(db, 'SELECT * FROM card_types WHERE id = ?').get(id);
}

export interface NewMember {
  cardNo: string;
  name: string;
  gender: MemberGender;
  /** The phone's key (shared/phone.ts), or null. */
  phone: string | null;
  birthDate: string | null;
  cardTypeId: number;
  startDate: string;
  expiryDate: string | null;
  visitsLeft: number | null;
  consultantId: number | null;
  notes: string;
  at: string;
}

/** Inserts a member; its id. */
export function insertMemberRow(db: DB, m: NewMember): number {
  return Number(
    stmt<NewMember>(
      db,
      `INSERT INTO members (card_no, name, gender, phone, birth_date, card_type_id, start_date, expiry_date, visits_left,
                            consultant_id, notes, created_at, updated_at)
       VALUES (@cardNo, @name, @gender, @phone, @birthDate, @cardTypeId, @startDate, @expiryDate, @visitsLeft,
               @consultantId, @notes, @at, @at)`,
    ).run(m).lastInsertRowid,
  );
}

/** The personal details the desk edits (and the consultant, a manager's). */
export interface PersonalUpdate {
  card_no: string;
  name: string;
  gender: MemberGender;
  phone: string | null;
  birth_date: string | null;
  consultant_id: number | null;
  notes: string;
}

export function updatePersonal(db: DB, id: number, p: PersonalUpdate, at: string): void {
  stmt<[string, string, MemberGender, string | null, string | null, number | null, string, string, number]>(
    db,
    `UPDATE members SET card_no = ?, name = ?, gender = ?, phone = ?, birth_date = ?, consultant_id = ?, notes = ?,
         updated_at = ? WHERE id = ?`,
  ).run(p.card_no, p.name, p.gender, p.phone, p.birth_date, p.consultant_id, p.notes, at, id);
}

/** A card sold, renewed or upgraded: the card type, the period and the visits. */
export function updateCard(
  db: DB,
  id: number,
  c: { cardTypeId: number; startDate: string; expiryDate: string | null; visitsLeft: number | null },
  at: string,
): void {
  stmt<[number, string, string | null, number | null, string, number]>(
    db,
    'UPDATE members SET card_type_id = ?, start_date = ?, expiry_date = ?, visits_left = ?, updated_at = ? WHERE id = ?',
  ).run(c.cardTypeId, c.startDate, c.expiryDate, c.visitsLeft, at, id);
}

/** A manager's correction of the entitlement. */
export interface EntitlementUpdate {
  card_type_id: number;
  start_date: string;
  expiry_date: string | null;
  visits_left: number | null;
  active: number;
}

export function updateEntitlement(db: DB, id: number, e: EntitlementUpdate, at: string): void {
  stmt<[number, string, string | null, number | null, number, string, number]>(
    db,
    'UPDATE members SET card_type_id = ?, start_date = ?, expiry_date = ?, visits_left = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(e.card_type_id, e.start_date, e.expiry_date, e.visits_left, e.active, at, id);
}

/** The member's freeze (all null: none) and the expiry it moved. */
export function setFreeze(
  db: DB,
  id: number,
  f: { from: string | null; to: string | null; reason: string | null; expiryDate: string | null },
  at: string,
): void {
  stmt<[string | null, string | null, string | null, string | null, string, number]>(
    db,
    'UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ?, updated_at = ? WHERE id = ?',
  ).run(f.from, f.to, f.reason, f.expiryDate, at, id);
}

export function isInside(db: DB, memberId: number): boolean {
  return (
    stmt<[number], Found>(
      db,
      'SELECT 1 AS one FROM visits WHERE member_id = ? AND checked_out_at IS NULL',
    ).get(memberId) !== undefined
  );
}

// ---- search ---------------------------------------------------------------------------------------

export function deleteSearchTerms(db: DB, memberId: number): void {
  stmt<[number]>(db, 'DELETE FROM member_search WHERE member_id = ?').run(memberId);
}

export function insertSearchTerm(db: DB, memberId: number, term: string, rank: number): void {
  stmt<[string, number, number]>(
    db,
    'INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)',
  ).run(term, memberId, rank);
}

/** A member found: its best rank and whether a term matched exactly (0) or not (1). */
export interface SearchHitRow {
  id: number;
  r: number;
  exact: number;
}

/**
 * Best rank per member over every term starting with `query` — phone terms only when equal to it
 * or to `exact` (the whole number or its last four digits); an exact card number ranks first. At
 * most 400 members.
 */
export function searchHits(db: DB, query: string, exact: string, queryEnd: string): SearchHitRow[] {
  return stmt<[string, string, string, string, string, string, string, string], SearchHitRow>(
    db,
    `SELECT s.member_id AS id, min(CASE WHEN s.term IN (?, ?) AND s.rank = 1 THEN 0 ELSE s.rank END) AS r,
              min(CASE WHEN s.term IN (?, ?) THEN 0 ELSE 1 END) AS exact
       FROM (SELECT term, member_id, rank FROM member_search WHERE term >= ? AND term < ? AND rank < ${RANK.phone}
             UNION ALL
             SELECT term, member_id, rank FROM member_search WHERE term IN (?, ?)) s
       GROUP BY s.member_id
       ORDER BY exact, r
       LIMIT 400`,
  ).all(query, exact, query, exact, query, queryEnd, query, exact);
}

/** The members of these ids with their card types (any order). */
export function membersByIds(db: DB, ids: readonly number[]): MemberTypedRow[] {
  return stmt<[string], MemberTypedRow>(
    db,
    `SELECT m.*, t.name AS type_name, t.kind AS type_kind FROM members m JOIN card_types t ON t.id = m.card_type_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
}

// ---- the entitlement history ----------------------------------------------------------------------

export interface NewEntitlement {
  memberId: number;
  kind: EntitlementKind;
  at: string;
  by: number | null;
  beforeJson: string | null;
  afterJson: string;
  cardTypeId: number | null;
  quantity: number | null;
  paidCents: number | null;
  listPriceCents: number | null;
  settlementId: number | null;
  soldBy: number | null;
  visitorId: number | null;
  authorizedBy: number | null;
  reason: string | null;
}

/** Appends an entry to the entitlement history; its id. */
export function insertEntitlement(db: DB, e: NewEntitlement): number {
  return Number(
    stmt<NewEntitlement>(
      db,
      `INSERT INTO member_entitlements (member_id, kind, at, by, before_json, after_json, card_type_id, quantity, paid_cents,
           list_price_cents, settlement_id, sold_by, visitor_id, authorized_by, reason)
         VALUES (@memberId, @kind, @at, @by, @beforeJson, @afterJson, @cardTypeId, @quantity, @paidCents,
           @listPriceCents, @settlementId, @soldBy, @visitorId, @authorizedBy, @reason)`,
    ).run(e).lastInsertRowid,
  );
}

/** Members with no entitlement history yet (created outside the operations: the demo club). */
export function membersWithoutHistory(db: DB): MemberRow[] {
  return stmt<[], MemberRow>(
    db,
    'SELECT m.* FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_entitlements e WHERE e.member_id = m.id) ORDER BY m.id',
  ).all();
}

/** An entry of `member_entitlements` with the names of the staff and card type it names. */
export interface EntitlementJoinedRow {
  id: number;
  member_id: number;
  kind: EntitlementKind;
  at: string;
  by: number | null;
  before_json: string | null;
  after_json: string;
  card_type_id: number | null;
  quantity: number | null;
  paid_cents: number | null;
  list_price_cents: number | null;
  settlement_id: number | null;
  sold_by: number | null;
  visitor_id: number | null;
  authorized_by: number | null;
  reason: string | null;
  by_name: string | null;
  type_name: string | null;
  sold_by_name: string | null;
  authorized_by_name: string | null;
}

const ENTITLEMENT_SELECT = `SELECT e.*, s.name AS by_name, t.name AS type_name, sb.name AS sold_by_name, ab.name AS authorized_by_name
  FROM member_entitlements e LEFT JOIN staff s ON s.id = e.by LEFT JOIN card_types t ON t.id = e.card_type_id
  LEFT JOIN staff sb ON sb.id = e.sold_by LEFT JOIN staff ab ON ab.id = e.authorized_by`;

export function entitlementById(db: DB, id: number): EntitlementJoinedRow | undefined {
  return stmt<[number], EntitlementJoinedRow>(db, `${ENTITLEMENT_SELECT} WHERE e.id = ?`).get(id);
}

/** The member's last 200 entries, newest first. */
export function entitlementsOfMember(db: DB, memberId: number): EntitlementJoinedRow[] {
  return stmt<[number], EntitlementJoinedRow>(
    db,
    `${ENTITLEMENT_SELECT} WHERE e.member_id = ? ORDER BY e.id DESC LIMIT 200`,
  ).all(memberId);
}

export interface SettlementPaymentRow {
  method: PaymentMethod;
  amount_cents: number;
}

/** How a settlement was paid, in order. */
export function paymentsOfSettlement(db: DB, settlementId: number): SettlementPaymentRow[] {
  return stmt<[number], SettlementPaymentRow>(
    db,
    'SELECT method, amount_cents FROM payments WHERE settlement_id = ? ORDER BY id',
  ).all(settlementId);
}

export function visitorExists(db: DB, visitorId: number): boolean {
  return stmt<[number], Found>(db, 'SELECT 1 AS one FROM visitors WHERE id = ?').get(visitorId) !== undefined;
}

/** Whether a visitor's joining was already sold as a card. */
export function visitorSold(db: DB, visitorId: number): boolean {
  return (
    stmt<[number], Found>(db, 'SELECT 1 AS one FROM member_entitlements WHERE visitor_id = ?').get(
      visitorId,
    ) !== undefined
  );
}

// ---- cards sold (the shift handover) -------------------------------------------------------------

/** A card sale of the history with the member, card type and staff names, and its cash parts. */
export interface CardSaleEntryRow {
  id: number;
  at: string;
  kind: CardSaleKind;
  member_id: number;
  card_no: string;
  name: string;
  card_type_id: number;
  type_name: string;
  quantity: number;
  paid_cents: number;
  settlement_id: number | null;
  by_name: string;
  sold_by_name: string | null;
  authorized_by_name: string | null;
  cash_parts: number;
}

/** Cards sold, renewed or upgraded in [from, to), in order. */
export function cardSaleEntries(db: DB, fromIso: string, toIso: string): CardSaleEntryRow[] {
  return stmt<[string, string], CardSaleEntryRow>(
    db,
    `SELECT e.id, e.at, e.kind, e.member_id, m.card_no, m.name, e.card_type_id, t.name AS type_name, e.quantity, e.paid_cents,
              e.settlement_id, s.name AS by_name, sb.name AS sold_by_name, ab.name AS authorized_by_name,
              (SELECT count(*) FROM payments p WHERE p.settlement_id = e.settlement_id AND p.method = 'cash') AS cash_parts
       FROM member_entitlements e JOIN members m ON m.id = e.member_id JOIN card_types t ON t.id = e.card_type_id
       JOIN staff s ON s.id = e.by LEFT JOIN staff sb ON sb.id = e.sold_by LEFT JOIN staff ab ON ab.id = e.authorized_by
       WHERE e.kind IN ('sale','renewal','upgrade') AND e.at >= ? AND e.at < ? ORDER BY e.at, e.id`,
  ).all(fromIso, toIso);
}

export interface MethodSumRow {
  method: PaymentMethod;
  c: number;
}

/** What the cards sold in [from, to) were paid with, by method. */
export function cardSalePaymentsByMethod(db: DB, fromIso: string, toIso: string): MethodSumRow[] {
  return stmt<[string, string], MethodSumRow>(
    db,
    `SELECT p.method, sum(p.amount_cents) AS c FROM member_entitlements e JOIN payments p ON p.settlement_id = e.settlement_id
       WHERE e.kind IN ('sale','renewal','upgrade') AND e.at >= ? AND e.at < ? GROUP BY p.method`,
  ).all(fromIso, toIso);
}

// ---- what the member's page shows --------------------------------------------------------------

export function staffName(db: DB, staffId: number): string | undefined {
  return stmt<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ?').get(staffId)?.name;
}

export interface StaffRoleRow {
  role: Role;
  active: number;
}

export function staffRole(db: DB, staffId: number): StaffRoleRow | undefined {
  return stmt<[number], StaffRoleRow>(db, 'SELECT role, active FROM staff WHERE id = ?').get(staffId);
}

/** A charge as the member's page lists it. */
export interface MemberChargeRow {
  id: number;
  kind: ChargeKind;
  amount_cents: number;
  created_at: string;
  paid_at: string | null;
  note: string | null;
}

/** The member's last 50 charges, newest first. */
export function recentCharges(db: DB, memberId: number): MemberChargeRow[] {
  return stmt<[number], MemberChargeRow>(
    db,
    `SELECT id, kind, amount_cents, created_at, paid_at, note
       FROM member_charges WHERE member_id = ? ORDER BY id DESC LIMIT 50`,
  ).all(memberId);
}

/** A row of `member_freezes`. */
export interface FreezeRow {
  id: number;
  member_id: number;
  from_date: string;
  to_date: string;
  reason: string;
  extended_days: number;
  created_at: string;
  created_by: number;
  ended_at: string | null;
  ended_by: number | null;
}

/** A freeze with the name of who entered it. */
export interface FreezeJoinedRow extends FreezeRow {
  created_by_name: string;
}

/** The member's freezes, newest first. */
export function freezesOfMember(db: DB, memberId: number): FreezeJoinedRow[] {
  return stmt<[number], FreezeJoinedRow>(
    db,
    `SELECT f.*, s.name AS created_by_name
       FROM member_freezes f JOIN staff s ON s.id = f.created_by WHERE f.member_id = ? ORDER BY f.id DESC`,
  ).all(memberId);
}

/** A visit as the member's page lists it. */
export interface MemberVisitRow {
  id: number;
  kind: VisitKind;
  member_id: number;
  gender: MemberGender;
  checked_in_at: string;
  checked_out_at: string | null;
  checkout_kind: CheckoutKind | null;
  override_by: number | null;
  tag: number | null;
  /** The check-out's payment of the tab (its receipt), if one was paid. */
  settlement_id: number | null;
}

/** The member's last 10 visits, latest first. */
export function recentVisits(db: DB, memberId: number): MemberVisitRow[] {
  return stmt<[number], MemberVisitRow>(
    db,
    `SELECT v.id, v.kind, v.member_id, v.gender, v.checked_in_at, v.checked_out_at, v.checkout_kind, v.override_by, t.number AS tag,
            (SELECT max(s.id) FROM settlements s WHERE s.visit_id = v.id AND s.kind = 'checkout') AS settlement_id
       FROM visits v LEFT JOIN key_tags t ON t.id = v.tag_id WHERE v.member_id = ? ORDER BY v.checked_in_at DESC LIMIT 10`,
  ).all(memberId);
}

// ---- freezes --------------------------------------------------------------------------------------

export function insertFreeze(
  db: DB,
  f: {
    memberId: number;
    from: string;
    to: string;
    reason: string;
    extendedDays: number;
    at: string;
    by: number;
  },
): void {
  stmt<[number, string, string, string, number, string, number]>(
    db,
    `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.memberId, f.from, f.to, f.reason, f.extendedDays, f.at, f.by);
}

/** The member's latest freeze not ended early. */
export function openFreeze(db: DB, memberId: number): FreezeRow | undefined {
  return stmt<[number], FreezeRow>(
    db,
    'SELECT * FROM member_freezes WHERE member_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get(memberId);
}

export function endFreeze(db: DB, freezeId: number, at: string, by: number, extendedDays: number): void {
  stmt<[string, number, number, number]>(
    db,
    'UPDATE member_freezes SET ended_at = ?, ended_by = ?, extended_days = ? WHERE id = ?',
  ).run(at, by, extendedDays, freezeId);
}

// ---- photos ---------------------------------------------------------------------------------------

export interface PhotoRow {
  mime: string;
  data: Buffer;
}

export function hasPhoto(db: DB, memberId: number): boolean {
  return (
    stmt<[number], Found>(db, 'SELECT 1 AS one FROM member_photos WHERE member_id = ?').get(memberId) !==
    undefined
  );
}

export function photoOf(db: DB, memberId: number): PhotoRow | undefined {
  return stmt<[number], PhotoRow>(db, 'SELECT mime, data FROM member_photos WHERE member_id = ?').get(
    memberId,
  );
}

export function deletePhoto(db: DB, memberId: number): void {
  stmt<[number]>(db, 'DELETE FROM member_photos WHERE member_id = ?').run(memberId);
}

export function savePhoto(db: DB, memberId: number, mime: string, data: Buffer): void {
  stmt<[number, string, Buffer]>(
    db,
    'INSERT INTO member_photos (member_id, mime, data) VALUES (?, ?, ?) ON CONFLICT(member_id) DO UPDATE SET mime = excluded.mime, data = excluded.data',
  ).run(memberId, mime, data);
}
