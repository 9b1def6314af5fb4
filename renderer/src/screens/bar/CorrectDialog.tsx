/**
 * Correcting a line on the spot (wrong quantity, wrong drink, one more): only while the member is
 * inside, the line unpaid and the slip fresh (the club's correction window), and only once the member
 * has confirmed it. Past the window the dialog says so plainly and offers the void instead.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabLine } from '../../../../electron/core/contract';
import { ApiCallError } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { fmtMoney, fmtTime } from '../../format';
import { MAX_QTY, useBar, useSalesPoint } from '../../stores/bar';
import { QtyStepper } from './QtyStepper';

export function CorrectDialog(props: {
  line: TabLine;
  onClose(): void;
  onDone(quantity: number): void;
  /** Past the window: open the void dialog for this line instead. */
  onVoidInstead(): void;
}) {
  const { t } = useTranslation();
  const { point } = useSalesPoint();
  const uid = useId();
  const { line } = props;
  const [qty, setQty] = useState(String(line.quantity));
  const [confirmed, setConfirmed] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [refused, setRefused] = useState(false);
  const { busy, error, run } = useSubmit();
  const n = qty.trim() === '' ? NaN : Number(qty);
  const valid = Number.isInteger(n) && n >= 0 && n <= MAX_QTY;
  const changed = valid && n !== line.quantity;
  const until = line.correctableUntil === null ? null : Date.parse(line.correctableUntil);
  const minutes = until === null ? 0 : Math.round((until - Date.parse(line.createdAt)) / 60_000);
  const passed = refused || until === null || now >= until;

  // the window closes while the dialog is open: say so then, not only when saving
  useEffect(() => {
    if (passed) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [passed]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || !changed || !confirmed) return;
    await run(
      async () => {
        await useBar.getState().correct(line.id, n);
        props.onDone(n);
      },
      (err) => {
        if (err instanceof ApiCallError && err.code === 'CORRECTION_WINDOW_PASSED') {
          setRefused(true);
          return null;
        }
        return errorText(err);
      },
    );
  };

  if (passed) {
    return (
      <Modal title={t('bar.correct.title', { name: line.name })} onClose={props.onClose}>
        <div className="banner banner-warn bar-correct-passed" role="alert">
          <strong>{t('bar.correct.passedTitle')}</strong>
          <p>
            {until === null
              ? t('errors.LINE_NOT_CORRECTABLE')
              : t('bar.correct.passed', { time: fmtTime(line.createdAt), minutes, context: point })}
          </p>
        </div>
        <p>{t('bar.correct.passedWhat', { context: point })}</p>
        <FormFooter
          submitLabel={t('bar.correct.voidInstead')}
          onSubmit={props.onVoidInstead}
          onCancel={props.onClose}
        />
      </Modal>
    );
  }

  return (
    <Modal title={t('bar.correct.title', { name: line.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <p>
          {t('bar.correct.what', {
            name: line.name,
            quantity: line.quantity,
            amount: fmtMoney(line.amountCents),
          })}
        </p>
        <p className="muted">{t('bar.correct.until', { time: fmtTime(line.correctableUntil!) })}</p>
        <div className="field">
          <label htmlFor={`${uid}-qty`}>{t('bar.correct.quantity')}</label>
          <QtyStepper
            id={`${uid}-qty`}
            value={qty}
            min={0}
            max={MAX_QTY}
            onChange={setQty}
            invalid={!valid}
            describedBy={`${uid}-hint`}
          />
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
