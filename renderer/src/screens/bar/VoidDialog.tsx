/**
 * Voiding a line: a shift lead's or customer-service manager's PIN on the spot, with a reason. A line
 * that is already paid needs to say how the money goes back (cash, or stored value for members).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, Tab, TabLine } from '../../../../electron/core/contract';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { RadioRow } from '../../components/FormParts';
import { fmtMoney } from '../../format';
import { useBar } from '../../stores/bar';

/** Who may authorise a void (the core checks it again). */
export const VOID_ROLES: readonly Role[] = ['shift_lead', 'cs_manager', 'duty_manager', 'store_manager'];

export type RefundMethod = 'cash' | 'stored_value';

export function VoidDialog(props: {
  line: TabLine;
  tab: Tab;
  onClose(): void;
  onDone(refund: RefundMethod | null): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { line, tab } = props;
  const [refund, setRefund] = useState<RefundMethod>('cash');
  const storedOk = tab.storedValueCents !== null;

  return (
    <AuthorizeDialog
      title={t('bar.void.title', { name: line.name })}
      confirmLabel={t('bar.void.confirm')}
      roles={VOID_ROLES}
      onClose={props.onClose}
      onAuthorize={async (auth) => {
        const method = line.paid ? refund : undefined;
        await useBar.getState().voidLines([line.id], auth, method);
        props.onDone(method ?? null);
      }}
    >
      <p>
        {t('bar.void.what', {
          name: line.name,
          quantity: line.quantity,
          amount: fmtMoney(line.amountCents),
          who: tab.visit.name,
        })}
      </p>
      {line.paid && (
        <RadioRow<RefundMethod>
          legend={t('bar.void.refundLegend', { amount: fmtMoney(line.amountCents) })}
          name={`${uid}-refund`}
          options={storedOk ? ['cash', 'stored_value'] : ['cash']}
          value={refund}
          onChange={setRefund}
          label={(m) => (m === 'cash' ? t('bar.void.refundCash') : t('bar.void.refundStored'))}
        />
      )}
      <p className="muted">{t('bar.void.who')}</p>
    </AuthorizeDialog>
  );
}
