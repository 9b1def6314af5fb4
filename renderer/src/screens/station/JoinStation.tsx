/**
 * Joining a club's front desk (issue 15): this computer becomes a station of the host at the desk.
 * The host's address (typed, or one found on the network by mDNS), the pairing code shown at the
 * desk and this station's name; then it waits for a manager to confirm at the desk, and goes on to
 * the normal login screen. A tablet's browser served by the desk itself gives no address.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../components/LangSwitch';
import { errorText } from '../../errorText';
import { discoverHosts, fetchStationState, pairStation, useStation, type FoundHost } from '../../station';

export default function JoinStation(props: { onDone: () => void; onBack?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useStation((s) => s.state);
  const [f, setF] = useState({ host: '', code: '', name: '' });
  const [found, setFound] = useState<FoundHost[] | null>(null);
  const [looking, setLooking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = state?.stage === 'pending';
  const browser = state?.browser === true;

  // waiting: ask every second whether a manager confirmed this station at the desk
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      void fetchStationState()
        .then((s) => {
          useStation.getState().set(s);
          if (s?.stage === 'active') props.onDone();
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [waiting, props]);

  const look = async () => {
    setLooking(true);
    setFound(await discoverHosts());
    setLooking(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if ((!browser && !f.host.trim()) || !/^\d{6}$/.test(f.code) || !f.name.trim()) {
      setError(t(browser ? 'station.fillCodeName' : 'station.fillAll'));
      return;
    }
    setBusy(true);
    try {
      useStation.getState().set(await pairStation(browser ? '' : f.host.trim(), f.code, f.name.trim()));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const header = (
    <div className="brand">
      <div className="brand-mark" aria-hidden="true">
        FD
      </div>
      <div>
        <h1 style={{ margin: 0 }}>{t('station.joinTitle')}</h1>
        <div className="muted">{t(browser ? 'station.browserSubtitle' : 'station.joinSubtitle')}</div>
      </div>
      <LangSwitch />
    </div>
  );

  if (waiting && state) {
    return (
      <div className="center-screen">
        <div className="center-card narrow" role="status">
          {header}
          <p className="banner banner-warn">{t('station.waiting')}</p>
          <dl className="station-facts">
            <dt>{t('station.name')}</dt>
            <dd>{state.name}</dd>
            <dt>{t('station.host')}</dt>
            <dd className="mono">{state.hostUrl ?? window.location.origin}</dd>
            <dt>{t('station.fingerprint')}</dt>
            <dd className="mono station-fp">{state.fingerprint}</dd>
          </dl>
          <p className="muted">{t('station.compareFingerprint')}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="center-screen">
      <div className="center-card narrow">
        {header}
        {(state?.stage === 'refused' || state?.stage === 'revoked') && (
          <p className="banner banner-block" role="alert">
            {t(`station.${state.stage}`)}
          </p>
        )}
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          {!browser && (
            <>
              <div className="field">
                <label htmlFor={`${id}-host`}>{t('station.host')}</label>
                <input
                  id={`${id}-host`}
                  value={f.host}
                  onChange={(e) => setF({ ...f, host: e.target.value })}
                  placeholder="192.168.1.10"
                  maxLength={200}
                  autoFocus
                />
                <span className="field-hint">{t('station.hostHint')}</span>
              </div>
              <div className="toolbar">
                <button type="button" className="btn" onClick={() => void look()} disabled={looking}>
                  {looking ? t('station.looking') : t('station.find')}
                </button>
                {found?.length === 0 && <span className="muted">{t('station.noneFound')}</span>}
                {found?.map((h) => (
                  <button
                    key={h.url}
                    type="button"
                    className="btn"
                    aria-pressed={f.host === h.url}
                    onClick={() => setF({ ...f, host: h.url })}
                  >
                    {h.name} <span className="mono muted">{h.url}</span>
                  </button>
                ))}
              </div>
            </>
          )}
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('station.code')}</label>
              <input
                id={`${id}-code`}
                value={f.code}
                onChange={(e) => setF({ ...f, code: e.target.value.replace(/\D/g, '').slice(0, 6) })}
                inputMode="numeric"
                className="mono"
                autoFocus={browser}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('station.name')}</label>
              <input
                id={`${id}-name`}
                value={f.name}
                onChange={(e) => setF({ ...f, name: e.target.value })}
                placeholder={t(browser ? 'station.tabletPlaceholder' : 'station.namePlaceholder')}
                maxLength={40}
              />
            </div>
          </div>
          {error && (
            <p className="banner banner-block" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            {props.onBack && (
              <button type="button" className="btn btn-big" onClick={props.onBack}>
                {t('station.back')}
              </button>
            )}
            <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
              {t('station.join')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
