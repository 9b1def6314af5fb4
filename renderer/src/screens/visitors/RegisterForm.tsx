/**
 * The visitor registration form. Bad input is marked field by field and nothing is sent; after
 * registering, the decision is shown in words (who is called and why) and the calling card appears.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../../electron/core/contract';
import { call, newOpId } from '../../api';
import { errorText, invalidFields } from '../../errorText';
import { PHONE_MAX, plausiblePhone } from '../../../../electron/shared/phone';
import { useSession } from '../../stores/session';
import { useConsultants } from '../../staff';
import { useVisitors } from '../../stores/visitors';
import { setVisitor } from './data';
import { registrationWords } from './words';

export const HEARD = ['walk_by', 'friend', 'wechat', 'online', 'flyer', 'phone_call', 'other'] as const;
export const INTERESTS = [
  'fitness',
  'weight_loss',
  'muscle',
  'classes',
  'yoga',
  'swimming',
  'personal_training',
] as const;

type YesNo = 'yes' | 'no' | '';
interface Fields {
  name: string;
  phone: string;
  gender: 'male' | 'female' | '';
  heard: (typeof HEARD)[number] | '';
  heardOther: string;
  interests: (typeof INTERESTS)[number][];
  interestOther: string;
  firstVisit: YesNo;
  metBefore: YesNo;
  /** consultant id, 'unknown' (cannot remember) or '' */
  metWho: string;
  hasAppointment: YesNo;
  /** consultant id, 'unknown' (match by phone) or '' */
  apptWho: string;
  note: string;
}
type Key = 'name' | 'phone' | 'gender' | 'heardOther' | 'firstVisit' | 'metWho' | 'apptWho';

const EMPTY: Fields = {
  name: '',
  phone: '',
  gender: '',
  heard: '',
  heardOther: '',
  interests: [],
  interestOther: '',
  firstVisit: '',
  metBefore: 'no',
  metWho: '',
  hasAppointment: 'no',
  apptWho: '',
  note: '',
};

function YesNoField(props: {
  name: string;
  legend: string;
  value: YesNo;
  error?: string;
  onChange(v: YesNo): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field radio-row vis-yesno" aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      {(['yes', 'no'] as const).map((v) => (
        <label key={v} className="radio">
          <input
            type="radio"
            name={props.name}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
          />
          {t(`common.${v}`)}
        </label>
      ))}
      {props.error && <div className="field-error vis-fieldset-error">{props.error}</div>}
    </fieldset>
  );
}

export function RegisterForm() {
  const { t } = useTranslation();
  const uid = useId();
  const consultants = useConsultants();
  const last = useVisitors((s) => s.lastRegistered);
  const me = useSession((s) => s.info?.staff.name ?? '');
  const limit = useSession((s) => s.settings?.leadOwnershipDays ?? 3);
  const [f, setF] = useState<Fields>(EMPTY);
  const [errs, setErrs] = useState<Partial<Record<Key, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opId = useRef(newOpId());
  const nameInput = useRef<HTMLInputElement>(null);

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setF((p) => ({ ...p, [k]: v }));
    setErrs((p) => ({ ...p, [k]: undefined }));
    // the summary goes with the first edit; it comes back at the next try if something is still wrong
    setError(null);
    opId.current = newOpId();
  };
  const id = (k: string) => `${uid}-${k}`;
  const inv = (k: Key) => ({
    id: id(k),
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `${id(k)}-err` : undefined,
  });
  const err = (k: Key) =>
    errs[k] ? (
      <div className="field-error" id={`${id(k)}-err`}>
        {errs[k]}
      </div>
    ) : null;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<Key, string>> = {};
    const name = f.name.trim();
    const phone = f.phone.trim();
    if (!name || name.length > 100) e.name = t('visitors.form.error.name');
    if (!plausiblePhone(phone)) e.phone = t('visitors.form.error.phone');
    if (!f.gender) e.gender = t('visitors.form.error.gender');
    if (f.heard === 'other' && !f.heardOther.trim()) e.heardOther = t('visitors.form.error.heardOther');
    if (!f.firstVisit) e.firstVisit = t('visitors.form.error.firstVisit');
    if (f.metBefore === 'yes' && !f.metWho) e.metWho = t('visitors.form.error.metWho');
    if (f.hasAppointment === 'yes' && !f.apptWho) e.apptWho = t('visitors.form.error.appointmentWho');
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) {
      setError(t('visitors.form.error.fix'));
      return;
    }
    const heardFrom =
      f.heard === 'other' ? f.heardOther.trim() : f.heard ? t(`visitors.heard.${f.heard}`) : '';
    const interests = f.interests.map((k) => t(`visitors.interest.${k}`));
    if (f.interestOther.trim()) interests.push(f.interestOther.trim());
    const metBefore = f.metBefore === 'yes';
    const hasAppointment = f.hasAppointment === 'yes';
    setBusy(true);
    try {
      const v = await call('visitors.register', {
        name,
        phone,
        gender: f.gender as 'male' | 'female',
        heardFrom: heardFrom.slice(0, 100),
        interests: interests.map((s) => s.slice(0, 100)),
        firstVisit: f.firstVisit === 'yes',
        metBefore,
        metConsultantId: metBefore && f.metWho !== 'unknown' ? Number(f.metWho) : null,
        hasAppointment,
        appointmentWithId: hasAppointment && f.apptWho !== 'unknown' ? Number(f.apptWho) : null,
        ...(f.note.trim() ? { note: f.note.trim() } : {}),
        opId: opId.current,
      });
      useVisitors.getState().setLastRegistered(v);
      setVisitor(v);
      setF(EMPTY);
      opId.current = newOpId();
      // no message: the decision panel right here says it (a message would sit on the button)
    } catch (ex) {
      const fe: Partial<Record<Key, string>> = {};
      for (const p of invalidFields(ex)) {
        if (p === 'name') fe.name = t('visitors.form.error.name');
        if (p === 'phone') fe.phone = t('visitors.form.error.phone');
      }
      setErrs(fe);
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  const consultantOptions = (extra: ReactNode) => (
    <>
      <option value="">{t('visitors.rotation.choose')}</option>
      {consultants.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
      {extra}
    </>
  );

  return (
    <div className="vis-register">
      {last && (
        <div className="banner banner-ok vis-decision" role="status" data-testid="decision">
          <div className="vis-decision-text">
            <strong>{t('visitors.decision.title', { name: last.name })}</strong>
            {registrationWords(last, limit).map((l) => (
              <p key={l}>{l}</p>
            ))}
          </div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              useVisitors.getState().setLastRegistered(null);
              nameInput.current?.focus();
            }}
          >
            {t('visitors.decision.dismiss')}
          </button>
        </div>
      )}
      <form
        className="card vis-form"
        onSubmit={(ev) => void submit(ev)}
        noValidate
        aria-label={t('visitors.form.title')}
      >
        <div className="vis-form-grid">
          <div className="field">
            <label htmlFor={id('name')}>{t('visitors.form.name')}</label>
            <input
              ref={nameInput}
              {...inv('name')}
              maxLength={100}
              autoComplete="off"
              value={f.name}
              onChange={(e) => set('name', e.target.value)}
            />
            {err('name')}
          </div>
          <div className="field">
            <label htmlFor={id('phone')}>{t('visitors.form.phone')}</label>
            <input
              {...inv('phone')}
              inputMode="tel"
              maxLength={PHONE_MAX}
              autoComplete="off"
              value={f.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
            {err('phone')}
          </div>
          <fieldset className="field radio-row" aria-invalid={errs.gender ? true : undefined}>
            <legend>{t('visitors.form.gender')}</legend>
            {GENDERS.map((g) => (
              <label key={g} className="radio">
                <input
                  type="radio"
                  name={id('gender')}
                  checked={f.gender === g}
                  onChange={() => set('gender', g)}
                />
                {t(`common.${g}`)}
              </label>
            ))}
            {errs.gender && <div className="field-error vis-fieldset-error">{errs.gender}</div>}
          </fieldset>
          <div className="field">
            <label htmlFor={id('heard')}>{t('visitors.form.heardFrom')}</label>
            <select
              id={id('heard')}
              value={f.heard}
              onChange={(e) => set('heard', HEARD.find((h) => h === e.target.value) ?? '')}
            >
              <option value="">{t('visitors.rotation.choose')}</option>
              {HEARD.map((h) => (
                <option key={h} value={h}>
                  {t(`visitors.heard.${h}`)}
                </option>
              ))}
            </select>
          </div>
          {f.heard === 'other' && (
            <div className="field">
              <label htmlFor={id('heardOther')}>{t('visitors.form.heardOther')}</label>
              <input
                {...inv('heardOther')}
                maxLength={100}
                value={f.heardOther}
                onChange={(e) => set('heardOther', e.target.value)}
              />
              {err('heardOther')}
            </div>
          )}
        </div>
        <fieldset className="field vis-interests">
          <legend>{t('visitors.form.interests')}</legend>
          <div className="vis-checks">
            {INTERESTS.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={f.interests.includes(k)}
                  onChange={(e) =>
                    set(
                      'interests',
                      e.target.checked ? [...f.interests, k] : f.interests.filter((x) => x !== k),
                    )
                  }
                />
                {t(`visitors.interest.${k}`)}
              </label>
            ))}
            <input
              className="input vis-interest-other"
              aria-label={t('visitors.form.interestOther')}
              placeholder={t('visitors.form.interestOther')}
              maxLength={100}
              value={f.interestOther}
              onChange={(e) => set('interestOther', e.target.value)}
            />
          </div>
        </fieldset>
        <div className="vis-form-grid">
          <YesNoField
            name={id('first')}
            legend={t('visitors.form.firstVisit')}
            value={f.firstVisit}
            error={errs.firstVisit}
            onChange={(v) => {
              set('firstVisit', v);
              if (v === 'yes') set('metBefore', 'no');
            }}
          />
          <YesNoField
            name={id('met')}
            legend={t('visitors.form.metBefore')}
            value={f.metBefore}
            onChange={(v) => set('metBefore', v)}
          />
          {f.metBefore === 'yes' ? (
            <div className="field">
              <label htmlFor={id('metWho')}>{t('visitors.form.metWho')}</label>
              <select {...inv('metWho')} value={f.metWho} onChange={(e) => set('metWho', e.target.value)}>
                {consultantOptions(<option value="unknown">{t('visitors.form.cantRemember')}</option>)}
              </select>
              {err('metWho')}
            </div>
          ) : (
            <div />
          )}
          <YesNoField
            name={id('appt')}
            legend={t('visitors.form.hasAppointment')}
            value={f.hasAppointment}
            onChange={(v) => set('hasAppointment', v)}
          />
          {f.hasAppointment === 'yes' && (
            <div className="field">
              <label htmlFor={id('apptWho')}>{t('visitors.form.appointmentWho')}</label>
              <select {...inv('apptWho')} value={f.apptWho} onChange={(e) => set('apptWho', e.target.value)}>
                {consultantOptions(<option value="unknown">{t('visitors.form.appointmentUnknown')}</option>)}
              </select>
              {err('apptWho')}
            </div>
          )}
          <div className="field vis-note">
            <label htmlFor={id('note')}>{t('visitors.form.note')}</label>
            <input
              id={id('note')}
              maxLength={500}
              value={f.note}
              onChange={(e) => set('note', e.target.value)}
            />
          </div>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="vis-form-foot">
          <span className="muted">{t('visitors.form.signedBy', { name: me })}</span>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setF(EMPTY);
              setErrs({});
              setError(null);
            }}
          >
            {t('visitors.form.clear')}
          </button>
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {t('visitors.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
