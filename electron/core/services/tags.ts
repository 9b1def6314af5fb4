/**
 * Key tags (手牌): a fixed set of numbered tags, each bound to a locker. A tag is issued only while
 * an open visit holds it (a unique index on open visits enforces "never issued twice").
 */
import type { DB } from '../db/database';
import type { TagBoard, TagRow, TagStatus } from '../contract';
import { RESTORABLE_TAG_STATUSES, RETIRABLE_TAG_STATUSES } from '../contract/types';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { dayBoundsUtc, localParts } from '../../shared/dates';
import { stmt } from '../kernel/statements';

interface TagDbRow {
  id: number;
  number: number;
  locker: string | null;
  status: TagStatus;
  status_since: string;
  last_disinfected_at: string | null;
}

export function seedTags(db: DB, count: number, nowIso: string): void {
  const ins = stmt(db, 'INSERT INTO key_tags (number, status, status_since) VALUES (?, ?, ?)');
  for (let n = 1; n <= count; n++) ins.run(n, 'available', nowIso);
}

export function getTag(db: DB, number: number): TagDbRow {
  const t = stmt(db, 'SELECT * FROM key_tags WHERE number = ?').get(number) as TagDbRow | undefined;
  if (!t) throw new AppError('TAG_UNKNOWN', { number });
  return t;
}

export function lowestFreeTag(db: DB): TagDbRow | undefined {
  return stmt(db, "SELECT * FROM key_tags WHERE status = 'available' ORDER BY number LIMIT 1").get() as
    TagDbRow | undefined;
}

/** The tag to issue: the typed number (must be available) or the lowest free one (undefined if none). */
export function pickTag(db: DB, typed: number | undefined): TagDbRow | undefined {
  if (typed === undefined) return lowestFreeTag(db);
  const t = getTag(db, typed);
  if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: typed });
  if (t.status !== 'available') throw new AppError('TAG_NOT_AVAILABLE', { number: typed, status: t.status });
  return t;
}

export function setTagStatus(db: DB, tagId: number, status: TagStatus, nowIso: string): void {
  stmt(db, 'UPDATE key_tags SET status = ?, status_since = ? WHERE id = ?').run(status, nowIso, tagId);
}

export function tagBoard(ctx: Ctx): TagBoard {
  const rows = stmt(
    ctx.db,
    `SELECT t.*, v.id AS visit_id, v.kind AS visit_kind, v.guest_name, m.name AS member_name, m.card_no
       FROM key_tags t
       LEFT JOIN visits v ON v.tag_id = t.id AND v.checked_out_at IS NULL
       LEFT JOIN members m ON m.id = v.member_id
       ORDER BY t.number`,
  ).all() as (TagDbRow & {
    visit_id: number | null;
    visit_kind: 'member' | 'trial' | 'coach' | null;
    guest_name: string | null;
    member_name: string | null;
    card_no: string | null;
  })[];
  const counts = { available: 0, issued: 0, disinfection: 0, lost: 0, retired: 0, total: rows.length };
  const tags: TagRow[] = rows.map((r) => {
    counts[r.status] += 1;
    return {
      number: r.number,
      locker: r.locker,
      status: r.status,
      since: r.status_since,
      lastDisinfectedAt: r.last_disinfected_at,
      holder:
        r.visit_id !== null && r.visit_kind
          ? {
              visitId: r.visit_id,
              name: r.member_name ?? r.guest_name ?? '',
              kind: r.visit_kind,
              cardNo: r.card_no,
            }
          : null,
    };
  });
  return { tags, counts, disinfectionDueToday: disinfectionDue(ctx) };
}

/** Today is one of the club's disinfection days and no tag has been sent to disinfection today. */
function disinfectionDue(ctx: Ctx): boolean {
  const tz = ctx.settings.timeZone;
  const weekday = localParts(ctx.now(), tz).weekday;
  if (!ctx.settings.disinfectionDays.includes(weekday)) return false;
  const { from, to } = dayBoundsUtc(ctx.today(), tz);
  const sent = stmt(
    ctx.db,
    "SELECT 1 FROM audit_log WHERE op = 'tags.sendToDisinfection' AND at >= ? AND at < ? LIMIT 1",
  ).get(from, to);
  return !sent;
}

/** Loads every numbered tag or refuses the whole batch. */
function loadBatch(db: DB, numbers: readonly number[]): TagDbRow[] {
  return [...new Set(numbers)].sort((a, b) => a - b).map((n) => getTag(db, n));
}

export const tagHandlers = handlers({
  'tags.board': (ctx) => tagBoard(ctx),

  'tags.sendToDisinfection': (ctx, { numbers }) => {
    const tags = loadBatch(ctx.db, numbers);
    for (const t of tags) {
      if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: t.number });
      if (t.status !== 'available')
        throw new AppError('TAG_NOT_AVAILABLE', { number: t.number, status: t.status });
    }
    for (const t of tags) setTagStatus(ctx.db, t.id, 'disinfection', ctx.nowIso());
    ctx.audit({
      op: 'tags.sendToDisinfection',
      entity: 'key_tags',
      after: { numbers: tags.map((t) => t.number) },
    });
    return tagBoard(ctx);
  },

  'tags.returnFromDisinfection': (ctx, { numbers }) => {
    const tags = loadBatch(ctx.db, numbers);
    for (const t of tags) {
      if (t.status !== 'disinfection')
        throw new AppError('TAG_NOT_AVAILABLE', { number: t.number, status: t.status });
    }
    const now = ctx.nowIso();
    for (const t of tags) {
      stmt(
        ctx.db,
        "UPDATE key_tags SET status = 'available', status_since = ?, last_disinfected_at = ? WHERE id = ?",
      ).run(now, now, t.id);
    }
    ctx.audit({
      op: 'tags.returnFromDisinfection',
      entity: 'key_tags',
      after: { numbers: tags.map((t) => t.number) },
    });
    return tagBoard(ctx);
  },

  'tags.add': (ctx, { from, to }) => {
    if (to < from) throw new AppError('VALIDATION', { issues: [{ path: 'to', code: 'range' }] });
    if (to - from >= 2000) throw new AppError('VALIDATION', { issues: [{ path: 'to', code: 'range' }] });
    const clash = stmt(
      ctx.db,
      'SELECT number FROM key_tags WHERE number BETWEEN ? AND ? ORDER BY number LIMIT 1',
    ).get(from, to) as { number: number } | undefined;
    if (clash) throw new AppError('TAG_NUMBER_TAKEN', { number: clash.number });
    const ins = stmt(
      ctx.db,
      "INSERT INTO key_tags (number, status, status_since) VALUES (?, 'available', ?)",
    );
    for (let n = from; n <= to; n++) ins.run(n, ctx.nowIso());
    ctx.audit({ op: 'tags.add', entity: 'key_tags', after: { from, to } });
    return tagBoard(ctx);
  },

  'tags.retire': (ctx, { numbers, reason }) => {
    const tags = loadBatch(ctx.db, numbers);
    for (const t of tags) {
      if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: t.number });
      if (!RETIRABLE_TAG_STATUSES.includes(t.status))
        throw new AppError('TAG_NOT_AVAILABLE', { number: t.number, status: t.status });
    }
    for (const t of tags) setTagStatus(ctx.db, t.id, 'retired', ctx.nowIso());
    ctx.audit({
      op: 'tags.retire',
      entity: 'key_tags',
      before: tags.map((t) => ({ number: t.number, status: t.status })),
      after: { status: 'retired' },
      detail: reason,
    });
    return tagBoard(ctx);
  },

  'tags.restore': (ctx, { number, reason }) => {
    const t = getTag(ctx.db, number);
    if (!RESTORABLE_TAG_STATUSES.includes(t.status)) {
      throw new AppError('TAG_NOT_AVAILABLE', { number, status: t.status });
    }
    setTagStatus(ctx.db, t.id, 'available', ctx.nowIso());
    ctx.audit({
      op: 'tags.restore',
      entity: 'key_tags',
      entityId: number,
      before: { status: t.status },
      after: { status: 'available' },
      detail: reason,
    });
    return tagBoard(ctx);
  },

  'tags.renumber': (ctx, { from, to }) => {
    const t = getTag(ctx.db, from);
    if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: from });
    if (stmt(ctx.db, 'SELECT 1 FROM key_tags WHERE number = ?').get(to))
      throw new AppError('TAG_NUMBER_TAKEN', { number: to });
    stmt(ctx.db, 'UPDATE key_tags SET number = ? WHERE id = ?').run(to, t.id);
    ctx.audit({
      op: 'tags.renumber',
      entity: 'key_tags',
      entityId: t.id,
      before: { number: from },
      after: { number: to },
    });
    return tagBoard(ctx);
  },

  'tags.setLocker': (ctx, { number, locker }) => {
    const t = getTag(ctx.db, number);
    const value = locker && locker.trim() ? locker.trim() : null;
    stmt(ctx.db, 'UPDATE key_tags SET locker = ? WHERE id = ?').run(value, t.id);
    ctx.audit({
      op: 'tags.setLocker',
      entity: 'key_tags',
      entityId: number,
      before: { locker: t.locker },
      after: { locker: value },
    });
    return tagBoard(ctx);
  },
});
