/**
 * The printable A4 handover report of a closed shift (and the day close report): the club's name,
 * the shift, both signatories, every figure, the cash with the count by denomination, every count
 * (recounts with who authorised them and why), every pay-out (who authorised it and why), messages
 * and notes, and the corrections added later; the day report adds the bar's stocktakes and the
 * day's reopenings. Print (Electron: print or save as PDF; browser: its print)
 * and CSV export. A closed shift is read-only: a correction is a new entry linked to it.
 */
import { useEffect, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DayReport, ShiftReport } from '../../../../electron/core/contract';
import { DENOMINATIONS, denominationLabel } from '../../../../electron/shared/money';
import { call, isElectron } from '../../api';
import { FormError } from '../../components/FormParts';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { BookView } from './BookView';
import { CountsTable, PayoutsTable } from './CashLists';
import { CashTable } from './CloseWizard';
import { DiffBadge } from './Opening';
import { checklistLabel, downloadCsv, printReport } from './util';

function usePrintStamp(): [string, () => void] {
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const before = () => flushSync(() => setAt(new Date().toISOString()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  return [at, () => setAt(new Date().toISOString())];
}

function Toolbar(props: { title: string; csv: () => Promise<void>; onBack: () => void; stamp: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="toolbar shift-report-tools no-print">
      <button type="button" className="btn" onClick={props.onBack}>
        ← {t('shift.report.back')}
      </button>
      <span className="spacer" />
      <button
        type="button"
        className="btn btn-big"
        onClick={() => void printReport(props.title, false, props.stamp)}
      >
        {t('shift.report.print')}
      </button>
      {isElectron() && (
        <button
          type="button"
          className="btn btn-big"
          onClick={() => void printReport(props.title, true, props.stamp)}
        >
          PDF
        </button>
      )}
      <button type="button" className="btn btn-big" onClick={() => void props.csv()}>
        {t('shift.report.csv')}
      </button>
    </div>
  );
}

function Corrections({ report, onChanged }: { report: ShiftReport; onChanged: (r: ShiftReport) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const can = useCan('shift.addCorrection');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [figure, setFigure] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const v = value.trim() === '' ? undefined : Number(value);
    if (!text.trim() || (v !== undefined && !Number.isInteger(v))) return setProblem(t('errors.VALIDATION'));
    try {
      const r = await call('shift.addCorrection', {
        shiftId: report.shift.id,
        text: text.trim(),
        ...(figure.trim() ? { figure: figure.trim() } : {}),
        ...(v !== undefined ? { value: v } : {}),
      });
      toast.ok(t('shift.report.correctionSaved'));
      setOpen(false);
      setText('');
      setFigure('');
      setValue('');
      onChanged(r);
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  return (
    <section className="shift-block" aria-labelledby={`${uid}-c`}>
      <h3 id={`${uid}-c`}>{t('shift.report.corrections')}</h3>
      {report.corrections.length === 0 ? (
        <p className="muted">{t('shift.report.noCorrections')}</p>
      ) : (
        <ul className="shift-corrections">
          {report.corrections.map((c) => (
            <li key={c.id}>
              {c.figure && <strong>{c.figure}</strong>}
              {c.value !== null && <strong> = {c.value}</strong>} {c.text}{' '}
              <span className="muted">
                ({c.byName}, {fmtDateTime(c.at)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {can && !open && (
        <button type="button" className="btn no-print" onClick={() => setOpen(true)}>
          {t('shift.report.addCorrection')}
        </button>
      )}
      {open && (
        <form
          className="shift-inline-form no-print"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field grow">
            <label htmlFor={`${uid}-t`}>{t('shift.report.correctionText')}</label>
            <input
              id={`${uid}-t`}
              value={text}
              maxLength={2000}
              autoFocus
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-f`}>{t('shift.report.correctionFigure')}</label>
            <input
              id={`${uid}-f`}
              value={figure}
              maxLength={60}
              onChange={(e) => setFigure(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-v`}>{t('shift.report.correctionValue')}</label>
            <input
              id={`${uid}-v`}
              inputMode="numeric"
              value={value}
              maxLength={10}
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            {t('shift.report.correctionSave')}
          </button>
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
          <FormError error={problem} as="p" />
        </form>
      )}
    </section>
  );
}

export function ShiftReportView({ initial, onBack }: { initial: ShiftReport; onBack: () => void }) {
  const { t } = useTranslation();
  const [r, setR] = useState(initial);
  const [printedAt, stamp] = usePrintStamp();
  const s = r.shift;
  const ticked = new Set(s.checklist.map((c) => c.item));
  const title = t('shift.report.printTitle', { club: r.clubName, day: s.day });
  const csv = async () => {
    try {
      const x = await call('shift.reportCsv', { shiftId: s.id });
      downloadCsv(x, t('shift.report.csvDone', { filename: x.filename }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  return (
    <div className="shift-report-page">
      <Toolbar title={title} csv={csv} onBack={onBack} stamp={stamp} />
      <article className="shift-report" aria-label={t('shift.report.title')}>
        <header className="shift-report-head">
          <div className="shift-report-club">{r.clubName}</div>
          <h1>{t('shift.report.title')}</h1>
          <dl className="shift-report-meta">
            <div>
              <dt>{t('shift.report.shift')}</dt>
              <dd>
                {fmtDate(s.day)} {fmtTime(s.openedAt)} – {s.closedAt ? fmtTime(s.closedAt) : ''} (#{s.id})
              </dd>
            </div>
            <div>
              <dt>{t('shift.report.onDuty')}</dt>
              <dd>{s.onDuty.map((x) => x.name).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('shift.report.floatReceived')}</dt>
              <dd>
                {fmtMoney(s.floatCents)}
                {s.floatReason && <span className="muted"> ({s.floatReason})</span>}
              </dd>
            </div>
            {s.handoverAckBy && (
              <div>
                <dt>{t('shift.report.ackBy')}</dt>
                <dd>
                  {s.handoverAckBy.name} {s.handoverAckAt ? fmtTime(s.handoverAckAt) : ''}
                </dd>
              </div>
            )}
          </dl>
          <div className="shift-print-only">
            {t('shift.report.printedAt', { at: fmtDateTime(printedAt) })}
          </div>
        </header>

        <BookView book={r.book} />

        <section className="shift-block shift-cash-block">
          <h3>{t('shift.cash.title')}</h3>
          <div className="shift-two">
            <CashTable
              count={{ cash: r.cash, countedCents: r.countedCents, differenceCents: r.differenceCents }}
            />
            <div>
              <table className="table shift-table">
                <caption>{t('shift.report.countBreakdown')}</caption>
                <tbody>
                  {DENOMINATIONS.filter((d) => r.denominations[d.key] > 0).map((d) => (
                    <tr key={d.key}>
                      <th scope="row">{denominationLabel(d.cents)}</th>
                      <td className="num">× {r.denominations[d.key]}</td>
                      <td className="num">{fmtMoney(r.denominations[d.key] * d.cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {r.differenceReason && (
                <p>
                  <strong>{t('shift.cash.reason')}:</strong> {r.differenceReason}
                </p>
              )}
              <p>
                <strong>{t('shift.cash.floatHanded')}:</strong> {fmtMoney(r.floatHandedCents)}
              </p>
            </div>
          </div>
          <CountsTable counts={s.counts} />
          <PayoutsTable payouts={s.payouts} />
        </section>

        <section className="shift-block shift-two">
          <div>
            <h3>{t('shift.report.messages')}</h3>
            <p className="shift-message">{s.messages.trim() || '—'}</p>
            <h3>{t('shift.report.notes')}</h3>
            <p className="shift-message">{s.notes.trim() || '—'}</p>
          </div>
          <div>
            <h3>{t('shift.report.checklist')}</h3>
            <ul className="shift-checklist">
              {[...new Set([...s.checklist.map((c) => c.item)])].map((item) => (
                <li key={item}>✓ {checklistLabel(item)}</li>
              ))}
              {ticked.size === 0 && <li className="muted">—</li>}
            </ul>
          </div>
        </section>

        <Corrections report={r} onChanged={setR} />

        <section className="shift-signatures" aria-label={t('shift.report.signatures')}>
          <div>
            <span>{t('shift.report.signedOut')}</span>
            <strong data-testid="signed-out">{r.signedOutBy.name}</strong>
            <span className="muted">PIN ✓ {s.closedAt ? fmtDateTime(s.closedAt) : ''}</span>
          </div>
          <div>
            <span>{t('shift.report.signedIn')}</span>
            <strong data-testid="signed-in">{r.signedInBy.name}</strong>
            <span className="muted">PIN ✓ {s.closedAt ? fmtDateTime(s.closedAt) : ''}</span>
          </div>
        </section>
      </article>
    </div>
  );
}

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
        </section>
        <section className="shift-block">
          <h3>{t('shift.report.stocktakes')}</h3>
          {report.stocktakes.length === 0 ? (
            <p className="muted">{t('shift.report.noStocktake')}</p>
          ) : (
            <ul className="shift-checklist">
              {report.stocktakes.map((x) => (
                <li key={x.id}>
                  ✓ {t(`bar.stocktake.kinds.${x.kind}`)} · {x.byName} · {fmtDateTime(x.at)}
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
