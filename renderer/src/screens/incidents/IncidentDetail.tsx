/**
 * One incident. Managers: the whole record grouped as the procedure runs (what happened and who,
 * who was told, first aid, the statement, hospital, follow-ups, compensation and the club's
 * handling), the status (open → follow-up → closed, with the checklist of the written-report
 * fields when a close is refused), read-only after closing with dated addenda, attachments and the
 * printable report. Reception: the desk view (no medical details, no money). The parts are in
 * detail/: the form and what changed in it, the follow-ups, the addenda, the desk view.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail as Detail, IncidentReportField } from '../../../../electron/core/contract';
import { ApiCallError, call } from '../../api';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { loadError, refresh, setOpData, useOp } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Attachments } from './Attachments';
import type { PickedMember } from './MemberPicker';
import { INCIDENT_EVENTS, statusBadge } from './util';
import { Addenda } from './detail/Addenda';
import { DeskDetail } from './detail/DeskDetail';
import { AddFollowUp, FollowUpList } from './detail/FollowUps';
import { FIELD_INPUT, diff, fromView, type Form, type FormError } from './detail/form';
import { IncidentForm } from './detail/IncidentForm';
import { Section, StepChecklist } from './detail/parts';

export function IncidentDetail(props: { id: number; onBack(): void; onReport(id: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const me = useSession((s) => s.info?.staff.id);
  const [base, setBase] = useState<Form | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errs, setErrs] = useState<Record<string, FormError>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<IncidentReportField[] | null>(null);
  const dirty = !!form && !!base && JSON.stringify(form) !== JSON.stringify(base);

  // another counter changed an incident or a complaint: the record is fetched again, unless this
  // form has unsaved edits (reading an incident records who looked: no reading for nothing)
  const incident = useOp('incidents.get', { id: props.id }, { live: dirty ? false : INCIDENT_EVENTS });
  const v = incident.data ?? null;
  const failed = loadError(incident);

  // the form follows the record as fetched, unless it has unsaved edits
  const [filledFrom, setFilledFrom] = useState<Detail | null>(null);
  if (v && v !== filledFrom && !dirty) {
    const b = v.view === 'full' ? fromView(v) : null;
    setFilledFrom(v);
    setBase(b);
    setForm(b);
  }

  /** The record as a change answered it, shown at once; `keepEdits`: the form keeps what is typed. */
  const show = (d: Detail, keepEdits = false) => {
    setOpData('incidents.get', { id: d.id }, d);
    setFilledFrom(d);
    if (d.view === 'full') {
      const b = fromView(d);
      setBase(b);
      if (!keepEdits) setForm(b);
    }
  };
  const reload = () => void refresh('incidents.get');

  if (failed)
    return (
      <div className="page-header">
        <button type="button" className="btn" onClick={props.onBack}>
          ← {t('incidents.backToList')}
        </button>
        <div className="field-error" role="alert">
          {failed}
        </div>
      </div>
    );
  if (!v) return <p className="muted">{t('common.loading')}</p>;

  const closed = v.status === 'closed';
  const full = v.view === 'full' ? v : null;
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const save = async (): Promise<boolean> => {
    if (!form || !base) return true;
    const { args, errs: fe } = diff(form, base);
    setErrs(fe);
    setSaveError(null);
    if (Object.keys(fe).length) {
      setSaveError(t('incidents.formErrors.fix'));
      return false;
    }
    if (Object.keys(args).length === 0) return true;
    setBusy(true);
    try {
      show(await call('incidents.update', { id: v.id, ...args }));
      toast.ok(t('incidents.savedToast'));
      return true;
    } catch (e) {
      setSaveError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const setStatus = async (status: 'open' | 'follow_up' | 'closed') => {
    if (dirty && !(await save())) return;
    setBusy(true);
    setSaveError(null);
    try {
      const r = await call('incidents.setStatus', { id: v.id, status });
      show(r);
      if (status === 'closed') {
        setRefused(null);
        toast.ok(t('incidents.closedToast', { id: v.id }));
      }
    } catch (e) {
      if (
        e instanceof ApiCallError &&
        e.code === 'INCIDENT_REPORT_INCOMPLETE' &&
        Array.isArray(e.params.missing)
      ) {
        setRefused(e.params.missing as IncidentReportField[]);
        requestAnimationFrame(() => document.getElementById(`${uid}-checklist`)?.focus());
      } else setSaveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const linkMember = async (m: PickedMember | null) => {
    setBusy(true);
    try {
      const r = await call('incidents.update', { id: v.id, memberId: m ? m.id : null });
      setOpData('incidents.get', { id: r.id }, r);
      setFilledFrom(r);
      const b = fromView(r);
      setBase(b);
      setForm((f) =>
        f ? { ...f, memberName: b.memberName, memberGender: b.memberGender, memberAge: b.memberAge } : b,
      );
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const focusField = (f: IncidentReportField) => {
    const el = document.getElementById(`${uid}-${FIELD_INPUT[f]}${f === 'followUps' ? '-anchor' : ''}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };

  const missingNow = full?.reportMissing ?? [];

  return (
    <div className="inc-detail">
      <div className="page-header inc-detail-header">
        <button type="button" className="btn" onClick={props.onBack}>
          ← {t('incidents.backToList')}
        </button>
        <h1>{t('incidents.detailTitle', { id: v.id })}</h1>
        <span className={statusBadge(v.status)}>{t(`incidents.status.${v.status}`)}</span>
        <span className="inc-kind">
          <span className={`inc-swatch kind-${v.kind}`} aria-hidden="true" />
          {t(`incidents.kinds.${v.kind}`)}
        </span>
        {full && !closed && (
          <span className={missingNow.length ? 'badge badge-warn' : 'badge badge-ok'}>
            {missingNow.length
              ? t('incidents.reportMissingN', { count: missingNow.length })
              : t('incidents.reportComplete')}
          </span>
        )}
        <span className="spacer" />
        {full && (
          <button type="button" className="btn" onClick={() => props.onReport(v.id)}>
            {t('incidents.printReport')}
          </button>
        )}
        {full && !closed && v.status === 'open' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void setStatus('follow_up')}>
            {t('incidents.toFollowUp')}
          </button>
        )}
        {full && !closed && v.status === 'follow_up' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void setStatus('open')}>
            {t('incidents.toOpen')}
          </button>
        )}
        {full && !closed && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void setStatus('closed')}
          >
            {t('incidents.close')}
          </button>
        )}
      </div>

      {closed && (
        <div className="banner banner-ok inc-closed-banner" role="status">
          {t('incidents.closedBanner', {
            at: v.closedAt ? fmtDateTime(v.closedAt) : '',
            by: v.closedBy?.name ?? '',
          })}
        </div>
      )}

      {refused && full && (
        <div className="banner banner-block inc-checklist" role="alert" tabIndex={-1} id={`${uid}-checklist`}>
          <strong>{t('incidents.refused.title')}</strong>
          <ul aria-label={t('incidents.refused.title')}>
            {refused.map((f) => {
              const ok = !missingNow.includes(f);
              return (
                <li key={f} className={ok ? 'ok' : 'missing'}>
                  <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
                  <button type="button" className="link-button" onClick={() => focusField(f)}>
                    {t(`incidents.reportFields.${f}`)}
                  </button>
                  <span className={ok ? 'badge badge-ok' : 'badge badge-block'}>
                    {ok ? t('incidents.refused.done') : t('incidents.refused.missing')}
                  </span>
                </li>
              );
            })}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => setRefused(null)}>
            {t('common.close')}
          </button>
        </div>
      )}

      {full && !closed && <StepChecklist steps={full.steps} onGo={focusField} />}

      {v.view === 'desk' && <DeskDetail v={v} reload={reload} />}

      {full && form && (
        <>
          <IncidentForm
            uid={uid}
            v={full}
            form={form}
            set={set}
            errs={errs}
            busy={busy}
            dirty={dirty}
            saveError={saveError}
            onSave={() => void save()}
            onDiscard={() => setForm(base)}
            onLinkMember={(m) => void linkMember(m)}
          />

          <div className="inc-detail-grid inc-after-form">
            <Section n={7} title={t('incidents.sections.followUps')} wide id={`${uid}-followUps`}>
              <div tabIndex={-1} id={`${uid}-followUps-anchor`} />
              <FollowUpList items={full.followUps} full closed={closed} me={me} onDone={reload} />
              {!closed && <AddFollowUp incidentId={v.id} onAdded={(r) => show(r, true)} />}
            </Section>
            <section className="card inc-section" aria-labelledby={`${uid}-att-h`}>
              <h2 id={`${uid}-att-h`}>{t('incidents.sections.attachments')}</h2>
              <Attachments incidentId={v.id} items={v.attachments} canAttach onAdded={reload} />
            </section>
            <section className="card inc-section" aria-labelledby={`${uid}-add-h`}>
              <h2 id={`${uid}-add-h`}>{t('incidents.sections.addenda')}</h2>
              <Addenda view={full} onAdded={(r) => show(r, true)} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
