/**
 * The quick-pick grid: the items on sale as big buttons (name, price, stock), the favourites' page
 * first (常用), then a page per category, with a number key per tile (1–9, 0), so a menu of any
 * length never needs scrolling.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BarItem } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtMoney } from '../../format';
import { menuPages, useSalesPoint, type SlipLine } from '../../stores/bar';

/** The stock as words (colour comes with it: at or below zero is amber). */
export function stockText(t: TFunction, stock: number): string {
  if (stock < 0) return t('bar.stockBelow', { stock });
  if (stock === 0) return t('bar.stockOut');
  return t('bar.stockN', { stock });
}

/** The number key of the tile at this place on its page. */
function tileKey(i: number): string {
  return i === 9 ? '0' : String(i + 1);
}

export function QuickPick(props: {
  items: BarItem[] | null;
  itemsError: unknown;
  slip: SlipLine[];
  disabled: boolean;
  onPick(itemId: number): void;
  /** Escape: back to the tag field. */
  onEscape(): void;
}) {
  const { t } = useTranslation();
  const { point } = useSalesPoint();
  const uid = useId();
  const itemsError = props.itemsError ?? null;
  const favouritesLabel = t('bar.pickFavourites');
  const pages = useMemo(
    () =>
      menuPages(
        (props.items ?? []).filter((i) => i.active),
        favouritesLabel,
      ),
    [props.items, favouritesLabel],
  );
  const [pageKey, setPageKey] = useState<string | null>(null);
  const index = Math.max(
    0,
    pages.findIndex((p) => p.key === pageKey),
  );
  const page = pages[index];
  const inSlip = useMemo(() => new Map(props.slip.map((l) => [l.itemId, l.quantity])), [props.slip]);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const turn = (to: number) => {
    if (pages.length === 0) return;
    const n = (to + pages.length) % pages.length;
    setPageKey(pages[n]!.key);
    tabRefs.current[n]?.focus();
  };
  // number keys pick the tiles of the page; arrows and PageUp/PageDown turn the pages
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onEscape();
    } else if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      const it = page?.items[e.key === '0' ? 9 : Number(e.key) - 1];
      if (it && !props.disabled) props.onPick(it.id);
    } else if (
      e.key === 'PageDown' ||
      (e.key === 'ArrowRight' && (e.target as Element).closest('[role="tablist"]'))
    ) {
      e.preventDefault();
      turn(index + 1);
    } else if (
      e.key === 'PageUp' ||
      (e.key === 'ArrowLeft' && (e.target as Element).closest('[role="tablist"]'))
    ) {
      e.preventDefault();
      turn(index - 1);
    }
  };

  return (
    <section className="card bar-pick" aria-labelledby={`${uid}-h`} tabIndex={-1} onKeyDown={onKeyDown}>
      <h2 id={`${uid}-h`} className="bar-pick-title">
        {t('bar.pickTitle', { context: point })}{' '}
        <span className="muted bar-pick-hint">{t('bar.pickKeys')}</span>
      </h2>
      {props.items === null && !itemsError && <p className="muted">{t('common.loading')}</p>}
      {itemsError !== null && props.items === null && (
        <p className="field-error" role="alert">
          {errorText(itemsError)}
        </p>
      )}
      {props.items !== null && pages.length === 0 && (
        <p className="empty">{t('bar.noItems', { context: point })}</p>
      )}
      {pages.length > 1 && (
        <div
          className="tabs bar-pick-pages"
          role="tablist"
          aria-label={t('bar.pickPages', { context: point })}
        >
          {pages.map((p, i) => (
            <button
              key={p.key}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              className="tab"
              id={`${uid}-p${i}`}
              aria-selected={i === index}
              aria-controls={`${uid}-grid`}
              tabIndex={i === index ? 0 : -1}
              onClick={() => setPageKey(p.key)}
            >
              {p.label}
            </button>
          ))}
        </div>
      )}
      {page && (
        <div
          id={`${uid}-grid`}
          className="bar-pick-grid"
          role={pages.length > 1 ? 'tabpanel' : 'group'}
          aria-labelledby={pages.length > 1 ? `${uid}-p${index}` : `${uid}-h`}
        >
          {page.items.map((it, i) => {
            const low = it.stock <= 0;
            const n = inSlip.get(it.id);
            return (
              <button
                key={it.id}
                type="button"
                className={low ? 'bar-pick-btn low' : 'bar-pick-btn'}
                disabled={props.disabled}
                aria-keyshortcuts={tileKey(i)}
                aria-label={t('bar.pickLabel', {
                  name: it.name,
                  price: fmtMoney(it.priceCents),
                  stock: stockText(t, it.stock),
                })}
                title={it.notes || undefined}
                onClick={() => props.onPick(it.id)}
              >
                <span className="bar-pick-key" aria-hidden="true">
                  {tileKey(i)}
                </span>
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
      )}
    </section>
  );
}
