/**
 * The class timetable and the desk's announcements: `announceLeadMinutes` before each class of the
 * day (and `preClosingAnnounceMinutes` before closing) reception is reminded, announces and marks it
 * announced. One not announced by the time the class starts is missed (shown in the handover).
 */
import type { DB } from '../db/database';
import type { AnnouncementItem, AnnouncementsDue, ClassSlot } from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { addDays, daysBetween, weekdayOf, zonedToUtc } from '../../shared/dates';
import { stmt } from '../kernel/statements';

interface ClassRow {
  id: number;
  weekday: number;
  start_time: string;
  class_name: string;
  room: string;
  instructor: string;
  active: number;
  created_at: string;
}

function toSlot(r: ClassRow): ClassSlot {
  return {
    id: r.id,
    weekday: r.weekday,
    startTime: r.start_time,
    className: r.class_name,
    room: r.room,
    instructor: r.instructor,
    active: r.active === 1,
  };
}

function getClass(db: DB, id: number): ClassRow {
  const r = stmt(db, 'SELECT * FROM class_timetable WHERE id = ?').get(id) as ClassRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'class' });
  return r;
}

interface AnnRow {
  slot: string;
  kind: 'class' | 'closing';
  timetable_id: number | null;
  class_name: string | null;
  room: string | null;
  starts_at: string;
  announced_at: string;
  announced_by_name: string;
}

/** The announcements of one club-local day, with their state at `nowIso`. */
export function dayAnnouncements(ctx: Ctx, day: string): AnnouncementItem[] {
  const tz = ctx.settings.timeZone;
  const nowIso = ctx.nowIso();
  const weekday = weekdayOf(day);
  const done = new Map(
    (
      stmt(
        ctx.db,
        `SELECT a.*, s.name AS announced_by_name FROM announcements a JOIN staff s ON s.id = a.announced_by WHERE a.day = ?`,
      ).all(day) as AnnRow[]
    ).map((r) => [r.slot, r]),
  );
  const lead = ctx.settings.announceLeadMinutes * 60_000;
  const item = (
    slot: string,
    kind: 'class' | 'closing',
    startsAt: Date,
    leadMs: number,
    c: ClassRow | null,
  ): AnnouncementItem => {
    const a = done.get(slot);
    const dueAt = new Date(startsAt.getTime() - leadMs).toISOString();
    const starts = startsAt.toISOString();
    return {
      day,
      slot,
      kind,
      timetableId: c?.id ?? null,
      className: a?.class_name ?? c?.class_name ?? null,
      room: a?.room ?? c?.room ?? null,
      instructor: c?.instructor ?? null,
      startsAt: a?.starts_at ?? starts,
      dueAt,
      status: a ? 'announced' : nowIso < dueAt ? 'upcoming' : nowIso < starts ? 'due' : 'missed',
      announcedAt: a?.announced_at ?? null,
      announcedByName: a?.announced_by_name ?? null,
    };
  };
  const classes = stmt(ctx.db, 'SELECT * FROM class_timetable WHERE weekday = ? ORDER BY start_time, id').all(
    weekday,
  ) as ClassRow[];
  const items: AnnouncementItem[] = [];
  for (const c of classes) {
    const slot = `class:${c.id}`;
    const startsAt = zonedToUtc(day, c.start_time, tz);
    // A class counts from when it was put on the timetable, and while it is on it (or was announced).
    if (!done.has(slot) && (c.active !== 1 || c.created_at > startsAt.toISOString())) continue;
    items.push(item(slot, 'class', startsAt, lead, c));
  }
  items.push(
    item(
      'closing',
      'closing',
      zonedToUtc(day, ctx.settings.closeTime, tz),
      ctx.settings.preClosingAnnounceMinutes * 60_000,
      null,
    ),
  );
  return items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function due(ctx: Ctx): AnnouncementsDue {
  const day = ctx.today();
  const items = dayAnnouncements(ctx, day);
  return { day, items, dueNow: items.filter((i) => i.status === 'due').length };
}

export const announcementHandlers = handlers({
  'classes.list': (ctx, a) =>
    (
      stmt(
        ctx.db,
        `SELECT * FROM class_timetable ${a.includeInactive ? '' : 'WHERE active = 1'} ORDER BY weekday, start_time, id`,
      ).all() as ClassRow[]
    ).map(toSlot),
  'classes.create': (ctx, a) => {
    const now = ctx.nowIso();
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO class_timetable (weekday, start_time, class_name, room, instructor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(a.weekday, a.startTime, a.className, a.room, a.instructor, now, now).lastInsertRowid,
    );
    const slot = toSlot(getClass(ctx.db, id));
    ctx.audit({ op: 'classes.create', entity: 'class', entityId: id, after: slot });
    return slot;
  },
  'classes.update': (ctx, a) => {
    const row = getClass(ctx.db, a.id);
    const before = toSlot(row);
    const next = {
      weekday: a.weekday ?? row.weekday,
      start_time: a.startTime ?? row.start_time,
      class_name: a.className ?? row.class_name,
      room: a.room ?? row.room,
      instructor: a.instructor ?? row.instructor,
      active: a.active === undefined ? row.active : a.active ? 1 : 0,
    };
    stmt(
      ctx.db,
      'UPDATE class_timetable SET weekday = ?, start_time = ?, class_name = ?, room = ?, instructor = ?, active = ?, updated_at = ? WHERE id = ?',
    ).run(
      next.weekday,
      next.start_time,
      next.class_name,
      next.room,
      next.instructor,
      next.active,
      ctx.nowIso(),
      row.id,
    );
    const after = toSlot(getClass(ctx.db, row.id));
    ctx.audit({ op: 'classes.update', entity: 'class', entityId: row.id, before, after });
    return after;
  },
  'announcements.due': (ctx) => due(ctx),
  'announcements.markAnnounced': (ctx, a) => {
    const day = ctx.today();
    const it = dayAnnouncements(ctx, day).find((i) => i.slot === a.slot);
    if (!it) throw new AppError('NOT_FOUND', { entity: 'announcement' });
    if (it.status === 'announced') throw new AppError('ANNOUNCEMENT_DONE');
    if (it.status === 'missed') throw new AppError('ANNOUNCEMENT_PASSED');
    stmt(
      ctx.db,
      'INSERT INTO announcements (day, slot, kind, timetable_id, class_name, room, starts_at, announced_at, announced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      day,
      it.slot,
      it.kind,
      it.timetableId,
      it.className,
      it.room,
      it.startsAt,
      ctx.nowIso(),
      ctx.requireActor().id,
    );
    ctx.audit({
      op: 'announcements.markAnnounced',
      entity: 'announcement',
      entityId: `${day}/${it.slot}`,
      after: { className: it.className, startsAt: it.startsAt },
    });
    return due(ctx);
  },
  'announcements.list': (ctx, a) => {
    if (a.to < a.from || daysBetween(a.from, a.to) > 62)
      throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    const out: AnnouncementItem[] = [];
    for (let d = a.from; d <= a.to; d = addDays(d, 1)) out.push(...dayAnnouncements(ctx, d));
    return out;
  },
});

/** Missed announcements of a period (for the shift handover). */
export function missedAnnouncements(ctx: Ctx, from: string, to: string): AnnouncementItem[] {
  const out: AnnouncementItem[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    out.push(...dayAnnouncements(ctx, d).filter((i) => i.status === 'missed'));
  return out;
}
