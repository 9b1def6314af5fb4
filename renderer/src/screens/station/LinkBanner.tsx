/**
 * A station whose link to the host dropped says so plainly; it takes its own line (it covers no
 * button) and goes when the link is back. What is typed in open forms stays where it is.
 *
 * On the standby computer (issue 15, standby copy) the same place says how old its copy of the
 * club's data is, with "Copy now"; while the desk cannot be reached the banner offers to make this
 * computer the front desk (a manager's PIN, PromoteDialog).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsedMinutes } from '../../../../electron/shared/dates';
import { errorText } from '../../errorText';
import { fmtDateTime, fmtMinutes } from '../../format';
import { copyStandbyNow, fetchStationState, useOffline, useStation } from '../../station';
import { PromoteDialog } from './PromoteDialog';
import './Standby.css';

export function LinkBanner(props: { floating?: boolean }) {
  const { t } = useTranslation();
  const offline = useOffline();
  const standby = useStation((s) => s.state?.standby ?? null);
  const [promoting, setPromoting] = useState(false);
  const canPromote = offline && !!standby?.isStandby && !!standby.verifiedAt;
  if (!offline) return standby?.isStandby && !props.floating ? <StandbyStrip /> : null;
  return (
    <>
      <div className={props.floating ? 'link-banner link-banner-floating' : 'link-banner'} role="alert">
        {t('station.offline')}
        {canPromote && (
          <button type="button" className="btn" onClick={() => setPromoting(true)}>
            {t('station.promote')}
          </button>
        )}
      </div>
      {promoting && standby && <PromoteDialog standby={standby} onClose={() => setPromoting(false)} />}
    </>
  );
}

/** The standby's own line: how old its copy is, and "Copy now". */
function StandbyStrip() {
  const { t } = useTranslation();
  const standby = useStation((s) => s.state?.standby ?? null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  if (!standby) return null;
  const copyNow = async () => {
    setBusy(true);
    setNote(null);
    try {
      await copyStandbyNow();
      useStation.getState().set(await fetchStationState());
      setNote(t('station.standbyCopied'));
    } catch (e) {
      setNote(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="standby-strip" role="status">
      <span>
        {!standby.takenAt
          ? t('station.standbyHereNone')
          : elapsedMinutes(standby.takenAt, new Date()) < 1
            ? t('station.standbyHereJustNow')
            : t('station.standbyHere', { age: fmtMinutes(elapsedMinutes(standby.takenAt, new Date())) })}
      </span>
      {standby.takenAt && (
        <span className="muted">{t('station.standbyTakenAt', { at: fmtDateTime(standby.takenAt) })}</span>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => void copyNow()}>
        {busy ? t('station.standbyCopying') : t('station.standbyCopyNow')}
      </button>
      {note && <span>{note}</span>}
    </div>
  );
}
