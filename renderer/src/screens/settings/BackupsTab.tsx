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
