/**
 * The bar's catalogue and stock: items (a price change never alters slips already written),
 * deliveries, and stocktakes (a difference needs a reason and becomes a stock movement). Stock is a
 * ledger of movements, never a stored number.
 */
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import {
  pointsOfRole,
  type barContract,
  type BarItem,
  type BarReport,
  type SalesPoint,
  type StockMoveKind,
} from '../contract';
import * as q from '../queries';
import type { BarItemStockRow } from '../queries';
import { barReport } from './reports';

export function toItem(r: BarItemStockRow): BarItem {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    priceCents: r.price_cents,
    notes: r.notes,
    sort: r.sort,
    active: r.active === 1,
    favourite: r.favourite === 1,
    point: r.point,
    stock: r.stock,
  };
}

/**
 * Refuses an item of a point the acting role does not work at: bar staff sell, receive and count the
 * bar's items, reception the shop's (supervisors both).
 */
export function requirePoint(ctx: Ctx, point: SalesPoint, name: string): void {
  if (!pointsOfRole(ctx.requireActor().role).includes(point))
    throw new AppError('ITEM_OTHER_POINT', { name, point });
}

/** A stocktake's answer for reception: the counts without the money (revenue is not theirs to see). */
function countsOnly(r: BarReport): BarReport {
  const none = { cash: 0, card: 0, mobile: 0, stored_value: 0 };
  return {
    ...r,
    rows: r.rows.map((x) => ({ ...x, salesCents: 0 })),
    salesCents: 0,
    byMethod: none,
    unpaidCents: 0,
    voids: [],
    refunds: { byMethod: none, cashBackOfStoredValueCents: 0 },
    corrections: [],
  };
}

export function getItem(db: DB, id: number): BarItemStockRow {
  const r = q.itemWithStock(db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'barItem' });
  return r;
}

/** Records a stock movement by the acting staff member, now. */
export function stockMove(
  ctx: Ctx,
  itemId: number,
  kind: StockMoveKind,
  quantity: number,
  extra: { lineId?: number; stocktakeId?: number; note?: string } = {},
): void {
  q.insertStockMove(ctx.db, {
    itemId,
    kind,
    quantity,
    lineId: extra.lineId ?? null,
    stocktakeId: extra.stocktakeId ?? null,
    note: extra.note ?? null,
    at: ctx.nowIso(),
    by: ctx.requireActor().id,
  });
}

/** The fields of an item an update may change (compared one by one for the audit). */
const ITEM_FIELDS = [
  'name',
  'category',
  'price_cents',
  'notes',
  'sort',
  'active',
  'favourite',
  'point',
] as const satisfies readonly (keyof q.ItemFields)[];

type CatalogueOps = 'bar.items' | 'bar.itemCreate' | 'bar.itemUpdate' | 'bar.receive' | 'bar.stocktake';

export const catalogueHandlers: HandlersOf<Pick<typeof barContract, CatalogueOps>> = {
  'bar.items': (ctx, a) => q.itemsWithStock(ctx.db, a.includeInactive === true, a.point ?? null).map(toItem),

  'bar.itemCreate': (ctx, a) => {
    if (q.itemNameTaken(ctx.db, a.name, null)) throw new AppError('BAR_ITEM_NAME_TAKEN', { name: a.name });
    const id = q.insertItem(
      ctx.db,
      {
        name: a.name.trim(),
        category: a.category.trim(),
        price_cents: a.priceCents,
        notes: a.notes,
        sort: a.sort ?? 0,
        favourite: a.favourite ? 1 : 0,
        point: a.point ?? 'bar',
      },
      ctx.nowIso(),
    );
    ctx.audit({
      op: 'bar.itemCreate',
      entity: 'barItem',
      entityId: id,
      after: {
        name: a.name,
        category: a.category,
        priceCents: a.priceCents,
        point: a.point ?? 'bar',
        ...(a.favourite ? { favourite: true } : {}),
      },
    });
    return toItem(getItem(ctx.db, id));
  },

  'bar.itemUpdate': (ctx, a) => {
    const it = getItem(ctx.db, a.id);
    if (a.name !== undefined && q.itemNameTaken(ctx.db, a.name, a.id))
      throw new AppError('BAR_ITEM_NAME_TAKEN', { name: a.name });
    const next: q.ItemFields = {
      name: a.name?.trim() ?? it.name,
      category: a.category?.trim() ?? it.category,
      price_cents: a.priceCents ?? it.price_cents,
      notes: a.notes ?? it.notes,
      sort: a.sort ?? it.sort,
      active: a.active === undefined ? it.active : a.active ? 1 : 0,
      favourite: a.favourite === undefined ? it.favourite : a.favourite ? 1 : 0,
      point: a.point ?? it.point,
    };
    q.updateItem(ctx.db, a.id, next, ctx.nowIso());
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of ITEM_FIELDS) {
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
    const it = getItem(ctx.db, a.itemId);
    requirePoint(ctx, it.point, it.name);
    stockMove(ctx, a.itemId, 'delivery', a.quantity, { note: a.note });
    ctx.audit({
      op: 'bar.receive',
      entity: 'barItem',
      entityId: a.itemId,
      after: { quantity: a.quantity, point: it.point },
      detail: a.note,
    });
    return toItem(getItem(ctx.db, a.itemId));
  },

  'bar.stocktake': (ctx, a) => {
    const ids = a.counts.map((c) => c.itemId);
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION', { issues: [{ path: 'counts', code: 'item_twice' }] });
    const point = a.point ?? 'bar';
    if (!pointsOfRole(ctx.requireActor().role).includes(point))
      throw new AppError('ITEM_OTHER_POINT', { name: '', point, reason: 'count' });
    const issues: { path: string; code: string }[] = [];
    const expectedOf = new Map<number, number>();
    a.counts.forEach((c, i) => {
      const it = getItem(ctx.db, c.itemId);
      // a stocktake counts one point: an item of the other point is counted there
      if (it.point !== point) throw new AppError('ITEM_OTHER_POINT', { name: it.name, point: it.point });
      expectedOf.set(c.itemId, it.stock);
      if (c.counted !== it.stock && !c.reason?.trim())
        issues.push({ path: `counts.${i}.reason`, code: 'required' });
    });
    if (issues.length) throw new AppError('VALIDATION', { issues });
    const stocktakeId = q.insertStocktake(ctx.db, {
      kind: a.kind,
      point,
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      note: a.note ?? '',
    });
    for (const c of a.counts) {
      const expected = expectedOf.get(c.itemId)!;
      q.insertStocktakeLine(ctx.db, {
        stocktakeId,
        itemId: c.itemId,
        expected,
        counted: c.counted,
        reason: c.reason?.trim() || null,
      });
      if (c.counted !== expected)
        stockMove(ctx, c.itemId, 'stocktake', c.counted - expected, { stocktakeId, note: c.reason });
    }
    ctx.audit({
      op: 'bar.stocktake',
      entity: 'stocktake',
      entityId: stocktakeId,
      after: {
        kind: a.kind,
        point,
        differences: a.counts
          .filter((c) => c.counted !== expectedOf.get(c.itemId))
          .map((c) => [c.itemId, c.counted - expectedOf.get(c.itemId)!]),
      },
    });
    const today = ctx.today();
    const report = barReport(ctx, today, today, point);
    return ctx.requireActor().role === 'reception' ? countsOnly(report) : report;
  },
};
