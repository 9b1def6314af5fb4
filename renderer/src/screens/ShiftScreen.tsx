/**
 * Shift handover (交接班): opening a shift (previous handover, open items, float, checklist), the
 * running shift's live figures, the closing wizard with the blind count and two signatures, the
 * printable report, history with charts, and the day close for shift leads and managers.
 */
import { useId, useState } from 'react';
import { BackupWarningBanner } from '../components/BackupHealth';
import { TabPanel, Tabs } from '../components/Tabs';
import { useTranslation } from 'react-i18next';
import type { DayReport, ShiftReport } from '../../../electron/core/contract';
import { call } from '../api';
import { errorText } from '../errorText';
import { refresh as refreshOps, useOp } from '../query';
import { useCan } from '../stores/session';
import { toast } from '../stores/toast';
import { CloseWizard } from './shift/CloseWizard';
import { DayClose } from './shift/DayClose';
import { History } from './shift/History';
import { Opening } from './shift/Opening';
import { DayReportView } from './shift/DayReport';
import { ShiftReportView } from './shift/ReportView';
import { Running } from './shift/Running';
import './ShiftScreen.css';

type Tab = 'current' | 'history' | 'day';
type View =
  | { kind: 'tabs' }
  | { kind: 'close' }
  | { kind: 'shift'; report: ShiftReport }
  | { kind: 'day'; report: DayReport };

export default function ShiftScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const canDay = useCan('shift.closeDay');
  const [tab, setTab] = useState<Tab>('current');
  const [view, setView] = useState<View>({ kind: 'tabs' });
  // live figures: another counter checked someone in or sold a drink
  const currentQuery = useOp('shift.current', {});
  const current = currentQuery.data ?? null;
  const error = currentQuery.isError ? errorText(currentQuery.error) : null;
  const refresh = () => refreshOps('shift.current', 'shift.opening');

  const tabs: Tab[] = canDay ? ['current', 'history', 'day'] : ['current', 'history'];

  if (view.kind === 'shift')
    return (
      <div className="page shift-page">
        <ShiftReportView initial={view.report} onBack={() => setView({ kind: 'tabs' })} />
      </div>
    );
  if (view.kind === 'day')
    return (
      <div className="page shift-page">
        <DayReportView report={view.report} onBack={() => setView({ kind: 'tabs' })} />
      </div>
    );

  const openShift = async (id: number) => {
    try {
      setView({ kind: 'shift', report: await call('shift.report', { id }) });
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  const openDay = async (day: string) => {
    try {
      setView({ kind: 'day', report: await call('shift.dayReport', { day }) });
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  return (
    <div className="page shift-page">
      <div className="page-header">
        <h1>{t('shift.title')}</h1>
      </div>
      {/* the handover: whoever takes over the desk learns that the backups need attention */}
      <BackupWarningBanner />
      <Tabs
        id={uid}
        tabs={tabs}
        current={tab}
        onSelect={(k) => {
          setTab(k);
          setView({ kind: 'tabs' });
        }}
        label={t('shift.title')}
      >
        {(k) => t(`shift.tabs.${k}`)}
      </Tabs>
      <TabPanel id={uid} current={tab}>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {tab === 'current' &&
          current &&
          (current.shift === null ? (
            <Opening onOpened={() => void refresh()} />
          ) : view.kind === 'close' ? (
            <CloseWizard
              current={current}
              onCancel={() => {
                setView({ kind: 'tabs' });
                void refresh();
              }}
              onClosed={(r) => {
                toast.ok(t('shift.wizard.closed'));
                setView({ kind: 'shift', report: r });
                void refresh();
              }}
            />
          ) : (
            <Running
              current={current}
              onChanged={() => void refresh()}
              onClose={() => setView({ kind: 'close' })}
            />
          ))}
        {tab === 'history' && (
          <History onOpenShift={(id) => void openShift(id)} onOpenDay={(d) => void openDay(d)} />
        )}
        {tab === 'day' && canDay && <DayClose onReport={(r) => setView({ kind: 'day', report: r })} />}
      </TabPanel>
    </div>
  );
}
