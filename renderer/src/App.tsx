/**
 * The app's frame: which full-screen flow applies (first-run setup, broken database, login, lock)
 * and, once someone is logged in, the top bar with the screens their role may use.
 */
import { useIsFetching } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { BackupWarningChip } from './components/BackupHealth';
import { StandbyAgeChip } from './components/StandbyAge';
import { useTranslation } from 'react-i18next';
import type { OpName, Role } from '../../electron/core/contract';
import { call, onApiError } from './api';
import { LangToggle } from './components/LangSwitch';
import { Toasts } from './components/Toasts';
import { fmtClock, setClubFormat } from './format';
import { listenForChanges, refresh, resetServerData } from './query';
import { useNav, type Screen } from './stores/nav';
import { useSession } from './stores/session';
import { AnnouncementReminder } from './screens/visitors/Announcements';
import BrokenScreen from './screens/BrokenScreen';
import LockScreen from './screens/LockScreen';
import LoginScreen from './screens/LoginScreen';
import SetupScreen from './screens/SetupScreen';
import { ReportIncidentButton } from './screens/incidents/ReportIncidentButton';
import { TopbarNotes } from './screens/notes/TopbarNotes';
import { ReceiptHost } from './components/ReceiptHost';
import CheckInScreen from './screens/CheckInScreen';
import JoinStation from './screens/station/JoinStation';
import { LinkBanner } from './screens/station/LinkBanner';
import { fetchStationState, useStation } from './station';

const MembersScreen = lazy(() => import('./screens/MembersScreen'));
const TagsScreen = lazy(() => import('./screens/TagsScreen'));
const BarScreen = lazy(() => import('./screens/BarScreen'));
const BarReportScreen = lazy(() => import('./screens/BarReportScreen'));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen'));
const StaffScreen = lazy(() => import('./screens/StaffScreen'));
const AuditScreen = lazy(() => import('./screens/AuditScreen'));
const VisitorsScreen = lazy(() => import('./screens/VisitorsScreen'));
const IncidentsScreen = lazy(() => import('./screens/IncidentsScreen'));
const ShiftScreen = lazy(() => import('./screens/ShiftScreen'));
const NotesScreen = lazy(() => import('./screens/NotesScreen'));
const CallsScreen = lazy(() => import('./screens/CallsScreen'));

/**
 * The screens in the top bar, the operation that makes each one useful, and its function key: the
 * desk's daily screens come first on F1–F9; the managers' staff and audit screens have no key (F10
 * opens the menu on Windows and F11 is full screen in a browser).
 */
const NAV: { screen: Screen; op: OpName | null; key: string | null }[] = [
  { screen: 'checkin', op: 'checkin.scan', key: 'F1' },
  { screen: 'visitors', op: 'rotation.board', key: 'F2' },
  { screen: 'bar', op: 'bar.sell', key: 'F3' },
  { screen: 'shift', op: 'shift.current', key: 'F4' },
  { screen: 'members', op: 'members.search', key: 'F5' },
  { screen: 'tags', op: 'tags.board', key: 'F6' },
  { screen: 'incidents', op: 'incidents.list', key: 'F7' },
  { screen: 'barReport', op: 'bar.report', key: 'F8' },
  { screen: 'notes', op: 'messages.mine', key: null },
  { screen: 'calls', op: 'calls.today', key: null },
  { screen: 'settings', op: null, key: 'F9' },
  { screen: 'staff', op: 'staff.list', key: null },
  { screen: 'audit', op: 'audit.search', key: null },
];

/** The bar's screen is the pro shop for reception, both points for supervisors. */
const barNav = (role: Role) => (role === 'bar' ? 'bar' : role === 'reception' ? 'shop' : 'barShop');

export async function loadSession(): Promise<void> {
  const { set } = useSession.getState();
  // a station of the club network: nothing to load until it is paired and confirmed
  const station = await fetchStationState();
  useStation.getState().set(station);
  if (station && station.stage !== 'active') return;
  const status = await call('system.status', {});
  set({ status });
  if (status.timeZone) setClubFormat({ timeZone: status.timeZone });
  if (status.state !== 'ready') {
    set({ info: null, settings: null, locked: null });
    return;
  }
  const info = await call('session.current', {});
  // someone else at the counter (or nobody): nothing fetched for the previous person stays
  if (info?.staff.id !== useSession.getState().info?.staff.id) resetServerData();
  // the same person again (unlocked): what failed while locked loads again
  else void refresh();
  set({ info });
  if (info) {
    const settings = await call('settings.get', {});
    setClubFormat({ timeZone: settings.timeZone, currency: settings.currency });
    set({ settings });
  }
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  const tz = useSession((s) => s.settings?.timeZone);
  useTranslation(); // shown again in a new language
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(id);
  }, []);
  const text = fmtClock(now, tz);
  return <span className="topbar-clock">{text}</span>;
}

/**
 * The top bar takes a second row for the navigation when one row cannot show every screen, the club
 * name and the user's buttons whole (measured: it depends on the language, the role's screens and
 * the window's width).
 */
function useTopbarRows(language: string, count: number) {
  const bar = useRef<HTMLElement>(null);
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const fit = () => {
      el.classList.remove('topbar-wide');
      const nav = el.querySelector('.nav');
      const over =
        el.scrollWidth > el.clientWidth + 1 || (nav !== null && nav.scrollWidth > nav.clientWidth + 1);
      if (over) el.classList.add('topbar-wide');
      setWide(over);
    };
    fit();
    void document.fonts.ready.then(fit);
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [language, count]);
  return { bar, wide };
}

function Shell() {
  const { t, i18n } = useTranslation();
  const info = useSession((s) => s.info)!;
  const settings = useSession((s) => s.settings);
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const items = NAV.filter((n) => n.op === null || info.allowed.includes(n.op));
  // data-fetching: the screen is still loading (the end-to-end walk waits for it to settle)
  const fetching = useIsFetching() > 0;
  const { bar, wide } = useTopbarRows(i18n.language, items.length);
  const current = items.some((i) => i.screen === screen) ? screen : items[0]!.screen;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const item = items.find((i) => i.key === e.key);
      if (item && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        go(item.screen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, go]);

  // the core's change events keep every query on screen fresh (query.ts); the browser build's event
  // stream needs the session cookie, so it is opened once someone is logged in
  useEffect(() => listenForChanges(), []);

  useEffect(() => {
    document.title = settings?.clubName
      ? `${settings.clubName} — ${t('common.appName')}`
      : t('common.appName');
  }, [settings?.clubName, t]);

  const lock = async () => {
    await call('session.lock', {}).catch(() => undefined);
    useSession.getState().set({ locked: { staffId: info.staff.id, staffName: info.staff.name } });
  };
  const switchUser = async () => {
    await call('session.logout', {}).catch(() => undefined);
    useSession.getState().set({ info: null, locked: null });
  };

  return (
    <div className="app" data-fetching={fetching || undefined}>
      {/* too many screens for one row: the navigation gets its own row rather than scrolling out of sight */}
      <header ref={bar} className={wide ? 'topbar topbar-wide' : 'topbar'}>
        <span className="topbar-club">{settings?.clubName ?? t('common.appName')}</span>
        <nav className="nav" aria-label={t('common.mainNav')}>
          {items.map((n) => (
            <button
              key={n.screen}
              type="button"
              className="nav-item"
              aria-current={current === n.screen ? 'page' : undefined}
              onClick={() => go(n.screen)}
            >
              {t(`common.nav.${n.screen === 'bar' ? barNav(info.staff.role) : n.screen}`)}
              {n.key && (
                <span className="nav-key" aria-hidden="true">
                  {n.key}
                </span>
              )}
            </button>
          ))}
        </nav>
        <Clock />
        <div className="topbar-user">
          <BackupWarningChip />
          <StandbyAgeChip />
          <TopbarNotes />
          <ReportIncidentButton />
          <span>
            <span className="who">{info.staff.name}</span>{' '}
            <span className="role">{t(`common.roles.${info.staff.role}`)}</span>
          </span>
          <LangToggle />
          <button type="button" className="btn" onClick={() => void lock()}>
            {t('common.lock')}
          </button>
          <button type="button" className="btn" onClick={() => void switchUser()}>
            {t('common.switchUser')}
          </button>
        </div>
      </header>
      <LinkBanner />
      <AnnouncementReminder />
      <main className="main">
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          {current === 'checkin' && <CheckInScreen />}
          {current === 'members' && <MembersScreen />}
          {current === 'bar' && <BarScreen />}
          {current === 'barReport' && <BarReportScreen />}
          {current === 'tags' && <TagsScreen />}
          {current === 'staff' && <StaffScreen />}
          {current === 'audit' && <AuditScreen />}
          {current === 'settings' && <SettingsScreen />}
          {current === 'visitors' && <VisitorsScreen />}
          {current === 'incidents' && <IncidentsScreen />}
          {current === 'shift' && <ShiftScreen />}
          {current === 'notes' && <NotesScreen />}
          {current === 'calls' && <CallsScreen />}
        </Suspense>
      </main>
    </div>
  );
}

export default function App() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const info = useSession((s) => s.info);
  const locked = useSession((s) => s.locked);
  const [bootError, setBootError] = useState(false);
  const lastInput = useRef(0);

  const boot = useCallback(() => {
    loadSession().then(
      () => setBootError(false),
      () => setBootError(true),
    );
  }, []);

  useEffect(() => {
    boot();
    return onApiError((e, op) => {
      const { set, info: cur } = useSession.getState();
      if (e.code === 'SESSION_LOCKED') {
        set({
          locked: {
            staffId: Number(e.params.staffId),
            staffName: String(e.params.staffName ?? cur?.staff.name ?? ''),
          },
        });
      } else if (e.code === 'UNAUTHENTICATED' && op !== 'session.login') {
        set({ info: null, locked: null });
      } else if (e.code === 'DATABASE_BROKEN') {
        boot();
      }
    });
  }, [boot]);

  // Auto-lock after the idle time from the settings (the core enforces it too).
  useEffect(() => {
    const touch = () => (lastInput.current = Date.now());
    touch();
    window.addEventListener('keydown', touch, true);
    window.addEventListener('pointerdown', touch, true);
    const id = setInterval(() => {
      const s = useSession.getState();
      if (!s.info || s.locked) return;
      if (Date.now() - lastInput.current > s.info.idleLockMinutes * 60_000) {
        void call('session.lock', {}).catch(() => undefined);
        s.set({ locked: { staffId: s.info.staff.id, staffName: s.info.staff.name } });
      }
    }, 10_000);
    return () => {
      window.removeEventListener('keydown', touch, true);
      window.removeEventListener('pointerdown', touch, true);
      clearInterval(id);
    };
  }, []);

  // a station: its link to the host is watched every second; when it comes back, the session is
  // looked at again (a restarted host has forgotten it) and every screen reloads
  const stationMode = useStation((s) => s.state !== null);
  const stage = useStation((s) => s.state?.stage);
  useEffect(() => {
    if (!stationMode) return;
    const timer = setInterval(() => {
      const before = useStation.getState().state;
      fetchStationState().then(
        (s) => {
          useStation.getState().set(s);
          if (before?.link === 'disconnected' && s?.link === 'connected') boot();
        },
        () => undefined,
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [stationMode, boot]);

  let body;
  if (stationMode && stage !== 'active') {
    body = <JoinStation onDone={boot} />;
  } else if (bootError) {
    body = (
      <div className="center-screen">
        <div className="center-card narrow" role="alert">
          <h1>{t('errors.CONNECTION_LOST')}</h1>
          <button type="button" className="btn btn-primary btn-big" onClick={boot}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  } else if (!status) {
    body = (
      <p className="muted" style={{ padding: 24 }}>
        {t('common.loading')}
      </p>
    );
  } else if (status.state === 'broken') {
    body = <BrokenScreen status={status} onRestored={() => window.location.reload()} />;
  } else if (status.state === 'setup') {
    body = <SetupScreen onDone={boot} />;
  } else if (!info) {
    body = (
      <>
        <LinkBanner floating />
        <LoginScreen onLoggedIn={boot} />
      </>
    );
  } else {
    body = (
      <>
        <Shell />
        {locked && <LockScreen staffId={locked.staffId} staffName={locked.staffName} onUnlocked={boot} />}
      </>
    );
  }
  return (
    <>
      {body}
      <Toasts />
      <ReceiptHost />
    </>
  );
}
