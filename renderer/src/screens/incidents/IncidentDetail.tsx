/**
 * One incident. Managers: the whole record grouped as the procedure runs (what happened and who,
 * who was told, first aid, the statement, hospital, follow-ups, compensation and the club's
 * handling), the status (open → follow-up → closed, with the checklist of the written-report
 * fields when a close is refused), read-only after closing with dated addenda, attachments and the
 * printable report. Reception: the desk view (no medical details, no money).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_KINDS,
  GENDERS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  MANAGERS,
  type FollowUpInfo,
  type IncidentDeskView,
  type IncidentDetail as Detail,
  type IncidentFullView,
  type IncidentKind,
  type IncidentReportField,
  type IncidentSeverity,
  type IncidentStepCheck,
  type OpArgs,
} from '../../../../electron/core/contract';
import { isValidDate, isValidLocalDateTime } from '../../../../electron/shared/dates';
import { centsToInput, parseCents } from '../../../../electron/shared/money';
import { ApiCallError, call } from '../../api';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime, moneyRefusal } from '../../format';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Attachments } from './Attachments';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { SelectField } from './SelectField';
import { useStaffList } from './staff';
import { followUpBadge, isoToLocalInput, nowLocalInput, statusBadge } from './util';

interface Form {
  occurredAt: string;
  place: string;
  what: string;
  kind: IncidentKind;
  severity: IncidentSeverity | '';
  memberName: string;
  memberGender: 'male' | 'female' | '';
  memberAge: string;
  harm: string;
  csManagerId: string;
  csManagerToldAt: string;
  dutyCoach: string;
  dutyCoachToldAt: string;
  firstAidBy: string;
  firstAid: string;
  statementTakenById: string;
  statementSignedAt: string;
  hospital: boolean;
  noHospitalReason: string;
  hospitalName: string;
  hospitalAccompaniedById: string;
  examinationCost: string;
  examinationResult: string;
  examConfirmedAt: string;
  memberRequest: string;
  compensationAsked: string;
  compensationAgreed: string;
  handlingOpinion: string;
  consultantToldById: string;
  consultantToldAt: string;
}

const money = (c: number | null) => (c === null ? '' : centsToInput(c));

function fromView(v: IncidentFullView): Form {
  return {
    occurredAt: isoToLocalInput(v.occurredAt),
    place: v.place,
    what: v.what,
    kind: v.kind,
    severity: v.severity ?? '',
    memberName: v.person?.name ?? '',
    memberGender: v.person?.gender ?? '',
    memberAge: v.person?.age == null ? '' : String(v.person.age),
    harm: v.harm ?? '',
    csManagerId: v.csManager ? String(v.csManager.id) : '',
    csManagerToldAt: isoToLocalInput(v.csManagerToldAt),
    dutyCoach: v.dutyCoach ?? '',
    dutyCoachToldAt: isoToLocalInput(v.dutyCoachToldAt),
    firstAidBy: v.firstAidBy ?? '',
    firstAid: v.firstAid ?? '',
    statementTakenById: v.statementTakenBy ? String(v.statementTakenBy.id) : '',
    statementSignedAt: isoToLocalInput(v.statementSignedAt),
    hospital: v.hospital,
    noHospitalReason: v.noHospitalReason ?? '',
    hospitalName: v.hospitalName ?? '',
    hospitalAccompaniedById: v.hospitalAccompaniedBy ? String(v.hospitalAccompaniedBy.id) : '',
    examinationCost: money(v.examinationCostCents),
    examinationResult: v.examinationResult ?? '',
    examConfirmedAt: isoToLocalInput(v.examConfirmedAt),
    memberRequest: v.memberRequest ?? '',
    compensationAsked: money(v.compensationAskedCents),
    compensationAgreed: money(v.compensationAgreedCents),
    handlingOpinion: v.handlingOpinion ?? '',
    consultantToldById: v.consultantToldBy ? String(v.consultantToldBy.id) : '',
    consultantToldAt: isoToLocalInput(v.consultantToldAt),
  };
}

const TEXTS = [
  'place',
  'what',
  'memberName',
  'harm',
  'dutyCoach',
  'firstAidBy',
  'firstAid',
  'hospitalName',
  'noHospitalReason',
  'examinationResult',
  'memberRequest',
  'handlingOpinion',
] as const;
const TIMES = [
  'csManagerToldAt',
  'dutyCoachToldAt',
  'statementSignedAt',
  'examConfirmedAt',
  'consultantToldAt',
] as const;
const STAFF = ['csManagerId', 'statementTakenById', 'hospitalAccompaniedById', 'consultantToldById'] as const;
const MONEY = [
  ['examinationCost', 'examinationCostCents'],
  ['compensationAsked', 'compensationAskedCents'],
  ['compensationAgreed', 'compensationAgreedCents'],
] as const;

type UpdateArgs = OpArgs<'incidents.update'>;

/** The changed fields as incidents.update arguments, or the form errors (keyed by field). */
function diff(form: Form, base: Form): { args: Partial<UpdateArgs>; errs: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errs: Record<string, string> = {};
  const now = nowLocalInput();
  if (form.occurredAt !== base.occurredAt) {
    if (!isValidLocalDateTime(form.occurredAt)) errs.occurredAt = 'needTime';
    else if (form.occurredAt > now) errs.occurredAt = 'future';
    else args.occurredAt = form.occurredAt;
  }
  for (const k of TEXTS) {
    if (form[k] === base[k]) continue;
    const v = form[k].trim();
    if ((k === 'place' || k === 'what') && !v) errs[k] = 'required';
    else args[k] = v || null;
  }
  if (form.kind !== base.kind) args.kind = form.kind;
  if (form.severity !== base.severity) args.severity = form.severity || null;
  if (form.memberGender !== base.memberGender) args.memberGender = form.memberGender || null;
  if (form.memberAge !== base.memberAge) {
    const s = form.memberAge.trim();
    const n = Number(s);
    if (s === '') args.memberAge = null;
    else if (!/^\d{1,3}$/.test(s) || n > 150) errs.memberAge = 'age';
    else args.memberAge = n;
  }
  for (const k of TIMES) {
    if (form[k] === base[k]) continue;
    if (form[k] === '') args[k] = null;
    else if (!isValidLocalDateTime(form[k])) errs[k] = 'needTime';
    else if (form[k] > now) errs[k] = 'future';
    else args[k] = form[k];
  }
  for (const k of STAFF) if (form[k] !== base[k]) args[k] = form[k] ? Number(form[k]) : null;
  if (form.hospital !== base.hospital) args.hospital = form.hospital;
  for (const [k, arg] of MONEY) {
    if (form[k] === base[k]) continue;
    if (form[k].trim() === '') args[arg] = null;
    else {
      const c = parseCents(form[k]);
      if (c === null) errs[k] = 'money';
      else args[arg] = c;
    }
  }
  return { args: args as Partial<UpdateArgs>, errs };
}

/** Which form field (id suffix) a step's field is entered in. */
const FIELD_INPUT: Record<IncidentReportField, string> = {
  severity: 'severity',
  memberName: 'memberName',
  memberGender: 'memberGender',
  memberAge: 'memberAge',
  harm: 'harm',
  csManagerId: 'csManagerId',
  csManagerToldAt: 'csManagerToldAt',
  dutyCoach: 'dutyCoach',
  dutyCoachToldAt: 'dutyCoachToldAt',
  firstAidBy: 'firstAidBy',
  firstAid: 'firstAid',
  statementTakenById: 'statementTakenById',
  statementSignedAt: 'statementSignedAt',
  noHospitalReason: 'noHospitalReason',
  hospitalName: 'hospitalName',
  examinationCostCents: 'examinationCost',
  examConfirmedAt: 'examConfirmedAt',
  consultantToldById: 'consultantToldById',
  consultantToldAt: 'consultantToldAt',
  memberRequest: 'memberRequest',
  handlingOpinion: 'handlingOpinion',
  followUps: 'followUps',
};

/**
 * The steps that apply to this incident (decided by the core from the rulebook's table), each done
 * (✓) or with what it misses (✗, a click goes to the first missing field).
 */
function StepChecklist(props: { steps: IncidentStepCheck[]; onGo(f: IncidentReportField): void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="card inc-steps" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('incidents.checklist.title')}</h2>
      <ol className="inc-steps-list">
        {props.steps.map((s) => {
          const done = s.missing.length === 0;
          const label = t(`incidents.steps.${s.step}`);
          return (
            <li key={s.step} className={done ? 'ok' : 'missing'}>
              {done ? (
                <span className="badge badge-ok">
                  <span aria-hidden="true">✓ </span>
                  {label}
                  <span className="sr-only"> — {t('incidents.checklist.done')}</span>
                </span>
              ) : (
                <button
                  type="button"
                  className="badge badge-block inc-step-go"
                  title={t('incidents.checklist.goTo', {
                    step: label,
                    field: s.missing
                      .map((f) => t(`incidents.reportFields.${f}`))
                      .join(t('incidents.listSep')),
                  })}
                  onClick={() => props.onGo(s.missing[0]!)}
                >
                  <span aria-hidden="true">✗ </span>
                  {label} · {t('incidents.checklist.missingN', { count: s.missing.length })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Section(props: { n: number; title: string; children: ReactNode; wide?: boolean; id?: string }) {
  return (
    <section
      className={props.wide ? 'card inc-section wide' : 'card inc-section'}
      aria-labelledby={`${props.id}-h`}
      id={props.id}
    >
      <h2 id={`${props.id}-h`}>
        <span className="inc-step" aria-hidden="true">
          {props.n}
        </span>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function FollowUpList(props: {
  items: FollowUpInfo[];
  full: boolean;
  closed: boolean;
  me: number | undefined;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [completing, setCompleting] = useState<number | null>(null);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (props.items.length === 0) return <p className="muted">{t('incidents.fu.none')}</p>;

  const complete = async (id: number) => {
    setError(null);
    try {
      await call('incidents.completeFollowUp', {
        followUpId: id,
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      });
      setCompleting(null);
      setOutcome('');
      toast.ok(t('incidents.fu.doneToast'));
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <table className="table inc-fu-table">
        <thead>
          <tr>
            <th scope="col">{t('incidents.fu.kind')}</th>
            <th scope="col">{t('incidents.fu.due')}</th>
            <th scope="col">{t('incidents.fu.assigned')}</th>
            <th scope="col">{t('incidents.fu.state')}</th>
            {props.full && <th scope="col">{t('incidents.fu.noteOutcome')}</th>}
            <th scope="col">
              <span className="sr-only">{t('incidents.fu.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((f) => (
            <tr key={f.id}>
              <td>{t(`incidents.followUpKinds.${f.kind}`)}</td>
              <td className="inc-nowrap">{fmtDate(f.dueDate)}</td>
              <td>{f.assignedTo?.name ?? '—'}</td>
              <td>
                <span className={followUpBadge(f.state)}>{t(`incidents.followUpState.${f.state}`)}</span>
                {f.doneAt && (
                  <div className="muted inc-small">
                    {fmtDateTime(f.doneAt)} · {f.doneBy?.name}
                  </div>
                )}
              </td>
              {props.full && (
                <td className="inc-pre">
                  {f.note}
                  {f.outcome && (
                    <div>
                      <strong>{t('incidents.fu.outcome')}:</strong> {f.outcome}
                    </div>
                  )}
                </td>
              )}
              <td>
                {!f.doneAt &&
                  !props.closed &&
                  (props.full || f.assignedTo?.id === props.me) &&
                  completing !== f.id && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('incidents.fu.markDoneNamed', {
                        kind: t(`incidents.followUpKinds.${f.kind}`),
                        date: fmtDate(f.dueDate),
                      })}
                      onClick={() => {
                        setCompleting(f.id);
                        setOutcome('');
                      }}
                    >
                      {t('incidents.fu.markDone')}
                    </button>
                  )}
                {completing === f.id && (
                  <form
                    className="inc-fu-complete"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void complete(f.id);
                    }}
                  >
                    <label htmlFor={`${uid}-out`} className="sr-only">
                      {t('incidents.fu.outcome')}
                    </label>
                    <input
                      id={`${uid}-out`}
                      autoFocus
                      value={outcome}
                      maxLength={2000}
                      placeholder={t('incidents.fu.outcome')}
                      onChange={(e) => setOutcome(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') {
                          e.stopPropagation();
                          setCompleting(null);
                        }
                      }}
                    />
                    <button type="submit" className="btn btn-primary btn-small">
                      {t('incidents.fu.confirmDone')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

function AddFollowUp(props: { incidentId: number; onAdded(v: IncidentFullView): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useStaffList();
  const [kind, setKind] = useState<(typeof FOLLOW_UP_KINDS)[number]>('manager_call');
  const [due, setDue] = useState(clubToday());
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!isValidDate(due)) {
      setError(t('incidents.fu.needDue'));
      return;
    }
    setError(null);
    try {
      const v = await call('incidents.addFollowUp', {
        id: props.incidentId,
        kind,
        dueDate: due,
        assignedToId: who ? Number(who) : null,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      toast.ok(t('incidents.fu.addedToast'));
      props.onAdded(v);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="inc-fu-add" role="group" aria-label={t('incidents.fu.add')}>
      <div className="field">
        <label htmlFor={`${uid}-k`}>{t('incidents.fu.kind')}</label>
        <select id={`${uid}-k`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {FOLLOW_UP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`incidents.followUpKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-d`}>{t('incidents.fu.due')}</label>
        <input id={`${uid}-d`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-w`}>{t('incidents.fu.assigned')}</label>
        <select id={`${uid}-w`} value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">—</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field inc-fu-note">
        <label htmlFor={`${uid}-n`}>{t('incidents.fu.note')}</label>
        <input id={`${uid}-n`} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="btn" onClick={() => void add()}>
        {t('incidents.fu.add')}
      </button>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

function Addenda(props: { view: IncidentFullView; onAdded(v: IncidentFullView): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!text.trim()) {
      setError(t('incidents.addenda.needText'));
      return;
    }
    setError(null);
    try {
      props.onAdded(await call('incidents.addAddendum', { id: props.view.id, text: text.trim() }));
      setText('');
      toast.ok(t('incidents.addenda.addedToast'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div>
      {props.view.addenda.length === 0 ? (
        <p className="muted">{t('incidents.addenda.none')}</p>
      ) : (
        <ol className="inc-addenda">
          {props.view.addenda.map((a) => (
            <li key={a.id}>
              <span className="muted">
                {fmtDateTime(a.at)} · {a.by.name}
              </span>
              <p className="inc-pre">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label htmlFor={`${uid}-t`}>{t('incidents.addenda.text')}</label>
        <textarea
          id={`${uid}-t`}
          rows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="btn" onClick={() => void add()}>
        {t('incidents.addenda.add')}
      </button>
    </div>
  );
}

function DeskDetail(props: { v: IncidentDeskView; reload(): void }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.info?.staff.id);
  const v = props.v;
  return (
    <div className="inc-detail-grid">
      <section className="card inc-section" aria-labelledby="inc-desk-h">
        <h2 id="inc-desk-h">{t('incidents.sections.what')}</h2>
        <dl className="kv">
          <dt>{t('incidents.fields.occurredAt')}</dt>
          <dd>{fmtDateTime(v.occurredAt)}</dd>
          <dt>{t('incidents.fields.place')}</dt>
          <dd>{v.place}</dd>
          <dt>{t('incidents.fields.kind')}</dt>
          <dd>{t(`incidents.kinds.${v.kind}`)}</dd>
          <dt>{t('incidents.fields.what')}</dt>
          <dd className="inc-pre">{v.what}</dd>
          <dt>{t('incidents.col.person')}</dt>
          <dd>{v.person ? `${v.person.cardNo ?? ''} ${v.person.name ?? ''}`.trim() : '—'}</dd>
          <dt>{t('incidents.openedBy')}</dt>
          <dd>
            {v.openedBy.name} · {fmtDateTime(v.openedAt)}
          </dd>
        </dl>
        <p className="muted">{t('incidents.desk.privacy')}</p>
      </section>
      <section className="card inc-section" aria-labelledby="inc-desk-fu">
        <h2 id="inc-desk-fu">{t('incidents.sections.followUps')}</h2>
        <FollowUpList
          items={v.followUps}
          full={false}
          closed={v.status === 'closed'}
          me={me}
          onDone={props.reload}
        />
      </section>
      <section className="card inc-section wide" aria-labelledby="inc-desk-att">
        <h2 id="inc-desk-att">{t('incidents.sections.attachments')}</h2>
        <Attachments
          incidentId={v.id}
          items={v.attachments}
          canAttach={v.status !== 'closed' && v.openedBy.id === me}
          onAdded={props.reload}
        />
      </section>
    </div>
  );
}

export function IncidentDetail(props: {
  id: number;
  onBack(): void;
  onReport(id: number): void;
  reloadKey: number;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useStaffList();
  const me = useSession((s) => s.info?.staff.id);
  const [v, setV] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [base, setBase] = useState<Form | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<IncidentReportField[] | null>(null);

  const show = useCallback((d: Detail, keepEdits = false) => {
    setV(d);
    if (d.view === 'full') {
      const b = fromView(d);
      setBase(b);
      if (!keepEdits) setForm(b);
    }
  }, []);

  const reload = useCallback(() => {
    call('incidents.get', { id: props.id })
      .then((d) => {
        setLoadError(null);
        show(d);
      })
      .catch((e: unknown) => setLoadError(errorText(e)));
  }, [props.id, show]);

  useEffect(() => {
    reload();
  }, [reload]);

  // another counter changed something: refresh what is shown, unless this form has unsaved edits
  const dirty = !!form && !!base && JSON.stringify(form) !== JSON.stringify(base);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  });
  const firstKey = useRef(props.reloadKey);
  useEffect(() => {
    if (props.reloadKey !== firstKey.current && !dirtyRef.current) reload();
  }, [props.reloadKey, reload]);

  if (loadError)
    return (
      <div className="page-header">
        <button type="button" className="btn" onClick={props.onBack}>
          ← {t('incidents.backToList')}
        </button>
        <div className="field-error" role="alert">
          {loadError}
        </div>
      </div>
    );
  if (!v) return <p className="muted">{t('common.loading')}</p>;

  const closed = v.status === 'closed';
  const full = v.view === 'full' ? v : null;
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const errText = (k: string) => {
    const e = errs[k];
    if (!e) return null;
    return <div className="field-error">{t(`incidents.formErrors.${e}`)}</div>;
  };

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
      setV(r);
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

  // "the customer-service manager told": only managers count there (the core checks it too)
  const choices = (k: (typeof STAFF)[number]) =>
    k === 'csManagerId' ? staff.filter((s) => MANAGERS.includes(s.role)) : staff;
  const staffSelect = (k: (typeof STAFF)[number], label: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <select id={`${uid}-${k}`} value={form![k]} onChange={(e) => set({ [k]: e.target.value })}>
        <option value="">—</option>
        {choices(k).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({t(`common.roles.${s.role}`)})
          </option>
        ))}
        {/* someone no longer on the login list (inactive) keeps their name */}
        {form![k] && !choices(k).some((s) => String(s.id) === form![k]) && full && (
          <option value={form![k]}>
            {[full.csManager, full.statementTakenBy, full.hospitalAccompaniedBy, full.consultantToldBy].find(
              (x) => String(x?.id) === form![k],
            )?.name ?? `#${form![k]}`}
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
          value={form![k]}
          onChange={(e) => set({ [k]: e.target.value })}
          aria-invalid={!!errs[k] || undefined}
        />
      ) : (
        <input
          id={`${uid}-${k}`}
          value={form![k]}
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
          value={form![k]}
          max={nowLocalInput()}
          onChange={(e) => set({ [k]: e.target.value })}
          aria-invalid={!!errs[k] || undefined}
        />
        {!closed && k !== 'occurredAt' && !form![k] && (
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
        value={form![k]}
        onChange={(e) => set({ [k]: e.target.value })}
        aria-invalid={!!errs[k] || undefined}
      />
      {errs[k] === 'money' ? (
        <div className="field-error">{moneyRefusal(form![k]) ?? t('incidents.formErrors.money')}</div>
      ) : (
        errText(k)
      )}
    </div>
  );

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
          <form
            className="inc-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
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
                    onChange={(m) => void linkMember(m)}
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
                <button
                  type="button"
                  className="btn btn-ghost"
                  disabled={!dirty || busy}
                  onClick={() => setForm(base)}
                >
                  {t('incidents.discard')}
                </button>
                <button type="submit" className="btn btn-primary btn-big" disabled={!dirty || busy}>
                  {t('incidents.save')}
                </button>
              </div>
            )}
          </form>

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
