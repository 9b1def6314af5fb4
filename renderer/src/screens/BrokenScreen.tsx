import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../../electron/core/contract';
import { call, type OpResult } from '../api';
import { PinPad } from '../components/PinPad';
import { errorText } from '../errorText';
import { fmtDateTime } from '../format';
import { loadError, useOp } from '../query';
import { wordIn } from '../i18n/keys';
import { downloadCsv } from './shift/util';

type LostReport = OpResult<'backups.lost'>;
/** The list on screen stops here; the CSV file has them all. */
const SHOWN = 200;

/**
 * The database cannot be used (unreadable, damaged, written by a newer app). Nothing is recreated
 * silently: the screen says what is wrong and offers to restore a backup, authorised by the PIN of
 * a manager of that backup. Before the restore it shows what the damaged file still holds after the
 * backup (the audit log's operations the restore would lose), to export as CSV and enter again.
 */
export default function BrokenScreen(props: { status: SystemStatus; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const backupList = useOp('backups.list', {});
  const backups = backupList.data ?? null;
  // the latest backup unless another is chosen
  const [chosen, setFile] = useState<string | null>(null);
  const file = chosen ?? backups?.[0]?.file ?? null;
  const [busy, setBusy] = useState(false);
  const [restoreError, setError] = useState<string | null>(null);
  /** What the restore would lose, and the PIN that showed it (kept only on this screen). */
  const [lost, setLost] = useState<{ report: LostReport; pin: string } | null>(null);
  const error = restoreError ?? loadError(backupList);
  const problem = props.status.problem ?? 'DATABASE_BROKEN';

  const check = async (pin: string) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const report = await call('backups.lost', {
        file,
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
        authorization: { pin },
      });
      setLost({ report, pin });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

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
        {!lost && <h2>{t('setup.restoreTitle')}</h2>}
        {backups === null && !error && <p className="muted">{t('common.loading')}</p>}
        {backups?.length === 0 && <p className="banner banner-warn">{t('setup.noBackups')}</p>}
        {lost && (
          <LostView
            report={lost.report}
            busy={busy}
            error={error}
            onBack={() => {
              setLost(null);
              setError(null);
            }}
            onRestore={() => void restore(lost.pin)}
          />
        )}
        {!lost && backups && backups.length > 0 && (
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
              onSubmit={check}
              busy={busy}
              error={error}
              submitLabel={t('setup.lostCheck')}
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

function LostView(props: {
  report: LostReport;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const r = props.report;
  const ops = r.operations;
  return (
    <section aria-labelledby="lost-title">
      <h2 id="lost-title">{t('setup.lostTitle')}</h2>
      {ops.length === 0 ? (
        <p className="banner banner-ok">{t('setup.lostNone')}</p>
      ) : (
        <p className="banner banner-warn">
          {t('setup.lostExplain', { count: ops.length, at: fmtDateTime(r.backupAt) })}
        </p>
      )}
      {!r.complete && <p className="banner banner-warn">{t('setup.lostIncomplete')}</p>}
      {ops.length > 0 && (
        <div className="lost-list">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('setup.lostAt')}</th>
                <th scope="col">{t('setup.lostStaff')}</th>
                <th scope="col">{t('setup.lostOp')}</th>
                <th scope="col">{t('setup.lostRecord')}</th>
                <th scope="col">{t('setup.lostDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {ops.slice(0, SHOWN).map((o) => (
                <tr key={o.id}>
                  <td>{fmtDateTime(o.at)}</td>
                  <td>{o.staffName ?? '—'}</td>
                  <td className="mono">{o.op}</td>
                  <td>{[o.entity, o.entityId].filter(Boolean).join(' ')}</td>
                  <td className="muted">{o.detail ?? o.after ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ops.length > SHOWN && (
            <p className="muted">{t('setup.lostMore', { count: ops.length - SHOWN })}</p>
          )}
        </div>
      )}
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="btn" onClick={props.onBack} disabled={props.busy}>
          {t('setup.lostBack')}
        </button>
        <span className="spacer" />
        {ops.length > 0 && (
          <button
            type="button"
            className="btn"
            onClick={() => downloadCsv({ filename: r.csvName, csv: r.csv }, t('setup.lostCsvDone'))}
          >
            {t('setup.lostCsv')}
          </button>
        )}
        <button type="button" className="btn btn-danger" onClick={props.onRestore} disabled={props.busy}>
          {t('setup.restoreButton')}
        </button>
      </div>
    </section>
  );
}
