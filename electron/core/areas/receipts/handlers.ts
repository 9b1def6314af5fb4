/**
 * Receipts assembled from the records of a settlement: what it paid for (the bar lines and charges
 * it settled, the top-up, the card sold — its name and the amount paid, never a catalogue price),
 * its payments with change, the member's stored value right after it, the staff member who took
 * the money and the club's name. The receipt number is the settlement's, so a reprint carries the
 * same one; a reprint is audited and counted. A refund has no receipt here (RECEIPT_NONE).
 */
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import type { receiptsContract } from './contract';
import type { PrintedReceipt, ReceiptLine } from './types';
import * as q from './queries';

/** The printed receipt number: the settlement's id, zero-padded (stable on every copy). */
function receiptNumber(settlementId: number): string {
  return String(settlementId).padStart(8, '0');
}

function assemble(ctx: Ctx, settlementId: number, reprint: number): PrintedReceipt {
  const s = q.settlementById(ctx.db, settlementId);
  if (!s) throw new AppError('NOT_FOUND', { entity: 'settlement' });
  if (s.kind === 'refund') throw new AppError('RECEIPT_NONE');
  const lines: ReceiptLine[] = [];
  let card: PrintedReceipt['card'] = null;
  for (const l of q.barLines(ctx.db, s.id)) {
    lines.push({
      kind: 'bar',
      name: l.item_name,
      quantity: l.quantity,
      unitCents: l.unit_price_cents,
      amountCents: l.amount_cents,
    });
  }
  for (const c of q.charges(ctx.db, s.id)) {
    lines.push({ kind: c.kind, name: null, quantity: 1, unitCents: null, amountCents: c.amount_cents });
  }
  if (s.kind === 'topup') {
    lines.push({ kind: 'topup', name: null, quantity: 1, unitCents: null, amountCents: s.total_cents });
  }
  if (s.kind === 'card_sale') {
    const e = q.sale(ctx.db, s.id);
    if (e) {
      lines.push({
        kind: e.kind,
        name: e.card_type_name,
        quantity: e.quantity,
        unitCents: null,
        amountCents: e.paid_cents,
      });
      card = { expiryDate: e.expiry_date, visitsLeft: e.visits_left };
    }
  }
  const payments = q.payments(ctx.db, s.id).map((p) => ({
    method: p.method,
    amountCents: p.amount_cents,
    tenderedCents: p.tendered_cents,
    changeCents: p.change_cents,
    reference: p.reference,
  }));
  return {
    number: receiptNumber(s.id),
    settlementId: s.id,
    kind: s.kind,
    clubName: ctx.settings.clubName,
    timeZone: ctx.settings.timeZone,
    at: s.at,
    staffName: s.staff_name,
    member: s.member_name !== null && s.card_no !== null ? { name: s.member_name, cardNo: s.card_no } : null,
    guestName: s.member_id === null ? s.guest_name : null,
    tagNo: s.tag_no,
    lines,
    totalCents: s.total_cents,
    payments,
    changeCents: payments.reduce((n, p) => n + (p.changeCents ?? 0), 0),
    storedValueAfterCents:
      s.member_id === null ? null : (q.storedValueAfter(ctx.db, s.member_id, s.id) ?? null),
    card,
    reprint,
    printedAt: ctx.nowIso(),
  };
}

export const receiptsHandlers: HandlersOf<typeof receiptsContract> = {
  'receipts.get': (ctx, a) => assemble(ctx, a.settlementId, 0),

  'receipts.reprint': (ctx, a) => {
    const r = assemble(ctx, a.settlementId, q.reprintCount(ctx.db, a.settlementId) + 1);
    ctx.audit({
      op: 'receipts.reprint',
      entity: 'settlement',
      entityId: a.settlementId,
      after: { number: r.number, reprint: r.reprint },
    });
    return r;
  },
};
