/**
 * Losses, damage and repairs (损耗维修): reported by anyone at the desk, followed by the supervisor on
 * duty: reported → repair requested → fixed, or written off, with the cost. Values and result types
 * for the renderer (no zod here).
 */
import type { AttachmentType } from '../incidents/types';

export const REPAIR_KINDS = ['damage', 'loss', 'repair'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];
export const REPAIR_URGENCIES = ['low', 'normal', 'urgent'] as const;
export type RepairUrgency = (typeof REPAIR_URGENCIES)[number];
export const REPAIR_STATUSES = ['reported', 'requested', 'fixed', 'written_off'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];
/** The steps a supervisor takes. */
export const REPAIR_STEPS = ['requested', 'fixed', 'written_off'] as const;
export type RepairStep = (typeof REPAIR_STEPS)[number];
/** The end of the road: nothing follows. */
export const REPAIR_CLOSED: readonly RepairStatus[] = ['fixed', 'written_off'];
export const REPAIR_FILTERS = ['open', 'all'] as const;
/** The photo types a report takes (the incidents' attachment store, images only). */
export const REPAIR_PHOTO_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
] as const satisfies readonly AttachmentType[];

export const REPAIRS_ERROR_CODES = ['REPAIR_CLOSED', 'REPAIR_STEP_INVALID'] as const;

interface StaffRef {
  id: number;
  name: string;
}

export interface RepairStepInfo {
  status: RepairStatus;
  note: string;
  /** Only supervisors see costs (null for others, and on steps without one). */
  costCents: number | null;
  at: string;
  by: StaffRef;
}

export interface RepairItem {
  id: number;
  kind: RepairKind;
  what: string;
  place: string;
  urgency: RepairUrgency;
  status: RepairStatus;
  hasPhoto: boolean;
  /** The cost recorded at fixing or writing off (supervisors only). */
  costCents: number | null;
  reportedAt: string;
  reportedBy: StaffRef;
  steps: RepairStepInfo[];
}

/** An open item as the handover and the day close list it. */
export interface OpenRepair {
  id: number;
  kind: RepairKind;
  what: string;
  place: string;
  urgency: RepairUrgency;
  status: RepairStatus;
  reportedAt: string;
}

export interface RepairsCsv {
  filename: string;
  csv: string;
  count: number;
}
