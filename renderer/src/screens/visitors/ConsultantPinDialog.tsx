/**
 * A consultant confirms with their own PIN at the desk (sign-in, accepting a visitor): either a
 * fixed consultant or one picked from the list. Wrong PIN: the dialog stays open and says why.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginStaff } from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { PinPad } from '../../components/PinPad';
import { useSubmit } from '../../components/useSubmit';

export function ConsultantPinDialog(props: {
  title: string;
  /** The consultant who must confirm; without it the user picks one from `choices`. */
  staff?: { id: number; name: string };
  choices?: readonly LoginStaff[];
  pinLabel: (name: string) => string;
  submitLabel: string;
  children?: ReactNode;
  onSubmit(staffId: number, pin: string): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [staffId, setStaffId] = useState<number | ''>(props.staff?.id ?? '');
  const { busy, error, setError, run } = useSubmit();
  const chosen = props.staff ?? props.choices?.find((s) => s.id === staffId);

  const submit = async (pin: string) => {
    if (!chosen) {
      setError(t('visitors.rotation.needWho'));
      return;
    }
    await run(() => props.onSubmit(chosen.id, pin));
  };

  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div className="vis-pin-dialog">
        {props.children}
        {!props.staff && (
          <div className="field">
            <label htmlFor={`${uid}-who`}>{t('visitors.rotation.signInWho')}</label>
            <select
              id={`${uid}-who`}
              className="vis-big-select"
              value={staffId}
              onChange={(e) => {
                setStaffId(e.target.value === '' ? '' : Number(e.target.value));
                setError(null);
              }}
            >
              <option value="">{t('visitors.rotation.choose')}</option>
              {(props.choices ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {props.choices && props.choices.length === 0 && (
              <div className="field-error">{t('visitors.rotation.noConsultants')}</div>
            )}
          </div>
        )}
        <PinPad
          key={chosen?.id ?? 0}
          label={props.pinLabel(chosen?.name ?? '…')}
          busy={busy}
          error={error}
          submitLabel={props.submitLabel}
          autoFocus={chosen !== undefined}
          onSubmit={submit}
        />
      </div>
    </Modal>
  );
}
