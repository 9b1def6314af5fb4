/** The fields the stored-value dialogs share: an amount, a reason, cash received or a reference. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskPaymentMethod as DeskMethod } from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { MoneyInput } from '../../components/PaymentEditor';
import { fmtMoney, moneyRefusal } from '../../format';

/** An amount with its sign ("+¥50.00"). */
export function signed(cents: number): string {
  return cents > 0 ? `+${fmtMoney(cents)}` : fmtMoney(cents);
}

/** Cash received and the change, or the card / mobile reference, for a single-method payment. */
export function MethodExtras(props: {
  uid: string;
  method: DeskMethod;
  amountCents: number | null;
  tendered: string;
  setTendered(v: string): void;
  reference: string;
  setReference(v: string): void;
  tenderedBad: boolean;
}) {
  const { t } = useTranslation();
  const { uid } = props;
  if (props.method === 'cash') {
    const tendered = props.tendered.trim() === '' ? null : parseCents(props.tendered);
    const change =
      tendered !== null && props.amountCents !== null && tendered >= props.amountCents
        ? tendered - props.amountCents
        : 0;
    return (
      <div className="pay-row-fields">
        <div className="field">
          <label htmlFor={`${uid}-tendered`}>{t('checkin.pay.tendered')}</label>
          <MoneyInput
            id={`${uid}-tendered`}
            value={props.tendered}
            onChange={props.setTendered}
            invalid={props.tenderedBad}
            placeholder={props.amountCents !== null ? centsToYuan(props.amountCents) : ''}
            describedBy={`${uid}-tendered-hint`}
          />
          {props.tenderedBad ? (
            <div className="field-error" id={`${uid}-tendered-hint`}>
              {moneyRefusal(props.tendered) ?? t('checkin.pay.tenderedShort')}
            </div>
          ) : (
            <div className="field-hint" id={`${uid}-tendered-hint`}>
              {t('checkin.pay.tenderedHint')}
            </div>
          )}
        </div>
        <div className="pay-change" aria-live="polite">
          <span className="pay-change-label">{t('checkin.pay.change')}</span>
          <strong className="pay-change-amount">{fmtMoney(change)}</strong>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${uid}-ref`}>{t('checkin.pay.reference')}</label>
      <input
        id={`${uid}-ref`}
        type="text"
        autoComplete="off"
        maxLength={200}
        value={props.reference}
        aria-describedby={`${uid}-ref-hint`}
        onChange={(e) => props.setReference(e.target.value)}
      />
      <div className="field-hint" id={`${uid}-ref-hint`}>
        {t('checkin.pay.referenceHint')}
      </div>
    </div>
  );
}

/** An amount in currency units: "bad amount" once submit was pressed, and a limit it goes over. */
export function AmountField(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  bad: boolean;
  tried: boolean;
  /** What the amount goes over, said at once (not only after submit). */
  over?: string | null;
  /** A button beside the field. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const input = (
    <MoneyInput
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      invalid={(props.tried && props.bad) || !!props.over}
    />
  );
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.extra ? (
        <div className="sv-amount-row">
          {input}
          {props.extra}
        </div>
      ) : (
        input
      )}
      {props.tried && props.bad && (
        <div className="field-error">{moneyRefusal(props.value) ?? t('checkin.pay.badAmount')}</div>
      )}
      {props.over && <div className="field-error">{props.over}</div>}
    </div>
  );
}

/** Why a refund or adjustment was made (required). */
export function ReasonField(props: {
  id: string;
  value: string;
  onChange(v: string): void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('members.sv.reason')}</label>
      <input
        id={props.id}
        type="text"
        maxLength={500}
        value={props.value}
        aria-invalid={props.missing || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.missing && <div className="field-error">{t('members.sv.needReason')}</div>}
    </div>
  );
}
