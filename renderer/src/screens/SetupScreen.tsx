import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  PIN_PATTERN,
  STAFF_GENDERS,
  type Role,
  type StaffGender,
} from '../../../electron/core/contract';
import { CLUB_TIME_ZONES as TIME_ZONES } from '../../../electron/shared/dates';
import { call } from '../api';
import { LangSwitch } from '../components/LangSwitch';
import { errorText, invalidFields } from '../errorText';
import { setLanguage, type Lang } from '../i18n';
import JoinStation from './station/JoinStation';

function defaultZone(): string {
  const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return z && TIME_ZONES.includes(z) ? z : 'Asia/Shanghai';
}

/** First run: create the club and its first manager, or a demo club to try the app. */
export default function SetupScreen(props: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [f, setF] = useState({
    clubName: '',
    timeZone: defaultZone(),
    staffArriveTime: '09:30',
    openTime: '10:00',
    closeTime: '22:00',
    tagCount: '60',
    managerName: '',
    gender: 'female' as StaffGender,
    pin: '',
    pin2: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demoStaff, setDemoStaff] = useState<{ name: string; role: Role; pin: string }[] | null>(null);
  // "join a club's front desk": this computer becomes a station of the club network
  const [joining, setJoining] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: e.target.value });
    if (errors[k]) setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.clubName.trim()) errs.clubName = t('setup.required');
    if (!f.managerName.trim()) errs.managerName = t('setup.required');
    const tags = Number(f.tagCount);
    if (!Number.isInteger(tags) || tags < 1 || tags > 2000) errs.tagCount = t('setup.tagCountInvalid');
    if (!PIN_PATTERN.test(f.pin)) errs.pin = t('setup.pinInvalid');
    else if (f.pin !== f.pin2) errs.pin2 = t('setup.pinMismatch');
    if (f.openTime >= f.closeTime) errs.closeTime = t('setup.closeAfterOpen');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await call('system.setup', {
        clubName: f.clubName.trim(),
        timeZone: f.timeZone,
        language: i18n.language as Lang,
        staffArriveTime: f.staffArriveTime,
        openTime: f.openTime,
        closeTime: f.closeTime,
        tagCount: tags,
        manager: { name: f.managerName.trim(), pin: f.pin, gender: f.gender },
      });
      props.onDone();
    } catch (err) {
      const fields = invalidFields(err);
      const mapped: Record<string, string> = {};
      for (const p of fields)
        mapped[p.replace(/^manager\.name$/, 'managerName').replace(/^manager\./, '')] = t('setup.invalid');
      setErrors(mapped);
      setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const demo = async () => {
    setBusy(true);
    setFormError(null);
    try {
      const r = await call('system.createDemo', { language: i18n.language as Lang });
      setDemoStaff(r.staff);
    } catch (err) {
      setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (k: keyof typeof f, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      {input}
      {errors[k] && (
        <span id={`${id}-${k}-err`} className="field-error" role="alert">
          {errors[k]}
        </span>
      )}
    </div>
  );
  const inputProps = (k: keyof typeof f) => ({
    id: `${id}-${k}`,
    value: f[k],
    onChange: set(k),
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': errors[k] ? `${id}-${k}-err` : undefined,
  });

  if (joining)
    return <JoinStation onDone={() => window.location.reload()} onBack={() => setJoining(false)} />;

  if (demoStaff) {
    return (
      <div className="center-screen">
        <div className="center-card">
          <h1>{t('setup.demoReady')}</h1>
          <p>{t('setup.demoStaffIntro')}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('common.name')}</th>
                <th>{t('setup.role')}</th>
                <th>{t('common.pin')}</th>
              </tr>
            </thead>
            <tbody>
              {demoStaff.map((s) => (
                <tr key={s.pin}>
                  <td>{s.name}</td>
                  <td>{t(`common.roles.${s.role}`)}</td>
                  <td className="mono">{s.pin}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-buttons">
            <button type="button" className="btn btn-primary btn-big" onClick={props.onDone}>
              {t('setup.toLogin')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="center-screen">
      <div className="center-card">
        <div className="brand">
          <div className="brand-mark" aria-hidden="true">
            FD
          </div>
          <div>
            <h1 style={{ margin: 0 }}>{t('setup.title')}</h1>
            <div className="muted">{t('setup.subtitle')}</div>
          </div>
          <LangSwitch />
        </div>
        <div className="toolbar setup-choice" role="group">
          <button type="button" className="btn btn-big" aria-pressed="true">
            {t('station.choiceHost')}
          </button>
          <button type="button" className="btn btn-big" aria-pressed="false" onClick={() => setJoining(true)}>
            {t('station.choiceJoin')}
          </button>
        </div>
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <h2>{t('setup.club')}</h2>
          <div className="grid-2">
            {field(
              'clubName',
              t('setup.clubName'),
              <input {...inputProps('clubName')} maxLength={100} autoFocus />,
            )}
            {field(
              'timeZone',
              t('setup.timeZone'),
              <select {...inputProps('timeZone')}>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>,
            )}
          </div>
          <div className="grid-3">
            {field(
              'staffArriveTime',
              t('setup.staffArriveTime'),
              <input type="time" {...inputProps('staffArriveTime')} />,
            )}
            {field('openTime', t('setup.openTime'), <input type="time" {...inputProps('openTime')} />)}
            {field('closeTime', t('setup.closeTime'), <input type="time" {...inputProps('closeTime')} />)}
          </div>
          <div className="grid-2">
            {field(
              'tagCount',
              t('setup.tagCount'),
              <input type="number" min={1} max={2000} {...inputProps('tagCount')} />,
            )}
            <div className="field">
              <span className="label">{t('common.language')}</span>
              <div className="toolbar">
                {LANGUAGES.map((l) => (
                  <label key={l} className="radio">
                    <input
                      type="radio"
                      name="lang"
                      checked={i18n.language === l}
                      onChange={() => setLanguage(l)}
                    />
                    {t(`common.languages.${l}`)}
                  </label>
                ))}
              </div>
            </div>
          </div>
          <h2>{t('setup.manager')}</h2>
          <div className="grid-2">
            {field(
              'managerName',
              t('setup.managerName'),
              <input {...inputProps('managerName')} maxLength={100} />,
            )}
            <div className="field">
              <span className="label">{t('common.gender')}</span>
              <div className="toolbar">
                {STAFF_GENDERS.map((g) => (
                  <label key={g} className="radio">
                    <input
                      type="radio"
                      name="gender"
                      checked={f.gender === g}
                      onChange={() => setF({ ...f, gender: g })}
                    />
                    {t(`common.${g}`)}
                  </label>
                ))}
              </div>
            </div>
            {field(
              'pin',
              t('setup.pin'),
              <input type="password" inputMode="numeric" maxLength={8} {...inputProps('pin')} />,
            )}
            {field(
              'pin2',
              t('setup.pin2'),
              <input type="password" inputMode="numeric" maxLength={8} {...inputProps('pin2')} />,
            )}
          </div>
          {formError && (
            <p className="banner banner-block" role="alert">
              {formError}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" className="btn btn-big" onClick={() => void demo()} disabled={busy}>
              {t('setup.createDemo')}
            </button>
            <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
              {t('setup.create')}
            </button>
          </div>
          <p className="muted">{t('setup.demoHint')}</p>
        </form>
      </div>
    </div>
  );
}
