/** The day close report (printable, CSV): the day's shifts, the book, the stocktakes, reopenings. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { toast } from '../../stores/toast';
import { BookView } from './BookView';
import { CountsTable, PayoutsTable } from './CashLists';
import { DiffBadge } from './Opening';
import { DropsTable } from './Drops';
import { OverShortTable } from './OverShort';
import { Toolbar, usePrintStamp } from './ReportView';
import { checklistLabel, downloadCsv } from './util';

export function DayReportView({ report, onBack }: { report: DayReport; onBack: () => void }) {
  const { t } = useTranslation();
  const [printedAt, stamp] = usePrintStamp();
  const title = t('shift.report.dayPrintTitle', { club: report.clubName, day: report.day });
  const csv = async () => {
    try {
      const x = await call('shift.reportCsv', { day: report.day });
      downloadCsv(x, t('shift.report.csvDone', { filename: x.filename }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  return (
    <div className="shift-report-page">
      <Toolbar title={title} csv={csv} onBack={onBack} stamp={stamp} />
      <article className="shift-report" aria-label={t('shift.report.dayTitle')}>
        <header className="shift-report-head">
          <div className="shift-report-club">{report.clubName}</div>
          <h1>{t('shift.report.dayTitle')}</h1>
          <dl className="shift-report-meta">
            <div>
              <dt>{t('shift.report.day')}</dt>
              <dd>{fmtDate(report.day)}</dd>
            </div>
            {report.closedAt && (
              <div>
                <dt>{t('shift.report.closedBy')}</dt>
                <dd>
                  {report.closedBy?.name} {fmtDateTime(report.closedAt)}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('shift.report.backup')}</dt>
              <dd>{report.backupFile ?? t('shift.report.noBackup')}</dd>
            </div>
          </dl>
          <div className="shift-print-only">
            {t('shift.report.printedAt', { at: fmtDateTime(printedAt) })}
          </div>
        </header>
        <DayReopenings report={report} />
        <DayShifts report={report} />
        <BookView book={report.book} />
        <section className="shift-block shift-cash-block">
          <h3>{t('shift.cash.title')}</h3>
          <CountsTable counts={report.counts} />
          <PayoutsTable payouts={report.payouts} />
          {report.drops.length > 0 && <DropsTable drops={report.drops} caption={t('shift.cash.drops')} />}
          <h3>{t('shift.settle.title')}</h3>
          <OverShortTable items={report.overShort} />
        </section>
        <section className="shift-block">
          <h3>{t('shift.report.stocktakes')}</h3>
          {report.stocktakes.length === 0 ? (
            <p className="muted">{t('shift.report.noStocktake')}</p>
          ) : (
            <ul className="shift-checklist">
              {report.stocktakes.map((x) => (
                <li key={x.id}>
                  ✓ {t(`bar.points.${x.point ?? 'bar'}`)} · {t(`bar.stocktake.kinds.${x.kind}`)} · {x.byName}{' '}
                  · {fmtDateTime(x.at)}
                  {x.differences !== undefined &&
                    ` · ${x.differences ? t('shift.report.stocktakeDiffs', { count: x.differences }) : t('shift.report.stocktakeNoDiff')}`}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('shift.report.preClosing')}</h3>
          <ul className="shift-checklist">
            {report.checklist.map((item) => (
              <li key={item}>
                {report.ticked.some((x) => x.item === item) ? '✓' : '✗'} {checklistLabel(item)}
              </li>
            ))}
          </ul>
        </section>
      </article>
    </div>
  );
}

/** The day's earlier closes that a manager reopened: when, who authorised it and why. */
export function DayReopenings({ report }: { report: DayReport }) {
  const { t } = useTranslation();
  if (report.reopenings.length === 0) return null;
  return (
    <section className="shift-block" data-testid="day-reopenings">
      <table className="table shift-table">
        <caption>{t('shift.reopen.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shift.reopen.at')}</th>
            <th scope="col">{t('shift.reopen.authorizedBy')}</th>
            <th scope="col">{t('shift.reopen.reason')}</th>
            <th scope="col">{t('shift.reopen.previousClose')}</th>
          </tr>
        </thead>
        <tbody>
          {report.reopenings.map((r) => (
            <tr key={r.id}>
              <td>{fmtDateTime(r.at)}</td>
              <td>
                {r.authorizedByName}
                {r.byName !== r.authorizedByName && <span className="muted"> ({r.byName})</span>}
              </td>
              <td>{r.reason}</td>
              <td>
                {fmtDateTime(r.closedAt)} · {r.closedByName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DayShifts({ report }: { report: DayReport }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="shift-block" aria-labelledby={`${uid}-s`}>
      <table className="table shift-table">
        <caption id={`${uid}-s`}>{t('shift.report.shifts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shift.history.col.time')}</th>
            <th scope="col">{t('shift.history.col.staff')}</th>
            <th scope="col" className="num">
              {t('shift.history.col.entries')}
            </th>
            <th scope="col" className="num">
              {t('shift.cash.expected')}
            </th>
            <th scope="col" className="num">
              {t('shift.cash.counted')}
            </th>
            <th scope="col">{t('shift.cash.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {report.shifts.map((s) => (
            <tr key={s.id}>
              <td>
                {fmtTime(s.openedAt)} – {s.closedAt ? fmtTime(s.closedAt) : '…'}
              </td>
              <td>{s.onDuty.map((x) => x.name).join(', ')}</td>
              <td className="num">{s.entries}</td>
              <td className="num">{s.expectedCents === null ? '—' : fmtMoney(s.expectedCents)}</td>
              <td className="num">{s.countedCents === null ? '—' : fmtMoney(s.countedCents)}</td>
              <td>{s.differenceCents === null ? '—' : <DiffBadge cents={s.differenceCents} />}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="shift-total-row">
            <th scope="row" colSpan={3}>
              {t('shift.book.total')}
            </th>
            <td className="num">{fmtMoney(report.cash.expectedCents)}</td>
            <td className="num">{fmtMoney(report.cash.countedCents)}</td>
            <td>
              <span className="badge badge-warn">
                ▲ {t('shift.cash.over', { amount: fmtMoney(report.cash.overCents) })}
              </span>{' '}
              <span className="badge badge-block">
                ▼ {t('shift.cash.short', { amount: fmtMoney(report.cash.shortCents) })}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
