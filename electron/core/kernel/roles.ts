/**
 * The staff roles and the groups operations are declared with (`access: DESK`), as values: the permissions table, the
 * handlers and the renderer (who is offered as an authoriser, what a screen shows) all use these,
 * never a copy. No zod here: the renderer takes these without the schemas.
 */
export const ROLES = [
  'reception',
  'bar',
  'consultant',
  'shift_lead',
  'cs_manager',
  'duty_manager',
  'store_manager',
] as const;
export type Role = (typeof ROLES)[number];

export const MANAGERS: readonly Role[] = ['cs_manager', 'duty_manager', 'store_manager'];
export const SUPERVISORS: readonly Role[] = ['shift_lead', ...MANAGERS];
export const DESK: readonly Role[] = ['reception', ...SUPERVISORS];
/** Who may authorise a void of a bar slip: a shift lead or the customer-service manager (or above). */
export const VOID_AUTHORIZERS: readonly Role[] = [
  'shift_lead',
  'cs_manager',
  'duty_manager',
  'store_manager',
];
/** Roles that may see membership-card prices (never reception: prices are the consultants'). */
export const PRICE_ROLES: readonly Role[] = ['consultant', ...MANAGERS];
/** Roles that may see a member's full phone number and birth date. */
export const CONTACT_ROLES: readonly Role[] = ['reception', 'consultant', ...SUPERVISORS];
