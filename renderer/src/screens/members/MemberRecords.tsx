/** A member's freezes, charges (lost tags…) and recent visits, under their details. */
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../electron/core/contract';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { offerReceipt } from '../../stores/receipt';
import { useCan } from '../../stores/session';

export function MemberRecords({ member: m }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const canReprint = useCan('receipts.reprint');
  return (
    <>
      <h3>{t('members.freezes.title')}</h3>
      {m.freezes.length === 0 ? (
        <p className="muted">{t('members.freezes.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.freezes.range')}</th>
              <th scope="col">{t('members.freezes.reason')}</th>
              <th scope="col" className="num">
                {t('members.freezes.days')}
              </th>
              <th scope="col">{t('members.freezes.by')}</th>
            </tr>
          </thead>
          <tbody>
            {m.freezes.map((fz) => (
              <tr key={fz.id}>
                <td>
                  {fmtDate(fz.fromDate)} – {fmtDate(fz.toDate)}
                  {fz.endedAt && (
                    <div className="muted">
                      {t('members.freezes.ended', { at: fmtDate(fz.endedAt.slice(0, 10)) })}
                    </div>
                  )}
                </td>
                <td>{fz.reason}</td>
                <td className="num">{fz.extendedDays}</td>
                <td>
                  {fz.createdByName}
                  <div className="muted">{fmtDateTime(fz.createdAt)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('members.charges.title')}</h3>
      {m.charges.length === 0 ? (
        <p className="muted">{t('members.charges.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.charges.when')}</th>
              <th scope="col">{t('members.charges.what')}</th>
              <th scope="col" className="num">
                {t('members.charges.amount')}
              </th>
              <th scope="col">{t('members.charges.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {m.charges.map((c) => (
              <tr key={c.id}>
                <td>{fmtDateTime(c.createdAt)}</td>
                <td>
                  {t(`members.charges.kind.${c.kind}`)}
                  {c.note && <div className="muted">{c.note}</div>}
                </td>
                <td className="num">{fmtMoney(c.amountCents)}</td>
                <td>
                  {c.paidAt ? (
                    <span className="badge badge-ok">
                      {t('members.charges.paidAt', { at: fmtDateTime(c.paidAt) })}
                    </span>
                  ) : (
                    <span className="badge badge-block">{t('members.charges.unpaid')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('members.visits.title')}</h3>
      {m.recentVisits.length === 0 ? (
        <p className="muted">{t('members.visits.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.visits.in')}</th>
              <th scope="col">{t('members.visits.out')}</th>
              <th scope="col">{t('members.visits.tag')}</th>
              <th scope="col">{t('members.visits.note')}</th>
            </tr>
          </thead>
          <tbody>
            {m.recentVisits.map((v) => (
              <tr key={v.id}>
                <td>{fmtDateTime(v.checkedInAt)}</td>
                <td>
                  {v.checkedOutAt ? (
                    fmtTime(v.checkedOutAt)
                  ) : (
                    <span className="badge badge-warn">{t('members.insideNow')}</span>
                  )}
                </td>
                <td>{v.tagNumber ?? '—'}</td>
                <td>
                  {v.overridden && <span className="badge badge-warn">{t('members.visits.overridden')}</span>}{' '}
                  {v.checkoutKind === 'tag_not_returned' && (
                    <span className="badge badge-block">{t('members.visits.tagLost')}</span>
                  )}
                  {canReprint && v.settlementId !== null && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => offerReceipt(v.settlementId!, 'reprint')}
                    >
                      {t('receipt.reprint')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
