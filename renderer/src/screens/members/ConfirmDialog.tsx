/** "Are you sure?" for actions that change a membership's state. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div>{props.children}</div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-buttons">
        <button
          type="button"
          className={props.danger ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await props.onConfirm();
            } catch (e) {
              setError(errorText(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="btn btn-ghost" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
