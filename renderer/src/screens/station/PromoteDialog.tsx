/**
 * Makes this standby computer the club's front desk (issue 15), when the desk PC is gone: how old
 * the copy is, what happens, and a manager's PIN (checked against the managers in the copy). Then
 * the page reloads to the login screen of the new front desk.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsedMinutes } from '../../../../electron/shared/dates';
import { FormFooter } from '../../components/FormParts';
import { errorText } from '../../errorText';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { fmtDateTime, fmtMinutes } from '../../format';
import { promoteStation, type StationState } from '../../station';

export function PromoteDialog(props: { standby: NonNullable<StationState['standby']>; onClose: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const { busy, error, run } = useSubmit();
  const takenAt = props.standby.takenAt;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4,12}$/.test(pin)) return;
    void run(
      async () => {
        await promoteStation(pin);
        window.location.reload();
      },
      (err) => {
        setPin('');
        const code = (err as { code?: string }).code ?? '';
        return [
          'NOT_STANDBY',
          'NO_STANDBY_COPY',
          'HOST_REACHABLE',
          'PROMOTE_FAILED',
          'ALREADY_PROMOTED',
        ].includes(code)
          ? t(`station.promoteErrors.${code as 'NOT_STANDBY'}`)
          : errorText(err);
      },
    );
  };
  return (
    <Modal title={t('station.promoteTitle')} onClose={props.onClose}>
      <form onSubmit={submit}>
        {takenAt && (
          <p>
            <strong>
              {elapsedMinutes(takenAt, new Date()) < 1
                ? t('station.promoteCopyJustNow', { at: fmtDateTime(takenAt) })
                : t('station.promoteCopy', {
                    age: fmtMinutes(elapsedMinutes(takenAt, new Date())),
                    at: fmtDateTime(takenAt),
                  })}
            </strong>
          </p>
        )}
        <ul className="promote-facts">
          <li>{t('station.promoteFact1')}</li>
          <li>{t('station.promoteFact2')}</li>
          <li>{t('station.promoteFact3')}</li>
        </ul>
        <label className="field">
          <span className="label">{t('station.promotePin')}</span>
          <input
            className="promote-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <FormFooter
          error={error}
          submitLabel={busy ? t('station.promoting') : t('station.promoteConfirm')}
          disabled={busy || pin.length < 4}
          busy={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
