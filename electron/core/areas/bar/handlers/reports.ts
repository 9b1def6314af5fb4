/**
 * The bar reports: per item the opening stock, deliveries, sales, voids, corrections, the last
 * stocktake and the sales; what was paid by method; the voids with where the money went; the
 * corrections on the spot; the water served; and next month's order list.
 */
import type { PaymentMethod } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { dayBoundsUtc, daysBetween, monthBounds } from '../../../../shared/dates';
import type {
  barContract,
  BarReport,
  BarReportItem,
  OrderListItem,
  SalesPoint,
  StocktakeInfo,
} from '../contract';
import * as q from '../queries';

/**
 * What was paid for bar sales, by method. A settlement of debts may pay bar lines and lost-tag fees
 * together; its payments are allocated to the bar part first, stored value before the others.
 */
export function barPaymentsByMethod(db: DB, fromIso: string, toIso: string): Record<PaymentMethod, number> {
  const out: Record<PaymentMethod, number> = { cash: 0, card: 0, mobile: 0, stored_value: 0 };
  // One query for the settlements of the period with their payments (in payment order), not one
  // query per settlement: a month holds tens of thousands of them.
  const rows = q.barSettlementPayments(db, fromIso, toIso);
  const settlements: { id: number; kind: string; bar_cents: number; ps: typeof rows }[] = [];
  for (const r of rows) {
    const last = settlements[settlements.length - 1];
    if (last && last.id === r.id) last.ps.push(r);
    else settlements.push({ id: r.id, kind: r.kind, bar_cents: r.bar_cents, ps: [r] });
  }
  for (const s of settlements) {
    const ps = s.ps;
    if (s.kind === 'refund') {
      for (const p of ps) out[p.method] += p.amount_cents;
      continue;
    }
    let left = s.bar_cents;
    const ordered = [...ps].sort(
      (a, b) => Number(b.method === 'stored_value') - Number(a.method === 'stored_value'),
    );
    for (const p of ordered) {
      const take = Math.min(left, p.amount_cents);
      out[p.method] += take;
      left -= take;
    }
  }
  return out;
}

/** The stocktakes of [from, to) (one point or both) as the reports list them. */
export function stocktakesBetween(
  db: DB,
  fromIso: string,
  toIso: string,
  point: SalesPoint | null = null,
): StocktakeInfo[] {
  return q.stocktakesBetween(db, fromIso, toIso, point).map((t) => ({
    id: t.id,
    kind: t.kind,
    point: t.point,
    differences: t.differences,
    at: t.at,
    byName: t.by_name,
  }));
}

/**
 * The report of one point (its items, slips, stocktakes) or of both (point null). What was paid by
 * method is the two points together: a check-out pays the whole tab at once.
 */
export function barReport(ctx: Ctx, from: string, to: string, point: SalesPoint | null = null): BarReport {
  if (to < from || daysBetween(from, to) > 366) throw new AppError('RANGE_INVALID', { from, to });
  const tz = ctx.settings.timeZone;
  const a = dayBoundsUtc(from, tz).from;
  const b = dayBoundsUtc(to, tz).to;
  const db = ctx.db;
  const items = q.allItems(db).filter((it) => point === null || it.point === point);
  const moveSums = q.moveSums(db, a, b);
  const sales = q.salesByItem(db, a, b, point);
  // The last stocktake of the period gives counted, expected at that time, and the reason.
  const lastCount = new Map(q.stocktakeCounts(db, a, b).map((c) => [c.item_id, c]));

  const rows: BarReportItem[] = [];
  for (const it of items) {
    const m = moveSums.filter((x) => x.item_id === it.id);
    const inside = (k: string) => m.find((x) => x.kind === k)?.inside ?? 0;
    const opening = m.reduce((x, y) => x + y.before, 0);
    const received = inside('delivery');
    const sold = 0 - inside('sale') || 0;
    const voided = inside('void');
    const corrected = inside('correction');
    const stocktakeAdjusted = inside('stocktake');
    const c = lastCount.get(it.id);
    const salesCents = sales.find((s) => s.item_id === it.id)?.cents ?? 0;
    if (it.active !== 1 && opening === 0 && m.length === 0 && !c) continue;
    const expected = c ? c.expected : opening + received - sold + voided + corrected;
    rows.push({
      itemId: it.id,
      point: it.point,
      name: it.name,
      category: it.category,
      opening,
      received,
      sold,
      voided,
      corrected,
      stocktakeAdjusted,
      expected,
      counted: c ? c.counted : null,
      difference: c ? c.counted - c.expected : null,
      reason: c?.reason ?? null,
      salesCents,
    });
  }
  const voids = q.voidsBetween(db, a, b).filter((v) => point === null || v.point === point);
  // The refunds of voided lines: where the money went, and what had been paid from stored value.
  const refundParts = q.voidRefundParts(db, a, b);
  const refunds: BarReport['refunds'] = {
    byMethod: { cash: 0, card: 0, mobile: 0, stored_value: 0 },
    cashBackOfStoredValueCents: 0,
  };
  for (const p of refundParts) {
    if (p.at < a || p.at >= b) continue;
    refunds.byMethod[p.method] += p.cents;
    if (p.method === 'cash' && p.from_method === 'stored_value')
      refunds.cashBackOfStoredValueCents += p.cents;
  }
  const partsOf = (id: number | null) => refundParts.filter((p) => p.settlement_id === id);
  return {
    from,
    to,
    point,
    rows,
    salesCents: rows.reduce((x, r) => x + r.salesCents, 0),
    byMethod: barPaymentsByMethod(db, a, b),
    unpaidCents: q.unpaidCentsBetween(db, a, b, point),
    voids: voids.map((v) => ({
      lineId: v.id,
      at: v.voided_at,
      name: v.item_name,
      quantity: v.quantity,
      amountCents: v.amount_cents,
      reason: v.void_reason,
      byName: v.by_name,
      authorizedByName: v.auth_name,
      visitName: v.visit_name,
      afterCheckout: v.after_checkout === 1,
      refundCents: v.settlement_id !== null && v.refund_id !== null ? v.amount_cents : 0,
      refundTo: [...new Set(partsOf(v.refund_id).map((p) => p.method))],
      cashBack: partsOf(v.refund_id).some((p) => p.method === 'cash' && p.from_method === 'stored_value'),
    })),
    refunds,
    corrections: q
      .correctionsBetween(db, a, b)
      .filter((c) => point === null || c.point === point)
      .map((c) => ({
        id: c.id,
        at: c.at,
        name: c.item_name,
        quantityBefore: c.quantity_before,
        quantityAfter: c.quantity_after,
        slipAgeMinutes: Math.floor(c.slip_age_seconds / 60),
        byName: c.by_name,
        visitName: c.visit_name,
      })),
    // free water is the bar's
    water: point === 'shop' ? 0 : q.waterCount(db, a, b),
    stocktakes: stocktakesBetween(db, a, b, point),
  };
}

export const reportHandlers: HandlersOf<Pick<typeof barContract, 'bar.report' | 'bar.orderList'>> = {
  'bar.report': (ctx, a) => barReport(ctx, a.from, a.to, a.point ?? null),

  'bar.orderList': (ctx, a): OrderListItem[] => {
    const { first, last } = monthBounds(a.month);
    const r = barReport(ctx, first, last);
    const stockNow = q.stockOfActiveItems(ctx.db);
    return r.rows
      .filter((x) => stockNow.has(x.itemId))
      .map((x) => ({
        itemId: x.itemId,
        name: x.name,
        category: x.category,
        soldLastMonth: x.sold,
        stock: stockNow.get(x.itemId)!,
        suggested: 0,
      }))
      .filter((x) => x.soldLastMonth > x.stock)
      .map((x) => ({ ...x, suggested: x.soldLastMonth - Math.max(0, x.stock) }));
  },
};
