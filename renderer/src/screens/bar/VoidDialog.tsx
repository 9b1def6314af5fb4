/**
 * Voiding a line, or part of it: a shift lead's or customer-service manager's PIN on the spot, with a
 * reason — a manager's once the member has left. Money already paid goes back where it came from
 * (stored value to the member's balance); paying stored value back in cash needs a manager's PIN.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod, Tab, TabLine } from '../../../../electron/core/contract';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { fmtMoney } from '../../format';
import { useBar } from '../../stores/bar';
import { QtyStepper } from './QtyStepper';

export function VoidDialog(props: {
  line: TabLine;
  tab: Tab;
  onClose(): void;
  onDone(voided: { quantity: number; refund: NonNullable<Tab['refund']> }): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { line, tab } = props;
  const [qty, setQty] = useState(String(line.quantity));
  const [cashBack, setCashBack] = useState(false);
  const n = qty.trim() === '' ? NaN : Number(qty);
  const validQty = Number.isInteger(n) && n >= 1 && n <= line.quantity;
  const quantity = validQty ? n : line.quantity;
  const amount = fmtMoney(line.unitPriceCents * quantity);
  const paidByStoredValue = line.paid && line.paidWith.includes('stored_value');
  const managerOnly = !tab.open || (paidByStoredValue && cashBack);
  const methods = (list: readonly PaymentMethod[]) =>
    list.map((m) => t(`barReport.methods.${m}`)).join(t('bar.listSep'));

  return (
    <AuthorizeDialog
      title={t('bar.void.title', { name: line.name })}
      confirmLabel={t('bar.void.confirm')}
      action="void"
      managersOnly={managerOnly}
      disabled={!validQty}
      onClose={props.onClose}
      onAuthorize={async (auth) => {
        const next = await useBar.getState().voidLines([line.id], auth, {
          ...(quantity < line.quantity ? { quantities: [quantity] } : {}),
          ...(paidByStoredValue && cashBack ? { cashBack: true } : {}),
        });
        props.onDone({ quantity, refund: next.refund ?? [] });
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
      {line.quantity > 1 && (
        <div className="field">
          <label htmlFor={`${uid}-qty`}>{t('bar.void.quantity')}</label>
          <QtyStepper
            id={`${uid}-qty`}
            value={qty}
            min={1}
            max={line.quantity}
            onChange={setQty}
            invalid={!validQty}
            describedBy={`${uid}-qty-hint`}
          />
          <div className={validQty ? 'muted field-hint' : 'field-error'} id={`${uid}-qty-hint`}>
            {validQty
              ? t('bar.void.quantityHint', { quantity, amount })
              : t('bar.void.badQuantity', { max: line.quantity })}
          </div>
        </div>
      )}
      {line.paid && (
        <div className="bar-void-refund">
          <p>{t('bar.void.refundOrigin', { amount, methods: methods(line.paidWith) })}</p>
          {paidByStoredValue && (
            <label className="check">
              <input type="checkbox" checked={cashBack} onChange={(e) => setCashBack(e.target.checked)} />
              {t('bar.void.cashBack')}
            </label>
          )}
        </div>
      )}
      <p className={managerOnly ? 'banner banner-warn' : 'muted'}>
        {!tab.open ? t('bar.void.whoLeft') : managerOnly ? t('bar.void.whoCashBack') : t('bar.void.who')}
      </p>
    </AuthorizeDialog>
  );
}
