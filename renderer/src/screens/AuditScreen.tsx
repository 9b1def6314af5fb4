/**
 * The audit log: who did what and when, filtered by text, date range and staff member, with the
 * recorded before/after of each change. Read-only; 50 rows a page.
 */
import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpArgs, OpResult } from '../api';
import { errorText } from '../errorText';
import { fmtDateTime } from '../format';
import { useOp } from '../query';
import { useCan } from '../stores/session';
import { wordIn } from '../i18n/keys';
import { fmtMoney } from '../format';
import { useNav, type Screen } from '../stores/nav';

type StaffInfo = OpResult<'staff.list'>[number];

const PAGE = 50;
type Filters = { q: string; from: string; to: string; staffId: string; lookups: boolean };
const EMPTY: Filters = { q: '', from: '', to: '', staffId: '', lookups: false };
type AuditRow = OpResult<'audit.search'>['rows'][number];

/** Where an entry's record is shown (the member, the incident, the shift, the bar report). */
/** The sales point an entry's `after` names (bar.sell, bar.receive, bar.stocktake…), if any. */
function pointOf(after: string | null): string | undefined {
  if (after === null || !after.includes('"point"')) return undefined;
  try {
    const p: unknown = (JSON.parse(after) as { point?: unknown }).point;
    return typeof p === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

function linkOf(r: AuditRow): { screen: Screen; params?: Record<string, number> } | null {
  if (r.member) return { screen: 'members', params: { memberId: r.member.id } };
  const id = r.entityId !== null && /^\d+$/.test(r.entityId) ? Number(r.entityId) : null;
  if (r.entity === 'incident' && id !== null) return { screen: 'incidents', params: { incidentId: id } };
  if (r.entity === 'shift' || r.entity === 'day_close' || r.op.startsWith('shift.'))
    return { screen: 'shift' };
  if (r.op.startsWith('bar.')) return { screen: 'barReport' };
  return null;
}

const NOBODY: StaffInfo[] = [];

function searchArgs(f: Filters, offset: number): OpArgs<'audit.search'> {
  const args: OpArgs<'audit.search'> = { limit: PAGE, offset };
  if (f.q.trim()) args.q = f.q.trim();
  if (f.from) args.from = f.from;
  if (f.to) args.to = f.to;
  if (f.staffId) args.staffId = Number(f.staffId);
  if (!f.lookups) args.hideLookups = true;
  return args;
}

/** JSON pretty-printed; anything else as it is. */
function pretty(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}

export default function AuditScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const go = useNav((s) => s.go);
  const canStaff = useCan('staff.list');
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const staff = useOp('staff.list', { includeInactive: true }, { enabled: canStaff }).data ?? NOBODY;
  const [open, setOpen] = useState<Set<number>>(new Set());

  // the page asked for; not live (the log grows with every action: it would move under the reader)
  const pageQuery = useOp('audit.search', searchArgs(applied, offset), { live: false, keepPrevious: true });
  const page = pageQuery.data ?? null;
  const error = pageQuery.isError ? errorText(pageQuery.error) : null;
  const loading = pageQuery.isFetching;

  /** Shows a page of these filters (the same page again: fetched again, with what was added since). */
  const show = (f: Filters, off: number) => {
    setOpen(new Set());
    if (JSON.stringify(searchArgs(f, off)) === JSON.stringify(searchArgs(applied, offset)))
      void pageQuery.refetch();
    setApplied(f);
    setOffset(off);
  };
  const search = (ev: FormEvent) => {
    ev.preventDefault();
    show({ ...draft }, 0);
  };
  const clear = () => {
    setDraft(EMPTY);
    show({ ...EMPTY }, 0);
  };
  const goTo = (off: number) => show(applied, off);
  const toggle = (id: number) =>
    setOpen((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  // an entry of the pro shop (its `after` says point 'shop') in the shop's words: audit.ops.bar.sell_shop
  const opLabel = (op: string, after: string | null) =>
    /^[A-Za-z]+\.[A-Za-z]+$/.test(op) ? wordIn('audit.ops', op, null, { context: pointOf(after) }) : null;

  const total = page?.total ?? 0;
  const rows = page?.rows ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('audit.title')}</h1>
      </div>
      <form className="toolbar card" onSubmit={search} role="search" aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor={`${uid}-q`}>{t('audit.q')}</label>
          <input
            id={`${uid}-q`}
            type="search"
            maxLength={100}
            placeholder={t('audit.qPlaceholder')}
            value={draft.q}
            onChange={(e) => setDraft((p) => ({ ...p, q: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('audit.from')}</label>
          <input
            id={`${uid}-from`}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft((p) => ({ ...p, from: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('audit.to')}</label>
          <input
            id={`${uid}-to`}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft((p) => ({ ...p, to: e.target.value }))}
          />
        </div>
        {canStaff && (
          <div className="field">
            <label htmlFor={`${uid}-staff`}>{t('audit.staff')}</label>
            <select
              id={`${uid}-staff`}
              value={draft.staffId}
              onChange={(e) => setDraft((p) => ({ ...p, staffId: e.target.value }))}
            >
              <option value="">{t('audit.allStaff')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.active ? '' : ` (${t('audit.inactive')})`}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.lookups}
            onChange={(e) => setDraft((p) => ({ ...p, lookups: e.target.checked }))}
          />{' '}
          {t('audit.lookups')}
        </label>
        <button type="submit" className="btn btn-primary">
          {t('audit.search')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={clear}>
          {t('audit.clear')}
        </button>
      </form>

      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {!page && error
            ? ''
            : loading || !page
              ? t('common.loading')
              : total === 0
                ? t('audit.none')
                : t('audit.range', { from: offset + 1, to: offset + rows.length, total })}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          disabled={loading || offset === 0}
          onClick={() => goTo(Math.max(0, offset - PAGE))}
        >
          {t('audit.prev')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={loading || offset + rows.length >= total}
          onClick={() => goTo(offset + PAGE)}
        >
          {t('audit.next')}
        </button>
      </div>

      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.staff')}</th>
              <th scope="col">{t('audit.op')}</th>
              <th scope="col">{t('audit.member')}</th>
              <th scope="col">{t('audit.tag')}</th>
              <th scope="col">{t('audit.amount')}</th>
              <th scope="col">{t('audit.authorizer')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = opLabel(r.op, r.after);
              const expanded = open.has(r.id);
              const hasDetails = r.before !== null || r.after !== null || r.detail !== null;
              const link = linkOf(r);
              return (
                <Fragment key={r.id}>
                  <tr>
                    <td>{fmtDateTime(r.at)}</td>
                    <td>{r.staffName ?? '—'}</td>
                    <td>
                      {label && <div>{label}</div>}
                      <div className="mono muted">{r.op}</div>
                    </td>
                    <td>{r.member ? `${r.member.name}（${r.member.cardNo}）` : '—'}</td>
                    <td>{r.tag ?? '—'}</td>
                    <td className="num">{r.amountCents !== null ? fmtMoney(r.amountCents) : '—'}</td>
                    <td>
                      {r.authorizer ?? '—'}
                      {r.reasonCode && (
                        <div className="muted">
                          {wordIn('checkin.auth.reasons', r.reasonCode, r.reasonCode)}
                        </div>
                      )}
                    </td>
                    <td>
                      {link ? (
                        <button
                          type="button"
                          className="btn btn-small btn-link"
                          onClick={() => go(link.screen, link.params)}
                        >
                          {t('audit.open')}
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {hasDetails && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-expanded={expanded}
                          aria-controls={`${uid}-d-${r.id}`}
                          aria-label={t('audit.detailsFor', { op: label ?? r.op, time: fmtDateTime(r.at) })}
                          onClick={() => toggle(r.id)}
                        >
                          {t('audit.details')} {expanded ? '▴' : '▾'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={`${uid}-d-${r.id}`}>
                      <td colSpan={9}>
                        {r.detail !== null && (
                          <p>
                            <strong>{t('audit.detail')}:</strong> {r.detail}
                          </p>
                        )}
                        <div className="grid-2">
                          {r.before !== null && (
                            <div>
                              <h3>{t('audit.before')}</h3>
                              <pre className="mono">{pretty(r.before)}</pre>
                            </div>
                          )}
                          {r.after !== null && (
                            <div>
                              <h3>{t('audit.after')}</h3>
                              <pre className="mono">{pretty(r.after)}</pre>
                            </div>
                          )}
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
