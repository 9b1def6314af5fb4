import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginStaff } from '../../../electron/core/contract';
import { call } from '../api';
import { LangSwitch } from '../components/LangSwitch';
import { PinPad } from '../components/PinPad';
import { errorText } from '../errorText';
import { loadError } from '../query';
import { useStaffList } from '../staff';
import { useCheckin } from '../stores/checkin';
import { useMembers } from '../stores/members';
import { useNav } from '../stores/nav';
import { useSession } from '../stores/session';
import { useToast } from '../stores/toast';

/** Who is at the counter: pick your name, enter your PIN. */
export default function LoginScreen(props: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const clubName = useSession((s) => s.status?.clubName);
  const staffList = useStaffList();
  const staff = staffList.data ?? null;
  const [picked, setPicked] = useState<LoginStaff | null>(null);
  const [busy, setBusy] = useState(false);
  const [loginError, setError] = useState<string | null>(null);
  const error = loginError ?? loadError(staffList);

  const login = async (pin: string) => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      await call('session.login', { staffId: picked.id, pin });
      // A new person at the counter starts on the home screen, with nothing of the previous user's searches.
      useNav.getState().go('checkin');
      useMembers.setState({ query: '', results: null, selectedId: null });
      useCheckin.setState({ panel: { kind: 'idle' } });
      useToast.setState({ items: [] });
      props.onLoggedIn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-screen">
      <div className="center-card">
        <div className="brand">
          <div className="brand-mark" aria-hidden="true">
            FD
          </div>
          <div>
            <h1 style={{ margin: 0 }}>{clubName ?? t('common.appName')}</h1>
            <div className="muted">{t('login.title')}</div>
          </div>
          <LangSwitch />
        </div>
        <h2>{t('login.whoAreYou')}</h2>
        {staff === null && !error && <p className="muted">{t('common.loading')}</p>}
        {/* the PIN pad beside the names: the whole login fits a 1366×768 screen */}
        <div className={picked ? 'login-body login-picked' : 'login-body'}>
          <div className="staff-grid" role="group" aria-label={t('login.staffList')}>
            {staff?.map((s) => (
              <button
                key={s.id}
                type="button"
                className="staff-tile"
                aria-pressed={picked?.id === s.id}
                onClick={() => {
                  setPicked(s);
                  setError(null);
                }}
              >
                <strong>{s.name}</strong>
                <span>{t(`common.roles.${s.role}`)}</span>
              </button>
            ))}
          </div>
          {picked ? (
            <PinPad
              key={picked.id}
              label={t('login.pinFor', { name: picked.name })}
              onSubmit={login}
              busy={busy}
              error={error}
            />
          ) : (
            error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )
          )}
        </div>
      </div>
    </div>
  );
}
