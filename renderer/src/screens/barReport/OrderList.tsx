/** Next month's order list: items whose sales in the chosen month exceed the stock on hand now. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListItem } from '../../../../electron/core/contract';
import { isValidMonth } from '../../../../electron/shared/dates';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { thisMonth } from './dates';

export function OrderList() {
  const { t } = useTranslation();
  const uid = useId();
  const [month, setMonth] = useState(() => thisMonth());
  const [rows, setRows] = useState<{ month: string; rows: OrderListItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isValidMonth(month)) {
      setError(t('barReport.order.badMonth'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setRows({ month, rows: await call('bar.orderList', { month }) });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className={
        rows ? 'card barreport-section barreport-order' : 'card barreport-section barreport-order no-print'
      }
      aria-labelledby={`${uid}-h`}
    >
      <h2 id={`${uid}-h`}>
        {rows ? t('barReport.order.titleFor', { month: rows.month }) : t('barReport.order.title')}
      </h2>
      <form className="toolbar barreport-order-form no-print" onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-month`}>{t('barReport.order.month')}</label>
          <input
            id={`${uid}-month`}
            type="month"
            value={month}
            placeholder="YYYY-MM"
            aria-invalid={!!error || undefined}
            onChange={(e) => setMonth(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {t('barReport.order.show')}
        </button>
        <span className="muted field-hint">{t('barReport.order.hint')}</span>
      </form>
      {error && (
        <div className="field-error no-print" role="alert">
          {error}
        </div>
      )}
      {rows &&
        (rows.rows.length === 0 ? (
          <p className="muted">{t('barReport.order.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('barReport.col.item')}</th>
                <th scope="col">{t('barReport.order.category')}</th>
                <th scope="col" className="num">
                  {t('barReport.order.sold')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.order.stock')}
                </th>
                <th scope="col" className="num">
                  {t('barReport.order.suggested')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((r) => (
                <tr key={r.itemId}>
                  <th scope="row">{r.name}</th>
                  <td>{r.category}</td>
                  <td className="num">{r.soldLastMonth}</td>
                  <td className="num">{r.stock}</td>
                  <td className="num">
                    <strong>{r.suggested}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
