/**
 * Settings: this counter (language, data folder), my PIN, and for managers the club settings,
 * shift and handover (default float, checklists), card types and backups. Each tab shows only what
 * the role may do; the core still decides.
 */
import {
  useEffect,
  useId,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_KINDS, PIN_PATTERN, type CardKind } from '../../../electron/core/contract';
import { CLUB_TIME_ZONES as TIME_ZONES, isValidTime } from '../../../electron/shared/dates';
import { centsToInput, parseCents } from '../../../electron/shared/money';
import { ApiCallError, call, type OpArgs, type OpResult } from '../api';
import { Modal } from '../components/Modal';
import { errorText, invalidFields } from '../errorText';
import { fmtDateTime, fmtMoney, moneyRefusal, setClubFormat } from '../format';
import { LANGS, setLanguage } from '../i18n';
import { useCan, useSession } from '../stores/session';
import { toast } from '../stores/toast';
import { ConfirmDialog } from './members/ConfirmDialog';
import { ShiftSettingsTab } from './shift/ShiftSettingsTab';
import { VisitorSettingsTab } from './visitors/VisitorSettingsTab';

type Settings = OpResult<'settings.get'>;
type Language = Settings['language'];
type CardTypeInfo = OpResult<'cardTypes.list'>[number];
type BackupInfo = OpResult<'backups.list'>[number];
type Tab = 'counter' | 'pin' | 'club' | 'shift' | 'visitors' | 'cardTypes' | 'backups';
type Errs<K extends string> = Partial<Record<K, string>>;

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

/** A form field with its label, hint and error (ids derived from the key). */
function Field(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
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
const inv = (id: string, error?: string) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-err` : undefined,
});

export default function SettingsScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const canPin = useCan('session.changePin');
  const canClub = useCan('settings.update');
  const canCardTypes = useCan('cardTypes.create');
  const canBackups = useCan('backups.list');
  const canVisitors = useCan('classes.create');
  const tabs: Tab[] = ['counter'];
  if (canPin) tabs.push('pin');
  if (canClub) tabs.push('club');
  if (canClub) tabs.push('shift');
  if (canVisitors) tabs.push('visitors');
  if (canCardTypes) tabs.push('cardTypes');
  if (canBackups) tabs.push('backups');
  const [tab, setTab] = useState<Tab>('counter');
  const current = tabs.includes(tab) ? tab : 'counter';

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.indexOf(current) + (e.key === 'ArrowRight' ? 1 : -1);
    const next = tabs[(i + tabs.length) % tabs.length]!;
    setTab(next);
    document.getElementById(`${uid}-tab-${next}`)?.focus();
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <div className="tabs" role="tablist" aria-label={t('settings.title')} onKeyDown={onTabKey}>
        {tabs.map((k) => (
          <button
            key={k}
            id={`${uid}-tab-${k}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={current === k}
            aria-controls={`${uid}-panel`}
            tabIndex={current === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(`settings.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-tab-${current}`}>
        {current === 'counter' && <CounterTab />}
        {current === 'pin' && <PinTab />}
        {current === 'club' && <ClubTab />}
        {current === 'shift' && <ShiftSettingsTab />}
        {current === 'visitors' && <VisitorSettingsTab />}
        {current === 'cardTypes' && <CardTypesTab />}
        {current === 'backups' && <BackupsTab />}
      </div>
    </div>
  );
}

function CounterTab() {
  const { t, i18n } = useTranslation();
  const known = useSession((s) => s.status?.dataDir ?? null);
  const [dataDir, setDataDir] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('system.status', {})
      .then((s) => live && setDataDir(s.dataDir))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
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

function PinTab() {
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
      <form onSubmit={submit} noValidate className="stack" style={{ maxWidth: 360 }}>
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
    lostTagFeeCents: centsToInput(s.lostTagFeeCents),
    disinfectionDays: [...s.disinfectionDays].sort(byNumber),
    expiryWarnDays: String(s.expiryWarnDays),
    visitsWarnThreshold: String(s.visitsWarnThreshold),
    barCorrectionMinutes: String(s.barCorrectionMinutes),
    complaintDeadlineDays: String(s.complaintDeadlineDays),
  };
}

const fieldErrorKey = (k: ClubKey) => ((TIME_KEYS as readonly string[]).includes(k) ? 'time' : k);

function ClubTab() {
  const { t } = useTranslation();
  const uid = useId();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [f, setF] = useState<ClubFields | null>(null);
  const [errs, setErrs] = useState<Errs<ClubKey>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('settings.get', {})
      .then((s) => {
        if (!live) return;
        setSaved(s);
        setF(toClubFields(s));
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);

  if (!f || !saved) {
    return error ? (
      <p className="field-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">{t('common.loading')}</p>
    );
  }

  const set = <K extends ClubKey>(k: K, v: ClubFields[K]) => {
    setF((p) => (p ? { ...p, [k]: v } : p));
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
      <form onSubmit={submit} noValidate>
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

function CardTypesTab() {
  const { t } = useTranslation();
  const canCreate = useCan('cardTypes.create');
  const canUpdate = useCan('cardTypes.update');
  const [rows, setRows] = useState<CardTypeInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CardTypeInfo | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    call('cardTypes.list', { includeInactive: true })
      .then((r) => {
        if (!live) return;
        setRows(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [version]);

  const toggle = async (ct: CardTypeInfo) => {
    try {
      await call('cardTypes.update', { id: ct.id, active: !ct.active });
      toast.ok(
        t(ct.active ? 'settings.cardTypes.deactivated' : 'settings.cardTypes.activated', { name: ct.name }),
      );
      load();
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  const showPrice = rows?.some((r) => r.priceCents !== undefined) ?? false;

  return (
    <section className="section">
      <div className="toolbar">
        <h2>{t('settings.cardTypes.title')}</h2>
        <span className="spacer" />
        {canCreate && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('settings.cardTypes.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rows === null && !error && <p className="muted">{t('common.loading')}</p>}
      {rows && rows.length === 0 && <p className="empty">{t('settings.cardTypes.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.cardTypes.name')}</th>
              <th scope="col">{t('settings.cardTypes.kind')}</th>
              <th scope="col">{t('settings.cardTypes.length')}</th>
              {showPrice && (
                <th scope="col" className="num">
                  {t('settings.cardTypes.price')}
                </th>
              )}
              <th scope="col">{t('settings.cardTypes.status')}</th>
              <th scope="col" className="num">
                {t('settings.cardTypes.members')}
              </th>
              {canUpdate && <th scope="col">{t('settings.cardTypes.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((ct) => (
              <tr key={ct.id}>
                <td>{ct.name}</td>
                <td>{t(`settings.cardTypes.kinds.${ct.kind}`)}</td>
                <td>
                  {ct.kind === 'time'
                    ? t('settings.cardTypes.days', { count: ct.durationDays ?? 0 })
                    : t('settings.cardTypes.visits', { count: ct.visitCount ?? 0 })}
                </td>
                {showPrice && (
                  <td className="num">{ct.priceCents !== undefined ? fmtMoney(ct.priceCents) : '—'}</td>
                )}
                <td>
                  <span className={ct.active ? 'badge badge-ok' : 'badge badge-muted'}>
                    {t(ct.active ? 'settings.cardTypes.active' : 'settings.cardTypes.inactive')}
                  </span>
                </td>
                <td className="num">{ct.memberCount}</td>
                {canUpdate && (
                  <td className="toolbar">
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('settings.cardTypes.editNamed', { name: ct.name })}
                      onClick={() => setEditing(ct)}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={t(
                        ct.active ? 'settings.cardTypes.deactivateNamed' : 'settings.cardTypes.activateNamed',
                        {
                          name: ct.name,
                        },
                      )}
                      onClick={() => void toggle(ct)}
                    >
                      {t(ct.active ? 'settings.cardTypes.deactivate' : 'settings.cardTypes.activate')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <CardTypeDialog
          type={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(ct) => {
            setEditing(null);
            toast.ok(t('settings.cardTypes.saved', { name: ct.name }));
            load();
          }}
        />
      )}
    </section>
  );
}

function CardTypeDialog(props: { type?: CardTypeInfo; onClose(): void; onSaved(ct: CardTypeInfo): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const ct = props.type;
  const withPrice = !ct || ct.priceCents !== undefined;
  const [name, setName] = useState(ct?.name ?? '');
  const [kind, setKind] = useState<CardKind>(ct?.kind ?? 'time');
  const [amount, setAmount] = useState(
    String((ct?.kind === 'visits' ? ct.visitCount : ct?.durationDays) ?? ''),
  );
  const [price, setPrice] = useState(ct?.priceCents !== undefined ? centsToInput(ct.priceCents) : '');
  const [errs, setErrs] = useState<Errs<'name' | 'amount' | 'price'>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: typeof errs = {};
    const max = kind === 'time' ? 36_600 : 100_000;
    const n = /^\d{1,6}$/.test(amount.trim()) ? Number(amount.trim()) : NaN;
    const cents = parseCents(price);
    if (!name.trim()) e.name = t('settings.cardTypes.error.name');
    if (!(n >= 1 && n <= max)) e.amount = t(`settings.cardTypes.error.${kind}`, { max });
    if (withPrice && cents === null) e.price = moneyRefusal(price) ?? t('settings.cardTypes.error.price');
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      let saved: CardTypeInfo;
      if (ct) {
        const patch: OpArgs<'cardTypes.update'> = { id: ct.id };
        if (name.trim() !== ct.name) patch.name = name.trim();
        if (kind === 'time' && n !== ct.durationDays) patch.durationDays = n;
        if (kind === 'visits' && n !== ct.visitCount) patch.visitCount = n;
        if (withPrice && cents !== null && cents !== ct.priceCents) patch.priceCents = cents;
        saved = Object.keys(patch).length > 1 ? await call('cardTypes.update', patch) : ct;
      } else {
        saved = await call('cardTypes.create', {
          name: name.trim(),
          kind,
          durationDays: kind === 'time' ? n : null,
          visitCount: kind === 'visits' ? n : null,
          priceCents: cents ?? 0,
        });
      }
      props.onSaved(saved);
    } catch (ex) {
      const fe: typeof errs = {};
      for (const p of invalidFields(ex)) {
        if (p === 'name') fe.name = t('settings.cardTypes.error.name');
        if (p === 'durationDays' || p === 'visitCount')
          fe.amount = t(`settings.cardTypes.error.${kind}`, { max: kind === 'time' ? 36_600 : 100_000 });
        if (p === 'priceCents') fe.price = t('settings.cardTypes.error.price');
      }
      if (ex instanceof ApiCallError && ex.code === 'CARD_TYPE_NAME_TAKEN') fe.name = errorText(ex);
      setErrs(fe);
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={ct ? t('settings.cardTypes.editTitle', { name: ct.name }) : t('settings.cardTypes.newTitle')}
      onClose={props.onClose}
    >
      <form onSubmit={submit} noValidate>
        <Field id={`${uid}-name`} label={t('settings.cardTypes.name')} error={errs.name}>
          <input
            {...inv(`${uid}-name`, errs.name)}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <fieldset className="field radio-row">
          <legend>{t('settings.cardTypes.kind')}</legend>
          {CARD_KINDS.map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name={`${uid}-kind`}
                checked={kind === k}
                disabled={!!ct}
                onChange={() => setKind(k)}
              />
              {t(`settings.cardTypes.kinds.${k}`)}
            </label>
          ))}
          {ct && <div className="muted field-hint">{t('settings.cardTypes.kindFixed')}</div>}
        </fieldset>
        <Field
          id={`${uid}-amount`}
          label={t(kind === 'time' ? 'settings.cardTypes.durationDays' : 'settings.cardTypes.visitCount')}
          error={errs.amount}
        >
          <input
            {...inv(`${uid}-amount`, errs.amount)}
            inputMode="numeric"
            maxLength={6}
            value={amount}
            onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))}
          />
        </Field>
        {withPrice && (
          <Field id={`${uid}-price`} label={t('settings.cardTypes.price')} error={errs.price}>
            <input
              {...inv(`${uid}-price`, errs.price)}
              inputMode="decimal"
              maxLength={20}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          </Field>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {ct ? t('common.save') : t('settings.cardTypes.create')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function BackupsTab() {
  const { t, i18n } = useTranslation();
  const canCreate = useCan('backups.create');
  const canRestore = useCan('backups.restore');
  const [rows, setRows] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    call('backups.list', {})
      .then((r) => {
        if (!live) return;
        setRows(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [version]);

  const backUp = async () => {
    setBusy(true);
    try {
      await call('backups.create', {});
      toast.ok(t('settings.backups.created'));
      setVersion((v) => v + 1);
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const reason = (r: string) =>
    i18n.exists(`settings.backups.reasons.${r}`) ? t(`settings.backups.reasons.${r}`) : r;

  return (
    <section className="section">
      <div className="toolbar">
        <h2>{t('settings.backups.title')}</h2>
        <span className="spacer" />
        {canCreate && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void backUp()}>
            {t('settings.backups.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('settings.backups.hint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rows === null && !error && <p className="muted">{t('common.loading')}</p>}
      {rows && rows.length === 0 && <p className="empty">{t('settings.backups.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.backups.createdAt')}</th>
              <th scope="col">{t('settings.backups.reason')}</th>
              <th scope="col" className="num">
                {t('settings.backups.size')}
              </th>
              <th scope="col">{t('settings.backups.file')}</th>
              {canRestore && <th scope="col">{t('settings.backups.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.file}>
                <td>{fmtDateTime(b.createdAt)}</td>
                <td>{reason(b.reason)}</td>
                <td className="num">
                  {t('settings.backups.mb', { mb: (b.sizeBytes / 1_048_576).toFixed(1) })}
                </td>
                <td className="mono muted">{b.file}</td>
                {canRestore && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={t('settings.backups.restoreNamed', { at: fmtDateTime(b.createdAt) })}
                      onClick={() => setRestoring(b)}
                    >
                      {t('settings.backups.restore')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('settings.backups.confirmTitle')}
          confirmLabel={t('settings.backups.confirm')}
          danger
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            await call('backups.restore', { file: restoring.file });
            window.location.reload();
          }}
        >
          <p>
            {t('settings.backups.confirmText', {
              at: fmtDateTime(restoring.createdAt),
              reason: reason(restoring.reason),
            })}
          </p>
          <p className="banner banner-warn">{t('settings.backups.confirmWarn')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
