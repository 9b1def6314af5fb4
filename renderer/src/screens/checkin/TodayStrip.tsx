/** Today's counts at the bottom of the counter: entries by kind and gender, inside now, tags. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryCount, TodayCounts } from '../../../../electron/core/contract';

export const TodayStrip = memo(function TodayStrip({ today }: { today: TodayCounts | null }) {
  const { t } = useTranslation();
  if (!today) return <footer className="today-strip" aria-label={t('checkin.today.label')} />;
  const e = today.entries;
  const part = (label: string, g: EntryCount) => (
    <span className="today-item">
      {label} <strong>{g.male + g.female + g.unknown}</strong>{' '}
      <span className="muted">
        {g.unknown > 0
          ? t('checkin.today.mfu', { m: g.male, f: g.female, u: g.unknown })
          : t('checkin.today.mf', { m: g.male, f: g.female })}
      </span>
    </span>
  );
  return (
    <footer className="today-strip" aria-label={t('checkin.today.label')}>
      <span className="today-title">{t('checkin.today.title')}</span>
      {part(t('checkin.today.members'), e.member)}
      {part(t('checkin.today.trial'), e.trial)}
      {part(t('checkin.today.coach'), e.coach)}
      <span className="today-item">
        {t('checkin.today.inside')} <strong>{today.insideNow}</strong>
      </span>
      <span className="today-item">
        {t('checkin.today.tags')} <strong className="today-free">{today.tagsFree}</strong>{' '}
        {t('checkin.today.free')} / <strong>{today.tagsOut}</strong> {t('checkin.today.out')}
      </span>
    </footer>
  );
});
