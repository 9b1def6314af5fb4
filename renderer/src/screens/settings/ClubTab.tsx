/** Settings → club (managers): name, time zone, language, hours, limits, lost-tag fee, disinfection days. */
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_TIME_ZONES as TIME_ZONES, isValidTime } from '../../../../electron/shared/dates';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { call, type OpArgs, type OpResult } from '../../api';
import { errorText, invalidFields } from '../../errorText';
import { moneyRefusal, setClubFormat } from '../../format';
import { LANGS } from '../../i18n';
import { setOpData } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Field, inv, WithSettings, type Errs } from './fields';

type Settings = OpResult<'settings.get'>;
type Language = Settings['language'];

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const INT_FIELDS = {
  duplicateScanSeconds: [0, 600],
  idleLockMinutes: [1, 240],
  expiryWarnDays: [0, 90],
  visitsWarnThreshold: [0, 100],
  barCorrectionMinutes: [0, 60],
  complaintDeadlineDays: [1, 60],
} as const;
type IntKey = keyof typeof INT_FIELDS;
const INT_KEYS = Object.keys(INT_FIELDS) as IntKey[];
const TIME_KEYS = ['staffArriveTime', 'openTime', 'closeTime'] as const;

const byNumber = (a: number, b: number) => a - b;

type ClubFields = Record<
  'clubName' | 'timeZone' | 'lostTagFeeCents' | (typeof TIME_KEYS)[number] | IntKey,
  string
> & {
  language: Language;
  disinfectionDays: number[];
};
type ClubKey = keyof ClubFields;

function toClubFields(s: Settings): ClubFields {
  return {
    clubName: s.clubName,
    timeZone: s.timeZone,
    language: s.language,
    staffArriveTime: s.staffArriveTime,
    openTime: s.openTime,
    closeTime: s.closeTime,
    duplicateScanSeconds: String(s.duplicateScanSeconds),
    idleLockMinutes: String(s.idleLockMinutes),
    lostTagFeeCents: centsToYuan(s.lostTagFeeCents),
    disinfectionDays: [...s.disinfectionDays].sort(byNumber),
    expiryWarnDays: String(s.expiryWarnDays),
    visitsWarnThreshold: String(s.visitsWarnThreshold),
    barCorrectionMinutes: String(s.barCorrectionMinutes),
    complaintDeadlineDays: String(s.complaintDeadlineDays),
  };
}

const isTimeKey = (k: ClubKey): k is (typeof TIME_KEYS)[number] =>
  (TIME_KEYS as readonly string[]).includes(k);
const fieldErrorKey = (k: ClubKey) => (isTimeKey(k) ? 'time' : k);

export function ClubTab() {
  return <WithSettings>{(s) => <ClubForm initial={s} />}</WithSettings>;
}

/** The form, filled from the settings as loaded (and as saved): edits stay while others change things. */
function ClubForm(props: { initial: Settings }) {
  const { t } = useTranslation();
  const uid = useId();
  const [saved, setSaved] = useState<Settings>(props.initial);
  const [f, setF] = useState<ClubFields>(() => toClubFields(props.initial));
  const [errs, setErrs] = useState<Errs<ClubKey>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends ClubKey>(k: K, v: ClubFields[K]) => {
    setF((p) => ({ ...p, [k]: v }));
    setErrs((p) => ({ ...p, [k]: undefined }));
  };
  const err = (k: ClubKey) => t(`settings.club.error.${fieldErrorKey(k)}`);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Errs<ClubKey> = {};
    const patch: OpArgs<'settings.update'> = {};
    const name = f.clubName.trim();
    if (!name || name.length > 100) e.clubName = err('clubName');
    else if (name !== saved.clubName) patch.clubName = name;
    if (f.timeZone !== saved.timeZone) patch.timeZone = f.timeZone;
    if (f.language !== saved.language) patch.language = f.language;
    for (const k of TIME_KEYS) {
      if (!isValidTime(f[k])) e[k] = err(k);
      else if (f[k] !== saved[k]) patch[k] = f[k];
    }
    for (const k of INT_KEYS) {
      const [min, max] = INT_FIELDS[k];
      const n = /^\d{1,4}$/.test(f[k].trim()) ? Number(f[k].trim()) : NaN;
      if (!(n >= min && n <= max)) e[k] = err(k);
      else if (n !== saved[k]) patch[k] = n;
    }
    const fee = parseCents(f.lostTagFeeCents);
    if (fee === null) e.lostTagFeeCents = moneyRefusal(f.lostTagFeeCents) ?? err('lostTagFeeCents');
    else if (fee !== saved.lostTagFeeCents) patch.lostTagFeeCents = fee;
    const days = [...f.disinfectionDays].sort(byNumber);
    if (days.join() !== [...saved.disinfectionDays].sort(byNumber).join()) patch.disinfectionDays = days;
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) return;
    if (Object.keys(patch).length === 0) return toast.info(t('settings.club.noChanges'));
    setBusy(true);
    try {
      const s = await call('settings.update', patch);
      setSaved(s);
      setF(toClubFields(s));
      setOpData('settings.get', {}, s);
      useSession.getState().set({ settings: s });
      setClubFormat({ timeZone: s.timeZone, currency: s.currency });
      toast.ok(t('settings.club.saved'));
    } catch (ex) {
      const fe: Errs<ClubKey> = {};
      for (const p of invalidFields(ex)) {
        const k = p.split('.')[0] as ClubKey;
        if (k in f) fe[k] = err(k);
      }
      setErrs(fe);
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  const id = (k: ClubKey) => `${uid}-${k}`;
  const text = (
    k: Exclude<ClubKey, 'language' | 'disinfectionDays'>,
    input: InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => (
    <Field id={id(k)} label={t(`settings.club.${k}`)} error={errs[k]} hint={hint}>
      <input {...input} {...inv(id(k), errs[k])} value={f[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  const num = (k: IntKey) =>
    text(
      k,
      { type: 'number', inputMode: 'numeric', min: INT_FIELDS[k][0], max: INT_FIELDS[k][1], step: 1 },
      t(`settings.club.hint.${k}`),
    );
  const zones = TIME_ZONES.includes(f.timeZone) ? TIME_ZONES : [f.timeZone, ...TIME_ZONES];

  return (
    <section className="card section">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="grid-2">
          {text('clubName', { maxLength: 100 })}
          <Field id={id('timeZone')} label={t('settings.club.timeZone')} error={errs.timeZone}>
            <select
              {...inv(id('timeZone'), errs.timeZone)}
              value={f.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={id('language')}
            label={t('settings.club.language')}
            error={errs.language}
            hint={t('settings.club.hint.language')}
          >
            <select
              {...inv(id('language'), errs.language)}
              value={f.language}
              onChange={(e) => set('language', e.target.value as Language)}
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`common.languages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          {text(
            'lostTagFeeCents',
            { inputMode: 'decimal', maxLength: 20 },
            t('settings.club.hint.lostTagFeeCents', { currency: saved.currency }),
          )}
        </div>
        <div className="grid-3">
          {TIME_KEYS.map((k) => (
            <div key={k}>{text(k, { type: 'time' })}</div>
          ))}
        </div>
        <div className="grid-2">
          {INT_KEYS.map((k) => (
            <div key={k}>{num(k)}</div>
          ))}
        </div>
        <fieldset className="field radio-row" aria-describedby={`${uid}-days-hint`}>
          <legend>{t('settings.club.disinfectionDays')}</legend>
          {DAYS.map((d, i) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={f.disinfectionDays.includes(i)}
                onChange={(e) =>
                  set(
                    'disinfectionDays',
                    e.target.checked
                      ? [...f.disinfectionDays, i].sort(byNumber)
                      : f.disinfectionDays.filter((x) => x !== i),
                  )
                }
              />
              {t(`settings.days.${d}`)}
            </label>
          ))}
          <div className="muted field-hint" id={`${uid}-days-hint`}>
            {t('settings.club.hint.disinfectionDays')}
          </div>
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {t('settings.club.save')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setF(toClubFields(saved));
              setErrs({});
              setError(null);
            }}
          >
            {t('settings.club.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
