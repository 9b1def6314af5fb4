/**
 * Messages & repairs (留言与报修): the message book (take a message for a member of staff, read the
 * book, mark one's own done) and losses, damage and repairs (report one, follow it up).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabPanel, Tabs } from '../components/Tabs';
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
  return (
    <div className="page notes-page">
      <div className="page-header">
        <h1>{t('notes.title')}</h1>
      </div>
      <Tabs id={uid} tabs={TABS} current={tab} onSelect={setTab} label={t('notes.title')}>
        {(k) => t(`notes.tabs.${k}`)}
      </Tabs>
      <TabPanel id={uid} current={tab}>
        {tab === 'messages' ? <MessagesPanel /> : <RepairsPanel />}
      </TabPanel>
    </div>
  );
}
