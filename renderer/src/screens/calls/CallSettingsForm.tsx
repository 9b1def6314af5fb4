/**
 * The call settings (managers): reminder days before a card ends, the visits-left threshold, the
 * not-seen days, the days after a first visit, the call windows and the holiday calendar (one day a
 * line: "2027-01-01 New Year").
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettings } from '../../../../electron/core/contract';
import { isValidDate, isValidTime } from '../../../../electron/shared/dates';
import { FormFooter } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { command, loadError, useOp } from '../../query';
import { toast } from '../../stores/toast';

const days = (s: string): number[] | null => {
  const list = s
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  return list.length > 0 && list.length <= 5 && list.every((n) => Number.isInteger(n) && n >= 1 && n <= 365)
    ? list
    : null;
};

function Form({ s }: { s: CallSettings }) {
  const { t } = useTranslation();
  const uid = useId();
  const [reminders, setReminders] = useState(s.reminderDays.join(', '));
  const [visits, setVisits] = useState(String(s.visitsLeft));
  const [absent, setAbsent] = useState(s.absentDays.join(', '));
  const [first, setFirst] = useState(String(s.firstCallDays));
  const [windows, setWindows] = useState(s.windows.map((w) => `${w.from}-${w.to}`).join(', '));
  const [holidays, setHolidays] = useState(s.holidays.map((h) => `${h.date} ${h.name}`.trim()).join('\n'));
  const { busy, error, run, tried, setTried } = useSubmit();
  const parsedWindows = windows
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((w) => {
      const [from = '', to = ''] = w.split(/[-–~]/);
      return { from, to };
    });
  const parsedHolidays = holidays
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date = '', ...name] = l.split(/\s+/);
      return { date, name: name.join(' ').slice(0, 100) };
    });
  const bad = {
    reminders: days(reminders) === null,
    visits: !/^\d{1,3}$/.test(visits) || Number(visits) > 100,
    absent: days(absent) === null,
    first: !/^\d{1,2}$/.test(first) || Number(first) < 1 || Number(first) > 60,
    windows:
      parsedWindows.length === 0 ||
      parsedWindows.length > 6 ||
      parsedWindows.some((w) => !isValidTime(w.from) || !isValidTime(w.to) || w.from >= w.to),
    holidays: parsedHolidays.some((h) => !isValidDate(h.date)),
  };
  const save = async () => {
    setTried(true);
    if (Object.values(bad).some(Boolean)) return;
    await run(async () => {
      await command('calls.updateSettings', {
        reminderDays: days(reminders)!,
        visitsLeft: Number(visits),
        absentDays: days(absent)!,
        firstCallDays: Number(first),
        windows: parsedWindows,
        holidays: parsedHolidays,
      });
      toast.ok(t('calls.settings.saved'));
      setTried(false);
    });
  };
  const field = (
    key: keyof typeof bad,
    value: string,
    set: (v: string) => void,
    opts: { hint?: string; area?: boolean } = {},
  ) => (
    <div className="field">
      <label htmlFor={`${uid}-${key}`}>{t(`calls.settings.${key}`)}</label>
      {opts.area ? (
        <textarea
          id={`${uid}-${key}`}
          rows={4}
          value={value}
          aria-invalid={(tried && bad[key]) || undefined}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <input
          id={`${uid}-${key}`}
          value={value}
          aria-invalid={(tried && bad[key]) || undefined}
          onChange={(e) => set(e.target.value)}
        />
      )}
      {opts.hint && <span className="field-hint">{opts.hint}</span>}
      {tried && bad[key] && <span className="field-error">{t('calls.settings.bad')}</span>}
    </div>
  );
  return (
    <form
      className="card calls-settings"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${uid}-h`}>{t('calls.settings.title')}</h2>
      <div className="grid-2">
        {field('windows', windows, setWindows, { hint: '10:00-12:00, 15:00-17:00' })}
        {field('reminders', reminders, setReminders, { hint: '30, 15, 7' })}
        {field('visits', visits, setVisits)}
        {field('absent', absent, setAbsent, { hint: '14, 30' })}
        {field('first', first, setFirst)}
        {field('holidays', holidays, setHolidays, { hint: t('calls.settings.holidaysHint'), area: true })}
      </div>
      <FormFooter error={error} submitLabel={t('calls.settings.save')} busy={busy} disabled={busy} />
    </form>
  );
}

export function CallSettingsForm() {
  const q = useOp('calls.settings', {});
  const error = loadError(q);
  if (error) return <p className="field-error">{error}</p>;
  return q.data ? <Form s={q.data} /> : null;
}
