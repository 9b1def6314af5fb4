/**
 * Incidents and complaints (事故与投诉). Everyone: "Report an incident" and the incidents they may
 * see. Reception: the open ones and their own, without medical details. Managers: the review
 * (filters, follow-ups due, costs, the chart, CSV), the full record, the printable written report,
 * and the complaints tab.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabPanel, Tabs } from '../components/Tabs';
import { useNav } from '../stores/nav';
import { useCan } from '../stores/session';
import { toast } from '../stores/toast';
import { ComplaintDeadlineNotice } from './incidents/ComplaintDeadline';
import { ComplaintDetail } from './incidents/ComplaintDetail';
import { ComplaintsPanel } from './incidents/ComplaintsPanel';
import { IncidentDetail } from './incidents/IncidentDetail';
import { DeskList } from './incidents/IncidentList';
import { ReviewPanel } from './incidents/IncidentReview';
import { IncidentReport } from './incidents/IncidentReport';
import { OpenIncidentDialog } from './incidents/OpenIncidentDialog';
import './IncidentsScreen.css';

type Tab = 'incidents' | 'complaints';
type View =
  | { kind: 'list' }
  | { kind: 'incident'; id: number }
  | { kind: 'report'; id: number }
  | { kind: 'complaint'; id: number };

export default function IncidentsScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const navParams = useNav((s) => s.params);
  const isManager = useCan('incidents.update');
  const canComplaints = useCan('complaints.list');
  const [tab, setTab] = useState<Tab>(navParams.tab === 'complaints' ? 'complaints' : 'incidents');
  // the managers' notice of complaints due or overdue opens the complaints with those
  const [complaintShow, setComplaintShow] = useState({
    show: navParams.deadline ? ('deadline' as const) : ('open' as const),
    n: 0,
  });
  const [view, setView] = useState<View>(() =>
    typeof navParams.incidentId === 'number'
      ? { kind: 'incident', id: navParams.incidentId }
      : { kind: 'list' },
  );
  const [dialog, setDialog] = useState(false);

  const tabs: Tab[] = canComplaints ? ['incidents', 'complaints'] : ['incidents'];
  const current = tabs.includes(tab) ? tab : 'incidents';

  if (view.kind === 'report') {
    return <IncidentReport id={view.id} onBack={() => setView({ kind: 'incident', id: view.id })} />;
  }

  return (
    <div className="page incidents-page">
      {view.kind === 'incident' && (
        <IncidentDetail
          id={view.id}
          onBack={() => setView({ kind: 'list' })}
          onReport={(id) => setView({ kind: 'report', id })}
        />
      )}
      {view.kind === 'complaint' && <ComplaintDetail id={view.id} onBack={() => setView({ kind: 'list' })} />}
      {view.kind === 'list' && (
        <>
          <div className="page-header">
            <h1>{t('incidents.title')}</h1>
            <span className="spacer" />
            <ComplaintDeadlineNotice
              onShow={() => {
                setComplaintShow((x) => ({ show: 'deadline', n: x.n + 1 }));
                setTab('complaints');
              }}
            />
            <button type="button" className="btn btn-primary btn-big" onClick={() => setDialog(true)}>
              {t('incidents.reportButton')}
            </button>
          </div>
          {tabs.length > 1 && (
            <Tabs id={uid} tabs={tabs} current={current} onSelect={setTab} label={t('incidents.title')}>
              {(k) => t(`incidents.tabs.${k}`)}
            </Tabs>
          )}
          <TabPanel id={uid} current={current} plain={tabs.length < 2}>
            {current === 'incidents' &&
              (isManager ? (
                <ReviewPanel onOpen={(id) => setView({ kind: 'incident', id })} />
              ) : (
                <DeskList onOpen={(id) => setView({ kind: 'incident', id })} />
              ))}
            {current === 'complaints' && (
              <ComplaintsPanel
                key={complaintShow.n}
                show={complaintShow.show}
                onOpen={(id) => setView({ kind: 'complaint', id })}
              />
            )}
          </TabPanel>
        </>
      )}
      {dialog && (
        <OpenIncidentDialog
          onClose={() => setDialog(false)}
          onDone={(d) => {
            setDialog(false);
            toast.ok(t('incidents.open.done', { id: d.id }));
            setView({ kind: 'incident', id: d.id });
          }}
        />
      )}
    </div>
  );
}
