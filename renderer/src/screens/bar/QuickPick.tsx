/** The quick-pick grid: every item on sale as a big button (name, price, stock), by category. */
import { useId, useMemo } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BarItem } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtMoney } from '../../format';
import { groupByCategory, type SlipLine } from '../../stores/bar';

/** The stock as words (colour comes with it: at or below zero is amber). */
export function stockText(t: TFunction, stock: number): string {
  if (stock < 0) return t('bar.stockBelow', { stock });
  if (stock === 0) return t('bar.stockOut');
  return t('bar.stockN', { stock });
}

export function QuickPick(props: {
  items: BarItem[] | null;
  itemsError: unknown;
  slip: SlipLine[];
  disabled: boolean;
  onPick(itemId: number): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const itemsError = props.itemsError ?? null;
  const groups = useMemo(() => groupByCategory((props.items ?? []).filter((i) => i.active)), [props.items]);
  const inSlip = useMemo(() => new Map(props.slip.map((l) => [l.itemId, l.quantity])), [props.slip]);

  return (
    <section className="card bar-pick" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="bar-pick-title">
        {t('bar.pickTitle')}
      </h2>
      {props.items === null && !itemsError && <p className="muted">{t('common.loading')}</p>}
      {itemsError !== null && props.items === null && (
        <p className="field-error" role="alert">
          {errorText(itemsError)}
        </p>
      )}
      {props.items !== null && groups.length === 0 && <p className="empty">{t('bar.noItems')}</p>}
      <div className="bar-pick-scroll">
        {groups.map((g, gi) => (
          <div key={g.category} className="bar-pick-group" role="group" aria-labelledby={`${uid}-g${gi}`}>
            <h3 id={`${uid}-g${gi}`} className="bar-pick-cat">
              {g.category}
            </h3>
            <div className="bar-pick-grid">
              {g.items.map((it) => {
                const low = it.stock <= 0;
                const n = inSlip.get(it.id);
                return (
                  <button
                    key={it.id}
                    type="button"
                    className={low ? 'bar-pick-btn low' : 'bar-pick-btn'}
                    disabled={props.disabled}
                    aria-label={t('bar.pickLabel', {
                      name: it.name,
                      price: fmtMoney(it.priceCents),
                      stock: stockText(t, it.stock),
                    })}
                    title={it.notes || undefined}
                    onClick={() => props.onPick(it.id)}
                  >
                    <span className="bar-pick-name">{it.name}</span>
                    <span className="bar-pick-price">{fmtMoney(it.priceCents)}</span>
                    <span className={low ? 'bar-pick-stock low' : 'bar-pick-stock'}>
                      {stockText(t, it.stock)}
                    </span>
                    {n !== undefined && (
                      <span className="bar-pick-count" aria-hidden="true">
                        ×{n}
                      </span>
                    )}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
