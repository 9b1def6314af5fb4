/** Incidents per month by kind: stacked bars (CSS), the total above each bar, a legend with words. */
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, type IncidentMonth } from '../../../../electron/core/contract';
import { fmtMonth } from '../../format';

export function MonthChart({ months }: { months: IncidentMonth[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...months.map((m) => m.total));
  const withYear = months.length > 12 || months[0]?.month.slice(0, 4) !== months.at(-1)?.month.slice(0, 4);
  const label = (month: string) => fmtMonth(month, withYear);
  return (
    <figure className="inc-chart" aria-labelledby="inc-chart-title">
      <figcaption id="inc-chart-title" className="inc-chart-title">
        {t('incidents.review.chartTitle')}
      </figcaption>
      <div className="inc-chart-legend">
        {INCIDENT_KINDS.map((k) => (
          <span key={k} className="inc-legend-item">
            <span className={`inc-swatch kind-${k}`} aria-hidden="true" />
            {t(`incidents.kinds.${k}`)}
          </span>
        ))}
      </div>
      {months.length === 0 ? (
        <p className="muted">{t('incidents.review.chartEmpty')}</p>
      ) : (
        <div className="inc-chart-bars">
          {months.map((m) => (
            <div
              key={m.month}
              className="inc-chart-col"
              title={INCIDENT_KINDS.filter((k) => m.counts[k] > 0)
                .map((k) => `${t(`incidents.kinds.${k}`)}: ${m.counts[k]}`)
                .join(', ')}
            >
              <div className="inc-chart-plot">
                <span className="inc-chart-total">{m.total}</span>
                <div className="inc-chart-stack" style={{ height: `${(m.total / max) * 100}%` }}>
                  {INCIDENT_KINDS.filter((k) => m.counts[k] > 0).map((k) => (
                    <div key={k} className={`inc-seg kind-${k}`} style={{ flexGrow: m.counts[k] }} />
                  ))}
                </div>
              </div>
              <span className="inc-chart-month">{label(m.month)}</span>
            </div>
          ))}
        </div>
      )}
      <table className="sr-only">
        <caption>{t('incidents.review.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.review.month')}</th>
            {INCIDENT_KINDS.map((k) => (
              <th key={k} scope="col">
                {t(`incidents.kinds.${k}`)}
              </th>
            ))}
            <th scope="col">{t('common.total')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              {INCIDENT_KINDS.map((k) => (
                <td key={k}>{m.counts[k]}</td>
              ))}
              <td>{m.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
