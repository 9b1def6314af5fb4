/**
 * Import a club's roster from another system (CSV in UTF-8 or GBK, or Excel .xlsx): choose the
 * file → every column with what it looks like and what it is imported as (money and identity
 * columns never guessed) → check (every problem by row and column, card types and consultant names
 * the club does not have, what will be imported) → import in one go, or nothing.
 *
 * Progress: the bar moves over the four phases — reading the file (measured as it is read),
 * uploading and reading the rows, checking, writing — with the seconds elapsed; the writing is one
 * transaction (all members or none), so it has no partial progress to show.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api';
import {
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type ImportValidation,
  type OpArgs,
  type StaffInfo,
} from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { useOp } from '../../query';
import { bytesToBase64, readFileBytes } from './files';
import {
  FileStep,
  MappingStep,
  initialTargets,
  Progress,
  WillImport,
  type Encoding,
  type Phase,
  type Target,
} from './ImportParts';
import { ImportReport, type Choice } from './ImportReport';

export { REQUIRED_IMPORT_FIELDS };

type Options = NonNullable<OpArgs<'members.importValidate'>['options']>;

const MAX_FILE_BYTES = 28 * 1024 * 1024; // base64 of it stays under the core's 40 MB limit
const NO_STAFF: StaffInfo[] = [];
const activeStaff = (list: StaffInfo[]) => list.filter((s) => s.active);

interface Run {
  phase: Phase;
  fraction: number;
  since: number;
}
const startRun = (phase: Phase): Run => ({ phase, fraction: 0, since: Date.now() });
/** Adds the time from `since` to now to the total spent working (not waiting for the manager). */
const addBusy = (total: { current: number }, since: number) => {
  total.current += Date.now() - since;
};

export function ImportWizard(props: { onClose(): void; onImported(count: number): void }) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [targets, setTargets] = useState<Target[]>([]);
  const [keepNationalId, setKeepNationalId] = useState(false);
  const [consultants, setConsultants] = useState<Record<string, Choice>>({});
  const [report, setReport] = useState<ImportValidation | null>(null);
  const [done, setDone] = useState<(ImportResult & { seconds: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  /** Columns (0-based) and fields an error talks about, and the row of a commit refused for it. */
  const [marked, setMarked] = useState<{ columns: number[]; fields: string[]; row: number | null }>({
    columns: [],
    fields: [],
    row: null,
  });
  const jobRef = useRef<string | null>(null);
  /** Time spent reading, uploading, checking and writing (not the manager's time in between). */
  const busyRef = useRef(0);
  const bodyRef = useRef<HTMLDivElement>(null);

  // the column or row an error talks about is brought into view (the lists scroll)
  useEffect(() => {
    if (marked.columns.length === 0 && marked.row === null) return;
    bodyRef.current?.querySelector('tr.import-marked')?.scrollIntoView({ block: 'nearest' });
  }, [marked]);

  // a job left open (closed half-way) is cancelled: nothing imported
  useEffect(() => {
    const job = jobRef;
    return () => {
      if (job.current) void call('members.importCancel', { jobId: job.current }).catch(() => undefined);
    };
  }, []);

  const mapping = useMemo(() => {
    const m: Partial<Record<ImportField, number>> = {};
    targets.forEach((tg, i) => {
      if (tg.startsWith('f:')) m[tg.slice(2) as ImportField] = i;
    });
    return m;
  }, [targets]);
  const options = useMemo((): Options => {
    const noteColumns = targets.flatMap((tg, i) => (tg === 'notes+' ? [i] : []));
    const chosen = Object.entries(consultants).flatMap(([name, c]) =>
      c === '' ? [] : [{ name, staffId: c === 'none' ? null : c }],
    );
    return {
      ...(noteColumns.length ? { noteColumns } : {}),
      ...(keepNationalId ? { keepNationalId: true } : {}),
      ...(chosen.length ? { consultants: chosen } : {}),
    };
  }, [targets, consultants, keepNationalId]);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
  // the club's staff, to match the consultants' names the roster has and the club does not
  const staff =
    useOp('staff.list', {}, { enabled: (report?.unknownConsultants.length ?? 0) > 0, select: activeStaff })
      .data ?? NO_STAFF;

  const fail = (e: unknown) => {
    setError(errorText(e));
    if (e instanceof ApiCallError && e.code === 'IMPORT_MAPPING_INVALID') {
      const issues = Array.isArray(e.params.issues)
        ? (e.params.issues as { column: number | null; field: string }[])
        : [];
      setMarked({
        columns: issues.flatMap((i) => (typeof i.column === 'number' ? [i.column] : [])),
        fields: issues.filter((i) => i.column === null).map((i) => i.field),
        row: null,
      });
    } else if (e instanceof ApiCallError && e.code === 'IMPORT_HAS_PROBLEMS') {
      const c = typeof e.params.column === 'number' ? e.params.column - 1 : null;
      setMarked({ columns: c === null ? [] : [c], fields: [], row: Number(e.params.row) || null });
    }
  };
  const clearMarks = () => {
    setError(null);
    setMarked({ columns: [], fields: [], row: null });
  };

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
    clearMarks();
    setReport(null);
    try {
      await cancelJob();
      busyRef.current = 0;
      const started = startRun('reading');
      setRun(started);
      const bytes = await readFileBytes(file, (fraction) =>
        setRun((r) => (r && r.phase === 'reading' ? { ...r, fraction } : r)),
      );
      setRun(startRun('uploading'));
      const p = await call('members.importPreview', { fileBase64: bytesToBase64(bytes), encoding });
      jobRef.current = p.jobId;
      setPreview(p);
      setTargets(initialTargets(p));
      setKeepNationalId(false);
      setConsultants({});
      addBusy(busyRef, started.since);
    } catch (e) {
      if (e instanceof ApiCallError) fail(e);
      else setError(t('members.import.unreadable'));
    } finally {
      setRun(null);
    }
  };

  const check = async (opts: Options = options) => {
    if (!preview) return;
    clearMarks();
    if (missing.length > 0) {
      setError(
        t('members.import.mapRequired', {
          fields: missing.map((f) => t(`members.importField.${f}`)).join(t('members.listSep')),
        }),
      );
      setMarked({ columns: [], fields: missing, row: null });
      return;
    }
    const started = startRun('validating');
    setRun(started);
    try {
      const r = await call('members.importValidate', { jobId: preview.jobId, mapping, options: opts });
      addBusy(busyRef, started.since);
      setReport(r);
    } catch (e) {
      fail(e);
    } finally {
      setRun(null);
    }
  };

  const commit = async () => {
    if (!preview || !report) return;
    clearMarks();
    const started = startRun('importing');
    setRun(started);
    try {
      const r = await call('members.importCommit', {
        jobId: preview.jobId,
        mapping,
        options,
        // the manager chose this button after seeing the problems
        ...(report.invalid > 0 ? { skipInvalid: true } : {}),
      });
      jobRef.current = null;
      addBusy(busyRef, started.since);
      setDone({ ...r, seconds: Math.round(busyRef.current / 100) / 10 });
      props.onImported(r.imported);
    } catch (e) {
      fail(e);
    } finally {
      setRun(null);
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

  const setTarget = (col: number, tg: Target) => {
    setTargets((prev) => prev.map((x, i) => (i === col ? tg : tg.startsWith('f:') && x === tg ? '' : x)));
    setReport(null);
  };

  const step = done ? 'done' : report ? 'report' : preview ? 'map' : 'file';
  const busy = run !== null;
  const colName = (i: number) => preview?.headers[i] || t('members.import.column', { n: i + 1 });
  const showKeepId =
    !!preview && (preview.columns.some((c) => c.kind === 'identity') || mapping.nationalId !== undefined);

  return (
    <Modal title={t('members.import.title')} onClose={props.onClose} wide>
      <div className="import" ref={bodyRef}>
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

        {run && (
          <Progress
            phase={run.phase}
            fraction={run.fraction}
            since={run.since}
            count={run.phase === 'importing' ? (report?.valid ?? null) : null}
          />
        )}

        {step === 'file' && (
          <FileStep
            encoding={encoding}
            onEncoding={setEncoding}
            onFile={(f) => {
              setFile(f);
              setError(null);
            }}
          />
        )}

        {(step === 'map' || step === 'report') && preview && (
          <p className="import-fileinfo">
            {t('members.import.fileInfo', {
              name: file?.name ?? '',
              rows: preview.totalRows,
              format: preview.format === 'xlsx' ? 'Excel .xlsx' : `CSV ${preview.encoding.toUpperCase()}`,
              headerRow: preview.headerRow,
            })}
          </p>
        )}

        {step === 'map' && preview && (
          <MappingStep
            preview={preview}
            targets={targets}
            marked={marked}
            colName={colName}
            onTarget={setTarget}
            missing={missing}
            genderMapped={mapping.gender !== undefined}
            showKeepId={showKeepId}
            keepNationalId={keepNationalId}
            onKeepNationalId={(keep) => {
              setKeepNationalId(keep);
              setReport(null);
            }}
          />
        )}

        {step === 'report' && report && (
          <ImportReport
            report={report}
            consultants={consultants}
            setConsultants={setConsultants}
            staff={staff}
            markedRow={marked.row}
            colName={colName}
            onTypeCreated={(name) => {
              setInfo(t('members.import.typeCreated', { name }));
              void check();
            }}
          />
        )}

        {step === 'done' && done && (
          <div className="import-done" role="status">
            <p className="import-done-main">{t('members.import.imported', { count: done.imported })}</p>
            {done.skipped > 0 && <p>{t('members.import.skipped', { count: done.skipped })}</p>}
            <WillImport s={done} label={t('members.import.wasImported')} />
            <p className="muted">{t('members.import.tookSeconds', { seconds: done.seconds })}</p>
          </div>
        )}

        <div className="import-footer">
          {info && !error && step === 'report' && (
            <p className="import-info" role="status">
              {info}
            </p>
          )}
          {error && (
            <div className="field-error import-error" role="alert">
              {error}
            </div>
          )}

          <div className="dialog-buttons">
            {step === 'file' && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={!file || busy}
                onClick={() => void readAndPreview()}
              >
                {t('members.import.read')}
              </button>
            )}
            {step === 'map' && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void check()}>
                {t('members.import.check')}
              </button>
            )}
            {step === 'report' && report && (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || report.valid === 0}
                  onClick={() => void commit()}
                >
                  {report.invalid === 0
                    ? t('members.import.commitAll', { count: report.valid })
                    : t('members.import.commit', { count: report.valid })}
                </button>
                {(report.unknownConsultants.length > 0 || Object.keys(consultants).length > 0) && (
                  <button type="button" className="btn" disabled={busy} onClick={() => void check()}>
                    {t('members.import.checkAgain')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  onClick={() => void importNothing()}
                >
                  {t('members.import.nothing')}
                </button>
                <button
                  type="button"
                  className="btn btn-ghost"
                  disabled={busy}
                  onClick={() => {
                    setReport(null);
                    setInfo(null);
                  }}
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
                  disabled={busy}
                  onClick={() => void importNothing()}
                >
                  {t('common.cancel')}
                </button>
              )
            )}
          </div>
        </div>
      </div>
    </Modal>
  );
}
