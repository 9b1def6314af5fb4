/**
 * Settings → club network: a manager turns it on; the desk shows a pairing code with the host's
 * address and fingerprint; a station that gave the code waits here until a manager's PIN confirms
 * it (with the screens it may open) or the desk refuses it; a manager revokes a station at once, and
 * marks one as the standby (./StandbyCard.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OpResult, STATION_SCREENS, type StationScreen } from '../../../../electron/core/contract';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { errorText } from '../../errorText';
import { fmtDateTime, fmtTime } from '../../format';
import { command, useCommand, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ConfirmDialog } from '../members/ConfirmDialog';
import { StandbyButton, StandbyCard, StandbyMark } from './StandbyCard';
import './NetworkTab.css';

type Device = OpResult<'network.status'>['devices'][number];

const BADGE: Record<Device['status'], string> = {
  pending: 'badge badge-warn',
  active: 'badge badge-ok',
  refused: 'badge badge-muted',
  revoked: 'badge badge-block',
};

export function NetworkTab() {
  const { t } = useTranslation();
  const canSwitch = useCan('network.setEnabled');
  const canRevoke = useCan('network.revoke');
  const status = useOp('network.status', {});
  const s = status.data ?? null;
  const setEnabled = useCommand('network.setEnabled');
  const start = useCommand('network.startPairing');
  const refuse = useCommand('network.refuse');
  const [code, setCode] = useState<OpResult<'network.startPairing'> | null>(null);
  const [confirming, setConfirming] = useState<Device | null>(null);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const screens = (d: Device) =>
    d.screens.map((x) => t(`settings.network.screens.${x}`)).join(t('bar.listSep'));
  const codeOpen = code !== null && s?.codeExpiresAt === code.expiresAt;

  return (
    <section className="section">
      <div className="toolbar">
        <h2>{t('settings.network.title')}</h2>
        <span className={s?.enabled ? 'badge badge-ok' : 'badge badge-muted'}>
          {s?.enabled ? t('settings.network.on') : t('settings.network.off')}
        </span>
        <span className="spacer" />
        {canSwitch && s && (
          <button
            type="button"
            className={s.enabled ? 'btn' : 'btn btn-primary'}
            disabled={setEnabled.busy}
            onClick={() => void setEnabled.run({ enabled: !s.enabled })}
          >
            {s.enabled ? t('settings.network.turnOff') : t('settings.network.turnOn')}
          </button>
        )}
      </div>
      <p className="muted">{t('settings.network.hint')}</p>
      {status.isError && (
        <p className="field-error" role="alert">
          {errorText(status.error)}
        </p>
      )}
      {s?.enabled && (
        <div className="card">
          <dl className="network-host">
            <dt>{t('settings.network.address')}</dt>
            <dd className="mono">{s.address ?? t('settings.network.notListening')}</dd>
            <dt>{t('settings.network.fingerprint')}</dt>
            <dd className="mono">{s.fingerprint ?? '—'}</dd>
          </dl>
          <div className="toolbar">
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.busy}
              onClick={() => void start.run({}, setCode)}
            >
              {t('settings.network.showCode')}
            </button>
            {codeOpen && (
              <p aria-live="polite">
                <span className="network-code mono">{code.code}</span>{' '}
                <span className="muted">
                  {t('settings.network.codeUntil', { time: fmtTime(code.expiresAt) })}
                </span>
              </p>
            )}
          </div>
        </div>
      )}
      {s?.enabled && <StandbyCard status={s} />}
      {s && s.devices.length === 0 && <p className="empty">{t('settings.network.none')}</p>}
      {s && s.devices.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.network.name')}</th>
              <th scope="col">{t('settings.network.status')}</th>
              <th scope="col">{t('settings.network.screensCol')}</th>
              <th scope="col">{t('settings.network.from')}</th>
              <th scope="col">{t('settings.network.lastSeen')}</th>
              <th scope="col">{t('settings.network.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {s.devices.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.name} <StandbyMark device={d} status={s} />
                </td>
                <td>
                  <span className={BADGE[d.status]}>{t(`settings.network.statuses.${d.status}`)}</span>
                </td>
                <td>{screens(d)}</td>
                <td className="mono muted">{d.address}</td>
                <td>{d.lastSeenAt ? fmtDateTime(d.lastSeenAt) : '—'}</td>
                <td>
                  {d.status === 'pending' && (
                    <>
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        onClick={() => setConfirming(d)}
                      >
                        {t('settings.network.confirm')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={refuse.busy}
                        onClick={() =>
                          void refuse.run({ deviceId: d.id }, () => toast.ok(t('settings.network.refused')))
                        }
                      >
                        {t('settings.network.refuse')}
                      </button>
                    </>
                  )}
                  <StandbyButton device={d} status={s} />{' '}
                  {d.status === 'active' && canRevoke && (
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setRevoking(d)}>
                      {t('settings.network.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && <ConfirmStation device={confirming} onClose={() => setConfirming(null)} />}
      {revoking && (
        <ConfirmDialog
          title={t('settings.network.revokeTitle', { name: revoking.name })}
          confirmLabel={t('settings.network.revoke')}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await command('network.revoke', { deviceId: revoking.id });
            toast.ok(t('settings.network.revoked', { name: revoking.name }));
            setRevoking(null);
          }}
        >
          <p>{t('settings.network.revokeText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** A manager's PIN pairs the station, with the screens chosen here. */
function ConfirmStation(props: { device: Device; onClose(): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<StationScreen[]>(['bar']);
  const toggle = (x: StationScreen) =>
    setChosen((c) => (c.includes(x) ? c.filter((y) => y !== x) : [...c, x]));
  return (
    <AuthorizeDialog
      title={t('settings.network.confirmTitle', { name: props.device.name })}
      confirmLabel={t('settings.network.confirm')}
      action="pairDevice"
      managersOnly
      disabled={chosen.length === 0}
      onClose={props.onClose}
      onAuthorize={async (authorization) => {
        await command('network.confirm', { deviceId: props.device.id, screens: chosen, authorization });
        toast.ok(t('settings.network.paired', { name: props.device.name }));
        props.onClose();
      }}
    >
      <p>{t('settings.network.confirmText', { address: props.device.address })}</p>
      <fieldset className="field">
        <legend>{t('settings.network.screensCol')}</legend>
        {STATION_SCREENS.map((x) => (
          <label key={x} className="check">
            <input type="checkbox" checked={chosen.includes(x)} onChange={() => toggle(x)} />
            {t(`settings.network.screens.${x}`)}
          </label>
        ))}
      </fieldset>
    </AuthorizeDialog>
  );
}
