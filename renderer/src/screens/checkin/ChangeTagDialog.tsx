/** Give the last check-in a different key tag (the receptionist handed out another one). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitInfo } from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { useCheckin } from '../../stores/checkin';

export function ChangeTagDialog(props: { visit: VisitInfo; onClose(): void; onDone(v: VisitInfo): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const changeTag = useCheckin((s) => s.changeTag);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(tag);
    if (!tag || !Number.isInteger(n) || n <= 0) {
      setError(t('checkin.badTag'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onDone(await changeTag(props.visit.id, n));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('checkin.changeTag.title', { name: props.visit.name })} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t('checkin.changeTag.current', { tag: props.visit.tagNumber ?? t('checkin.noTag') })}</p>
        <div className="field">
          <label htmlFor={`${uid}-tag`}>{t('checkin.changeTag.newTag')}</label>
          <input
            id={`${uid}-tag`}
            inputMode="numeric"
            value={tag}
            maxLength={6}
            onChange={(e) => setTag(e.target.value.replace(/\D/g, ''))}
            aria-invalid={!!error || undefined}
          />
        </div>
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('checkin.changeTag.submit')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
