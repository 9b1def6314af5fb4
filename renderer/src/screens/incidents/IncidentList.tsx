/**
 * The incident lists. Managers: the review (filters, search, follow-ups due today / overdue, totals
 * of examination costs and compensation, incidents per month by kind, CSV export). Reception: the
 * open incidents and the ones they opened, without medical details or money.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentKind,
  type IncidentList,
  type IncidentSummary,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../../electron/core/contract';
import { call, type OpArgs } from '../../api';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { MonthChart } from './MonthChart';
import { SelectField } from './SelectField';
import { useStaffList } from './staff';
import { csvBlob, downloadBlob, severityBadge, statusBadge } from './util';

type FollowUpFilter = 'due_today' | 'overdue' | null;

function NextFollowUp({ row }: { row: IncidentSummary }) {
  const { t } = useTranslation();
  if (!row.nextFollowUpDue) return <span className="muted">—</span>;
  return (
    <span className="inc-next">
      {fmtDate(row.nextFollowUpDue)}
      {row.followUpsOverdue > 0 && (
        <span className="badge badge-block">{t('incidents.followUpState.overdue')}</span>
      )}
      {row.followUpsOverdue === 0 && row.followUpsDueToday > 0 && (
        <span className="badge badge-warn">{t('incidents.followUpState.due_today')}</span>
      )}
    </span>
  );
}

function Person({ row }: { row: IncidentSummary }) {
  if (!row.personName && !row.cardNo) return <span className="muted">—</span>;
  return (
    <span className="inc-person">
      {row.cardNo && <span className="mono inc-card">{row.cardNo}</span>} {row.personName}
    </span>
  );
}

function IncidentTable(props: {
  rows: IncidentSummary[];
  full: boolean;
  onOpen(id: number): void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="table inc-table" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{t('incidents.col.no')}</th>
          <th scope="col">{t('incidents.fields.occurredAt')}</th>
          <th scope="col">{t('incidents.col.kind')}</th>
          <th scope="col">{t('incidents.col.status')}</th>
          <th scope="col">{t('incidents.col.person')}</th>
          <th scope="col">{t('incidents.col.whatWhere')}</th>
          <th scope="col">{t('incidents.col.nextFollowUp')}</th>
          {props.full && (
            <>
              <th scope="col" className="num">
                {t('incidents.col.examCost')}
              </th>
              <th scope="col" className="num">
                {t('incidents.col.compensation')}
              </th>
            </>
          )}
          <th scope="col">{t('incidents.col.openedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id} className="inc-row" onClick={() => props.onOpen(r.id)}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={t('incidents.openRecord', { id: r.id })}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onOpen(r.id);
                }}
              >
                #{r.id}
              </button>
            </td>
            <td className="inc-nowrap">{fmtDateTime(r.occurredAt)}</td>
            <td>
              <span className="inc-kind">
                <span className={`inc-swatch kind-${r.kind}`} aria-hidden="true" />
                {t(`incidents.kinds.${r.kind}`)}
              </span>
              {props.full && r.severity && (
                <span className={severityBadge(r.severity)}>{t(`incidents.severities.${r.severity}`)}</span>
              )}
            </td>
            <td>
              <span className={statusBadge(r.status)}>{t(`incidents.status.${r.status}`)}</span>
            </td>
            <td>
              <Person row={r} />
            </td>
            <td className="inc-what">
              <span className="inc-place">{r.place}</span>
              <span className="inc-what-text">{r.what}</span>
            </td>
            <td>
              <NextFollowUp row={r} />
            </td>
            {props.full && (
              <>
                <td className="num">
                  {r.examinationCostCents != null ? fmtMoney(r.examinationCostCents) : '—'}
                </td>
                <td className="num">
                  {r.compensationAgreedCents != null ? fmtMoney(r.compensationAgreedCents) : '—'}
                </td>
              </>
            )}
            <td>{r.openedBy.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Reloads on every change announced by the core that concerns incidents. */
export function useIncidentChanges(reload: () => void, reloadKey: number): void {
  const ref = useRef(reload);
  useEffect(() => {
    ref.current = reload;
  });
  useEffect(() => {
    ref.current();
  }, [reloadKey]);
}

export function DeskList(props: { onOpen(id: number): void; reloadKey: number }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.info?.staff.id);
  const [list, setList] = useState<IncidentList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useIncidentChanges(() => {
    call('incidents.list', { limit: 500 })
      .then((l) => {
        setList(l);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, props.reloadKey);

  if (error)
    return (
      <div className="field-error" role="alert">
        {error}
      </div>
    );
  if (!list) return <p className="muted">{t('common.loading')}</p>;
  const open = list.rows.filter((r) => r.status !== 'closed');
  const mine = list.rows.filter((r) => r.status === 'closed' && r.openedBy.id === me);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="inc-open-h">
        <h2 id="inc-open-h">
          {t('incidents.desk.openTitle')} <span className="badge badge-muted">{open.length}</span>
        </h2>
        {open.length === 0 ? (
          <p className="empty">{t('incidents.desk.noneOpen')}</p>
        ) : (
          <IncidentTable
            rows={open}
            full={false}
            onOpen={props.onOpen}
            label={t('incidents.desk.openTitle')}
          />
        )}
      </section>
      <section className="card" aria-labelledby="inc-mine-h">
        <h2 id="inc-mine-h">{t('incidents.desk.mineTitle')}</h2>
        {mine.length === 0 ? (
          <p className="empty">{t('incidents.desk.noneMine')}</p>
        ) : (
          <IncidentTable
            rows={mine}
            full={false}
            onOpen={props.onOpen}
            label={t('incidents.desk.mineTitle')}
          />
        )}
      </section>
      <p className="muted">{t('incidents.desk.privacy')}</p>
    </div>
  );
}

interface Filters {
  from: string;
  to: string;
  kind: IncidentKind | '';
  status: IncidentStatus | '';
  severity: IncidentSeverity | '';
  staffId: number | null;
  member: PickedMember | null;
  q: string;
  followUps: FollowUpFilter;
}

const initialFilters = (): Filters => {
  const today = clubToday();
  return {
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    kind: '',
    status: '',
    severity: '',
    staffId: null,
    member: null,
    q: '',
    followUps: null,
  };
};

function toArgs(f: Filters, withFollowUps = true): OpArgs<'incidents.exportCsv'> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.staffId !== null ? { staffId: f.staffId } : {}),
    ...(f.member ? { memberId: f.member.id } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(withFollowUps && f.followUps ? { followUps: f.followUps } : {}),
  };
}

export function ReviewPanel(props: { onOpen(id: number): void; reloadKey: number }) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useStaffList();
  const canCsv = useCan('incidents.exportCsv');
  const [f, setF] = useState<Filters>(initialFilters);
  const [list, setList] = useState<IncidentList | null>(null);
  const [counts, setCounts] = useState<{ dueToday: number; overdue: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const set = (patch: Partial<Filters>) => setF((x) => ({ ...x, ...patch }));
  const rangeBad = !!f.from && !!f.to && f.to < f.from;

  useIncidentChanges(() => setTick((n) => n + 1), props.reloadKey);

  useEffect(() => {
    if (rangeBad) return;
    let live = true;
    const id = setTimeout(
      () => {
        setLoading(true);
        const main = call('incidents.list', { ...toArgs(f), limit: 500 });
        const forCounts = f.followUps ? call('incidents.list', { ...toArgs(f, false), limit: 1 }) : main;
        Promise.all([main, forCounts])
          .then(([l, c]) => {
            if (!live) return;
            setList(l);
            setCounts(c.followUps);
            setError(null);
          })
          .catch((e: unknown) => live && setError(errorText(e)))
          .finally(() => live && setLoading(false));
      },
      f.q ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [f, rangeBad, tick]);

  const exportCsv = async () => {
    try {
      const r = await call('incidents.exportCsv', toArgs(f));
      downloadBlob(csvBlob(r.csv), r.filename);
      toast.ok(t('incidents.review.csvDone', { count: r.count, filename: r.filename }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  const quick = (which: FollowUpFilter) => set({ followUps: f.followUps === which ? null : which });
  const totals = list?.totals;

  return (
    <div className="stack inc-review">
      <form
        className="inc-filters card"
        role="search"
        aria-label={t('incidents.review.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('common.from')}</label>
          <input
            id={`${uid}-from`}
            type="date"
            value={f.from}
            onChange={(e) => set({ from: e.target.value })}
            aria-invalid={rangeBad || undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('common.to')}</label>
          <input
            id={`${uid}-to`}
            type="date"
            value={f.to}
            onChange={(e) => set({ to: e.target.value })}
            aria-invalid={rangeBad || undefined}
          />
        </div>
        <SelectField
          id={`${uid}-kind`}
          label={t('incidents.fields.kind')}
          value={f.kind}
          options={INCIDENT_KINDS}
          optionLabel={(k) => t(`incidents.kinds.${k}`)}
          blank={t('common.all')}
          onChange={(kind) => set({ kind })}
        />
        <SelectField
          id={`${uid}-status`}
          label={t('incidents.col.status')}
          value={f.status}
          options={INCIDENT_STATUSES}
          optionLabel={(s) => t(`incidents.status.${s}`)}
          blank={t('common.all')}
          onChange={(status) => set({ status })}
        />
        <SelectField
          id={`${uid}-sev`}
          label={t('incidents.fields.severity')}
          value={f.severity}
          options={INCIDENT_SEVERITIES}
          optionLabel={(s) => t(`incidents.severities.${s}`)}
          blank={t('common.all')}
          onChange={(severity) => set({ severity })}
        />
        <div className="field">
          <label htmlFor={`${uid}-staff`}>{t('incidents.review.staff')}</label>
          <select
            id={`${uid}-staff`}
            value={f.staffId ?? ''}
            onChange={(e) => set({ staffId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('common.all')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="inc-filter-member">
          <MemberPicker
            label={t('incidents.review.member')}
            value={f.member}
            onChange={(m) => set({ member: m })}
          />
        </div>
        <div className="field inc-filter-q">
          <label htmlFor={`${uid}-q`}>{t('common.search')}</label>
          <input
            id={`${uid}-q`}
            type="search"
            maxLength={100}
            value={f.q}
            placeholder={t('incidents.review.searchPlaceholder')}
            onChange={(e) => set({ q: e.target.value })}
          />
        </div>
      </form>
      {rangeBad && (
        <div className="field-error" role="alert">
          {t('incidents.review.badRange')}
        </div>
      )}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}

      <div className="inc-overview">
        <div className="inc-stats" aria-label={t('incidents.review.summary')} role="group">
          <button
            type="button"
            className={`inc-stat inc-quick ${counts && counts.dueToday > 0 ? 'warn' : ''}`}
            aria-pressed={f.followUps === 'due_today'}
            onClick={() => quick('due_today')}
          >
            <span className="inc-stat-label">{t('incidents.review.dueToday')}</span>
            <strong>{counts?.dueToday ?? '…'}</strong>
          </button>
          <button
            type="button"
            className={`inc-stat inc-quick ${counts && counts.overdue > 0 ? 'block' : ''}`}
            aria-pressed={f.followUps === 'overdue'}
            onClick={() => quick('overdue')}
          >
            <span className="inc-stat-label">{t('incidents.review.overdue')}</span>
            <strong>{counts?.overdue ?? '…'}</strong>
          </button>
          <div className="inc-stat">
            <span className="inc-stat-label">{t('incidents.review.count')}</span>
            <strong>{list?.total ?? '…'}</strong>
          </div>
          <div className="inc-stat" data-testid="total-exam">
            <span className="inc-stat-label">{t('incidents.review.examTotal')}</span>
            <strong>{totals ? fmtMoney(totals.examinationCostCents) : '…'}</strong>
          </div>
          <div className="inc-stat">
            <span className="inc-stat-label">{t('incidents.review.compAskedTotal')}</span>
            <strong>{totals ? fmtMoney(totals.compensationAskedCents) : '…'}</strong>
          </div>
          <div className="inc-stat" data-testid="total-comp">
            <span className="inc-stat-label">{t('incidents.review.compAgreedTotal')}</span>
            <strong>{totals ? fmtMoney(totals.compensationAgreedCents) : '…'}</strong>
          </div>
        </div>
        <div className="card inc-chart-card">{list?.perMonth && <MonthChart months={list.perMonth} />}</div>
      </div>

      <section className="card" aria-busy={loading} aria-labelledby={`${uid}-list`}>
        <div className="inc-list-head">
          <h2 id={`${uid}-list`}>
            {t('incidents.review.listTitle')}{' '}
            {f.followUps && (
              <span className={f.followUps === 'overdue' ? 'badge badge-block' : 'badge badge-warn'}>
                {t(f.followUps === 'overdue' ? 'incidents.review.overdue' : 'incidents.review.dueToday')}
              </span>
            )}
          </h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => setF(initialFilters())}>
            {t('incidents.review.clear')}
          </button>
          {canCsv && (
            <button type="button" className="btn" onClick={() => void exportCsv()} disabled={rangeBad}>
              {t('incidents.review.exportCsv')}
            </button>
          )}
        </div>
        {list && list.rows.length === 0 ? (
          <p className="empty">{t('incidents.review.none')}</p>
        ) : (
          list && (
            <IncidentTable
              rows={list.rows}
              full
              onOpen={props.onOpen}
              label={t('incidents.review.listTitle')}
            />
          )
        )}
        {list && list.total > list.rows.length && (
          <p className="muted">
            {t('incidents.review.more', { shown: list.rows.length, total: list.total })}
          </p>
        )}
      </section>
    </div>
  );
}
