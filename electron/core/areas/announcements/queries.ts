/**
 * All the announcements area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never
 * cast; a `…Row` type is a database row with the database's column names (the contract's types
 * use domain names, see handlers.ts for the mapping).
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { AnnouncementKind } from './types';

/** A row of `class_timetable`. */
export interface ClassRow {
  id: number;
  weekday: number;
  start_time: string;
  class_name: string;
  room: string;
  instructor: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A row of `announcements`: an announcement made (one per day and slot). */
export interface AnnouncementRow {
  id: number;
  day: string;
  slot: string;
  kind: AnnouncementKind;
  timetable_id: number | null;
  class_name: string | null;
  room: string | null;
  starts_at: string;
  announced_at: string;
  announced_by: number;
}

/** An announcement made, with the name of who announced it. */
export interface AnnouncementJoinedRow extends AnnouncementRow {
  announced_by_name: string;
}

// ---- the timetable ----------------------------------------------------------------------------

export function classById(db: DB, id: number): ClassRow | undefined {
  return stmt<[number], ClassRow>(db, 'SELECT * FROM class_timetable WHERE id = ?').get(id);
}

/** The timetable (only the active classes unless asked), by weekday and time. */
export function classes(db: DB, includeInactive: boolean): ClassRow[] {
  return stmt<[], ClassRow>(
    db,
    `SELECT * FROM class_timetable ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY weekday, start_time, id`,
  ).all();
}

/** Every class on a weekday (also inactive ones), by time. */
export function classesOnWeekday(db: DB, weekday: number): ClassRow[] {
  return stmt<[number], ClassRow>(
    db,
    'SELECT * FROM class_timetable WHERE weekday = ? ORDER BY start_time, id',
  ).all(weekday);
}

export interface ClassFields {
  weekday: number;
  startTime: string;
  className: string;
  room: string;
  instructor: string;
}

/** Adds a class to the timetable; its id. */
export function insertClass(db: DB, c: ClassFields, at: string): number {
  return Number(
    stmt<[number, string, string, string, string, string, string]>(
      db,
      'INSERT INTO class_timetable (weekday, start_time, class_name, room, instructor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(c.weekday, c.startTime, c.className, c.room, c.instructor, at, at).lastInsertRowid,
  );
}

export function updateClass(db: DB, id: number, c: ClassFields & { active: number }, at: string): void {
  stmt<[number, string, string, string, string, number, string, number]>(
    db,
    'UPDATE class_timetable SET weekday = ?, start_time = ?, class_name = ?, room = ?, instructor = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(c.weekday, c.startTime, c.className, c.room, c.instructor, c.active, at, id);
}

// ---- announcements ------------------------------------------------------------------------------

/** The announcements made on a club-local day. */
export function announcedOn(db: DB, day: string): AnnouncementJoinedRow[] {
  return stmt<[string], AnnouncementJoinedRow>(
    db,
    `SELECT a.*, s.name AS announced_by_name FROM announcements a JOIN staff s ON s.id = a.announced_by WHERE a.day = ?`,
  ).all(day);
}

export interface NewAnnouncement {
  day: string;
  slot: string;
  kind: AnnouncementKind;
  timetableId: number | null;
  className: string | null;
  room: string | null;
  startsAt: string;
  at: string;
  by: number;
}

export function insertAnnouncement(db: DB, a: NewAnnouncement): void {
  stmt<
    [string, string, AnnouncementKind, number | null, string | null, string | null, string, string, number]
  >(
    db,
    'INSERT INTO announcements (day, slot, kind, timetable_id, class_name, room, starts_at, announced_at, announced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(a.day, a.slot, a.kind, a.timetableId, a.className, a.room, a.startsAt, a.at, a.by);
}
