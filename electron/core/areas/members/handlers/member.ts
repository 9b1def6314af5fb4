/**
 * One member: creating one (every way a member is made goes through insertMember, the roster
 * import included), the member's page, and the personal details the desk edits.
 *
 * Phones are stored in one form (shared/phone.ts `phoneKey`, "+8613812345678") and shown as
 * "138 1234 5678". Privacy (domain.md): opening one member shows the full number to the roles that
 * need it (CONTACT_ROLES), within a limit per staff member and hour (see `revealAllowed`): a desk
 * account cannot collect the club's phone list by opening members one by one. Search results show
 * phones masked (handlers/search.ts); exports stay a manager's action, recorded.
 */
import type { MemberGender } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { CONTACT_ROLES, MANAGERS, PRICE_ROLES } from '../../../kernel/roles';
import { formatPhone, maskPhone, phoneKey } from '../../../../shared/phone';
import { addDays } from '../../../../shared/dates';
import { memberDebtCents } from '../../payments';
import type { membersContract } from '../contract';
import { memberTerms } from '../pinyin';
import * as q from '../queries';
import type { MemberRow } from '../queries';
import type { MemberCard, MemberDetail } from '../types';
import {
  activeCardType,
  auditView,
  cardType,
  checkConsultant,
  diff,
  findMemberByCard,
  getMemberRow,
  memberState,
} from './common';
import { entitlementOf, loadEntitlements, recordEntitlement } from './entitlements';

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
  q.deleteSearchTerms(db, memberId);
  for (const t of memberTerms({ cardNo: m.card_no, name: m.name, phone: m.phone }))
    q.insertSearchTerm(db, memberId, t.term, t.rank);
}

/** A new member's details and card, as insertMember takes them. */
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
  const id = q.insertMemberRow(db, {
    cardNo: f.cardNo.trim(),
    name: f.name.trim(),
    gender: f.gender,
    phone: phoneKey(f.phone) || null,
    birthDate: f.birthDate,
    cardTypeId: f.cardTypeId,
    startDate: f.startDate,
    expiryDate: expiry,
    visitsLeft: visits,
    consultantId: f.consultantId,
    notes: f.notes,
    at: nowIso,
  });
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
    hasPhoto: q.hasPhoto(db, m.id),
    storedValueCents: m.stored_value_cents,
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
  const consultantName = m.consultant_id ? q.staffName(db, m.consultant_id) : undefined;
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
    inside: q.isInside(db, m.id),
    hasPhoto: q.hasPhoto(db, m.id),
    birthDate: contact ? m.birth_date : null,
    startDate: m.start_date,
    cardTypeId: m.card_type_id,
    frozenFrom: m.frozen_from,
    frozenTo: m.frozen_to,
    frozenReason: m.frozen_reason,
    storedValueCents: m.stored_value_cents,
    consultantId: m.consultant_id,
    consultantName: consultantName ?? null,
    notes: m.notes,
    nationalId: MANAGERS.includes(role) ? m.national_id : null,
    unpaidCents: unpaidCents(db, m.id),
    charges: q.recentCharges(db, id).map((c) => ({
      id: c.id,
      kind: c.kind,
      amountCents: c.amount_cents,
      createdAt: c.created_at,
      paidAt: c.paid_at,
      note: c.note,
    })),
    freezes: q.freezesOfMember(db, id).map((f) => ({
      id: f.id,
      fromDate: f.from_date,
      toDate: f.to_date,
      reason: f.reason,
      extendedDays: f.extended_days,
      createdAt: f.created_at,
      createdByName: f.created_by_name,
      endedAt: f.ended_at,
    })),
    entitlements: loadEntitlements(db, m.id, PRICE_ROLES.includes(role)),
    recentVisits: q.recentVisits(db, id).map((v) => ({
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
      settlementId: v.settlement_id,
    })),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

type C = typeof membersContract;

export const memberRecordHandlers: Pick<
  HandlersOf<C>,
  'members.get' | 'members.create' | 'members.update'
> = {
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
    q.updatePersonal(
      ctx.db,
      m.id,
      {
        card_no: a.cardNo?.trim() ?? m.card_no,
        name: a.name?.trim() ?? m.name,
        gender: a.gender ?? m.gender,
        phone: a.phone === undefined ? m.phone : a.phone?.trim() || null,
        birth_date: a.birthDate === undefined ? m.birth_date : a.birthDate,
        consultant_id: a.consultantId === undefined ? m.consultant_id : a.consultantId,
        notes: a.notes ?? m.notes,
      },
      ctx.nowIso(),
    );
    reindexMember(ctx.db, m.id);
    const after = getMemberRow(ctx.db, m.id);
    const d = diff(auditView(m), auditView(after));
    if (Object.keys(d.after).length)
      ctx.audit({ op: 'members.update', entity: 'member', entityId: m.id, ...d });
    return loadMemberDetail(ctx, m.id);
  },
};
