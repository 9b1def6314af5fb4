/** The pieces every form and dialog repeats: the error line, the button row, a row of radio buttons. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { needsShiftScreen } from '../errorText';
import { useNav } from '../stores/nav';
import { useCan } from '../stores/session';

/**
 * The form's error line (announced); nothing when there is no error. When the error is that cash
 * needs an open (and uncounted) shift, a button takes the desk to the shift screen.
 */
export function FormError(props: { error: string | null | undefined; as?: 'div' | 'p'; className?: string }) {
  if (!props.error) return null;
  const Tag = props.as ?? 'div';
  return (
    <>
      <Tag className={props.className ? `field-error ${props.className}` : 'field-error'} role="alert">
        {props.error}
      </Tag>
      {needsShiftScreen(props.error) && <GoToShift />}
    </>
  );
}

/** To the shift screen, for those who may run a shift (the bar is told in words to ask the desk). */
function GoToShift() {
  const { t } = useTranslation();
  const can = useCan('shift.current');
  if (!can) return null;
  return (
    <button
      type="button"
      className="btn btn-primary go-to-shift"
      onClick={() => useNav.getState().go('shift')}
    >
      {t('shift.goTo')}
    </button>
  );
}

/**
 * The error line and the button row at the foot of a form: submit, then Cancel (or another
 * secondary action). With `onSubmit` the main button is a plain button that calls it.
 */
export function FormFooter(props: {
  error?: string | null;
  errorAs?: 'div' | 'p';
  errorClassName?: string;
  submitLabel: ReactNode;
  /** The main button's classes; "btn btn-primary" unless said. */
  submitClassName?: string;
  disabled?: boolean;
  /** aria-busy on the main button. */
  busy?: boolean;
  onSubmit?(): void;
  /** The secondary button (Cancel unless `cancelLabel` says otherwise); none without it. */
  onCancel?(): void;
  cancelLabel?: ReactNode;
  cancelDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormError error={props.error} as={props.errorAs} className={props.errorClassName} />
      <div className="dialog-buttons">
        <button
          type={props.onSubmit ? 'button' : 'submit'}
          className={props.submitClassName ?? 'btn btn-primary'}
          disabled={props.disabled}
          aria-busy={props.busy || undefined}
          onClick={props.onSubmit}
        >
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button
            type="button"
            className="btn btn-ghost"
            disabled={props.cancelDisabled}
            onClick={props.onCancel}
          >
            {props.cancelLabel ?? t('common.cancel')}
          </button>
        )}
      </div>
    </>
  );
}

/** A labelled row of radio buttons, one per option; a field error shows inside the group. */
export function RadioRow<K extends string>(props: {
  legend: ReactNode;
  name: string;
  options: readonly K[];
  value: K | '';
  onChange(k: K): void;
  label(k: K): ReactNode;
  error?: string;
  /** shown after the options (a note on the value) */
  children?: ReactNode;
}) {
  return (
    <fieldset className="field radio-row" aria-invalid={!!props.error || undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((k) => (
        <label key={k} className="radio">
          <input
            type="radio"
            name={props.name}
            value={k}
            checked={props.value === k}
            onChange={() => props.onChange(k)}
          />
          {props.label(k)}
        </label>
      ))}
      {props.children}
      {props.error && <div className="field-error">{props.error}</div>}
    </fieldset>
  );
}
