/** The bar report itself: summary figures, the per-item stock table with totals, voids and stocktakes. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PAYMENT_METHODS as METHODS,
  type BarReport,
  type PaymentMethod,
} from '../../../../electron/core/contract';
import { fmtDateTime, fmtMoney } from '../../format';

/** A signed count difference as words (colour comes with it). */
function Diff({ diff }: { diff: number | null }) {
  const { t } = useTranslation();
  if (diff === null) return <span className="muted">—</span>;
  if (diff === 0) return <span className="badge badge-ok">{t('barReport.diffOk')}</span>;
  if (diff < 0)
    return <span className="badge badge-block">{t('barReport.diffShort', { count: -diff })}</span>;
  return <span className="badge badge-warn">{t('barReport.diffOver', { count: diff })}</span>;
}

export function ReportBody({ report }: { report: BarReport }) {
  const { t } = useTranslation();
  const uid = useId();
  const rows = report.rows;
  const sum = (f: (r: (typeof rows)[number]) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  const counted = rows.filter((r) => r.counted !== null);
  const paidCents = METHODS.reduce((s, m) => s + (report.byMethod[m] ?? 0), 0);
  const refundTotal = METHODS.reduce((s, m) => s + report.refunds.byMethod[m], 0);
  const methods = (list: readonly PaymentMethod[]) =>
    list.map((m) => t(`barReport.methods.${m}`)).join(t('bar.listSep'));

  return (
    <div className="barreport-body">
      <section className="barreport-summary" aria-label={t('barReport.summary')}>
        <div className="barreport-stat main">
          <span className="barreport-stat-label">{t('barReport.sales')}</span>
          <strong>{fmtMoney(report.salesCents)}</strong>
        </div>
        <div className="barreport-methods" role="group" aria-labelledby={`${uid}-bm`}>
          <span id={`${uid}-bm`} className="barreport-stat-label">
            {t('barReport.byMethod')}
          </span>
          <dl className="barreport-method-list">
            {METHODS.map((m) => (
              <div key={m} className="barreport-method">
                <dt>{t(`barReport.methods.${m}`)}</dt>
                <dd>{fmtMoney(report.byMethod[m] ?? 0)}</dd>
              </div>
            ))}
            <div className="barreport-method total">
              <dt>{t('barReport.paidTotal')}</dt>
              <dd>{fmtMoney(paidCents)}</dd>
            </div>
          </dl>
        </div>
        <div className={report.unpaidCents > 0 ? 'barreport-stat warn' : 'barreport-stat'}>
          <span className="barreport-stat-label">{t('barReport.unpaid')}</span>
          <strong>{fmtMoney(report.unpaidCents)}</strong>
          {report.unpaidCents > 0 && <span className="badge badge-warn">{t('barReport.unpaidOpen')}</span>}
        </div>
        <div className="barreport-stat">
          <span className="barreport-stat-label">{t('barReport.water')}</span>
          <strong>{t('barReport.waterN', { count: report.water })}</strong>
        </div>
        <div className="barreport-stat">
          <span className="barreport-stat-label">{t('barReport.voidsCount')}</span>
          <strong>{report.voids.length}</strong>
        </div>
      </section>

      <section className="card barreport-section" aria-labelledby={`${uid}-items`}>
        <h2 id={`${uid}-items`}>{t('barReport.itemsTitle')}</h2>
        {rows.length === 0 ? (
          <p className="empty">{t('barReport.noRows')}</p>
        ) : (
          <table className="table barreport-table">
            <thead>
              <tr>
                <th scope="col">{t('barReport.col.item')}</th>
                <th scope="col" className="num">
                  {t('barReport.col.opening')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.received')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.sold')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.voided')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.expected')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.counted')}
                </th>
                <th scope="col">{t('barReport.col.difference')}</th>
                <th scope="col">{t('barReport.col.reason')}</th>
                <th scope="col" className="num">
                  {t('barReport.col.sales')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.itemId}>
                  <th scope="row" className="barreport-item">
                    {r.name}
                    <span className="muted barreport-cat">{r.category}</span>
                  </th>
                  <td className="num">{r.opening}</td>
                  <td className="num">{r.received}</td>
                  <td className="num">{r.sold}</td>
                  <td className="num">{r.voided}</td>
                  <td className="num">
                    {r.expected}
                    {(r.corrected !== 0 || r.stocktakeAdjusted !== 0) && (
                      <div className="muted barreport-adj">
                        {r.corrected !== 0 && t('barReport.correctedN', { count: r.corrected })}
                        {r.corrected !== 0 && r.stocktakeAdjusted !== 0 && ' · '}
                        {r.stocktakeAdjusted !== 0 &&
                          t('barReport.adjustedN', { count: r.stocktakeAdjusted })}
                      </div>
                    )}
                  </td>
                  <td className="num">{r.counted ?? '—'}</td>
                  <td>
                    <Diff diff={r.difference} />
                  </td>
                  <td className="barreport-reason">{r.reason ?? ''}</td>
                  <td className="num">{fmtMoney(r.salesCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('barReport.totals')}</th>
                <td className="num">{sum((r) => r.opening)}</td>
                <td className="num">{sum((r) => r.received)}</td>
                <td className="num">{sum((r) => r.sold)}</td>
                <td className="num">{sum((r) => r.voided)}</td>
                <td className="num">{sum((r) => r.expected)}</td>
                <td className="num">{counted.length ? sum((r) => r.counted) : '—'}</td>
                <td>{counted.length ? <Diff diff={sum((r) => r.difference)} /> : '—'}</td>
                <td />
                <td className="num">{fmtMoney(report.salesCents)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section className="card barreport-section" aria-labelledby={`${uid}-voids`}>
        <h2 id={`${uid}-voids`}>{t('barReport.voidsTitle')}</h2>
        {report.voids.length === 0 ? (
          <p className="muted">{t('barReport.noVoids')}</p>
        ) : (
          <table className="table barreport-voids">
            <thead>
              <tr>
                <th scope="col">{t('barReport.col.time')}</th>
                <th scope="col">{t('barReport.col.item')}</th>
                <th scope="col" className="num">
                  {t('barReport.col.qty')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.amount')}
                </th>
                <th scope="col">{t('barReport.col.visitor')}</th>
                <th scope="col">{t('barReport.col.reason')}</th>
                <th scope="col">{t('barReport.col.voidedBy')}</th>
                <th scope="col">{t('barReport.col.authorizedBy')}</th>
                <th scope="col">{t('barReport.col.refund')}</th>
              </tr>
            </thead>
            <tbody>
              {report.voids.map((v) => (
                <tr key={v.lineId}>
                  <td className="num">{fmtDateTime(v.at)}</td>
                  <td>{v.name}</td>
                  <td className="num">{v.quantity}</td>
                  <td className="num">{fmtMoney(v.amountCents)}</td>
                  <td>
                    {v.visitName}
                    {v.afterCheckout && (
                      <span className="badge badge-warn barreport-badge">{t('barReport.afterCheckout')}</span>
                    )}
                  </td>
                  <td className="barreport-reason">{v.reason}</td>
                  <td>{v.byName}</td>
                  <td>{v.authorizedByName}</td>
                  <td>
                    {v.refundCents > 0 ? (
                      <>
                        {t('barReport.refundTo', {
                          amount: fmtMoney(v.refundCents),
                          methods: methods(v.refundTo),
                        })}
                        {v.cashBack && (
                          <span className="badge badge-warn barreport-badge">{t('barReport.cashBack')}</span>
                        )}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {refundTotal > 0 && (
          <div className="barreport-refunds" role="group" aria-labelledby={`${uid}-refunds`}>
            <span id={`${uid}-refunds`} className="barreport-stat-label">
              {t('barReport.refundsTitle')}
            </span>
            <dl className="barreport-method-list">
              {METHODS.filter((m) => report.refunds.byMethod[m] > 0).map((m) => (
                <div key={m} className="barreport-method">
                  <dt>{t(`barReport.methods.${m}`)}</dt>
                  <dd>{fmtMoney(report.refunds.byMethod[m])}</dd>
                </div>
              ))}
              {report.refunds.cashBackOfStoredValueCents > 0 && (
                <div className="barreport-method total">
                  <dt>{t('barReport.cashBackOfSv')}</dt>
                  <dd>{fmtMoney(report.refunds.cashBackOfStoredValueCents)}</dd>
                </div>
              )}
            </dl>
          </div>
        )}
      </section>

      <section className="card barreport-section" aria-labelledby={`${uid}-corr`}>
        <h2 id={`${uid}-corr`}>{t('barReport.correctionsTitle')}</h2>
        {report.corrections.length === 0 ? (
          <p className="muted">{t('barReport.noCorrections')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('barReport.col.time')}</th>
                <th scope="col">{t('barReport.col.item')}</th>
                <th scope="col" className="num">
                  {t('barReport.col.change')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.col.slipAge')}
                </th>
                <th scope="col">{t('barReport.col.visitor')}</th>
                <th scope="col">{t('barReport.col.correctedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {report.corrections.map((c) => (
                <tr key={c.id}>
                  <td className="num">{fmtDateTime(c.at)}</td>
                  <td>{c.name}</td>
                  <td className="num">
                    {t('barReport.qtyChange', { before: c.quantityBefore, after: c.quantityAfter })}
                  </td>
                  <td className="num">{t('barReport.minutesAfter', { count: c.slipAgeMinutes })}</td>
                  <td>{c.visitName}</td>
                  <td>{c.byName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card barreport-section" aria-labelledby={`${uid}-st`}>
        <h2 id={`${uid}-st`}>{t('barReport.stocktakesTitle')}</h2>
        {report.stocktakes.length === 0 ? (
          <p className="muted">{t('barReport.noStocktakes')}</p>
        ) : (
          <ul className="barreport-stocktakes">
            {report.stocktakes.map((s) => (
              <li key={s.id}>
                <span className="num">{fmtDateTime(s.at)}</span>{' '}
                <span className="badge badge-muted">{t(`barReport.stocktakeKinds.${s.kind}`)}</span>{' '}
                {t('barReport.stocktakeBy', { name: s.byName })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
