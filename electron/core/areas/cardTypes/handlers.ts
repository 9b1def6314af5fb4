/**
 * The card-types area's rules: names unique ignoring case, a time card needs its duration and a
 * visit card its count, the price shown only to the roles that may see it. The SQL is in queries.ts.
 */
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { PRICE_ROLES } from '../../kernel/roles';
import type { CardTypeInfo, cardTypesContract } from './contract';
import * as q from './queries';
import type { CardTypeCountedRow } from './queries';

/** The price is included only for roles that may see it; for others the field is absent. */
function toInfo(r: CardTypeCountedRow, showPrice: boolean): CardTypeInfo {
  const info: CardTypeInfo = {
    id: r.id,
    name: r.name,
    kind: r.kind,
    durationDays: r.duration_days,
    visitCount: r.visit_count,
    active: r.active === 1,
    memberCount: r.member_count,
  };
  if (showPrice) info.priceCents = r.price_cents;
  return info;
}

function load(ctx: Ctx, id: number): CardTypeCountedRow {
  const r = q.cardTypeById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'cardType' });
  return r;
}

const canSeePrice = (ctx: Ctx) => PRICE_ROLES.includes(ctx.requireActor().role);

/** Names are compared ignoring case, the way the roster import matches a card type by name. */
function nameTaken(ctx: Ctx, name: string, exceptId = 0): boolean {
  const key = name.trim().toLowerCase();
  return q.cardTypeNamesExcept(ctx.db, exceptId).some((n) => n.trim().toLowerCase() === key);
}

export const cardTypeHandlers: HandlersOf<typeof cardTypesContract> = {
  'cardTypes.list': (ctx, { includeInactive }) => {
    const rows = q.listCardTypes(ctx.db, includeInactive ?? false);
    const show = canSeePrice(ctx);
    return rows.map((r) => toInfo(r, show));
  },

  'cardTypes.create': (ctx, a) => {
    const durationDays = a.kind === 'time' ? a.durationDays : null;
    const visitCount = a.kind === 'visits' ? a.visitCount : null;
    if (a.kind === 'time' && !durationDays)
      throw new AppError('VALIDATION', { issues: [{ path: 'durationDays', code: 'required' }] });
    if (a.kind === 'visits' && !visitCount)
      throw new AppError('VALIDATION', { issues: [{ path: 'visitCount', code: 'required' }] });
    if (nameTaken(ctx, a.name)) throw new AppError('CARD_TYPE_NAME_TAKEN', { name: a.name });
    const id = q.insertCardType(
      ctx.db,
      { name: a.name, kind: a.kind, durationDays, visitCount, priceCents: a.priceCents },
      ctx.nowIso(),
    );
    const row = load(ctx, id);
    ctx.audit({ op: 'cardTypes.create', entity: 'card_type', entityId: row.id, after: toInfo(row, true) });
    return toInfo(row, true);
  },

  'cardTypes.update': (ctx, a) => {
    const before = load(ctx, a.id);
    if (a.name !== undefined && nameTaken(ctx, a.name, a.id))
      throw new AppError('CARD_TYPE_NAME_TAKEN', { name: a.name });
    const next = {
      name: a.name ?? before.name,
      duration_days: before.kind === 'time' ? (a.durationDays ?? before.duration_days) : null,
      visit_count: before.kind === 'visits' ? (a.visitCount ?? before.visit_count) : null,
      price_cents: a.priceCents ?? before.price_cents,
      active: a.active === undefined ? before.active : a.active ? 1 : 0,
    };
    if (before.kind === 'time' && !next.duration_days)
      throw new AppError('VALIDATION', { issues: [{ path: 'durationDays', code: 'required' }] });
    if (before.kind === 'visits' && !next.visit_count)
      throw new AppError('VALIDATION', { issues: [{ path: 'visitCount', code: 'required' }] });
    q.updateCardType(ctx.db, a.id, next, ctx.nowIso());
    const after = load(ctx, a.id);
    ctx.audit({
      op: 'cardTypes.update',
      entity: 'card_type',
      entityId: a.id,
      before: toInfo(before, true),
      after: toInfo(after, true),
    });
    return toInfo(after, true);
  },
};
