/**
 * Day close (shift leads and managers): the day's shifts combined, the cash of each shift kept apart
 * (surpluses and shortages never netted), what stops the close read from the records (a shift still
 * open, the bar's stocktake missing), the pre-closing checklist, then the close and its backup. A
 * closed day is reopened only with a manager's PIN and the reason; its report is then computed again.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../../electron/core/contract';
import { call } from '../../api';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { FormError } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime, fmtTime } from '../../format';
import { setOpData, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { DayReopenings, DayShifts } from './DayReport';
import { EntriesTable, StillOpenSection } from './BookView';
import { checklistLabel } from './util';

/** Why the day cannot be closed yet, from the records; nothing when nothing stops it. */
export function DayBlockersView({ report }: { report: DayReport }) {
  const { t } = useTranslation();
  const b = report.blockers;
  if (b.openShifts.length === 0 && b.stocktakeMissing.length === 0) return null;
  return (
    <div className="banner banner-block shift-blockers" role="status" data-testid="day-blockers">
      <strong>{t('shift.dayClose.blocked')}</strong>
      <ul>
        {b.openShifts.map((s) => (
          <li key={s.id}>
            {t('shift.dayClose.shiftOpen', {
              id: s.id,
              day: fmtDate(s.day),
              time: fmtTime(s.openedAt),
              names: s.onDuty.map((x) => x.name).join(', '),
            })}
          </li>
        ))}
        {missingByPoint(b).map(([point, names]) => (
          <li key={point}>
            {t(point === 'shop' ? 'shift.dayClose.stocktakeMissingShop' : 'shift.dayClose.stocktakeMissing', {
              items: names.slice(0, 8).join(', ') + (names.length > 8 ? '…' : ''),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The items not counted, the bar's and the shop's apart (a close recorded before the shop: all the bar's). */
function missingByPoint(b: DayReport['blockers']): ['bar' | 'shop', string[]][] {
  const shop = b.stocktakeMissingShop ?? [];
  const bar = b.stocktakeMissing.filter((n) => !shop.includes(n));
  const out: ['bar' | 'shop', string[]][] = [];
  if (bar.length) out.push(['bar', bar]);
  if (shop.length) out.push(['shop', shop]);
  return out;
}

export function DayClose({ onReport }: { onReport: (r: DayReport) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const today = clubToday();
  const canReopen = useCan('shift.reopenDay');
  const [day, setDay] = useState(today);
  // the day as the records say now (a shift closed at another counter lifts its blocker at once)
  const previewQuery = useOp('shift.dayPreview', { day }, { keepPrevious: true });
  const preview = previewQuery.data ?? null;
  const [checked, setChecked] = useState<string[]>([]);
  const [reopening, setReopening] = useState(false);
  const { busy, error: submitProblem, setError: setProblem, run } = useSubmit();
  const problem = submitProblem ?? (previewQuery.isError ? errorText(previewQuery.error) : null);

  const blocked =
    !!preview && (preview.blockers.openShifts.length > 0 || preview.blockers.stocktakeMissing.length > 0);

  const close = async () => {
    if (!preview) return;
    if (preview.checklist.some((i) => !checked.includes(i))) return setProblem(t('shift.dayClose.tickAll'));
    await run(async () => {
      const r = await call('shift.closeDay', { day, checked });
      if (r.backupFile) toast.ok(t('shift.dayClose.closed', { file: r.backupFile }));
      else toast.warn(t('shift.dayClose.closedNoBackup'));
      onReport(r);
    });
  };

  return (
    <section className="card shift-dayclose" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('shift.dayClose.title')}</h2>
      <p className="muted">{t('shift.dayClose.intro')}</p>
      <div className="field">
        <label htmlFor={`${uid}-day`}>{t('shift.dayClose.day')}</label>
        <input
          id={`${uid}-day`}
          type="date"
          value={day}
          max={today}
          onChange={(e) => e.target.value && setDay(e.target.value)}
        />
      </div>
      {preview && (
        <>
          {preview.closedAt ? (
            <p className="banner banner-ok shift-drawer">
              <span>
                {t('shift.dayClose.alreadyClosed', {
                  at: fmtDateTime(preview.closedAt),
                  name: preview.closedBy?.name ?? '',
                })}
              </span>
              <button type="button" className="btn" onClick={() => onReport(preview)}>
                {t('shift.dayClose.viewReport')}
              </button>
              {canReopen && (
                <button type="button" className="btn" onClick={() => setReopening(true)}>
                  {t('shift.reopen.button')}
                </button>
              )}
            </p>
          ) : (
            <DayBlockersView report={preview} />
          )}
          {/* the checklist and the button before the day's figures: in sight without scrolling */}
          {!preview.closedAt && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void close();
              }}
            >
              <fieldset className="shift-fieldset">
                <legend>{t('shift.dayClose.checklist')}</legend>
                {preview.checklist.map((item) => (
                  <label key={item} className="check">
                    <input
                      type="checkbox"
                      checked={checked.includes(item)}
                      onChange={() =>
                        setChecked((l) => (l.includes(item) ? l.filter((x) => x !== item) : [...l, item]))
                      }
                    />
                    {checklistLabel(item)}
                  </label>
                ))}
              </fieldset>
              <div className="sticky-actions">
                <button type="submit" className="btn btn-primary btn-big" disabled={busy || blocked}>
                  {busy ? t('shift.dayClose.closing') : t('shift.dayClose.close')}
                </button>
              </div>
            </form>
          )}
          <DayReopenings report={preview} />
          <DayShifts report={preview} />
          <EntriesTable book={preview.book} />
          <StillOpenSection book={preview.book} />
        </>
      )}
      <FormError error={problem} as="p" />
      {reopening && (
        <AuthorizeDialog
          title={t('shift.reopen.title', { day: fmtDate(day) })}
          confirmLabel={t('shift.reopen.confirm')}
          action="reopenDay"
          managersOnly
          onClose={() => setReopening(false)}
          onAuthorize={async (authorization) => {
            const r = await call('shift.reopenDay', { day, authorization });
            setReopening(false);
            setChecked([]);
            setOpData('shift.dayPreview', { day }, r);
            toast.ok(t('shift.reopen.done', { day: fmtDate(day) }));
          }}
        >
          <p>{t('shift.reopen.what')}</p>
        </AuthorizeDialog>
      )}
    </section>
  );
}
