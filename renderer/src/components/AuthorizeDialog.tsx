/**
 * A supervisor's on-the-spot authorisation: who (a shift lead or a manager), their PIN, and why.
 * The caller does the guarded action with it; if the core refuses (wrong PIN, role not allowed) the
 * dialog stays open and says why.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN, SUPERVISORS, type Role } from '../../../electron/core/contract';
import { errorText } from '../errorText';
import { loadError } from '../query';
import { useStaffList } from '../staff';
import { FormFooter } from './FormParts';
import { Modal } from './Modal';
import { useSubmit } from './useSubmit';
import './AuthorizeDialog.css';

export interface Authorization {
  staffId: number;
  pin: string;
  reason: string;
}

export function AuthorizeDialog(props: {
  title: string;
  /** What is being authorised, in words. */
  children?: ReactNode;
  confirmLabel?: string;
  roles?: readonly Role[];
  /** Something in the dialog's own fields is not valid yet: the confirm button waits. */
  disabled?: boolean;
  /** Does the guarded action; throws (ApiCallError) to keep the dialog open with the message. */
  onAuthorize(auth: Authorization, staffName: string): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const roles = props.roles ?? SUPERVISORS;
  const staffList = useStaffList();
  const everyone = staffList.data ?? null;
  // the roles as the dialog opened: a sole supervisor among them is chosen already
  const [firstRoles] = useState(roles);
  const sole = everyone?.filter((s) => firstRoles.includes(s.role));
  const [chosen, setStaffId] = useState<number | '' | null>(null);
  const picked = chosen ?? (sole?.length === 1 && sole[0] ? sole[0].id : '');
  // The roles may narrow while the dialog is open (e.g. a choice that needs a manager).
  const staff = everyone?.filter((s) => roles.includes(s.role)) ?? null;
  const staffId = staff?.some((s) => s.id === picked) ? picked : '';
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error: submitError, run } = useSubmit();
  const error = submitError ?? loadError(staffList);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const uid = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const miss = { staff: staffId === '', pin: !PIN_PATTERN.test(pin), reason: reason.trim() === '' };
    setMissing(miss);
    if (miss.staff || miss.pin || miss.reason) return;
    const who = staff?.find((s) => s.id === staffId);
    await run(
      () => props.onAuthorize({ staffId: Number(staffId), pin, reason: reason.trim() }, who?.name ?? ''),
      (err) => {
        setPin('');
        return errorText(err);
      },
    );
  };

  return (
    <Modal title={props.title} onClose={props.onClose}>
      <form className="authorize-form" onSubmit={(ev) => void submit(ev)} noValidate>
        {props.children && <div className="authorize-what">{props.children}</div>}
        <div className="field">
          <label htmlFor={`${uid}-staff`}>{t('checkin.auth.supervisor')}</label>
          <select
            id={`${uid}-staff`}
            value={staffId}
            onChange={(e) => setStaffId(e.target.value === '' ? '' : Number(e.target.value))}
            aria-invalid={missing.staff || undefined}
          >
            <option value="">{staff === null ? t('common.loading') : t('checkin.auth.choose')}</option>
            {(staff ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {t(`common.roles.${s.role}`)}
              </option>
            ))}
          </select>
          {missing.staff && <div className="field-error">{t('checkin.auth.needSupervisor')}</div>}
          {staff !== null && staff.length === 0 && (
            <div className="field-error">{t('checkin.auth.noSupervisors')}</div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-pin`}>{t('checkin.auth.pin')}</label>
          <input
            id={`${uid}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            aria-invalid={missing.pin || undefined}
          />
          {missing.pin && <div className="field-error">{t('checkin.auth.needPin')}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('checkin.auth.reason')}</label>
          <input
            id={`${uid}-reason`}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={missing.reason || undefined}
          />
          {missing.reason && <div className="field-error">{t('checkin.auth.needReason')}</div>}
        </div>
        <FormFooter
          error={error}
          errorClassName="authorize-error"
          disabled={busy || props.disabled}
          submitLabel={props.confirmLabel ?? t('checkin.auth.confirm')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
