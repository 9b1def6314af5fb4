/**
 * What a member still owes from earlier visits — unpaid drink-bar lines and lost-tag fees — with
 * the total, paid in one go (split across methods). Opened from the check-in result's "unpaid
 * balance" warning, the check-out panel and the member's details.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, newOpId } from '../../api';
import type { PaymentPart, Receipt } from '../../../../electron/core/contract';
import { offerReceipt } from '../../stores/receipt';
import { FormError, FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { PaymentEditor } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { loadError, useOp } from '../../query';
import { toast } from '../../stores/toast';
import './dialogs.css';

export function DebtsDialog(props: {
  memberId: number;
  name: string;
  onClose(): void;
  onPaid(r: Receipt): void;
}) {
  const { t } = useTranslation();
  const debtsQuery = useOp('payments.debts', { memberId: props.memberId });
  const debts = debtsQuery.data ?? null;
  const failed = loadError(debtsQuery);
  const [pay, setPay] = useState<{ parts: PaymentPart[]; valid: boolean }>({ parts: [], valid: false });
  const { busy, error, run } = useSubmit();
  // kept for retries: a double press or a retry after a lost answer never pays twice
  const opId = useMemo(() => newOpId(), []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!debts || !pay.valid || busy) return;
    await run(async () => {
      const r = await call('payments.payDebts', { memberId: props.memberId, parts: pay.parts, opId });
      toast.ok(
        r.changeCents > 0
          ? t('checkin.debts.paidChange', { amount: fmtMoney(r.totalCents), change: fmtMoney(r.changeCents) })
          : t('checkin.debts.paid', { amount: fmtMoney(r.totalCents) }),
      );
      props.onPaid(r);
      offerReceipt(r.settlementId);
    });
  };

  const total = debts?.totalCents ?? 0;

  return (
    <Modal title={t('checkin.debts.title', { name: props.name })} onClose={props.onClose} wide>
      {/* keys typed here stay here (the counter screen sends stray typing to its scan field) */}
      <div
        onKeyDown={(e) => {
          if (e.key !== 'Escape') e.stopPropagation();
        }}
      >
        {failed ? (
          <FormError error={failed} />
        ) : debts === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : total <= 0 ? (
          <>
            <p className="debts-none">{t('checkin.debts.none')}</p>
            <div className="dialog-buttons">
              <button type="button" className="btn btn-primary" onClick={props.onClose}>
                {t('common.close')}
              </button>
            </div>
          </>
        ) : (
          <form className="checkout" onSubmit={(e) => void submit(e)} noValidate>
            <div className="checkout-columns">
              <section aria-label={t('checkin.debts.owed')}>
                <h3>{t('checkin.debts.owed')}</h3>
                <table className="table checkout-lines">
                  <thead>
                    <tr>
                      <th scope="col">{t('checkin.debts.date')}</th>
                      <th scope="col">{t('checkin.debts.what')}</th>
                      <th scope="col" className="num">
                        {t('checkin.out.qty')}
                      </th>
                      <th scope="col" className="num">
                        {t('checkin.out.amount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {debts.lines.map((l) => (
                      <tr key={`l${l.id}`}>
                        <td>{fmtDate(l.visitDate)}</td>
                        <td>
                          {l.name}
                          <div className="muted">{t('checkin.debts.barLine')}</div>
                        </td>
                        <td className="num">{l.quantity}</td>
                        <td className="num">{fmtMoney(l.amountCents)}</td>
                      </tr>
                    ))}
                    {debts.charges.map((c) => (
                      <tr key={`c${c.id}`}>
                        <td>{fmtDateTime(c.createdAt)}</td>
                        <td>
                          {t(`checkin.debts.charge.${c.kind}`)}
                          {c.note && <div className="muted">{c.note}</div>}
                        </td>
                        <td className="num">1</td>
                        <td className="num">{fmtMoney(c.amountCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="checkout-sum">
                  <span>{t('checkin.debts.total')}</span>
                  <strong className="checkout-due">{fmtMoney(total)}</strong>
                </div>
              </section>
              <section aria-label={t('checkin.out.payment')}>
                <h3>{t('checkin.out.payment')}</h3>
                <PaymentEditor
                  dueCents={total}
                  storedValueCents={debts.storedValueCents}
                  disabled={busy}
                  autoFocus
                  onChange={(parts, valid) => setPay({ parts, valid })}
                />
              </section>
            </div>
            <FormFooter
              error={error}
              errorClassName="checkout-error"
              submitClassName="btn btn-primary btn-big"
              disabled={busy || !pay.valid}
              busy={busy}
              submitLabel={t('checkin.debts.pay', { amount: fmtMoney(total) })}
              onCancel={props.onClose}
              cancelDisabled={busy}
            />
          </form>
        )}
      </div>
    </Modal>
  );
}
