/**
 * Members: create, edit, freeze, photo, and search as you type (card number, name, phone, pinyin).
 * Import and export of rosters live in memberImport.ts.
 */
import type { DB } from '../db/database';
import type {
  ChargeInfo,
  FreezeInfo,
  MemberCard,
  MemberDetail,
  MemberGender,
  MemberState,
  MemberSummary,
  Role,
  VisitInfo,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { CONTACT_ROLES, MANAGERS } from '../permissions';
import { addDays, daysBetween } from '../time';
import { memberDebtCents } from './payments';
import { memberTerms, norm, prefixEnd } from './pinyin';

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
  active: number;
}

export function getMemberRow(db: DB, id: number): MemberRow {
  const r = db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'member' });
  return r;
}

export function findMemberByCard(db: DB, cardNo: string): MemberRow | undefined {
  return db.prepare('SELECT * FROM members WHERE card_no = ?').get(cardNo.trim()) as MemberRow | undefined;
}

function cardType(db: DB, id: number): CardTypeRow {
  const t = db.prepare('SELECT * FROM card_types WHERE id = ?').get(id) as CardTypeRow | undefined;
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

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const d = phone.replace(/\s+/g, '');
  if (d.length <= 4) return '****';
  if (d.length <= 7) return `${'*'.repeat(d.length - 4)}${d.slice(-4)}`;
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}

export function reindexMember(db: DB, memberId: number): void {
  const m = getMemberRow(db, memberId);
  db.prepare('DELETE FROM member_search WHERE member_id = ?').run(memberId);
  const ins = db.prepare('INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)');
  for (const t of memberTerms({ cardNo: m.card_no, name: m.name, phone: m.phone }))
    ins.run(t.term, memberId, t.rank);
}

/** Inserts a member with the card type's defaults (expiry from duration, visits from count). */
export function insertMember(db: DB, f: MemberFields, nowIso: string): number {
  const t = cardType(db, f.cardTypeId);
  let expiry = f.expiryDate;
  if (expiry === null && t.kind === 'time') expiry = addDays(f.startDate, (t.duration_days ?? 1) - 1);
  let visits = f.visitsLeft;
  if (t.kind === 'visits' && visits === null) visits = t.visit_count;
  if (t.kind === 'time') visits = null;
  if (expiry !== null && expiry < f.startDate)
    throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'before_start' }] });
  if (findMemberByCard(db, f.cardNo)) throw new AppError('CARD_NO_TAKEN', { cardNo: f.cardNo });
  const r = db
    .prepare(
      `INSERT INTO members (card_no, name, gender, phone, birth_date, card_type_id, start_date, expiry_date, visits_left,
                            consultant_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.cardNo.trim(),
      f.name.trim(),
      f.gender,
      f.phone?.trim() || null,
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
  return id;
}

function isInside(db: DB, memberId: number): boolean {
  return !!db.prepare('SELECT 1 FROM visits WHERE member_id = ? AND checked_out_at IS NULL').get(memberId);
}

function hasPhoto(db: DB, memberId: number): boolean {
  return !!db.prepare('SELECT 1 FROM member_photos WHERE member_id = ?').get(memberId);
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
  contact: boolean,
): MemberSummary {
  return {
    id: m.id,
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: contact ? m.phone : maskPhone(m.phone),
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
  const consultant = m.consultant_id
    ? (db.prepare('SELECT name FROM staff WHERE id = ?').get(m.consultant_id) as { name: string } | undefined)
    : undefined;
  const charges = db
    .prepare(
      `SELECT id, kind, amount_cents AS amountCents, created_at AS createdAt, paid_at AS paidAt, note
       FROM member_charges WHERE member_id = ? ORDER BY id DESC LIMIT 50`,
    )
    .all(id) as ChargeInfo[];
  const freezes = db
    .prepare(
      `SELECT f.id, f.from_date AS fromDate, f.to_date AS toDate, f.reason, f.extended_days AS extendedDays,
              f.created_at AS createdAt, s.name AS createdByName, f.ended_at AS endedAt
       FROM member_freezes f JOIN staff s ON s.id = f.created_by WHERE f.member_id = ? ORDER BY f.id DESC`,
    )
    .all(id) as FreezeInfo[];
  const visits = db
    .prepare(
      `SELECT v.id, v.kind, v.member_id, v.gender, v.checked_in_at, v.checked_out_at, v.checkout_kind, v.override_by, t.number AS tag
       FROM visits v LEFT JOIN key_tags t ON t.id = v.tag_id WHERE v.member_id = ? ORDER BY v.checked_in_at DESC LIMIT 10`,
    )
    .all(id) as {
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
    phone: contact ? m.phone : maskPhone(m.phone),
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

function checkConsultant(db: DB, id: number | null | undefined): void {
  if (id === null || id === undefined) return;
  const s = db.prepare('SELECT role, active FROM staff WHERE id = ?').get(id) as
    { role: Role; active: number } | undefined;
  if (!s || s.active !== 1)
    throw new AppError('VALIDATION', { issues: [{ path: 'consultantId', code: 'unknown' }] });
}

const MAX_RESULTS = 100;

export function searchMembers(ctx: Ctx, q: string, limit = 20): MemberSummary[] {
  const query = norm(q);
  if (!query) return [];
  const lim = Math.min(limit, MAX_RESULTS);
  // Best rank per member over every term starting with the query; exact card number first.
  const rows = ctx.db
    .prepare(
      `SELECT s.member_id AS id, min(CASE WHEN s.term = ? AND s.rank = 1 THEN 0 ELSE s.rank END) AS r,
              min(CASE WHEN s.term = ? THEN 0 ELSE 1 END) AS exact
       FROM member_search s
       WHERE s.term >= ? AND s.term < ?
       GROUP BY s.member_id
       ORDER BY exact, r
       LIMIT 400`,
    )
    .all(query, query, query, prefixEnd(query)) as { id: number; r: number; exact: number }[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = ctx.db
    .prepare(
      `SELECT m.*, t.name AS type_name, t.kind AS type_kind FROM members m JOIN card_types t ON t.id = m.card_type_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (MemberRow & { type_name: string; type_kind: 'time' | 'visits' })[];
  const byId = new Map(members.map((m) => [m.id, m]));
  const order = new Map(rows.map((r) => [r.id, r]));
  const today = ctx.today();
  const contact = CONTACT_ROLES.includes(ctx.requireActor().role);
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
    .map((m) => toSummary(ctx.db, m, today, contact));
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
    const t = cardType(ctx.db, f.cardTypeId);
    if (t.active !== 1)
      throw new AppError('VALIDATION', { issues: [{ path: 'cardTypeId', code: 'inactive' }] });
    checkConsultant(ctx.db, f.consultantId);
    const id = insertMember(ctx.db, f, ctx.nowIso());
    ctx.audit({
      op: 'members.create',
      entity: 'member',
      entityId: id,
      after: auditView(getMemberRow(ctx.db, id)),
    });
    return loadMemberDetail(ctx, id);
  },

  'members.update': (ctx, a) => {
    const m = getMemberRow(ctx.db, a.id);
    if (a.cardNo !== undefined && a.cardNo.trim() !== m.card_no) {
      const other = findMemberByCard(ctx.db, a.cardNo);
      if (other && other.id !== m.id) throw new AppError('CARD_NO_TAKEN', { cardNo: a.cardNo });
    }
    if (a.cardTypeId !== undefined) cardType(ctx.db, a.cardTypeId);
    checkConsultant(ctx.db, a.consultantId);
    const next = {
      card_no: a.cardNo?.trim() ?? m.card_no,
      name: a.name?.trim() ?? m.name,
      gender: a.gender ?? m.gender,
      phone: a.phone === undefined ? m.phone : a.phone?.trim() || null,
      birth_date: a.birthDate === undefined ? m.birth_date : a.birthDate,
      card_type_id: a.cardTypeId ?? m.card_type_id,
      start_date: a.startDate ?? m.start_date,
      expiry_date: a.expiryDate === undefined ? m.expiry_date : a.expiryDate,
      visits_left: a.visitsLeft === undefined ? m.visits_left : a.visitsLeft,
      consultant_id: a.consultantId === undefined ? m.consultant_id : a.consultantId,
      notes: a.notes ?? m.notes,
      active: a.active === undefined ? m.active : a.active ? 1 : 0,
    };
    const kind = cardType(ctx.db, next.card_type_id).kind;
    if (kind === 'time') next.visits_left = null;
    if (kind === 'visits' && next.visits_left === null) {
      throw new AppError('VALIDATION', { issues: [{ path: 'visitsLeft', code: 'required' }] });
    }
    if (kind === 'time' && next.expiry_date === null) {
      throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'required' }] });
    }
    if (next.expiry_date !== null && next.expiry_date < next.start_date) {
      throw new AppError('VALIDATION', { issues: [{ path: 'expiryDate', code: 'before_start' }] });
    }
    ctx.db
      .prepare(
        `UPDATE members SET card_no = ?, name = ?, gender = ?, phone = ?, birth_date = ?, card_type_id = ?, start_date = ?,
           expiry_date = ?, visits_left = ?, consultant_id = ?, notes = ?, active = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.card_no,
        next.name,
        next.gender,
        next.phone,
        next.birth_date,
        next.card_type_id,
        next.start_date,
        next.expiry_date,
        next.visits_left,
        next.consultant_id,
        next.notes,
        next.active,
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
   * Freezing stops the membership from `fromDate` to `toDate` (inclusive); the expiry moves later by
   * the same number of days. One freeze at a time.
   */
  'members.freeze': (ctx, { id, fromDate, toDate, reason }) => {
    const m = getMemberRow(ctx.db, id);
    const today = ctx.today();
    if (toDate < fromDate || fromDate < today) throw new AppError('FREEZE_INVALID', { fromDate, toDate });
    if (m.frozen_to && m.frozen_to >= today)
      throw new AppError('FREEZE_INVALID', { reason: 'already_frozen', until: m.frozen_to });
    const days = daysBetween(fromDate, toDate) + 1;
    const expiry = m.expiry_date ? addDays(m.expiry_date, days) : null;
    ctx.db
      .prepare(
        'UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ?, updated_at = ? WHERE id = ?',
      )
      .run(fromDate, toDate, reason, expiry, ctx.nowIso(), id);
    ctx.db
      .prepare(
        `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, fromDate, toDate, reason, m.expiry_date ? days : 0, ctx.nowIso(), ctx.requireActor().id);
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
    const f = ctx.db
      .prepare(
        'SELECT * FROM member_freezes WHERE member_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1',
      )
      .get(id) as { id: number; extended_days: number } | undefined;
    const started = m.frozen_from <= today;
    const unused = started
      ? daysBetween(today, m.frozen_to) + 1
      : daysBetween(m.frozen_from, m.frozen_to) + 1;
    const giveBack = f && f.extended_days > 0 ? Math.min(unused, f.extended_days) : 0;
    const expiry = m.expiry_date ? addDays(m.expiry_date, -giveBack) : null;
    const newTo = started ? addDays(today, -1) : null;
    // Some frozen days remain on record only if the freeze had run at least one day before today.
    const keepsDays = started && newTo! >= m.frozen_from;
    ctx.db
      .prepare(
        'UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        keepsDays ? m.frozen_from : null,
        keepsDays ? newTo : null,
        keepsDays ? m.frozen_reason : null,
        expiry,
        ctx.nowIso(),
        id,
      );
    if (f) {
      ctx.db
        .prepare('UPDATE member_freezes SET ended_at = ?, ended_by = ?, extended_days = ? WHERE id = ?')
        .run(ctx.nowIso(), ctx.requireActor().id, f.extended_days - giveBack, f.id);
    }
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
      ctx.db.prepare('DELETE FROM member_photos WHERE member_id = ?').run(id);
      ctx.audit({ op: 'members.setPhoto', entity: 'member', entityId: id, detail: 'removed' });
      return { ok: true as const };
    }
    const m = /^data:(image\/(?:jpeg|png|webp));base64,(.+)$/.exec(dataUrl)!;
    const mime = m[1]!;
    const bytes = Buffer.from(m[2]!, 'base64');
    if (bytes.length > PHOTO_MAX_BYTES || !MAGIC[mime]!(bytes)) {
      throw new AppError('VALIDATION', { issues: [{ path: 'dataUrl', code: 'photo' }] });
    }
    ctx.db
      .prepare(
        'INSERT INTO member_photos (member_id, mime, data) VALUES (?, ?, ?) ON CONFLICT(member_id) DO UPDATE SET mime = excluded.mime, data = excluded.data',
      )
      .run(id, mime, bytes);
    ctx.audit({
      op: 'members.setPhoto',
      entity: 'member',
      entityId: id,
      detail: `${mime}, ${bytes.length} bytes`,
    });
    return { ok: true as const };
  },

  'members.photo': (ctx, { id }) => {
    const p = ctx.db.prepare('SELECT mime, data FROM member_photos WHERE member_id = ?').get(id) as
      { mime: string; data: Buffer } | undefined;
    return { dataUrl: p ? `data:${p.mime};base64,${p.data.toString('base64')}` : null };
  },
});
