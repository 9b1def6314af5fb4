/** Card types (卡种): time-based (a duration) or visit-based (a count), with a price. */
import type { CardTypeInfo } from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { PRICE_ROLES } from '../permissions';
import { stmt } from '../kernel/statements';

interface Row {
  id: number;
  name: string;
  kind: 'time' | 'visits';
  duration_days: number | null;
  visit_count: number | null;
  price_cents: number;
  active: number;
  member_count: number;
}

/** The price is included only for roles that may see it; for others the field is absent. */
function toInfo(r: Row, showPrice: boolean): CardTypeInfo {
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

const SELECT = `SELECT t.*, (SELECT count(*) FROM members m WHERE m.card_type_id = t.id) AS member_count FROM card_types t`;

function load(ctx: Ctx, id: number): Row {
  const r = stmt(ctx.db, `${SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'cardType' });
  return r;
}

const canSeePrice = (ctx: Ctx) => PRICE_ROLES.includes(ctx.requireActor().role);

/** Names are compared ignoring case, the way the roster import matches a card type by name. */
function nameTaken(ctx: Ctx, name: string, exceptId = 0): boolean {
  const key = name.trim().toLowerCase();
  const rows = stmt(ctx.db, 'SELECT name FROM card_types WHERE id != ?').all(exceptId) as {
    name: string;
  }[];
  return rows.some((r) => r.name.trim().toLowerCase() === key);
}

export const cardTypeHandlers = handlers({
  'cardTypes.list': (ctx, { includeInactive }) => {
    const rows = stmt(
      ctx.db,
      `${SELECT} ${includeInactive ? '' : 'WHERE t.active = 1'} ORDER BY t.active DESC, t.kind, t.name`,
    ).all() as Row[];
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
    const r = stmt(
      ctx.db,
      `INSERT INTO card_types (name, kind, duration_days, visit_count, price_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.name, a.kind, durationDays, visitCount, a.priceCents, ctx.nowIso(), ctx.nowIso());
    const row = load(ctx, Number(r.lastInsertRowid));
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
    stmt(
      ctx.db,
      'UPDATE card_types SET name = ?, duration_days = ?, visit_count = ?, price_cents = ?, active = ?, updated_at = ? WHERE id = ?',
    ).run(next.name, next.duration_days, next.visit_count, next.price_cents, next.active, ctx.nowIso(), a.id);
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
});
