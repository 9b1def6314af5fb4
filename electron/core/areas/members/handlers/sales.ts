/**
 * The entitlement's changes at the desk and by a manager: a new member's card sold, a renewal or
 * upgrade, and a manager's correction. The money of a sale goes through a settlement (the shift's
 * takings and cash); every change is an entry of the entitlement history with before and after.
 */
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { SUPERVISORS } from '../../../kernel/roles';
import { authorize } from '../../staff';
import { addDays } from '../../../../shared/dates';
import { settle } from '../../payments';
import type { Receipt } from '../../payments/types';
import type { membersContract } from '../contract';
import * as q from '../queries';
import type { CardTypeRow } from '../queries';
import type { CardSaleResult } from '../types';
import { activeCardType, auditView, cardType, checkConsultant, diff, getMemberRow } from './common';
import { entitlementOf, loadEntitlement, recordEntitlement } from './entitlements';
import { insertMember, loadMemberDetail } from './member';

type C = typeof membersContract;

/** What a sale, a renewal and an upgrade share: the card bought and its payment. */
type SaleArgs = Pick<
  Parameters<HandlersOf<C>['members.renew']>[1],
  'cardTypeId' | 'quantity' | 'amountCents' | 'parts' | 'soldById' | 'authorization'
>;

/**
 * The payment side of a sale, checked before anything is written: an amount needs its parts; a card
 * given without payment needs a shift lead's or manager's PIN and a reason (a flag never does).
 */
interface SalePayment {
  authorizedBy: number | null;
  reason: string | null;
  reasonCode?: string | null;
}

function checkSalePayment(ctx: Ctx, a: SaleArgs): SalePayment {
  if (a.amountCents > 0) {
    if (!a.parts) throw new AppError('VALIDATION', { issues: [{ path: 'parts', code: 'required' }] });
    return { authorizedBy: null, reason: null };
  }
  if (a.parts)
    throw new AppError('PAYMENT_MISMATCH', { paid: a.parts.reduce((x, p) => x + p.amountCents, 0), due: 0 });
  if (!a.authorization) throw new AppError('FREE_CARD_NEEDS_AUTHORIZATION');
  const who = authorize(ctx, a.authorization, SUPERVISORS, 'freeCard');
  return { authorizedBy: who.id, reason: a.authorization.reason, reasonCode: who.reasonCode };
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
function saleAudit(a: SaleArgs, t: CardTypeRow, receipt: Receipt | null, pay: SalePayment) {
  return {
    cardTypeId: a.cardTypeId,
    quantity: a.quantity,
    paidCents: a.amountCents,
    listPriceCents: t.price_cents * a.quantity,
    parts: receipt ? receipt.parts.map((p) => [p.method, p.amountCents]) : [],
    soldById: a.soldById ?? null,
    authorizedBy: pay.authorizedBy,
    ...(pay.reasonCode ? { reasonCode: pay.reasonCode } : {}),
  };
}

export const saleHandlers: Pick<HandlersOf<C>, 'members.sell' | 'members.renew' | 'members.correct'> = {
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
      if (!q.visitorExists(db, a.visitorId)) throw new AppError('NOT_FOUND', { entity: 'visitor' });
      if (q.visitorSold(db, a.visitorId)) throw new AppError('VISITOR_ALREADY_SOLD');
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
      after: { ...auditView(getMemberRow(db, id)), sale: saleAudit(a, t, receipt, pay) },
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
    q.updateCard(
      db,
      m.id,
      { cardTypeId: t.id, startDate: start, expiryDate: expiry, visitsLeft: visits },
      ctx.nowIso(),
    );
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
      after: { ...after, sale: saleAudit(a, t, receipt, pay) },
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
    q.updateEntitlement(db, m.id, next, ctx.nowIso());
    const after = entitlementOf(db, getMemberRow(db, m.id));
    const d = diff(before, after);
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
};
