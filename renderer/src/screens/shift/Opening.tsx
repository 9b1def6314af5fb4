/**
 * Opening a shift: the previous handover first (its messages, notes, cash result and corrections),
 * the open items (tags out, unpaid tabs, open complaints and incidents, follow-ups, missed
 * announcements), then the acknowledgement, the staff on duty, the float and the opening checklist.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FLOAT_DIFF_PIN_CENTS,
  type ShiftOpening,
  type ShiftReport,
} from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { call } from '../../api';
import { AuthorizeDialog, type Authorization } from '../../components/AuthorizeDialog';
import { FormError } from '../../components/FormParts';
import { MoneyInput } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime, moneyRefusal } from '../../format';
import { loadError, useOp } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { checklistLabel } from './util';
import { DenomsGrid, useDenoms } from './Drops';
import { placeLabel, urgencyBadge } from '../notes/util';
import { ComplaintDeadlineBadge } from '../incidents/ComplaintDeadline';

export function DiffBadge({ cents }: { cents: number }) {
  const { t } = useTranslation();
  if (cents === 0) return <span className="badge badge-ok">✓ {t('shift.cash.exact')}</span>;
  if (cents > 0)
    return <span className="badge badge-warn">▲ {t('shift.cash.over', { amount: fmtMoney(cents) })}</span>;
  return <span className="badge badge-block">▼ {t('shift.cash.short', { amount: fmtMoney(-cents) })}</span>;
}

function PreviousHandover({ r }: { r: ShiftReport }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="card shift-previous" aria-labelledby={`${uid}-p`}>
      <h2 id={`${uid}-p`}>{t('shift.opening.previous')}</h2>
      <p className="muted">
        {t('shift.opening.previousShift', {
          day: fmtDate(r.shift.day),
          from: fmtTime(r.shift.openedAt),
          to: r.shift.closedAt ? fmtTime(r.shift.closedAt) : '',
        })}{' '}
        · {t('shift.opening.signedBy', { out: r.signedOutBy.name, in: r.signedInBy.name })}
      </p>
      <div className="shift-two">
        <div>
          <h3>{t('shift.opening.messages')}</h3>
          {r.shift.messages.trim() ? (
            <p className="shift-message">{r.shift.messages}</p>
          ) : (
            <p className="muted">{t('shift.opening.noMessages')}</p>
          )}
          {r.shift.notes.trim() && (
            <>
              <h3>{t('shift.opening.notes')}</h3>
              <p className="shift-message">{r.shift.notes}</p>
            </>
          )}
        </div>
        <div>
          <h3>{t('shift.opening.cashResult')}</h3>
          <p>
            {t('shift.cash.counted')}: <strong>{fmtMoney(r.countedCents)}</strong> ·{' '}
            <DiffBadge cents={r.differenceCents} />
          </p>
          {r.differenceReason && <p className="muted">{r.differenceReason}</p>}
          <p>
            {t('shift.cash.floatHanded')}: <strong>{fmtMoney(r.floatHandedCents)}</strong>
          </p>
          {r.corrections.length > 0 && (
            <>
              <h3>{t('shift.opening.corrections')}</h3>
              <ul>
                {r.corrections.map((c) => (
                  <li key={c.id}>
                    {c.text}{' '}
                    <span className="muted">
                      ({c.byName}, {fmtDateTime(c.at)})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** The open items a shift takes over (also shown while the shift runs). */
export function OpenItemsView({ o }: { o: ShiftOpening['openItems'] }) {
  const { t } = useTranslation();
  const uid = useId();
  type Group =
    | 'tagsOut'
    | 'unpaidTabs'
    | 'complaints'
    | 'incidents'
    | 'followUps'
    | 'missed'
    | 'staffMessages'
    | 'repairs';
  const groups: { key: Group; items: ReactNode[] }[] = [
    { key: 'tagsOut', items: o.tagsOut.map((x) => `#${x.tagNumber} ${x.name} (${fmtTime(x.since)})`) },
    {
      key: 'unpaidTabs',
      items: o.unpaidTabs.map(
        (x) => `${x.tagNumber !== null ? `#${x.tagNumber} ` : ''}${x.name} ${fmtMoney(x.cents)}`,
      ),
    },
    {
      key: 'complaints',
      // reception: no name, contact or what it is about (the core leaves them out)
      items: o.complaints.map((x) => (
        <>
          #{x.id} {fmtDate(x.registeredAt.slice(0, 10))}{' '}
          {x.view === 'full'
            ? `${x.complainantName}: ${x.what}`
            : `${x.complainant} · ${t(`incidents.departments.${x.department}`)}`}{' '}
          <ComplaintDeadlineBadge deadline={x.deadline} dueDate={x.dueDate} daysLeft={x.daysLeft} />
        </>
      )),
    },
    {
      key: 'incidents',
      items: o.incidents.map(
        (x) => `${fmtDateTime(x.occurredAt)} ${x.personName ?? ''} ${x.place}: ${x.what}`,
      ),
    },
    { key: 'followUps', items: o.followUps.map((x) => `${fmtDate(x.dueDate)} ${x.personName ?? ''}`) },
    {
      key: 'missed',
      items: o.missedAnnouncements.map(
        (x) =>
          `${fmtDate(x.day)} ${fmtTime(x.startsAt)} ${x.className ?? t('shift.opening.closingAnnouncement')}`,
      ),
    },
    {
      key: 'staffMessages',
      items: o.messages.map(
        (x) =>
          `${fmtDateTime(x.takenAt)} → ${x.toName}: ${t(`notes.messages.sources.${x.source}`)} ${x.fromName}`,
      ),
    },
    {
      key: 'repairs',
      items: o.repairs.map((x) => (
        <>
          <span className={urgencyBadge(x.urgency)}>{t(`notes.repairs.urgencies.${x.urgency}`)}</span> #{x.id}{' '}
          {x.what} ({placeLabel(x.place)}) — {t(`notes.repairs.status.${x.status}`)}
        </>
      )),
    },
  ];
  const any = groups.some((g) => g.items.length > 0);
  return (
    <section className="card" aria-labelledby={`${uid}-oi`}>
      <h2 id={`${uid}-oi`}>{t('shift.opening.openItems')}</h2>
      {!any && <p className="muted">{t('shift.opening.nothingOpen')}</p>}
      <div className="shift-open-items">
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <div key={g.key} className="shift-open-group">
              <h3>
                {t(`shift.opening.${g.key}`)} <span className="badge badge-warn">{g.items.length}</span>
              </h3>
              <ul>
                {g.items.slice(0, 12).map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
                {g.items.length > 12 && <li className="muted">…</li>}
              </ul>
            </div>
          ))}
      </div>
    </section>
  );
}

export function Opening({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const me = useSession((s) => s.info!.staff);
  const opening = useOp('shift.opening', {});
  const data = opening.data ?? null;
  const error = loadError(opening);
  const [ack, setAck] = useState(false);
  const [staff, setStaff] = useState<number[]>([me.id]);
  // the float as typed (null: the prefill)
  const [typedFloat, setFloat] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  // the change float counted note by note (零钞): when counted, its total is the float received
  const floatNotes = useDenoms();
  const [authorizing, setAuthorizing] = useState(false);
  const { busy, error: problem, setError: setProblem, run } = useSubmit();

  if (error) return <p className="field-error">{error}</p>;
  if (!data) return <p className="muted">{t('common.loading')}</p>;

  const counting = floatNotes.touched;
  const float = counting
    ? centsToYuan(floatNotes.total)
    : (typedFloat ?? centsToYuan(data.floatPrefillCents));
  const floatCents = counting ? (floatNotes.valid ? floatNotes.total : null) : parseCents(float);
  const needsAuth =
    floatCents !== null && Math.abs(floatCents - data.floatPrefillCents) > FLOAT_DIFF_PIN_CENTS;
  const differs = floatCents !== null && floatCents !== data.floatPrefillCents;
  const toggle = (list: string[], v: string) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

  const openArgs = (cents: number, floatAuthorization?: Authorization) => ({
    staffIds: staff,
    floatCents: cents,
    ...(differs ? { floatReason: reason.trim() } : {}),
    ...(counting ? { floatDenominations: floatNotes.counts } : {}),
    ...(floatAuthorization ? { floatAuthorization } : {}),
    acknowledged: ack,
    checked,
  });
  const open = async () => {
    setProblem(null);
    if (data.previous && !ack) return setProblem(t('shift.opening.ackNeeded'));
    if (staff.length === 0) return setProblem(t('shift.opening.pickStaff'));
    if (floatCents === null) return setProblem(moneyRefusal(float) ?? t('shift.opening.badFloat'));
    if (differs && !reason.trim()) return setProblem(t('shift.opening.floatReasonNeeded'));
    // a difference beyond the threshold: a shift lead or manager accepts it first
    if (needsAuth) return setAuthorizing(true);
    await run(async () => {
      await call('shift.open', openArgs(floatCents));
      toast.ok(t('shift.opening.opened'));
      onOpened();
    });
  };

  return (
    <div className="shift-opening">
      {data.dayClosed ? (
        <p className="banner banner-block" data-testid="day-closed">
          {t('shift.opening.dayClosed', {
            day: fmtDate(data.dayClosed.day),
            at: fmtTime(data.dayClosed.closedAt),
            name: data.dayClosed.closedBy.name,
          })}
        </p>
      ) : (
        <p className="banner banner-warn">{t('shift.opening.noShift')}</p>
      )}
      {data.previous ? (
        <PreviousHandover r={data.previous} />
      ) : (
        <p className="card muted">{t('shift.opening.noPrevious')}</p>
      )}
      <OpenItemsView o={data.openItems} />
      <form
        className="card shift-open-form"
        aria-labelledby={`${uid}-f`}
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <h2 id={`${uid}-f`}>{t('shift.opening.title')}</h2>
        {data.previous && (
          <label className="check shift-ack">
            <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <strong>{t('shift.opening.acknowledge')}</strong>
          </label>
        )}
        <div className="shift-two">
          <fieldset className="shift-fieldset">
            <legend>{t('shift.opening.onDuty')}</legend>
            {data.staff.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={staff.includes(s.id)}
                  onChange={() =>
                    setStaff((l) => (l.includes(s.id) ? l.filter((x) => x !== s.id) : [...l, s.id]))
                  }
                />
                {s.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="shift-fieldset">
            <legend>{t('shift.opening.checklist')}</legend>
            {data.checklist.map((item) => (
              <label key={item} className="check">
                <input
                  type="checkbox"
                  checked={checked.includes(item)}
                  onChange={() => setChecked((l) => toggle(l, item))}
                />
                {checklistLabel(item)}
              </label>
            ))}
          </fieldset>
        </div>
        <fieldset className="shift-fieldset" data-testid="float-count">
          <legend>{t('shift.floatCount.title')}</legend>
          <p className="muted">{t('shift.floatCount.intro')}</p>
          <DenomsGrid notes={floatNotes} />
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-float`}>{t('shift.opening.float')}</label>
          {counting ? (
            <p id={`${uid}-float`} className="shift-drop-total" aria-live="polite">
              {t('shift.floatCount.counted')}:{' '}
              <strong data-testid="float-counted">{fmtMoney(floatCents ?? 0)}</strong> ·{' '}
              {t('shift.floatCount.handedOver')}: {fmtMoney(data.floatPrefillCents)} ·{' '}
              {floatCents !== null && <DiffBadge cents={floatCents - data.floatPrefillCents} />}
            </p>
          ) : (
            <MoneyInput
              id={`${uid}-float`}
              value={float}
              onChange={setFloat}
              invalid={floatCents === null}
              describedBy={`${uid}-fh`}
            />
          )}
          <span id={`${uid}-fh`} className="field-hint">
            {t('shift.opening.floatPrefill', { amount: fmtMoney(data.floatPrefillCents) })}
          </span>
          {needsAuth && (
            <span className="field-hint">
              {t('shift.floatCount.needAuth', { amount: fmtMoney(FLOAT_DIFF_PIN_CENTS) })}
            </span>
          )}
        </div>
        {differs && (
          <div className="field">
            <label htmlFor={`${uid}-reason`}>{t('shift.opening.floatReason')}</label>
            <input
              id={`${uid}-reason`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        )}
        <FormError error={problem} as="p" />
        <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
          {t('shift.opening.open')}
        </button>
      </form>
      {authorizing && floatCents !== null && (
        <AuthorizeDialog
          title={t('shift.floatCount.authTitle', {
            amount: fmtMoney(Math.abs(floatCents - data.floatPrefillCents)),
          })}
          action="floatDifference"
          onClose={() => setAuthorizing(false)}
          onAuthorize={async (authorization) => {
            await call('shift.open', openArgs(floatCents, authorization));
            setAuthorizing(false);
            toast.ok(t('shift.opening.opened'));
            onOpened();
          }}
        >
          <p>
            {t('shift.floatCount.authWhat', {
              counted: fmtMoney(floatCents),
              handed: fmtMoney(data.floatPrefillCents),
            })}
          </p>
        </AuthorizeDialog>
      )}
    </div>
  );
}
