/**
 * The session area's result types: who is logged in at this counter and what they may call. No zod
 * here: the renderer imports these (through electron/core/contract) without the schemas. The area
 * throws no codes of its own (a wrong PIN is the staff area's PIN_WRONG / STAFF_LOCKED).
 */
import type { StaffInfo } from '../staff/types';

export interface SessionInfo {
  staff: StaffInfo;
  /** Operations this staff member may call (for showing or hiding controls; the core decides). */
  allowed: string[];
  idleLockMinutes: number;
}
