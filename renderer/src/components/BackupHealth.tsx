/**
 * Backups as the desk sees them: a warning in the top bar (everyone), and the state of each place
 * (the age of the newest good copy, the last failure and the next try) in the manager's settings
 * and at the shift handover. A failed backup never blocks anything: it is shown and tried again.
 */
import { useTranslation } from 'react-i18next';
import type { OpResult } from '../api';
import { fmtDateTime, fmtDuration, fmtTime } from '../format';
import { useOp } from '../query';

type Health = OpResult<'backups.status'>;
type Place = Health['local'];

/** Asked again every minute (a backup runs in the background, nothing announces it). */
export function useBackupHealth(enabled = true) {
  return useOp('backups.status', {}, { refetchInterval: 60_000, enabled }).data ?? null;
}

export function PlaceLine(props: { label: string; place: Place }) {
  const { t } = useTranslation();
  const p = props.place;
  return (
    <li className={p.ok ? '' : 'backup-place-bad'}>
      <strong>{props.label}</strong>
      {p.ok ? ' ✓ ' : ' ⚠ '}
      <span className="mono muted">{p.folder}</span>
      {' — '}
      {p.newestAt
        ? t('common.backupNewest', { age: fmtDuration(p.newestAt), at: fmtDateTime(p.newestAt) })
        : t('common.backupNewestNone')}
      {p.lastError && (
        <>
          {'; '}
          {t('common.backupFailed', {
            at: fmtTime(p.lastError.at),
            reason: t(`common.backupFailure.${p.lastError.reason}`),
            retry: p.retryAt ? fmtTime(p.retryAt) : '—',
          })}
        </>
      )}
    </li>
  );
}

/** Each place on its own line. */
export function BackupPlaces(props: { health: Health }) {
  const { t } = useTranslation();
  return (
    <ul className="backup-places">
      <PlaceLine label={t('common.backupPlaceLocal')} place={props.health.local} />
      {props.health.second && <PlaceLine label={t('common.backupPlaceSecond')} place={props.health.second} />}
    </ul>
  );
}

/** The top bar's warning (colour and words), only when something needs attention. */
export function BackupWarningChip() {
  const { t } = useTranslation();
  const h = useBackupHealth();
  if (!h?.warning) return null;
  return (
    <span className="backup-chip" role="status" title={t('common.backupWarnTitle')}>
      ⚠ {t('common.backupWarn')}
    </span>
  );
}

/** A warning banner with the details (the shift handover), only when something needs attention. */
export function BackupWarningBanner() {
  const { t } = useTranslation();
  const h = useBackupHealth();
  if (!h?.warning) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <strong>{t('common.backupWarnTitle')}</strong>
      <BackupPlaces health={h} />
    </div>
  );
}
