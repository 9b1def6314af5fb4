import { useTranslation } from 'react-i18next';
import { useToast } from '../stores/toast';

/** Messages in the corner; errors are announced assertively and stay until dismissed. */
export function Toasts() {
  const { t } = useTranslation();
  const items = useToast((s) => s.items);
  const dismiss = useToast((s) => s.dismiss);
  return (
    <div className="toasts">
      {items.map((i) => (
        <div key={i.id} className={`toast toast-${i.kind}`} role={i.kind === 'error' ? 'alert' : 'status'}>
          <span style={{ flex: 1 }}>{i.text}</span>
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
