/**
 * Members: create, edit, freeze, photo, and search as you type (card number, name, phone, pinyin).
 * Import and export of rosters live in memberImport.ts.
 *
 * Phones are stored in one form (phone.ts `phoneKey`, "+8613812345678") and shown as
 * "138 1234 5678". Privacy (domain.md): search results show phones masked (138****5678) — to every
 * role — except for a member whose whole number was typed; a phone is found only by the whole
 * number (however it is written) or its last four digits, never by its first digits, so paging
 * through results cannot piece numbers together. Opening one member shows the full number to the
 * roles that need it (CONTACT_ROLES), within a limit per staff member and hour (see
 * `revealAllowed`): a desk account cannot collect the club's phone list by opening members one by
 * one. Exports stay a manager's action, recorded.
 */
import type { DB } from '../db/database';
import type {
  CardSaleResult,
  CardSaleRow,
  CardSalesFigures,
  CardsSold,
  ChargeInfo,
  Entitlement,
  EntitlementEntry,
  EntitlementKind,
  FreezeInfo,
  MemberCard,
  MemberDetail,
  MemberGender,
  MemberState,
  MemberSummary,
  OpParsedArgs,
  PaymentMethod,
  Receipt,
  Role,
  VisitInfo,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { CONTACT_ROLES, MANAGERS, PRICE_ROLES, SUPERVISORS } from '../permissions';
import { formatPhone, isValidPhone, maskPhone, phoneDigits, phoneKey } from '../../shared/phone';
import { addDays, daysBetween } from '../../shared/dates';
import { memberDebtCents, settle } from './payments';
import { memberTerms, norm, prefixEnd, RANK } from './pinyin';
import { authorize } from '../areas/staff';
import { stmt } from '../kernel/statements';

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

export interface MemberFields {
  cardNo: string;
  name: string;
  gender: MemberGender;
  phone: string | null;
  birthDate: string | null;
  cardTypeId: number;
  startDate: string;
  expiryDate: string | null;
  visitsLeft: number | null;
  consultantId: number | null;
  notes: string;
}

interface CardTypeRow {
  id: number;
  name: string;
  kind: 'time' | 'visits';
  duration_days: number | null;
  visit_count: number | null;
  price_cents: number;
  active: number;
}

export function getMemberRow(db: DB, id: number): MemberRow {
  const r = stmt(db, 'SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'member' });
  return r;
}

export function findMemberByCard(db: DB, cardNo: string): MemberRow | undefined {
  return stmt(db, 'SELECT * FROM members WHERE card_no = ?').get(cardNo.trim()) as MemberRow | undefined;
}

function cardType(db: DB, id: number): CardTypeRow {
  const t = stmt(db, 'SELECT * FROM card_types WHERE id = ?').get(id) as CardTypeRow | undefined;
  if (!t) throw new AppError('NOT_FOUND', { entity: 'cardType' });
  return t;
}

/** The membership's state on a club-local date; the first that applies wins. */
export function memberState(m: MemberRow, today: string): MemberState {
  if (m.active !== 1) return 'deactivated';
  if (m.frozen_from && m.frozen_to && m.frozen_from <= today && today <= m.frozen_to) return 'frozen';
  if (m.start_date > today) return 'not_started';
  if (m.expiry_date && m.expiry_date < today) return 'expired';
  if (m.visits_left !== null && m.visits_left <= 0) return 'no_visits';
  return 'active';
}

/** Different members whose full phone one staff member below manager may open per hour. */
export const REVEALS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;
/** Per database connection (one club), per staff member: member id → when last revealed. */
const reveals = new WeakMap<DB, Map<number, Map<number, number>>>();

/**
 * Whether this member's full phone may be shown to the actor now. Managers: always. Consultants:
 * always for their own members. Everyone else (and consultants for other members) within
 * REVEALS_PER_HOUR different members in the last hour; a member already shown in that hour may be
 * opened again. Kept in memory (opening a member is a read and writes nothing); a restart of the
 * app starts the count again, which is fine for what it guards against: a script or a person
 * paging through the whole club.
 */
function revealAllowed(ctx: Ctx, m: MemberRow): boolean {
  const actor = ctx.requireActor();
  if (MANAGERS.includes(actor.role)) return true;
  if (actor.role === 'consultant' && m.consultant_id === actor.id) return true;
  let club = reveals.get(ctx.db);
  if (!club) reveals.set(ctx.db, (club = new Map()));
  let mine = club.get(actor.id);
  if (!mine) club.set(actor.id, (mine = new Map()));
  const now = ctx.now().getTime();
  for (const [id, at] of mine) if (now - at >= HOUR_MS || at > now) mine.delete(id);
  if (!mine.has(m.id) && mine.size >= REVEALS_PER_HOUR) return false;
  mine.set(m.id, now);
  return true;
}

export function reindexMember(db: DB, memberId: number): void {
  const m = getMemberRow(db, memberId);
  stmt(db, 'DELETE FROM member_search WHERE member_id = ?').run(memberId);
  const ins = stmt(db, 'INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)');
  for (const t of memberTerms({ cardNo: m.card_no, name: m.name, phone: m.phone }))
    ins.run(t.term, memberId, t.rank);
}

/** How a member inserted by insertMember came by the entitlement, for its history entry. */
export interface EntitlementOrigin {
  kind: 'initial' | 'import' | 'registered';
  /** Who did it: required for 'registered'. */
  by: number | null;
}

/**
 * Inserts a member with the card type's defaults (expiry from duration, visits from count) and the
 * first entry of its entitlement history (`origin`; null: the caller writes it, as a sale does).
 * Every way a member is created goes through here, the roster import included.
 */
export function insertMember(
  db: DB,
  f: MemberFields,
  nowIso: string,
  origin: EntitlementOrigin | null = { kind: 'import', by: null },
): number {
  const t = cardType(db, f.cardTypeId);
  let expiry = f.expiryDate;
  if (expiry === null && t.kind === 'time') expiry = addDays(f.startDate, (t.duration_days ?? 1) - 1);
  let visits = f.visitsLeft;
  if (t.kind === 'visits' && visits === null) visits = t.visit_count;
  if (t.kind === 'time') visits = null;
  if (expiry !== null && expiry < f.startDate)
    throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'before_start' }] });
  if (findMemberByCard(db, f.cardNo)) throw new AppError('CARD_NO_TAKEN', { cardNo: f.cardNo });
  const r = stmt(
    db,
    `INSERT INTO members (card_no, name, gender, phone, birth_date, card_type_id, start_date, expiry_date, visits_left,
                            consultant_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.cardNo.trim(),
    f.name.trim(),
    f.gender,
    phoneKey(f.phone) || null,
    f.birthDate,
    f.cardTypeId,
    f.startDate,
    expiry,
    visits,
    f.consultantId,
    f.notes,
    nowIso,
    nowIso,
  );
  const id = Number(r.lastInsertRowid);
  reindexMember(db, id);
  if (origin)
    recordEntitlement(db, {
      memberId: id,
      kind: origin.kind,
      at: nowIso,
      by: origin.by,
      before: null,
      after: entitlementOf(db, getMemberRow(db, id)),
    });
  return id;
}

// ---- the entitlement history ---------------------------------------------------------------

/** The member's entitlement as it is now. */
export function entitlementOf(db: DB, m: MemberRow): Entitlement {
  return {
    cardTypeId: m.card_type_id,
    cardTypeName: cardType(db, m.card_type_id).name,
    startDate: m.start_date,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    active: m.active === 1,
    frozenFrom: m.frozen_from,
    frozenTo: m.frozen_to,
  };
}

interface EntitlementRecord {
  memberId: number;
  kind: EntitlementKind;
  at: string;
  by: number | null;
  before: Entitlement | null;
  after: Entitlement;
  cardTypeId?: number;
  quantity?: number;
  paidCents?: number;
  listPriceCents?: number;
  settlementId?: number | null;
  soldBy?: number | null;
  visitorId?: number | null;
  authorizedBy?: number | null;
  reason?: string | null;
}

/** Appends an entry to the member's entitlement history (append-only). */
export function recordEntitlement(db: DB, e: EntitlementRecord): number {
  return Number(
    stmt(
      db,
      `INSERT INTO member_entitlements (member_id, kind, at, by, before_json, after_json, card_type_id, quantity, paid_cents,
           list_price_cents, settlement_id, sold_by, visitor_id, authorized_by, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.memberId,
      e.kind,
      e.at,
      e.by,
      e.before ? JSON.stringify(e.before) : null,
      JSON.stringify(e.after),
      e.cardTypeId ?? null,
      e.quantity ?? null,
      e.paidCents ?? null,
      e.listPriceCents ?? null,
      e.settlementId ?? null,
      e.soldBy ?? null,
      e.visitorId ?? null,
      e.authorizedBy ?? null,
      e.reason ?? null,
    ).lastInsertRowid,
  );
}

/**
 * Writes the 'initial' entry (the entitlement as it is now) for every member that has no history
 * yet: members created outside the operations (the demo club).
 */
export function recordMissingInitialEntitlements(db: DB, nowIso: string): void {
  const rows = stmt(
    db,
    'SELECT m.* FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_entitlements e WHERE e.member_id = m.id) ORDER BY m.id',
  ).all() as MemberRow[];
  for (const m of rows)
    recordEntitlement(db, {
      memberId: m.id,
      kind: 'initial',
      at: nowIso,
      by: null,
      before: null,
      after: entitlementOf(db, m),
    });
}

interface EntitlementDbRow {
  id: number;
  kind: EntitlementKind;
  at: string;
  by_name: string | null;
  before_json: string | null;
  after_json: string;
  type_name: string | null;
  quantity: number | null;
  paid_cents: number | null;
  list_price_cents: number | null;
  settlement_id: number | null;
  sold_by_name: string | null;
  authorized_by_name: string | null;
  reason: string | null;
  visitor_id: number | null;
}

const ENTITLEMENT_SELECT = `SELECT e.*, s.name AS by_name, t.name AS type_name, sb.name AS sold_by_name, ab.name AS authorized_by_name
  FROM member_entitlements e LEFT JOIN staff s ON s.id = e.by LEFT JOIN card_types t ON t.id = e.card_type_id
  LEFT JOIN staff sb ON sb.id = e.sold_by LEFT JOIN staff ab ON ab.id = e.authorized_by`;

function toEntitlementEntry(db: DB, r: EntitlementDbRow, showPrice: boolean): EntitlementEntry {
  const payment = r.settlement_id
    ? (stmt(
        db,
        'SELECT method, amount_cents AS amountCents FROM payments WHERE settlement_id = ? ORDER BY id',
      ).all(r.settlement_id) as { method: PaymentMethod; amountCents: number }[])
    : [];
  const entry: EntitlementEntry = {
    id: r.id,
    kind: r.kind,
    at: r.at,
    byName: r.by_name,
    before: r.before_json ? (JSON.parse(r.before_json) as Entitlement) : null,
    after: JSON.parse(r.after_json) as Entitlement,
    cardTypeName: r.type_name,
    quantity: r.quantity,
    paidCents: r.paid_cents,
    payment,
    soldByName: r.sold_by_name,
    authorizedByName: r.authorized_by_name,
    reason: r.reason,
    visitorId: r.visitor_id,
  };
  if (showPrice) entry.listPriceCents = r.list_price_cents;
  return entry;
}

function loadEntitlements(db: DB, memberId: number, showPrice: boolean): EntitlementEntry[] {
  return (
    stmt(db, `${ENTITLEMENT_SELECT} WHERE e.member_id = ? ORDER BY e.id DESC LIMIT 200`).all(
      memberId,
    ) as EntitlementDbRow[]
  ).map((r) => toEntitlementEntry(db, r, showPrice));
}

/**
 * Cards sold at the desk in a window [from, to) for the handover book: counts by kind, the money by
 * method (cash withheld before the blind count), and each sale with who sold it and what was paid.
 */
export function cardSalesFigures(db: DB, from: string, to: string, blind: boolean): CardSalesFigures {
  const rows = stmt(
    db,
    `SELECT e.id, e.at, e.kind, e.member_id, m.card_no, m.name, e.card_type_id, t.name AS type_name, e.quantity, e.paid_cents,
              e.settlement_id, s.name AS by_name, sb.name AS sold_by_name, ab.name AS authorized_by_name,
              (SELECT count(*) FROM payments p WHERE p.settlement_id = e.settlement_id AND p.method = 'cash') AS cash_parts
       FROM member_entitlements e JOIN members m ON m.id = e.member_id JOIN card_types t ON t.id = e.card_type_id
       JOIN staff s ON s.id = e.by LEFT JOIN staff sb ON sb.id = e.sold_by LEFT JOIN staff ab ON ab.id = e.authorized_by
       WHERE e.kind IN ('sale','renewal','upgrade') AND e.at >= ? AND e.at < ? ORDER BY e.at, e.id`,
  ).all(from, to) as {
    id: number;
    at: string;
    kind: CardSaleRow['kind'];
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
  }[];
  const byMethod = { cash: 0, card: 0, mobile: 0, stored_value: 0 };
  for (const r of stmt(
    db,
    `SELECT p.method, sum(p.amount_cents) AS c FROM member_entitlements e JOIN payments p ON p.settlement_id = e.settlement_id
       WHERE e.kind IN ('sale','renewal','upgrade') AND e.at >= ? AND e.at < ? GROUP BY p.method`,
  ).all(from, to) as { method: PaymentMethod; c: number }[])
    byMethod[r.method] += r.c;
  const total = rows.reduce((a, r) => a + r.paid_cents, 0);
  return {
    count: rows.length,
    byKind: {
      sale: rows.filter((r) => r.kind === 'sale').length,
      renewal: rows.filter((r) => r.kind === 'renewal').length,
      upgrade: rows.filter((r) => r.kind === 'upgrade').length,
    },
    totalCents: blind ? null : total,
    byMethod: { ...byMethod, cash: blind ? null : byMethod.cash },
    list: rows.map((r) => ({
      entryId: r.id,
      at: r.at,
      kind: r.kind,
      memberId: r.member_id,
      cardNo: r.card_no,
      name: r.name,
      cardTypeId: r.card_type_id,
      cardTypeName: r.type_name,
      quantity: r.quantity,
      paidCents: blind && r.cash_parts > 0 ? null : r.paid_cents,
      free: r.paid_cents === 0,
      authorizedByName: r.authorized_by_name,
      byName: r.by_name,
      soldByName: r.sold_by_name,
    })),
  };
}

/** The handover's cards sold: the visitors' outcomes and the cards sold at the desk, by card type. */
export function mergeCardsSold(fromVisitors: readonly CardsSold[], sales: CardSalesFigures): CardsSold[] {
  const out: CardsSold[] = fromVisitors.map((c) => ({ ...c }));
  for (const r of sales.list) {
    let c = out.find((x) => x.cardTypeId === r.cardTypeId);
    if (!c) {
      c = { cardTypeId: r.cardTypeId, cardTypeName: r.cardTypeName, count: 0 };
      out.push(c);
    }
    c.count += 1;
    c.atDesk = (c.atDesk ?? 0) + 1;
  }
  return out.sort((a, b) => a.cardTypeName.localeCompare(b.cardTypeName));
}

function loadEntitlement(ctx: Ctx, id: number): EntitlementEntry {
  const r = stmt(ctx.db, `${ENTITLEMENT_SELECT} WHERE e.id = ?`).get(id) as EntitlementDbRow;
  return toEntitlementEntry(ctx.db, r, PRICE_ROLES.includes(ctx.requireActor().role));
}

function isInside(db: DB, memberId: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM visits WHERE member_id = ? AND checked_out_at IS NULL').get(memberId);
}

function hasPhoto(db: DB, memberId: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM member_photos WHERE member_id = ?').get(memberId);
}

export function loadMemberCard(db: DB, memberId: number): MemberCard {
  return memberCardOf(db, getMemberRow(db, memberId));
}

/** The member card of a row already read (the check-in has it: one SELECT fewer). */
export function memberCardOf(db: DB, m: MemberRow): MemberCard {
  const t = cardType(db, m.card_type_id);
  return {
    id: m.id,
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    cardTypeName: t.name,
    cardKind: t.kind,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    hasPhoto: hasPhoto(db, m.id),
  };
}

function toSummary(
  db: DB,
  m: MemberRow & { type_name: string; type_kind: 'time' | 'visits' },
  today: string,
  fullPhone: boolean,
): MemberSummary {
  return {
    id: m.id,
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: fullPhone ? formatPhone(m.phone) || null : maskPhone(m.phone),
    cardTypeName: m.type_name,
    cardKind: m.type_kind,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    state: memberState(m, today),
    inside: isInside(db, m.id),
    hasPhoto: hasPhoto(db, m.id),
  };
}

/** What the member owes from earlier visits: unpaid bar lines and unpaid charges (lost tags). */
export function unpaidCents(db: DB, memberId: number): number {
  return memberDebtCents(db, memberId);
}

export function loadMemberDetail(ctx: Ctx, id: number): MemberDetail {
  const db = ctx.db;
  const m = getMemberRow(db, id);
  const t = cardType(db, m.card_type_id);
  const role = ctx.requireActor().role;
  const contact = CONTACT_ROLES.includes(role);
  const fullPhone = contact && (!m.phone || revealAllowed(ctx, m));
  const consultant = m.consultant_id
    ? (stmt(db, 'SELECT name FROM staff WHERE id = ?').get(m.consultant_id) as { name: string } | undefined)
    : undefined;
  const charges = stmt(
    db,
    `SELECT id, kind, amount_cents AS amountCents, created_at AS createdAt, paid_at AS paidAt, note
       FROM member_charges WHERE member_id = ? ORDER BY id DESC LIMIT 50`,
  ).all(id) as ChargeInfo[];
  const freezes = stmt(
    db,
    `SELECT f.id, f.from_date AS fromDate, f.to_date AS toDate, f.reason, f.extended_days AS extendedDays,
              f.created_at AS createdAt, s.name AS createdByName, f.ended_at AS endedAt
       FROM member_freezes f JOIN staff s ON s.id = f.created_by WHERE f.member_id = ? ORDER BY f.id DESC`,
  ).all(id) as FreezeInfo[];
  const visits = stmt(
    db,
    `SELECT v.id, v.kind, v.member_id, v.gender, v.checked_in_at, v.checked_out_at, v.checkout_kind, v.override_by, t.number AS tag
       FROM visits v LEFT JOIN key_tags t ON t.id = v.tag_id WHERE v.member_id = ? ORDER BY v.checked_in_at DESC LIMIT 10`,
  ).all(id) as {
    id: number;
    kind: 'member';
    member_id: number;
    gender: MemberGender;
    checked_in_at: string;
    checked_out_at: string | null;
    checkout_kind: 'normal' | 'tag_not_returned' | null;
    override_by: number | null;
    tag: number | null;
  }[];
  const recentVisits: VisitInfo[] = visits.map((v) => ({
    id: v.id,
    kind: v.kind,
    memberId: v.member_id,
    cardNo: m.card_no,
    name: m.name,
    gender: v.gender,
    tagNumber: v.tag,
    checkedInAt: v.checked_in_at,
    checkedOutAt: v.checked_out_at,
    checkoutKind: v.checkout_kind,
    overridden: v.override_by !== null,
  }));
  return {
    id: m.id,
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: fullPhone ? formatPhone(m.phone) || null : maskPhone(m.phone),
    cardTypeName: t.name,
    cardKind: t.kind,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    state: memberState(m, ctx.today()),
    inside: isInside(db, m.id),
    hasPhoto: hasPhoto(db, m.id),
    birthDate: contact ? m.birth_date : null,
    startDate: m.start_date,
    cardTypeId: m.card_type_id,
    frozenFrom: m.frozen_from,
    frozenTo: m.frozen_to,
    frozenReason: m.frozen_reason,
    storedValueCents: m.stored_value_cents,
    consultantId: m.consultant_id,
    consultantName: consultant?.name ?? null,
    notes: m.notes,
    nationalId: MANAGERS.includes(role) ? m.national_id : null,
    unpaidCents: unpaidCents(db, m.id),
    charges,
    freezes,
    entitlements: loadEntitlements(db, m.id, PRICE_ROLES.includes(role)),
    recentVisits,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

/** What an audit entry records of a member (no photo bytes, nothing derived). */
function auditView(m: MemberRow) {
  return {
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: m.phone,
    birthDate: m.birth_date,
    cardTypeId: m.card_type_id,
    startDate: m.start_date,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    frozenFrom: m.frozen_from,
    frozenTo: m.frozen_to,
    consultantId: m.consultant_id,
    notes: m.notes,
    active: m.active === 1,
  };
}

function diff(a: Record<string, unknown>, b: Record<string, unknown>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(b)) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
      before[k] = a[k];
      after[k] = b[k];
    }
  }
  return { before, after };
}

function checkConsultant(db: DB, id: number | null | undefined, path = 'consultantId'): void {
  if (id === null || id === undefined) return;
  const s = stmt(db, 'SELECT role, active FROM staff WHERE id = ?').get(id) as
    { role: Role; active: number } | undefined;
  if (!s || s.active !== 1) throw new AppError('VALIDATION', { issues: [{ path, code: 'unknown' }] });
  if (path === 'soldById' && s.role !== 'consultant')
    throw new AppError('VALIDATION', { issues: [{ path, code: 'not_consultant' }] });
}

function activeCardType(db: DB, id: number): CardTypeRow {
  const t = cardType(db, id);
  if (t.active !== 1)
    throw new AppError('VALIDATION', { issues: [{ path: 'cardTypeId', code: 'inactive' }] });
  return t;
}

// ---- selling, renewing, upgrading a card ---------------------------------------------------

type SaleArgs = Pick<
  OpParsedArgs<'members.renew'>,
  'cardTypeId' | 'quantity' | 'amountCents' | 'parts' | 'soldById' | 'authorization'
>;

/**
 * The payment side of a sale, checked before anything is written: an amount needs its parts; a card
 * given without payment needs a shift lead's or manager's PIN and a reason (a flag never does).
 */
function checkSalePayment(ctx: Ctx, a: SaleArgs): { authorizedBy: number | null; reason: string | null } {
  if (a.amountCents > 0) {
    if (!a.parts) throw new AppError('VALIDATION', { issues: [{ path: 'parts', code: 'required' }] });
    return { authorizedBy: null, reason: null };
  }
  if (a.parts)
    throw new AppError('PAYMENT_MISMATCH', { paid: a.parts.reduce((x, p) => x + p.amountCents, 0), due: 0 });
  if (!a.authorization) throw new AppError('FREE_CARD_NEEDS_AUTHORIZATION');
  const who = authorize(ctx, a.authorization, SUPERVISORS);
  return { authorizedBy: who.id, reason: a.authorization.reason };
}

/** Takes the money of a sale through a settlement (so it counts in the shift's takings and cash). */
function takeSalePayment(ctx: Ctx, memberId: number, a: SaleArgs): Receipt | null {
  if (a.amountCents === 0) return null;
  return settle(ctx, {
    kind: 'card_sale',
    visitId: null,
    memberId,
    barCents: 0,
    chargesCents: 0,
    otherCents: a.amountCents,
    parts: a.parts!,
  });
}

/** The entitlement bought: n periods of the card type's duration, n packs of its visits. */
function bought(t: CardTypeRow, n: number): { days: number | null; visits: number | null } {
  return {
    days: t.duration_days === null ? null : t.duration_days * n,
    visits: t.kind === 'visits' && t.visit_count !== null ? t.visit_count * n : null,
  };
}

/** What the audit log keeps of a sale (managers read it: the catalogue price is there to compare). */
function saleAudit(a: SaleArgs, t: CardTypeRow, receipt: Receipt | null, authorizedBy: number | null) {
  return {
    cardTypeId: a.cardTypeId,
    quantity: a.quantity,
    paidCents: a.amountCents,
    listPriceCents: t.price_cents * a.quantity,
    parts: receipt ? receipt.parts.map((p) => [p.method, p.amountCents]) : [],
    soldById: a.soldById ?? null,
    authorizedBy,
  };
}

const MAX_RESULTS = 100;

export function searchMembers(ctx: Ctx, q: string, limit = 20): MemberSummary[] {
  const query = norm(q);
  if (!query) return [];
  const lim = Math.min(limit, MAX_RESULTS);
  // A whole phone number typed, however written ("+86 138-1234-5678"): its digits as indexed.
  const typedPhone = /\d/.test(query) && isValidPhone(q) ? phoneDigits(q) : null;
  // What counts as an exact match: the query as typed (a card number, a phone's last four digits)
  // and, for a whole phone number however written, its digits as indexed.
  const exact = typedPhone ?? query;
  // Best rank per member over every term starting with the query — phone terms only when equal to
  // it (the whole number or its last four digits); exact card number first.
  const rows = stmt(
    ctx.db,
    `SELECT s.member_id AS id, min(CASE WHEN s.term IN (?, ?) AND s.rank = 1 THEN 0 ELSE s.rank END) AS r,
              min(CASE WHEN s.term IN (?, ?) THEN 0 ELSE 1 END) AS exact
       FROM (SELECT term, member_id, rank FROM member_search WHERE term >= ? AND term < ? AND rank < ${RANK.phone}
             UNION ALL
             SELECT term, member_id, rank FROM member_search WHERE term IN (?, ?)) s
       GROUP BY s.member_id
       ORDER BY exact, r
       LIMIT 400`,
  ).all(query, exact, query, exact, query, prefixEnd(query), query, exact) as {
    id: number;
    r: number;
    exact: number;
  }[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = stmt(
    ctx.db,
    `SELECT m.*, t.name AS type_name, t.kind AS type_kind FROM members m JOIN card_types t ON t.id = m.card_type_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as (MemberRow & { type_name: string; type_kind: 'time' | 'visits' })[];
  const byId = new Map(members.map((m) => [m.id, m]));
  const order = new Map(rows.map((r) => [r.id, r]));
  const today = ctx.today();
  // Masked for everyone, except the number the person typed in full (they know it already).
  const typedShown = (m: MemberRow) =>
    typedPhone !== null && !!m.phone && phoneDigits(m.phone) === typedPhone;
  return ids
    .map((id) => byId.get(id)!)
    .sort((a, b) => {
      const ra = order.get(a.id)!;
      const rb = order.get(b.id)!;
      return (
        ra.exact - rb.exact ||
        ra.r - rb.r ||
        (a.active === b.active ? 0 : b.active - a.active) ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.card_no.localeCompare(b.card_no)
      );
    })
    .slice(0, lim)
    .map((m) => toSummary(ctx.db, m, today, typedShown(m)));
}

const PHOTO_MAX_BYTES = 1_500_000;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const memberHandlers = handlers({
  'members.search': (ctx, { q, limit }) => searchMembers(ctx, q, limit),

  'members.get': (ctx, { id }) => loadMemberDetail(ctx, id),

  'members.create': (ctx, f) => {
    activeCardType(ctx.db, f.cardTypeId);
    checkConsultant(ctx.db, f.consultantId);
    const id = insertMember(ctx.db, f, ctx.nowIso(), { kind: 'registered', by: ctx.requireActor().id });
    ctx.audit({
      op: 'members.create',
      entity: 'member',
      entityId: id,
      after: auditView(getMemberRow(ctx.db, id)),
    });
    return loadMemberDetail(ctx, id);
  },

  /** Personal details only; the consultant only by a manager. Entitlements: sell/renew/freeze/correct. */
  'members.update': (ctx, a) => {
    const m = getMemberRow(ctx.db, a.id);
    if (a.cardNo !== undefined && a.cardNo.trim() !== m.card_no) {
      const other = findMemberByCard(ctx.db, a.cardNo);
      if (other && other.id !== m.id) throw new AppError('CARD_NO_TAKEN', { cardNo: a.cardNo });
    }
    if (a.consultantId !== undefined && a.consultantId !== m.consultant_id) {
      if (!MANAGERS.includes(ctx.requireActor().role))
        throw new AppError('FORBIDDEN', { field: 'consultantId' });
      checkConsultant(ctx.db, a.consultantId);
    }
    const next = {
      card_no: a.cardNo?.trim() ?? m.card_no,
      name: a.name?.trim() ?? m.name,
      gender: a.gender ?? m.gender,
      phone: a.phone === undefined ? m.phone : a.phone?.trim() || null,
      birth_date: a.birthDate === undefined ? m.birth_date : a.birthDate,
      consultant_id: a.consultantId === undefined ? m.consultant_id : a.consultantId,
      notes: a.notes ?? m.notes,
    };
    stmt(
      ctx.db,
      `UPDATE members SET card_no = ?, name = ?, gender = ?, phone = ?, birth_date = ?, consultant_id = ?, notes = ?,
           updated_at = ? WHERE id = ?`,
    ).run(
      next.card_no,
      next.name,
      next.gender,
      next.phone,
      next.birth_date,
      next.consultant_id,
      next.notes,
      ctx.nowIso(),
      m.id,
    );
    reindexMember(ctx.db, m.id);
    const after = getMemberRow(ctx.db, m.id);
    const d = diff(auditView(m), auditView(after));
    if (Object.keys(d.after).length)
      ctx.audit({ op: 'members.update', entity: 'member', entityId: m.id, ...d });
    return loadMemberDetail(ctx, m.id);
  },

  /**
   * A new member with a card sold at the desk: the entitlement comes from the card type (n periods
   * or visit packs from the start date), the amount paid is what the consultant's slip says.
   */
  'members.sell': (ctx, a): CardSaleResult => {
    const db = ctx.db;
    const me = ctx.requireActor();
    const today = ctx.today();
    const t = activeCardType(db, a.cardTypeId);
    checkConsultant(db, a.soldById, 'soldById');
    const start = a.startDate ?? today;
    if (start < today || start > addDays(today, 90))
      throw new AppError('VALIDATION', { issues: [{ path: 'startDate', code: 'range' }] });
    if (a.visitorId !== undefined) {
      if (!stmt(db, 'SELECT 1 FROM visitors WHERE id = ?').get(a.visitorId))
        throw new AppError('NOT_FOUND', { entity: 'visitor' });
      if (stmt(db, 'SELECT 1 FROM member_entitlements WHERE visitor_id = ?').get(a.visitorId))
        throw new AppError('VISITOR_ALREADY_SOLD');
    }
    const pay = checkSalePayment(ctx, a);
    const b = bought(t, a.quantity);
    const id = insertMember(
      db,
      {
        cardNo: a.cardNo,
        name: a.name,
        gender: a.gender,
        phone: a.phone,
        birthDate: a.birthDate,
        cardTypeId: t.id,
        startDate: start,
        expiryDate: b.days === null ? null : addDays(start, b.days - 1),
        visitsLeft: b.visits,
        consultantId: a.soldById ?? null,
        notes: a.notes,
      },
      ctx.nowIso(),
      null,
    );
    const receipt = takeSalePayment(ctx, id, a);
    const after = entitlementOf(db, getMemberRow(db, id));
    const entryId = recordEntitlement(db, {
      memberId: id,
      kind: 'sale',
      at: ctx.nowIso(),
      by: me.id,
      before: null,
      after,
      cardTypeId: t.id,
      quantity: a.quantity,
      paidCents: a.amountCents,
      listPriceCents: t.price_cents * a.quantity,
      settlementId: receipt?.settlementId ?? null,
      soldBy: a.soldById ?? null,
      visitorId: a.visitorId ?? null,
      authorizedBy: pay.authorizedBy,
      reason: pay.reason,
    });
    ctx.audit({
      op: 'members.sell',
      entity: 'member',
      entityId: id,
      after: { ...auditView(getMemberRow(db, id)), sale: saleAudit(a, t, receipt, pay.authorizedBy) },
      detail: pay.reason ?? undefined,
    });
    return { member: loadMemberDetail(ctx, id), entry: loadEntitlement(ctx, entryId), receipt };
  },

  /**
   * The member's own card type bought again (renewal): a time card continues the day after the
   * current period ends (or from today when it has ended), visits are added (a visit card has no
   * expiry date, as its card type says). Another card type
   * (upgrade): the new card replaces the current one from today (what is left of the current card
   * is the consultant's to price in). Not on a deactivated membership, no upgrade during a freeze.
   */
  'members.renew': (ctx, a): CardSaleResult => {
    const db = ctx.db;
    const me = ctx.requireActor();
    const today = ctx.today();
    const m = getMemberRow(db, a.id);
    if (m.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
    const t = activeCardType(db, a.cardTypeId);
    checkConsultant(db, a.soldById, 'soldById');
    const renewal = t.id === m.card_type_id;
    if (!renewal && m.frozen_to && m.frozen_to >= today)
      throw new AppError('MEMBER_FROZEN', { until: m.frozen_to });
    const pay = checkSalePayment(ctx, a);
    const b = bought(t, a.quantity);
    const before = entitlementOf(db, m);
    let start = m.start_date;
    let expiry: string | null;
    let visits: number | null;
    if (renewal) {
      const base = m.expiry_date && m.expiry_date >= today ? m.expiry_date : addDays(today, -1);
      // A card type without a period (a visit card) sells visits without an expiry date: an expiry
      // carried over from elsewhere (an import) does not cut the visits just bought short.
      expiry = b.days === null ? null : addDays(base, b.days);
      visits = t.kind === 'visits' ? (m.visits_left ?? 0) + (b.visits ?? 0) : null;
    } else {
      start = today;
      expiry = b.days === null ? null : addDays(today, b.days - 1);
      visits = b.visits;
    }
    stmt(
      db,
      'UPDATE members SET card_type_id = ?, start_date = ?, expiry_date = ?, visits_left = ?, updated_at = ? WHERE id = ?',
    ).run(t.id, start, expiry, visits, ctx.nowIso(), m.id);
    const receipt = takeSalePayment(ctx, m.id, a);
    const after = entitlementOf(db, getMemberRow(db, m.id));
    const entryId = recordEntitlement(db, {
      memberId: m.id,
      kind: renewal ? 'renewal' : 'upgrade',
      at: ctx.nowIso(),
      by: me.id,
      before,
      after,
      cardTypeId: t.id,
      quantity: a.quantity,
      paidCents: a.amountCents,
      listPriceCents: t.price_cents * a.quantity,
      settlementId: receipt?.settlementId ?? null,
      soldBy: a.soldById ?? null,
      authorizedBy: pay.authorizedBy,
      reason: pay.reason,
    });
    ctx.audit({
      op: 'members.renew',
      entity: 'member',
      entityId: m.id,
      before,
      after: { ...after, sale: saleAudit(a, t, receipt, pay.authorizedBy) },
      detail: pay.reason ?? undefined,
    });
    return { member: loadMemberDetail(ctx, m.id), entry: loadEntitlement(ctx, entryId), receipt };
  },

  /** A manager's correction of the entitlement, with the reason; the history keeps before and after. */
  'members.correct': (ctx, a) => {
    const db = ctx.db;
    const m = getMemberRow(db, a.id);
    if (a.cardTypeId !== undefined && a.cardTypeId !== m.card_type_id) activeCardType(db, a.cardTypeId);
    const next = {
      card_type_id: a.cardTypeId ?? m.card_type_id,
      start_date: a.startDate ?? m.start_date,
      expiry_date: a.expiryDate === undefined ? m.expiry_date : a.expiryDate,
      visits_left: a.visitsLeft === undefined ? m.visits_left : a.visitsLeft,
      active: a.active === undefined ? m.active : a.active ? 1 : 0,
    };
    const kind = cardType(db, next.card_type_id).kind;
    if (kind === 'time') next.visits_left = null;
    if (kind === 'visits' && next.visits_left === null)
      throw new AppError('VALIDATION', { issues: [{ path: 'visitsLeft', code: 'required' }] });
    if (kind === 'time' && next.expiry_date === null)
      throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'required' }] });
    if (next.expiry_date !== null && next.expiry_date < next.start_date)
      throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'before_start' }] });
    const before = entitlementOf(db, m);
    stmt(
      db,
      'UPDATE members SET card_type_id = ?, start_date = ?, expiry_date = ?, visits_left = ?, active = ?, updated_at = ? WHERE id = ?',
    ).run(
      next.card_type_id,
      next.start_date,
      next.expiry_date,
      next.visits_left,
      next.active,
      ctx.nowIso(),
      m.id,
    );
    const after = entitlementOf(db, getMemberRow(db, m.id));
    const d = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    if (Object.keys(d.after).length === 0)
      throw new AppError('VALIDATION', { issues: [{ path: 'id', code: 'no_change' }] });
    recordEntitlement(db, {
      memberId: m.id,
      kind: 'correction',
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      before,
      after,
      reason: a.reason,
    });
    ctx.audit({ op: 'members.correct', entity: 'member', entityId: m.id, ...d, detail: a.reason });
    return loadMemberDetail(ctx, m.id);
  },

  /**
   * Freezing stops the membership from `fromDate` to `toDate` (inclusive); the expiry moves later by
   * the frozen days that fall within the card's own period: none before its start, and a card that
   * has ended by the freeze's first day cannot be frozen (the freeze would hand out new days). One
   * freeze at a time.
   */
  'members.freeze': (ctx, { id, fromDate, toDate, reason }) => {
    const m = getMemberRow(ctx.db, id);
    const today = ctx.today();
    if (toDate < fromDate || fromDate < today) throw new AppError('FREEZE_INVALID', { fromDate, toDate });
    if (m.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
    if (m.frozen_to && m.frozen_to >= today)
      throw new AppError('FREEZE_INVALID', { reason: 'already_frozen', until: m.frozen_to });
    if (m.expiry_date && fromDate > m.expiry_date)
      throw new AppError('FREEZE_AFTER_EXPIRY', { expiry: m.expiry_date });
    const firstCounted = fromDate > m.start_date ? fromDate : m.start_date;
    const days = toDate >= firstCounted ? daysBetween(firstCounted, toDate) + 1 : 0;
    const before = entitlementOf(ctx.db, m);
    const expiry = m.expiry_date ? addDays(m.expiry_date, days) : null;
    stmt(
      ctx.db,
      'UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ?, updated_at = ? WHERE id = ?',
    ).run(fromDate, toDate, reason, expiry, ctx.nowIso(), id);
    stmt(
      ctx.db,
      `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, fromDate, toDate, reason, m.expiry_date ? days : 0, ctx.nowIso(), ctx.requireActor().id);
    recordEntitlement(ctx.db, {
      memberId: id,
      kind: 'freeze',
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      before,
      after: entitlementOf(ctx.db, getMemberRow(ctx.db, id)),
      reason,
    });
    ctx.audit({
      op: 'members.freeze',
      entity: 'member',
      entityId: id,
      before: { expiryDate: m.expiry_date },
      after: { frozenFrom: fromDate, frozenTo: toDate, expiryDate: expiry },
      detail: reason,
    });
    return loadMemberDetail(ctx, id);
  },

  /**
   * Unfreezing ends the freeze before its planned end. The member keeps the extension only for the
   * days actually frozen: frozen from `from` up to yesterday, so the days from today (or from the
   * planned start, if it has not begun) to the planned end are taken back off the expiry.
   */
  'members.unfreeze': (ctx, { id }) => {
    const m = getMemberRow(ctx.db, id);
    const today = ctx.today();
    if (!m.frozen_from || !m.frozen_to || m.frozen_to < today) throw new AppError('NOT_FROZEN');
    const f = stmt(
      ctx.db,
      'SELECT * FROM member_freezes WHERE member_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1',
    ).get(id) as { id: number; extended_days: number } | undefined;
    const started = m.frozen_from <= today;
    const unused = started
      ? daysBetween(today, m.frozen_to) + 1
      : daysBetween(m.frozen_from, m.frozen_to) + 1;
    const giveBack = f && f.extended_days > 0 ? Math.min(unused, f.extended_days) : 0;
    const expiry = m.expiry_date ? addDays(m.expiry_date, -giveBack) : null;
    const newTo = started ? addDays(today, -1) : null;
    // Some frozen days remain on record only if the freeze had run at least one day before today.
    const keepsDays = started && newTo! >= m.frozen_from;
    const before = entitlementOf(ctx.db, m);
    stmt(
      ctx.db,
      'UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ?, updated_at = ? WHERE id = ?',
    ).run(
      keepsDays ? m.frozen_from : null,
      keepsDays ? newTo : null,
      keepsDays ? m.frozen_reason : null,
      expiry,
      ctx.nowIso(),
      id,
    );
    if (f) {
      stmt(
        ctx.db,
        'UPDATE member_freezes SET ended_at = ?, ended_by = ?, extended_days = ? WHERE id = ?',
      ).run(ctx.nowIso(), ctx.requireActor().id, f.extended_days - giveBack, f.id);
    }
    recordEntitlement(ctx.db, {
      memberId: id,
      kind: 'unfreeze',
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      before,
      after: entitlementOf(ctx.db, getMemberRow(ctx.db, id)),
    });
    ctx.audit({
      op: 'members.unfreeze',
      entity: 'member',
      entityId: id,
      before: { frozenFrom: m.frozen_from, frozenTo: m.frozen_to, expiryDate: m.expiry_date },
      after: { expiryDate: expiry, daysTakenBack: giveBack },
    });
    return loadMemberDetail(ctx, id);
  },

  'members.setPhoto': (ctx, { id, dataUrl }) => {
    getMemberRow(ctx.db, id);
    if (dataUrl === null) {
      stmt(ctx.db, 'DELETE FROM member_photos WHERE member_id = ?').run(id);
      ctx.audit({ op: 'members.setPhoto', entity: 'member', entityId: id, detail: 'removed' });
      return { ok: true as const };
    }
    const m = /^data:(image\/(?:jpeg|png|webp));base64,(.+)$/.exec(dataUrl)!;
    const mime = m[1]!;
    const bytes = Buffer.from(m[2]!, 'base64');
    if (bytes.length > PHOTO_MAX_BYTES || !MAGIC[mime]!(bytes)) {
      throw new AppError('VALIDATION', { issues: [{ path: 'dataUrl', code: 'photo' }] });
    }
    stmt(
      ctx.db,
      'INSERT INTO member_photos (member_id, mime, data) VALUES (?, ?, ?) ON CONFLICT(member_id) DO UPDATE SET mime = excluded.mime, data = excluded.data',
    ).run(id, mime, bytes);
    ctx.audit({
      op: 'members.setPhoto',
      entity: 'member',
      entityId: id,
      detail: `${mime}, ${bytes.length} bytes`,
    });
    return { ok: true as const };
  },

  'members.photo': (ctx, { id }) => {
    const p = stmt(ctx.db, 'SELECT mime, data FROM member_photos WHERE member_id = ?').get(id) as
      { mime: string; data: Buffer } | undefined;
    return { dataUrl: p ? `data:${p.mime};base64,${p.data.toString('base64')}` : null };
  },
});
