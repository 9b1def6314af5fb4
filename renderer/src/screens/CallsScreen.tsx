/**
 * Follow-up calls (回访): a consultant's list for today (due call-backs first, each entry with why
 * it is there), the outcome form (keyboard: 1–7 pick the outcome, Enter saves), the call window
 * (outside it the list waits and says when the next one opens). A manager sees everyone's list,
 * the rate per consultant, reassigns, and reads the monthly / quarterly summary.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../electron/core/contract';
import { call } from '../api';
import { refresh } from '../query';
import { useCan, useSession } from '../stores/session';
import { CallList } from './calls/CallList';
import { CallSettingsForm } from './calls/CallSettingsForm';
import { CallSummaryView } from './calls/CallSummary';
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
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1);
    const next = TABS[i % TABS.length]!;
    setTab(next);
    document.getElementById(`${uid}-tab-${next}`)?.focus();
  };
  return (
    <div className="page calls-page">
      <div className="page-header no-print">
        <h1>{t('calls.title')}</h1>
      </div>
      {manager && (
        <div className="tabs no-print" role="tablist" aria-label={t('calls.title')} onKeyDown={onTabKey}>
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
              {t(`calls.tabs.${k}`)}
            </button>
          ))}
        </div>
      )}
      <div role={manager ? 'tabpanel' : undefined} id={`${uid}-panel`}>
        {tab === 'list' || !manager ? (
          <CallList manager={manager} />
        ) : tab === 'summary' ? (
          <CallSummaryView />
        ) : (
          <CallSettingsForm />
        )}
      </div>
    </div>
  );
}
