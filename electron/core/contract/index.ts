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
  Cents,
  DateStr,
  Empty,
  Id,
  Language,
  Name,
  Pin,
  Reason,
  Role,
  ShortText,
  TagNumber,
  TimeStr,
  TimeZone,
} from './common';
import type * as T from './types';
import { CARD_KINDS, STAFF_GENDERS } from './types';
import { checkinContract } from '../areas/checkin/contract';
import { importContract } from '../areas/import/contract';
import { membersContract } from '../areas/members/contract';
import { paymentsContract } from '../areas/payments/contract';
import { complaintContract } from '../areas/complaints/contract';
import { incidentContract } from '../areas/incidents/contract';
import { rotationContract } from '../areas/rotation/contract';
import { visitorsContract } from '../areas/visitors/contract';
import { announcementsContract } from '../areas/announcements/contract';
import { barContract } from '../areas/bar/contract';
import { shiftContract } from '../areas/shift/contract';

export * from './types';
export * from '../areas/checkin/contract';
export * from '../areas/import/contract';
export * from '../areas/members/contract';
export * from '../areas/payments/contract';
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
  // ---- members (areas/members) and the roster import and export (areas/import) -------------
  ...membersContract,
  ...importContract,

  // ---- check-in, check-out (areas/checkin) --------------------------------------------------
  ...checkinContract,

  // ---- drink bar (areas/bar) ----------------------------------------------------------------
  ...barContract,

  // ---- payments and stored value (areas/payments) ------------------------------------------
  ...paymentsContract,

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
