/**
 * What the top bar says about the message book and the repair log: the count of my open messages
 * (and, once after login, a notice listing them, each to be marked done), and for shift leads and
 * managers the count of repairs reported and not yet acted on (red when one is urgent; a new one
 * arrives with a toast). Kept fresh by the core's change events.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RepairItem } from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { useOp } from '../../query';
import { useNav } from '../../stores/nav';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { MessageCard } from './MessagesPanel';
import './topbar.css';

const newOnes = (list: RepairItem[]) => list.filter((r) => r.status === 'reported');

function LoginNotice({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mine = useOp('messages.mine', {}).data ?? [];
  // everything dealt with: the notice goes by itself
  useEffect(() => {
    if (mine.length === 0) onClose();
  }, [mine.length, onClose]);
  return createPortal(
    <Modal title={t('notes.messages.noticeTitle')} onClose={onClose} wide>
      <p>{t('notes.messages.noticeIntro', { count: mine.length })}</p>
      <ul className="notes-list" data-testid="login-notice">
        {mine.map((m) => (
          <MessageCard key={m.id} m={m} canClose />
        ))}
      </ul>
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose}>
          {t('notes.messages.later')}
        </button>
      </div>
    </Modal>,
    document.body,
  );
}

export function TopbarNotes() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const canSteps = useCan('repairs.step');
  const mine = useOp('messages.mine', {});
  const repairs = useOp('repairs.list', { filter: 'open' }, { enabled: canSteps, select: newOnes });
  // the notice shows once per login (this bar is mounted anew for each person who logs in)
  const [notice, setNotice] = useState<'pending' | 'shown' | 'done'>('pending');
  const messages = mine.data?.length ?? 0;
  // decided once, when the first answer is in (state derived while rendering, no effect)
  if (notice === 'pending' && mine.data) setNotice(mine.data.length > 0 ? 'shown' : 'done');

  // the list may be in the cache from the repairs screen: the badge is only for those who act on it
  const fresh = canSteps ? (repairs.data ?? []) : [];
  const urgent = fresh.some((r) => r.urgency === 'urgent');
  const seen = useRef<Set<number> | null>(null);
  useEffect(() => {
    if (!canSteps || !repairs.data) return;
    const ids = new Set(repairs.data.map((r) => r.id));
    if (seen.current) {
      const arrived = repairs.data.filter((r) => !seen.current!.has(r.id));
      for (const r of arrived)
        (r.urgency === 'urgent' ? toast.warn : toast.info)(
          `${t(r.urgency === 'urgent' ? 'notes.repairs.badgeUrgent' : 'notes.repairs.badge')}: ${r.what}`,
        );
    }
    seen.current = ids;
  }, [canSteps, repairs.data, t]);

  return (
    <>
      {messages > 0 && (
        <button
          type="button"
          className="btn topbar-note"
          data-testid="messages-badge"
          onClick={() => go('notes', { tab: 'messages' })}
        >
          {t('notes.messages.badge')} <span className="badge badge-warn">{messages}</span>
        </button>
      )}
      {fresh.length > 0 && (
        <button
          type="button"
          className={urgent ? 'btn topbar-note topbar-note-urgent' : 'btn topbar-note'}
          data-testid="repairs-badge"
          onClick={() => go('notes', { tab: 'repairs' })}
        >
          {t(urgent ? 'notes.repairs.badgeUrgent' : 'notes.repairs.badge')}{' '}
          <span className={urgent ? 'badge badge-block' : 'badge badge-warn'}>{fresh.length}</span>
        </button>
      )}
      {notice === 'shown' && <LoginNotice onClose={() => setNotice('done')} />}
    </>
  );
}
