import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '../../../electron/core/contract';

/**
 * PIN entry: a masked field that takes the keyboard (digits, Backspace, Enter) plus big on-screen
 * keys for a touch screen. Calls onSubmit with 4–8 digits.
 */
export function PinPad(props: {
  label: string;
  onSubmit: (pin: string) => void | Promise<void>;
  busy?: boolean;
  error?: string | null;
  submitLabel?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.autoFocus !== false) input.current?.focus();
  }, [props.autoFocus]);
  useEffect(() => {
    if (props.error) input.current?.focus();
  }, [props.error]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (props.busy || !PIN_PATTERN.test(pin)) return;
    // The PIN never stays on screen after an attempt, right or wrong.
    void Promise.resolve(props.onSubmit(pin)).finally(() => setPin(''));
  };
  const press = (k: string) => {
    if (k === 'clear') setPin('');
    else if (k === 'back') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 8 ? p + k : p));
    input.current?.focus();
  };

  return (
    <form className="pinpad" onSubmit={submit}>
      <label htmlFor={id} className="field-label">
        <strong>{props.label}</strong>
      </label>
      <input
        id={id}
        ref={input}
        className="input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={pin}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-err` : undefined}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
      />
      {props.error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="pinpad-keys" aria-hidden="true">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'].map((k) => (
          <button key={k} type="button" tabIndex={-1} className="btn" onClick={() => press(k)}>
            {k === 'clear' ? t('login.clear') : k === 'back' ? '⌫' : k}
          </button>
        ))}
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-big"
        disabled={props.busy || !PIN_PATTERN.test(pin)}
      >
        {props.submitLabel ?? t('login.submit')}
      </button>
    </form>
  );
}
