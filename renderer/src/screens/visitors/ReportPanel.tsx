/** The consultant report (managers): per consultant the month's totals, and per day on request. */
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultantStats } from '../../../../electron/core/contract';
import { isValidMonth } from '../../../../electron/shared/dates';
import { errorText } from '../../errorText';
import { clubToday, fmtDate } from '../../format';
import { useOp } from '../../query';

function Cells({ s }: { s: ConsultantStats }) {
  const { t } = useTranslation();
  const cards = s.cardsSold.map((c) => `${c.cardTypeName} × ${c.count}`).join(', ');
  return (
    <>
      <td className="num">{s.receivedRotation}</td>
      <td className="num">{s.receivedOwnLeads}</td>
      <td className="num">{s.credited}</td>
      <td className="num">
        {s.passedOver}
        {s.passedOver > 0 && (
          <div className="muted vis-small">{t('visitors.report.passedReasons', s.passedOverByReason)}</div>
        )}
      </td>
      <td className="num">{s.noShows}</td>
      <td className="num">{s.disputesRaised}</td>
      <td className="num">
        {s.creditMovedIn} / {s.creditMovedOut}
      </td>
      <td className="num">{s.joined}</td>
      <td className="num">{s.followUp}</td>
      <td className="num">{s.notInterested}</td>
      <td>{cards || t('visitors.report.noCards')}</td>
      <td className="num">
        {s.phoneAssigned} ({s.phoneCalledBack})
      </td>
    </>
  );
}

export function ReportPanel() {
  const { t } = useTranslation();
  const uid = useId();
  const [month, setMonth] = useState(() => clubToday().slice(0, 7));
  // a month being typed keeps the last one shown; a report is not live (it loads when opened)
  const reportQuery = useOp(
    'reports.consultants',
    { month },
    { enabled: isValidMonth(month), live: false, keepPrevious: true },
  );
  const report = reportQuery.data ?? null;
  const error = reportQuery.isError ? errorText(reportQuery.error) : null;
  const [open, setOpen] = useState<Set<number>>(new Set());

  const toggle = (id: number) =>
    setOpen((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="vis-report">
      <div className="toolbar">
        <div className="field vis-month">
          <label htmlFor={`${uid}-month`}>{t('visitors.report.month')}</label>
          <input id={`${uid}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
      </div>
      {error && <p className="field-error">{error}</p>}
      {report && report.rows.length === 0 && <p className="empty">{t('visitors.report.empty')}</p>}
      {report && report.rows.length > 0 && (
        <div className="vis-table-wrap">
          <table className="table vis-table vis-report-table">
            <thead>
              <tr>
                <th>{t('visitors.report.consultant')}</th>
                <th className="num">{t('visitors.report.rotation')}</th>
                <th className="num">{t('visitors.report.ownLeads')}</th>
                <th className="num">{t('visitors.report.credited')}</th>
                <th className="num">{t('visitors.report.passedOver')}</th>
                <th className="num">{t('visitors.report.noShows')}</th>
                <th className="num">{t('visitors.report.disputes')}</th>
                <th className="num">{t('visitors.report.moved')}</th>
                <th className="num">{t('visitors.report.joined')}</th>
                <th className="num">{t('visitors.report.followUp')}</th>
                <th className="num">{t('visitors.report.notInterested')}</th>
                <th>{t('visitors.report.cardsSold')}</th>
                <th className="num">{t('visitors.report.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <Fragment key={r.staffId}>
                  <tr className="vis-report-total" data-testid={`report-${r.name}`}>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost vis-expand"
                        aria-expanded={open.has(r.staffId)}
                        aria-label={
                          open.has(r.staffId)
                            ? t('visitors.report.hideDays')
                            : t('visitors.report.showDays', { name: r.name })
                        }
                        onClick={() => toggle(r.staffId)}
                      >
                        {open.has(r.staffId) ? '▾' : '▸'}
                      </button>
                      <strong>{r.name}</strong>
                    </td>
                    <Cells s={r.total} />
                  </tr>
                  {open.has(r.staffId) &&
                    r.days.map((d) => (
                      <tr key={d.day} className="vis-report-day">
                        <td className="num">{fmtDate(d.day)}</td>
                        <Cells s={d} />
                      </tr>
                    ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
