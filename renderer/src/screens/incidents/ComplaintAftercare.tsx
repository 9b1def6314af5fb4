/**
 * Complaint after-care (投诉回访): on a complaint, the member's answer to the call after it was
 * resolved (filed by the follow-up call); on the complaints review, satisfaction per month.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../electron/core/contract';
import { clubToday, fmtDateTime, fmtMonth } from '../../format';
import { loadError, useOp } from '../../query';

const BADGE = { satisfied: 'badge badge-ok', fair: 'badge badge-warn', unsatisfied: 'badge badge-block' };

export function AftercareAnswer({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  if (!c.resolvedAt) return null;
  const a = c.aftercare;
  return (
    <div className="inc-aftercare" data-testid="complaint-aftercare">
      <h3>{t('calls.aftercare.title')}</h3>
      {a ? (
        <p>
          <span className={BADGE[a.satisfaction]}>{t(`calls.satisfaction.${a.satisfaction}`)}</span>{' '}
          {fmtDateTime(a.at)} · {a.by?.name ?? ''}
          {a.comment ? ` · “${a.comment}”` : ''}
        </p>
      ) : (
        <p className="muted">{t('calls.aftercare.pending')}</p>
      )}
    </div>
  );
}

export function AftercareMonths() {
  const { t } = useTranslation();
  const uid = useId();
  const year = Number(clubToday().slice(0, 4));
  const q = useOp('complaints.satisfaction', { year });
  const error = loadError(q);
  const rows = (q.data ?? []).filter((m) => m.resolved > 0);
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('calls.aftercare.monthsTitle', { year })}</h2>
      {error && <p className="field-error">{error}</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('calls.aftercare.month')}</th>
              <th scope="col" className="num">
                {t('calls.aftercare.resolved')}
              </th>
              <th scope="col" className="num">
                {t('calls.satisfaction.satisfied')}
              </th>
              <th scope="col" className="num">
                {t('calls.satisfaction.fair')}
              </th>
              <th scope="col" className="num">
                {t('calls.satisfaction.unsatisfied')}
              </th>
              <th scope="col" className="num">
                {t('calls.aftercare.notCalled')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.month}>
                <th scope="row">{fmtMonth(m.month, false)}</th>
                <td className="num">{m.resolved}</td>
                <td className="num">{m.satisfied}</td>
                <td className="num">{m.fair}</td>
                <td className="num">{m.unsatisfied}</td>
                <td className="num">{m.notCalled}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
