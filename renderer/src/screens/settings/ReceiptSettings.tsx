/**
 * Settings → this counter → receipts (managers): the receipt paper and, for the desktop app, the
 * receipt printer — next to the counter's own settings, where the printer stands (a short section:
 * its save button is in view, which it would not be under the club's long form).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_PAPERS, type ReceiptPaper } from '../../../../electron/core/contract';
import { call, type OpResult } from '../../api';
import { errorText } from '../../errorText';
import { FormError } from '../../components/FormParts';
import { setOpData } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Field, WithSettings } from './fields';

/** The receipt section, once the settings are loaded. */
export function ReceiptSection() {
  return <WithSettings>{(s) => <ReceiptSettings initial={s} />}</WithSettings>;
}

function ReceiptSettings(props: { initial: OpResult<'settings.get'> }) {
  const { t } = useTranslation();
  const uid = useId();
  const [paper, setPaper] = useState<ReceiptPaper>(props.initial.receiptPaper);
  const [printer, setPrinter] = useState(props.initial.receiptPrinter);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await call('settings.update', { receiptPaper: paper, receiptPrinter: printer.trim() });
      setOpData('settings.get', {}, s);
      useSession.getState().set({ settings: s });
      toast.ok(t('settings.club.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card section">
      <form onSubmit={(ev) => void submit(ev)} noValidate className="stack" style={{ maxWidth: 480 }}>
        <h3>{t('receipt.title')}</h3>
        <fieldset className="field radio-row">
          <legend>{t('receipt.paper.label')}</legend>
          {RECEIPT_PAPERS.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name={`${uid}-paper`} checked={paper === p} onChange={() => setPaper(p)} />
              {t(`receipt.paper.${p}`)}
            </label>
          ))}
        </fieldset>
        <Field id={`${uid}-printer`} label={t('receipt.printer.label')} hint={t('receipt.printer.hint')}>
          <input
            id={`${uid}-printer`}
            maxLength={200}
            value={printer}
            onChange={(e) => setPrinter(e.target.value)}
          />
        </Field>
        <FormError error={error} />
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
