/**
 * The entitlement history: every change of a member's card (sold, renewed, upgraded, registered,
 * imported, frozen, unfrozen, corrected) appended with the entitlement before and after, and the
 * cards sold at the desk as the shift handover counts them.
 */
import type { CardSalesFigures, CardsSold } from '../../../contract';
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { PRICE_ROLES } from '../../../kernel/roles';
import * as q from '../queries';
import type { EntitlementJoinedRow, MemberRow } from '../queries';
import type { Entitlement, EntitlementEntry, EntitlementKind } from '../types';
import { cardType } from './common';

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

export interface EntitlementRecord {
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
  return q.insertEntitlement(db, {
    memberId: e.memberId,
    kind: e.kind,
    at: e.at,
    by: e.by,
    beforeJson: e.before ? JSON.stringify(e.before) : null,
    afterJson: JSON.stringify(e.after),
    cardTypeId: e.cardTypeId ?? null,
    quantity: e.quantity ?? null,
    paidCents: e.paidCents ?? null,
    listPriceCents: e.listPriceCents ?? null,
    settlementId: e.settlementId ?? null,
    soldBy: e.soldBy ?? null,
    visitorId: e.visitorId ?? null,
    authorizedBy: e.authorizedBy ?? null,
    reason: e.reason ?? null,
  });
}

/**
 * Writes the 'initial' entry (the entitlement as it is now) for every member that has no history
 * yet: members created outside the operations (the demo club).
 */
export function recordMissingInitialEntitlements(db: DB, nowIso: string): void {
  for (const m of q.membersWithoutHistory(db))
    recordEntitlement(db, {
      memberId: m.id,
      kind: 'initial',
      at: nowIso,
      by: null,
      before: null,
      after: entitlementOf(db, m),
    });
}

function toEntitlementEntry(db: DB, r: EntitlementJoinedRow, showPrice: boolean): EntitlementEntry {
  const payment = r.settlement_id
    ? q
        .paymentsOfSettlement(db, r.settlement_id)
        .map((p) => ({ method: p.method, amountCents: p.amount_cents }))
    : [];
  // the history's JSON is written by recordEntitlement from an Entitlement
  const before: Entitlement | null = r.before_json ? JSON.parse(r.before_json) : null;
  const after: Entitlement = JSON.parse(r.after_json);
  const entry: EntitlementEntry = {
    id: r.id,
    kind: r.kind,
    at: r.at,
    byName: r.by_name,
    before,
    after,
    cardTypeName: r.type_name,
    quantity: r.quantity,
    paidCents: r.paid_cents,
    payment,
    soldByName: r.sold_by_name,
    authorizedByName: r.authorized_by_name,
    reason: r.reason,
    visitorId: r.visitor_id,
    settlementId: r.settlement_id,
  };
  if (showPrice) entry.listPriceCents = r.list_price_cents;
  return entry;
}

/** The member's history, newest first (the catalogue price only for the roles that may see prices). */
export function loadEntitlements(db: DB, memberId: number, showPrice: boolean): EntitlementEntry[] {
  return q.entitlementsOfMember(db, memberId).map((r) => toEntitlementEntry(db, r, showPrice));
}

export function loadEntitlement(ctx: Ctx, id: number): EntitlementEntry {
  const r = q.entitlementById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'entitlement' });
  return toEntitlementEntry(ctx.db, r, PRICE_ROLES.includes(ctx.requireActor().role));
}

// ---- cards sold (the shift handover) -----------------------------------------------------------

/**
 * Cards sold at the desk in a window [from, to) for the handover book: counts by kind, the money by
 * method (cash withheld before the blind count), and each sale with who sold it and what was paid.
 */
export function cardSalesFigures(db: DB, from: string, to: string, blind: boolean): CardSalesFigures {
  const rows = q.cardSaleEntries(db, from, to);
  const byMethod = { cash: 0, card: 0, mobile: 0, stored_value: 0 };
  for (const r of q.cardSalePaymentsByMethod(db, from, to)) byMethod[r.method] += r.c;
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
