/**
 * The check-out panel: who is leaving, their tag, the drink-bar tab (lines and total) and any
 * unpaid charges. An unpaid tab is paid here in the same step (split across cash, card, mobile and
 * stored value, adding up to the cent), or a shift lead lets the member leave with it unpaid.
 * "Tag returned — check out" (Enter), or "Tag not returned" (asks to confirm, shows the lost-tag
 * fee). Used by the check-in screen and the key-tag board.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newOpId } from '../../api';
import type { CheckoutPreview, CheckoutResult, PaymentPart } from '../../../../electron/core/contract';
import { AuthorizeDialog, type Authorization } from '../../components/AuthorizeDialog';
import { FormError } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { PaymentEditor } from '../../components/PaymentEditor';
import './dialogs.css';
import { errorText } from '../../errorText';
import { fmtDuration, fmtMoney, fmtTime } from '../../format';
import { useCheckin, type CheckoutSettle } from '../../stores/checkin';
import { useCan } from '../../stores/session';
import { offerReceipt } from '../../stores/receipt';
import { DebtsDialog } from './DebtsDialog';

export function CheckoutDialog(props: {
  preview: CheckoutPreview;
  onClose(): void;
  onDone(r: CheckoutResult): void;
}) {
  const { t } = useTranslation();
  const { preview } = props;
  const v = preview.visit;
  const checkout = useCheckin((s) => s.checkout);
  const canPayDebts = useCan('payments.payDebts');
  const [step, setStep] = useState<'main' | 'confirmLost'>('main');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pay, setPay] = useState<{ parts: PaymentPart[]; valid: boolean }>({ parts: [], valid: false });
  const [sub, setSub] = useState<'leaveUnpaid' | 'debts' | null>(null);
  const [debtsPaid, setDebtsPaid] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // one id per choice, kept for retries of that choice, so a double press or a retry after a lost
  // answer never checks out (or takes the money) twice
  const opIds = useMemo(
    () => ({
      returned: newOpId(),
      lost: newOpId(),
      unpaidReturned: newOpId(),
      unpaidLost: newOpId(),
    }),
    [],
  );
  const hasTab = preview.tabCents > 0;
  const canPay = !hasTab || pay.valid;
  const otherOwed = debtsPaid ? 0 : preview.unpaidChargesCents;

  // with nothing to pay the confirm button takes the first focus (Enter checks out); with a tab the
  // payment editor focuses its first field itself
  useEffect(() => {
    if (!hasTab) confirmRef.current?.focus();
  }, [hasTab]);

  // what to say after (hand back the card, the change) is the caller's: the check-in screen's
  // result panel says it in large type, the key-tag board has only a toast
  const finish = (r: CheckoutResult) => {
    props.onDone(r);
    if (r.receipt) offerReceipt(r.receipt.settlementId);
  };

  const run = async (tagReturned: boolean) => {
    if (busy || !canPay) return;
    setBusy(true);
    setError(null);
    const settle: CheckoutSettle = hasTab ? { payment: { parts: pay.parts } } : {};
    try {
      const r = await checkout(v.visitId, tagReturned, tagReturned ? opIds.returned : opIds.lost, settle);
      finish(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** Runs inside the authorisation dialog: a refusal keeps it open with the reason. */
  const leaveUnpaid = async (auth: Authorization) => {
    const tagReturned = step === 'main';
    const r = await checkout(v.visitId, tagReturned, tagReturned ? opIds.unpaidReturned : opIds.unpaidLost, {
      leaveUnpaid: auth,
    });
    setSub(null);
    finish(r);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'main') void run(true);
  };

  // only a member's tab can become a debt; a guest pays before leaving
  const leaveUnpaidButton = hasTab && v.memberId !== null && (
    <button
      type="button"
      className="btn"
      disabled={busy}
      onClick={() => {
        setError(null);
        setSub('leaveUnpaid');
      }}
    >
      {t('checkin.out.leaveUnpaid')}
    </button>
  );

  return (
    <Modal title={t('checkin.out.title', { name: v.name })} onClose={props.onClose} wide>
      <form
        className="checkout"
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          // Enter on a method button (a radio) checks out too
          const el = e.target as HTMLInputElement;
          if (e.key === 'Enter' && el.tagName === 'INPUT' && el.type === 'radio') {
            e.preventDefault();
            if (step === 'main') void run(true);
          }
        }}
      >
        <dl className="checkout-facts">
          <div>
            <dt>{t('checkin.out.name')}</dt>
            <dd>
              {v.name} <span className="badge badge-muted">{t(`checkin.kind.${v.kind}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('checkin.out.cardNo')}</dt>
            <dd>{v.cardNo ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('checkin.out.tag')}</dt>
            <dd className="checkout-tag">{v.tagNumber ?? t('checkin.noTag')}</dd>
          </div>
          <div>
            <dt>{t('checkin.out.since')}</dt>
            <dd>
              {fmtTime(v.checkedInAt)} ({fmtDuration(v.checkedInAt)})
            </dd>
          </div>
        </dl>

        <div className={hasTab ? 'checkout-columns' : undefined}>
          <section className="checkout-tab" aria-label={t('checkin.out.tab')}>
            <h3>{t('checkin.out.tab')}</h3>
            {preview.tabLines.length === 0 ? (
              <p className="muted">{t('checkin.out.noTab')}</p>
            ) : (
              <table className="table checkout-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('checkin.out.item')}</th>
                    <th scope="col" className="num">
                      {t('checkin.out.qty')}
                    </th>
                    <th scope="col" className="num">
                      {t('checkin.out.unitPrice')}
                    </th>
                    <th scope="col" className="num">
                      {t('checkin.out.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.tabLines.map((l) => (
                    <tr key={l.id} className={l.voided ? 'line-voided' : l.paid ? 'line-paid' : undefined}>
                      <td>
                        {l.voided ? <s>{l.name}</s> : l.name}{' '}
                        {l.voided && <span className="badge badge-muted">{t('checkin.out.voided')}</span>}
                        {!l.voided && l.paid && (
                          <span className="badge badge-ok">{t('checkin.out.paid')}</span>
                        )}
                      </td>
                      <td className="num">{l.quantity}</td>
                      <td className="num">{fmtMoney(l.unitPriceCents)}</td>
                      <td className="num">
                        {l.voided ? <s>{fmtMoney(l.amountCents)}</s> : fmtMoney(l.amountCents)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="checkout-sum">
              <span>{hasTab ? t('checkin.out.tabDue') : t('checkin.out.tabTotal')}</span>
              <strong className={hasTab ? 'checkout-due' : undefined}>{fmtMoney(preview.tabCents)}</strong>
            </div>
            {otherOwed > 0 && (
              <div className="checkout-sum checkout-owed">
                <span>
                  {t('checkin.out.unpaidCharges')}
                  <span className="muted checkout-owed-note"> {t('checkin.out.unpaidChargesNote')}</span>
                </span>
                <span className="checkout-owed-pay">
                  <strong>{fmtMoney(otherOwed)}</strong>
                  {canPayDebts && v.memberId !== null && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => setSub('debts')}
                    >
                      {t('checkin.payNow')}
                    </button>
                  )}
                </span>
              </div>
            )}
          </section>

          {hasTab && (
            <section className="checkout-pay" aria-label={t('checkin.out.payment')}>
              <h3>{t('checkin.out.payment')}</h3>
              <PaymentEditor
                dueCents={preview.tabCents}
                storedValueCents={preview.storedValueCents}
                disabled={busy}
                autoFocus
                quickTender
                onChange={(parts, valid) => setPay({ parts, valid })}
              />
            </section>
          )}
        </div>

        <FormError error={error} className="checkout-error" />

        {step === 'main' ? (
          <div className="dialog-buttons">
            <button
              ref={confirmRef}
              type="submit"
              className="btn btn-primary btn-big"
              disabled={busy || !canPay}
              aria-busy={busy || undefined}
            >
              {v.tagNumber !== null ? t('checkin.out.returned') : t('checkin.out.checkoutNoTag')}
            </button>
            {leaveUnpaidButton}
            {v.tagNumber !== null && (
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                onClick={() => setStep('confirmLost')}
              >
                {t('checkin.out.notReturned')}
              </button>
            )}
          </div>
        ) : (
          <div className="checkout-confirm" role="group" aria-label={t('checkin.out.notReturned')}>
            <p>
              {t('checkin.out.lostExplain', { tag: v.tagNumber ?? '' })}{' '}
              {preview.lostTagFeeCents > 0 && v.memberId !== null
                ? t('checkin.out.lostFee', { amount: fmtMoney(preview.lostTagFeeCents) })
                : t('checkin.out.lostNoFee')}
            </p>
            {hasTab && <p className="checkout-lost-tab">{t('checkin.out.lostTabToo')}</p>}
            <div className="dialog-buttons">
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy || !canPay}
                autoFocus
                onClick={() => void run(false)}
              >
                {t('checkin.out.confirmLost')}
              </button>
              {leaveUnpaidButton}
              <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setStep('main')}>
                {t('common.back')}
              </button>
            </div>
          </div>
        )}
      </form>

      {sub === 'leaveUnpaid' && (
        <AuthorizeDialog
          title={t('checkin.out.leaveUnpaid')}
          confirmLabel={t('checkin.out.leaveUnpaidConfirm')}
          onClose={() => setSub(null)}
          action="leaveUnpaid"
          onAuthorize={leaveUnpaid}
        >
          <p>{t('checkin.out.leaveUnpaidWhat', { name: v.name, amount: fmtMoney(preview.tabCents) })}</p>
        </AuthorizeDialog>
      )}
      {sub === 'debts' && v.memberId !== null && (
        <DebtsDialog
          memberId={v.memberId}
          name={v.name}
          onClose={() => setSub(null)}
          onPaid={() => {
            setDebtsPaid(true);
            setSub(null);
          }}
        />
      )}
    </Modal>
  );
}
