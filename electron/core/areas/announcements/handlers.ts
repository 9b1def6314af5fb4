/**
 * The class timetable and the desk's announcements: `announceLeadMinutes` before each class of the
 * day (and `preClosingAnnounceMinutes` before closing) reception is reminded, announces and marks it
 * announced. One not announced by the time the class starts is missed (shown in the handover). The
 * SQL is in queries.ts.
 */
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { addDays, daysBetween, weekdayOf, zonedToUtc } from '../../../shared/dates';
import type {
  AnnouncementItem,
  AnnouncementKind,
  AnnouncementsDue,
  announcementsContract,
  ClassSlot,
} from './contract';
import * as q from './queries';
import type { ClassRow } from './queries';

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

function getClass(ctx: Ctx, id: number): ClassRow {
  const r = q.classById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'class' });
  return r;
}

/** The announcements of one club-local day, with their state now. */
function dayAnnouncements(ctx: Ctx, day: string): AnnouncementItem[] {
  const tz = ctx.settings.timeZone;
  const nowIso = ctx.nowIso();
  const weekday = weekdayOf(day);
  const done = new Map(q.announcedOn(ctx.db, day).map((r) => [r.slot, r]));
  const lead = ctx.settings.announceLeadMinutes * 60_000;
  const item = (
    slot: string,
    kind: AnnouncementKind,
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
  const items: AnnouncementItem[] = [];
  for (const c of q.classesOnWeekday(ctx.db, weekday)) {
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

/** Missed announcements of a period (for the shift handover). */
export function missedAnnouncements(ctx: Ctx, from: string, to: string): AnnouncementItem[] {
  const out: AnnouncementItem[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    out.push(...dayAnnouncements(ctx, d).filter((i) => i.status === 'missed'));
  return out;
}

function due(ctx: Ctx): AnnouncementsDue {
  const day = ctx.today();
  const items = dayAnnouncements(ctx, day);
  return { day, items, dueNow: items.filter((i) => i.status === 'due').length };
}

// ---- the operations -------------------------------------------------------------------------

export const announcementsHandlers: HandlersOf<typeof announcementsContract> = {
  'classes.list': (ctx, a) => q.classes(ctx.db, !!a.includeInactive).map(toSlot),
  'classes.create': (ctx, a) => {
    const id = q.insertClass(ctx.db, a, ctx.nowIso());
    const slot = toSlot(getClass(ctx, id));
    ctx.audit({ op: 'classes.create', entity: 'class', entityId: id, after: slot });
    return slot;
  },
  'classes.update': (ctx, a) => {
    const row = getClass(ctx, a.id);
    const before = toSlot(row);
    q.updateClass(
      ctx.db,
      row.id,
      {
        weekday: a.weekday ?? row.weekday,
        startTime: a.startTime ?? row.start_time,
        className: a.className ?? row.class_name,
        room: a.room ?? row.room,
        instructor: a.instructor ?? row.instructor,
        active: a.active === undefined ? row.active : a.active ? 1 : 0,
      },
      ctx.nowIso(),
    );
    const after = toSlot(getClass(ctx, row.id));
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
    q.insertAnnouncement(ctx.db, {
      day,
      slot: it.slot,
      kind: it.kind,
      timetableId: it.timetableId,
      className: it.className,
      room: it.room,
      startsAt: it.startsAt,
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
    });
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
};
