/**
 * The printable A4 handover report of a closed shift: the club's name, the shift, both
 * signatories, every figure, the cash with the count by denomination, every count (recounts with
 * who authorised them and why), every pay-out (who authorised it and why), messages and notes, and
 * the corrections added later. Print (Electron: print or save as PDF; browser: its print) and CSV
 * export. A closed shift is read-only: a correction is a new entry linked to it. The day close
 * report (DayReport.tsx) uses the same toolbar.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../../electron/core/contract';
import { DENOMINATIONS, denominationLabel } from '../../../../electron/shared/money';
import { call, isElectron } from '../../api';
import { FormError } from '../../components/FormParts';
import { PrintPages } from '../../components/PrintPages';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { BookView } from './BookView';
import { CountsTable, PayoutsTable } from './CashLists';
import { DropsTable } from './Drops';
import { CashTable } from './CountStep';
import { checklistLabel, downloadCsv, printReport } from './util';

export function usePrintStamp(): [string, () => void] {
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const before = () => flushSync(() => setAt(new Date().toISOString()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  return [at, () => setAt(new Date().toISOString())];
}

export function Toolbar(props: {
  title: string;
  csv: () => Promise<void>;
  onBack: () => void;
  stamp: () => void;
}) {
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
  const article = useRef<HTMLElement>(null);
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
      <article ref={article} className="shift-report" aria-label={t('shift.report.title')}>
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
                {s.floatCount && (
                  <div className="muted" data-testid="report-float-count">
                    {t('shift.floatCount.report', {
                      counted: fmtMoney(s.floatCents),
                      handed: fmtMoney(s.floatPrefillCents),
                    })}
                    {s.floatAuthorizedByName &&
                      ` · ${t('shift.floatCount.acceptedBy', { name: s.floatAuthorizedByName })}`}
                  </div>
                )}
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
              {r.tagCount && (
                <p data-testid="report-tag-count">
                  <strong>{t('shift.wizard.tagsCounted')}:</strong>{' '}
                  {r.tagCount.reason
                    ? `${t('shift.wizard.tagsDiffer', { counted: r.tagCount.counted, issued: r.tagCount.issued })} ${t('shift.wizard.tagsReason')}: ${r.tagCount.reason}`
                    : t('shift.wizard.tagsAgree', { issued: r.tagCount.issued })}
                </p>
              )}
            </div>
          </div>
          <CountsTable counts={s.counts} />
          <PayoutsTable payouts={s.payouts} />
          {s.drops.length > 0 && <DropsTable drops={s.drops} />}
        </section>

        <section className="shift-block shift-two">
          <div>
            <h3>{t('shift.report.messages')}</h3>
            <Lines text={s.messages} />
            <h3>{t('shift.report.notes')}</h3>
            <Lines text={s.notes} />
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

        <section className="shift-signatures" aria-label={t('shift.report.signatures')} data-print-keep>
          {(
            [
              ['signedOut', r.signedOutBy.name, 'signed-out'],
              ['signedIn', r.signedInBy.name, 'signed-in'],
            ] as const
          ).map(([role, name, testId]) => (
            <div key={role}>
              <span>{t(`shift.report.${role}`)}</span>
              <strong data-testid={testId}>{name}</strong>
              <span className="muted">
                {t('shift.report.pinConfirmed', { at: s.closedAt ? fmtDateTime(s.closedAt) : '—' })}
              </span>
              {/* ink: the outgoing and incoming staff sign the printed handover */}
              <div className="shift-ink">
                <span>{t('shift.report.inkSign')}</span>
                <span className="shift-ink-line" />
                <span>{t('shift.report.inkDate')}</span>
                <span className="shift-ink-line short" />
              </div>
            </div>
          ))}
        </section>
      </article>
      <PrintPages
        source={article}
        before={stamp}
        header={
          <>
            <span>
              <strong>{r.clubName}</strong> · {t('shift.report.title')}
            </span>
            <span>
              {fmtDate(s.day)} {fmtTime(s.openedAt)} – {s.closedAt ? fmtTime(s.closedAt) : ''} (#{s.id})
            </span>
          </>
        }
      />
    </div>
  );
}

/** Messages and notes line by line (a long one can go on over a page break). */
function Lines({ text }: { text: string }) {
  const lines = text.trim() ? text.trim().split(/\r?\n/) : ['—'];
  return (
    <div className="shift-message">
      {lines.map((l, i) => (
        <div key={i}>{l || '\u00a0'}</div>
      ))}
    </div>
  );
}
