/** What the settings tabs share: a labelled field with its hint and error, and amounts as typed. */
import type { ReactNode } from 'react';

export type Errs<K extends string> = Partial<Record<K, string>>;

const MONEY = /^\d{1,7}(\.\d{1,2})?$/;

/** "12.5" → 1250 cents; null when it is not an amount. */
export function parseMoney(s: string): number | null {
  const v = s.trim();
  if (!MONEY.test(v)) return null;
  const [whole = '0', frac = ''] = v.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
export const moneyInput = (cents: number) => (cents / 100).toFixed(2);

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
