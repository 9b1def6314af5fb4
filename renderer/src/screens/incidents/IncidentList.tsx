/**
 * The incident lists. Reception: the open incidents and the ones they opened, without medical
 * details or money. The managers' review (IncidentReview.tsx) shows the same table in full.
 */
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { useOp } from '../../query';
import { useSession } from '../../stores/session';
import { INCIDENT_EVENTS, severityBadge, statusBadge } from './util';

function NextFollowUp({ row }: { row: IncidentSummary }) {
  const { t } = useTranslation();
  if (!row.nextFollowUpDue) return <span className="muted">—</span>;
  return (
    <span className="inc-next">
      {fmtDate(row.nextFollowUpDue)}
      {row.followUpsOverdue > 0 && (
        <span className="badge badge-block">{t('incidents.followUpState.overdue')}</span>
      )}
      {row.followUpsOverdue === 0 && row.followUpsDueToday > 0 && (
        <span className="badge badge-warn">{t('incidents.followUpState.due_today')}</span>
      )}
    </span>
  );
}

function Person({ row }: { row: IncidentSummary }) {
  if (!row.personName && !row.cardNo) return <span className="muted">—</span>;
  return (
    <span className="inc-person">
      {row.cardNo && <span className="mono inc-card">{row.cardNo}</span>} {row.personName}
    </span>
  );
}

export function IncidentTable(props: {
  rows: IncidentSummary[];
  full: boolean;
  onOpen(id: number): void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="table inc-table" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{t('incidents.col.no')}</th>
          <th scope="col">{t('incidents.fields.occurredAt')}</th>
          <th scope="col">{t('incidents.col.kind')}</th>
          <th scope="col">{t('incidents.col.status')}</th>
          <th scope="col">{t('incidents.col.person')}</th>
          <th scope="col">{t('incidents.col.whatWhere')}</th>
          <th scope="col">{t('incidents.col.nextFollowUp')}</th>
          {props.full && (
            <>
              <th scope="col" className="num">
                {t('incidents.col.examCost')}
              </th>
              <th scope="col" className="num">
                {t('incidents.col.compensation')}
              </th>
            </>
          )}
          <th scope="col">{t('incidents.col.openedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id} className="inc-row" onClick={() => props.onOpen(r.id)}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={t('incidents.openRecord', { id: r.id })}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onOpen(r.id);
                }}
              >
                #{r.id}
              </button>
            </td>
            <td className="inc-nowrap">{fmtDateTime(r.occurredAt)}</td>
            <td>
              <span className="inc-kind">
                <span className={`inc-swatch kind-${r.kind}`} aria-hidden="true" />
                {t(`incidents.kinds.${r.kind}`)}
              </span>
              {props.full && r.severity && (
                <span className={severityBadge(r.severity)}>{t(`incidents.severities.${r.severity}`)}</span>
              )}
            </td>
            <td>
              <span className={statusBadge(r.status)}>{t(`incidents.status.${r.status}`)}</span>
            </td>
            <td>
              <Person row={r} />
            </td>
            <td className="inc-what">
              <span className="inc-place">{r.place}</span>
              <span className="inc-what-text">{r.what}</span>
            </td>
            <td>
              <NextFollowUp row={r} />
            </td>
            {props.full && (
              <>
                <td className="num">
                  {r.examinationCostCents != null ? fmtMoney(r.examinationCostCents) : '—'}
                </td>
                <td className="num">
                  {r.compensationAgreedCents != null ? fmtMoney(r.compensationAgreedCents) : '—'}
                </td>
              </>
            )}
            <td>{r.openedBy.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeskList(props: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.info?.staff.id);
  const listQuery = useOp('incidents.list', { limit: 500 }, { live: INCIDENT_EVENTS });
  const list = listQuery.data ?? null;
  const error = listQuery.isError ? errorText(listQuery.error) : null;

  if (error)
    return (
      <div className="field-error" role="alert">
        {error}
      </div>
    );
  if (!list) return <p className="muted">{t('common.loading')}</p>;
  const open = list.rows.filter((r) => r.status !== 'closed');
  const mine = list.rows.filter((r) => r.status === 'closed' && r.openedBy.id === me);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="inc-open-h">
        <h2 id="inc-open-h">
          {t('incidents.desk.openTitle')} <span className="badge badge-muted">{open.length}</span>
        </h2>
        {open.length === 0 ? (
          <p className="empty">{t('incidents.desk.noneOpen')}</p>
        ) : (
          <IncidentTable
            rows={open}
            full={false}
            onOpen={props.onOpen}
            label={t('incidents.desk.openTitle')}
          />
        )}
      </section>
      <section className="card" aria-labelledby="inc-mine-h">
        <h2 id="inc-mine-h">{t('incidents.desk.mineTitle')}</h2>
        {mine.length === 0 ? (
          <p className="empty">{t('incidents.desk.noneMine')}</p>
        ) : (
          <IncidentTable
            rows={mine}
            full={false}
            onOpen={props.onOpen}
            label={t('incidents.desk.mineTitle')}
          />
        )}
      </section>
      <p className="muted">{t('incidents.desk.privacy')}</p>
    </div>
  );
}
