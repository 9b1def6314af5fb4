/**
 * The check-in area's rules: check-in by card (red/amber/green), trial guests and coaches, the
 * "inside now" list, check-out (tag returned → free; not returned → lost, fee charged; the tab
 * settled or left unpaid with a shift lead's PIN) and today's counts. The SQL is in queries.ts.
 */
import type { MemberGender } from '../../contract/types';
import type { DB } from '../../db/database';
import { type Ctx, type HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { SUPERVISORS } from '../../kernel/roles';
import { findMemberByCard, getMemberRow, memberCardOf, type MemberRow, unpaidCents } from '../members';
import { settle, storedValueOf, toTabLine, visitTabCents } from '../payments';
import { authorize, type Authoriser } from '../staff';
import { pickTag, setTagStatus } from '../tags';
import { dayBoundsUtc, daysBetween } from '../../../shared/dates';
import type {
  BlockCode,
  CheckinResult,
  checkinContract,
  CheckoutResult,
  InsideVisit,
  StatusReason,
  TodayCounts,
  VisitInfo,
  VisitKind,
  WarningCode,
} from './contract';
import * as q from './queries';
import type { VisitJoinedRow } from './queries';

// ---- visits as the contract shows them (other areas use these through ./index.ts) -------------

export function loadVisitRow(db: DB, id: number): VisitJoinedRow {
  const v = q.visitById(db, id);
  if (!v) throw new AppError('VISIT_NOT_FOUND', { visitId: id });
  return v;
}

export function toVisitInfo(v: VisitJoinedRow): VisitInfo {
  return {
    id: v.id,
    kind: v.kind,
    memberId: v.member_id,
    cardNo: v.card_no,
    name: v.member_name ?? v.guest_name ?? '',
    gender: v.gender,
    tagNumber: v.tag_number,
    checkedInAt: v.checked_in_at,
    checkedOutAt: v.checked_out_at,
    checkoutKind: v.checkout_kind,
    overridden: v.override_by !== null,
  };
}

export function toInsideVisit(db: DB, v: VisitJoinedRow): InsideVisit {
  return {
    visitId: v.id,
    kind: v.kind,
    memberId: v.member_id,
    cardNo: v.card_no,
    name: v.member_name ?? v.guest_name ?? '',
    gender: v.gender,
    tagNumber: v.tag_number,
    checkedInAt: v.checked_in_at,
    tabCents: visitTabCents(db, v.id),
  };
}

/** The open visit of a visit id, a tag handed back, or a member's card; clear errors otherwise. */
export function findOpenVisit(
  db: DB,
  by: { visitId: number } | { tagNumber: number } | { cardNo: string },
): VisitJoinedRow {
  if ('visitId' in by) {
    const v = loadVisitRow(db, by.visitId);
    if (v.checked_out_at) throw new AppError('VISIT_CLOSED', { visitId: v.id });
    return v;
  }
  if ('tagNumber' in by) {
    const v = q.openVisitByTag(db, by.tagNumber);
    if (!v)
      throw new AppError(q.tagNumberExists(db, by.tagNumber) ? 'TAG_NOT_ISSUED' : 'TAG_UNKNOWN', {
        number: by.tagNumber,
      });
    return v;
  }
  const m = findMemberByCard(db, by.cardNo);
  if (!m) throw new AppError('MEMBER_UNKNOWN_CARD', { cardNo: by.cardNo.trim() });
  const v = q.openVisitOfMember(db, m.id);
  if (!v) throw new AppError('VISIT_NOT_FOUND', { cardNo: m.card_no });
  return v;
}

// ---- the rules of entry ---------------------------------------------------------------------

/** Month-day birthday match; 29 February is celebrated on 28 February in other years. */
function isBirthday(birthDate: string | null, today: string): boolean {
  if (!birthDate) return false;
  const md = birthDate.slice(5);
  const todayMd = today.slice(5);
  if (md === todayMd) return true;
  const year = Number(today.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && !leap && todayMd === '02-28';
}

/**
 * Every reason that blocks this member today (empty = may enter). `known.open` is the member's open
 * visit when the caller has just read it in the same transaction (undefined: none); else it is read.
 */
export function blockReasons(
  db: DB,
  m: MemberRow,
  today: string,
  known?: { open: VisitJoinedRow | undefined },
): StatusReason<BlockCode>[] {
  const blocks: StatusReason<BlockCode>[] = [];
  if (m.active !== 1) blocks.push({ code: 'DEACTIVATED', params: {} });
  if (m.frozen_from && m.frozen_to && m.frozen_from <= today && today <= m.frozen_to)
    blocks.push({ code: 'FROZEN', params: { from: m.frozen_from, to: m.frozen_to } });
  if (m.start_date > today) blocks.push({ code: 'NOT_STARTED', params: { date: m.start_date } });
  if (m.expiry_date && m.expiry_date < today)
    blocks.push({ code: 'EXPIRED', params: { date: m.expiry_date } });
  if (m.visits_left !== null && m.visits_left <= 0) blocks.push({ code: 'NO_VISITS_LEFT', params: {} });
  const open = known ? known.open : q.openVisitOfMember(db, m.id);
  if (open)
    blocks.push({
      code: 'ALREADY_INSIDE',
      params: { since: open.checked_in_at, ...(open.tag_number !== null ? { tag: open.tag_number } : {}) },
    });
  return blocks;
}

/** Amber reasons: expiring soon, few visits left (after this one), birthday, unpaid charges. */
export function warningReasons(
  ctx: Ctx,
  m: MemberRow,
  today: string,
  visitsAfter: number | null,
): StatusReason<WarningCode>[] {
  const w: StatusReason<WarningCode>[] = [];
  if (m.expiry_date && m.expiry_date >= today) {
    const days = daysBetween(today, m.expiry_date);
    if (days <= ctx.settings.expiryWarnDays)
      w.push({ code: 'EXPIRES_SOON', params: { days, date: m.expiry_date } });
  }
  if (visitsAfter !== null && visitsAfter <= ctx.settings.visitsWarnThreshold)
    w.push({ code: 'FEW_VISITS', params: { visits: visitsAfter } });
  if (isBirthday(m.birth_date, today)) w.push({ code: 'BIRTHDAY', params: {} });
  const unpaid = unpaidCents(ctx.db, m.id);
  if (unpaid > 0) w.push({ code: 'UNPAID_BALANCE', params: { cents: unpaid } });
  return w;
}

/** Maps a unique-index violation (a tag or member already on an open visit) to a clear error. */
function guardUnique<T>(fn: () => T, tagNumber: number | null): T {
  try {
    return fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      if (msg.includes('visits.tag_id')) throw new AppError('TAG_IN_USE', { number: tagNumber ?? 0 });
      if (msg.includes('visits.member_id')) throw new AppError('ALREADY_INSIDE');
    }
    throw e;
  }
}

type Tag = { id: number; number: number };
type Override = { by: number; reason: string; reasonCode?: string | null; codes: string[] };

/** Records the visit and issues its tag. */
function enter(
  ctx: Ctx,
  v: {
    kind: VisitKind;
    memberId: number | null;
    guestName: string | null;
    guestPhone: string | null;
    gender: MemberGender;
    tag: Tag | null;
    consumed: boolean;
    override: Override | null;
  },
): { id: number; checkedInAt: string } {
  const actor = ctx.requireActor();
  const now = ctx.nowIso();
  const id = guardUnique(
    () =>
      q.insertVisit(ctx.db, {
        kind: v.kind,
        memberId: v.memberId,
        guestName: v.guestName,
        guestPhone: v.guestPhone,
        gender: v.gender,
        tagId: v.tag?.id ?? null,
        checkedInAt: now,
        checkedInBy: actor.id,
        consumed: v.consumed,
        override: v.override,
      }),
    v.tag?.number ?? null,
  );
  if (v.tag) setTagStatus(ctx.db, v.tag.id, 'issued', now);
  return { id, checkedInAt: now };
}

// ---- the operations -------------------------------------------------------------------------

export const checkinHandlers: HandlersOf<typeof checkinContract> = {
  'checkin.scan': (ctx, a): CheckinResult => {
    const db = ctx.db;
    const today = ctx.today();
    const m = 'memberId' in a.ref ? getMemberRow(db, a.ref.memberId) : findMemberByCard(db, a.ref.cardNo);

    if (!m) {
      const cardNo = 'cardNo' in a.ref ? a.ref.cardNo.trim() : null;
      ctx.audit({ op: 'checkin.blocked', entity: 'card', entityId: cardNo ?? '', detail: 'UNKNOWN_CARD' });
      return {
        outcome: 'blocked',
        status: 'blocked',
        blocks: [{ code: 'UNKNOWN_CARD', params: {} }],
        member: null,
        cardNo,
        overridable: false,
      };
    }
    const card = memberCardOf(db, m);

    // The same card scanned again within the window: a double read, never a second visit.
    const open = q.openVisitOfMember(db, m.id);
    if (a.scanned && open) {
      const secondsAgo = Math.floor((ctx.now().getTime() - Date.parse(open.checked_in_at)) / 1000);
      if (secondsAgo >= 0 && secondsAgo < ctx.settings.duplicateScanSeconds)
        return {
          outcome: 'duplicate_ignored',
          status: 'ok',
          member: card,
          visit: toVisitInfo(open),
          secondsAgo,
        };
    }

    const blocks = blockReasons(db, m, today, { open });
    const overridable = blocks.length > 0 && !blocks.some((b) => b.code === 'ALREADY_INSIDE');
    let override: Override | null = null;
    let authorizer: Authoriser | undefined;
    if (blocks.length > 0) {
      if (!a.authorization || !overridable) {
        ctx.audit({
          op: 'checkin.blocked',
          entity: 'member',
          entityId: m.id,
          detail: blocks.map((b) => b.code).join(','),
        });
        return {
          outcome: 'blocked',
          status: 'blocked',
          blocks,
          member: card,
          cardNo: m.card_no,
          overridable,
        };
      }
      const who = authorize(ctx, a.authorization, SUPERVISORS, 'override');
      authorizer = who;
      override = {
        by: who.id,
        reason: a.authorization.reason,
        reasonCode: who.reasonCode,
        codes: blocks.map((b) => b.code),
      };
    }

    const consume = m.visits_left !== null && m.visits_left > 0;
    const visitsAfter = m.visits_left === null ? null : consume ? m.visits_left - 1 : 0;
    const warnings = warningReasons(ctx, m, today, visitsAfter);

    let tag: Tag | null = null;
    if (a.noTag) {
      if (!a.authorization) throw new AppError('OVERRIDE_NOT_ALLOWED', { reason: 'noTag' });
      const who = authorize(ctx, a.authorization, SUPERVISORS, 'noTag');
      authorizer ??= who;
      override ??= { by: who.id, reason: a.authorization.reason, reasonCode: who.reasonCode, codes: [] };
      override.codes.push('NO_TAG');
    } else {
      const t = pickTag(db, a.tagNumber);
      if (!t) return { outcome: 'no_free_tag', status: 'blocked', member: card, warnings };
      tag = { id: t.id, number: t.number };
    }

    const { id: visitId, checkedInAt } = enter(ctx, {
      kind: 'member',
      memberId: m.id,
      guestName: null,
      guestPhone: null,
      gender: m.gender,
      tag,
      consumed: consume,
      override,
    });
    if (consume) q.takeOneVisit(db, m.id);
    ctx.audit({
      op: 'checkin.scan',
      entity: 'visit',
      entityId: visitId,
      after: {
        memberId: m.id,
        cardNo: m.card_no,
        tag: tag?.number ?? null,
        visitsLeft: visitsAfter,
        ...(override
          ? {
              overrideBy: override.by,
              overrideReason: override.reason,
              overrideCodes: override.codes,
              ...(override.reasonCode ? { reasonCode: override.reasonCode } : {}),
            }
          : {}),
      },
    });
    // What was just written, without reading it back: the card with the visit taken off, and the
    // visit as loadVisitRow + toVisitInfo would return it.
    return {
      outcome: 'checked_in',
      status: warnings.length ? 'warning' : 'ok',
      warnings,
      member: consume ? { ...card, visitsLeft: m.visits_left! - 1 } : card,
      visit: {
        id: visitId,
        kind: 'member',
        memberId: m.id,
        cardNo: m.card_no,
        name: m.name,
        gender: m.gender,
        tagNumber: tag?.number ?? null,
        checkedInAt,
        checkedOutAt: null,
        checkoutKind: null,
        overridden: override !== null,
      },
      overridden: override !== null,
      ...(authorizer ? { authorizedByName: authorizer.name } : {}),
    };
  },

  'checkin.guest': (ctx, a) => {
    let tag: Tag | null = null;
    if (a.withTag) {
      const t = pickTag(ctx.db, a.tagNumber);
      if (!t) throw new AppError('NO_FREE_TAG');
      tag = { id: t.id, number: t.number };
    }
    const { id: visitId } = enter(ctx, {
      kind: a.kind,
      memberId: null,
      guestName: a.name,
      guestPhone: a.phone || null,
      gender: a.gender,
      tag,
      consumed: false,
      override: null,
    });
    ctx.audit({
      op: 'checkin.guest',
      entity: 'visit',
      entityId: visitId,
      after: { kind: a.kind, name: a.name, gender: a.gender, tag: tag?.number ?? null },
    });
    return toVisitInfo(loadVisitRow(ctx.db, visitId));
  },

  'checkin.changeTag': (ctx, a) => {
    const v = findOpenVisit(ctx.db, { visitId: a.visitId });
    if (v.tag_number === a.tagNumber) return toVisitInfo(v);
    const t = pickTag(ctx.db, a.tagNumber)!;
    const now = ctx.nowIso();
    if (v.tag_id !== null) setTagStatus(ctx.db, v.tag_id, 'available', now);
    guardUnique(() => q.setVisitTag(ctx.db, v.id, t.id), t.number);
    setTagStatus(ctx.db, t.id, 'issued', now);
    ctx.audit({
      op: 'checkin.changeTag',
      entity: 'visit',
      entityId: v.id,
      before: { tag: v.tag_number },
      after: { tag: t.number },
    });
    return toVisitInfo(loadVisitRow(ctx.db, v.id));
  },

  'checkin.inside': (ctx, a) => {
    const rows = q.insideVisits(ctx.db, a.kind);
    const f = a.filter?.trim().toLowerCase();
    const list = f
      ? rows.filter(
          (v) =>
            (v.member_name ?? v.guest_name ?? '').toLowerCase().includes(f) ||
            (v.card_no ?? '').toLowerCase().includes(f) ||
            (v.tag_number !== null && String(v.tag_number) === f),
        )
      : rows;
    return list.map((v) => toInsideVisit(ctx.db, v));
  },

  'checkin.checkoutPreview': (ctx, a) => {
    const v = findOpenVisit(ctx.db, a);
    return {
      visit: toInsideVisit(ctx.db, v),
      tabCents: visitTabCents(ctx.db, v.id),
      tabLines: q.tabLinesOfVisit(ctx.db, v.id).map(toTabLine),
      unpaidChargesCents: v.member_id !== null ? unpaidCents(ctx.db, v.member_id) : 0,
      lostTagFeeCents: ctx.settings.lostTagFeeCents,
      storedValueCents: v.member_id !== null ? storedValueOf(ctx.db, v.member_id) : null,
    };
  },

  'checkin.checkout': (ctx, a) => {
    const actor = ctx.requireActor();
    const v = findOpenVisit(ctx.db, { visitId: a.visitId });
    const now = ctx.nowIso();
    const lost = v.tag_id !== null && !a.tagReturned;
    const kind = lost ? 'tag_not_returned' : 'normal';

    // The tab is settled before the tag is freed: paid now, or left unpaid with a shift lead's PIN.
    const tab = visitTabCents(ctx.db, v.id);
    let receipt: CheckoutResult['receipt'] = null;
    let unpaidLeftCents = 0;
    let unpaidBy: Authoriser | undefined;
    if (tab === 0 && a.payment) throw new AppError('NOTHING_TO_PAY');
    if (tab > 0) {
      if (a.payment) {
        receipt = settle(ctx, {
          kind: 'checkout',
          visitId: v.id,
          memberId: v.member_id,
          barCents: tab,
          chargesCents: 0,
          parts: a.payment.parts,
        });
        q.settleVisitLines(ctx.db, v.id, receipt.settlementId);
      } else if (a.leaveUnpaid) {
        if (v.member_id === null) throw new AppError('STORED_VALUE_GUEST');
        const who = authorize(ctx, a.leaveUnpaid, SUPERVISORS, 'leaveUnpaid');
        unpaidBy = who;
        q.allowUnpaid(ctx.db, v.id, who.id, a.leaveUnpaid.reason);
        unpaidLeftCents = tab;
      } else {
        throw new AppError('TAB_UNPAID', { amount: tab });
      }
    }

    let fee = 0;
    q.closeVisit(ctx.db, v.id, now, actor.id, kind);
    if (v.tag_id !== null) setTagStatus(ctx.db, v.tag_id, lost ? 'lost' : 'available', now);
    if (lost && v.member_id !== null && ctx.settings.lostTagFeeCents > 0) {
      fee = ctx.settings.lostTagFeeCents;
      q.insertLostTagCharge(ctx.db, {
        memberId: v.member_id,
        amountCents: fee,
        visitId: v.id,
        note: `tag ${v.tag_number}`,
        at: now,
        by: actor.id,
      });
    }
    ctx.audit({
      op: 'checkin.checkout',
      entity: 'visit',
      entityId: v.id,
      after: {
        tag: v.tag_number,
        kind,
        lostTagFeeCents: fee,
        ...(receipt
          ? { paidCents: receipt.totalCents, parts: receipt.parts.map((p) => [p.method, p.amountCents]) }
          : {}),
        ...(unpaidLeftCents
          ? {
              unpaidLeftCents,
              unpaidAllowedBy: unpaidBy?.id,
              reason: a.leaveUnpaid?.reason,
              ...(unpaidBy?.reasonCode ? { reasonCode: unpaidBy.reasonCode } : {}),
            }
          : {}),
      },
    });
    return {
      visitId: v.id,
      tagNumber: v.tag_number,
      checkedOutAt: now,
      checkoutKind: kind,
      lostTagFeeCents: fee,
      name: v.member_name ?? v.guest_name ?? '',
      cardNo: v.card_no,
      receipt,
      unpaidLeftCents,
      storedValueCents: v.member_id === null ? null : storedValueOf(ctx.db, v.member_id),
      ...(unpaidBy ? { unpaidAllowedByName: unpaidBy.name } : {}),
    };
  },

  'checkin.today': (ctx): TodayCounts => {
    const date = ctx.today();
    const { from, to } = dayBoundsUtc(date, ctx.settings.timeZone);
    const entries: TodayCounts['entries'] = {
      member: { male: 0, female: 0, unknown: 0 },
      trial: { male: 0, female: 0, unknown: 0 },
      coach: { male: 0, female: 0, unknown: 0 },
    };
    for (const r of q.entriesByKindAndGender(ctx.db, from, to)) entries[r.kind][r.gender] = r.n;
    return {
      date,
      entries,
      insideNow: q.insideCount(ctx.db),
      tagsOut: q.tagCount(ctx.db, 'issued'),
      tagsFree: q.tagCount(ctx.db, 'available'),
    };
  },

  'checkin.recent': (ctx, a) => {
    // Today's check-ins and check-outs, latest event first (bounded to today so it stays fast).
    const { from } = dayBoundsUtc(ctx.today(), ctx.settings.timeZone);
    return q.recentVisits(ctx.db, from, a.limit ?? 20).map(toVisitInfo);
  },
};
