/**
 * "Report an incident": anyone at the desk records what, where, when (default now), the kind and
 * the member if any — or the name (gender, age if known) of someone who is not a member, a visitor
 * or a guest — in seconds. A customer-service manager completes the record later.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  type Gender,
  type IncidentDetail,
  type IncidentKind,
  type IncidentSeverity,
} from '../../../../electron/core/contract';
import { isValidLocalDateTime } from '../../../../electron/shared/dates';
import { call, newOpId } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { SelectField } from './SelectField';
import { nowLocalInput } from './util';

const PLACES = ['gym', 'studio', 'cycling', 'changing', 'pool', 'billiards', 'bar', 'entrance'] as const;

export function OpenIncidentDialog(props: { onClose(): void; onDone(d: IncidentDetail): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const opId = useRef(newOpId());
  const [kind, setKind] = useState<IncidentKind>('injury');
  const [severity, setSeverity] = useState<IncidentSeverity | ''>('');
  const [member, setMember] = useState<PickedMember | null>(null);
  const [who, setWho] = useState<'member' | 'other'>('member');
  const [personName, setPersonName] = useState('');
  const [personGender, setPersonGender] = useState<Gender | ''>('');
  const [personAge, setPersonAge] = useState('');
  const [when, setWhen] = useState(nowLocalInput);
  const [place, setPlace] = useState('');
  const [what, setWhat] = useState('');
  const [errs, setErrs] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!isValidLocalDateTime(when)) fe.when = t('incidents.open.needWhen');
    else if (when > nowLocalInput()) fe.when = t('incidents.open.future');
    if (!place.trim()) fe.place = t('incidents.open.needPlace');
    if (!what.trim()) fe.what = t('incidents.open.needWhat');
    const other = who === 'other';
    const name = personName.trim();
    const age = personAge.trim();
    if (other && !name && (personGender || age)) fe.personName = t('incidents.open.needPersonName');
    if (other && age && !(/^\d{1,3}$/.test(age) && Number(age) <= 150))
      fe.personAge = t('incidents.open.badAge');
    setErrs(fe);
    if (Object.keys(fe).length > 0) return;
    await run(
      async () => {
        const d = await call('incidents.open', {
          occurredAt: when,
          place: place.trim(),
          what: what.trim(),
          kind,
          ...(severity ? { severity } : {}),
          ...(!other && member ? { memberId: member.id } : {}),
          ...(other && name
            ? {
                personName: name,
                ...(personGender ? { personGender } : {}),
                ...(age ? { personAge: Number(age) } : {}),
              }
            : {}),
          opId: opId.current,
        });
        props.onDone(d);
      },
      (err) => {
        const bad = invalidFields(err);
        const fe2: Record<string, string> = {};
        if (bad.includes('occurredAt')) fe2.when = t('incidents.open.needWhen');
        if (bad.includes('place')) fe2.place = t('incidents.open.needPlace');
        if (bad.includes('what')) fe2.what = t('incidents.open.needWhat');
        if (bad.includes('personName')) fe2.personName = t('incidents.open.needPersonName');
        if (bad.includes('personAge')) fe2.personAge = t('incidents.open.badAge');
        setErrs(fe2);
        return errorText(err);
      },
    );
  };

  return (
    <Modal title={t('incidents.open.title')} onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate className="inc-open-form">
        <fieldset className="seg" aria-label={t('incidents.fields.kind')}>
          <legend className="sr-only">{t('incidents.fields.kind')}</legend>
          {INCIDENT_KINDS.map((k) => (
            <label key={k} className="seg-option">
              <input
                type="radio"
                name={`${uid}-kind`}
                className="sr-only"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`incidents.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field radio-row">
          <legend>{t('incidents.open.who')}</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${uid}-who`}
              checked={who === 'member'}
              onChange={() => setWho('member')}
            />
            {t('incidents.open.whoMember')}
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${uid}-who`}
              checked={who === 'other'}
              onChange={() => setWho('other')}
            />
            {t('incidents.open.whoOther')}
          </label>
        </fieldset>
        {who === 'member' ? (
          <MemberPicker
            label={t('incidents.open.member')}
            value={member}
            onChange={setMember}
            autoFocus
            hint={t('incidents.open.memberHint')}
          />
        ) : (
          <div className="grid-3">
            <div className="field">
              <label htmlFor={`${uid}-pname`}>{t('incidents.open.personName')}</label>
              <input
                id={`${uid}-pname`}
                autoFocus
                autoComplete="off"
                maxLength={100}
                value={personName}
                onChange={(e) => {
                  setPersonName(e.target.value);
                  setErrs((x) => ({ ...x, personName: '' }));
                }}
                aria-invalid={!!errs.personName || undefined}
              />
              <span className="field-hint">{t('incidents.open.personHint')}</span>
              {errs.personName && <div className="field-error">{errs.personName}</div>}
            </div>
            <SelectField
              id={`${uid}-pgender`}
              label={t('incidents.open.personGender')}
              value={personGender}
              options={GENDERS}
              optionLabel={(g) => t(`common.${g}`)}
              blank={t('incidents.notKnownYet')}
              onChange={setPersonGender}
            />
            <div className="field">
              <label htmlFor={`${uid}-page`}>{t('incidents.open.personAge')}</label>
              <input
                id={`${uid}-page`}
                inputMode="numeric"
                autoComplete="off"
                maxLength={3}
                value={personAge}
                onChange={(e) => {
                  setPersonAge(e.target.value);
                  setErrs((x) => ({ ...x, personAge: '' }));
                }}
                aria-invalid={!!errs.personAge || undefined}
              />
              {errs.personAge && <div className="field-error">{errs.personAge}</div>}
            </div>
          </div>
        )}
        <div className="grid-3">
          <div className="field">
            <label htmlFor={`${uid}-when`}>{t('incidents.fields.occurredAt')}</label>
            <input
              id={`${uid}-when`}
              type="datetime-local"
              value={when}
              max={nowLocalInput()}
              onChange={(e) => {
                setWhen(e.target.value);
                setErrs((x) => ({ ...x, when: '' }));
              }}
              aria-invalid={!!errs.when || undefined}
            />
            {errs.when && <div className="field-error">{errs.when}</div>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-place`}>{t('incidents.fields.place')}</label>
            <input
              id={`${uid}-place`}
              list={`${uid}-places`}
              value={place}
              maxLength={200}
              onChange={(e) => {
                setPlace(e.target.value);
                setErrs((x) => ({ ...x, place: '' }));
              }}
              aria-invalid={!!errs.place || undefined}
            />
            <datalist id={`${uid}-places`}>
              {PLACES.map((p) => (
                <option key={p} value={t(`incidents.places.${p}`)} />
              ))}
            </datalist>
            {errs.place && <div className="field-error">{errs.place}</div>}
          </div>
          <SelectField
            id={`${uid}-sev`}
            label={t('incidents.fields.severity')}
            value={severity}
            options={INCIDENT_SEVERITIES}
            optionLabel={(s) => t(`incidents.severities.${s}`)}
            blank={t('incidents.notKnownYet')}
            onChange={setSeverity}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-what`}>{t('incidents.fields.what')}</label>
          <textarea
            id={`${uid}-what`}
            value={what}
            maxLength={5000}
            rows={3}
            onChange={(e) => {
              setWhat(e.target.value);
              setErrs((x) => ({ ...x, what: '' }));
            }}
            aria-invalid={!!errs.what || undefined}
          />
          {errs.what && <div className="field-error">{errs.what}</div>}
        </div>
        <FormFooter
          error={error}
          submitLabel={t('incidents.open.submit')}
          submitClassName="btn btn-primary btn-big"
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
