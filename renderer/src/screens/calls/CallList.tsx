/**
 * Today's call list: the call window (or why the list waits), the rate per consultant (managers),
 * the entries — due call-backs first — each with its reasons, and the outcome form.
 */
import { type TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALL_OUTCOMES,
  REACHED_OUTCOMES,
  SATISFACTIONS,
  type CallEntry,
  type CallOutcome,
  type CallReasonInfo,
  type Satisfaction,
  type WindowState,
} from '../../../../electron/core/contract';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { clubToday, fmtDate, fmtDateTime } from '../../format';
import { command, loadError, useCommand, useOp } from '../../query';
import { toast } from '../../stores/toast';

function reasonText(t: TFunction, r: CallReasonInfo): string {
  const d = r.detail;
  const date = (k: string) => fmtDate(typeof d[k] === 'string' ? d[k] : null);
  switch (r.reason) {
    case 'card_ending':
      return t('calls.reasons.card_ending', { expiry: date('expiry'), days: d.days });
    case 'visits_low':
      return t('calls.reasons.visits_low', { visitsLeft: d.visitsLeft });
    case 'not_seen':
      return t('calls.reasons.not_seen', { days: d.days, lastSeen: date('lastSeen') });
    case 'first_visit':
      return t('calls.reasons.first_visit', { visited: date('visited') });
    case 'new_member':
      return t('calls.reasons.new_member', { firstVisit: date('firstVisit') });
    case 'aftercare':
      return t('calls.reasons.aftercare', { resolved: date('resolved') });
  }
}

function WindowBanner({ w }: { w: WindowState }) {
  const { t } = useTranslation();
  const next = w.next ? { date: fmtDate(w.next.date), time: w.next.time } : null;
  const text = w.open
    ? t('calls.window.open', { to: w.current?.to ?? '' })
    : !next
      ? t('calls.window.none')
      : w.holiday !== null
        ? t('calls.window.holiday', { name: w.holiday, ...next })
        : t('calls.window.closed', next);
  return (
    <p
      className={w.open ? 'calls-window calls-window-open' : 'calls-window calls-window-wait'}
      role="status"
      data-testid="call-window"
    >
      <span className={w.open ? 'badge badge-ok' : 'badge badge-warn'}>{w.open ? '●' : '⏸'}</span> {text}
    </p>
  );
}

const STATE_BADGE: Record<CallEntry['state'], string> = {
  due: 'badge badge-block',
  new: 'badge badge-warn',
  retry: 'badge badge-muted',
  done: 'badge badge-ok',
};

function OutcomeForm({ e, onClose }: { e: CallEntry; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [callbackOn, setCallbackOn] = useState('');
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('');
  const [requests, setRequests] = useState('');
  const [note, setNote] = useState('');
  const [apptDate, setApptDate] = useState('');
  const [apptTime, setApptTime] = useState('');
  const [apptPlace, setApptPlace] = useState(() => t('calls.form.apptPlaceDefault'));
  const { busy, error, run, tried, setTried } = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  const today = clubToday();
  const aftercare = e.complaintId !== null;
  const missing = {
    outcome: outcome === '',
    callbackOn: outcome === 'call_back' && (callbackOn === '' || callbackOn < today),
    satisfaction: aftercare && outcome !== '' && REACHED_OUTCOMES.includes(outcome) && satisfaction === '',
    appt: outcome === 'appointment' && (apptDate === '' || apptDate < today || apptPlace.trim() === ''),
  };
  const save = async () => {
    setTried(true);
    if (Object.values(missing).some(Boolean) || outcome === '') return;
    await run(async () => {
      await command('calls.record', {
        entryId: e.id,
        outcome,
        ...(outcome === 'call_back' ? { callbackOn } : {}),
        ...(satisfaction ? { satisfaction } : {}),
        ...(requests.trim() ? { requests: requests.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(outcome === 'appointment'
          ? {
              appointment: {
                date: apptDate,
                ...(apptTime ? { time: apptTime } : {}),
                place: apptPlace.trim(),
              },
            }
          : {}),
      });
      toast.ok(t('calls.form.saved', { name: e.person.name }));
      onClose();
    });
  };
  // 1–7 pick the outcome (not while typing in a text field)
  const onKey = (k: KeyboardEvent<HTMLFormElement>) => {
    const target = k.target as HTMLElement;
    if (
      target.tagName === 'TEXTAREA' ||
      (target.tagName === 'INPUT' && target.getAttribute('type') !== 'radio')
    )
      return;
    const n = Number(k.key);
    if (n >= 1 && n <= CALL_OUTCOMES.length) {
      k.preventDefault();
      setOutcome(CALL_OUTCOMES[n - 1]!);
    } else if (k.key === 'Escape') onClose();
  };
  return (
    <form
      ref={form}
      className="calls-form"
      aria-label={t('calls.form.record')}
      data-testid="call-form"
      onKeyDown={onKey}
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      <RadioRow
        legend={`${t('calls.form.outcome')} · ${t('calls.form.keys')}`}
        name={`${uid}-o`}
        options={CALL_OUTCOMES}
        value={outcome}
        onChange={(k) => setOutcome(k)}
        label={(k) => `${CALL_OUTCOMES.indexOf(k) + 1} ${t(`calls.outcomes.${k}`)}`}
        error={tried && missing.outcome ? t('calls.form.outcome') : undefined}
      />
      {outcome === 'call_back' && (
        <div className="field">
          <label htmlFor={`${uid}-cb`}>{t('calls.form.callbackOn')}</label>
          <input
            id={`${uid}-cb`}
            type="date"
            min={today}
            value={callbackOn}
            aria-invalid={(tried && missing.callbackOn) || undefined}
            onChange={(x) => setCallbackOn(x.target.value)}
          />
        </div>
      )}
      {outcome === 'appointment' && (
        <div className="calls-appt">
          <div className="field">
            <label htmlFor={`${uid}-ad`}>{t('calls.form.apptDate')}</label>
            <input
              id={`${uid}-ad`}
              type="date"
              min={today}
              value={apptDate}
              aria-invalid={(tried && missing.appt && apptDate === '') || undefined}
              onChange={(x) => setApptDate(x.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-at`}>{t('calls.form.apptTime')}</label>
            <input
              id={`${uid}-at`}
              type="time"
              value={apptTime}
              onChange={(x) => setApptTime(x.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-ap`}>{t('calls.form.apptPlace')}</label>
            <input
              id={`${uid}-ap`}
              value={apptPlace}
              maxLength={200}
              aria-invalid={(tried && missing.appt && apptPlace.trim() === '') || undefined}
              onChange={(x) => setApptPlace(x.target.value)}
            />
          </div>
        </div>
      )}
      <RadioRow
        legend={t('calls.form.satisfaction')}
        name={`${uid}-s`}
        options={SATISFACTIONS}
        value={satisfaction}
        onChange={(k) => setSatisfaction(k)}
        label={(k) => t(`calls.satisfaction.${k}`)}
        error={tried && missing.satisfaction ? t('calls.form.satisfactionNeeded') : undefined}
      />
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${uid}-r`}>{t('calls.form.requests')}</label>
          <textarea
            id={`${uid}-r`}
            rows={2}
            maxLength={1000}
            value={requests}
            onChange={(x) => setRequests(x.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-n`}>{t('calls.form.note')}</label>
          <textarea
            id={`${uid}-n`}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(x) => setNote(x.target.value)}
          />
        </div>
      </div>
      <FormFooter
        error={error}
        submitLabel={t('calls.form.save')}
        busy={busy}
        disabled={busy}
        onCancel={onClose}
      />
    </form>
  );
}

function Reassign({ e, consultants }: { e: CallEntry; consultants: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const uid = useId();
  const move = useCommand('calls.reassign');
  return (
    <span className="calls-reassign">
      <label htmlFor={`${uid}-r`}>{t('calls.reassign')}</label>
      <select
        id={`${uid}-r`}
        value={e.consultant.id}
        disabled={move.busy}
        onChange={(x) =>
          void move.run({ entryId: e.id, consultantId: Number(x.target.value) }, (r) =>
            toast.ok(t('calls.reassigned', { name: r.consultant.name })),
          )
        }
      >
        {consultants.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </span>
  );
}

function CallCard(props: {
  e: CallEntry;
  open: boolean;
  canCall: boolean;
  manager: boolean;
  consultants: { id: number; name: string }[];
  onOpen(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { e } = props;
  return (
    <li className={`calls-item calls-${e.state}`} data-testid="call-entry">
      <div className="calls-item-head">
        <span className={STATE_BADGE[e.state]}>{t(`calls.states.${e.state}`)}</span>
        <strong className="calls-name">{e.person.name}</strong>
        {e.person.cardNo && <span className="mono muted">{e.person.cardNo}</span>}
        {e.person.phone && <span className="mono calls-phone">{e.person.phone}</span>}
        <span className="spacer" />
        {props.manager && e.state !== 'done' ? (
          <Reassign e={e} consultants={props.consultants} />
        ) : (
          props.manager && <span className="muted">{e.consultant.name}</span>
        )}
        {e.state !== 'done' && !props.open && (
          <button type="button" className="btn" disabled={!props.canCall} onClick={props.onOpen}>
            {t('calls.form.record')}
          </button>
        )}
      </div>
      <ul className="calls-reasons">
        {e.reasons.map((r, i) => (
          <li key={i}>{reasonText(t, r)}</li>
        ))}
        {e.state === 'due' && (
          <li className="calls-due">
            {t('calls.form.callbackOn')}: {fmtDate(e.dueOn)}
          </li>
        )}
      </ul>
      {e.attempts.length > 0 && (
        <ul className="calls-attempts muted">
          {e.attempts.map((a) => (
            <li key={a.id}>
              {t('calls.attempts', {
                outcome: t(`calls.outcomes.${a.outcome}`),
                at: fmtDateTime(a.at),
                by: a.by.name,
              })}
              {a.callbackOn ? ` → ${fmtDate(a.callbackOn)}` : ''}
              {a.satisfaction ? ` · ${t(`calls.satisfaction.${a.satisfaction}`)}` : ''}
              {a.requests ? ` · “${a.requests}”` : ''}
            </li>
          ))}
        </ul>
      )}
      {props.open && <OutcomeForm e={e} onClose={props.onClose} />}
    </li>
  );
}

export function CallList({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const [consultant, setConsultant] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useOp('calls.today', consultant ? { consultantId: consultant } : {}, {
    refetchInterval: 60_000,
  });
  const staff = useOp('session.staffList', {}, { enabled: manager }).data ?? [];
  const consultants = staff.filter((s) => s.role === 'consultant').map((s) => ({ id: s.id, name: s.name }));
  const error = loadError(list);
  const data = list.data;
  return (
    <div className="calls-panel">
      {data && <WindowBanner w={data.window} />}
      {error && <p className="field-error">{error}</p>}
      {manager && data && (
        <section className="card calls-rates" aria-labelledby={`${uid}-rates`}>
          <div className="toolbar">
            <h2 id={`${uid}-rates`}>
              {t('calls.rates')} · {fmtDate(data.day)}
            </h2>
            <span className="muted">{t('calls.target')}</span>
            <span className="spacer" />
            <label htmlFor={`${uid}-c`}>{t('calls.consultant')}</label>
            <select
              id={`${uid}-c`}
              value={consultant}
              onChange={(x) => setConsultant(Number(x.target.value))}
            >
              <option value={0}>{t('calls.everyone')}</option>
              {consultants.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <ul className="calls-rate-list">
            {data.rates.map((r) => {
              const full = r.onList > 0 && r.called === r.onList;
              return (
                <li key={r.consultant.id}>
                  <strong>{r.consultant.name}</strong>{' '}
                  <span className={full ? 'badge badge-ok' : 'badge badge-warn'}>
                    {r.onList ? Math.round((r.called / r.onList) * 100) : 0}%
                  </span>{' '}
                  <span className="muted">{t('calls.rate', { called: r.called, onList: r.onList })}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {data && !manager && (
        <p className="muted">
          {fmtDate(data.day)} ·{' '}
          {data.rates[0]
            ? t('calls.rate', { called: data.rates[0].called, onList: data.rates[0].onList })
            : ''}
        </p>
      )}
      {data && data.entries.length === 0 && <p className="muted">{t('calls.empty')}</p>}
      <ul className="calls-list">
        {data?.entries.map((e) => (
          <CallCard
            key={e.id}
            e={e}
            open={openId === e.id}
            canCall={data.window.open}
            manager={manager}
            consultants={consultants}
            onOpen={() => setOpenId(e.id)}
            onClose={() => setOpenId(null)}
          />
        ))}
      </ul>
    </div>
  );
}
