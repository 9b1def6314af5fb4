/**
 * Day close (shift leads and managers): the day's shifts combined, the cash of each shift kept apart
 * (surpluses and shortages never netted), the pre-closing checklist, then the close and its backup.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../../electron/core/contract';
import { call } from '../../api';
import { FormError } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { clubToday, fmtDateTime } from '../../format';
import { toast } from '../../stores/toast';
import { DayShifts } from './ReportView';
import { EntriesTable } from './BookView';
import { checklistLabel } from './util';

export function DayClose({ onReport }: { onReport: (r: DayReport) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const today = clubToday();
  const [day, setDay] = useState(today);
  const [preview, setPreview] = useState<DayReport | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const { busy, error: problem, setError: setProblem, run } = useSubmit();

  const load = useCallback(async (d: string) => {
    try {
      setPreview(await call('shift.dayPreview', { day: d }));
      setProblem(null);
    } catch (e) {
      setProblem(errorText(e));
    }
  }, [setProblem]);
  useEffect(() => {
    const id = setTimeout(() => void load(day), 0);
    return () => clearTimeout(id);
  }, [day, load]);

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
            <p className="banner banner-ok">
              {t('shift.dayClose.alreadyClosed', {
                at: fmtDateTime(preview.closedAt),
                name: preview.closedBy?.name ?? '',
              })}{' '}
              <button type="button" className="btn" onClick={() => onReport(preview)}>
                {t('shift.dayClose.viewReport')}
              </button>
            </p>
          ) : (
            preview.openShift && <p className="banner banner-warn">{t('shift.dayClose.openShift')}</p>
          )}
          <DayShifts report={preview} />
          <EntriesTable book={preview.book} />
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
              <button type="submit" className="btn btn-primary btn-big" disabled={busy || preview.openShift}>
                {busy ? t('shift.dayClose.closing') : t('shift.dayClose.close')}
              </button>
            </form>
          )}
        </>
      )}
      <FormError error={problem} as="p" />
    </section>
  );
}
