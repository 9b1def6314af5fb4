/**
 * The complaints area's contract (投诉处理): the duty manager takes a complaint down, the supervisor
 * of the department concerned investigates, a resolution is agreed (an escalated complaint: the
 * store manager), the outcome is reported and the complaint closed; dated notes in between. Every
 * operation is declared here once: its input, its result, its kind and who may call it. The
 * renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { DateStr, Id, Limit, Name, Narrative, Offset, OpId, Search, ShortText } from '../../contract/common';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_DEADLINE_FILTERS,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  type ComplaintDetail,
  type ComplaintList,
  type ComplaintSatisfactionMonth,
} from './types';

export * from './types';

const ComplaintChannel = z.enum(COMPLAINT_CHANNELS);
const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
const Department = z.enum(DEPARTMENTS);

// ---- operations -----------------------------------------------------------------------------

export const complaintContract = {
  /** The duty manager takes a complaint down: a member (or a name), channel, what, staff, department. */
  'complaints.create': command({
    input: z
      .object({
        memberId: Id.optional(),
        /** Required when no member is given. */
        complainantName: Name.optional(),
        contact: z.string().trim().max(100).optional(),
        channel: ComplaintChannel,
        what: Narrative,
        staffInvolved: ShortText.optional(),
        department: Department,
        /** What the member wants, if they said. */
        desiredOutcome: Narrative.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** Corrects the record or records the supervisor's findings (assigned → investigated). */
  'complaints.update': command({
    input: z
      .object({
        id: Id,
        channel: ComplaintChannel.optional(),
        what: Narrative.optional(),
        contact: z.string().trim().max(100).nullable().optional(),
        staffInvolved: ShortText.optional(),
        department: Department.optional(),
        findings: Narrative.optional(),
        desiredOutcome: Narrative.optional(),
      })
      .strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** Assigns the supervisor of the department concerned. */
  'complaints.assign': command({
    input: z.object({ id: Id, supervisorName: Name, department: Department.optional() }).strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** The agreed resolution and any action on staff (an escalated complaint: the store manager). */
  'complaints.resolve': command({
    input: z.object({ id: Id, resolution: Narrative, staffAction: ShortText.optional() }).strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** Beyond the duty manager's authority: escalated to the store manager with a written report. */
  'complaints.escalate': command({
    input: z.object({ id: Id, report: Narrative }).strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /**
   * The outcome is reported to the store manager: the complaint is closed. It needs the member's
   * desired outcome (given now or recorded before) and what was agreed with the member.
   */
  'complaints.close': command({
    input: z
      .object({ id: Id, desiredOutcome: Narrative.optional(), agreedOutcome: Narrative.optional() })
      .strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** A dated follow-up note (any status). */
  'complaints.addNote': command({
    input: z.object({ id: Id, text: Narrative }).strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  'complaints.list': query({
    input: z
      .object({
        from: DateStr.optional(),
        to: DateStr.optional(),
        status: ComplaintStatus.optional(),
        /** true: only unresolved ones (the open list). */
        open: z.boolean().optional(),
        department: Department.optional(),
        memberId: Id.optional(),
        /** Not closed and due today or tomorrow / past the deadline / either (oldest deadline first). */
        deadline: z.enum(COMPLAINT_DEADLINE_FILTERS).optional(),
        q: Search.optional(),
        limit: Limit.optional(),
        offset: Offset.optional(),
      })
      .strict(),
    output: out<ComplaintList>(),
    access: MANAGERS,
  }),
  'complaints.get': query({
    input: z.object({ id: Id }).strict(),
    output: out<ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** The review: per month of a year, complaints resolved and how their after-care calls answered. */
  'complaints.satisfaction': query({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: out<ComplaintSatisfactionMonth[]>(),
    access: MANAGERS,
  }),
} as const;
