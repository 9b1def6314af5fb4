/** What the settings tabs share: the club's settings loaded once, a labelled field with its hint and error. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpResult } from '../../api';
import { loadError, useOp } from '../../query';

/** Shows its form once the club's settings are loaded (until then: loading, or why they are not). */
export function WithSettings(props: { children: (settings: OpResult<'settings.get'>) => ReactNode }) {
  const { t } = useTranslation();
  const settings = useOp('settings.get', {});
  const failed = loadError(settings);
  if (settings.data) return props.children(settings.data);
  return failed ? (
    <p className="field-error" role="alert">
      {failed}
    </p>
  ) : (
    <p className="muted">{t('common.loading')}</p>
  );
}

export type Errs<K extends string> = Partial<Record<K, string>>;

/** A form field with its label, hint and error (ids derived from the key). */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && !props.error && <div className="muted field-hint">{props.hint}</div>}
      {props.error && (
        <div className="field-error" id={`${props.id}-err`}>
          {props.error}
        </div>
      )}
    </div>
  );
}
export const inv = (id: string, error?: string) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-err` : undefined,
});
