/**
 * The drink bar (水吧): the catalogue, stock as a ledger of movements, slips written on the visit of
 * an issued key tag, on-the-spot corrections (the member confirms; only while the slip is fresh and
 * the tab unpaid), voids (a supervisor's PIN and a reason; a manager's once the member has left, and
 * the money goes back where it came from), free water for visitors, stocktakes and the bar reports.
 */
import type { DB } from '../db/database';
import type { BarItem, BarReport, BarReportRow, OrderListRow, PaymentMethod, Tab } from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { MANAGERS, VOID_AUTHORIZERS } from '../permissions';
import { dayBoundsUtc, daysBetween, localDate, localDateTime, monthBounds } from '../../shared/dates';
import { findOpenVisit, loadVisitRow, toInsideVisit } from '../areas/checkin';
import { csvDocument, csvMoney, type CsvValue } from '../../shared/csv';
import { LINE_SELECT, planBarRefund, storedValueOf, toTabLine, writeBarRefund } from './payments';
export { visitTabCents } from './payments';
import { authorize } from '../areas/staff';
import { getTag } from '../areas/tags';
import { stmt } from '../kernel/statements';

interface ItemRow {
  id: number;
  name: string;
  category: string;
  price_cents: number;
  notes: string;
  sort: number;
  active: number;
  stock: number;
}

const ITEM_SELECT = `SELECT i.*, coalesce((SELECT sum(quantity) FROM stock_moves m WHERE m.item_id = i.id), 0) AS stock FROM bar_items i`;

function toItem(r: ItemRow): BarItem {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    priceCents: r.price_cents,
    notes: r.notes,
    sort: r.sort,
    active: r.active === 1,
    stock: r.stock,
  };
}

function getItem(db: DB, id: number): ItemRow {
  const r = stmt(db, `${ITEM_SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'barItem' });
  return r;
}

function stockMove(
  ctx: Ctx,
  itemId: number,
  kind: string,
  quantity: number,
  extra: { lineId?: number; stocktakeId?: number; note?: string } = {},
) {
  stmt(
    ctx.db,
    'INSERT INTO stock_moves (item_id, kind, quantity, line_id, stocktake_id, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    itemId,
    kind,
    quantity,
    extra.lineId ?? null,
    extra.stocktakeId ?? null,
    extra.note ?? null,
    ctx.nowIso(),
    ctx.requireActor().id,
  );
}

function nameTaken(db: DB, name: string, exceptId: number | null): boolean {
  return !!stmt(db, 'SELECT 1 FROM bar_items WHERE lower(trim(name)) = lower(trim(?)) AND id IS NOT ?').get(
    name,
    exceptId,
  );
}

type LineRow = Parameters<typeof toTabLine>[0];

export function visitLines(db: DB, visitId: number): LineRow[] {
  return stmt(db, `${LINE_SELECT} WHERE s.visit_id = ? ORDER BY l.id`).all(visitId) as LineRow[];
}

/** The end of a slip's correction window (settings.barCorrectionMinutes after it was written). */
function correctableUntil(ctx: Ctx, slipCreatedAt: string): string {
  return new Date(Date.parse(slipCreatedAt) + ctx.settings.barCorrectionMinutes * 60_000).toISOString();
}

export function loadTab(ctx: Ctx, visitId: number, stockWarnings: Tab['stockWarnings'] = []): Tab {
  const v = loadVisitRow(ctx.db, visitId);
  const open = v.checked_out_at === null;
  const rows = visitLines(ctx.db, visitId);
  const paidWith = new Map<number, PaymentMethod[]>();
  for (const sid of new Set(rows.map((r) => r.settlement_id).filter((x) => x !== null))) {
    paidWith.set(
      sid,
      (
        stmt(ctx.db, 'SELECT DISTINCT method FROM payments WHERE settlement_id = ? ORDER BY id').all(sid) as {
          method: PaymentMethod;
        }[]
      ).map((p) => p.method),
    );
  }
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
  const l = stmt(db, `${LINE_SELECT} WHERE l.id = ?`).get(id) as LineRow | undefined;
  if (!l) throw new AppError('NOT_FOUND', { entity: 'barLine' });
  return l;
}

// ---- reports -------------------------------------------------------------------------------

const METHODS: PaymentMethod[] = ['cash', 'card', 'mobile', 'stored_value'];

/**
 * What was paid for bar sales, by method. A settlement of debts may pay bar lines and lost-tag fees
 * together; its payments are allocated to the bar part first, stored value before the others.
 */
export function barPaymentsByMethod(db: DB, fromIso: string, toIso: string): Record<PaymentMethod, number> {
  const out: Record<PaymentMethod, number> = { cash: 0, card: 0, mobile: 0, stored_value: 0 };
  // One query for the settlements of the period with their payments (in payment order), not one
  // query per settlement: a month holds tens of thousands of them.
  const rows = stmt(
    db,
    `SELECT s.id, s.kind, s.bar_cents, p.method, p.amount_cents FROM settlements s JOIN payments p ON p.settlement_id = s.id
       WHERE s.at >= ? AND s.at < ? AND ((s.kind IN ('checkout','debts') AND s.bar_cents > 0) OR (s.kind = 'refund' AND s.visit_id IS NOT NULL))
       ORDER BY s.id, p.id`,
  ).all(fromIso, toIso) as {
    id: number;
    kind: string;
    bar_cents: number;
    method: PaymentMethod;
    amount_cents: number;
  }[];
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

export function barReport(ctx: Ctx, from: string, to: string): BarReport {
  if (to < from || daysBetween(from, to) > 366) throw new AppError('RANGE_INVALID', { from, to });
  const tz = ctx.settings.timeZone;
  const a = dayBoundsUtc(from, tz).from;
  const b = dayBoundsUtc(to, tz).to;
  const db = ctx.db;
  const items = stmt(db, 'SELECT * FROM bar_items ORDER BY category, sort, name').all() as ItemRow[];
  const moveSums = stmt(
    db,
    `SELECT item_id, kind, sum(CASE WHEN at < ? THEN quantity ELSE 0 END) AS before,
              sum(CASE WHEN at >= ? AND at < ? THEN quantity ELSE 0 END) AS inside
       FROM stock_moves WHERE at < ? GROUP BY item_id, kind`,
  ).all(a, a, b, b) as { item_id: number; kind: string; before: number; inside: number }[];
  const sales = stmt(
    db,
    `SELECT l.item_id, sum(l.amount_cents) AS cents FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL GROUP BY l.item_id`,
  ).all(a, b) as { item_id: number; cents: number }[];
  // The last stocktake of the period gives counted, expected at that time, and the reason.
  const counts = stmt(
    db,
    `SELECT sl.item_id, sl.expected, sl.counted, sl.reason FROM stocktake_lines sl JOIN stocktakes t ON t.id = sl.stocktake_id
       WHERE t.at >= ? AND t.at < ? ORDER BY t.at, t.id`,
  ).all(a, b) as { item_id: number; expected: number; counted: number; reason: string | null }[];
  const lastCount = new Map(counts.map((c) => [c.item_id, c]));

  const rows: BarReportRow[] = [];
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
  const unpaid = stmt(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL AND l.settlement_id IS NULL`,
  ).get(a, b) as { c: number };
  const voids = stmt(
    db,
    `SELECT l.id, l.voided_at, l.item_name, l.quantity, l.amount_cents, l.void_reason, vb.name AS by_name, ab.name AS auth_name,
              coalesce(m.name, v.guest_name) AS visit_name, l.settlement_id, l.void_refund_settlement_id AS refund_id,
              (v.checked_out_at IS NOT NULL AND v.checked_out_at <= l.voided_at) AS after_checkout
       FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id JOIN visits v ON v.id = s.visit_id
       LEFT JOIN members m ON m.id = v.member_id
       JOIN staff vb ON vb.id = l.voided_by JOIN staff ab ON ab.id = l.void_authorized_by
       WHERE l.voided_at >= ? AND l.voided_at < ? ORDER BY l.voided_at, l.id`,
  ).all(a, b) as {
    id: number;
    voided_at: string;
    item_name: string;
    quantity: number;
    amount_cents: number;
    void_reason: string;
    by_name: string;
    auth_name: string;
    visit_name: string;
    settlement_id: number | null;
    refund_id: number | null;
    after_checkout: number;
  }[];
  // The refunds of voided lines: where the money went, and what had been paid from stored value.
  const refundParts = stmt(
    db,
    `SELECT p.settlement_id, p.method, -p.amount_cents AS cents, rp.from_method, r.at
       FROM settlements r JOIN payments p ON p.settlement_id = r.id LEFT JOIN bar_refund_parts rp ON rp.payment_id = p.id
       WHERE r.kind = 'refund' AND r.id IN (SELECT void_refund_settlement_id FROM bar_slip_lines
         WHERE voided_at >= ? AND voided_at < ? AND void_refund_settlement_id IS NOT NULL)
       ORDER BY p.id`,
  ).all(a, b) as {
    settlement_id: number;
    method: PaymentMethod;
    cents: number;
    from_method: PaymentMethod | null;
    at: string;
  }[];
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
  const corrections = stmt(
    db,
    `SELECT c.id, c.at, l.item_name, c.quantity_before, c.quantity_after, c.slip_age_seconds, st.name AS by_name,
              coalesce(m.name, v.guest_name) AS visit_name
       FROM bar_corrections c JOIN bar_slip_lines l ON l.id = c.line_id JOIN bar_slips s ON s.id = l.slip_id
       JOIN visits v ON v.id = s.visit_id LEFT JOIN members m ON m.id = v.member_id JOIN staff st ON st.id = c.by
       WHERE c.at >= ? AND c.at < ? ORDER BY c.at, c.id`,
  ).all(a, b) as {
    id: number;
    at: string;
    item_name: string;
    quantity_before: number;
    quantity_after: number;
    slip_age_seconds: number;
    by_name: string;
    visit_name: string;
  }[];
  const water = (
    stmt(db, 'SELECT count(*) AS n FROM bar_water WHERE at >= ? AND at < ?').get(a, b) as { n: number }
  ).n;
  const stocktakes = stmt(
    db,
    'SELECT t.id, t.kind, t.at, s.name AS by_name FROM stocktakes t JOIN staff s ON s.id = t.by WHERE t.at >= ? AND t.at < ? ORDER BY t.at',
  ).all(a, b) as { id: number; kind: 'daily' | 'month_end'; at: string; by_name: string }[];
  return {
    from,
    to,
    rows,
    salesCents: rows.reduce((x, r) => x + r.salesCents, 0),
    byMethod: barPaymentsByMethod(db, a, b),
    unpaidCents: unpaid.c,
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
    corrections: corrections.map((c) => ({
      id: c.id,
      at: c.at,
      name: c.item_name,
      quantityBefore: c.quantity_before,
      quantityAfter: c.quantity_after,
      slipAgeMinutes: Math.floor(c.slip_age_seconds / 60),
      byName: c.by_name,
      visitName: c.visit_name,
    })),
    water,
    stocktakes: stocktakes.map((t) => ({ id: t.id, kind: t.kind, at: t.at, byName: t.by_name })),
  };
}

const CSV_HEADERS = {
  'zh-CN': ['品类', '商品', '期初', '进货', '售出', '作废', '更正', '应有', '实盘', '差异', '原因', '销售额'],
  en: [
    'Category',
    'Item',
    'Opening',
    'Received',
    'Sold',
    'Voided',
    'Corrected',
    'Expected',
    'Counted',
    'Difference',
    'Reason',
    'Sales',
  ],
} as const;

const VOID_CSV_HEADERS = {
  'zh-CN': [
    '作废时间',
    '商品',
    '数量',
    '金额',
    '会员/客人',
    '原因',
    '作废人',
    '授权人',
    '退款',
    '退款方式',
    '离场后作废',
    '储值退现金',
  ],
  en: [
    'Voided at',
    'Item',
    'Qty',
    'Amount',
    'Member / guest',
    'Reason',
    'Voided by',
    'Authorised by',
    'Refund',
    'Refunded to',
    'After check-out',
    'Stored value paid back in cash',
  ],
} as const;

export const barHandlers = handlers({
  'bar.items': (ctx, a) =>
    (
      stmt(
        ctx.db,
        `${ITEM_SELECT} ${a.includeInactive ? '' : 'WHERE i.active = 1'} ORDER BY i.category, i.sort, i.name`,
      ).all() as ItemRow[]
    ).map(toItem),

  'bar.itemCreate': (ctx, a) => {
    if (nameTaken(ctx.db, a.name, null)) throw new AppError('BAR_ITEM_NAME_TAKEN', { name: a.name });
    const now = ctx.nowIso();
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO bar_items (name, category, price_cents, notes, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(a.name.trim(), a.category.trim(), a.priceCents, a.notes, a.sort ?? 0, now, now).lastInsertRowid,
    );
    ctx.audit({
      op: 'bar.itemCreate',
      entity: 'barItem',
      entityId: id,
      after: { name: a.name, category: a.category, priceCents: a.priceCents },
    });
    return toItem(getItem(ctx.db, id));
  },

  'bar.itemUpdate': (ctx, a) => {
    const it = getItem(ctx.db, a.id);
    if (a.name !== undefined && nameTaken(ctx.db, a.name, a.id))
      throw new AppError('BAR_ITEM_NAME_TAKEN', { name: a.name });
    const next = {
      name: a.name?.trim() ?? it.name,
      category: a.category?.trim() ?? it.category,
      price_cents: a.priceCents ?? it.price_cents,
      notes: a.notes ?? it.notes,
      sort: a.sort ?? it.sort,
      active: a.active === undefined ? it.active : a.active ? 1 : 0,
    };
    stmt(
      ctx.db,
      'UPDATE bar_items SET name = ?, category = ?, price_cents = ?, notes = ?, sort = ?, active = ?, updated_at = ? WHERE id = ?',
    ).run(next.name, next.category, next.price_cents, next.notes, next.sort, next.active, ctx.nowIso(), a.id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      if (next[k] !== it[k]) {
        before[k] = it[k];
        after[k] = next[k];
      }
    }
    if (Object.keys(after).length)
      ctx.audit({ op: 'bar.itemUpdate', entity: 'barItem', entityId: a.id, before, after });
    return toItem(getItem(ctx.db, a.id));
  },

  'bar.receive': (ctx, a) => {
    getItem(ctx.db, a.itemId);
    stockMove(ctx, a.itemId, 'delivery', a.quantity, { note: a.note });
    ctx.audit({
      op: 'bar.receive',
      entity: 'barItem',
      entityId: a.itemId,
      after: { quantity: a.quantity },
      detail: a.note,
    });
    return toItem(getItem(ctx.db, a.itemId));
  },

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
    const slipId = Number(
      stmt(ctx.db, 'INSERT INTO bar_slips (visit_id, created_at, created_by) VALUES (?, ?, ?)').run(
        v.id,
        ctx.nowIso(),
        actor.id,
      ).lastInsertRowid,
    );
    const warnings: Tab['stockWarnings'] = [];
    const touched = new Set<number>();
    for (const x of a.items) {
      // The item itself (its stock, a sum over its movements, is computed once below).
      const it = stmt(ctx.db, 'SELECT * FROM bar_items WHERE id = ?').get(x.itemId) as ItemRow | undefined;
      if (!it) throw new AppError('NOT_FOUND', { entity: 'barItem' });
      if (it.active !== 1) throw new AppError('BAR_ITEM_INACTIVE', { name: it.name });
      const lineId = Number(
        stmt(
          ctx.db,
          'INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(slipId, it.id, it.name, it.price_cents, x.quantity, it.price_cents * x.quantity)
          .lastInsertRowid,
      );
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
      after: { slipId, tag: v.tag_number, items: a.items.map((x) => [x.itemId, x.quantity]) },
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
    if (a.quantity === 0) {
      // Removed on the spot: kept as a line voided by the bar itself, with no authoriser (not a void).
      stmt(
        ctx.db,
        'UPDATE bar_slip_lines SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?',
      ).run(ctx.nowIso(), actor.id, 'corrected: removed (member confirmed)', l.id);
    } else {
      stmt(
        ctx.db,
        'UPDATE bar_slip_lines SET quantity = ?, amount_cents = unit_price_cents * ? WHERE id = ?',
      ).run(a.quantity, a.quantity, l.id);
    }
    stmt(
      ctx.db,
      `INSERT INTO bar_corrections (line_id, quantity_before, quantity_after, slip_age_seconds, member_confirmed, at, by)
         VALUES (?, ?, ?, ?, 1, ?, ?)`,
    ).run(l.id, l.quantity, a.quantity, Math.max(0, Math.floor(ageMs / 1000)), ctx.nowIso(), actor.id);
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
    const tooMany = quantities.findIndex((q, i) => q > lines[i]!.quantity);
    if (tooMany >= 0)
      throw new AppError('VALIDATION', { issues: [{ path: `quantities.${tooMany}`, code: 'too_big' }] });

    // The signature: a wrong PIN counts towards that person's lockout (staff.verifyPin).
    const who = authorize(ctx, a.authorization, VOID_AUTHORIZERS);
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
      const q = quantities[i]!;
      let lineId = l.id;
      if (q < l.quantity) {
        // Part of the line: the voided part becomes its own line (same slip, price and payment).
        stmt(
          ctx.db,
          'UPDATE bar_slip_lines SET quantity = ?, amount_cents = unit_price_cents * ? WHERE id = ?',
        ).run(l.quantity - q, l.quantity - q, l.id);
        lineId = Number(
          stmt(
            ctx.db,
            `INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, settlement_id, split_from)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            l.slip_id,
            l.item_id,
            l.item_name,
            l.unit_price_cents,
            q,
            l.unit_price_cents * q,
            l.settlement_id,
            l.id,
          ).lastInsertRowid,
        );
      }
      stmt(
        ctx.db,
        `UPDATE bar_slip_lines SET voided_at = ?, voided_by = ?, void_authorized_by = ?, void_reason = ?,
             void_refund_settlement_id = ? WHERE id = ?`,
      ).run(
        now,
        actor.id,
        who.id,
        a.reason,
        l.settlement_id !== null ? (refund?.settlementId ?? null) : null,
        lineId,
      );
      stockMove(ctx, l.item_id, 'void', q, { lineId, note: a.reason });
      voided.push([lineId, l.item_name, q, l.unit_price_cents * q]);
    });
    ctx.audit({
      op: 'bar.void',
      entity: 'visit',
      entityId: visitId,
      after: {
        lines: voided,
        authorizedBy: who.id,
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
    stmt(ctx.db, 'INSERT INTO bar_water (visit_id, at, by) VALUES (?, ?, ?)').run(
      a.visitId ?? null,
      ctx.nowIso(),
      ctx.requireActor().id,
    );
    const { from, to } = dayBoundsUtc(ctx.today(), ctx.settings.timeZone);
    return {
      today: (
        stmt(ctx.db, 'SELECT count(*) AS n FROM bar_water WHERE at >= ? AND at < ?').get(from, to) as {
          n: number;
        }
      ).n,
    };
  },

  'bar.stocktake': (ctx, a) => {
    const ids = a.counts.map((c) => c.itemId);
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION', { issues: [{ path: 'counts', code: 'item_twice' }] });
    const issues: { path: string; code: string }[] = [];
    const expectedOf = new Map<number, number>();
    a.counts.forEach((c, i) => {
      const it = getItem(ctx.db, c.itemId);
      expectedOf.set(c.itemId, it.stock);
      if (c.counted !== it.stock && !c.reason?.trim())
        issues.push({ path: `counts.${i}.reason`, code: 'required' });
    });
    if (issues.length) throw new AppError('VALIDATION', { issues });
    const stocktakeId = Number(
      stmt(ctx.db, 'INSERT INTO stocktakes (kind, at, by, note) VALUES (?, ?, ?, ?)').run(
        a.kind,
        ctx.nowIso(),
        ctx.requireActor().id,
        a.note ?? '',
      ).lastInsertRowid,
    );
    for (const c of a.counts) {
      const expected = expectedOf.get(c.itemId)!;
      stmt(
        ctx.db,
        'INSERT INTO stocktake_lines (stocktake_id, item_id, expected, counted, reason) VALUES (?, ?, ?, ?, ?)',
      ).run(stocktakeId, c.itemId, expected, c.counted, c.reason?.trim() || null);
      if (c.counted !== expected)
        stockMove(ctx, c.itemId, 'stocktake', c.counted - expected, { stocktakeId, note: c.reason });
    }
    ctx.audit({
      op: 'bar.stocktake',
      entity: 'stocktake',
      entityId: stocktakeId,
      after: {
        kind: a.kind,
        differences: a.counts
          .filter((c) => c.counted !== expectedOf.get(c.itemId))
          .map((c) => [c.itemId, c.counted - expectedOf.get(c.itemId)!]),
      },
    });
    const today = ctx.today();
    return barReport(ctx, today, today);
  },

  'bar.report': (ctx, a) => barReport(ctx, a.from, a.to),

  'bar.reportCsv': (ctx, a) => {
    const r = barReport(ctx, a.from, a.to);
    const lang = ctx.settings.language;
    const rows: (readonly CsvValue[])[] = [CSV_HEADERS[lang]];
    for (const x of r.rows) {
      rows.push([
        x.category,
        x.name,
        x.opening,
        x.received,
        x.sold,
        x.voided,
        x.corrected,
        x.expected,
        x.counted,
        x.difference,
        x.reason,
        csvMoney(x.salesCents),
      ]);
    }
    rows.push([]);
    const label =
      lang === 'en'
        ? { total: 'Sales', unpaid: 'Unpaid', water: 'Water served' }
        : { total: '销售额', unpaid: '未付', water: '免费饮水' };
    rows.push([label.total, csvMoney(r.salesCents)]);
    for (const m of METHODS) rows.push([m, csvMoney(r.byMethod[m])]);
    rows.push([label.unpaid, csvMoney(r.unpaidCents)]);
    rows.push([label.water, r.water]);
    // The void list, as on the screen: who voided, who authorised, why, and where the money went.
    rows.push([]);
    rows.push(VOID_CSV_HEADERS[lang]);
    for (const v of r.voids) {
      rows.push([
        localDateTime(v.at, ctx.settings.timeZone),
        v.name,
        v.quantity,
        csvMoney(v.amountCents),
        v.visitName,
        v.reason,
        v.byName,
        v.authorizedByName,
        csvMoney(v.refundCents),
        v.refundTo.join(' + '),
        v.afterCheckout ? 1 : 0,
        v.cashBack ? 1 : 0,
      ]);
    }
    ctx.audit({ op: 'bar.reportCsv', entity: 'barReport', detail: `${a.from}..${a.to}` });
    return { filename: `bar-${a.from}_${a.to}.csv`, csv: csvDocument(rows) };
  },

  'bar.orderList': (ctx, a): OrderListRow[] => {
    const { first, last } = monthBounds(a.month);
    const r = barReport(ctx, first, last);
    const stockNow = new Map(
      (stmt(ctx.db, `${ITEM_SELECT} WHERE i.active = 1`).all() as ItemRow[]).map((i) => [i.id, i.stock]),
    );
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
});

/** The club-local date of an instant (for reports and receipts). */
export function clubDate(ctx: Ctx, iso: string): string {
  return localDate(new Date(iso), ctx.settings.timeZone);
}
