/**
 * Complaints (managers): the open list (not resolved the same day, with days open), those due or
 * past their deadline, all complaints by status, and registering a new one (a member or a name,
 * channel, what, staff, department, what the member wants).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  type ComplaintChannel as Channel,
  type ComplaintDetail,
  type ComplaintStatus,
  type Department,
} from '../../../../electron/core/contract';
import { call, newOpId } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { useOp, useSettled } from '../../query';
import { ComplaintDeadlineBadge } from './ComplaintDeadline';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { SelectField } from './SelectField';
import { INCIDENT_EVENTS, complaintBadge } from './util';
import { AftercareMonths } from './ComplaintAftercare';

export function ComplaintDialog(props: { onClose(): void; onDone(c: ComplaintDetail): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const opId = useRef(newOpId());
  const [member, setMember] = useState<PickedMember | null>(null);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [channel, setChannel] = useState<Channel>('in_person');
  const [what, setWhat] = useState('');
  const [staffInvolved, setStaffInvolved] = useState('');
  const [desired, setDesired] = useState('');
  const [department, setDepartment] = useState<Department>('front_desk');
  const [errs, setErrs] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!member && !name.trim()) fe.name = t('incidents.complaints.needName');
    if (!what.trim()) fe.what = t('incidents.complaints.needWhat');
    setErrs(fe);
    if (Object.keys(fe).length) return;
    await run(async () =>
      props.onDone(
        await call('complaints.create', {
          ...(member ? { memberId: member.id } : { complainantName: name.trim() }),
          ...(contact.trim() ? { contact: contact.trim() } : {}),
          channel,
          what: what.trim(),
          ...(staffInvolved.trim() ? { staffInvolved: staffInvolved.trim() } : {}),
          ...(desired.trim() ? { desiredOutcome: desired.trim() } : {}),
          department,
          opId: opId.current,
        }),
      ),
    );
  };

  return (
    <Modal title={t('incidents.complaints.newTitle')} onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="grid-2">
          <MemberPicker
            label={t('incidents.complaints.member')}
            value={member}
            onChange={setMember}
            autoFocus
          />
          {!member && (
            <div className="field">
              <label htmlFor={`${uid}-name`}>{t('incidents.complaints.name')}</label>
              <input
                id={`${uid}-name`}
                value={name}
                maxLength={100}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={!!errs.name || undefined}
              />
              {errs.name && <div className="field-error">{errs.name}</div>}
            </div>
          )}
        </div>
        <div className="grid-3">
          <div className="field">
            <label htmlFor={`${uid}-contact`}>{t('incidents.complaints.contact')}</label>
            <input
              id={`${uid}-contact`}
              value={contact}
              maxLength={100}
              onChange={(e) => setContact(e.target.value)}
            />
          </div>
          <SelectField
            id={`${uid}-channel`}
            label={t('incidents.complaints.channel')}
            value={channel}
            options={COMPLAINT_CHANNELS}
            optionLabel={(c) => t(`incidents.channels.${c}`)}
            onChange={(c) => setChannel(c as Channel)}
          />
          <SelectField
            id={`${uid}-dept`}
            label={t('incidents.complaints.department')}
            value={department}
            options={DEPARTMENTS}
            optionLabel={(d) => t(`incidents.departments.${d}`)}
            onChange={(d) => setDepartment(d as Department)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-what`}>{t('incidents.complaints.what')}</label>
          <textarea
            id={`${uid}-what`}
            rows={3}
            maxLength={5000}
            value={what}
            onChange={(e) => setWhat(e.target.value)}
            aria-invalid={!!errs.what || undefined}
          />
          {errs.what && <div className="field-error">{errs.what}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-staff`}>{t('incidents.complaints.staffInvolved')}</label>
          <input
            id={`${uid}-staff`}
            value={staffInvolved}
            maxLength={200}
            onChange={(e) => setStaffInvolved(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-desired`}>{t('incidents.complaints.desiredOutcome')}</label>
          <input
            id={`${uid}-desired`}
            value={desired}
            maxLength={5000}
            onChange={(e) => setDesired(e.target.value)}
          />
        </div>
        <FormFooter
          error={error}
          submitLabel={t('incidents.complaints.create')}
          submitClassName="btn btn-primary btn-big"
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}

type Show = 'open' | 'deadline' | 'all';

export function ComplaintsPanel(props: { onOpen(id: number): void; show?: Show }) {
  const { t } = useTranslation();
  const uid = useId();
  const [show, setShow] = useState<Show>(props.show ?? 'open');
  const openOnly = show === 'open';
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState(false);
  // a search typed as you go waits until the typing stops
  const sentQ = useSettled(q, q ? 200 : 0);
  const listQuery = useOp(
    'complaints.list',
    {
      ...(openOnly ? { open: true } : {}),
      ...(show === 'deadline' ? { deadline: 'due_or_overdue' as const } : {}),
      ...(status ? { status } : {}),
      ...(sentQ.trim() ? { q: sentQ.trim() } : {}),
      limit: 500,
    },
    { live: INCIDENT_EVENTS, keepPrevious: true },
  );
  const list = listQuery.data ?? null;
  const error = listQuery.isError ? errorText(listQuery.error) : null;

  return (
    <div className="stack">
      <div className="toolbar inc-c-toolbar">
        <button type="button" className="btn btn-primary btn-big" onClick={() => setDialog(true)}>
          {t('incidents.complaints.new')}
        </button>
        <div className="seg inc-c-seg" role="group" aria-label={t('incidents.complaints.show')}>
          <button type="button" className="btn" aria-pressed={openOnly} onClick={() => setShow('open')}>
            {t('incidents.complaints.openList')}
            {list && openOnly && <span className="badge badge-warn">{list.openCount}</span>}
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={show === 'deadline'}
            onClick={() => setShow('deadline')}
          >
            {t('incidents.deadline.filter')}
            {list && list.deadlines.overdue > 0 && (
              <span className="badge badge-block">
                ⚠ {t('incidents.deadline.overdueN', { count: list.deadlines.overdue })}
              </span>
            )}
            {list && list.deadlines.due > 0 && (
              <span className="badge badge-warn">
                {t('incidents.deadline.dueN', { count: list.deadlines.due })}
              </span>
            )}
          </button>
          <button type="button" className="btn" aria-pressed={show === 'all'} onClick={() => setShow('all')}>
            {t('incidents.complaints.all')}
          </button>
        </div>
        <SelectField
          id={`${uid}-status`}
          label={t('incidents.col.status')}
          value={status}
          options={COMPLAINT_STATUSES}
          optionLabel={(s) => t(`incidents.complaintStatus.${s}`)}
          blank={t('common.all')}
          onChange={setStatus}
        />
        <div className="field">
          <label htmlFor={`${uid}-q`}>{t('common.search')}</label>
          <input
            id={`${uid}-q`}
            type="search"
            maxLength={100}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {openOnly && <p className="muted">{t('incidents.complaints.openExplain')}</p>}
      {list && list.rows.length === 0 && <p className="empty">{t('incidents.complaints.none')}</p>}
      {list && list.rows.length > 0 && (
        <table className="table inc-table" aria-label={t('incidents.tabs.complaints')}>
          <thead>
            <tr>
              <th scope="col">{t('incidents.col.no')}</th>
              <th scope="col">{t('incidents.complaints.registeredAt')}</th>
              <th scope="col">{t('incidents.complaints.complainant')}</th>
              <th scope="col">{t('incidents.complaints.channel')}</th>
              <th scope="col">{t('incidents.complaints.department')}</th>
              <th scope="col">{t('incidents.complaints.what')}</th>
              <th scope="col">{t('incidents.complaints.supervisor')}</th>
              <th scope="col">{t('incidents.col.status')}</th>
              <th scope="col" className="num">
                {t('incidents.complaints.daysOpen')}
              </th>
              <th scope="col">{t('incidents.deadline.column')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((c) => (
              <tr key={c.id} className="inc-row" onClick={() => props.onOpen(c.id)}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('incidents.complaints.openRecord', { id: c.id })}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(c.id);
                    }}
                  >
                    #{c.id}
                  </button>
                </td>
                <td className="inc-nowrap">{fmtDateTime(c.registeredAt)}</td>
                <td>
                  {c.cardNo && <span className="mono inc-card">{c.cardNo}</span>} {c.complainantName}
                </td>
                <td>{t(`incidents.channels.${c.channel}`)}</td>
                <td>{t(`incidents.departments.${c.department}`)}</td>
                <td className="inc-what">
                  <span className="inc-what-text">{c.what}</span>
                </td>
                <td>{c.supervisorName ?? '—'}</td>
                <td>
                  <span className={complaintBadge(c.status)}>
                    {t(`incidents.complaintStatus.${c.status}`)}
                  </span>
                </td>
                <td className="num">
                  {c.open ? (
                    <span className={c.daysOpen > 0 ? 'badge badge-block' : 'badge badge-warn'}>
                      {c.daysOpen > 0
                        ? t('incidents.complaints.days', { count: c.daysOpen })
                        : t('incidents.complaints.today')}
                    </span>
                  ) : (
                    <span className="badge badge-ok">
                      {c.resolvedSameDay
                        ? t('incidents.complaints.sameDay')
                        : t('incidents.complaints.days', { count: c.daysOpen })}
                    </span>
                  )}
                </td>
                <td>
                  <ComplaintDeadlineBadge deadline={c.deadline} dueDate={c.dueDate} daysLeft={c.daysLeft} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {show === 'all' && <AftercareMonths />}
      {dialog && (
        <ComplaintDialog
          onClose={() => setDialog(false)}
          onDone={(c) => {
            setDialog(false);
            props.onOpen(c.id);
          }}
        />
      )}
    </div>
  );
}
