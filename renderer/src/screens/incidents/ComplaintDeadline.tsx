/**
 * A complaint's deadline (closed within the setting's days of registration) in colour and words,
 * and the managers' notice of complaints due or overdue (on the home screen and the review).
 */
import { useTranslation } from 'react-i18next';
import type { ComplaintDeadline, ComplaintList } from '../../../../electron/core/contract';
import { fmtDate } from '../../format';
import { useOp } from '../../query';
import { useNav } from '../../stores/nav';
import { useCan } from '../../stores/session';
import './deadline.css';

const BADGE: Record<ComplaintDeadline, string> = {
  upcoming: 'badge badge-muted',
  due: 'badge badge-warn',
  overdue: 'badge badge-block',
  met: 'badge badge-ok',
  missed: 'badge badge-block',
};

export function ComplaintDeadlineBadge(props: {
  deadline: ComplaintDeadline;
  dueDate: string;
  daysLeft: number | null;
}) {
  const { t } = useTranslation();
  const { deadline, dueDate, daysLeft } = props;
  let text: string;
  if (deadline === 'due')
    text = t(daysLeft === 0 ? 'incidents.deadline.dueToday' : 'incidents.deadline.dueTomorrow');
  else if (deadline === 'overdue') text = t('incidents.deadline.overdue', { count: -(daysLeft ?? 0) });
  else text = t(`incidents.deadline.${deadline}`, { date: fmtDate(dueDate) });
  return (
    <span className={BADGE[deadline]} title={t('incidents.deadline.by', { date: fmtDate(dueDate) })}>
      {deadline === 'overdue' ? '⚠ ' : ''}
      {text}
    </span>
  );
}

const deadlinesOf = (l: ComplaintList) => l.deadlines;

/**
 * Due and overdue complaints (over all not closed), refreshed when a complaint or the settings
 * change, and every 10 minutes (the deadline moves with the date).
 */
export function useComplaintDeadlines(): ComplaintList['deadlines'] | null {
  const can = useCan('complaints.list');
  const q = useOp(
    'complaints.list',
    { deadline: 'due_or_overdue', limit: 1 },
    { enabled: can, live: ['complaints.', 'settings.'], refetchInterval: 10 * 60_000, select: deadlinesOf },
  );
  return can ? (q.data ?? null) : null;
}

/**
 * The managers' notice: "Complaints: 1 overdue, 2 due today or tomorrow" in colour and words; a
 * click opens the complaints with those. Nothing when none is due.
 */
export function ComplaintDeadlineNotice(props: { onShow?(): void }) {
  const { t } = useTranslation();
  const d = useComplaintDeadlines();
  if (!d || d.due + d.overdue === 0) return null;
  const show =
    props.onShow ??
    (() => useNav.getState().go('incidents', { tab: 'complaints', deadline: 'due_or_overdue' }));
  return (
    <button
      type="button"
      className={d.overdue > 0 ? 'complaint-notice overdue' : 'complaint-notice'}
      onClick={show}
      title={t('incidents.deadline.show')}
    >
      <span className="complaint-notice-label">{t('incidents.deadline.notice')}</span>
      {d.overdue > 0 && (
        <span className="badge badge-block">⚠ {t('incidents.deadline.overdueN', { count: d.overdue })}</span>
      )}
      {d.due > 0 && (
        <span className="badge badge-warn">{t('incidents.deadline.dueN', { count: d.due })}</span>
      )}
      <span className="complaint-notice-go">{t('incidents.deadline.show')} →</span>
    </button>
  );
}
