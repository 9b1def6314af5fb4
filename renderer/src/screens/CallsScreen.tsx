/**
 * Follow-up calls (回访): a consultant's list for today (due call-backs first, each entry with why
 * it is there), the outcome form (keyboard: 1–7 pick the outcome, Enter saves), the call window
 * (outside it the list waits and says when the next one opens). A manager sees everyone's list,
 * the rate per consultant, reassigns, and reads the monthly / quarterly summary.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../electron/core/contract';
import { call } from '../api';
import { TabPanel, Tabs } from '../components/Tabs';
import { refresh } from '../query';
import { useCan, useSession } from '../stores/session';
import { CallList } from './calls/CallList';
import { CallSettingsForm } from './calls/CallSettingsForm';
import { CallSummaryView } from './calls/CallSummary';
import '../components/print-report.css';
import './CallsScreen.css';

const TABS = ['list', 'summary', 'settings'] as const;
type Tab = (typeof TABS)[number];

export default function CallsScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const role = useSession((s) => s.info!.staff.role);
  const manager = MANAGERS.includes(role);
  const canPrepare = useCan('calls.prepare');
  const [tab, setTab] = useState<Tab>('list');
  const prepared = useRef(false);
  // the morning list is made from the records when the screen is first opened (idempotent)
  useEffect(() => {
    if (!canPrepare || prepared.current) return;
    prepared.current = true;
    void call('calls.prepare', {})
      .then(() => refresh('calls.today'))
      .catch(() => undefined);
  }, [canPrepare]);
  return (
    <div className="page print-report calls-page">
      <div className="page-header no-print">
        <h1>{t('calls.title')}</h1>
      </div>
      {manager && (
        <Tabs
          id={uid}
          tabs={TABS}
          current={tab}
          onSelect={setTab}
          label={t('calls.title')}
          className="no-print"
        >
          {(k) => t(`calls.tabs.${k}`)}
        </Tabs>
      )}
      <TabPanel id={uid} current={tab} plain={!manager}>
        {tab === 'list' || !manager ? (
          <CallList manager={manager} />
        ) : tab === 'summary' ? (
          <CallSummaryView />
        ) : (
          <CallSettingsForm />
        )}
      </TabPanel>
    </div>
  );
}
