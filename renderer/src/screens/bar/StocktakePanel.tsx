/**
 * The stocktake (daily or month-end): every item on sale with its expected stock, a "Counted" field
 * and a reason for any difference. Saving records the counts and shows the differences.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCKTAKE_KINDS, type BarReport, type StocktakeKind } from '../../../../electron/core/contract';
import { call } from '../../api';
import { FormError, RadioRow } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { fmtDateTime } from '../../format';
import { refresh } from '../../query';
import { groupByCategory, useBarItems, useSalesPoint } from '../../stores/bar';
import { toast } from '../../stores/toast';

type Kind = StocktakeKind;

/** A difference as words with its colour: "OK", "2 short", "3 over". */
export function DiffBadge({ diff }: { diff: number | null }) {
  const { t } = useTranslation();
  if (diff === null) return <span className="muted">—</span>;
  if (diff === 0) return <span className="badge badge-ok">{t('bar.stocktake.diffOk')}</span>;
  if (diff < 0)
    return <span className="badge badge-block">{t('bar.stocktake.diffShort', { count: -diff })}</span>;
  return <span className="badge badge-warn">{t('bar.stocktake.diffOver', { count: diff })}</span>;
}

const parseCount = (s: string): number | null => {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
};

export function StocktakePanel() {
  const { t } = useTranslation();
  const uid = useId();
  const items = useBarItems().data ?? null;
  const { point } = useSalesPoint();
  const [kind, setKind] = useState<Kind>('daily');
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const [result, setResult] = useState<{ report: BarReport; at: string } | null>(null);

  const active = useMemo(() => (items ?? []).filter((i) => i.active), [items]);
  const groups = useMemo(() => groupByCategory(active), [active]);
  const filled = active.filter((i) => parseCount(counts[i.id] ?? '') !== null).length;
  const bad = active.filter((i) => (counts[i.id] ?? '').trim() !== '' && parseCount(counts[i.id]!) === null);

  const fillExpected = () => {
    const next = { ...counts };
    for (const i of active) if ((next[i.id] ?? '').trim() === '') next[i.id] = String(Math.max(0, i.stock));
    setCounts(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (bad.length > 0) {
      setError(t('bar.stocktake.badCount'));
      return;
    }
    const list = active
      .map((i) => ({ i, n: parseCount(counts[i.id] ?? '') }))
      .filter((x): x is { i: (typeof active)[number]; n: number } => x.n !== null)
      .map(({ i, n }) => {
        const reason = (reasons[i.id] ?? '').trim();
        return { itemId: i.id, counted: n, ...(reason ? { reason } : {}) };
      });
    if (list.length === 0) {
      setError(t('bar.stocktake.nothingCounted', { context: point }));
      return;
    }
    await run(async () => {
      const report = await call('bar.stocktake', {
        kind,
        point,
        counts: list,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setResult({ report, at: new Date().toISOString() });
      setCounts({});
      setReasons({});
      setNote('');
      toast.ok(t('bar.stocktake.saved', { count: list.length }));
      void refresh('bar.items');
    });
  };

  if (result) {
    const rows = result.report.rows.filter((r) => r.counted !== null);
    const diffs = rows.filter((r) => r.difference !== 0);
    return (
      <section className="card bar-stocktake" aria-labelledby={`${uid}-done`}>
        <h2 id={`${uid}-done`}>{t('bar.stocktake.resultTitle')}</h2>
        <div className={diffs.length ? 'banner banner-warn' : 'banner banner-ok'} role="status">
          {diffs.length
            ? t('bar.stocktake.resultDiffs', { count: diffs.length, at: fmtDateTime(result.at) })
            : t('bar.stocktake.resultAllOk', { at: fmtDateTime(result.at) })}
        </div>
        <table className="table bar-stocktake-result">
          <caption className="sr-only">{t('bar.stocktake.resultTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bar.col.item')}</th>
              <th scope="col" className="num">
                {t('bar.col.expected')}
              </th>
              <th scope="col" className="num">
                {t('bar.col.counted')}
              </th>
              <th scope="col">{t('bar.col.difference')}</th>
              <th scope="col">{t('bar.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {[...diffs, ...rows.filter((r) => r.difference === 0)].map((r) => (
              <tr key={r.itemId}>
                <td>{r.name}</td>
                <td className="num">{r.expected}</td>
                <td className="num">{r.counted}</td>
                <td>
                  <DiffBadge diff={r.difference} />
                </td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" className="btn btn-primary" onClick={() => setResult(null)}>
            {t('bar.stocktake.again')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="bar-stocktake-form" onSubmit={(ev) => void submit(ev)} noValidate>
      <div className="card bar-stocktake-top">
        <RadioRow<Kind>
          legend={t('bar.stocktake.kind')}
          name={`${uid}-kind`}
          options={STOCKTAKE_KINDS}
          value={kind}
          onChange={setKind}
          label={(k) => t(`bar.stocktake.kinds.${k}`)}
        />
        <div className="field bar-stocktake-note">
          <label htmlFor={`${uid}-note`}>{t('bar.stocktake.note')}</label>
          <input
            id={`${uid}-note`}
            type="text"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="button" className="btn" onClick={fillExpected} disabled={active.length === 0}>
          {t('bar.stocktake.fillExpected')}
        </button>
        <span className="bar-stocktake-progress" aria-live="polite">
          {t('bar.stocktake.progress', { done: filled, count: active.length })}
        </span>
        <span className="spacer" />
        <button type="submit" className="btn btn-primary btn-big" disabled={busy || active.length === 0}>
          {t('bar.stocktake.submit')}
        </button>
      </div>
      <FormError error={error} className="bar-stocktake-error" />
      <p className="muted field-hint">{t('bar.stocktake.hint', { context: point })}</p>
      <div className="card bar-stocktake-table">
        {items === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : active.length === 0 ? (
          <p className="empty">{t('bar.noItems', { context: point })}</p>
        ) : (
          <table className="table">
            <caption className="sr-only">{t('bar.stocktake.caption', { context: point })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bar.col.item')}</th>
                <th scope="col" className="num">
                  {t('bar.col.expected')}
                </th>
                <th scope="col">{t('bar.col.counted')}</th>
                <th scope="col">{t('bar.col.difference')}</th>
                <th scope="col">{t('bar.col.reason')}</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.category}>
                <tr className="bar-cat-row">
                  <th scope="rowgroup" colSpan={5}>
                    {g.category}
                  </th>
                </tr>
                {g.items.map((i) => {
                  const raw = counts[i.id] ?? '';
                  const n = parseCount(raw);
                  const diff = n === null ? null : n - i.stock;
                  return (
                    <tr key={i.id}>
                      <td>{i.name}</td>
                      <td className="num">{i.stock}</td>
                      <td>
                        <input
                          className="input bar-count-input"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          value={raw}
                          aria-label={t('bar.stocktake.countedFor', { name: i.name })}
                          aria-invalid={(raw.trim() !== '' && n === null) || undefined}
                          onChange={(e) =>
                            setCounts({ ...counts, [i.id]: e.target.value.replace(/[^\d]/g, '') })
                          }
                        />
                      </td>
                      <td>
                        <DiffBadge diff={diff} />
                      </td>
                      <td>
                        <input
                          className="input bar-reason-input"
                          type="text"
                          maxLength={500}
                          value={reasons[i.id] ?? ''}
                          placeholder={
                            diff !== null && diff !== 0 ? t('bar.stocktake.reasonPlaceholder') : ''
                          }
                          aria-label={t('bar.stocktake.reasonFor', { name: i.name })}
                          onChange={(e) => setReasons({ ...reasons, [i.id]: e.target.value })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        )}
      </div>
    </form>
  );
}
