/** "Are you sure?" for actions that change a membership's state. */
import type { ReactNode } from 'react';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { busy, error, run } = useSubmit();
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div>{props.children}</div>
      <FormFooter
        error={error}
        submitClassName={props.danger ? 'btn btn-danger' : 'btn btn-primary'}
        disabled={busy}
        submitLabel={props.confirmLabel}
        onSubmit={() => void run(props.onConfirm)}
        onCancel={props.onClose}
      />
    </Modal>
  );
}
