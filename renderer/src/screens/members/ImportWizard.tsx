/**
 * Import a roster from CSV (UTF-8 or GBK): choose the file → preview and map the columns → check
 * (a report of every problem by row and field) → import the valid rows, or nothing. A progress bar
 * shows reading, uploading, checking and importing.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportPreview,
  type ImportValidation,
} from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { bytesToBase64, readFileBytes } from './files';

type Phase = 'reading' | 'uploading' | 'validating' | 'importing' | null;
type Mapping = Partial<Record<ImportField, number>>;

/** Fields a roster must have a column for. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['cardNo', 'name', 'cardType'];
const MAX_FILE_BYTES = 28 * 1024 * 1024; // base64 of it stays under the core's 40 MB limit
const SHOWN_PROBLEMS = 500;

export function ImportWizard(props: { onClose(): void; onImported(count: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [encoding, setEncoding] = useState<'auto' | 'utf-8' | 'gbk'>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>(null);
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<ImportValidation | null>(null);
  const [done, setDone] = useState<{ imported: number; skipped: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);

  // a job left open (closed half-way) is cancelled: nothing imported
  useEffect(() => {
    const job = jobRef;
    return () => {
      if (job.current) void call('members.importCancel', { jobId: job.current }).catch(() => undefined);
    };
  }, []);

  const cancelJob = async () => {
    const id = jobRef.current;
    jobRef.current = null;
    if (id) await call('members.importCancel', { jobId: id });
  };

  const readAndPreview = async () => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(t('members.import.tooBig'));
      return;
    }
    setError(null);
    setReport(null);
    try {
      await cancelJob();
      setPhase('reading');
      setProgress(0);
      const bytes = await readFileBytes(file, setProgress);
      setPhase('uploading');
      const p = await call('members.importPreview', { fileBase64: bytesToBase64(bytes), encoding });
      jobRef.current = p.jobId;
      setPreview(p);
      setMapping({ ...p.suggestedMapping });
    } catch (e) {
      setError(e instanceof Error && !('code' in e) ? t('members.import.unreadable') : errorText(e));
    } finally {
      setPhase(null);
    }
  };

  const check = async () => {
    if (!preview) return;
    const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
    if (missing.length > 0) {
      setError(
        t('members.import.mapRequired', {
          fields: missing.map((f) => t(`members.importField.${f}`)).join(t('members.listSep')),
        }),
      );
      return;
    }
    setError(null);
    setPhase('validating');
    try {
      setReport(await call('members.importValidate', { jobId: preview.jobId, mapping }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPhase(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setError(null);
    setPhase('importing');
    try {
      const r = await call('members.importCommit', { jobId: preview.jobId, mapping });
      jobRef.current = null;
      setDone(r);
      props.onImported(r.imported);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPhase(null);
    }
  };

  const importNothing = async () => {
    setError(null);
    try {
      await cancelJob();
      props.onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const step = done ? 'done' : report ? 'report' : preview ? 'map' : 'file';

  return (
    <Modal title={t('members.import.title')} onClose={props.onClose} wide>
      <div className="import">
        <ol className="import-steps" aria-label={t('members.import.steps')}>
          {(['file', 'map', 'report', 'done'] as const).map((s) => (
            <li
              key={s}
              className={s === step ? 'current' : ''}
              aria-current={s === step ? 'step' : undefined}
            >
              {t(`members.import.step.${s}`)}
            </li>
          ))}
        </ol>

        {phase && (
          <div className="import-progress" role="status">
            <label htmlFor={`${uid}-progress`}>{t(`members.import.phase.${phase}`)}</label>
            {phase === 'reading' ? (
              <progress id={`${uid}-progress`} max={1} value={progress} />
            ) : (
              <progress id={`${uid}-progress`} />
            )}
          </div>
        )}

        {step === 'file' && (
          <div className="import-file">
            <div className="field">
              <label htmlFor={`${uid}-file`}>{t('members.import.file')}</label>
              <input
                id={`${uid}-file`}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setError(null);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-enc`}>{t('members.import.encoding')}</label>
              <select
                id={`${uid}-enc`}
                value={encoding}
                onChange={(e) => setEncoding(e.target.value as typeof encoding)}
              >
                <option value="auto">{t('members.import.encAuto')}</option>
                <option value="utf-8">UTF-8</option>
                <option value="gbk">GBK</option>
              </select>
            </div>
            <p className="muted">{t('members.import.fileHint')}</p>
          </div>
        )}

        {(step === 'map' || step === 'report') && preview && (
          <>
            <p>
              {t('members.import.fileInfo', {
                name: file?.name ?? '',
                rows: preview.totalRows,
                encoding: preview.encoding.toUpperCase(),
              })}
            </p>
            {step === 'map' && (
              <>
                <h3>{t('members.import.previewTitle')}</h3>
                <div className="import-preview">
                  <table className="table">
                    <thead>
                      <tr>
                        {preview.headers.map((h, i) => (
                          <th key={i} scope="col">
                            {h || t('members.import.column', { n: i + 1 })}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.sampleRows.slice(0, 5).map((r, i) => (
                        <tr key={i}>
                          {preview.headers.map((_, j) => (
                            <td key={j}>{r[j] ?? ''}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <h3>{t('members.import.mappingTitle')}</h3>
                <div className="import-mapping">
                  {IMPORT_FIELDS.map((f) => (
                    <div key={f} className="field">
                      <label htmlFor={`${uid}-map-${f}`}>
                        {t(`members.importField.${f}`)}
                        {REQUIRED_IMPORT_FIELDS.includes(f) && <span aria-hidden="true"> *</span>}
                      </label>
                      <select
                        id={`${uid}-map-${f}`}
                        value={mapping[f] ?? ''}
                        onChange={(e) => {
                          const v = e.target.value;
                          setMapping((m) => {
                            const next = { ...m };
                            if (v === '') delete next[f];
                            else next[f] = Number(v);
                            return next;
                          });
                        }}
                      >
                        <option value="">{t('members.import.notImported')}</option>
                        {preview.headers.map((h, i) => (
                          <option key={i} value={i}>
                            {h || t('members.import.column', { n: i + 1 })}
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                </div>
              </>
            )}
          </>
        )}

        {step === 'report' && report && (
          <div className="import-report">
            <div className="import-summary" role="status">
              <span>
                {t('members.import.total')} <strong>{report.total}</strong>
              </span>
              <span className="import-valid">
                {t('members.import.valid')} <strong>{report.valid}</strong>
              </span>
              <span className="import-invalid">
                {t('members.import.invalid')} <strong>{report.invalid}</strong>
              </span>
              {report.duplicates > 0 && (
                <span className="import-invalid">
                  {t('members.import.duplicates')} <strong>{report.duplicates}</strong>
                </span>
              )}
            </div>
            {report.problems.length === 0 ? (
              <p>{t('members.import.noProblems')}</p>
            ) : (
              <>
                <h3>{t('members.import.problemsTitle', { count: report.problems.length })}</h3>
                <div className="import-problems">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t('members.import.row')}
                        </th>
                        <th scope="col">{t('members.import.field')}</th>
                        <th scope="col">{t('members.import.reason')}</th>
                        <th scope="col">{t('members.import.value')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                        <tr key={i}>
                          <td className="num">{p.row}</td>
                          <td>
                            {p.field === 'row'
                              ? t('members.import.wholeRow')
                              : t(`members.importField.${p.field}`)}
                          </td>
                          <td>
                            {t(`members.problem.${p.code}`, { defaultValue: t('members.problem.OTHER') })}
                          </td>
                          <td className="import-value">{p.value}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {report.problems.length > SHOWN_PROBLEMS && (
                  <p className="muted">
                    {t('members.import.moreProblems', { count: report.problems.length - SHOWN_PROBLEMS })}
                  </p>
                )}
              </>
            )}
          </div>
        )}

        {step === 'done' && done && (
          <div className="import-done" role="status">
            <p className="import-done-main">{t('members.import.imported', { count: done.imported })}</p>
            {done.skipped > 0 && <p>{t('members.import.skipped', { count: done.skipped })}</p>}
          </div>
        )}

        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}

        <div className="dialog-buttons">
          {step === 'file' && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={!file || phase !== null}
              onClick={() => void readAndPreview()}
            >
              {t('members.import.read')}
            </button>
          )}
          {step === 'map' && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={phase !== null}
              onClick={() => void check()}
            >
              {t('members.import.check')}
            </button>
          )}
          {step === 'report' && report && (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={phase !== null || report.valid === 0}
                onClick={() => void commit()}
              >
                {t('members.import.commit', { count: report.valid })}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={phase !== null}
                onClick={() => void importNothing()}
              >
                {t('members.import.nothing')}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                disabled={phase !== null}
                onClick={() => setReport(null)}
              >
                {t('members.import.backToMapping')}
              </button>
            </>
          )}
          {step === 'done' ? (
            <button type="button" className="btn btn-primary" autoFocus onClick={props.onClose}>
              {t('common.close')}
            </button>
          ) : (
            step !== 'report' && (
              <button
                type="button"
                className="btn btn-ghost"
                disabled={phase !== null}
                onClick={() => void importNothing()}
              >
                {t('common.cancel')}
              </button>
            )
          )}
        </div>
      </div>
    </Modal>
  );
}
