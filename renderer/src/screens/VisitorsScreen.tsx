/**
 * The visitor desk. Left, always visible: the consultants' rotation (who is next and why, sign-in,
 * away / back). Right: the calling cards of open calls (public-address text, countdown, page again,
 * accept, call next) above the sections: registration, today's visitors, phone inquiries,
 * appointments, announcements, and for managers the disputes queue and the consultant report (a
 * consultant sees "My disputes" there instead).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpName } from '../../../electron/core/contract';
import { call } from '../api';
import { TabPanel, Tabs } from '../components/Tabs';
import { can, useCan, useSession } from '../stores/session';
import { AnnouncementsPanel } from './visitors/Announcements';
import { AppointmentsPanel } from './visitors/AppointmentsPanel';
import { CallingCards } from './visitors/CallingCards';
import { refreshVisitors, useBoard, useOpenVisitors, useVisitorsToday } from './visitors/data';
import { DisputesPanel } from './visitors/DisputesPanel';
import { PhonePanel } from './visitors/PhonePanel';
import { RegisterForm } from './visitors/RegisterForm';
import { ReportPanel } from './visitors/ReportPanel';
import { RotationPanel } from './visitors/RotationPanel';
import { TodayList } from './visitors/TodayList';
import './VisitorsScreen.css';

type Section = 'register' | 'today' | 'phone' | 'appointments' | 'announcements' | 'disputes' | 'report';

const SECTIONS: { key: Section; op: OpName }[] = [
  { key: 'register', op: 'visitors.register' },
  { key: 'today', op: 'visitors.today' },
  { key: 'phone', op: 'inquiries.list' },
  { key: 'appointments', op: 'appointments.list' },
  { key: 'announcements', op: 'announcements.due' },
  { key: 'disputes', op: 'visitors.disputes' },
  { key: 'report', op: 'reports.consultants' },
];

const REFRESH_MS = 15_000;
const TICK_MS = 5_000;

export default function VisitorsScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const allowed = useVisitorsSections();
  const [section, setSection] = useState<Section>('register');
  const current = allowed.includes(section) ? section : (allowed[0] ?? 'today');
  // the rotation, today's visitors and the open calls: live, and every 15 s for the countdowns
  const autoNext = useBoard(REFRESH_MS).data?.autoProposeNext ?? false;
  const today = useVisitorsToday(REFRESH_MS).data;
  const openCalls = useOpenVisitors(REFRESH_MS).some((v) => v.status === 'calling');
  const canTick = useCan('visitors.tick');
  // a consultant's disputes tab lists only their own (read-only)
  const mine = useSession((s) => s.info?.staff.role === 'consultant');

  // with "call the next automatically": let the core page again / call the next when time is up
  useEffect(() => {
    if (!autoNext || !openCalls || !canTick) return;
    const id = setInterval(() => {
      call('visitors.tick', {})
        .then((r) => {
          if (r.changed.length > 0) void refreshVisitors();
        })
        .catch(() => undefined);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [autoNext, openCalls, canTick]);

  return (
    <div className="page vis-page">
      <RotationPanel />
      <div className="vis-main">
        <CallingCards />
        <Tabs
          id={uid}
          tabs={allowed}
          current={current}
          onSelect={setSection}
          label={t('visitors.sections')}
          className="vis-tabs"
        >
          {(k) => (
            <>
              {t(k === 'disputes' && mine ? 'visitors.section.myDisputes' : `visitors.section.${k}`)}
              {k === 'today' && today && today.visitors.length > 0 && (
                <span className="vis-tab-count">{today.visitors.length}</span>
              )}
            </>
          )}
        </Tabs>
        <TabPanel id={uid} current={current} className="vis-panel">
          {current === 'register' && <RegisterForm />}
          {current === 'today' && <TodayList />}
          {current === 'phone' && <PhonePanel />}
          {current === 'appointments' && <AppointmentsPanel />}
          {current === 'announcements' && <AnnouncementsPanel />}
          {current === 'disputes' && <DisputesPanel />}
          {current === 'report' && <ReportPanel />}
        </TabPanel>
      </div>
    </div>
  );
}

function useVisitorsSections(): Section[] {
  // re-render when the session (and so the allowed operations) changes
  useCan('rotation.board');
  return SECTIONS.filter((s) => can(s.op)).map((s) => s.key);
}
