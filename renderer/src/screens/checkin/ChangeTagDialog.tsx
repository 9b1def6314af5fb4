/** Give the last check-in a different key tag (the receptionist handed out another one). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitInfo } from '../../../../electron/core/contract';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { useCheckin } from '../../stores/checkin';

export function ChangeTagDialog(props: { visit: VisitInfo; onClose(): void; onDone(v: VisitInfo): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const changeTag = useCheckin((s) => s.changeTag);
  const [tag, setTag] = useState('');
  const { busy, error, setError, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(tag);
    if (!tag || !Number.isInteger(n) || n <= 0) {
      setError(t('checkin.badTag'));
      return;
    }
    await run(async () => props.onDone(await changeTag(props.visit.id, n)));
  };

  return (
    <Modal title={t('checkin.changeTag.title', { name: props.visit.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
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
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={t('checkin.changeTag.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
