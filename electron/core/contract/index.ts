/**
 * The one contract between the renderer and the core: every named operation with its argument
 * schema (validated with zod in the core, never trusted from the renderer), its result type, its
 * kind (query or command) and who may call it (kernel/op.ts). Transports (Electron IPC, the
 * loopback server) carry only these operations; the renderer imports the types and lists from here.
 *
 * This file composes the areas' contracts (`...checkinContract` from areas/checkin/contract.ts) and
 * re-exports their types. The operations still declared below (and in ./visitors.ts, ./shift.ts)
 * belong to areas not yet moved to electron/core/areas/; each moves to its area's contract.ts.
 */
import { z } from 'zod';
import { command, out, query } from '../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../kernel/roles';
import {
  Authorization,
  CardNo,
  Cents,
  DateStr,
  Empty,
  Gender,
  Id,
  LongText,
  Name,
  OpId,
  PaymentParts,
  Phone,
  Reason,
  ShortText,
  TagNumber,
} from './common';
import type * as T from './types';
import {
  ATTACHMENT_TYPES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  DESK_PAYMENT_METHODS,
  FOLLOW_UP_KINDS,
  IMPORT_FIELDS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  STOCKTAKE_KINDS,
} from './types';
import { LOCAL_DATE_TIME_PATTERN, MONTH_PATTERN } from '../../shared/dates';
import { auditContract } from '../areas/audit/contract';
import { cardTypesContract } from '../areas/cardTypes/contract';
import { checkinContract } from '../areas/checkin/contract';
import { sessionContract } from '../areas/session/contract';
import { settingsContract } from '../areas/settings/contract';
import { systemContract } from '../areas/system/contract';
import { tagsContract } from '../areas/tags/contract';
import { staffContract } from '../areas/staff/contract';
import { visitorContract } from './visitors';
import { shiftContract } from './shift';

export * from './types';
export * from '../areas/audit/contract';
export * from '../areas/cardTypes/contract';
export * from '../areas/checkin/contract';
export * from '../areas/session/contract';
export * from '../areas/settings/contract';
export * from '../areas/system/contract';
export * from '../areas/tags/contract';
export * from '../areas/staff/contract';
export * from './visitors';
export * from './shift';
export * from './patterns';
export * from '../kernel/roles';

const MemberFields = z
  .object({
    cardNo: CardNo,
    name: Name,
    gender: Gender,
    phone: Phone.nullable(),
    birthDate: DateStr.nullable(),
    cardTypeId: Id,
    startDate: DateStr,
    /** Time-based cards: defaults to start + duration. Visit cards: optional expiry. */
    expiryDate: DateStr.nullable(),
    /** Visit-based cards: defaults to the card type's count. */
    visitsLeft: z.number().int().min(0).max(100_000).nullable(),
    consultantId: Id.nullable(),
    notes: LongText,
  })
  .strict();

/** What stays editable at the desk: the member's personal details (entitlements have their own operations). */
const PersonalFields = z
  .object({
    cardNo: CardNo,
    name: Name,
    gender: Gender,
    phone: Phone.nullable(),
    birthDate: DateStr.nullable(),
    notes: LongText,
  })
  .strict();

const ImportMapping = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(200).optional()])))
  .strict();

const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'jobId');

/** A file column (0-based). */
const ColumnIndex = z.number().int().min(0).max(200);
const ImportOptions = z
  .object({
    /** Columns added to the notes as "header: value" (any number of them). */
    noteColumns: z.array(ColumnIndex).max(200).optional(),
    /** The club keeps national ID numbers: required to import a column mapped as nationalId. */
    keepNationalId: z.boolean().optional(),
    /**
     * Consultant names of the file that match no active staff member (or several): the staff member
     * to use, or null to import those members without a consultant.
     */
    consultants: z
      .array(z.object({ name: z.string().trim().min(1).max(100), staffId: Id.nullable() }).strict())
      .max(1000)
      .optional(),
  })
  .strict();

/**
 * A card sold at the desk: the amount actually paid, typed from the consultant's sales slip (the
 * desk never sees catalogue prices), paid in up to four parts that add up to it. A card given
 * without payment (amount 0) needs a shift lead's or manager's authorisation with a reason.
 */
const CardSaleFields = {
  cardTypeId: Id,
  /** How many periods (time cards) or visit packs (visit cards) of the card type. */
  quantity: z.number().int().min(1).max(10),
  amountCents: Cents,
  /** Required when the amount is not 0. */
  parts: PaymentParts.optional(),
  /** The consultant who sold the card (optional). */
  soldById: Id.nullable().optional(),
  authorization: Authorization.optional(),
  opId: OpId.optional(),
};

const Quantity = z.number().int().min(1).max(999);
const BarItemFields = z
  .object({
    name: Name,
    category: z.string().trim().min(1).max(50),
    priceCents: Cents,
    notes: LongText,
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
const TabRef = z.union([
  z.object({ visitId: Id }).strict(),
  z.object({ tagNumber: TagNumber }).strict(),
  z.object({ cardNo: CardNo }).strict(),
]);
const MonthStr = z.string().regex(MONTH_PATTERN, 'month');

// ---- incidents and complaints --------------------------------------------------------------
/** A club-local date and time as a datetime-local input gives it: "2026-11-18T14:30". */
const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME_PATTERN, 'dateTime')
  .refine((s) => DateStr.safeParse(s.slice(0, 10)).success, 'dateTime');
const Place = z.string().trim().min(1).max(200);
const Narrative = z.string().trim().min(1).max(5000);
/** A text field a form may clear: '' and null both clear it. */
const OptText = z.string().trim().max(5000).nullable();
const OptName = z.string().trim().max(100).nullable();
const IncidentKind = z.enum(INCIDENT_KINDS);
const IncidentSeverity = z.enum(INCIDENT_SEVERITIES);
const IncidentStatus = z.enum(INCIDENT_STATUSES);
const FollowUpKind = z.enum(FOLLOW_UP_KINDS);
const Department = z.enum(DEPARTMENTS);
const ComplaintChannel = z.enum(COMPLAINT_CHANNELS);
const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
const Search = z.string().max(100);
const Limit = z.number().int().min(1).max(500);
const Offset = z.number().int().min(0).max(10_000_000);
const IncidentFilterFields = {
  /** Club-local dates of occurrence, inclusive. */
  from: DateStr.optional(),
  to: DateStr.optional(),
  kind: IncidentKind.optional(),
  status: IncidentStatus.optional(),
  severity: IncidentSeverity.optional(),
  memberId: Id.optional(),
  /** Opened by, told, took the statement, went to hospital, or has a follow-up. */
  staffId: Id.optional(),
  q: Search.optional(),
  /** Only incidents with a follow-up not done that is due today, overdue, or either. */
  followUps: z.enum(['due_today', 'overdue', 'due']).optional(),
};
const IncidentUpdateFields = z
  .object({
    occurredAt: LocalDateTime,
    place: Place,
    what: Narrative,
    kind: IncidentKind,
    severity: IncidentSeverity.nullable(),
    /** Links a member (card number, name, gender and age are copied) or unlinks (null). */
    memberId: Id.nullable(),
    /** Someone who is not a member, or a correction of the copied details. */
    memberName: OptName,
    memberGender: Gender.nullable(),
    memberAge: z.number().int().min(0).max(150).nullable(),
    harm: OptText,
    csManagerId: Id.nullable(),
    csManagerToldAt: LocalDateTime.nullable(),
    dutyCoach: OptName,
    dutyCoachToldAt: LocalDateTime.nullable(),
    firstAidBy: OptName,
    firstAid: OptText,
    statementTakenById: Id.nullable(),
    statementSignedAt: LocalDateTime.nullable(),
    hospital: z.boolean(),
    /** The hospital decision "no": why not. */
    noHospitalReason: OptText,
    hospitalName: z.string().trim().max(200).nullable(),
    hospitalAccompaniedById: Id.nullable(),
    examinationCostCents: Cents.nullable(),
    examinationResult: OptText,
    examConfirmedAt: LocalDateTime.nullable(),
    memberRequest: OptText,
    compensationAskedCents: Cents.nullable(),
    compensationAgreedCents: Cents.nullable(),
    handlingOpinion: OptText,
    /** The member's consultant was told: when, and by whom. */
    consultantToldAt: LocalDateTime.nullable(),
    consultantToldById: Id.nullable(),
  })
  .partial();

export const contract = {
  // ---- system, setup, backups (areas/system) ----------------------------------------------
  ...systemContract,

  // ---- session (areas/session) -------------------------------------------------------------
  ...sessionContract,

  // ---- settings, staff, audit --------------------------------------------------------------
  ...settingsContract,
  ...staffContract,
  ...auditContract,

  // ---- card types and members --------------------------------------------------------------
  ...cardTypesContract,
  'members.search': query({
    input: z.object({ q: z.string().max(100), limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: out<T.MemberSummary[]>(),
    access: [...DESK, 'bar', 'consultant'],
  }),
  'members.get': query({
    input: z.object({ id: Id }).strict(),
    output: out<T.MemberDetail>(),
    access: [...DESK, 'consultant'],
  }),
  // Entitlements change only through explicit operations: a card is sold or renewed at the desk
  // (money in the shift's drawer), a manager registers a card sold before or corrects one.
  /** A manager registers a member whose card was sold before (no sale, no payment): recorded as 'registered'. */
  'members.create': command({ input: MemberFields, output: out<T.MemberDetail>(), access: MANAGERS }),
  /**
   * The member's personal details (the desk). The entitlement (card type, dates, visits, active)
   * changes only through members.sell / renew / freeze / unfreeze / correct; the consultant only by a manager.
   */
  'members.update': command({
    input: PersonalFields.partial().extend({ id: Id, consultantId: Id.nullable().optional() }).strict(),
    output: out<T.MemberDetail>(),
    access: [...DESK, 'consultant'],
  }),
  /** A new member with a card sold at the desk; `visitorId`: the registered visitor who joined. */
  'members.sell': command({
    input: PersonalFields.extend({
      ...CardSaleFields,
      /** The first day of the card: today (default) or a later day within 90 days. */
      startDate: DateStr.optional(),
      visitorId: Id.optional(),
    }).strict(),
    output: out<T.CardSaleResult>(),
    access: DESK,
  }),
  /**
   * Renewal (the member's own card type: the period continues after the current one, visits are
   * added) or upgrade (another card type: the new card replaces the current one from today).
   */
  'members.renew': command({
    input: z.object({ id: Id, ...CardSaleFields }).strict(),
    output: out<T.CardSaleResult>(),
    access: DESK,
  }),
  /** A manager's correction of the entitlement, with a reason (recorded before and after). */
  'members.correct': command({
    input: z
      .object({
        id: Id,
        cardTypeId: Id.optional(),
        startDate: DateStr.optional(),
        expiryDate: DateStr.nullable().optional(),
        visitsLeft: z.number().int().min(0).max(100_000).nullable().optional(),
        active: z.boolean().optional(),
        reason: Reason,
      })
      .strict(),
    output: out<T.MemberDetail>(),
    access: MANAGERS,
  }),
  'members.freeze': command({
    input: z.object({ id: Id, fromDate: DateStr, toDate: DateStr, reason: Reason }).strict(),
    output: out<T.MemberDetail>(),
    access: [...SUPERVISORS, 'consultant'],
  }),
  'members.unfreeze': command({
    input: z.object({ id: Id }).strict(),
    output: out<T.MemberDetail>(),
    access: [...SUPERVISORS, 'consultant'],
  }),
  'members.setPhoto': command({
    input: z
      .object({
        id: Id,
        /** data:image/jpeg;base64,… at most ~1.5 MB; null removes the photo */
        dataUrl: z
          .string()
          .max(2_000_000)
          .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'photo')
          .nullable(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: [...DESK, 'consultant'],
  }),
  'members.photo': query({
    input: z.object({ id: Id }).strict(),
    output: out<{ dataUrl: string | null }>(),
    access: [...DESK, 'consultant'],
  }),
  /** Reads a CSV (UTF-8 or GBK) or .xlsx file and suggests what each column is; writes nothing. */
  'members.importPreview': command({
    input: z
      .object({
        /** the file's bytes, base64 (a 100,000-member roster is well under this limit) */
        fileBase64: z.string().min(1).max(40_000_000),
        encoding: z.enum(['auto', 'utf-8', 'gbk']).optional(),
      })
      .strict(),
    output: out<T.ImportPreview>(),
    access: MANAGERS,
    tx: 'manual',
  }),
  /** Every problem of every row for a mapping; writes nothing. */
  'members.importValidate': query({
    input: z.object({ jobId: JobId, mapping: ImportMapping, options: ImportOptions.optional() }).strict(),
    output: out<T.ImportValidation>(),
    access: MANAGERS,
  }),
  /**
   * Imports in one transaction: every row, or — when rows have problems — the rows without problems
   * only if `skipInvalid` says the manager chose to after seeing them; otherwise nothing
   * (IMPORT_HAS_PROBLEMS names the first row). "Import nothing" is importCancel.
   */
  'members.importCommit': command({
    input: z
      .object({
        jobId: JobId,
        mapping: ImportMapping,
        options: ImportOptions.optional(),
        skipInvalid: z.boolean().optional(),
      })
      .strict(),
    output: out<T.ImportResult>(),
    access: MANAGERS,
  }),
  'members.importCancel': command({
    input: z.object({ jobId: JobId }).strict(),
    output: out<{ ok: true }>(),
    access: MANAGERS,
  }),
  'members.exportCsv': command({
    input: Empty,
    output: out<{ filename: string; csv: string; count: number }>(),
    access: MANAGERS,
    announce: false,
  }),

  // ---- check-in, check-out (areas/checkin) --------------------------------------------------
  ...checkinContract,

  // ---- drink bar ---------------------------------------------------------------------------
  'bar.items': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<T.BarItem[]>(),
    access: [...DESK, 'bar', 'consultant'],
  }),
  'bar.itemCreate': command({ input: BarItemFields, output: out<T.BarItem>(), access: ['bar', ...MANAGERS] }),
  /** A price change is audited and never alters slips already written. */
  'bar.itemUpdate': command({
    input: BarItemFields.partial().extend({ id: Id, active: z.boolean().optional() }).strict(),
    output: out<T.BarItem>(),
    access: ['bar', ...MANAGERS],
  }),
  /** A delivery received into stock. */
  'bar.receive': command({
    input: z.object({ itemId: Id, quantity: Quantity, note: ShortText.optional() }).strict(),
    output: out<T.BarItem>(),
    access: ['bar', ...SUPERVISORS],
  }),
  /** The tab of someone inside (by tag, card or visit); a closed visit's tab only by visit id. */
  'bar.tab': query({ input: TabRef, output: out<T.Tab>(), access: [...DESK, 'bar'] }),
  /** Writes a slip on the visit of an issued tag. Selling past zero stock is allowed, with a warning. */
  'bar.sell': command({
    input: z
      .object({
        visitId: Id,
        items: z
          .array(z.object({ itemId: Id, quantity: Quantity }).strict())
          .min(1)
          .max(50),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<T.Tab>(),
    access: [...DESK, 'bar'],
  }),
  /**
   * Corrects a line on the spot (a new quantity, higher or lower, or 0 to remove it) with the member's
   * confirmation: only while the member is inside, the line unpaid and the slip younger than the
   * correction window (settings.barCorrectionMinutes). Anything else is a void.
   */
  'bar.correctLine': command({
    input: z
      .object({ lineId: Id, quantity: z.number().int().min(0).max(999), memberConfirmed: z.literal(true) })
      .strict(),
    output: out<T.Tab>(),
    access: [...DESK, 'bar'],
  }),
  /**
   * Voids lines (or part of one): a shift lead's or customer-service manager's PIN on the spot and a
   * reason; a manager's once the member has left. Money paid for a voided line goes back where it came
   * from (stored value to the ledger); `cashBack` pays stored value back in cash, with a manager's PIN.
   */
  'bar.void': command({
    input: z
      .object({
        lineIds: z.array(Id).min(1).max(100),
        /** How many of each line to void (same order as lineIds); the whole line when left out. */
        quantities: z.array(Quantity).min(1).max(100).optional(),
        reason: Reason,
        authorization: Authorization,
        cashBack: z.boolean().optional(),
      })
      .strict(),
    output: out<T.Tab>(),
    access: [...DESK, 'bar'],
  }),
  /** Free water for a visitor in the bar area: counted, never charged. */
  'bar.water': command({
    input: z.object({ visitId: Id.optional() }).strict(),
    output: out<{ today: number }>(),
    access: [...DESK, 'bar'],
  }),
  'bar.stocktake': command({
    input: z
      .object({
        kind: z.enum(STOCKTAKE_KINDS),
        counts: z
          .array(
            z
              .object({
                itemId: Id,
                counted: z.number().int().min(0).max(1_000_000),
                reason: ShortText.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(2000),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<T.BarReport>(),
    access: ['bar', ...SUPERVISORS],
  }),
  'bar.report': query({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<T.BarReport>(),
    access: ['bar', ...SUPERVISORS],
  }),
  'bar.reportCsv': command({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<{ filename: string; csv: string }>(),
    access: ['bar', ...SUPERVISORS],
    announce: false,
  }),
  /** Next month's order list: items whose sales in `month` exceed the stock on hand now. */
  'bar.orderList': query({
    input: z.object({ month: MonthStr }).strict(),
    output: out<T.OrderListRow[]>(),
    access: ['bar', ...SUPERVISORS],
  }),

  // ---- payments and stored value -------------------------------------------------------------
  /** What a member still owes: unpaid bar lines of earlier visits and unpaid charges (lost tags). */
  'payments.debts': query({
    input: z.object({ memberId: Id }).strict(),
    output: out<T.Debts>(),
    access: DESK,
  }),
  'payments.payDebts': command({
    input: z.object({ memberId: Id, parts: PaymentParts, opId: OpId.optional() }).strict(),
    output: out<T.Receipt>(),
    access: DESK,
  }),
  'storedValue.account': query({
    input: z
      .object({
        memberId: Id,
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    output: out<T.StoredValueAccount>(),
    access: [...DESK, 'consultant'],
  }),
  'storedValue.topup': command({
    input: z
      .object({
        memberId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        method: z.enum(DESK_PAYMENT_METHODS),
        tenderedCents: Cents.optional(),
        reference: ShortText.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<T.Receipt>(),
    access: DESK,
  }),
  /** Pays part of a balance back to the member (cash or card). */
  'storedValue.refund': command({
    input: z
      .object({
        memberId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        method: z.enum(DESK_PAYMENT_METHODS),
        reason: Reason,
        opId: OpId.optional(),
      })
      .strict(),
    output: out<T.Receipt>(),
    access: MANAGERS,
  }),
  /** A manager's correction of a balance, with a reason (never below zero). */
  'storedValue.adjust': command({
    input: z
      .object({
        memberId: Id,
        amountCents: z
          .number()
          .int()
          .min(-100_000_000)
          .max(100_000_000)
          .refine((n) => n !== 0, 'nonzero'),
        reason: Reason,
      })
      .strict(),
    output: out<T.StoredValueAccount>(),
    access: MANAGERS,
  }),
  /** The weekly check: the week's movements and anything that does not add up. */
  'storedValue.check': query({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<T.StoredValueCheck>(),
    access: SUPERVISORS,
  }),

  // ---- key tags ----------------------------------------------------------------------------
  ...tagsContract,

  // ---- visitors, consultant rotation, phone inquiries, announcements (see ./visitors.ts) -------
  ...visitorContract,
  // ---- shift close and handover (see ./shift.ts) ---------------------------------------------
  ...shiftContract,
  // ---- incidents -----------------------------------------------------------------------------
  // Anyone opens one; managers complete, close and review. Non-managers see the desk view (no
  // medical details) of the incidents they opened and of the open ones (services/incidents.ts).
  /**
   * Anyone at the desk opens an incident in seconds: when (club-local, default now), where, what,
   * the member if any, or the name (gender, age) of someone who is not a member. Non-managers get
   * the desk view (no medical details).
   */
  'incidents.open': command({
    input: z
      .object({
        occurredAt: LocalDateTime.optional(),
        place: Place,
        what: Narrative,
        kind: IncidentKind.optional(),
        severity: IncidentSeverity.optional(),
        memberId: Id.optional(),
        /** Someone who is not a member (a visitor, a guest): instead of memberId; gender and age if known. */
        personName: Name.optional(),
        personGender: Gender.optional(),
        personAge: z.number().int().min(0).max(150).optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<T.IncidentDetail>(),
    access: 'staff',
  }),
  /** A customer-service manager or above completes the record; a closed incident is refused. */
  'incidents.update': command({
    input: IncidentUpdateFields.extend({ id: Id }).strict(),
    output: out<T.IncidentFullView>(),
    access: MANAGERS,
  }),
  /** open ↔ follow_up, or closed (needs the written-report fields; then read-only for good). */
  'incidents.setStatus': command({
    input: z.object({ id: Id, status: IncidentStatus }).strict(),
    output: out<T.IncidentFullView>(),
    access: MANAGERS,
  }),
  /** A dated note added to the record, also (mainly) after closing. */
  'incidents.addAddendum': command({
    input: z.object({ id: Id, text: Narrative }).strict(),
    output: out<T.IncidentFullView>(),
    access: MANAGERS,
  }),
  /** A follow-up (call or visit) with a due date; an open incident moves to follow_up. */
  'incidents.addFollowUp': command({
    input: z
      .object({
        id: Id,
        kind: FollowUpKind,
        dueDate: DateStr,
        assignedToId: Id.nullable().optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<T.IncidentFullView>(),
    access: MANAGERS,
  }),
  /** Marks a follow-up done (a manager, or the staff member it is assigned to). */
  'incidents.completeFollowUp': command({
    input: z.object({ followUpId: Id, outcome: z.string().trim().max(5000).optional() }).strict(),
    output: out<T.IncidentDetail>(),
    access: 'staff',
  }),
  /** Attaches a photo or scan (stored in the data folder with its SHA-256). At most 5 MB. */
  'incidents.attach': command({
    input: z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(200),
        mime: z.enum(ATTACHMENT_TYPES),
        contentBase64: z
          .string()
          .min(1)
          .max(7_000_000)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
        note: ShortText.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<T.AttachmentInfo>(),
    access: 'staff',
  }),
  /** An attachment's content, after checking its hash (ATTACHMENT_TAMPERED when it differs). */
  'incidents.attachment': command({
    input: z.object({ attachmentId: Id }).strict(),
    output: out<T.AttachmentInfo & { dataUrl: string }>(),
    access: 'staff',
    announce: false,
  }),
  /** The record (audited): the full view for managers, the desk view for others. */
  'incidents.get': command({
    input: z.object({ id: Id }).strict(),
    output: out<T.IncidentDetail>(),
    access: 'staff',
    announce: false,
  }),
  /** The review list: filters, follow-ups due, totals and the per-month chart (managers). */
  'incidents.list': query({
    input: z.object({ ...IncidentFilterFields, limit: Limit.optional(), offset: Offset.optional() }).strict(),
    output: out<T.IncidentList>(),
    access: 'staff',
  }),
  /** The matching incidents as CSV (managers only, audited). */
  'incidents.exportCsv': command({
    input: z.object(IncidentFilterFields).strict(),
    output: out<{ filename: string; csv: string; count: number }>(),
    access: MANAGERS,
    announce: false,
  }),
  /** The data of the printable written report (audited). */
  'incidents.report': command({
    input: z.object({ id: Id }).strict(),
    output: out<T.IncidentReport>(),
    access: MANAGERS,
    announce: false,
  }),

  // ---- complaints ----------------------------------------------------------------------------
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
    output: out<T.ComplaintDetail>(),
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
    output: out<T.ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** Assigns the supervisor of the department concerned. */
  'complaints.assign': command({
    input: z.object({ id: Id, supervisorName: Name, department: Department.optional() }).strict(),
    output: out<T.ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** The agreed resolution and any action on staff (an escalated complaint: the store manager). */
  'complaints.resolve': command({
    input: z.object({ id: Id, resolution: Narrative, staffAction: ShortText.optional() }).strict(),
    output: out<T.ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** Beyond the duty manager's authority: escalated to the store manager with a written report. */
  'complaints.escalate': command({
    input: z.object({ id: Id, report: Narrative }).strict(),
    output: out<T.ComplaintDetail>(),
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
    output: out<T.ComplaintDetail>(),
    access: MANAGERS,
  }),
  /** A dated follow-up note (any status). */
  'complaints.addNote': command({
    input: z.object({ id: Id, text: Narrative }).strict(),
    output: out<T.ComplaintDetail>(),
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
        deadline: z.enum(['due', 'overdue', 'due_or_overdue']).optional(),
        q: Search.optional(),
        limit: Limit.optional(),
        offset: Offset.optional(),
      })
      .strict(),
    output: out<T.ComplaintList>(),
    access: MANAGERS,
  }),
  'complaints.get': query({
    input: z.object({ id: Id }).strict(),
    output: out<T.ComplaintDetail>(),
    access: MANAGERS,
  }),

  /** Open incidents, open complaints and follow-ups due: for shift opening and the review screen. */
  'review.openItems': query({ input: Empty, output: out<T.OpenItems>(), access: 'staff' }),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpArgs<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K]['output'];

export const OP_NAMES = Object.keys(contract) as OpName[];

export type ErrorShape = { code: string; params: Record<string, unknown> };
export type Response<R> = { ok: true; data: R } | { ok: false; error: ErrorShape };
