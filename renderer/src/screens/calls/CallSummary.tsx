/**
 * The managers' summary of the follow-up calls, by month or quarter: per consultant the entries
 * listed and called (the rate, target 100%), calls, reached, appointments, renewals within 30 days
 * of a call, satisfaction; what members asked for. CSV export and a printable page.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUMMARY_PERIODS, type SummaryPeriod, type SummaryRow } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime } from '../../format';
import { command, loadError, useOp } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { downloadCsv, printReport } from '../shift/util';
import { usePrintStamp } from '../shift/ReportView';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`);

export function CallSummaryView() {
  const { t } = useTranslation();
  const uid = useId();
  const [period, setPeriod] = useState<SummaryPeriod>('month');
  const [month, setMonth] = useState(() => clubToday().slice(0, 7));
  const [printedAt, stamp] = usePrintStamp();
  const club = useSession((x) => x.settings?.clubName ?? '');
  const q = useOp('calls.summary', { period, month }, { enabled: /^\d{4}-\d{2}$/.test(month) });
  const error = loadError(q);
  const s = q.data;
  const title = s ? t('calls.summary.title', { label: s.label }) : t('calls.tabs.summary');
  const csv = async () => {
    try {
      const r = await command('calls.summaryCsv', { period, month });
      downloadCsv(r, t('calls.summary.csvDone', { filename: r.filename }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  const line = (r: SummaryRow, name: string) => (
    <tr key={name}>
      <th scope="row">{name}</th>
      <td className="num">{r.listed}</td>
      <td className="num">{r.called}</td>
      <td className="num">{pct(r.called, r.listed)}</td>
      <td className="num">{r.calls}</td>
      <td className="num">{r.reached}</td>
      <td className="num">{pct(r.reached, r.called)}</td>
      <td className="num">{r.appointments}</td>
      <td className="num">{r.renewals}</td>
      <td className="num">{r.satisfied}</td>
      <td className="num">{r.fair}</td>
      <td className="num">{r.unsatisfied}</td>
    </tr>
  );
  const cols = [
    'listed',
    'called',
    'rate',
    'calls',
    'reached',
    'reachedRate',
    'appointments',
    'renewals',
    'satisfied',
    'fair',
    'unsatisfied',
  ] as const;
  return (
    <div className="calls-summary">
      <div className="toolbar no-print">
        <fieldset className="calls-period">
          <legend className="sr-only">{t('calls.summary.period')}</legend>
          {SUMMARY_PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              className="btn"
              aria-pressed={period === p}
              onClick={() => setPeriod(p)}
            >
              {t(`calls.summary.${p}`)}
            </button>
          ))}
        </fieldset>
        <label htmlFor={`${uid}-m`}>{t('calls.summary.month')}</label>
        <input id={`${uid}-m`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        <span className="spacer" />
        <button type="button" className="btn" disabled={!s} onClick={() => void csv()}>
          {t('calls.summary.csv')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!s}
          onClick={() => void printReport(title, false, stamp)}
        >
          {t('calls.summary.print')}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
      {s && (
        <section className="card calls-summary-sheet" aria-labelledby={`${uid}-h`}>
          <p className="calls-print-only">{club}</p>
          <h2 id={`${uid}-h`}>{title}</h2>
          <p className="muted">
            {fmtDate(s.from)} – {fmtDate(s.to)}
            <span className="calls-print-only">
              {' '}
              · {t('calls.summary.printedAt', { at: fmtDateTime(printedAt) })}
            </span>
          </p>
          <table className="table calls-table">
            <thead>
              <tr>
                <th scope="col">{t('calls.summary.cols.consultant')}</th>
                {cols.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`calls.summary.cols.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => line(r, r.consultant?.name ?? ''))}
              {line(s.total, t('calls.summary.total'))}
            </tbody>
          </table>
          <h3>{t('calls.summary.requests')}</h3>
          {s.requests.length === 0 ? (
            <p className="muted">{t('calls.summary.noRequests')}</p>
          ) : (
            <ul className="calls-requests">
              {s.requests.map((r, i) => (
                <li key={i}>
                  <span className="muted">{fmtDateTime(r.at)}</span> · <strong>{r.name}</strong> (
                  {r.consultant}
                  ): {r.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
