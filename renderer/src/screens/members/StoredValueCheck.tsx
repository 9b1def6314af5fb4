/** The weekly stored-value check (supervisors): the period's movements and anything that does not add up. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../electron/shared/dates';
import { FormError } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtMoney } from '../../format';
import { useOp } from '../../query';
import { signed } from './StoredValueFields';

/** The weekly check: the period's movements and anything that does not add up. */
export function StoredValueCheckDialog(props: { onClose(): void; onOpenMember?(memberId: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [to, setTo] = useState(() => clubToday());
  const [from, setFrom] = useState(() => addDays(clubToday(), -6));
  // the period checked: the last 7 days straight away, then what the user asks for
  const [period, setPeriod] = useState({ from, to });
  const check = useOp('storedValue.check', period, { live: false, keepPrevious: true });
  const busy = check.isFetching;
  const result = check.isError ? null : (check.data ?? null);
  const error = check.isError ? errorText(check.error) : null;
  const run = (f: string, tt: string) => {
    if (f === period.from && tt === period.to) void check.refetch();
    else setPeriod({ from: f, to: tt });
  };

  const badRange = !from || !to || to < from;

  return (
    <Modal title={t('members.svCheck.title')} onClose={props.onClose} wide>
      <form
        className="sv-check-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!badRange) run(from, to);
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('members.svCheck.from')}</label>
          <input
            id={`${uid}-from`}
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('members.svCheck.to')}</label>
          <input
            id={`${uid}-to`}
            type="date"
            value={to}
            min={from}
            aria-invalid={badRange || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || badRange}>
          {t('members.svCheck.run')}
        </button>
      </form>
      {badRange && <div className="field-error">{t('members.svCheck.badRange')}</div>}
      <FormError error={error} />
      <div aria-live="polite" aria-busy={busy || undefined}>
        {busy && result === null && <p className="muted">{t('common.loading')}</p>}
        {result && (
          <>
            <p className="muted">
              {t('members.svCheck.period', {
                from: fmtDate(result.from),
                to: fmtDate(result.to),
                count: result.entries,
              })}
            </p>
            <dl className="sv-totals">
              <div>
                <dt>{t('members.svCheck.topups')}</dt>
                <dd>{fmtMoney(result.topupsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.deductions')}</dt>
                <dd>{fmtMoney(result.deductionsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.refunds')}</dt>
                <dd>{fmtMoney(result.refundsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.adjustments')}</dt>
                <dd>{signed(result.adjustmentsCents)}</dd>
              </div>
            </dl>
            {result.problems.length === 0 ? (
              <p className="banner banner-ok sv-check-ok">{t('members.svCheck.noProblems')}</p>
            ) : (
              <>
                <p className="banner banner-block">
                  {t('members.svCheck.problems', { count: result.problems.length })}
                </p>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('members.svCheck.problem')}</th>
                      <th scope="col">{t('members.svCheck.member')}</th>
                      <th scope="col" className="num">
                        {t('members.svCheck.ledger')}
                      </th>
                      <th scope="col" className="num">
                        {t('members.svCheck.balance')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.problems.map((p, i) => (
                      <tr key={`${p.kind}-${p.memberId}-${p.entryId ?? i}`}>
                        <td>
                          <strong>{t(`members.svCheck.kind.${p.kind}`)}</strong>
                          {p.entryId !== null && (
                            <div className="muted">{t('members.svCheck.entry', { id: p.entryId })}</div>
                          )}
                        </td>
                        <td>
                          {props.onOpenMember ? (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => props.onOpenMember?.(p.memberId)}
                            >
                              {p.name}
                            </button>
                          ) : (
                            p.name
                          )}
                          <div className="muted mono">{p.cardNo}</div>
                        </td>
                        <td className="num">{p.ledgerCents === null ? '—' : fmtMoney(p.ledgerCents)}</td>
                        <td className="num">{p.balanceCents === null ? '—' : fmtMoney(p.balanceCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
