/**
 * Key tags (手牌): a fixed set of numbered tags, each bound to a locker. A tag is issued only while
 * an open visit holds it (a unique index on open visits enforces "never issued twice"). The SQL is
 * in queries.ts; the check-in and the bar use pickTag/getTag/setTagStatus (see index.ts).
 */
import type { DB } from '../../db/database';
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { dayBoundsUtc, localParts } from '../../../shared/dates';
import {
  type KeyTag,
  RESTORABLE_TAG_STATUSES,
  RETIRABLE_TAG_STATUSES,
  type TagBoard,
  type tagsContract,
} from './contract';
import * as q from './queries';
import type { KeyTagRow } from './queries';

export function seedTags(db: DB, count: number, nowIso: string): void {
  for (let n = 1; n <= count; n++) q.insertTag(db, n, nowIso);
}

export function getTag(db: DB, number: number): KeyTagRow {
  const t = q.tagByNumber(db, number);
  if (!t) throw new AppError('TAG_UNKNOWN', { number });
  return t;
}

export const setTagStatus = q.setTagStatus;

/** The tag to issue: the typed number (must be available) or the lowest free one (undefined if none). */
export function pickTag(db: DB, typed: number | undefined): KeyTagRow | undefined {
  if (typed === undefined) return q.lowestFreeTag(db);
  const t = getTag(db, typed);
  if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: typed });
  if (t.status !== 'available') throw new AppError('TAG_NOT_AVAILABLE', { number: typed, status: t.status });
  return t;
}

export function tagBoard(ctx: Ctx): TagBoard {
  const rows = q.tagBoardRows(ctx.db);
  const counts = { available: 0, issued: 0, disinfection: 0, lost: 0, retired: 0, total: rows.length };
  const tags: KeyTag[] = rows.map((r) => {
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
  return !q.disinfectionSentBetween(ctx.db, from, to);
}

/** Loads every numbered tag or refuses the whole batch. */
function loadBatch(db: DB, numbers: readonly number[]): KeyTagRow[] {
  return [...new Set(numbers)].sort((a, b) => a - b).map((n) => getTag(db, n));
}

export const tagHandlers: HandlersOf<typeof tagsContract> = {
  'tags.board': (ctx) => tagBoard(ctx),

  'tags.sendToDisinfection': (ctx, { numbers }) => {
    const tags = loadBatch(ctx.db, numbers);
    for (const t of tags) {
      if (t.status === 'issued') throw new AppError('TAG_IN_USE', { number: t.number });
      if (t.status !== 'available')
        throw new AppError('TAG_NOT_AVAILABLE', { number: t.number, status: t.status });
    }
    for (const t of tags) q.setTagStatus(ctx.db, t.id, 'disinfection', ctx.nowIso());
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
    for (const t of tags) q.markDisinfected(ctx.db, t.id, now);
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
    const clash = q.firstNumberBetween(ctx.db, from, to);
    if (clash !== undefined) throw new AppError('TAG_NUMBER_TAKEN', { number: clash });
    for (let n = from; n <= to; n++) q.insertTag(ctx.db, n, ctx.nowIso());
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
    for (const t of tags) q.setTagStatus(ctx.db, t.id, 'retired', ctx.nowIso());
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
    q.setTagStatus(ctx.db, t.id, 'available', ctx.nowIso());
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
    if (q.tagNumberExists(ctx.db, to)) throw new AppError('TAG_NUMBER_TAKEN', { number: to });
    q.setTagNumber(ctx.db, t.id, to);
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
    q.setTagLocker(ctx.db, t.id, value);
    ctx.audit({
      op: 'tags.setLocker',
      entity: 'key_tags',
      entityId: number,
      before: { locker: t.locker },
      after: { locker: value },
    });
    return tagBoard(ctx);
  },
};
