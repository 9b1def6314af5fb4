/**
 * A complaint's deadline (closed within the setting's days of registration) in colour and words,
 * and the managers' notice of complaints due or overdue (on the home screen and the review).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDeadline, ComplaintList } from '../../../../electron/core/contract';
import { call, subscribeChanges } from '../../api';
import { fmtDate } from '../../format';
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

/**
 * Due and overdue complaints (over all not closed), refreshed when a complaint changes: by the
 * caller's reloadKey when it has one (a screen that already listens), else by its own listener.
 */
export function useComplaintDeadlines(reloadKey?: number): ComplaintList['deadlines'] | null {
  const can = useCan('complaints.list');
  const [d, setD] = useState<ComplaintList['deadlines'] | null>(null);
  const listen = reloadKey === undefined;
  useEffect(() => {
    if (!can) return;
    let live = true;
    const load = () =>
      call('complaints.list', { deadline: 'due_or_overdue', limit: 1 })
        .then((l) => live && setD(l.deadlines))
        .catch(() => undefined);
    load();
    const off = listen
      ? subscribeChanges((e) => {
          if (/^(complaints|settings)\./.test(e.op)) load();
        })
      : () => undefined;
    // the deadline moves with the date
    const id = setInterval(load, 10 * 60_000);
    return () => {
      live = false;
      off();
      clearInterval(id);
    };
  }, [can, listen, reloadKey]);
  return can ? d : null;
}

/**
 * The managers' notice: "Complaints: 1 overdue, 2 due today or tomorrow" in colour and words; a
 * click opens the complaints with those. Nothing when none is due.
 */
export function ComplaintDeadlineNotice(props: { onShow?(): void; reloadKey?: number }) {
  const { t } = useTranslation();
  const d = useComplaintDeadlines(props.reloadKey);
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
