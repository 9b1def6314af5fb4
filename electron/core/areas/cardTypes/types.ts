/**
 * The card-types area's values and result types: a card type as the contract shows it and the
 * error codes the area throws. No zod here: the renderer imports these (through
 * electron/core/contract) without the schemas. CARD_KINDS stays in contract/types.ts: members and
 * the roster import use it too.
 */
import type { CardKind } from '../../contract/types';

export const CARD_TYPES_ERROR_CODES = ['CARD_TYPE_NAME_TAKEN'] as const;

export interface CardTypeInfo {
  id: number;
  name: string;
  kind: CardKind;
  durationDays: number | null;
  visitCount: number | null;
  /** Present only for roles that may see membership prices. */
  priceCents?: number;
  active: boolean;
  memberCount: number;
}
