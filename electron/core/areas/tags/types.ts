/**
 * The key-tags area's values and result types: the statuses a tag can be in, the tag board as the
 * contract shows it, and the error codes the area throws. No zod here: the renderer imports these
 * (through electron/core/contract) without the schemas.
 */
import type { VisitKind } from '../checkin/types';

export const TAG_STATUSES = ['available', 'issued', 'disinfection', 'lost', 'retired'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];
/** Tags that can be retired (not out with someone, not retired already). */
export const RETIRABLE_TAG_STATUSES: readonly TagStatus[] = ['available', 'disinfection', 'lost'];
/** Tags that can be put back into use. */
export const RESTORABLE_TAG_STATUSES: readonly TagStatus[] = ['lost', 'retired'];

/**
 * Codes thrown by the tag rules (the check-in and the bar reach them through pickTag/getTag).
 * TAG_NOT_ISSUED stays with the shared codes: the check-in and the bar throw it, not this area.
 */
export const TAGS_ERROR_CODES = [
  'TAG_UNKNOWN',
  'TAG_IN_USE',
  'TAG_NOT_AVAILABLE',
  'TAG_NUMBER_TAKEN',
  /** A tag named at check-out or at the bar is not out with anyone (check-in and the bar throw it). */
  'TAG_NOT_ISSUED',
] as const;

/** A key tag on the board. */
export interface KeyTag {
  number: number;
  locker: string | null;
  status: TagStatus;
  since: string;
  lastDisinfectedAt: string | null;
  holder: { visitId: number; name: string; kind: VisitKind; cardNo: string | null } | null;
}

export interface TagBoard {
  tags: KeyTag[];
  counts: Record<TagStatus, number> & { total: number };
  /** Today is a disinfection day and no tag has been sent to disinfection today. */
  disinfectionDueToday: boolean;
}
