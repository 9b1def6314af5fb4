import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { PinPad } from '../components/PinPad';
import { errorText } from '../errorText';
import { useSession } from '../stores/session';

/** The counter is locked (idle or by hand): the same person unlocks with their PIN, or someone else logs in. */
export default function LockScreen(props: { staffId: number; staffName: string; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async (pin: string) => {
    setBusy(true);
    setError(null);
    try {
      await call('session.login', { staffId: props.staffId, pin });
      useSession.getState().set({ locked: null });
      props.onUnlocked();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const switchUser = async () => {
    await call('session.logout', {}).catch(() => undefined);
    useSession.getState().set({ info: null, locked: null });
  };

  return (
    <div className="modal-backdrop" style={{ background: 'rgba(18,50,58,0.96)' }}>
      <div className="center-card narrow" role="dialog" aria-modal="true" aria-label={t('login.lockedTitle')}>
        <h1>{t('login.lockedTitle')}</h1>
        <p className="muted">{t('login.lockedText', { name: props.staffName })}</p>
        <PinPad
          label={t('login.pinFor', { name: props.staffName })}
          onSubmit={unlock}
          busy={busy}
          error={error}
          submitLabel={t('login.unlock')}
        />
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={() => void switchUser()}>
            {t('common.switchUser')}
          </button>
        </div>
      </div>
    </div>
  );
}
