/** A labelled drop-down of fixed options, the shape every incidents and complaints form repeats. */
import type { ReactNode } from 'react';

export function SelectField<K extends string>(props: {
  id: string;
  label: ReactNode;
  value: NoInfer<K> | '';
  options: readonly K[];
  optionLabel(k: K): ReactNode;
  /** The first option, with the value '' (All, Not known yet …); none without it. */
  blank?: ReactNode;
  /** '' only where there is a `blank` option. */
  onChange(v: NoInfer<K> | ''): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as K | '')}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((k) => (
          <option key={k} value={k}>
            {props.optionLabel(k)}
          </option>
        ))}
      </select>
    </div>
  );
}
