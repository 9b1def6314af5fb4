/**
 * The customer-service manager's queue of disputes: keep, or move the credit (final, with a note).
 * A logged-in consultant sees "My disputes" instead: those they raised and those about visitors
 * credited to them (the core returns only these), with the decision, who decided and the note —
 * read-only.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeInfo } from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime } from '../../format';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { loadError, refresh, useOp } from '../../query';
import { useConsultants } from '../../staff';
import { refreshVisitors } from './data';

export function DisputesPanel() {
  const { t } = useTranslation();
  const canDecide = useCan('visitors.decideDispute');
  const me = useSession((s) => s.info?.staff);
  // fresh whenever anything changes (a dispute raised or decided at another desk)
  const listQuery = useOp('visitors.disputes', { status: 'all' });
  const list = listQuery.data ?? null;
  const error = loadError(listQuery);
  const load = () => {
    void refresh('visitors.disputes');
    void refreshVisitors();
  };

  if (error) return <p className="field-error">{error}</p>;
  if (!list) return <p className="muted">{t('common.loading')}</p>;
  if (me?.role === 'consultant') return <MyDisputes list={list} meId={me.id} />;
  if (list.length === 0) return <p className="empty">{t('visitors.disputes.empty')}</p>;
  const open = list.filter((d) => d.status === 'open');
  const decided = list.filter((d) => d.status === 'decided');
  return (
    <div className="vis-disputes">
      {open.length > 0 && <h3>{t('visitors.disputes.open')}</h3>}
      {open.map((d) => (
        <DisputeCard key={d.id} d={d} canDecide={canDecide} onDone={load} />
      ))}
      {decided.length > 0 && <h3>{t('visitors.disputes.decided')}</h3>}
      {decided.map((d) => (
        <DisputeCard key={d.id} d={d} canDecide={false} onDone={load} />
      ))}
    </div>
  );
}

function MyDisputes(props: { list: DisputeInfo[]; meId: number }) {
  const { t } = useTranslation();
  const { list, meId } = props;
  return (
    <section className="vis-disputes" aria-labelledby="vis-my-disputes">
      <h3 id="vis-my-disputes">{t('visitors.disputes.mine')}</h3>
      <p className="muted">{t('visitors.disputes.mineHint')}</p>
      {list.length === 0 ? (
        <p className="empty">{t('visitors.disputes.mineEmpty')}</p>
      ) : (
        <div className="vis-table-wrap">
          <table className="table vis-table vis-my-disputes">
            <thead>
              <tr>
                <th>{t('visitors.disputes.col.visitor')}</th>
                <th>{t('visitors.disputes.col.raised')}</th>
                <th>{t('visitors.disputes.col.reason')}</th>
                <th>{t('visitors.disputes.col.status')}</th>
                <th>{t('visitors.disputes.col.decision')}</th>
                <th>{t('visitors.disputes.col.decidedBy')}</th>
                <th>{t('visitors.disputes.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} data-testid={`my-dispute-${d.visitorName}`}>
                  <td>
                    <strong>{d.visitorName}</strong>
                    <div className="muted">{fmtDate(d.visitorDay)}</div>
                  </td>
                  <td>
                    {d.raisedById === meId ? t('visitors.disputes.byYou') : d.raisedByName}
                    <div className="muted">{fmtDateTime(d.raisedAt)}</div>
                  </td>
                  <td>{d.reason}</td>
                  <td>
                    <span className={`badge ${d.status === 'open' ? 'badge-warn' : 'badge-ok'}`}>
                      {t(`visitors.disputes.status_${d.status}`)}
                    </span>
                  </td>
                  <td>
                    {d.status === 'open'
                      ? t('visitors.disputes.pending')
                      : d.decision === 'move'
                        ? t('visitors.disputes.outcomeMove', {
                            from: d.creditBeforeName ?? '—',
                            name: d.creditToName ?? '—',
                          })
                        : t('visitors.disputes.outcomeKeep', { name: d.creditBeforeName ?? '—' })}
                  </td>
                  <td>
                    {d.decidedByName ?? '—'}
                    {d.decidedAt && <div className="muted">{fmtDateTime(d.decidedAt)}</div>}
                  </td>
                  <td>{d.decisionNote ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DisputeCard(props: { d: DisputeInfo; canDecide: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const consultants = useConsultants();
  const { d } = props;
  const [decision, setDecision] = useState<'keep' | 'move'>('keep');
  const [picked, setTo] = useState<number | ''>('');
  // "move" goes to the consultant who raised it unless the manager picks someone else
  const raiser = consultants.some((c) => c.id === d.raisedById && c.id !== d.creditBeforeId);
  const to = picked !== '' ? picked : raiser ? d.raisedById : '';
  const [note, setNote] = useState('');
  const [miss, setMiss] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (decision === 'move' && to === '') return setMiss(true);
    setBusy(true);
    setError(null);
    try {
      await call('visitors.decideDispute', {
        disputeId: d.id,
        decision,
        ...(decision === 'move' ? { creditToId: Number(to) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      toast.ok(t('visitors.disputes.saved'));
      props.onDone();
    } catch (ex) {
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card vis-dispute">
      <h4>{t('visitors.disputes.visitor', { visitor: d.visitorName, day: fmtDate(d.visitorDay) })}</h4>
      <p>
        {t('visitors.disputes.raised', {
          name: d.raisedByName,
          time: fmtDateTime(d.raisedAt),
          reason: d.reason,
        })}
      </p>
      <p className="muted">{t('visitors.disputes.creditBefore', { name: d.creditBeforeName ?? '—' })}</p>
      {d.status === 'decided' && (
        <p className="status-ok">
          {d.decision === 'move'
            ? t('visitors.disputes.decidedMove', {
                name: d.creditToName ?? '',
                by: d.decidedByName ?? '',
                time: d.decidedAt ? fmtDateTime(d.decidedAt) : '',
              })
            : t('visitors.disputes.decidedKeep', {
                name: d.creditBeforeName ?? '',
                by: d.decidedByName ?? '',
                time: d.decidedAt ? fmtDateTime(d.decidedAt) : '',
              })}
          {d.decisionNote ? ` — ${d.decisionNote}` : ''}
        </p>
      )}
      {props.canDecide && d.status === 'open' && (
        <form className="vis-decide" onSubmit={(ev) => void submit(ev)} noValidate>
          <fieldset className="field radio-row">
            <legend>{t('visitors.disputes.decide')}</legend>
            <label className="radio">
              <input
                type="radio"
                name={`${uid}-d`}
                checked={decision === 'keep'}
                onChange={() => setDecision('keep')}
              />
              {t('visitors.disputes.keep')}
            </label>
            <label className="radio">
              <input
                type="radio"
                name={`${uid}-d`}
                checked={decision === 'move'}
                onChange={() => setDecision('move')}
              />
              {t('visitors.disputes.move')}
            </label>
            {decision === 'move' && (
              <select
                aria-label={t('visitors.disputes.move')}
                className="input vis-inline-select"
                value={to}
                aria-invalid={miss || undefined}
                onChange={(e) => {
                  setTo(e.target.value === '' ? '' : Number(e.target.value));
                  setMiss(false);
                }}
              >
                <option value="">{t('visitors.disputes.chooseConsultant')}</option>
                {consultants
                  .filter((c) => c.id !== d.creditBeforeId)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
            )}
          </fieldset>
          {miss && <div className="field-error">{t('visitors.disputes.needConsultant')}</div>}
          <div className="field">
            <label htmlFor={`${uid}-note`}>{t('visitors.disputes.note')}</label>
            <input
              id={`${uid}-note`}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="toolbar">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('visitors.disputes.submit')}
            </button>
            <span className="muted">{t('visitors.disputes.final')}</span>
          </div>
        </form>
      )}
    </article>
  );
}
