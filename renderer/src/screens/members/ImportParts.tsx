/** The import wizard's parts: the progress of the phases, a missing card type created on the spot, what the rows bring. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARD_KINDS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type CardKind,
  type ImportColumn,
  type ImportField,
  type ImportPreview,
  type ImportValidation,
} from '../../../../electron/core/contract';
import { parseCents } from '../../../../electron/shared/money';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtMoney, moneyRefusal } from '../../format';

export type Phase = 'reading' | 'uploading' | 'validating' | 'importing';
export const PHASES: readonly Phase[] = ['reading', 'uploading', 'validating', 'importing'];
/** The file's text encoding: found out from the bytes, or as the manager says. */
export type Encoding = 'auto' | 'utf-8' | 'gbk';

/** What a column is imported as: a field, added to the notes, or nothing. */
export type Target = `f:${ImportField}` | 'notes+' | '';

export function initialTargets(p: ImportPreview): Target[] {
  return p.columns.map((c): Target =>
    c.kind === 'field' ? `f:${c.suggestion as ImportField}` : c.suggestion === 'notes' ? 'notes+' : '',
  );
}

/** Every column of the file: its samples, what it is imported as (a choice), and why. */
function ColumnTable(props: {
  preview: ImportPreview;
  targets: Target[];
  /** Columns (0-based) an error talks about. */
  markedColumns: number[];
  colName(i: number): string;
  onTarget(col: number, tg: Target): void;
}) {
  const { t } = useTranslation();
  const { preview, targets, colName } = props;
  const fieldLabel = (f: ImportField | 'row') => t(`members.importField.${f}`);
  const samples = (i: number) =>
    (preview.sampleRows ?? [])
      .map((r) => r[i] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, 3);
  const why = (c: ImportColumn) => {
    const initial = initialTargets(preview)[c.index];
    if (targets[c.index] !== initial) return t('members.import.changed');
    return t(`members.import.why.${c.kind}`, { field: c.sameAs ? fieldLabel(c.sameAs) : '' });
  };
  return (
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
            const bad = props.markedColumns.includes(c.index);
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
                    onChange={(e) => props.onTarget(c.index, e.target.value as Target)}
                  >
                    <option value="">{t('members.import.notImported')}</option>
                    {c.kind !== 'identity' && <option value="notes+">{t('members.import.toNotes')}</option>}
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
  );
}

/** The progress of the phases running now; the bar is phases done plus the part of reading done. */
export function Progress(props: { phase: Phase; fraction: number; since: number; count: number | null }) {
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
export function NewCardType(props: { name: string; rows: number; onCreated(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [kind, setKind] = useState<CardKind>('time');
  const [count, setCount] = useState('');
  const [price, setPrice] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    const n = Number(count);
    const priceCents = parseCents(price);
    if (!/^\d{1,6}$/.test(count) || n < 1 || priceCents === null) {
      setMsg((priceCents === null && moneyRefusal(price)) || t('members.import.typeInvalid'));
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
        priceCents,
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
      <select id={`${uid}-k`} value={kind} onChange={(e) => setKind(e.target.value as CardKind)}>
        {CARD_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`settings.cardTypes.kinds.${k}`)}
          </option>
        ))}
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

/** What the rows bring: members, balances, frozen, expired, deactivated, consultants, unknown genders. */
export function WillImport({ s, label }: { s: ImportValidation['summary']; label: string }) {
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

/** The first step: the file (CSV or Excel) and its text encoding. */
export function FileStep(props: {
  encoding: Encoding;
  onEncoding(e: Encoding): void;
  onFile(f: File | null): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <div className="import-file">
      <div className="field">
        <label htmlFor={`${uid}-file`}>{t('members.import.file')}</label>
        <input
          id={`${uid}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-enc`}>{t('members.import.encoding')}</label>
        <select
          id={`${uid}-enc`}
          value={props.encoding}
          onChange={(e) => props.onEncoding(e.target.value as Encoding)}
        >
          <option value="auto">{t('members.import.encAuto')}</option>
          <option value="utf-8">UTF-8</option>
          <option value="gbk">GBK</option>
        </select>
      </div>
      <p className="muted">{t('members.import.fileHint')}</p>
    </div>
  );
}

/** The second step: every column and what it is imported as; the required fields still missing. */
export function MappingStep(props: {
  preview: ImportPreview;
  targets: Target[];
  /** Columns (0-based) and fields an error talks about. */
  marked: { columns: number[]; fields: string[] };
  colName(i: number): string;
  onTarget(col: number, tg: Target): void;
  missing: readonly ImportField[];
  genderMapped: boolean;
  showKeepId: boolean;
  keepNationalId: boolean;
  onKeepNationalId(keep: boolean): void;
}) {
  const { t } = useTranslation();
  const { missing, marked } = props;
  const fieldLabel = (f: ImportField | 'row') => t(`members.importField.${f}`);
  return (
    <>
      <h3>{t('members.import.mappingTitle')}</h3>
      <p className="muted">{t('members.import.mappingHint')}</p>
      <ColumnTable
        preview={props.preview}
        targets={props.targets}
        markedColumns={marked.columns}
        colName={props.colName}
        onTarget={props.onTarget}
      />
      {missing.length > 0 && (
        <p className={marked.fields.length ? 'field-error' : 'import-missing'}>
          {t('members.import.missingFields', {
            fields: missing.map(fieldLabel).join(t('members.listSep')),
          })}
        </p>
      )}
      {!props.genderMapped && <p className="muted">{t('members.import.genderNotInFile')}</p>}
      {props.showKeepId && (
        <label className="import-keepid">
          <input
            type="checkbox"
            checked={props.keepNationalId}
            onChange={(e) => props.onKeepNationalId(e.target.checked)}
          />{' '}
          {t('members.import.keepNationalId')}
        </label>
      )}
    </>
  );
}
