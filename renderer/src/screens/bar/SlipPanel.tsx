/** The pending slip: what was picked, with − / + / remove, its total and "Save slip". */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarItem, Tab } from '../../../../electron/core/contract';
import { fmtMoney } from '../../format';
import { MAX_QTY, useBar, useSalesPoint, type SlipLine } from '../../stores/bar';

export function SlipPanel(props: {
  tab: Tab | null;
  slip: SlipLine[];
  byId: Map<number, BarItem>;
  canSell: boolean;
  onSave(): void;
}) {
  const { t } = useTranslation();
  const { point } = useSalesPoint();
  const uid = useId();
  const saving = useBar((s) => s.saving);
  const { add, remove, clearSlip } = useBar.getState();
  const total = props.slip.reduce(
    (sum, l) => sum + (props.byId.get(l.itemId)?.priceCents ?? 0) * l.quantity,
    0,
  );
  const { tab } = props;
  const canSave = props.canSell && !!tab && tab.open && props.slip.length > 0 && !saving;

  let target: string;
  if (!tab) target = t('bar.slipNoTab');
  else if (!tab.open) target = t('bar.slipTabClosed');
  else
    target =
      tab.visit.tagNumber !== null
        ? t('bar.slipFor', { tag: tab.visit.tagNumber, name: tab.visit.name })
        : t('bar.slipForNoTag', { name: tab.visit.name });

  return (
    <section className="card bar-slip" aria-labelledby={`${uid}-h`}>
      <div className="bar-slip-head">
        <h2 id={`${uid}-h`}>{t('bar.slipTitle', { context: point })}</h2>
        <span className={tab && tab.open ? 'bar-slip-target' : 'bar-slip-target warn'}>{target}</span>
      </div>
      {props.slip.length === 0 ? (
        <p className="muted bar-slip-empty">{t('bar.slipEmpty', { context: point })}</p>
      ) : (
        <ul className="bar-slip-list" aria-label={t('bar.slipTitle', { context: point })}>
          {props.slip.map((l) => {
            const item = props.byId.get(l.itemId);
            const name = item?.name ?? `#${l.itemId}`;
            return (
              <li key={l.itemId} className="bar-slip-line">
                <span className="bar-slip-name">{name}</span>
                <span className="bar-slip-qty">
                  <button
                    type="button"
                    className="btn btn-small bar-qty-btn"
                    aria-label={t('bar.less', { name })}
                    onClick={() => add(l.itemId, -1)}
                  >
                    −
                  </button>
                  <span className="bar-slip-n">{l.quantity}</span>
                  <button
                    type="button"
                    className="btn btn-small bar-qty-btn"
                    aria-label={t('bar.more', { name })}
                    disabled={l.quantity >= MAX_QTY}
                    onClick={() => add(l.itemId, 1)}
                  >
                    +
                  </button>
                </span>
                <span className="bar-slip-amount num">{fmtMoney((item?.priceCents ?? 0) * l.quantity)}</span>
                <button
                  type="button"
                  className="btn btn-small btn-ghost bar-slip-remove"
                  aria-label={t('bar.removeFromSlip', { name, context: point })}
                  onClick={() => remove(l.itemId)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="bar-slip-foot">
        <div className="bar-slip-total">
          <span>{t('bar.slipTotal')}</span>
          <strong>{fmtMoney(total)}</strong>
        </div>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={props.slip.length === 0 || saving}
          onClick={clearSlip}
        >
          {t('bar.clearSlip')}
        </button>
        <button
          type="button"
          className="btn btn-primary btn-big bar-save"
          disabled={!canSave}
          aria-describedby={`${uid}-target`}
          onClick={props.onSave}
        >
          {t('bar.saveSlip', { context: point })}
        </button>
        <span id={`${uid}-target`} className="sr-only">
          {target}
        </span>
      </div>
    </section>
  );
}
