/**
 * Correcting a line on the spot (wrong quantity, wrong drink): only while the member is inside and
 * the line is unpaid, and only once the member has confirmed it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabLine } from '../../../../electron/core/contract';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { fmtMoney } from '../../format';
import { MAX_QTY, useBar } from '../../stores/bar';

export function CorrectDialog(props: { line: TabLine; onClose(): void; onDone(quantity: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const { line } = props;
  const [qty, setQty] = useState(String(line.quantity));
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, run } = useSubmit();
  const n = qty.trim() === '' ? NaN : Number(qty);
  const valid = Number.isInteger(n) && n >= 0 && n <= MAX_QTY;
  const changed = valid && n !== line.quantity;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || !changed || !confirmed) return;
    await run(async () => {
      await useBar.getState().correct(line.id, n);
      props.onDone(n);
    });
  };

  const step = (d: number) => {
    const cur = valid ? n : line.quantity;
    setQty(String(Math.max(0, Math.min(MAX_QTY, cur + d))));
  };

  return (
    <Modal title={t('bar.correct.title', { name: line.name })} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          {t('bar.correct.what', {
            name: line.name,
            quantity: line.quantity,
            amount: fmtMoney(line.amountCents),
          })}
        </p>
        <div className="field">
          <label htmlFor={`${uid}-qty`}>{t('bar.correct.quantity')}</label>
          <div className="bar-qty-edit">
            <button
              type="button"
              className="btn bar-qty-big"
              aria-label={t('bar.correct.less')}
              onClick={() => step(-1)}
            >
              −
            </button>
            <input
              id={`${uid}-qty`}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_QTY}
              step={1}
              value={qty}
              onChange={(e) => setQty(e.target.value.replace(/[^\d]/g, ''))}
              aria-invalid={!valid || undefined}
              aria-describedby={`${uid}-hint`}
            />
            <button
              type="button"
              className="btn bar-qty-big"
              aria-label={t('bar.correct.more')}
              onClick={() => step(1)}
            >
              +
            </button>
          </div>
          <div className="muted field-hint" id={`${uid}-hint`}>
            {valid
              ? n === 0
                ? t('bar.correct.willRemove')
                : t('bar.correct.newAmount', { amount: fmtMoney(line.unitPriceCents * n) })
              : t('bar.correct.badQuantity')}
          </div>
        </div>
        <label className="check bar-confirm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('bar.correct.memberConfirmed')}
        </label>
        <FormFooter
          error={error}
          disabled={busy || !confirmed || !changed}
          submitLabel={n === 0 ? t('bar.correct.submitRemove') : t('bar.correct.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
