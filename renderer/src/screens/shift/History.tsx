/**
 * History: closed shifts and day closes searchable by date and staff, each reopening its report;
 * entries per day for the last 30 days and per hour of a chosen day (simple bars, with the numbers).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginStaff, OpArgs } from '../../../../electron/core/contract';
import { addDays } from '../../../../electron/shared/dates';
import { FormError } from '../../components/FormParts';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { useOp } from '../../query';
import { useStaffList } from '../../staff';
import { DiffBadge } from './Opening';
import { OverShortPanel } from './OverShort';
import { useCan } from '../../stores/session';

const NOBODY: LoginStaff[] = [];

function Bars(props: {
  label: string;
  data: { key: string; label: string; value: number; title: string; on?: boolean }[];
  onPick?: (key: string) => void;
}) {
  const max = Math.max(1, ...props.data.map((d) => d.value));
  return (
    <figure className="shift-chart" aria-label={props.label}>
      <figcaption>{props.label}</figcaption>
      <div className="shift-bars" role="list">
        {props.data.map((d) => (
          <div key={d.key} role="listitem" className={d.on ? 'shift-bar on' : 'shift-bar'} title={d.title}>
            <span className="shift-bar-value">{d.value > 0 ? d.value : ''}</span>
            <button
              type="button"
              className="shift-bar-fill"
              style={{ height: `${(d.value / max) * 100}%` }}
              aria-label={d.title}
              tabIndex={props.onPick ? 0 : -1}
              onClick={() => props.onPick?.(d.key)}
            />
            <span className="shift-bar-label">{d.label}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

export function History({
  onOpenShift,
  onOpenDay,
}: {
  onOpenShift: (id: number) => void;
  onOpenDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const today = clubToday();
  const [from, setFrom] = useState(addDays(today, -13));
  const [to, setTo] = useState(today);
  const [staffId, setStaffId] = useState('');
  const staff = useStaffList().data ?? NOBODY;
  // what was searched: the last two weeks on open, later what the button asks for (not live)
  const criteria = (): OpArgs<'shift.history'> => ({
    from,
    to,
    ...(staffId ? { staffId: Number(staffId) } : {}),
  });
  const [asked, setAsked] = useState(criteria);
  const history = useOp('shift.history', asked, { live: false, keepPrevious: true });
  const data = history.data ?? null;
  const search = () => {
    const next = criteria();
    if (JSON.stringify(next) === JSON.stringify(asked)) void history.refetch();
    else setAsked(next);
  };
  const [chartDay, setChartDay] = useState(today);
  const chartsQuery = useOp('shift.charts', { day: chartDay }, { live: false, keepPrevious: true });
  const charts = chartsQuery.data ?? null;
  const failed = history.error ?? chartsQuery.error;
  const error = failed ? errorText(failed) : null;
  const canSettle = useCan('shift.settle');

  return (
    <div className="shift-history">
      <form
        className="card toolbar shift-search"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('shift.history.from')}</label>
          <input id={`${uid}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('shift.history.to')}</label>
          <input id={`${uid}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-staff`}>{t('shift.history.staff')}</label>
          <select id={`${uid}-staff`} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">{t('shift.history.anyone')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary btn-big">
          {t('shift.history.search')}
        </button>
      </form>
      <FormError error={error} as="p" />
      {canSettle && <OverShortPanel />}
      {data && (
        <div className="shift-two">
          <section className="card" aria-labelledby={`${uid}-sh`}>
            <h2 id={`${uid}-sh`}>{t('shift.history.shifts')}</h2>
            {data.shifts.length === 0 ? (
              <p className="muted">{t('shift.history.noShifts')}</p>
            ) : (
              <table className="table shift-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shift.history.col.day')}</th>
                    <th scope="col">{t('shift.history.col.staff')}</th>
                    <th scope="col" className="num">
                      {t('shift.history.col.entries')}
                    </th>
                    <th scope="col">{t('shift.history.col.difference')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('shift.history.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.shifts.map((s) => (
                    <tr key={s.id}>
                      <td>
                        {fmtDate(s.day)}{' '}
                        <span className="muted">
                          {fmtTime(s.openedAt)}–{s.closedAt ? fmtTime(s.closedAt) : ''}
                        </span>
                      </td>
                      <td>
                        {s.signedOutBy?.name} → {s.signedInBy?.name}
                        {s.corrections > 0 && <span className="badge badge-warn"> ✎ {s.corrections}</span>}
                      </td>
                      <td className="num">{s.entries}</td>
                      <td>{s.differenceCents !== null && <DiffBadge cents={s.differenceCents} />}</td>
                      <td>
                        <button type="button" className="btn btn-small" onClick={() => onOpenShift(s.id)}>
                          {t('shift.history.open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby={`${uid}-dy`}>
            <h2 id={`${uid}-dy`}>{t('shift.history.days')}</h2>
            {data.days.length === 0 ? (
              <p className="muted">{t('shift.history.noDays')}</p>
            ) : (
              <table className="table shift-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shift.history.col.day')}</th>
                    <th scope="col" className="num">
                      {t('shift.history.col.shifts')}
                    </th>
                    <th scope="col" className="num">
                      {t('shift.history.col.entries')}
                    </th>
                    <th scope="col" className="num">
                      {t('shift.history.col.over')}
                    </th>
                    <th scope="col" className="num">
                      {t('shift.history.col.short')}
                    </th>
                    <th scope="col">
                      <span className="sr-only">{t('shift.history.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.days.map((d) => (
                    <tr key={d.id}>
                      <td title={fmtDateTime(d.closedAt)}>
                        {fmtDate(d.day)}
                        {d.reopenings > 0 && (
                          <>
                            {' '}
                            <span className="badge badge-warn">
                              {t('shift.history.reopened', { n: d.reopenings })}
                            </span>
                          </>
                        )}
                      </td>
                      <td className="num">{d.shifts}</td>
                      <td className="num">{d.entries}</td>
                      <td className="num">{fmtMoney(d.overCents)}</td>
                      <td className="num">{fmtMoney(d.shortCents)}</td>
                      <td>
                        <button type="button" className="btn btn-small" onClick={() => onOpenDay(d.day)}>
                          {t('shift.history.open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
      {charts && (
        <section className="card shift-charts">
          <Bars
            label={t('shift.history.perDay')}
            onPick={setChartDay}
            data={charts.perDay.map((d) => ({
              key: d.day,
              label: d.day.slice(8),
              value: d.entries,
              on: d.day === chartDay,
              title: t('shift.history.entriesOn', { day: fmtDate(d.day), count: d.entries }),
            }))}
          />
          <div className="shift-chart-day">
            <div className="field">
              <label htmlFor={`${uid}-cd`}>{t('shift.history.chartDay')}</label>
              <input
                id={`${uid}-cd`}
                type="date"
                value={chartDay}
                max={today}
                onChange={(e) => e.target.value && setChartDay(e.target.value)}
              />
            </div>
            <Bars
              label={t('shift.history.perHour', { day: fmtDate(charts.day) })}
              data={charts.perHour.map((h) => ({
                key: String(h.hour),
                label: String(h.hour),
                value: h.entries,
                title: t('shift.history.entriesOn', { day: `${h.hour}:00`, count: h.entries }),
              }))}
            />
          </div>
        </section>
      )}
    </div>
  );
}
