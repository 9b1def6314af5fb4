/** The parts of a complaint's page: a numbered step, a step done by writing a text, and the close. */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail as Detail } from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';

export function Step(props: {
  n: number;
  title: string;
  done: boolean;
  children: ReactNode;
  current?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li className={`card inc-cstep ${props.done ? 'done' : ''} ${props.current ? 'current' : ''}`}>
      <h3>
        <span className="inc-step" aria-hidden="true">
          {props.done ? '✓' : props.n}
        </span>
        {props.title}{' '}
        <span
          className={props.done ? 'badge badge-ok' : props.current ? 'badge badge-warn' : 'badge badge-muted'}
        >
          {props.done
            ? t('incidents.complaints.stepDone')
            : props.current
              ? t('incidents.complaints.stepNow')
              : t('incidents.complaints.stepLater')}
        </span>
      </h3>
      {props.children}
    </li>
  );
}

export function TextStep(props: {
  label: string;
  submit: string;
  rows?: number;
  extra?: ReactNode;
  onSubmit(text: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const [err, setErr] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          setErr(t('incidents.complaints.needText'));
          return;
        }
        setErr(null);
        props.onSubmit(text.trim()).then(
          () => setText(''),
          (x: unknown) => setErr(errorText(x)),
        );
      }}
    >
      <div className="field">
        <label htmlFor={`${uid}-t`}>{props.label}</label>
        {props.rows ? (
          <textarea
            id={`${uid}-t`}
            rows={props.rows}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!!err || undefined}
          />
        ) : (
          <input
            id={`${uid}-t`}
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!!err || undefined}
          />
        )}
      </div>
      {props.extra}
      {err && (
        <div className="field-error" role="alert">
          {err}
        </div>
      )}
      <button type="submit" className="btn btn-primary">
        {props.submit}
      </button>
    </form>
  );
}

/**
 * The close: what the member wanted (prefilled when recorded before) and what was agreed with the
 * member — both needed (the core refuses the close without them).
 */
export function CloseForm(props: { c: Detail; onClosed(c: Detail): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [desired, setDesired] = useState(props.c.desiredOutcome ?? '');
  const [agreed, setAgreed] = useState(props.c.agreedOutcome ?? '');
  const [errs, setErrs] = useState<{ desired?: string; agreed?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const e = {
      ...(desired.trim() ? {} : { desired: t('incidents.complaints.needDesired') }),
      ...(agreed.trim() ? {} : { agreed: t('incidents.complaints.needAgreed') }),
    };
    setErrs(e);
    setError(null);
    if (e.desired || e.agreed) return;
    setBusy(true);
    try {
      props.onClosed(
        await call('complaints.close', {
          id: props.c.id,
          desiredOutcome: desired.trim(),
          agreedOutcome: agreed.trim(),
        }),
      );
    } catch (x) {
      setError(errorText(x));
    } finally {
      setBusy(false);
    }
  };
  const area = (key: 'desired' | 'agreed', label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      <textarea
        id={`${uid}-${key}`}
        rows={2}
        maxLength={5000}
        value={value}
        onChange={(e) => {
          set(e.target.value);
          setErrs((x) => ({ ...x, [key]: undefined }));
        }}
        aria-invalid={!!errs[key] || undefined}
        aria-describedby={errs[key] ? `${uid}-${key}-err` : undefined}
      />
      {errs[key] && (
        <div className="field-error" id={`${uid}-${key}-err`}>
          {errs[key]}
        </div>
      )}
    </div>
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="field-hint">{t('incidents.complaints.closeHint')}</p>
      {area('desired', t('incidents.complaints.desiredOutcome'), desired, setDesired)}
      {area('agreed', t('incidents.complaints.agreedOutcome'), agreed, setAgreed)}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('incidents.complaints.close')}
      </button>
    </form>
  );
}
