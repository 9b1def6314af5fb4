/**
 * A receipt (小票) as printed: an HTML page the width of the paper (58 or 80 mm thermal roll, or
 * A4), in the user's language, from what the core assembled (receipts.get / receipts.reprint) —
 * nothing on it is computed here but the words and the formatting.
 */
import { useTranslation } from 'react-i18next';
import type { PrintedReceipt, ReceiptLine, ReceiptPaper } from '../../../electron/core/contract';
import { formatDateTime } from '../../../electron/shared/dates';
import { fmtDate, fmtMoney, locale } from '../format';
import './receipt.css';

function LineName({ l }: { l: ReceiptLine }) {
  const { t } = useTranslation();
  const name = l.name ?? '';
  switch (l.kind) {
    case 'bar':
      return name;
    case 'lost_tag':
      return t('receipt.line.lost_tag');
    case 'topup':
      return t('receipt.line.topup');
    case 'sale':
      return t('receipt.line.sale', { name });
    case 'renewal':
      return t('receipt.line.renewal', { name });
    case 'upgrade':
      return t('receipt.line.upgrade', { name });
  }
}

export function ReceiptView(props: { receipt: PrintedReceipt; paper: ReceiptPaper }) {
  const { t } = useTranslation();
  const r = props.receipt;
  const when = (iso: string) => formatDateTime(iso, r.timeZone, locale());
  const row = (label: string, value: string, strong = false) => (
    <div className={strong ? 'rc-row rc-strong' : 'rc-row'}>
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
  return (
    <div className={`receipt receipt-${props.paper}`} data-testid="receipt">
      <div className="rc-club">{r.clubName}</div>
      <div className="rc-heading">{t(`receipt.heading.${r.kind}`)}</div>
      {r.reprint > 0 && <div className="rc-copy">{t('receipt.copy', { n: r.reprint })}</div>}
      <div className="rc-rule" />
      {row(t('receipt.no'), r.number)}
      {row(t('receipt.at'), when(r.at))}
      {r.member && row(t('receipt.member'), r.member.name)}
      {r.member && row(t('receipt.cardNo'), r.member.cardNo)}
      {r.guestName && row(t('receipt.guest'), r.guestName)}
      {r.tagNo !== null && row(t('receipt.tag'), String(r.tagNo))}
      <div className="rc-rule" />
      <div className="rc-line rc-head">
        <span className="rc-name">{t('receipt.item')}</span>
        <span className="rc-qty">{t('receipt.qty')}</span>
        <span className="rc-amt">{t('receipt.amount')}</span>
      </div>
      {r.lines.map((l, i) => (
        <div className="rc-line" key={i}>
          <span className="rc-name">
            <LineName l={l} />
            {l.unitCents !== null && l.quantity > 1 && (
              <span className="rc-unit"> @{fmtMoney(l.unitCents)}</span>
            )}
          </span>
          <span className="rc-qty">{l.quantity}</span>
          <span className="rc-amt">{fmtMoney(l.amountCents)}</span>
        </div>
      ))}
      <div className="rc-rule" />
      {row(t('receipt.total'), fmtMoney(r.totalCents), true)}
      {r.payments.map((p, i) => (
        <div key={i}>
          {row(t(`checkin.pay.method.${p.method}`), fmtMoney(p.amountCents))}
          {p.reference && <div className="rc-sub">{t('receipt.ref', { ref: p.reference })}</div>}
          {p.method === 'cash' &&
            p.tenderedCents !== null &&
            p.tenderedCents !== p.amountCents &&
            row(t('receipt.tendered'), fmtMoney(p.tenderedCents))}
        </div>
      ))}
      {r.changeCents > 0 && row(t('receipt.change'), fmtMoney(r.changeCents), true)}
      {(r.storedValueAfterCents !== null || r.card) && <div className="rc-rule" />}
      {r.storedValueAfterCents !== null &&
        row(t('receipt.storedValueLeft'), fmtMoney(r.storedValueAfterCents))}
      {r.card?.expiryDate && row(t('receipt.expiry'), fmtDate(r.card.expiryDate))}
      {r.card && r.card.visitsLeft !== null && row(t('receipt.visitsLeft'), String(r.card.visitsLeft))}
      <div className="rc-rule" />
      {row(t('receipt.staff'), r.staffName)}
      {r.reprint > 0 && <div className="rc-sub">{t('receipt.printedAt', { at: when(r.printedAt) })}</div>}
      <div className="rc-thanks">{t('receipt.thanks')}</div>
    </div>
  );
}
