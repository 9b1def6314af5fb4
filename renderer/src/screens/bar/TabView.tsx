/** The open tab: who (tag number big), the slip lines with Correct / Void, and what is unpaid. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tab, TabLine } from '../../../../electron/core/contract';
import { fmtMoney, fmtTime } from '../../format';

function LineStatus({ line, open }: { line: TabLine; open: boolean }) {
  const { t } = useTranslation();
  if (line.removed) return <span className="badge badge-muted">{t('bar.line.removed')}</span>;
  if (line.voided) return <span className="badge badge-block">{t('bar.line.voided')}</span>;
  if (line.paid) return <span className="badge badge-ok">{t('bar.line.paid')}</span>;
  if (!open) return <span className="badge badge-warn">{t('bar.line.owed')}</span>;
  return <span className="badge badge-muted">{t('bar.line.unpaid')}</span>;
}

export function TabView(props: {
  tab: Tab | null;
  canCorrect: boolean;
  canVoid: boolean;
  onCorrect(line: TabLine): void;
  onVoid(line: TabLine): void;
  onClose(): void;
  onRefresh(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { tab } = props;

  if (!tab) {
    return (
      <section className="card bar-tab bar-tab-empty" aria-label={t('bar.tabTitle')}>
        <p className="empty">{t('bar.noTab')}</p>
      </section>
    );
  }

  const v = tab.visit;
  return (
    <section className="card bar-tab" aria-labelledby={`${uid}-who`}>
      <div className="bar-tab-head">
        <div className="bar-tab-tag">
          <span className="sr-only">
            {v.tagNumber !== null ? t('bar.tagN', { tag: v.tagNumber }) : t('bar.noTagShort')}
          </span>
          <span className="bar-tab-tag-word" aria-hidden="true">
            {t('bar.tagWord')}
          </span>
          <span className="bar-tab-tag-num" aria-hidden="true">
            {v.tagNumber ?? '—'}
          </span>
        </div>
        <div className="bar-tab-who">
          <h2 id={`${uid}-who`} className="bar-tab-name">
            {v.name}
          </h2>
          <div className="bar-tab-meta">
            <span className="badge badge-muted">{t(`bar.kind.${v.kind}`)}</span>
            {v.cardNo && <span className="mono">{v.cardNo}</span>}
            <span>{t('bar.since', { time: fmtTime(v.checkedInAt) })}</span>
            {tab.open ? (
              <span className="badge badge-ok">{t('bar.tabOpen')}</span>
            ) : (
              <span className="badge badge-muted">{t('bar.tabClosed')}</span>
            )}
          </div>
        </div>
        <div className="bar-tab-tools">
          <button type="button" className="btn btn-small btn-ghost" onClick={props.onRefresh}>
            {t('bar.refreshTab')}
          </button>
          <button type="button" className="btn btn-small" onClick={props.onClose}>
            {t('bar.closeTab')}
          </button>
        </div>
      </div>

      {!tab.open && (
        <div className="banner banner-warn bar-tab-banner" role="status">
          {t('bar.closedHint')}
        </div>
      )}

      <div className="bar-tab-lines">
        {tab.lines.length === 0 ? (
          <p className="empty">{t('bar.noLines')}</p>
        ) : (
          <table className="table bar-lines">
            <caption className="sr-only">{t('bar.linesCaption', { name: v.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bar.col.time')}</th>
                <th scope="col">{t('bar.col.item')}</th>
                <th scope="col" className="num">
                  {t('bar.col.qty')}
                </th>
                <th scope="col" className="num">
                  {t('bar.col.amount')}
                </th>
                <th scope="col">{t('bar.col.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('bar.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tab.lines.map((l) => {
                const muted = l.voided || l.paid || !tab.open;
                const correctable = tab.open && !l.paid && !l.voided;
                return (
                  <tr key={l.id} className={muted ? 'bar-line-muted' : undefined}>
                    <td className="num">{fmtTime(l.createdAt)}</td>
                    <td>
                      <span className={l.voided ? 'bar-line-name voided' : 'bar-line-name'}>{l.name}</span>
                      <div className="bar-line-by muted">
                        {l.removed
                          ? t('bar.line.removedHow')
                          : l.voided && l.voidReason
                            ? t('bar.line.voidReason', { reason: l.voidReason })
                            : t('bar.line.by', { name: l.createdByName })}
                      </div>
                    </td>
                    <td className="num">
                      {t('bar.line.qtyTimes', { quantity: l.quantity, price: fmtMoney(l.unitPriceCents) })}
                    </td>
                    <td className="num bar-line-amount">{fmtMoney(l.amountCents)}</td>
                    <td>
                      <LineStatus line={l} open={tab.open} />
                    </td>
                    <td className="bar-line-actions">
                      {props.canCorrect && correctable && (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={t('bar.correctLine', { name: l.name })}
                          onClick={() => props.onCorrect(l)}
                        >
                          {t('bar.correct.button')}
                        </button>
                      )}
                      {props.canVoid && !l.voided && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost bar-void-btn"
                          aria-label={t('bar.voidLine', { name: l.name })}
                          onClick={() => props.onVoid(l)}
                        >
                          {t('bar.void.button')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>

      <div className="bar-tab-foot">
        <div className="bar-tab-unpaid">
          <span className="bar-tab-unpaid-label">{t('bar.unpaid')}</span>
          <strong className="bar-tab-unpaid-amount" data-testid="bar-unpaid">
            {fmtMoney(tab.unpaidCents)}
          </strong>
        </div>
        <dl className="bar-tab-totals">
          <dt>{t('bar.total')}</dt>
          <dd>{fmtMoney(tab.totalCents)}</dd>
          {tab.storedValueCents !== null && (
            <>
              <dt>{t('bar.storedValue')}</dt>
              <dd>{fmtMoney(tab.storedValueCents)}</dd>
            </>
          )}
        </dl>
      </div>
    </section>
  );
}
