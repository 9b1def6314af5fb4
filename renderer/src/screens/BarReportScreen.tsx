/**
 * Bar reports: for a period (presets or custom dates) the stock movement of every item (opening,
 * received, sold, voided, expected, counted, difference), sales by payment method, what is still
 * unpaid, the voids, free water and the stocktakes done; printable on A4 and exportable as CSV.
 * Below, next month's order list for a chosen month.
 */
import { useEffect, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { errorText } from '../errorText';
import { clubToday, fmtDate, fmtDateTime } from '../format';
import { useOp } from '../query';
import { useCan, useSession } from '../stores/session';
import { toast } from '../stores/toast';
import { OrderList } from './barReport/OrderList';
import { ReportBody } from './barReport/ReportBody';
import { PRESETS, isDate, presetOf, presetRange, type Preset } from './barReport/dates';
import '../components/print-report.css';
import './BarReportScreen.css';

export default function BarReportScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const clubName = useSession((s) => s.settings?.clubName ?? '');
  const canCsv = useCan('bar.reportCsv');
  const canOrder = useCan('bar.orderList');
  const [range, setRange] = useState(() => presetRange('today'));
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());

  const { from, to } = range;
  const rangeOk = isDate(from) && isDate(to) && from <= to;
  const preset = rangeOk ? presetOf(from, to) : null;
  // a report does not move under the reader: it loads for each period and on "Refresh"
  const reportQuery = useOp(
    'bar.report',
    { from, to },
    { enabled: rangeOk, live: false, keepPrevious: true },
  );
  const report = reportQuery.data ?? null;
  const error = reportQuery.isError ? errorText(reportQuery.error) : null;
  const loading = reportQuery.isFetching;

  // Ctrl+P prints the same page: stamp the printing time first
  useEffect(() => {
    const before = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);

  // the period of the figures shown (while a new range loads, the previous one is still on screen)
  const shown = report ?? range;
  const period =
    shown.from === shown.to
      ? fmtDate(shown.from)
      : t('barReport.periodRange', { from: fmtDate(shown.from), to: fmtDate(shown.to) });

  const print = async () => {
    flushSync(() => setPrintedAt(new Date().toISOString()));
    const title = t('barReport.printTitle', { club: clubName, period });
    const bridge = window.frontDesk;
    if (bridge?.print) {
      try {
        await bridge.print({ pdf: false, title });
      } catch (e) {
        toast.error(errorText(e));
      }
    } else {
      window.print();
    }
  };

  const exportCsv = async () => {
    try {
      const r = await call('bar.reportCsv', { from, to });
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast.ok(t('barReport.csvDone', { filename: r.filename }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  const today = clubToday();

  return (
    <div className="page print-report barreport-page">
      <header className="barreport-print-head">
        <div className="barreport-print-club">{clubName}</div>
        <h1>{t('barReport.title')}</h1>
        <div>{t('barReport.printPeriod', { period })}</div>
        <div>{t('barReport.printedAt', { at: fmtDateTime(printedAt) })}</div>
      </header>

      <div className="page-header barreport-header no-print">
        <h1>{t('barReport.title')}</h1>
        <div className="barreport-presets" role="group" aria-label={t('barReport.presetsLabel')}>
          {PRESETS.map((p: Preset) => (
            <button
              key={p}
              type="button"
              className={preset === p ? 'btn barreport-preset on' : 'btn barreport-preset'}
              aria-pressed={preset === p}
              onClick={() => setRange(presetRange(p, today))}
            >
              {t(`barReport.presets.${p}`)}
            </button>
          ))}
        </div>
        <div className="field barreport-date">
          <label htmlFor={`${uid}-from`}>{t('barReport.from')}</label>
          <input
            id={`${uid}-from`}
            type="date"
            value={from}
            max={today}
            aria-invalid={!rangeOk || undefined}
            onChange={(e) => setRange({ from: e.target.value, to })}
          />
        </div>
        <div className="field barreport-date">
          <label htmlFor={`${uid}-to`}>{t('barReport.to')}</label>
          <input
            id={`${uid}-to`}
            type="date"
            value={to}
            aria-invalid={!rangeOk || undefined}
            onChange={(e) => setRange({ from, to: e.target.value })}
          />
        </div>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void reportQuery.refetch()} disabled={!rangeOk}>
          {t('barReport.refresh')}
        </button>
        <button type="button" className="btn" onClick={() => void print()} disabled={!report}>
          {t('barReport.print')}
        </button>
        {canCsv && (
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!rangeOk}>
            {t('barReport.exportCsv')}
          </button>
        )}
      </div>

      {!rangeOk && (
        <div className="field-error no-print" role="alert">
          {t('barReport.badRange')}
        </div>
      )}
      {error && (
        <div className="field-error no-print" role="alert">
          {error}
        </div>
      )}
      {!report && !error && <p className="muted">{t('common.loading')}</p>}
      {report && (
        <div aria-busy={loading} className={loading ? 'barreport-loading' : undefined}>
          <ReportBody report={report} />
        </div>
      )}

      {canOrder && <OrderList />}
    </div>
  );
}
