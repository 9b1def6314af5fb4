/**
 * What Enter in the big scan field does — decided from the whole field, never from a guess. Issue 14:
 * a returned key tag's number ("3") typed into the field out of habit used to search card numbers,
 * highlight the first hit on Enter and check that stranger in on the second Enter. Now Enter acts
 * only when the person moved to a row with the arrow keys, typed a complete card number (an exact
 * match of a member's card), or typed the number of an issued key tag (then it offers the check-out).
 */
import type { InsideVisit, MemberSummary } from '../../../../electron/core/contract';
import { looksLikeCardNo } from '../../scanner';

export type EnterAction =
  | { do: 'empty' }
  /** The row the person moved to with the arrow keys. */
  | { do: 'pick'; member: MemberSummary }
  /** A complete card number (or, with no member found at all, a card number to check anyway). */
  | { do: 'card'; cardNo: string }
  /** The number of a key tag that is out: check that visit out. */
  | { do: 'checkoutTag'; tagNumber: number }
  /** The results for this text are not here yet: search, then decide again. */
  | { do: 'search' }
  /** Nothing to act on: the person must choose a row with the arrow keys. */
  | { do: 'choose' };

/** The visit whose key tag number is the whole field (digits only), if that tag is out. */
export function tagOffer(text: string, inside: readonly InsideVisit[]): InsideVisit | null {
  const v = text.trim();
  if (!/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return inside.find((r) => r.tagNumber === n) ?? null;
}

export function decideEnter(a: {
  text: string;
  /** The search results for exactly this text (null: not searched yet). */
  rows: readonly MemberSummary[] | null;
  /** The row chosen with the arrow keys (-1: none). */
  chosen: number;
  /** An issued key tag with this number. */
  tag: InsideVisit | null;
}): EnterAction {
  const v = a.text.trim();
  if (!v) return { do: 'empty' };
  const chosen = a.chosen >= 0 ? a.rows?.[a.chosen] : undefined;
  if (chosen) return { do: 'pick', member: chosen };
  if (a.tag?.tagNumber != null) return { do: 'checkoutTag', tagNumber: a.tag.tagNumber };
  if (a.rows === null) return { do: 'search' };
  const exact = a.rows.find((r) => r.cardNo.toLowerCase() === v.toLowerCase());
  if (exact) return { do: 'card', cardNo: exact.cardNo };
  // No member at all: a card number is checked anyway (the core says "unknown card" in red); a
  // short number is no card (it is a tag that is not out, or a slip of the hand).
  if (a.rows.length === 0 && looksLikeCardNo(v) && v.length >= 4) return { do: 'card', cardNo: v };
  return { do: 'choose' };
}
