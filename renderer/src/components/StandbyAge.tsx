/**
 * How old the standby copy of the club's data is, in the top bar of every screen of every computer
 * (the host and the stations): "Standby copy 3 min old"; amber once it is older than three of its
 * intervals (the standby is off or cut off), red while a standby is set but has no checked copy yet;
 * nothing while no standby is set or the club network is off. Asked every 30 seconds and at the club
 * network's change events (a new copy checked, the standby changed).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsedMinutes } from '../../../electron/shared/dates';
import { fmtDateTime, fmtMinutes } from '../format';
import { useOp } from '../query';
import './StandbyAge.css';

/** How many intervals without a new copy make the age a warning. */
const STALE_INTERVALS = 3;

export function StandbyAgeChip() {
  const { t } = useTranslation();
  const age = useOp('network.standbyAge', {}, { refetchInterval: 30_000, live: ['network.'] }).data;
  // shown again every 30 seconds: the age grows while nothing changes
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);
  if (!age?.configured) return null;
  if (!age.takenAt)
    return (
      <span className="standby-chip standby-chip-none" role="status" title={t('common.standbyNoneTitle')}>
        ⚠ {t('common.standbyNone')}
      </span>
    );
  const mins = elapsedMinutes(age.takenAt, new Date());
  const stale = mins > STALE_INTERVALS * age.minutes;
  const title = [
    t('common.standbyTitle', { at: fmtDateTime(age.takenAt) }),
    stale ? t('common.standbyStale', { m: STALE_INTERVALS * age.minutes }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={stale ? 'standby-chip standby-chip-stale' : 'standby-chip'} role="status" title={title}>
      {stale && '⚠ '}
      {mins < 1 ? t('common.standbyJustNow') : t('common.standbyAge', { age: fmtMinutes(mins) })}
    </span>
  );
}
