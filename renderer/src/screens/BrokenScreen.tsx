import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../../electron/core/contract';
import { call } from '../api';
import { PinPad } from '../components/PinPad';
import { errorText } from '../errorText';
import { fmtDateTime } from '../format';
import { loadError, useOp } from '../query';
import { wordIn } from '../i18n/keys';

/**
 * The database cannot be used (unreadable, damaged, written by a newer app). Nothing is recreated
 * silently: the screen says what is wrong and offers to restore a backup, authorised by the PIN of
 * a manager of that backup.
 */
export default function BrokenScreen(props: { status: SystemStatus; onRestored: () => void }) {
  const { t } = useTranslation();
  const backupList = useOp('backups.list', {});
  const backups = backupList.data ?? null;
  // the latest backup unless another is chosen
  const [chosen, setFile] = useState<string | null>(null);
  const file = chosen ?? backups?.[0]?.file ?? null;
  const [busy, setBusy] = useState(false);
  const [restoreError, setError] = useState<string | null>(null);
  const error = restoreError ?? loadError(backupList);
  const problem = props.status.problem ?? 'DATABASE_BROKEN';

  const restore = async (pin: string) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await call('backups.restore', { file, authorization: { pin } });
      props.onRestored();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-screen">
      <div className="center-card">
        <h1 className="status-block">{t('setup.brokenTitle')}</h1>
        <p className="banner banner-block" role="alert">
          {wordIn('errors', problem, t('errors.DATABASE_BROKEN'))}
        </p>
        <p className="muted">{t('setup.brokenWhere', { dir: props.status.dataDir })}</p>
        <h2>{t('setup.restoreTitle')}</h2>
        {backups === null && !error && <p className="muted">{t('common.loading')}</p>}
        {backups?.length === 0 && <p className="banner banner-warn">{t('setup.noBackups')}</p>}
        {backups && backups.length > 0 && (
          <>
            <fieldset className="field" style={{ border: 'none', padding: 0 }}>
              <legend className="label">{t('setup.chooseBackup')}</legend>
              {backups.map((b) => (
                <label key={b.file} className="radio">
                  <input
                    type="radio"
                    name="backup"
                    checked={file === b.file}
                    onChange={() => setFile(b.file)}
                  />
                  {fmtDateTime(b.createdAt)} — {wordIn('setup.backupReason', b.reason, b.reason)} (
                  {(b.sizeBytes / 1_048_576).toFixed(1)} MB)
                </label>
              ))}
            </fieldset>
            <p>{t('setup.restoreExplain')}</p>
            <PinPad
              label={t('setup.managerPin')}
              onSubmit={restore}
              busy={busy}
              error={error}
              submitLabel={t('setup.restoreButton')}
              autoFocus={false}
            />
          </>
        )}
        {error && !backups?.length && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
