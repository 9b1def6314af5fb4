/** What the settings tabs share: a labelled field with its hint and error. */
import type { ReactNode } from 'react';

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
