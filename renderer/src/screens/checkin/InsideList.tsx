/** "Inside now": everyone checked in and not yet out, with a filter and a check-out button per row. */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsideVisit } from '../../../../electron/core/contract';
import { fmtDuration, fmtMoney, fmtTime } from '../../format';

export function matchesInside(r: InsideVisit, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  if (!q) return true;
  return (
    r.name.toLowerCase().includes(q) ||
    (r.cardNo ?? '').toLowerCase().includes(q) ||
    (r.tagNumber !== null && String(r.tagNumber) === q)
  );
}

/** Same row on the screen: a refresh brings new objects, but most rows did not change. */
function sameRow(a: InsideVisit, b: InsideVisit): boolean {
  return (
    a.visitId === b.visitId &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.cardNo === b.cardNo &&
    a.tagNumber === b.tagNumber &&
    a.checkedInAt === b.checkedInAt &&
    a.tabCents === b.tabCents
  );
}

interface RowProps {
  row: InsideVisit;
  /** Changes every 30 s: the time inside moves on. */
  tick: number;
  canCheckout: boolean;
  onCheckout(visitId: number): void;
}

/** One person inside; rendered again only when what it shows changed (not on every refresh). */
const InsideRowView = memo(
  function InsideRowView({ row: r, canCheckout, onCheckout }: RowProps) {
    const { t } = useTranslation();
    return (
      <tr data-visit={r.visitId}>
        <td className="inside-tag">
          {r.tagNumber ?? <span className="muted">{t('checkin.noTagShort')}</span>}
        </td>
        <td className="inside-who">
          {/* one line: the name, then the kind and the card (cut with … when narrow) */}
          <div className="inside-line" title={r.cardNo ? `${r.name} ${r.cardNo}` : r.name}>
            <span className="inside-name">{r.name}</span>
            {/* members are most of the list: only a trial guest or a coach is marked */}
            {r.kind !== 'member' && <span className="badge badge-warn">{t(`checkin.kind.${r.kind}`)}</span>}
            {r.cardNo && <span className="muted inside-card">{r.cardNo}</span>}
          </div>
        </td>
        <td className="inside-since">
          {fmtTime(r.checkedInAt)} <span className="muted inside-dur">{fmtDuration(r.checkedInAt)}</span>
        </td>
        <td className="num">
          {r.tabCents > 0 ? <strong>{fmtMoney(r.tabCents)}</strong> : <span className="muted">—</span>}
        </td>
        <td>
          {canCheckout && (
            <button
              type="button"
              className="btn inside-out"
              aria-label={t('checkin.inside.checkoutWho', {
                name: r.name,
                tag: r.tagNumber ?? '—',
              })}
              onClick={() => onCheckout(r.visitId)}
            >
              {t('checkin.inside.checkout')}
            </button>
          )}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.tick === b.tick &&
    a.canCheckout === b.canCheckout &&
    a.onCheckout === b.onCheckout &&
    sameRow(a.row, b.row),
);

export const InsideList = memo(function InsideList(props: {
  rows: InsideVisit[];
  stale: boolean;
  canCheckout: boolean;
  onCheckout(visitId: number): void;
  onCheckoutTag(tag: number): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [filter, setFilter] = useState('');
  const [tag, setTag] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);
  const rows = useMemo(() => props.rows.filter((r) => matchesInside(r, filter)), [props.rows, filter]);

  return (
    <section className="inside card" aria-labelledby={`${uid}-h`}>
      <div className="inside-head">
        <h2 id={`${uid}-h`}>
          {t('checkin.inside.title')} <span className="inside-count">{props.rows.length}</span>
        </h2>
        {props.stale && <span className="badge badge-warn">{t('checkin.inside.stale')}</span>}
      </div>
      <div className="inside-tools">
        {props.canCheckout && (
          <form
            className="field inside-tagout"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(tag);
              if (tag && Number.isInteger(n) && n > 0) {
                props.onCheckoutTag(n);
                setTag('');
              }
            }}
          >
            <label htmlFor={`${uid}-tag`}>{t('checkin.inside.checkoutTag')}</label>
            <input
              id={`${uid}-tag`}
              inputMode="numeric"
              maxLength={6}
              value={tag}
              onChange={(e) => setTag(e.target.value.replace(/\D/g, ''))}
            />
          </form>
        )}
        <div className="field inside-filter">
          <label htmlFor={`${uid}-filter`}>{t('checkin.inside.filter')}</label>
          <input
            id={`${uid}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>
      <div className="inside-scroll">
        {rows.length === 0 ? (
          <p className="muted inside-empty">
            {props.rows.length === 0 ? t('checkin.inside.empty') : t('checkin.inside.noMatch')}
          </p>
        ) : (
          <table className="table inside-table" aria-labelledby={`${uid}-h`}>
            <thead>
              <tr>
                <th scope="col" className="inside-col-tag">
                  {t('checkin.inside.tag')}
                </th>
                <th scope="col">{t('checkin.inside.name')}</th>
                <th scope="col" className="inside-col-since">
                  {t('checkin.inside.since')}
                </th>
                <th scope="col" className="num inside-col-tab">
                  {t('checkin.inside.tab')}
                </th>
                <th scope="col" className="inside-col-out">
                  <span className="sr-only">{t('checkin.inside.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <InsideRowView
                  key={r.visitId}
                  row={r}
                  tick={tick}
                  canCheckout={props.canCheckout}
                  onCheckout={props.onCheckout}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
});
