/**
 * One complaint, step by step as the procedure runs: registered by the duty manager → the
 * department supervisor assigned → findings → the agreed resolution and any action on staff →
 * reported to the store manager (closed). Beyond the duty manager's authority: escalated to the
 * store manager with a written report. Dated follow-up notes at any time.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEPARTMENTS,
  type ComplaintDetail as Detail,
  type Department,
} from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ComplaintDeadlineBadge } from './ComplaintDeadline';
import { complaintBadge } from './util';

function Step(props: { n: number; title: string; done: boolean; children: ReactNode; current?: boolean }) {
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

function TextStep(props: {
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
function CloseForm(props: { c: Detail; onClosed(c: Detail): void }) {
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

export function ComplaintDetail(props: { id: number; onBack(): void; reloadKey: number }) {
  const { t } = useTranslation();
  const uid = useId();
  const role = useSession((s) => s.info?.staff.role);
  const [c, setC] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dept, setDept] = useState<Department | ''>('');
  const [staffAction, setStaffAction] = useState('');

  const reload = useCallback(() => {
    call('complaints.get', { id: props.id })
      .then((x) => {
        setC(x);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [props.id]);
  useEffect(() => reload(), [reload, props.reloadKey]);

  if (error && !c)
    return (
      <div className="field-error" role="alert">
        {error}
      </div>
    );
  if (!c) return <p className="muted">{t('common.loading')}</p>;

  const done = (p: Promise<Detail>, msg: string) =>
    p.then((x) => {
      setC(x);
      toast.ok(msg);
    });

  const closed = c.status === 'closed';
  const resolved = c.status === 'resolved' || closed;
  const canEscalate = c.status === 'registered' || c.status === 'assigned' || c.status === 'investigated';
  const escalatedHere = c.status === 'escalated';
  const canResolve = c.status === 'investigated' || (escalatedHere && role === 'store_manager');
  const canFindings = !resolved && (c.supervisorName !== null || escalatedHere);

  return (
    <div className="inc-detail">
      <div className="page-header">
        <button type="button" className="btn" onClick={props.onBack}>
          ← {t('incidents.backToList')}
        </button>
        <h1>{t('incidents.complaints.detailTitle', { id: c.id })}</h1>
        <span className={complaintBadge(c.status)}>{t(`incidents.complaintStatus.${c.status}`)}</span>
        {c.escalated && <span className="badge badge-block">{t('incidents.complaints.escalatedBadge')}</span>}
        <ComplaintDeadlineBadge deadline={c.deadline} dueDate={c.dueDate} daysLeft={c.daysLeft} />
        {c.open && (
          <span className={c.daysOpen > 0 ? 'badge badge-block' : 'badge badge-warn'}>
            {c.daysOpen > 0
              ? t('incidents.complaints.openDays', { count: c.daysOpen })
              : t('incidents.complaints.today')}
          </span>
        )}
      </div>

      <div className="inc-c-layout">
        <ol className="inc-csteps">
          <Step n={1} title={t('incidents.complaints.steps.registered')} done>
            <dl className="kv">
              <dt>{t('incidents.complaints.complainant')}</dt>
              <dd>
                {c.cardNo && <span className="mono inc-card">{c.cardNo}</span>} {c.complainantName}
                {c.contact ? ` · ${c.contact}` : ''}
              </dd>
              <dt>{t('incidents.complaints.channel')}</dt>
              <dd>{t(`incidents.channels.${c.channel}`)}</dd>
              <dt>{t('incidents.complaints.department')}</dt>
              <dd>{t(`incidents.departments.${c.department}`)}</dd>
              <dt>{t('incidents.complaints.what')}</dt>
              <dd className="inc-pre">{c.what}</dd>
              <dt>{t('incidents.complaints.staffInvolved')}</dt>
              <dd>{c.staffInvolved || '—'}</dd>
              <dt>{t('incidents.complaints.desiredOutcome')}</dt>
              <dd className="inc-pre">{c.desiredOutcome ?? '—'}</dd>
              <dt>{t('incidents.complaints.registeredBy')}</dt>
              <dd>
                {c.registeredBy.name} · {fmtDateTime(c.registeredAt)}
              </dd>
            </dl>
          </Step>

          <Step
            n={2}
            title={t('incidents.complaints.steps.assigned')}
            done={c.supervisorName !== null}
            current={c.status === 'registered'}
          >
            {c.supervisorName && (
              <p>
                <strong>{c.supervisorName}</strong> · {t(`incidents.departments.${c.department}`)}
                {c.assignedAt && (
                  <span className="muted">
                    {' '}
                    · {fmtDateTime(c.assignedAt)} · {c.assignedBy?.name}
                  </span>
                )}
              </p>
            )}
            {!resolved && (
              <TextStep
                label={t('incidents.complaints.supervisorName')}
                submit={
                  c.supervisorName ? t('incidents.complaints.reassign') : t('incidents.complaints.assign')
                }
                extra={
                  <div className="field">
                    <label htmlFor={`${uid}-dept`}>{t('incidents.complaints.department')}</label>
                    <select
                      id={`${uid}-dept`}
                      value={dept || c.department}
                      onChange={(e) => setDept(e.target.value as Department)}
                    >
                      {DEPARTMENTS.map((d) => (
                        <option key={d} value={d}>
                          {t(`incidents.departments.${d}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                }
                onSubmit={(name) =>
                  done(
                    call('complaints.assign', {
                      id: c.id,
                      supervisorName: name,
                      ...(dept ? { department: dept } : {}),
                    }),
                    t('incidents.complaints.assignedToast', { name }),
                  )
                }
              />
            )}
          </Step>

          <Step
            n={3}
            title={t('incidents.complaints.steps.findings')}
            done={c.findings !== null}
            current={c.status === 'assigned'}
          >
            {c.findings && (
              <p className="inc-pre">
                {c.findings}
                {c.findingsAt && <span className="muted"> · {fmtDateTime(c.findingsAt)}</span>}
              </p>
            )}
            {canFindings && (
              <TextStep
                label={t('incidents.complaints.findings')}
                rows={3}
                submit={t('incidents.complaints.saveFindings')}
                onSubmit={(text) =>
                  done(
                    call('complaints.update', { id: c.id, findings: text }),
                    t('incidents.complaints.findingsToast'),
                  )
                }
              />
            )}
          </Step>

          <Step
            n={4}
            title={t('incidents.complaints.steps.resolved')}
            done={c.resolution !== null}
            current={c.status === 'investigated' || escalatedHere}
          >
            {c.resolution && (
              <dl className="kv">
                <dt>{t('incidents.complaints.resolution')}</dt>
                <dd className="inc-pre">{c.resolution}</dd>
                <dt>{t('incidents.complaints.staffAction')}</dt>
                <dd>{c.staffAction ?? '—'}</dd>
                <dt>{t('incidents.complaints.resolvedBy')}</dt>
                <dd>
                  {c.resolvedBy?.name} · {c.resolvedAt ? fmtDateTime(c.resolvedAt) : ''}
                </dd>
              </dl>
            )}
            {escalatedHere && role !== 'store_manager' && (
              <p className="banner banner-warn">{t('errors.COMPLAINT_ESCALATED')}</p>
            )}
            {canResolve && (
              <TextStep
                label={t('incidents.complaints.resolution')}
                rows={3}
                submit={t('incidents.complaints.resolve')}
                extra={
                  <div className="field">
                    <label htmlFor={`${uid}-sa`}>{t('incidents.complaints.staffAction')}</label>
                    <input
                      id={`${uid}-sa`}
                      maxLength={200}
                      value={staffAction}
                      onChange={(e) => setStaffAction(e.target.value)}
                    />
                  </div>
                }
                onSubmit={(text) =>
                  done(
                    call('complaints.resolve', {
                      id: c.id,
                      resolution: text,
                      ...(staffAction.trim() ? { staffAction: staffAction.trim() } : {}),
                    }),
                    t('incidents.complaints.resolvedToast'),
                  )
                }
              />
            )}
          </Step>

          <Step
            n={5}
            title={t('incidents.complaints.steps.closed')}
            done={closed}
            current={c.status === 'resolved'}
          >
            {c.reportedAt && (
              <>
                <p>
                  {fmtDateTime(c.reportedAt)} · {c.reportedBy?.name}
                </p>
                <dl className="kv">
                  <dt>{t('incidents.complaints.desiredOutcome')}</dt>
                  <dd className="inc-pre">{c.desiredOutcome ?? '—'}</dd>
                  <dt>{t('incidents.complaints.agreedOutcome')}</dt>
                  <dd className="inc-pre">{c.agreedOutcome ?? '—'}</dd>
                </dl>
              </>
            )}
            {c.status === 'resolved' && (
              <CloseForm
                c={c}
                onClosed={(x) => {
                  setC(x);
                  toast.ok(t('incidents.complaints.closedToast'));
                }}
              />
            )}
          </Step>
        </ol>

        <div className="stack">
          <section className="card" aria-labelledby={`${uid}-esc`}>
            <h2 id={`${uid}-esc`}>{t('incidents.complaints.escalation')}</h2>
            {c.escalationReport ? (
              <>
                <p className="muted">
                  {c.escalatedBy?.name} · {c.escalatedAt ? fmtDateTime(c.escalatedAt) : ''}
                </p>
                <p className="inc-pre">{c.escalationReport}</p>
              </>
            ) : canEscalate ? (
              <TextStep
                label={t('incidents.complaints.escalationReport')}
                rows={4}
                submit={t('incidents.complaints.escalate')}
                onSubmit={(text) =>
                  done(
                    call('complaints.escalate', { id: c.id, report: text }),
                    t('incidents.complaints.escalatedToast'),
                  )
                }
              />
            ) : (
              <p className="muted">{t('incidents.complaints.notEscalated')}</p>
            )}
          </section>
          <section className="card" aria-labelledby={`${uid}-notes`}>
            <h2 id={`${uid}-notes`}>{t('incidents.complaints.notes')}</h2>
            {c.notes.length === 0 ? (
              <p className="muted">{t('incidents.complaints.noNotes')}</p>
            ) : (
              <ol className="inc-addenda">
                {c.notes.map((n) => (
                  <li key={n.id}>
                    <span className="muted">
                      {fmtDateTime(n.at)} · {n.by.name}
                    </span>
                    <p className="inc-pre">{n.text}</p>
                  </li>
                ))}
              </ol>
            )}
            <TextStep
              label={t('incidents.complaints.note')}
              rows={2}
              submit={t('incidents.complaints.addNote')}
              onSubmit={(text) =>
                done(call('complaints.addNote', { id: c.id, text }), t('incidents.complaints.noteToast'))
              }
            />
          </section>
        </div>
      </div>
    </div>
  );
}
