import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../stores/toast';

/**
 * Messages in a line along the bottom of the window, in space of their own: the app, the open
 * dialog and the full-screen flows end above it (--status-h, styles.css), so a message never sits
 * on a button. The newest message shows; errors are announced assertively and stay until dismissed.
 */
export function Toasts() {
  const { t } = useTranslation();
  const items = useToast((s) => s.items);
  const dismiss = useToast((s) => s.dismiss);
  const shown = items.slice(-2);
  useEffect(() => {
    const root = document.documentElement;
    if (shown.length) root.style.setProperty('--status-h', `${shown.length * 40}px`);
    else root.style.removeProperty('--status-h');
  }, [shown.length]);
  return (
    <div className="toasts">
      {shown.map((i) => (
        <div key={i.id} className={`toast toast-${i.kind}`} role={i.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-text">{i.text}</span>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={t('common.close')}
            onClick={() => dismiss(i.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
