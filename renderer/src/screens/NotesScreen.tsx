/**
 * Messages & repairs (留言与报修): the message book (take a message for a member of staff, read the
 * book, mark one's own done) and losses, damage and repairs (report one, follow it up).
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../stores/nav';
import { MessagesPanel } from './notes/MessagesPanel';
import { RepairsPanel } from './notes/RepairsPanel';
import './NotesScreen.css';

const TABS = ['messages', 'repairs'] as const;
type Tab = (typeof TABS)[number];

export default function NotesScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const params = useNav((s) => s.params);
  const [tab, setTab] = useState<Tab>(params.tab === 'repairs' ? 'repairs' : 'messages');
  // the top bar's badges open a tab while this screen is already shown
  const [lastParam, setLastParam] = useState(params.tab);
  if (params.tab !== lastParam) {
    setLastParam(params.tab);
    if (params.tab === 'repairs' || params.tab === 'messages') setTab(params.tab);
  }
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tab === 'messages' ? 'repairs' : 'messages';
    setTab(next);
    document.getElementById(`${uid}-tab-${next}`)?.focus();
  };
  return (
    <div className="page notes-page">
      <div className="page-header">
        <h1>{t('notes.title')}</h1>
      </div>
      <div className="tabs" role="tablist" aria-label={t('notes.title')} onKeyDown={onTabKey}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`${uid}-tab-${k}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === k}
            aria-controls={`${uid}-panel`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(`notes.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-tab-${tab}`}>
        {tab === 'messages' ? <MessagesPanel /> : <RepairsPanel />}
      </div>
    </div>
  );
}
