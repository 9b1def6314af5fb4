/**
 * Follow-up calls (回访 / 续卡提醒): the morning list is made from the records (calls.prepare, run
 * when a caller opens the list; it never lists the same reason for the same person twice); a
 * consultant sees and works their own list, a manager everyone's and reassigns; each call's outcome
 * is recorded within the call windows; managers read the monthly and quarterly summary and export it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS, type Role } from '../../kernel/roles';
import { DateStr, Id, TimeStr } from '../../contract/common';
import { MONTH_PATTERN } from '../../../shared/dates';
import {
  CALL_OUTCOMES,
  SATISFACTIONS,
  SUMMARY_PERIODS,
  type CallEntry,
  type CallList,
  type CallSettings,
  type CallSummary,
} from './types';

export * from './types';

/** Who makes calls: consultants and managers. */
const CALLERS: readonly Role[] = ['consultant', ...MANAGERS];

const Days = z.array(z.number().int().min(1).max(365)).min(1).max(5);
const Summary = z
  .object({ period: z.enum(SUMMARY_PERIODS), month: z.string().regex(MONTH_PATTERN, 'month') })
  .strict();

export const callsContract = {
  'calls.settings': query({ input: z.object({}).strict(), output: out<CallSettings>(), access: 'staff' }),
  'calls.updateSettings': command({
    input: z
      .object({
        reminderDays: Days,
        visitsLeft: z.number().int().min(0).max(100),
        absentDays: Days,
        firstCallDays: z.number().int().min(1).max(60),
        windows: z
          .array(z.object({ from: TimeStr, to: TimeStr }).strict())
          .min(1)
          .max(6),
        holidays: z.array(z.object({ date: DateStr, name: z.string().trim().max(100) }).strict()).max(400),
      })
      .strict(),
    output: out<CallSettings>(),
    access: MANAGERS,
  }),
  /** Makes today's list from the records (idempotent); the number of entries and reasons added. */
  'calls.prepare': command({
    input: z.object({}).strict(),
    output: out<{ entries: number; reasons: number }>(),
    access: CALLERS,
  }),
  /** Today's list: a consultant's own; a manager's of one consultant or everyone's. */
  'calls.today': query({
    input: z.object({ consultantId: Id.optional() }).strict(),
    output: out<CallList>(),
    access: CALLERS,
  }),
  /** One call's outcome (only within a call window, not on a holiday). */
  'calls.record': command({
    input: z
      .object({
        entryId: Id,
        outcome: z.enum(CALL_OUTCOMES),
        callbackOn: DateStr.optional(),
        satisfaction: z.enum(SATISFACTIONS).optional(),
        requests: z.string().trim().max(1000).optional(),
        note: z.string().trim().max(1000).optional(),
        /** outcome 'appointment': the visitors' appointment it makes (date, time, place). */
        appointment: z
          .object({ date: DateStr, time: TimeStr.optional(), place: z.string().trim().min(1).max(200) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((a) => (a.outcome === 'call_back') === (a.callbackOn !== undefined), {
        message: 'callbackOn',
        path: ['callbackOn'],
      })
      .refine((a) => (a.outcome === 'appointment') === (a.appointment !== undefined), {
        message: 'appointment',
        path: ['appointment'],
      }),
    output: out<CallEntry>(),
    access: CALLERS,
  }),
  'calls.reassign': command({
    input: z.object({ entryId: Id, consultantId: Id }).strict(),
    output: out<CallEntry>(),
    access: MANAGERS,
  }),
  /** The monthly or quarterly summary (the quarter that holds the month). */
  'calls.summary': query({ input: Summary, output: out<CallSummary>(), access: MANAGERS }),
  /** The summary as CSV (an export: a manager's action, recorded). */
  'calls.summaryCsv': command({
    input: Summary,
    output: out<{ filename: string; csv: string }>(),
    access: MANAGERS,
    announce: false,
  }),
} as const;
