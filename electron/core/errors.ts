/**
 * Every error code of the core, composed from the kernel's and the areas' lists (the renderer has
 * words for each, in both languages: tests/unit/i18n.test.ts). An area adds its codes in its own
 * contract.ts (`export const CHECKIN_ERROR_CODES = [...] as const`) and is added here.
 */
import { BAR_ERROR_CODES } from './areas/bar/types';
import { IMPORT_ERROR_CODES } from './areas/import/contract';
import { MEMBERS_ERROR_CODES } from './areas/members/contract';
import { PAYMENTS_ERROR_CODES } from './areas/payments/contract';
import { CHECKIN_ERROR_CODES } from './areas/checkin/contract';
import { COMPLAINT_ERROR_CODES } from './areas/complaints/contract';
import { INCIDENT_ERROR_CODES } from './areas/incidents/contract';
import { ROTATION_ERROR_CODES } from './areas/rotation/contract';
import { VISITORS_ERROR_CODES } from './areas/visitors/contract';
import { ANNOUNCEMENTS_ERROR_CODES } from './areas/announcements/contract';
import { SHIFT_ERROR_CODES } from './areas/shift/types';
import { CARD_TYPES_ERROR_CODES } from './areas/cardTypes/types';
import { STAFF_ERROR_CODES } from './areas/staff/types';
import { SYSTEM_ERROR_CODES } from './areas/system/types';
import { TAGS_ERROR_CODES } from './areas/tags/types';
import { MESSAGES_ERROR_CODES } from './areas/messages/types';
import { REPAIRS_ERROR_CODES } from './areas/repairs/types';
import { CALLS_ERROR_CODES } from './areas/calls/types';
import { NETWORK_ERROR_CODES } from './areas/network/types';
import { RECEIPTS_ERROR_CODES } from './areas/receipts/types';
import { KERNEL_ERROR_CODES } from './kernel/errors';

export const ERROR_CODES = [
  ...KERNEL_ERROR_CODES,
  ...CHECKIN_ERROR_CODES,
  ...COMPLAINT_ERROR_CODES,
  ...INCIDENT_ERROR_CODES,
  ...ROTATION_ERROR_CODES,
  ...VISITORS_ERROR_CODES,
  ...ANNOUNCEMENTS_ERROR_CODES,
  ...BAR_ERROR_CODES,
  ...SHIFT_ERROR_CODES,
  ...MEMBERS_ERROR_CODES,
  ...IMPORT_ERROR_CODES,
  ...PAYMENTS_ERROR_CODES,
  ...CARD_TYPES_ERROR_CODES,
  ...STAFF_ERROR_CODES,
  ...SYSTEM_ERROR_CODES,
  ...TAGS_ERROR_CODES,
  ...MESSAGES_ERROR_CODES,
  ...REPAIRS_ERROR_CODES,
  ...CALLS_ERROR_CODES,
  ...NETWORK_ERROR_CODES,
  ...RECEIPTS_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export { AppError, toAppError } from './kernel/errors';
