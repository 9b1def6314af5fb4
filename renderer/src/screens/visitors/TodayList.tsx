/**
 * Today's visitors: status, consultant, how they came (rotation / own lead), outcome. The consultant
 * records the outcome (card type by name only, never a price); a consultant may dispute who got a
 * visitor (their PIN and a reason) for the customer-service manager to decide.
 */
import { useId, useState, type FormEvent } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  PIN_PATTERN,
  VISITOR_OUTCOMES,
  type CardTypeInfo,
  type VisitorOutcome,
  type VisitorSummary,
} from '../../../../electron/core/contract';
import { isValidDate } from '../../../../electron/shared/dates';
import { call } from '../../api';
import { PhoneText } from '../../components/PhoneText';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtTime } from '../../format';
import { loadError, useOp } from '../../query';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { useConsultants } from '../../staff';
import { ConsultantSelect } from './ConsultantSelect';
import { refreshVisitors, setVisitor, useVisitorsToday } from './data';

const STATUS_BADGE: Record<VisitorSummary['status'], string> = {
  waiting: 'badge-warn',
  calling: 'badge-warn',
  with_consultant: 'badge-ok',
  done: 'badge-muted',
  left: 'badge-muted',
};

export function outcomeWords(v: VisitorSummary, t: TFunction): string {
  if (!v.outcome) return '—';
  if (v.outcome === 'joined')
    return v.outcomeCardTypeName
      ? t('visitors.outcome.joinedCard', { card: v.outcomeCardTypeName })
      : t('visitors.outcome.joined');
  if (v.outcome === 'follow_up')
    return v.followUpDate
      ? t('visitors.outcome.followUpOn', { date: fmtDate(v.followUpDate) })
      : t('visitors.outcome.follow_up');
  return t('visitors.outcome.not_interested');
}

type Dialog = { kind: 'outcome'; v: VisitorSummary } | { kind: 'dispute'; v: VisitorSummary };

const activeTypes = (list: CardTypeInfo[]) => list.filter((c) => c.active);

export function TodayList() {
  const { t } = useTranslation();
  const today = useVisitorsToday().data;
  const me = useSession((s) => s.info?.staff);
  const canOutcome = useCan('visitors.outcome');
  const canDispute = useCan('visitors.dispute');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (!today) return <p className="muted">{t('common.loading')}</p>;
  const c = today.counts;
  const mine = (v: VisitorSummary) => me?.role !== 'consultant' || v.consultantId === me.id;

  return (
    <div className="vis-today">
      <p className="vis-today-counts">{t('visitors.list.counts', c)}</p>
      {today.cardsSold.length > 0 && (
        <p className="vis-today-counts">
          {t('visitors.list.cardsSold', {
            list: today.cardsSold.map((x) => `${x.cardTypeName} × ${x.count}`).join(', '),
          })}
        </p>
      )}
      {today.visitors.length === 0 ? (
        <p className="empty">{t('visitors.list.empty')}</p>
      ) : (
        <div className="vis-table-wrap">
          <table className="table vis-table">
            <thead>
              <tr>
                <th>{t('visitors.list.time')}</th>
                <th>{t('visitors.list.visitor')}</th>
                <th>{t('visitors.list.phone')}</th>
                <th>{t('visitors.list.status')}</th>
                <th>{t('visitors.list.consultant')}</th>
                <th>{t('visitors.list.basis')}</th>
                <th>{t('visitors.list.outcome')}</th>
                <th>{t('visitors.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {today.visitors.map((v) => (
                <tr key={v.id}>
                  <td className="vis-num">{fmtTime(v.registeredAt)}</td>
                  <td>
                    <strong>{v.name}</strong>
                  </td>
                  <td className="vis-num">
                    <PhoneText value={v.phone} />
                  </td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[v.status]}`}>
                      {t(`visitors.list.status_${v.status}`)}
                    </span>
                    {v.status === 'calling' && v.currentCall && (
                      <div className="muted">{v.currentCall.staffName}</div>
                    )}
                  </td>
                  <td>
                    {v.consultantName ?? '—'}
                    {v.creditConsultantName && v.creditConsultantId !== v.consultantId && (
                      <div className="muted">
                        {t('visitors.list.creditMoved', { name: v.creditConsultantName })}
                      </div>
                    )}
                    {v.openDisputes > 0 && (
                      <div>
                        <span className="badge badge-warn">
                          {t('visitors.list.openDisputes', { count: v.openDisputes })}
                        </span>
                      </div>
                    )}
                  </td>
                  <td>{t(`visitors.basis.${v.decision.basis}`)}</td>
                  <td>{outcomeWords(v, t)}</td>
                  <td className="vis-row-actions">
                    {canOutcome && v.status === 'with_consultant' && mine(v) && (
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        onClick={() => setDialog({ kind: 'outcome', v })}
                      >
                        {t('visitors.list.recordOutcome')}
                      </button>
                    )}
                    {canDispute && v.creditConsultantId !== null && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setDialog({ kind: 'dispute', v })}
                      >
                        {t('visitors.list.dispute')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'outcome' && <OutcomeDialog v={dialog.v} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'dispute' && <DisputeDialog v={dialog.v} onClose={() => setDialog(null)} />}
    </div>
  );
}

function OutcomeDialog(props: { v: VisitorSummary; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [kind, setKind] = useState<VisitorOutcome>('joined');
  const cardTypes = useOp('cardTypes.list', {}, { select: activeTypes });
  const cards = cardTypes.data ?? null;
  const [cardId, setCardId] = useState<number | ''>('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [miss, setMiss] = useState<'card' | 'date' | null>(null);
  const [submitError, setError] = useState<string | null>(null);
  const error = submitError ?? loadError(cardTypes);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'joined' && cardId === '') return setMiss('card');
    if (kind === 'follow_up' && !isValidDate(date)) return setMiss('date');
    setMiss(null);
    setBusy(true);
    setError(null);
    try {
      const d = await call('visitors.outcome', {
        visitorId: props.v.id,
        outcome: kind,
        ...(kind === 'joined' ? { cardTypeId: Number(cardId) } : {}),
        ...(kind === 'follow_up' ? { followUpDate: date } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setVisitor(d);
      toast.ok(t('visitors.outcome.saved', { visitor: props.v.name }));
      props.onClose();
    } catch (ex) {
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('visitors.outcome.title', { visitor: props.v.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <fieldset className="field radio-row">
          <legend>{t('visitors.outcome.kind')}</legend>
          {VISITOR_OUTCOMES.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${uid}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              {t(`visitors.outcome.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'joined' && (
          <div className="field">
            <label htmlFor={`${uid}-card`}>{t('visitors.outcome.cardType')}</label>
            <select
              id={`${uid}-card`}
              value={cardId}
              aria-invalid={miss === 'card' || undefined}
              onChange={(e) => setCardId(e.target.value === '' ? '' : Number(e.target.value))}
            >
              <option value="">
                {cards === null ? t('common.loading') : t('visitors.outcome.chooseCard')}
              </option>
              {(cards ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {cards !== null && cards.length === 0 && (
              <div className="field-hint">{t('visitors.outcome.noCardTypes')}</div>
            )}
            {miss === 'card' && <div className="field-error">{t('visitors.outcome.needCard')}</div>}
          </div>
        )}
        {kind === 'follow_up' && (
          <div className="field">
            <label htmlFor={`${uid}-date`}>{t('visitors.outcome.followUpDate')}</label>
            <input
              id={`${uid}-date`}
              type="date"
              min={clubToday()}
              value={date}
              aria-invalid={miss === 'date' || undefined}
              onChange={(e) => setDate(e.target.value)}
            />
            {miss === 'date' && <div className="field-error">{t('visitors.outcome.needDate')}</div>}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t('visitors.outcome.note')}</label>
          <input id={`${uid}-note`} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('visitors.outcome.submit')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DisputeDialog(props: { v: VisitorSummary; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const consultants = useConsultants();
  const me = useSession((s) => s.info?.staff);
  const self = me?.role === 'consultant';
  const [who, setWho] = useState<number | ''>('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [miss, setMiss] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = {
      who: !self && who === '',
      pin: !self && !PIN_PATTERN.test(pin),
      reason: reason.trim() === '',
    };
    setMiss(m);
    if (m.who || m.pin || m.reason) return;
    setBusy(true);
    setError(null);
    try {
      await call('visitors.dispute', {
        visitorId: props.v.id,
        reason: reason.trim(),
        ...(self ? {} : { consultant: { staffId: Number(who), pin } }),
      });
      toast.ok(t('visitors.dispute.sent'));
      void refreshVisitors();
      props.onClose();
    } catch (ex) {
      setError(errorText(ex));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('visitors.dispute.title', { visitor: props.v.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <p>
          {t('visitors.dispute.what', { visitor: props.v.name, name: props.v.creditConsultantName ?? '—' })}
        </p>
        {!self && (
          <>
            <ConsultantSelect
              id={`${uid}-who`}
              label={t('visitors.dispute.who')}
              value={who}
              onChange={setWho}
              consultants={consultants}
              missing={miss.who ? t('visitors.dispute.needWho') : null}
            />
            <div className="field">
              <label htmlFor={`${uid}-pin`}>{t('visitors.dispute.pin')}</label>
              <input
                id={`${uid}-pin`}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                aria-invalid={miss.pin || undefined}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              />
              {miss.pin && <div className="field-error">{t('visitors.dispute.needPin')}</div>}
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('visitors.dispute.reason')}</label>
          <textarea
            id={`${uid}-reason`}
            maxLength={500}
            value={reason}
            aria-invalid={miss.reason || undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {miss.reason && <div className="field-error">{t('visitors.dispute.needReason')}</div>}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('visitors.dispute.submit')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
