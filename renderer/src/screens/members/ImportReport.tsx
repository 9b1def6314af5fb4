/**
 * The import's report after the check: how many rows are good or not, what they bring, the card
 * types and consultants' names the club does not have (created or matched here), and every problem
 * by row and column.
 */
import { useId, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportValidation, StaffInfo } from '../../../../electron/core/contract';
import { wordIn } from '../../i18n/keys';
import { NewCardType, WillImport } from './ImportParts';

/** How a consultant's name of the roster is matched: not yet, nobody, or a member of staff. */
export type Choice = '' | 'none' | number;

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
const SHOWN_PROBLEMS = 500;

export function ImportReport(props: {
  report: ImportValidation;
  consultants: Record<string, Choice>;
  setConsultants: Dispatch<SetStateAction<Record<string, Choice>>>;
  staff: readonly StaffInfo[];
  /** The row a refused import talks about (marked in the problems). */
  markedRow: number | null;
  colName(i: number): string;
  onTypeCreated(name: string): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { report, consultants, staff, colName } = props;
  const fieldLabel = (f: ImportField | 'row') => t(`members.importField.${f}`);
  return (
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
                  <strong>{t('members.import.unknownTypeRows', { name: u.name, count: u.rows })}</strong>{' '}
                  <span className="muted">{t('members.import.inactiveType')}</span>
                </li>
              ) : (
                <NewCardType
                  key={u.name}
                  name={u.name}
                  rows={u.rows}
                  onCreated={() => props.onTypeCreated(u.name)}
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
                  {u.rows > 0 ? t('members.import.consultantRows', { name: u.name, count: u.rows }) : u.name}
                  {u.ambiguous && <span className="muted"> ({t('members.import.ambiguous')})</span>}
                </label>{' '}
                <select
                  id={`${uid}-c-${u.name}`}
                  value={String(consultants[u.name] ?? '')}
                  onChange={(e) => {
                    const v = e.target.value;
                    props.setConsultants((c) => ({
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
                  {wordIn('members.problem', c.code, t('members.problem.OTHER'), ANY_PARAMS)}{' '}
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
                  <tr key={i} className={props.markedRow === p.row ? 'import-marked' : undefined}>
                    <td className="num">{p.row}</td>
                    <td>{p.column === null ? '—' : colName(p.column)}</td>
                    <td>{p.field === 'row' ? t('members.import.wholeRow') : fieldLabel(p.field)}</td>
                    <td>{wordIn('members.problem', p.code, t('members.problem.OTHER'), p.params)}</td>
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
  );
}
