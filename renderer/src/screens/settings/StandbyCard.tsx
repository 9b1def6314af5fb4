/**
 * Settings → club network, the standby copy at the host: which station is the standby (a manager
 * marks an active station or stops it with a PIN), how often it takes a copy, and its newest checked
 * copy (age and size) with where it listens if it takes over.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpResult } from '../../../../electron/core/contract';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { FormError } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { elapsedMinutes } from '../../../../electron/shared/dates';
import { fmtDateTime, fmtDuration } from '../../format';
import { command, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';

type Status = OpResult<'network.status'>;
type Device = Status['devices'][number];

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

export function StandbyCard(props: { status: Status }) {
  const { t } = useTranslation();
  const canChange = useCan('network.setStandby');
  const sb = props.status.standby;
  const [stopping, setStopping] = useState(false);
  return (
    <div className="card standby-card">
      <div className="toolbar">
        <h3>{t('settings.network.standby.title')}</h3>
        {sb && (
          <span className={sb.newestCopy ? 'badge badge-ok' : 'badge badge-block'}>
            {sb.newestCopy ? sb.name : `${sb.name} — ${t('settings.network.standby.noCopy')}`}
          </span>
        )}
        <span className="spacer" />
        {sb && canChange && (
          <button type="button" className="btn" onClick={() => setStopping(true)}>
            {t('settings.network.standby.stop')}
          </button>
        )}
      </div>
      <p className="muted">{t('settings.network.standby.hint')}</p>
      {!sb && <p className="empty">{t('settings.network.standby.none')}</p>}
      {sb && (
        <dl className="network-host">
          <dt>{t('settings.network.standby.computer')}</dt>
          <dd>{sb.name}</dd>
          <dt>{t('settings.network.standby.newest')}</dt>
          <dd>
            {sb.newestCopy
              ? t('settings.network.standby.copy', {
                  ago:
                    elapsedMinutes(sb.newestCopy.takenAt, new Date()) < 1
                      ? t('common.duration.justNow')
                      : t('settings.network.standby.ago', { age: fmtDuration(sb.newestCopy.takenAt) }),
                  at: fmtDateTime(sb.newestCopy.takenAt),
                  size: t('settings.backups.mb', { mb: mb(sb.newestCopy.bytes) }),
                })
              : t('settings.network.standby.noCopy')}
          </dd>
          <dt>{t('settings.network.standby.listens')}</dt>
          <dd className="mono">{sb.url ?? t('settings.network.standby.notYet')}</dd>
          {sb.fingerprint && (
            <>
              <dt>{t('settings.network.fingerprint')}</dt>
              <dd className="mono">{sb.fingerprint}</dd>
            </>
          )}
        </dl>
      )}
      {sb && <StandbyMinutes key={sb.minutes} minutes={sb.minutes} />}
      {sb && stopping && <StopStandby name={sb.name} onClose={() => setStopping(false)} />}
    </div>
  );
}

/** The interval, for a manager (others see it). */
function StandbyMinutes(props: { minutes: number }) {
  const { t } = useTranslation();
  const canChange = useCan('network.setStandbyMinutes');
  const [text, setText] = useState(String(props.minutes));
  const { busy, error, setError, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = Number(text);
    if (!/^\d{1,2}$/.test(text.trim()) || m < 1 || m > 60)
      return setError(t('settings.network.standby.minutesInvalid'));
    await run(async () => {
      await command('network.setStandbyMinutes', { minutes: m });
      toast.ok(t('settings.network.standby.saved', { m }));
    });
  };
  return (
    <form className="toolbar standby-every" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="standby-minutes">{t('settings.network.standby.every')}</label>
      <input
        id="standby-minutes"
        className="input standby-minutes"
        inputMode="numeric"
        value={text}
        disabled={!canChange}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <span>{t('settings.network.standby.minutes')}</span>
      {canChange && (
        <button type="submit" className="btn" disabled={busy || text.trim() === String(props.minutes)}>
          {t('settings.network.standby.save')}
        </button>
      )}
      <FormError error={error} />
    </form>
  );
}

/** A manager's PIN ends the standby role. */
function StopStandby(props: { name: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <AuthorizeDialog
      title={t('settings.network.standby.stopTitle', { name: props.name })}
      confirmLabel={t('settings.network.standby.stop')}
      action="setStandby"
      managersOnly
      onClose={props.onClose}
      onAuthorize={async (authorization) => {
        await command('network.setStandby', { deviceId: null, authorization });
        toast.ok(t('settings.network.standby.stopped'));
        props.onClose();
      }}
    >
      <p>{t('settings.network.standby.stopText')}</p>
    </AuthorizeDialog>
  );
}

/** In a paired station's row: "Standby" on the standby. */
export function StandbyMark(props: { device: Device; status: Status }) {
  const { t } = useTranslation();
  return props.status.standby?.deviceId === props.device.id ? (
    <span className="badge badge-ok">{t('settings.network.standby.badge')}</span>
  ) : null;
}

/** In an active station's row, for a manager: "Make standby", or "Stop standby" on the standby. */
export function StandbyButton(props: { device: Device; status: Status }) {
  const { t } = useTranslation();
  const canChange = useCan('network.setStandby');
  const minutes = useOp('network.standbyAge', {}).data?.minutes ?? 5;
  const [open, setOpen] = useState(false);
  const d = props.device;
  if (!canChange || d.status !== 'active') return null;
  const isStandby = props.status.standby?.deviceId === d.id;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {isStandby ? t('settings.network.standby.stop') : t('settings.network.standby.make')}
      </button>
      {open && isStandby && <StopStandby name={d.name} onClose={() => setOpen(false)} />}
      {open && !isStandby && (
        <AuthorizeDialog
          title={t('settings.network.standby.makeTitle', { name: d.name })}
          confirmLabel={t('settings.network.standby.make')}
          action="setStandby"
          managersOnly
          onClose={() => setOpen(false)}
          onAuthorize={async (authorization) => {
            await command('network.setStandby', { deviceId: d.id, authorization });
            toast.ok(t('settings.network.standby.made', { name: d.name }));
            setOpen(false);
          }}
        >
          <p>{t('settings.network.standby.makeText', { m: minutes })}</p>
        </AuthorizeDialog>
      )}
    </>
  );
}
