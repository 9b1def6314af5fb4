/**
 * The membership history (会员卡记录): every change of the member's entitlement, newest first — who,
 * when, what (sale, renewal, upgrade, freeze, correction…), what changed, what was paid and how.
 * The catalogue price appears only when the core sends it (consultants and managers).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entitlement, EntitlementEntry } from '../../../../electron/core/contract';
import { fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { offerReceipt } from '../../stores/receipt';
import { useCan } from '../../stores/session';

type Shown = 'cardTypeName' | 'startDate' | 'expiryDate' | 'visitsLeft' | 'active' | 'frozen';
const SHOWN: readonly Shown[] = ['cardTypeName', 'startDate', 'expiryDate', 'visitsLeft', 'active', 'frozen'];

export function EntitlementHistory(props: { entries: readonly EntitlementEntry[] }) {
  const { t } = useTranslation();
  const canReprint = useCan('receipts.reprint');
  const uid = useId();

  const value = (e: Entitlement, k: Shown): string => {
    switch (k) {
      case 'cardTypeName':
        return e.cardTypeName;
      case 'startDate':
        return fmtDate(e.startDate);
      case 'expiryDate':
        return e.expiryDate ? fmtDate(e.expiryDate) : t('members.sell.noExpiry');
      case 'visitsLeft':
        return e.visitsLeft === null ? '—' : String(e.visitsLeft);
      case 'active':
        return e.active ? t('members.history.yes') : t('members.history.no');
      case 'frozen':
        return e.frozenFrom && e.frozenTo
          ? `${fmtDate(e.frozenFrom)} – ${fmtDate(e.frozenTo)}`
          : t('members.history.notFrozen');
    }
  };

  const changes = (x: EntitlementEntry) => {
    if (!x.before) {
      const a = x.after;
      const what = [
        a.visitsLeft !== null ? t('members.sell.visitsN', { count: a.visitsLeft }) : null,
        a.expiryDate ? t('members.sell.untilDate', { date: fmtDate(a.expiryDate) }) : null,
        a.active ? null : t('members.history.no'),
      ]
        .filter(Boolean)
        .join(' · ');
      return <span>{t('members.history.asFound', { type: a.cardTypeName, what: what || '—' })}</span>;
    }
    const rows = SHOWN.map((k) => [k, value(x.before!, k), value(x.after, k)] as const).filter(
      ([, b, a]) => b !== a,
    );
    if (rows.length === 0) return <span className="muted">—</span>;
    return (
      <ul className="eh-changes">
        {rows.map(([k, b, a]) => (
          <li key={k}>
            <span className="muted">{t(`members.history.field.${k}`)}:</span> {b} → <strong>{a}</strong>
          </li>
        ))}
      </ul>
    );
  };

  const paid = (x: EntitlementEntry) => {
    if (x.paidCents === null) return <span className="muted">—</span>;
    const list = x.listPriceCents;
    return (
      <>
        {x.paidCents === 0 ? (
          <span className="badge badge-warn">{t('members.history.free')}</span>
        ) : (
          <strong>{fmtMoney(x.paidCents)}</strong>
        )}
        {x.payment.length > 0 && (
          <div className="muted">
            {x.payment
              .map((p) => `${t(`checkin.pay.method.${p.method}`)} ${fmtMoney(p.amountCents)}`)
              .join(t('members.listSep'))}
          </div>
        )}
        {canReprint && x.settlementId !== null && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => offerReceipt(x.settlementId!, 'reprint')}
          >
            {t('receipt.reprint')}
          </button>
        )}
        {list !== undefined && list !== null && (
          <div className="muted">
            {t('members.history.listPrice', { amount: fmtMoney(list) })}
            {x.paidCents < list && (
              <>
                {' '}
                <span className="badge badge-warn">{t('members.history.belowList')}</span>
              </>
            )}
          </div>
        )}
      </>
    );
  };

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('members.history.title')}</h3>
      {props.entries.length === 0 ? (
        <p className="muted">{t('members.history.none')}</p>
      ) : (
        <table className="table eh-table" data-testid="entitlement-history">
          <thead>
            <tr>
              <th scope="col">{t('members.history.when')}</th>
              <th scope="col">{t('members.history.what')}</th>
              <th scope="col">{t('members.history.change')}</th>
              <th scope="col">{t('members.history.paid')}</th>
              <th scope="col">{t('members.history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((x) => (
              <tr key={x.id}>
                <td>{fmtDateTime(x.at)}</td>
                <td>
                  <strong>{t(`members.history.kind.${x.kind}`)}</strong>
                  {x.cardTypeName && x.quantity !== null && (
                    <div>{t('members.history.typeQty', { type: x.cardTypeName, count: x.quantity })}</div>
                  )}
                  {x.reason && <div className="muted">{x.reason}</div>}
                </td>
                <td>{changes(x)}</td>
                <td>{paid(x)}</td>
                <td>
                  {x.byName ?? '—'}
                  {x.soldByName && (
                    <div className="muted">{t('members.history.soldBy', { name: x.soldByName })}</div>
                  )}
                  {x.authorizedByName && (
                    <div className="muted">
                      {t('members.history.authorizedBy', { name: x.authorizedByName })}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
