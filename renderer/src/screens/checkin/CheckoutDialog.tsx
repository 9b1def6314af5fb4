/**
 * The check-out panel: who is leaving, their tag, the drink-bar tab (lines and total) and any
 * unpaid charges; "Tag returned — check out" (Enter), or "Tag not returned" (asks to confirm, shows
 * the lost-tag fee). Used by the check-in screen and the key-tag board.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newOpId } from '../../api';
import type { CheckoutPreview, CheckoutResult } from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import '../CheckInScreen.css';
import { errorText } from '../../errorText';
import { fmtDuration, fmtMoney, fmtTime } from '../../format';
import { useCheckin } from '../../stores/checkin';

export function CheckoutDialog(props: {
  preview: CheckoutPreview;
  onClose(): void;
  onDone(r: CheckoutResult): void;
}) {
  const { t } = useTranslation();
  const { preview } = props;
  const v = preview.visit;
  const checkout = useCheckin((s) => s.checkout);
  const [step, setStep] = useState<'main' | 'confirmLost'>('main');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // one id per choice, so a double press or a retry never checks out twice
  const opIds = useMemo(() => ({ returned: newOpId(), lost: newOpId() }), []);
  const owed = preview.tabCents + preview.unpaidChargesCents;

  const run = async (tagReturned: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await checkout(v.visitId, tagReturned, tagReturned ? opIds.returned : opIds.lost);
      props.onDone(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('checkin.out.title', { name: v.name })} onClose={props.onClose} wide>
      <div className="checkout">
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

        <section className="checkout-tab" aria-label={t('checkin.out.tab')}>
          <h3>{t('checkin.out.tab')}</h3>
          {preview.tabLines.length === 0 ? (
            <p className="muted">{t('checkin.out.noTab')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('checkin.out.item')}</th>
                  <th scope="col" className="num">
                    {t('checkin.out.qty')}
                  </th>
                  <th scope="col" className="num">
                    {t('checkin.out.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.tabLines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.description}</td>
                    <td className="num">{l.quantity}</td>
                    <td className="num">{fmtMoney(l.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="checkout-sum">
            <span>{t('checkin.out.tabTotal')}</span>
            <strong>{fmtMoney(preview.tabCents)}</strong>
          </div>
          {preview.unpaidChargesCents > 0 && (
            <div className="checkout-sum checkout-owed">
              <span>{t('checkin.out.unpaidCharges')}</span>
              <strong>{fmtMoney(preview.unpaidChargesCents)}</strong>
            </div>
          )}
          {owed > 0 && (
            <p className="checkout-settle">{t('checkin.out.settle', { amount: fmtMoney(owed) })}</p>
          )}
        </section>

        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}

        {step === 'main' ? (
          <div className="dialog-buttons">
            {/* first in the document so the dialog focuses it: Enter checks out */}
            <button
              type="button"
              className="btn btn-primary btn-big"
              disabled={busy}
              onClick={() => void run(true)}
            >
              {v.tagNumber !== null ? t('checkin.out.returned') : t('checkin.out.checkoutNoTag')}
            </button>
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
            <div className="dialog-buttons">
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                autoFocus
                onClick={() => void run(false)}
              >
                {t('checkin.out.confirmLost')}
              </button>
              <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setStep('main')}>
                {t('common.back')}
              </button>
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}
