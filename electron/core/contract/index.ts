/**
 * The one contract between the renderer and the core: every named operation with its argument
 * schema (validated with zod in the core, never trusted from the renderer), its result type, its
 * kind (query or command) and who may call it (kernel/op.ts). Transports (Electron IPC, the
 * loopback server) carry only these operations; the renderer imports the types and lists from here.
 *
 * This file composes the areas' contracts (`...checkinContract` from areas/checkin/contract.ts) and
 * re-exports their types. The operations still declared below (and in ./shift.ts)
 * re-exports their types. The operations still declared below (and in ./visitors.ts)
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
  Language,
  LongText,
  Name,
  OpId,
  PaymentParts,
  Phone,
  Pin,
  Reason,
  Role,
  ShortText,
  TagNumber,
  TimeStr,
  TimeZone,
} from './common';
import type * as T from './types';
import { CARD_KINDS, DESK_PAYMENT_METHODS, IMPORT_FIELDS, STAFF_GENDERS } from './types';
import { checkinContract } from '../areas/checkin/contract';
import { complaintContract } from '../areas/complaints/contract';
import { incidentContract } from '../areas/incidents/contract';
import { rotationContract } from '../areas/rotation/contract';
import { visitorsContract } from '../areas/visitors/contract';
import { announcementsContract } from '../areas/announcements/contract';
import { barContract } from '../areas/bar/contract';
import { shiftContract } from '../areas/shift/contract';

export * from './types';
export * from '../areas/checkin/contract';
export * from '../areas/complaints/contract';
export * from '../areas/incidents/contract';
export * from '../areas/rotation/contract';
export * from '../areas/visitors/contract';
export * from '../areas/announcements/contract';
export * from '../areas/bar/contract';
export * from '../areas/shift/contract';
export * from './patterns';
export * from '../kernel/roles';

const SettingsPatch = z
  .object({
    clubName: Name,
    timeZone: TimeZone,
    language: Language,
    staffArriveTime: TimeStr,
    openTime: TimeStr,
    closeTime: TimeStr,
    duplicateScanSeconds: z.number().int().min(0).max(600),
    idleLockMinutes: z.number().int().min(1).max(240),
    lostTagFeeCents: Cents,
    disinfectionDays: z.array(z.number().int().min(0).max(6)).max(7),
    expiryWarnDays: z.number().int().min(0).max(90),
    visitsWarnThreshold: z.number().int().min(0).max(100),
    leadOwnershipDays: z.number().int().min(0).max(60),
    callTimeoutSeconds: z.number().int().min(10).max(3600),
    maxPages: z.number().int().min(1).max(10),
    autoProposeNext: z.boolean(),
    announceLeadMinutes: z.number().int().min(0).max(120),
    preClosingAnnounceMinutes: z.number().int().min(0).max(180),
    openingChecklist: z.array(z.string().trim().min(1).max(200)).max(50),
    closingChecklist: z.array(z.string().trim().min(1).max(200)).max(50),
    defaultFloatCents: Cents,
    barCorrectionMinutes: z.number().int().min(0).max(60),
    complaintDeadlineDays: z.number().int().min(1).max(60),
  })
  .partial()
  .strict();

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

export const contract = {
  // ---- system, setup, backups -------------------------------------------------------------
  'system.status': query({
    input: Empty,
    output: out<T.SystemStatus>(),
    access: 'public',
    states: ['setup', 'broken'],
    sessionless: true,
  }),
  'system.setup': command({
    input: z
      .object({
        clubName: Name,
        timeZone: TimeZone,
        language: Language,
        staffArriveTime: TimeStr,
        openTime: TimeStr,
        closeTime: TimeStr,
        tagCount: z.number().int().min(1).max(2000),
        manager: z.object({ name: Name, pin: Pin, gender: z.enum(STAFF_GENDERS) }).strict(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: 'public',
    states: ['setup'],
  }),
  'system.createDemo': command({
    input: z.object({ language: Language }).strict(),
    output: out<{ ok: true; staff: { name: string; role: T.StaffInfo['role']; pin: string }[] }>(),
    access: 'public',
    states: ['setup'],
  }),
  'backups.list': query({
    input: Empty,
    output: out<T.BackupInfo[]>(),
    access: MANAGERS,
    states: ['broken'],
  }),
  'backups.create': command({ input: Empty, output: out<T.BackupInfo>(), access: MANAGERS, tx: 'manual' }),
  /** In the broken state, any manager's PIN from the backup being restored authorises it. */
  'backups.restore': command({
    input: z
      .object({
        file: z.string().max(200),
        authorization: z.object({ staffId: Id.optional(), pin: Pin }).strict().optional(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: MANAGERS,
    tx: 'manual',
    states: ['broken'],
  }),

  // ---- session -----------------------------------------------------------------------------
  'session.staffList': query({
    input: Empty,
    output: out<T.LoginStaff[]>(),
    access: 'public',
    sessionless: true,
  }),
  'session.login': command({
    input: z.object({ staffId: Id, pin: Pin }).strict(),
    output: out<T.SessionInfo>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  'session.current': command({
    input: Empty,
    output: out<T.SessionInfo | null>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  'session.logout': command({
    input: Empty,
    output: out<{ ok: true }>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  /** Locks the counter now (keeps who was logged in, for a quick unlock). */
  'session.lock': command({ input: Empty, output: out<{ ok: true }>(), access: 'staff', tx: 'manual' }),
  'session.changePin': command({
    input: z.object({ currentPin: Pin, newPin: Pin }).strict(),
    output: out<{ ok: true }>(),
    access: 'staff',
  }),

  // ---- settings, staff, audit --------------------------------------------------------------
  'settings.get': query({ input: Empty, output: out<T.Settings>(), access: 'staff' }),
  'settings.update': command({ input: SettingsPatch, output: out<T.Settings>(), access: MANAGERS }),
  'staff.list': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<T.StaffInfo[]>(),
    access: MANAGERS,
  }),
  'staff.create': command({
    input: z.object({ name: Name, role: Role, pin: Pin, gender: z.enum(STAFF_GENDERS) }).strict(),
    output: out<T.StaffInfo>(),
    access: MANAGERS,
  }),
  'staff.update': command({
    input: z
      .object({
        id: Id,
        name: Name.optional(),
        role: Role.optional(),
        gender: z.enum(STAFF_GENDERS).optional(),
        active: z.boolean().optional(),
        newPin: Pin.optional(),
      })
      .strict(),
    output: out<T.StaffInfo>(),
    access: MANAGERS,
    tx: 'manual',
  }),
  'audit.search': query({
    input: z
      .object({
        q: z.string().max(100).optional(),
        from: DateStr.optional(),
        to: DateStr.optional(),
        staffId: Id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    output: out<T.Page<T.AuditRow>>(),
    access: MANAGERS,
  }),

  // ---- card types and members --------------------------------------------------------------
  'cardTypes.list': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<T.CardTypeInfo[]>(),
    access: 'staff',
  }),
  'cardTypes.create': command({
    input: z
      .object({
        name: Name,
        kind: z.enum(CARD_KINDS),
        durationDays: z.number().int().min(1).max(36_600).nullable(),
        visitCount: z.number().int().min(1).max(100_000).nullable(),
        priceCents: Cents,
      })
      .strict(),
    output: out<T.CardTypeInfo>(),
    access: MANAGERS,
  }),
  'cardTypes.update': command({
    input: z
      .object({
        id: Id,
        name: Name.optional(),
        durationDays: z.number().int().min(1).max(36_600).nullable().optional(),
        visitCount: z.number().int().min(1).max(100_000).nullable().optional(),
        priceCents: Cents.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: out<T.CardTypeInfo>(),
    access: MANAGERS,
  }),
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

  // ---- drink bar (areas/bar) ----------------------------------------------------------------
  ...barContract,

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
  'tags.board': query({ input: Empty, output: out<T.TagBoard>(), access: [...DESK, 'bar'] }),
  'tags.sendToDisinfection': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000) }).strict(),
    output: out<T.TagBoard>(),
    access: DESK,
  }),
  'tags.returnFromDisinfection': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000) }).strict(),
    output: out<T.TagBoard>(),
    access: DESK,
  }),
  'tags.add': command({
    input: z.object({ from: TagNumber, to: TagNumber }).strict(),
    output: out<T.TagBoard>(),
    access: MANAGERS,
  }),
  'tags.retire': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000), reason: Reason }).strict(),
    output: out<T.TagBoard>(),
    access: SUPERVISORS,
  }),
  /** Puts a lost or retired tag back in service (found, repaired). */
  'tags.restore': command({
    input: z.object({ number: TagNumber, reason: Reason }).strict(),
    output: out<T.TagBoard>(),
    access: SUPERVISORS,
  }),
  'tags.renumber': command({
    input: z.object({ from: TagNumber, to: TagNumber }).strict(),
    output: out<T.TagBoard>(),
    access: MANAGERS,
  }),
  'tags.setLocker': command({
    input: z.object({ number: TagNumber, locker: ShortText.nullable() }).strict(),
    output: out<T.TagBoard>(),
    access: SUPERVISORS,
  }),

  // ---- consultant rotation (areas/rotation) ---------------------------------------------------
  ...rotationContract,
  // ---- visitors, appointments, phone inquiries, the consultant report (areas/visitors) ---------
  ...visitorsContract,
  // ---- class timetable and announcements (areas/announcements) --------------------------------
  ...announcementsContract,
  // ---- shift close and handover (areas/shift) -----------------------------------------------
  ...shiftContract,
  // ---- incidents and the open items (areas/incidents/contract.ts) -----------------------------
  ...incidentContract,
  // ---- complaints (areas/complaints/contract.ts) ----------------------------------------------
  ...complaintContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpArgs<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K]['output'];

export const OP_NAMES = Object.keys(contract) as OpName[];

export type ErrorShape = { code: string; params: Record<string, unknown> };
export type Response<R> = { ok: true; data: R } | { ok: false; error: ErrorShape };
