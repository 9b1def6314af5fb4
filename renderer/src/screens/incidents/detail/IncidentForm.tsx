/**
 * The manager's incident form, grouped as the procedure runs: what happened, who, who was told and
 * first aid, the statement, hospital, and the club's handling; the save bar under it. Read-only
 * once the incident is closed.
 */
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  MANAGERS,
  type IncidentFullView,
  type IncidentKind,
} from '../../../../../electron/core/contract';
import { fmtDateTime, moneyRefusal } from '../../../format';
import { useStaff } from '../../../staff';
import { MemberPicker, type PickedMember } from '../MemberPicker';
import { SelectField } from '../SelectField';
import { nowLocalInput } from '../util';
import { type Form, type FormError, type MONEY, type STAFF, type TEXTS, type TIMES } from './form';
import { Section } from './parts';

export function IncidentForm(props: {
  /** The page's id prefix (the checklist's links go to `${uid}-<field>`). */
  uid: string;
  v: IncidentFullView;
  form: Form;
  set(patch: Partial<Form>): void;
  errs: Record<string, FormError>;
  busy: boolean;
  dirty: boolean;
  saveError: string | null;
  onSave(): void;
  onDiscard(): void;
  onLinkMember(m: PickedMember | null): void;
}) {
  const { t } = useTranslation();
  const staff = useStaff();
  const { uid, v, form, set, errs, busy, dirty, saveError } = props;
  const full = v;
  const closed = v.status === 'closed';
  const errText = (k: string) => {
    const e = errs[k];
    if (!e) return null;
    return <div className="field-error">{t(`incidents.formErrors.${e}`)}</div>;
  };

  // "the customer-service manager told": only managers count there (the core checks it too)
  const choices = (k: (typeof STAFF)[number]) =>
    k === 'csManagerId' ? staff.filter((s) => MANAGERS.includes(s.role)) : staff;
  const staffSelect = (k: (typeof STAFF)[number], label: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <select id={`${uid}-${k}`} value={form[k]} onChange={(e) => set({ [k]: e.target.value })}>
        <option value="">—</option>
        {choices(k).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({t(`common.roles.${s.role}`)})
          </option>
        ))}
        {/* someone no longer on the login list (inactive) keeps their name */}
        {form[k] && !choices(k).some((s) => String(s.id) === form[k]) && full && (
          <option value={form[k]}>
            {[full.csManager, full.statementTakenBy, full.hospitalAccompaniedBy, full.consultantToldBy].find(
              (x) => String(x?.id) === form[k],
            )?.name ?? `#${form[k]}`}
          </option>
        )}
      </select>
    </div>
  );

  const textField = (k: (typeof TEXTS)[number], label: string, rows = 0, hint?: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      {rows > 0 ? (
        <textarea
          id={`${uid}-${k}`}
          rows={rows}
          maxLength={5000}
          value={form[k]}
          onChange={(e) => set({ [k]: e.target.value })}
          aria-invalid={!!errs[k] || undefined}
        />
      ) : (
        <input
          id={`${uid}-${k}`}
          value={form[k]}
          maxLength={200}
          onChange={(e) => set({ [k]: e.target.value })}
          aria-invalid={!!errs[k] || undefined}
        />
      )}
      {hint && <span className="field-hint">{hint}</span>}
      {errText(k)}
    </div>
  );

  const timeField = (k: (typeof TIMES)[number] | 'occurredAt', label: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <span className="inc-time">
        <input
          id={`${uid}-${k}`}
          type="datetime-local"
          value={form[k]}
          max={nowLocalInput()}
          onChange={(e) => set({ [k]: e.target.value })}
          aria-invalid={!!errs[k] || undefined}
        />
        {!closed && k !== 'occurredAt' && !form[k] && (
          <button type="button" className="btn btn-small" onClick={() => set({ [k]: nowLocalInput() })}>
            {t('incidents.now')}
          </button>
        )}
      </span>
      {errText(k)}
    </div>
  );

  const moneyField = (k: (typeof MONEY)[number][0], label: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <input
        id={`${uid}-${k}`}
        className="money-input"
        inputMode="decimal"
        autoComplete="off"
        maxLength={20}
        value={form[k]}
        onChange={(e) => set({ [k]: e.target.value })}
        aria-invalid={!!errs[k] || undefined}
      />
      {errs[k] === 'money' ? (
        <div className="field-error">{moneyRefusal(form[k]) ?? t('incidents.formErrors.money')}</div>
      ) : (
        errText(k)
      )}
    </div>
  );

  return (
    <form
      className="inc-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <fieldset disabled={closed || busy} className="inc-detail-grid">
        <legend className="sr-only">{t('incidents.detailTitle', { id: v.id })}</legend>
        <Section n={1} title={t('incidents.sections.what')} id={`${uid}-s1`}>
          <div className="grid-2">
            {timeField('occurredAt', t('incidents.fields.occurredAt'))}
            {textField('place', t('incidents.fields.place'))}
            <SelectField
              id={`${uid}-kind`}
              label={t('incidents.fields.kind')}
              value={form.kind}
              options={INCIDENT_KINDS}
              optionLabel={(k) => t(`incidents.kinds.${k}`)}
              onChange={(kind) => set({ kind: kind as IncidentKind })}
            />
            <SelectField
              id={`${uid}-severity`}
              label={t('incidents.fields.severity')}
              value={form.severity}
              options={INCIDENT_SEVERITIES}
              optionLabel={(s) => t(`incidents.severities.${s}`)}
              blank={t('incidents.notKnownYet')}
              onChange={(severity) => set({ severity })}
            />
          </div>
          {textField('what', t('incidents.fields.what'), 3)}
          {textField('harm', t('incidents.fields.harm'), 2)}
        </Section>

        <Section n={2} title={t('incidents.sections.person')} id={`${uid}-s2`}>
          {closed ? (
            <dl className="kv">
              <dt>{t('incidents.fields.cardNo')}</dt>
              <dd className="mono">{v.person?.cardNo ?? '—'}</dd>
            </dl>
          ) : (
            <MemberPicker
              label={t('incidents.fields.member')}
              value={
                v.person?.memberId
                  ? {
                      id: v.person.memberId,
                      cardNo: v.person.cardNo ?? '',
                      name: v.person.name ?? '',
                      gender: v.person.gender ?? 'male',
                      age: v.person.age,
                    }
                  : null
              }
              onChange={props.onLinkMember}
              hint={t('incidents.memberHint')}
            />
          )}
          <div className="grid-3">
            {textField('memberName', t('incidents.fields.memberName'))}
            <SelectField
              id={`${uid}-memberGender`}
              label={t('incidents.fields.memberGender')}
              value={form.memberGender}
              options={GENDERS}
              optionLabel={(g) => t(`common.${g}`)}
              blank="—"
              onChange={(memberGender) => set({ memberGender })}
            />
            <div className="field">
              <label htmlFor={`${uid}-memberAge`}>{t('incidents.fields.memberAge')}</label>
              <input
                id={`${uid}-memberAge`}
                inputMode="numeric"
                maxLength={3}
                value={form.memberAge}
                onChange={(e) => set({ memberAge: e.target.value })}
                aria-invalid={!!errs.memberAge || undefined}
              />
              {errText('memberAge')}
            </div>
          </div>
          <p className="muted inc-small">
            {t('incidents.openedByAt', { name: v.openedBy.name, at: fmtDateTime(v.openedAt) })}
          </p>
        </Section>

        <Section n={3} title={t('incidents.sections.told')} id={`${uid}-s3`}>
          <div className="grid-2">
            {staffSelect('csManagerId', t('incidents.fields.csManager'))}
            {timeField('csManagerToldAt', t('incidents.fields.csManagerToldAt'))}
            {textField('dutyCoach', t('incidents.fields.dutyCoach'))}
            {timeField('dutyCoachToldAt', t('incidents.fields.dutyCoachToldAt'))}
          </div>
          {textField('firstAidBy', t('incidents.fields.firstAidBy'))}
          {textField('firstAid', t('incidents.fields.firstAid'), 2)}
          {(full.memberConsultant || form.consultantToldById || form.consultantToldAt) && (
            <>
              <p className="inc-small">
                {t('incidents.consultantIs', { name: full.memberConsultant?.name ?? '—' })}
              </p>
              <div className="grid-2">
                {staffSelect('consultantToldById', t('incidents.fields.consultantToldBy'))}
                {timeField('consultantToldAt', t('incidents.fields.consultantToldAt'))}
              </div>
            </>
          )}
        </Section>

        <Section n={4} title={t('incidents.sections.statement')} id={`${uid}-s4`}>
          <div className="grid-2">
            {staffSelect('statementTakenById', t('incidents.fields.statementTakenBy'))}
            {timeField('statementSignedAt', t('incidents.fields.statementSignedAt'))}
          </div>
          <p className="field-hint">{t('incidents.statementHint')}</p>
        </Section>

        <Section n={5} title={t('incidents.sections.hospital')} id={`${uid}-s5`}>
          <label className="check">
            <input
              type="checkbox"
              checked={form.hospital}
              onChange={(e) => set({ hospital: e.target.checked })}
            />
            {t('incidents.fields.hospital')}
          </label>
          {!form.hospital && textField('noHospitalReason', t('incidents.fields.noHospitalReason'), 2)}
          {form.hospital && (
            <>
              <div className="grid-2">
                {textField('hospitalName', t('incidents.fields.hospitalName'))}
                {staffSelect('hospitalAccompaniedById', t('incidents.fields.hospitalAccompaniedBy'))}
                {moneyField('examinationCost', t('incidents.fields.examinationCost'))}
                {timeField('examConfirmedAt', t('incidents.fields.examConfirmedAt'))}
              </div>
              {textField('examinationResult', t('incidents.fields.examinationResult'), 2)}
            </>
          )}
        </Section>

        <Section n={6} title={t('incidents.sections.handling')} id={`${uid}-s6`}>
          {textField('memberRequest', t('incidents.fields.memberRequest'), 2)}
          <div className="grid-2">
            {moneyField('compensationAsked', t('incidents.fields.compensationAsked'))}
            {moneyField('compensationAgreed', t('incidents.fields.compensationAgreed'))}
          </div>
          {textField('handlingOpinion', t('incidents.fields.handlingOpinion'), 3)}
        </Section>
      </fieldset>
      {!closed && (
        <div className="inc-savebar">
          {saveError && (
            <span className="field-error" role="alert">
              {saveError}
            </span>
          )}
          {dirty && !saveError && <span className="status-warn">{t('incidents.unsaved')}</span>}
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" disabled={!dirty || busy} onClick={props.onDiscard}>
            {t('incidents.discard')}
          </button>
          <button type="submit" className="btn btn-primary btn-big" disabled={!dirty || busy}>
            {t('incidents.save')}
          </button>
        </div>
      )}
    </form>
  );
}
