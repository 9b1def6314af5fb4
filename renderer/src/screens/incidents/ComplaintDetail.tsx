/**
 * One complaint, step by step as the procedure runs: registered by the duty manager → the
 * department supervisor assigned → findings → the agreed resolution and any action on staff →
 * reported to the store manager (closed). Beyond the duty manager's authority: escalated to the
 * store manager with a written report. Dated follow-up notes at any time.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEPARTMENTS,
  type ComplaintDetail as Detail,
  type Department,
} from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { setOpData, useOp } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ComplaintDeadlineBadge } from './ComplaintDeadline';
import { CloseForm, Step, TextStep } from './ComplaintSteps';
import { INCIDENT_EVENTS, complaintBadge } from './util';
import { AftercareAnswer } from './ComplaintAftercare';

export function ComplaintDetail(props: { id: number; onBack(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const role = useSession((s) => s.info?.staff.role);
  const complaint = useOp('complaints.get', { id: props.id }, { live: INCIDENT_EVENTS });
  const c = complaint.data ?? null;
  const error = complaint.isError ? errorText(complaint.error) : null;
  const setC = (x: Detail) => setOpData('complaints.get', { id: x.id }, x);
  const [dept, setDept] = useState<Department | ''>('');
  const [staffAction, setStaffAction] = useState('');

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
            <AftercareAnswer c={c} />
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
