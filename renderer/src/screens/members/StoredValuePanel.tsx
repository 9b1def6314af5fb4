/**
 * A member's stored value (储值): the balance, top-up (cash with change, card or mobile with a
 * reference), the ledger newest first with paging, and for managers refund and adjustment
 * (StoredValueDialogs). The weekly stored-value check is StoredValueCheck.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail, StoredValueEntry } from '../../../../electron/core/contract';
import { FormError } from '../../components/FormParts';
import { errorText } from '../../errorText';
import { fmtDateTime, fmtMoney } from '../../format';
import { refresh, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { AdjustDialog, RefundDialog, TopupDialog } from './StoredValueDialogs';
import { signed } from './StoredValueFields';
import { offerReceipt } from '../../stores/receipt';

const PAGE = 10;

/** The newest entry first (the core pages newest first; this keeps one page in order). */
function newestFirst(a: StoredValueEntry, b: StoredValueEntry): number {
  return a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1;
}

export function StoredValuePanel(props: { member: MemberDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const canSee = useCan('storedValue.account');
  const canTopup = useCan('storedValue.topup');
  const canRefund = useCan('storedValue.refund');
  const canAdjust = useCan('storedValue.adjust');
  const canReprint = useCan('receipts.reprint');
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<'topup' | 'refund' | 'adjust' | null>(null);
  // the page shown stays until the next one is there; the balance moves when they pay elsewhere
  const accountQuery = useOp(
    'storedValue.account',
    { memberId: m.id, limit: PAGE, offset },
    { enabled: canSee, keepPrevious: true },
  );
  const account = accountQuery.data ?? null;
  const failed = accountQuery.isError ? errorText(accountQuery.error) : null;

  const changed = () => {
    setDialog(null);
    setOffset(0);
    void refresh('storedValue.account', 'members.get');
  };

  const balance = account?.balanceCents ?? m.storedValueCents;
  const entries = [...(account?.entries ?? [])].sort(newestFirst);
  const total = account?.total ?? 0;

  return (
    <section className="sv-panel" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('members.sv.title')}</h3>
      <div className="sv-head">
        <div className="sv-balance">
          <span className="sv-balance-label">{t('members.sv.balance')}</span>
          <strong className="sv-balance-amount" data-testid="sv-balance">
            {fmtMoney(balance)}
          </strong>
        </div>
        <div className="toolbar">
          {canTopup && (
            <button type="button" className="btn btn-primary" onClick={() => setDialog('topup')}>
              {t('members.sv.topup')}
            </button>
          )}
          {canRefund && (
            <button type="button" className="btn" disabled={balance <= 0} onClick={() => setDialog('refund')}>
              {t('members.sv.refund')}
            </button>
          )}
          {canAdjust && (
            <button type="button" className="btn" onClick={() => setDialog('adjust')}>
              {t('members.sv.adjust')}
            </button>
          )}
        </div>
      </div>

      {canSee &&
        (failed ? (
          <FormError error={failed} />
        ) : account === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="muted">{t('members.sv.noEntries')}</p>
        ) : (
          <>
            <table className="table sv-ledger" aria-label={t('members.sv.ledger')}>
              <thead>
                <tr>
                  <th scope="col">{t('members.sv.when')}</th>
                  <th scope="col">{t('members.sv.what')}</th>
                  <th scope="col" className="num">
                    {t('members.sv.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('members.sv.after')}
                  </th>
                  <th scope="col">{t('members.sv.by')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{fmtDateTime(e.at)}</td>
                    <td>
                      {t(`members.sv.kind.${e.kind}`)}
                      {e.method && e.kind !== 'deduction' && (
                        <span className="muted"> · {t(`checkin.pay.method.${e.method}`)}</span>
                      )}
                      {e.reason && <div className="muted">{e.reason}</div>}
                      {canReprint &&
                        e.settlementId !== null &&
                        (e.kind === 'topup' || e.kind === 'deduction') && (
                          <button
                            type="button"
                            className="btn btn-small sv-reprint"
                            onClick={() => offerReceipt(e.settlementId!, 'reprint')}
                          >
                            {t('receipt.reprint')}
                          </button>
                        )}
                    </td>
                    <td className={`num ${e.amountCents < 0 ? 'sv-minus' : 'sv-plus'}`}>
                      {signed(e.amountCents)}
                    </td>
                    <td className="num">{fmtMoney(e.balanceAfterCents)}</td>
                    <td>{e.byName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {total > PAGE && (
              <div className="sv-pager">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  {t('members.sv.newer')}
                </button>
                <span className="muted" aria-live="polite">
                  {t('members.sv.range', {
                    from: offset + 1,
                    to: Math.min(total, offset + entries.length),
                    total,
                  })}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset + PAGE >= total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  {t('members.sv.older')}
                </button>
              </div>
            )}
          </>
        ))}

      {dialog === 'topup' && <TopupDialog member={m} onClose={() => setDialog(null)} onDone={changed} />}
      {dialog === 'refund' && (
        <RefundDialog member={m} balanceCents={balance} onClose={() => setDialog(null)} onDone={changed} />
      )}
      {dialog === 'adjust' && (
        <AdjustDialog member={m} balanceCents={balance} onClose={() => setDialog(null)} onDone={changed} />
      )}
    </section>
  );
}
