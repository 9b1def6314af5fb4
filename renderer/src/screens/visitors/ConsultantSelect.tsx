/** A labelled choice of consultant ('' until one is chosen), with its error line when missing. */
import { useTranslation } from 'react-i18next';

export function ConsultantSelect(props: {
  id: string;
  label: string;
  value: number | '';
  onChange(v: number | ''): void;
  consultants: readonly { id: number; name: string }[];
  /** The error text, shown (and the field marked invalid) while a consultant is missing. */
  missing: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.missing ? true : undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? '' : Number(e.target.value))}
      >
        <option value="">{t('visitors.rotation.choose')}</option>
        {props.consultants.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {props.missing && <div className="field-error">{props.missing}</div>}
    </div>
  );
}
