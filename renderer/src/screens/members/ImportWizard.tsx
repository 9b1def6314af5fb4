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
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportColumn,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type ImportValidation,
  type OpArgs,
  type StaffInfo,
} from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { fmtMoney } from '../../format';
import { useOp } from '../../query';
import { bytesToBase64, readFileBytes } from './files';

export { REQUIRED_IMPORT_FIELDS };

type Phase = 'reading' | 'uploading' | 'validating' | 'importing';
const PHASES: readonly Phase[] = ['reading', 'uploading', 'validating', 'importing'];
/** What a column is imported as: a field, added to the notes, or nothing. */
type Target = `f:${ImportField}` | 'notes+' | '';
type Options = NonNullable<OpArgs<'members.importValidate'>['options']>;
type Choice = '' | 'none' | number;

/** The words of a problem counted over many rows: what each row refers to is in the table. */
const ANY_PARAMS = {
  start: '…',
  firstRow: '…',
  expiry: '…',
  from: '…',
  to: '…',
  cardType: '…',
  columns: '…',
};
const MAX_FILE_BYTES = 28 * 1024 * 1024; // base64 of it stays under the core's 40 MB limit
const SHOWN_PROBLEMS = 500;
const NO_STAFF: StaffInfo[] = [];
const activeStaff = (list: StaffInfo[]) => list.filter((s) => s.active);

function initialTargets(p: ImportPreview): Target[] {
  return p.columns.map((c): Target =>
    c.kind === 'field' ? `f:${c.suggestion as ImportField}` : c.suggestion === 'notes' ? 'notes+' : '',
  );
}

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

/** The progress of the phases running now; the bar is phases done plus the part of reading done. */
function Progress(props: { phase: Phase; fraction: number; since: number; count: number | null }) {
  const { t } = useTranslation();
  const uid = useId();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, []);
  const i = PHASES.indexOf(props.phase);
  const value = (i + (props.phase === 'reading' ? props.fraction : 0)) / PHASES.length;
  const words = {
    step: i + 1,
    steps: PHASES.length,
    phase: t(`members.import.phase.${props.phase}`),
    seconds: Math.max(0, Math.floor((now - props.since) / 1000)),
    percent: Math.round(props.fraction * 100),
  };
  return (
    <div className="import-progress" role="status">
      <label htmlFor={`${uid}-p`}>
        {t(
          props.phase === 'reading' ? 'members.import.progressReading' : 'members.import.progressLabel',
          words,
        )}
      </label>
      <progress id={`${uid}-p`} max={1} value={value} />
      {props.phase === 'importing' && props.count !== null && (
        <p className="muted import-progress-note">
          {t('members.import.writingNote', { count: props.count })}
        </p>
      )}
    </div>
  );
}

/** A missing card type, created from the report: kind, days or visits, price. */
function NewCardType(props: { name: string; rows: number; onCreated(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [kind, setKind] = useState<'time' | 'visits'>('time');
  const [count, setCount] = useState('');
  const [price, setPrice] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    const n = Number(count);
    const yuan = Number(price);
    if (!/^\d{1,6}$/.test(count) || n < 1 || !/^\d+(\.\d{1,2})?$/.test(price)) {
      setMsg(t('members.import.typeInvalid'));
      return;
    }
    setBusy(true);
    setMsg(null);
    try {
      await call('cardTypes.create', {
        name: props.name,
        kind,
        durationDays: kind === 'time' ? n : null,
        visitCount: kind === 'visits' ? n : null,
        priceCents: Math.round(yuan * 100),
      });
      props.onCreated();
    } catch (e) {
      setMsg(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="import-newtype">
      <strong>{t('members.import.unknownTypeRows', { name: props.name, count: props.rows })}</strong>
      <label htmlFor={`${uid}-k`}>{t('members.import.typeKind')}</label>
      <select id={`${uid}-k`} value={kind} onChange={(e) => setKind(e.target.value as 'time' | 'visits')}>
        <option value="time">{t('settings.cardTypes.kinds.time')}</option>
        <option value="visits">{t('settings.cardTypes.kinds.visits')}</option>
      </select>
      <label htmlFor={`${uid}-n`}>
        {kind === 'time' ? t('members.import.typeDays') : t('members.import.typeVisits')}
      </label>
      <input
        id={`${uid}-n`}
        inputMode="numeric"
        size={5}
        value={count}
        onChange={(e) => setCount(e.target.value.trim())}
      />
      <label htmlFor={`${uid}-p`}>{t('members.import.typePrice')}</label>
      <input
        id={`${uid}-p`}
        inputMode="decimal"
        size={7}
        value={price}
        onChange={(e) => setPrice(e.target.value.trim())}
      />
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void create()}>
        {t('members.import.createType')}
      </button>
      {msg && (
        <span className="field-error" role="alert">
          {msg}
        </span>
      )}
    </li>
  );
}

export function ImportWizard(props: { onClose(): void; onImported(count: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [encoding, setEncoding] = useState<'auto' | 'utf-8' | 'gbk'>('auto');
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
  const fieldLabel = (f: string) => t(`members.importField.${f}`);
  const colName = (i: number) => preview?.headers[i] || t('members.import.column', { n: i + 1 });
  const samples = (i: number) =>
    (preview?.sampleRows ?? [])
      .map((r) => r[i] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, 3);
  const why = (c: ImportColumn) => {
    const initial = preview ? initialTargets(preview)[c.index] : '';
    if (targets[c.index] !== initial) return t('members.import.changed');
    return t(`members.import.why.${c.kind}`, { field: c.sameAs ? fieldLabel(c.sameAs) : '' });
  };
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
          <div className="import-file">
            <div className="field">
              <label htmlFor={`${uid}-file`}>{t('members.import.file')}</label>
              <input
                id={`${uid}-file`}
                type="file"
                accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
          <>
            <h3>{t('members.import.mappingTitle')}</h3>
            <p className="muted">{t('members.import.mappingHint')}</p>
            <div className="import-columns">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('members.import.colFile')}</th>
                    <th scope="col">{t('members.import.colSamples')}</th>
                    <th scope="col">{t('members.import.colTarget')}</th>
                    <th scope="col">{t('members.import.colWhy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c) => {
                    const bad = marked.columns.includes(c.index);
                    return (
                      <tr key={c.index} className={bad ? 'import-marked' : undefined} data-column={c.index}>
                        <th scope="row">
                          <span className="muted">{c.index + 1}.</span> {colName(c.index)}
                        </th>
                        <td className="import-samples">{samples(c.index).join(' · ')}</td>
                        <td>
                          <select
                            aria-label={`${t('members.import.colTarget')}: ${colName(c.index)}`}
                            aria-invalid={bad || undefined}
                            value={targets[c.index] ?? ''}
                            onChange={(e) => setTarget(c.index, e.target.value as Target)}
                          >
                            <option value="">{t('members.import.notImported')}</option>
                            {c.kind !== 'identity' && (
                              <option value="notes+">{t('members.import.toNotes')}</option>
                            )}
                            {IMPORT_FIELDS.map((f) => (
                              <option key={f} value={`f:${f}`}>
                                {fieldLabel(f)}
                                {REQUIRED_IMPORT_FIELDS.includes(f) ? ' *' : ''}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className={`import-why import-why-${c.kind}`}>{why(c)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {missing.length > 0 && (
              <p className={marked.fields.length ? 'field-error' : 'import-missing'}>
                {t('members.import.missingFields', {
                  fields: missing.map(fieldLabel).join(t('members.listSep')),
                })}
              </p>
            )}
            {mapping.gender === undefined && <p className="muted">{t('members.import.genderNotInFile')}</p>}
            {showKeepId && (
              <label className="import-keepid">
                <input
                  type="checkbox"
                  checked={keepNationalId}
                  onChange={(e) => {
                    setKeepNationalId(e.target.checked);
                    setReport(null);
                  }}
                />{' '}
                {t('members.import.keepNationalId')}
              </label>
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
            {report.valid > 0 && <WillImport s={report.summary} label={t('members.import.willImport')} />}

            {report.unknownCardTypes.length > 0 && (
              <section className="import-section">
                <h3>{t('members.import.unknownTypesTitle')}</h3>
                <ul className="import-list">
                  {report.unknownCardTypes.map((u) =>
                    u.inactive ? (
                      <li key={u.name}>
                        <strong>
                          {t('members.import.unknownTypeRows', { name: u.name, count: u.rows })}
                        </strong>{' '}
                        <span className="muted">{t('members.import.inactiveType')}</span>
                      </li>
                    ) : (
                      <NewCardType
                        key={u.name}
                        name={u.name}
                        rows={u.rows}
                        onCreated={() => {
                          setInfo(t('members.import.typeCreated', { name: u.name }));
                          void check();
                        }}
                      />
                    ),
                  )}
                </ul>
              </section>
            )}

            {(report.unknownConsultants.length > 0 || Object.keys(consultants).length > 0) && (
              <section className="import-section">
                <h3>{t('members.import.consultantsTitle')}</h3>
                <ul className="import-list">
                  {[
                    ...report.unknownConsultants,
                    ...Object.keys(consultants)
                      .filter((n) => !report.unknownConsultants.some((u) => u.name === n))
                      .map((name) => ({ name, rows: 0, ambiguous: false })),
                  ].map((u) => (
                    <li key={u.name}>
                      <label htmlFor={`${uid}-c-${u.name}`}>
                        {u.rows > 0
                          ? t('members.import.consultantRows', { name: u.name, count: u.rows })
                          : u.name}
                        {u.ambiguous && <span className="muted"> ({t('members.import.ambiguous')})</span>}
                      </label>{' '}
                      <select
                        id={`${uid}-c-${u.name}`}
                        value={String(consultants[u.name] ?? '')}
                        onChange={(e) => {
                          const v = e.target.value;
                          setConsultants((c) => ({
                            ...c,
                            [u.name]: v === '' || v === 'none' ? v : Number(v),
                          }));
                        }}
                      >
                        <option value="">{t('members.import.consultantUnresolved')}</option>
                        <option value="none">{t('members.import.consultantNone')}</option>
                        {staff.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name} · {t(`common.roles.${s.role}`)}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            {report.problems.length === 0 ? (
              <p>{t('members.import.noProblems')}</p>
            ) : (
              <>
                <h3>
                  {t('members.import.problemsTitle', {
                    count: report.problemCounts.reduce((a, c) => a + c.count, 0),
                  })}
                </h3>
                {report.problemCounts.length > 1 && report.invalid > 8 && (
                  <ul className="import-counts" aria-label={t('members.import.problemCountsTitle')}>
                    {report.problemCounts.map((c) => (
                      <li key={`${c.field}|${c.code}`}>
                        {fieldLabel(c.field)}:{' '}
                        {t(`members.problem.${c.code}`, {
                          ...ANY_PARAMS,
                          defaultValue: t('members.problem.OTHER'),
                        })}{' '}
                        <strong>×{c.count}</strong>
                      </li>
                    ))}
                  </ul>
                )}
                <div className="import-problems">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t('members.import.row')}
                        </th>
                        <th scope="col">{t('members.import.colFile')}</th>
                        <th scope="col">{t('members.import.field')}</th>
                        <th scope="col">{t('members.import.reason')}</th>
                        <th scope="col">{t('members.import.value')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                        <tr key={i} className={marked.row === p.row ? 'import-marked' : undefined}>
                          <td className="num">{p.row}</td>
                          <td>{p.column === null ? '—' : colName(p.column)}</td>
                          <td>{p.field === 'row' ? t('members.import.wholeRow') : fieldLabel(p.field)}</td>
                          <td>
                            {t(`members.problem.${p.code}`, {
                              ...p.params,
                              defaultValue: t('members.problem.OTHER'),
                            })}
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

/** What the rows bring: members, balances, frozen, expired, deactivated, consultants, unknown genders. */
function WillImport({ s, label }: { s: ImportValidation['summary']; label: string }) {
  const { t } = useTranslation();
  const parts = [
    t('members.import.sumMembers', { count: s.members }),
    s.withBalance > 0 &&
      t('members.import.sumBalance', { amount: fmtMoney(s.storedValueCents), count: s.withBalance }),
    s.frozen > 0 && t('members.import.sumFrozen', { count: s.frozen }),
    s.expired > 0 && t('members.import.sumExpired', { count: s.expired }),
    s.deactivated > 0 && t('members.import.sumDeactivated', { count: s.deactivated }),
    s.withConsultant > 0 && t('members.import.sumConsultant', { count: s.withConsultant }),
    s.genderUnknown > 0 && t('members.import.sumGenderUnknown', { count: s.genderUnknown }),
    s.nationalIds > 0 && t('members.import.sumNationalIds', { count: s.nationalIds }),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <p className="import-will">
      <strong>{label}:</strong> {parts.join(t('members.listSep'))}
    </p>
  );
}
