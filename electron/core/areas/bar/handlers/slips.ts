/**
 * Slips on a visit's tab: written on the visit of an issued key tag, corrected on the spot (the
 * member confirms; only while the slip is fresh and the tab unpaid), voided (a supervisor's PIN and a
 * reason; a manager's once the member has left, and the money goes back where it came from), and
 * free water for visitors.
 */
import type { DB } from '../../../db/database';
import type { PaymentMethod } from '../../../contract/types';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS, VOID_AUTHORIZERS } from '../../../kernel/roles';
import { findOpenVisit, loadVisitRow, toInsideVisit } from '../../checkin';
import { planBarRefund, storedValueOf, toTabLine, writeBarRefund, type LineRow } from '../../payments';
import { authorize, signedBy } from '../../staff';
import { getTag } from '../../tags';
import { dayBoundsUtc } from '../../../../shared/dates';
import type { barContract, Tab } from '../contract';
import * as q from '../queries';
import { getItem, requirePoint, stockMove } from './catalogue';

/** The end of a slip's correction window (settings.barCorrectionMinutes after it was written). */
function correctableUntil(ctx: Ctx, slipCreatedAt: string): string {
  return new Date(Date.parse(slipCreatedAt) + ctx.settings.barCorrectionMinutes * 60_000).toISOString();
}

/** A visit's tab as the bar and the desk see it. */
export function loadTab(ctx: Ctx, visitId: number, stockWarnings: Tab['stockWarnings'] = []): Tab {
  const v = loadVisitRow(ctx.db, visitId);
  const open = v.checked_out_at === null;
  const rows = q.visitLines(ctx.db, visitId);
  const paidWith = new Map<number, PaymentMethod[]>();
  for (const sid of new Set(rows.map((r) => r.settlement_id).filter((x) => x !== null)))
    paidWith.set(sid, q.settlementMethods(ctx.db, sid));
  const lines = rows.map((r) => ({
    ...toTabLine(r),
    paidWith: r.settlement_id !== null ? (paidWith.get(r.settlement_id) ?? []) : [],
    correctableUntil:
      open && r.settlement_id === null && r.voided_at === null ? correctableUntil(ctx, r.created_at) : null,
  }));
  return {
    visit: toInsideVisit(ctx.db, v),
    open,
    lines,
    unpaidCents: lines.filter((l) => !l.paid && !l.voided).reduce((a, l) => a + l.amountCents, 0),
    totalCents: lines.filter((l) => !l.voided).reduce((a, l) => a + l.amountCents, 0),
    storedValueCents: v.member_id !== null ? storedValueOf(ctx.db, v.member_id) : null,
    stockWarnings,
  };
}

function getLine(db: DB, id: number): LineRow {
  const l = q.lineById(db, id);
  if (!l) throw new AppError('NOT_FOUND', { entity: 'barLine' });
  return l;
}

type SlipOps = 'bar.tab' | 'bar.sell' | 'bar.correctLine' | 'bar.void' | 'bar.water';

export const slipHandlers: HandlersOf<Pick<typeof barContract, SlipOps>> = {
  'bar.tab': (ctx, a) => {
    if ('visitId' in a) return loadTab(ctx, loadVisitRow(ctx.db, a.visitId).id);
    if ('tagNumber' in a) {
      const t = getTag(ctx.db, a.tagNumber);
      if (t.status !== 'issued') throw new AppError('TAG_NOT_ISSUED', { number: a.tagNumber });
    }
    return loadTab(ctx, findOpenVisit(ctx.db, a).id);
  },

  'bar.sell': (ctx, a) => {
    const v = findOpenVisit(ctx.db, { visitId: a.visitId });
    const actor = ctx.requireActor();
    // The items themselves (their stock, a sum over movements, is computed once below): on sale, of
    // a point this role sells at, and one point per slip.
    const items = a.items.map((x) => {
      const it = q.itemById(ctx.db, x.itemId);
      if (!it) throw new AppError('NOT_FOUND', { entity: 'barItem' });
      if (it.active !== 1) throw new AppError('BAR_ITEM_INACTIVE', { name: it.name });
      requirePoint(ctx, it.point, it.name);
      return it;
    });
    const point = items[0]!.point;
    if (items.some((it) => it.point !== point))
      throw new AppError('VALIDATION', { issues: [{ path: 'items', code: 'one_point' }] });
    const slipId = q.insertSlip(ctx.db, v.id, point, ctx.nowIso(), actor.id);
    const warnings: Tab['stockWarnings'] = [];
    const touched = new Set<number>();
    let amountCents = 0;
    for (const [i, x] of a.items.entries()) {
      const it = items[i]!;
      const lineId = q.insertLine(ctx.db, {
        slipId,
        itemId: it.id,
        name: it.name,
        unitPriceCents: it.price_cents,
        quantity: x.quantity,
      });
      amountCents += it.price_cents * x.quantity;
      stockMove(ctx, it.id, 'sale', -x.quantity, { lineId });
      touched.add(it.id);
    }
    for (const id of touched) {
      const it = getItem(ctx.db, id);
      if (it.stock < 0) warnings.push({ itemId: id, name: it.name, stock: it.stock });
    }
    ctx.audit({
      op: 'bar.sell',
      entity: 'visit',
      entityId: v.id,
      // the amount written on the slip: the audit log shows it on the sale's row
      after: {
        slipId,
        point,
        tag: v.tag_number,
        amountCents,
        items: a.items.map((x) => [x.itemId, x.quantity]),
      },
    });
    return loadTab(ctx, v.id, warnings);
  },

  'bar.correctLine': (ctx, a) => {
    const l = getLine(ctx.db, a.lineId);
    const v = loadVisitRow(ctx.db, l.visit_id);
    if (l.voided_at !== null || l.settlement_id !== null || v.checked_out_at !== null)
      throw new AppError('LINE_NOT_CORRECTABLE');
    // The member's confirmation is recorded, but it is the fresh slip and the unpaid tab that allow a
    // correction without a signature: past the window, any change is a void (a supervisor's PIN).
    const ageMs = ctx.now().getTime() - Date.parse(l.created_at);
    if (ageMs >= ctx.settings.barCorrectionMinutes * 60_000)
      throw new AppError('CORRECTION_WINDOW_PASSED', {
        minutes: ctx.settings.barCorrectionMinutes,
        writtenAt: l.created_at,
      });
    if (a.quantity === l.quantity) return loadTab(ctx, v.id);
    const actor = ctx.requireActor();
    // Removed on the spot: kept as a line voided by the bar itself, with no authoriser (not a void).
    if (a.quantity === 0)
      q.removeLine(ctx.db, l.id, ctx.nowIso(), actor.id, 'corrected: removed (member confirmed)');
    else q.setLineQuantity(ctx.db, l.id, a.quantity);
    q.insertCorrection(ctx.db, {
      lineId: l.id,
      before: l.quantity,
      after: a.quantity,
      slipAgeSeconds: Math.max(0, Math.floor(ageMs / 1000)),
      at: ctx.nowIso(),
      by: actor.id,
    });
    stockMove(ctx, l.item_id, 'correction', l.quantity - a.quantity, {
      lineId: l.id,
      note: 'member confirmed',
    });
    ctx.audit({
      op: 'bar.correctLine',
      entity: 'barLine',
      entityId: l.id,
      before: { quantity: l.quantity },
      after: { quantity: a.quantity },
      detail: 'member confirmed',
    });
    return loadTab(ctx, v.id);
  },

  'bar.void': (ctx, a) => {
    if (new Set(a.lineIds).size !== a.lineIds.length)
      throw new AppError('VALIDATION', { issues: [{ path: 'lineIds', code: 'line_twice' }] });
    if (a.quantities && a.quantities.length !== a.lineIds.length)
      throw new AppError('VALIDATION', { issues: [{ path: 'quantities', code: 'one_per_line' }] });
    const lines = a.lineIds.map((id) => getLine(ctx.db, id));
    const visitId = lines[0]!.visit_id;
    if (lines.some((l) => l.visit_id !== visitId))
      throw new AppError('VALIDATION', { issues: [{ path: 'lineIds', code: 'one_visit' }] });
    if (lines.some((l) => l.voided_at !== null)) throw new AppError('LINE_VOIDED');
    const quantities = lines.map((l, i) => a.quantities?.[i] ?? l.quantity);
    const tooMany = quantities.findIndex((n, i) => n > lines[i]!.quantity);
    if (tooMany >= 0)
      throw new AppError('VALIDATION', { issues: [{ path: `quantities.${tooMany}`, code: 'too_big' }] });

    // The signature: the PIN alone names the supervisor; wrong PINs pause this desk's authorisations.
    const who = authorize(ctx, a.authorization, VOID_AUTHORIZERS, 'void');
    const v = loadVisitRow(ctx.db, visitId);

    // Money already paid goes back where it came from; stored value back in cash only with a manager.
    const paid = lines
      .map((l, i) => ({ settlementId: l.settlement_id, amountCents: l.unit_price_cents * quantities[i]! }))
      .filter((p): p is { settlementId: number; amountCents: number } => p.settlementId !== null);
    const parts = planBarRefund(ctx.db, paid, a.cashBack === true);
    const cashBack = parts.some((p) => p.fromMethod === 'stored_value' && p.method === 'cash');
    if (a.cashBack && !cashBack)
      throw new AppError('VALIDATION', { issues: [{ path: 'cashBack', code: 'no_stored_value' }] });
    if (cashBack && !MANAGERS.includes(who.role)) throw new AppError('CASH_BACK_NEEDS_MANAGER');
    // Once the member has left, the slip is theirs as it stands: only a manager changes it.
    if (v.checked_out_at !== null && !MANAGERS.includes(who.role)) throw new AppError('VOID_NEEDS_MANAGER');
    const refund = parts.length
      ? writeBarRefund(ctx, { visitId, memberId: v.member_id, parts, reason: a.reason })
      : null;

    const now = ctx.nowIso();
    const actor = ctx.requireActor();
    const voided: [number, string, number, number][] = [];
    lines.forEach((l, i) => {
      const n = quantities[i]!;
      let lineId = l.id;
      if (n < l.quantity) {
        // Part of the line: the voided part becomes its own line (same slip, price and payment).
        q.setLineQuantity(ctx.db, l.id, l.quantity - n);
        lineId = q.insertSplitLine(ctx.db, l, n);
      }
      q.voidLine(ctx.db, lineId, {
        at: now,
        by: actor.id,
        authorizedBy: who.id,
        reason: a.reason,
        refundSettlementId: l.settlement_id !== null ? (refund?.settlementId ?? null) : null,
      });
      stockMove(ctx, l.item_id, 'void', n, { lineId, note: a.reason });
      voided.push([lineId, l.item_name, n, l.unit_price_cents * n]);
    });
    ctx.audit({
      op: 'bar.void',
      entity: 'visit',
      entityId: visitId,
      after: {
        lines: voided,
        // the amount taken off the slip: the audit log shows it on the void's row
        amountCents: voided.reduce((sum, l) => sum + l[3], 0),
        ...signedBy(who),
        afterCheckout: v.checked_out_at !== null,
        refund: parts.map((p) => [p.method, p.fromMethod, p.amountCents]),
        refundSettlementId: refund?.settlementId ?? null,
      },
      detail: a.reason,
    });
    const given: NonNullable<Tab['refund']> = [];
    for (const p of parts) {
      const same = given.find((g) => g.method === p.method);
      if (same) same.amountCents += p.amountCents;
      else given.push({ method: p.method, amountCents: p.amountCents });
    }
    return { ...loadTab(ctx, visitId), refund: given };
  },

  'bar.water': (ctx, a) => {
    if (a.visitId !== undefined) findOpenVisit(ctx.db, { visitId: a.visitId });
    q.insertWater(ctx.db, a.visitId ?? null, ctx.nowIso(), ctx.requireActor().id);
    const { from, to } = dayBoundsUtc(ctx.today(), ctx.settings.timeZone);
    return { today: q.waterCount(ctx.db, from, to) };
  },
};
