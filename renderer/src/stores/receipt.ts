/**
 * The receipt on offer: after a payment (check-out, debts, top-up, card sale) the screen that took
 * it calls offerReceipt(settlementId) — offered in a corner; "Preview" opens it in a dialog; a
 * history's "Reprint" calls offerReceipt(id, 'reprint'). components/ReceiptHost.tsx shows it.
 */
import { create } from 'zustand';

interface ReceiptOffer {
  settlementId: number;
  mode: 'offer' | 'preview' | 'reprint';
}

export const useReceiptOffer = create<{ offer: ReceiptOffer | null }>(() => ({ offer: null }));

export function offerReceipt(settlementId: number, mode: ReceiptOffer['mode'] = 'offer'): void {
  useReceiptOffer.setState({ offer: { settlementId, mode } });
}

export function closeReceipt(): void {
  useReceiptOffer.setState({ offer: null });
}
