/**
 * The one contract between the renderer and the core: every named operation with its argument
 * schema (validated with zod in the core, never trusted from the renderer), its result type, its
 * kind (query or command) and who may call it (kernel/op.ts). Transports (Electron IPC, the
 * loopback server) carry only these operations; the renderer imports the types and lists from here.
 *
 * This file only composes: each area declares its operations once, in
 * electron/core/areas/<area>/contract.ts (input schema, result type, kind, access), and this map
 * puts them together; it re-exports the areas' values and types for the renderer.
 */
import type { z } from 'zod';
import { auditContract } from '../areas/audit/contract';
import { cardTypesContract } from '../areas/cardTypes/contract';
import { checkinContract } from '../areas/checkin/contract';
import { sessionContract } from '../areas/session/contract';
import { settingsContract } from '../areas/settings/contract';
import { systemContract } from '../areas/system/contract';
import { tagsContract } from '../areas/tags/contract';
import { staffContract } from '../areas/staff/contract';
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
import { messagesContract } from '../areas/messages/contract';
import { repairsContract } from '../areas/repairs/contract';
import { callsContract } from '../areas/calls/contract';
import { networkContract } from '../areas/network/contract';
import { receiptsContract } from '../areas/receipts/contract';

export * from './types';
export * from '../areas/audit/contract';
export * from '../areas/cardTypes/contract';
export * from '../areas/checkin/contract';
export * from '../areas/session/contract';
export * from '../areas/settings/contract';
export * from '../areas/system/contract';
export * from '../areas/tags/contract';
export * from '../areas/staff/contract';
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
export * from '../areas/messages/contract';
export * from '../areas/repairs/contract';
export * from '../areas/calls/contract';
export * from '../areas/network/contract';
export * from '../areas/receipts/contract';
export * from './patterns';
export * from '../kernel/roles';

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
  ...tagsContract,

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
  // ---- the message book and the repair log (areas/messages, areas/repairs) --------------------
  ...messagesContract,
  ...repairsContract,
  // ---- follow-up calls and renewal reminders (areas/calls) -----------------------------------
  ...callsContract,
  // ---- the club network's management at the host (areas/network) ----------------------------
  ...networkContract,
  // ---- receipts (areas/receipts) ------------------------------------------------------------
  ...receiptsContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpArgs<K extends OpName> = z.input<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K]['output'];

export const OP_NAMES = Object.keys(contract) as OpName[];

export type ErrorShape = { code: string; params: Record<string, unknown> };
export type Response<R> = { ok: true; data: R } | { ok: false; error: ErrorShape };
