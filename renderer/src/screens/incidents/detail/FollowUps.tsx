/** An incident's follow-ups: the list (done with an outcome) and adding one (kind, due date, who). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_KINDS,
  type FollowUpInfo,
  type IncidentFullView,
} from '../../../../../electron/core/contract';
import { isValidDate } from '../../../../../electron/shared/dates';
import { call } from '../../../api';
import { errorText } from '../../../errorText';
import { clubToday, fmtDate, fmtDateTime } from '../../../format';
import { useStaff } from '../../../staff';
import { toast } from '../../../stores/toast';
import { followUpBadge } from '../util';

export function FollowUpList(props: {
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

export function AddFollowUp(props: { incidentId: number; onAdded(v: IncidentFullView): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useStaff();
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
