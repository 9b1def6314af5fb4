/** What other areas (and the composition in app.ts) may use of the members area. */
export { membersHandlers } from './handlers';
export { findMemberByCard, getMemberRow, memberState } from './handlers/common';
export {
  cardSalesFigures,
  entitlementOf,
  mergeCardsSold,
  recordEntitlement,
  recordMissingInitialEntitlements,
} from './handlers/entitlements';
export {
  insertMember,
  loadMemberCard,
  type MemberFields,
  memberCardOf,
  REVEALS_PER_HOUR,
  unpaidCents,
} from './handlers/member';
export type { MemberRow } from './queries';
