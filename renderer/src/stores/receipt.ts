/**
 * The receipt on offer: after a payment (check-out, debts, top-up, card sale) the screen that took
 * it calls offerReceipt(settlementId); a history's "Reprint" calls it with reprint: true.
 * components/ReceiptHost.tsx shows it.
 */
import { create } from 'zustand';

export interface ReceiptOffer {
  settlementId: number;
  reprint: boolean;
}

export const useReceiptOffer = create<{ offer: ReceiptOffer | null }>(() => ({ offer: null }));

export function offerReceipt(settlementId: number, reprint = false): void {
  useReceiptOffer.setState({ offer: { settlementId, reprint } });
}

export function closeReceipt(): void {
  useReceiptOffer.setState({ offer: null });
}
