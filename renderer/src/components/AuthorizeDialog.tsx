/**
 * A supervisor's on-the-spot authorisation: she types her PIN (on the pad or the keyboard) and the
 * PIN alone names her; the reason is a preset chip for the situation, free text, or both. The caller
 * does the guarded action with it; if the core refuses (wrong PIN, role not allowed, a PIN shared by
 * two staff) the dialog stays open, clears the PIN and says why.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUTH_REASONS,
  PIN_PATTERN,
  type AuthAction,
  type AuthReasonCode,
} from '../../../electron/core/contract';
import { errorText } from '../errorText';
import { FormFooter } from './FormParts';
import { Modal } from './Modal';
import { useSubmit } from './useSubmit';
import './AuthorizeDialog.css';

export interface Authorization {
  pin: string;
  reasonCode?: AuthReasonCode;
  reason: string;
}

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function AuthorizeDialog(props: {
  title: string;
  /** The situation: which preset reasons are offered. */
  action: AuthAction;
  /** What is being authorised, in words. */
  children?: ReactNode;
  confirmLabel?: string;
  /** Only a manager may authorise this (the hint under the PIN says so). */
  managersOnly?: boolean;
  /** Something in the dialog's own fields is not valid yet: the confirm button waits. */
  disabled?: boolean;
  /** Does the guarded action; throws (ApiCallError) to keep the dialog open with the message. */
  onAuthorize(auth: Authorization): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [code, setCode] = useState<AuthReasonCode | null>(null);
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit();
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const uid = useId();
  const presets: readonly AuthReasonCode[] = AUTH_REASONS[props.action];

  const press = (k: (typeof PAD)[number]) => {
    if (k === 'clear') setPin('');
    else if (k === 'back') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 8 ? p + k : p));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const words = [code ? t(`checkin.auth.reasons.${code}`) : '', text.trim()].filter(Boolean).join(' — ');
    const miss = { pin: !PIN_PATTERN.test(pin), reason: words === '' };
    setMissing(miss);
    if (miss.pin || miss.reason) return;
    await run(
      () => props.onAuthorize({ pin, ...(code ? { reasonCode: code } : {}), reason: words.slice(0, 500) }),
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
        <div className="authorize-grid">
          <div className="field authorize-pin">
            <label htmlFor={`${uid}-pin`}>{t('checkin.auth.pin')}</label>
            <input
              id={`${uid}-pin`}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              aria-invalid={missing.pin || undefined}
              aria-describedby={`${uid}-who`}
            />
            <div id={`${uid}-who`} className="muted">
              {t(props.managersOnly ? 'checkin.auth.whoManager' : 'checkin.auth.who')}
            </div>
            {missing.pin && <div className="field-error">{t('checkin.auth.needPin')}</div>}
            <div className="pin-pad" role="group" aria-label={t('checkin.auth.pad')}>
              {PAD.map((k) => (
                <button
                  key={k}
                  type="button"
                  tabIndex={-1}
                  className={k.length > 1 ? 'pin-key pin-key-fn' : 'pin-key'}
                  onClick={() => press(k)}
                  aria-label={
                    k === 'clear' ? t('checkin.auth.clear') : k === 'back' ? t('checkin.auth.back') : k
                  }
                >
                  {k === 'clear' ? t('checkin.auth.clear') : k === 'back' ? '⌫' : k}
                </button>
              ))}
            </div>
          </div>
          <div className="field authorize-reason">
            <span className="label" id={`${uid}-presets`}>
              {t('checkin.auth.reason')}
            </span>
            <div className="reason-chips" role="group" aria-labelledby={`${uid}-presets`}>
              {presets.map((c) => (
                <button
                  key={c}
                  type="button"
                  className={code === c ? 'chip chip-on' : 'chip'}
                  aria-pressed={code === c}
                  onClick={() => setCode(code === c ? null : c)}
                >
                  {t(`checkin.auth.reasons.${c}`)}
                </button>
              ))}
            </div>
            <label htmlFor={`${uid}-reason`}>{t('checkin.auth.more')}</label>
            <input
              id={`${uid}-reason`}
              type="text"
              maxLength={400}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={missing.reason || undefined}
            />
            {missing.reason && <div className="field-error">{t('checkin.auth.needReason')}</div>}
          </div>
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
