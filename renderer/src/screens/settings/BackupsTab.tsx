/** Settings → backups (managers): the list, a backup now, and restoring one (the app starts again). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type OpResult } from '../../api';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { useCommand, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ConfirmDialog } from '../members/ConfirmDialog';
import { wordIn } from '../../i18n/keys';
import { BackupPlaces, useBackupHealth } from '../../components/BackupHealth';

type BackupInfo = OpResult<'backups.list'>[number];

export function BackupsTab() {
  const { t } = useTranslation();
  const canCreate = useCan('backups.create');
  const canRestore = useCan('backups.restore');
  const list = useOp('backups.list', {});
  const rows = list.data ?? null;
  const error = list.isError ? errorText(list.error) : null;
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const create = useCommand('backups.create');
  const busy = create.busy;
  const backUp = () => create.run({}, () => toast.ok(t('settings.backups.created')));
  const reason = (r: string) => wordIn('settings.backups.reasons', r, r);

  return (
    <section className="section">
      <div className="toolbar">
        <h2>{t('settings.backups.title')}</h2>
        <span className="spacer" />
        {canCreate && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void backUp()}>
            {t('settings.backups.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('settings.backups.hint')}</p>
      <BackupStatus />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rows === null && !error && <p className="muted">{t('common.loading')}</p>}
      {rows && rows.length === 0 && <p className="empty">{t('settings.backups.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.backups.createdAt')}</th>
              <th scope="col">{t('settings.backups.reason')}</th>
              <th scope="col" className="num">
                {t('settings.backups.size')}
              </th>
              <th scope="col">{t('settings.backups.file')}</th>
              {canRestore && <th scope="col">{t('settings.backups.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.file}>
                <td>{fmtDateTime(b.createdAt)}</td>
                <td>{reason(b.reason)}</td>
                <td className="num">
                  {t('settings.backups.mb', { mb: (b.sizeBytes / 1_048_576).toFixed(1) })}
                </td>
                <td className="mono muted">{b.file}</td>
                {canRestore && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={t('settings.backups.restoreNamed', { at: fmtDateTime(b.createdAt) })}
                      onClick={() => setRestoring(b)}
                    >
                      {t('settings.backups.restore')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('settings.backups.confirmTitle')}
          confirmLabel={t('settings.backups.confirm')}
          danger
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            await call('backups.restore', { file: restoring.file });
            window.location.reload();
          }}
        >
          <p>
            {t('settings.backups.confirmText', {
              at: fmtDateTime(restoring.createdAt),
              reason: reason(restoring.reason),
            })}
          </p>
          <p className="banner banner-warn">{t('settings.backups.confirmWarn')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Each place's newest good copy and failures, and the second folder (managers choose it). */
function BackupStatus() {
  const { t } = useTranslation();
  const health = useBackupHealth();
  const settings = useOp('settings.get', {});
  const [folder, setFolder] = useState<string | null>(null);
  const save = useCommand('backups.setSecondFolder');
  const value = folder ?? settings.data?.secondBackupDir ?? '';
  return (
    <div className="section">
      <h3>{t('settings.backups.places')}</h3>
      {health && (
        <div
          className={health.warning ? 'banner banner-warn' : ''}
          role={health.warning ? 'alert' : undefined}
        >
          {health.warning && <strong>{t('common.backupWarnTitle')}</strong>}
          <BackupPlaces health={health} />
        </div>
      )}
      {health && !health.second && <p className="muted">{t('settings.backups.secondNone')}</p>}
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run({ folder: value }, () => {
            setFolder(null);
            toast.ok(t('settings.backups.secondSaved'));
          });
        }}
      >
        <label className="field" style={{ flex: 1 }}>
          <span className="label">{t('settings.backups.secondFolder')}</span>
          <input
            className="input mono"
            value={value}
            maxLength={400}
            onChange={(e) => setFolder(e.target.value)}
            aria-describedby="second-folder-hint"
          />
          <span id="second-folder-hint" className="muted">
            {t('settings.backups.secondHint')}
          </span>
        </label>
        <button type="submit" className="btn" disabled={save.busy}>
          {t('settings.backups.secondSave')}
        </button>
      </form>
    </div>
  );
}
