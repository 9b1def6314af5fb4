/** Settings → this counter (language, data folder) and my PIN: every role. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { LANGS, setLanguage } from '../../i18n';
import { useOp } from '../../query';
import { PIN_PATTERN, type SystemStatus } from '../../../../electron/core/contract';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Field } from './fields';

const dataDirOf = (s: SystemStatus) => s.dataDir;

export function CounterTab() {
  const { t, i18n } = useTranslation();
  const known = useSession((s) => s.status?.dataDir ?? null);
  const dataDir = useOp('system.status', {}, { live: false, select: dataDirOf }).data ?? null;
  return (
    <section className="card section">
      <fieldset className="field radio-row">
        <legend>{t('settings.counter.language')}</legend>
        {LANGS.map((l) => (
          <label key={l} className="radio">
            <input
              type="radio"
              name="counter-lang"
              checked={i18n.language === l}
              onChange={() => setLanguage(l)}
            />
            {t(`common.languages.${l}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted field-hint">{t('settings.counter.languageHint')}</p>
      <dl className="kv">
        <dt>{t('settings.counter.dataDir')}</dt>
        <dd className="mono">{dataDir ?? known ?? '—'}</dd>
      </dl>
    </section>
  );
}

export function PinTab() {
  const { t } = useTranslation();
  const uid = useId();
  const [f, setF] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f, v: string) => {
    setF((p) => ({ ...p, [k]: v.replace(/\D/g, '') }));
    setError(null);
  };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!PIN_PATTERN.test(f.current) || !PIN_PATTERN.test(f.next)) return setError(t('settings.pin.invalid'));
    if (f.next !== f.repeat) return setError(t('settings.pin.mismatch'));
    setBusy(true);
    try {
      await call('session.changePin', { currentPin: f.current, newPin: f.next });
      setF({ current: '', next: '', repeat: '' });
      toast.ok(t('settings.pin.changed'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const pinInput = (k: keyof typeof f, label: string) => (
    <Field id={`${uid}-${k}`} label={label}>
      <input
        id={`${uid}-${k}`}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={f[k]}
        onChange={(e) => set(k, e.target.value)}
      />
    </Field>
  );
  return (
    <section className="card section">
      <form onSubmit={(ev) => void submit(ev)} noValidate className="stack" style={{ maxWidth: 360 }}>
        {pinInput('current', t('settings.pin.current'))}
        {pinInput('next', t('settings.pin.new'))}
        {pinInput('repeat', t('settings.pin.repeat'))}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {t('settings.pin.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
