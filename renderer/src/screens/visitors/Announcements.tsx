/**
 * Class and pre-closing announcements: today's list (due ones highlighted, missed ones shown) and
 * the reminder banner that follows reception on every screen while one is due.
 */
import { useEffect, useMemo, useRef } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AnnouncementItem } from '../../../../electron/core/contract';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { fmtTime } from '../../format';
import { refresh, setOpData } from '../../query';
import { playSound } from '../../sound';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { useAnnouncements } from './data';
import { canSpeak, speak } from './speech';
import { announcementText } from './words';
import './Announcements.css';

const POLL_MS = 30_000;

const BADGE: Record<AnnouncementItem['status'], string> = {
  upcoming: 'badge-muted',
  due: 'badge-warn',
  announced: 'badge-ok',
  missed: 'badge-block',
};

async function mark(slot: string, t: TFunction) {
  try {
    setOpData('announcements.due', {}, await call('announcements.markAnnounced', { slot }));
    toast.ok(t('visitors.ann.marked'));
  } catch (e) {
    toast.error(errorText(e));
    void refresh('announcements.due');
  }
}

function SpeakButton({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={!canSpeak()}
      title={canSpeak() ? undefined : t('visitors.call.noSpeech')}
      onClick={() => {
        if (!speak(text)) toast.warn(t('visitors.call.noSpeech'));
      }}
    >
      {t('visitors.ann.speak')}
    </button>
  );
}

export function AnnouncementsPanel() {
  const { t } = useTranslation();
  const ann = useAnnouncements().data;
  const canMark = useCan('announcements.markAnnounced');
  if (!ann) return <p className="muted">{t('common.loading')}</p>;
  if (ann.items.length === 0) return <p className="empty">{t('visitors.ann.empty')}</p>;
  const missed = ann.items.filter((a) => a.status === 'missed').length;
  return (
    <div className="vis-ann">
      {missed > 0 && (
        <p className="banner banner-block">{t('visitors.ann.missedTitle', { count: missed })}</p>
      )}
      <div className="vis-table-wrap">
        <table className="table vis-table">
          <thead>
            <tr>
              <th>{t('visitors.ann.time')}</th>
              <th>{t('visitors.ann.due')}</th>
              <th>{t('visitors.ann.text')}</th>
              <th>{t('visitors.ann.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ann.items.map((a) => {
              const text = announcementText(a);
              return (
                <tr key={a.slot} className={a.status === 'due' ? 'vis-row-due' : undefined}>
                  <td className="vis-num">{fmtTime(a.startsAt)}</td>
                  <td className="vis-num">{fmtTime(a.dueAt)}</td>
                  <td>{text}</td>
                  <td>
                    <span className={`badge ${BADGE[a.status]}`}>{t(`visitors.ann.status_${a.status}`)}</span>
                    {a.announcedAt && (
                      <div className="muted vis-small">
                        {t('visitors.ann.announcedBy', {
                          time: fmtTime(a.announcedAt),
                          name: a.announcedByName ?? '',
                        })}
                      </div>
                    )}
                  </td>
                  <td className="vis-row-actions">
                    {(a.status === 'due' || a.status === 'upcoming') && <SpeakButton text={text} />}
                    {canMark && (a.status === 'due' || a.status === 'upcoming') && (
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        onClick={() => void mark(a.slot, t)}
                      >
                        {t('visitors.ann.mark')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The banner on every screen while an announcement is due (reception polls every 30 s). */
export function AnnouncementReminder() {
  const { t } = useTranslation();
  const canDue = useCan('announcements.due');
  const ann = useAnnouncements(POLL_MS).data;
  const seen = useRef(new Set<string>());
  const due = useMemo(
    () => (canDue ? (ann?.items ?? []).filter((a) => a.status === 'due') : []),
    [canDue, ann],
  );
  useEffect(() => {
    const fresh = due.filter((a) => !seen.current.has(`${a.day}/${a.slot}`));
    for (const a of fresh) seen.current.add(`${a.day}/${a.slot}`);
    if (fresh.length > 0) playSound('warning');
  }, [due]);
  if (due.length === 0) return null;
  return (
    <div className="vis-reminders" role="region" aria-label={t('visitors.ann.reminder')}>
      {due.map((a) => {
        const text = announcementText(a);
        return (
          <div key={a.slot} className="vis-reminder" role="alert">
            <strong className="vis-reminder-title">{t('visitors.ann.reminder')}</strong>
            <span className="vis-reminder-text">{text}</span>
            <SpeakButton text={text} />
            <button type="button" className="btn btn-small btn-primary" onClick={() => void mark(a.slot, t)}>
              {t('visitors.ann.mark')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
