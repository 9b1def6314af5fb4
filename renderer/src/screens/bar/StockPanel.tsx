/** The items with their stock: deliveries received, and items added or edited by bar staff and managers. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarItem } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtMoney } from '../../format';
import { setItem, useBarItems, useSalesPoint } from '../../stores/bar';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ItemDialog } from './ItemDialog';
import { stockText } from './QuickPick';
import { ReceiveDialog } from './ReceiveDialog';

type Dialog = { kind: 'receive'; itemId: number | null } | { kind: 'item'; item: BarItem | null };

export function StockPanel() {
  const { t } = useTranslation();
  const uid = useId();
  const canEdit = useCan('bar.itemCreate');
  const canUpdate = useCan('bar.itemUpdate');
  // those who edit items see the ones taken off sale too
  const itemsQuery = useBarItems(canEdit || canUpdate);
  const items = itemsQuery.data ?? null;
  const { point } = useSalesPoint();
  const itemsError = itemsQuery.error;
  const canReceive = useCan('bar.receive');
  const [showInactive, setShowInactive] = useState(false);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return [...(items ?? [])]
      .filter((i) => showInactive || i.active)
      .filter((i) => !q || i.name.toLowerCase().includes(q) || i.category.toLowerCase().includes(q))
      .sort(
        (a, b) =>
          a.category.localeCompare(b.category, 'zh-CN') ||
          a.sort - b.sort ||
          a.name.localeCompare(b.name, 'zh-CN'),
      );
  }, [items, showInactive, filter]);
  const categories = useMemo(() => [...new Set((items ?? []).map((i) => i.category))].sort(), [items]);
  const lowCount = (items ?? []).filter((i) => i.active && i.stock <= 0).length;

  return (
    <div className="bar-stock">
      <div className="toolbar bar-stock-toolbar">
        <div className="field bar-stock-filter">
          <label htmlFor={`${uid}-filter`}>{t('bar.stock.filter', { context: point })}</label>
          <input
            id={`${uid}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        {(canEdit || canUpdate) && (
          <label className="check">
            <input
              type="checkbox"
              checked={showInactive}
              onChange={(e) => setShowInactive(e.target.checked)}
            />
            {t('bar.stock.showInactive', { context: point })}
          </label>
        )}
        {lowCount > 0 && (
          <span className="badge badge-warn">
            {t('bar.stock.lowCount', { count: lowCount, context: point })}
          </span>
        )}
        <span className="spacer" />
        {canReceive && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setDialog({ kind: 'receive', itemId: null })}
          >
            {t('bar.stock.receive')}
          </button>
        )}
        {canEdit && (
          <button type="button" className="btn" onClick={() => setDialog({ kind: 'item', item: null })}>
            {t('bar.stock.addItem', { context: point })}
          </button>
        )}
      </div>

      {itemsError !== null && (
        <p className="field-error" role="alert">
          {errorText(itemsError)}
        </p>
      )}
      <div className="card bar-stock-table">
        {items === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="empty">{t('bar.noItems', { context: point })}</p>
        ) : (
          <table className="table">
            <caption className="sr-only">{t('bar.stock.caption', { context: point })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bar.col.item')}</th>
                <th scope="col">{t('bar.col.category')}</th>
                <th scope="col" className="num">
                  {t('bar.col.price')}
                </th>
                <th scope="col" className="num">
                  {t('bar.col.stock')}
                </th>
                <th scope="col">{t('bar.col.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('bar.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((it) => (
                <tr key={it.id} className={it.active ? undefined : 'bar-line-muted'}>
                  <td>
                    <strong>{it.name}</strong>
                    {it.notes && <div className="muted bar-item-notes">{it.notes}</div>}
                  </td>
                  <td>{it.category}</td>
                  <td className="num">{fmtMoney(it.priceCents)}</td>
                  <td className="num">
                    {it.stock <= 0 ? (
                      <span className="badge badge-warn">{stockText(t, it.stock)}</span>
                    ) : (
                      <span className="bar-stock-n">{it.stock}</span>
                    )}
                  </td>
                  <td>
                    {it.active ? (
                      <span className="badge badge-ok">{t('bar.stock.active')}</span>
                    ) : (
                      <span className="badge badge-muted">{t('bar.stock.inactive')}</span>
                    )}
                  </td>
                  <td className="bar-line-actions">
                    {canReceive && (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('bar.stock.receiveItem', { name: it.name })}
                        onClick={() => setDialog({ kind: 'receive', itemId: it.id })}
                      >
                        {t('bar.stock.receiveShort')}
                      </button>
                    )}
                    {canUpdate && (
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        aria-label={t('bar.stock.editItem', { name: it.name })}
                        onClick={() => setDialog({ kind: 'item', item: it })}
                      >
                        {t('bar.stock.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {dialog?.kind === 'receive' && items && (
        <ReceiveDialog
          items={items.filter((i) => i.active || i.id === dialog.itemId)}
          itemId={dialog.itemId}
          onClose={() => setDialog(null)}
          onDone={(item, quantity) => {
            setItem(item);
            toast.ok(t('bar.receiveDialog.done', { name: item.name, quantity, stock: item.stock }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'item' && (
        <ItemDialog
          item={dialog.item}
          categories={categories}
          point={point}
          onClose={() => setDialog(null)}
          onDone={(item) => {
            setItem(item);
            toast.ok(
              dialog.item
                ? t('bar.itemDialog.saved', { name: item.name })
                : t('bar.itemDialog.created', { name: item.name }),
            );
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
