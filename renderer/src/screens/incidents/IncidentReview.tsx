/**
 * The managers' incident review: filters, search, follow-ups due today / overdue, totals of
 * examination costs and compensation, incidents per month by kind, CSV export.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../../electron/core/contract';
import { call, type OpArgs } from '../../api';
import { errorText } from '../../errorText';
import { clubToday, fmtMoney } from '../../format';
import { useOp, useSettled } from '../../query';
import { useStaff } from '../../staff';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { IncidentTable } from './IncidentList';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { MonthChart } from './MonthChart';
import { SelectField } from './SelectField';
import { INCIDENT_EVENTS, csvBlob, downloadBlob } from './util';

type FollowUpFilter = 'due_today' | 'overdue' | null;

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

export function ReviewPanel(props: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useStaff();
  const canCsv = useCan('incidents.exportCsv');
  const [f, setF] = useState<Filters>(initialFilters);
  const set = (patch: Partial<Filters>) => setF((x) => ({ ...x, ...patch }));
  const rangeBad = !!f.from && !!f.to && f.to < f.from;
  // the filters as sent (a search typed as you go waits until the typing stops)
  const sent = useSettled(f, f.q ? 200 : 0);
  const listQuery = useOp(
    'incidents.list',
    { ...toArgs(sent), limit: 500 },
    { enabled: !rangeBad, live: INCIDENT_EVENTS, keepPrevious: true },
  );
  // the follow-up counts are over the other filters (a follow-up filter narrows only the list)
  const countsQuery = useOp(
    'incidents.list',
    { ...toArgs(sent, false), limit: 1 },
    { enabled: !rangeBad && !!sent.followUps, live: INCIDENT_EVENTS, keepPrevious: true },
  );
  const list = listQuery.data ?? null;
  const counts = (sent.followUps ? countsQuery.data : listQuery.data)?.followUps ?? null;
  const failed = listQuery.error ?? (sent.followUps ? countsQuery.error : null);
  const error = failed ? errorText(failed) : null;
  const loading = listQuery.isFetching || countsQuery.isFetching;

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
