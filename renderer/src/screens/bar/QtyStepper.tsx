/** A quantity field with big − / + buttons either side (the correct and void dialogs). */
import { useTranslation } from 'react-i18next';

export function QtyStepper(props: {
  id: string;
  value: string;
  min: number;
  max: number;
  onChange(value: string): void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const n = props.value.trim() === '' ? NaN : Number(props.value);
  const step = (d: number) => {
    const cur = Number.isInteger(n) ? n : props.min;
    props.onChange(String(Math.max(props.min, Math.min(props.max, cur + d))));
  };
  return (
    <div className="bar-qty-edit">
      <button
        type="button"
        className="btn bar-qty-big"
        aria-label={t('bar.correct.less')}
        onClick={() => step(-1)}
      >
        −
      </button>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/[^\d]/g, ''))}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
      />
      <button
        type="button"
        className="btn bar-qty-big"
        aria-label={t('bar.correct.more')}
        onClick={() => step(1)}
      >
        +
      </button>
    </div>
  );
}
