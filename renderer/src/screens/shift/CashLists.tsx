/**
 * The drawer's records as the reports show them: every cash count with its time and difference (a
 * recount with who authorised it and why; the count it superseded stays listed), and every pay-out
 * with who took it, who authorised it and why.
 */
import { useTranslation } from 'react-i18next';
import type { CashCount, Payout } from '../../../../electron/core/contract';
import { fmtDateTime, fmtMoney } from '../../format';
import { DiffBadge } from './Opening';

export function CountsTable({ counts, caption }: { counts: CashCount[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <table className="table shift-table shift-counts">
      <caption>{caption ?? t('shift.counts.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shift.counts.at')}</th>
          <th scope="col">{t('shift.counts.by')}</th>
          <th scope="col" className="num">
            {t('shift.cash.counted')}
          </th>
          <th scope="col" className="num">
            {t('shift.counts.expected')}
          </th>
          <th scope="col">{t('shift.cash.difference')}</th>
          <th scope="col">{t('shift.counts.note')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              {t('shift.counts.none')}
            </td>
          </tr>
        )}
        {counts.map((c, i) => (
          <tr key={c.id} className={c.supersededBy ? 'shift-superseded' : undefined}>
            <td>{fmtDateTime(c.at)}</td>
            <td>{c.byName}</td>
            <td className="num">{fmtMoney(c.countedCents)}</td>
            <td className="num">{c.expectedCents === null ? '—' : fmtMoney(c.expectedCents)}</td>
            <td>
              {c.differenceCents === null ? (
                <span className="muted">{t('shift.counts.blind')}</span>
              ) : (
                <DiffBadge cents={c.differenceCents} />
              )}
            </td>
            <td>
              {c.recount
                ? t('shift.counts.recountBy', {
                    n: i + 1,
                    name: c.recount.authorizedByName,
                    reason: c.recount.reason,
                  })
                : t('shift.counts.first')}
              {c.supersededBy && (
                <>
                  {' '}
                  <span className="badge badge-warn">{t('shift.counts.superseded')}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PayoutsTable({ payouts, caption }: { payouts: Payout[]; caption?: string }) {
  const { t } = useTranslation();
  const total = payouts.reduce((s, p) => s + p.amountCents, 0);
  return (
    <table className="table shift-table shift-payouts">
      <caption>{caption ?? t('shift.running.payouts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shift.counts.at')}</th>
          <th scope="col">{t('shift.running.payoutReason')}</th>
          <th scope="col">{t('shift.payout.by')}</th>
          <th scope="col">{t('shift.payout.authorizedBy')}</th>
          <th scope="col" className="num">
            {t('shift.running.payoutAmount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {payouts.length === 0 && (
          <tr>
            <td colSpan={5} className="muted">
              {t('shift.running.noPayouts')}
            </td>
          </tr>
        )}
        {payouts.map((p) => (
          <tr key={p.id}>
            <td>{fmtDateTime(p.at)}</td>
            <td>{p.reason}</td>
            <td>{p.byName}</td>
            <td>{p.authorizedByName ?? <span className="muted">{t('shift.payout.notRecorded')}</span>}</td>
            <td className="num">{fmtMoney(p.amountCents)}</td>
          </tr>
        ))}
      </tbody>
      {payouts.length > 1 && (
        <tfoot>
          <tr className="shift-total-row">
            <th scope="row" colSpan={4}>
              {t('shift.book.total')}
            </th>
            <td className="num">{fmtMoney(total)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
