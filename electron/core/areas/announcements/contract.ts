/**
 * The announcements area's contract: the class timetable (supervisors keep it) and the desk's
 * announcements — each class of the day and the one before closing — with their state now. The
 * renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, SUPERVISORS } from '../../kernel/roles';
import { DateStr, Id, TimeStr } from '../../contract/common';
import type { AnnouncementItem, AnnouncementsDue, ClassSlot } from './types';

export * from './types';

const Text100 = z.string().trim().max(100);
const ClassFields = z
  .object({
    weekday: z.number().int().min(0).max(6),
    startTime: TimeStr,
    className: z.string().trim().min(1).max(100),
    room: Text100,
    instructor: Text100,
  })
  .strict();

export const announcementsContract = {
  'classes.list': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<ClassSlot[]>(),
    access: 'staff',
  }),
  'classes.create': command({ input: ClassFields, output: out<ClassSlot>(), access: SUPERVISORS }),
  'classes.update': command({
    input: ClassFields.partial().extend({ id: Id, active: z.boolean().optional() }).strict(),
    output: out<ClassSlot>(),
    access: SUPERVISORS,
  }),
  /** Today's announcements (classes and the pre-closing one) with their state now. */
  'announcements.due': query({ input: z.object({}).strict(), output: out<AnnouncementsDue>(), access: DESK }),
  'announcements.markAnnounced': command({
    input: z.object({ slot: z.string().regex(/^(class:\d{1,10}|closing)$/, 'slot') }).strict(),
    output: out<AnnouncementsDue>(),
    access: DESK,
  }),
  /** Announcements of past days with their state (missed ones show in the shift handover). */
  'announcements.list': query({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<AnnouncementItem[]>(),
    access: DESK,
  }),
} as const;
