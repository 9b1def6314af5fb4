/** Stored value at the desk: top-up; for managers refund (the balance paid out) and adjustment. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, newOpId } from '../../api';
import {
  DESK_PAYMENT_METHODS,
  type DeskPaymentMethod as DeskMethod,
  type MemberDetail,
} from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { MethodChoice, SegChoice } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { fmtMoney } from '../../format';
import { toast } from '../../stores/toast';
import { offerReceipt } from '../../stores/receipt';
import { AmountField, MethodExtras, ReasonField, signed } from './StoredValueFields';

const PRESETS = [10_000, 20_000, 50_000, 100_000];

export function TopupDialog(props: { member: MemberDetail; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<DeskMethod>('cash');
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const { busy, error, tried, setTried, run } = useSubmit();
  // one id for this top-up: a double press or a retry after a lost answer never tops up twice
  const [opId] = useState(newOpId);

  const amountCents = parseCents(amount);
  const amountBad = amountCents === null || amountCents <= 0;
  const tenderedCents = method === 'cash' && tendered.trim() !== '' ? parseCents(tendered) : undefined;
  const tenderedBad =
    tenderedCents !== undefined &&
    (tenderedCents === null || (amountCents !== null && tenderedCents < amountCents));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (amountBad || tenderedBad || amountCents === null || busy) return;
    await run(async () => {
      const r = await call('storedValue.topup', {
        memberId: m.id,
        amountCents,
        method,
        ...(method === 'cash' ? { tenderedCents: tenderedCents ?? amountCents } : {}),
        ...(method !== 'cash' && reference.trim() ? { reference: reference.trim() } : {}),
        opId,
      });
      const after = fmtMoney(r.storedValueAfterCents ?? 0);
      toast.ok(
        r.changeCents > 0
          ? t('members.sv.toppedUpChange', {
              amount: fmtMoney(r.totalCents),
              balance: after,
              change: fmtMoney(r.changeCents),
            })
          : t('members.sv.toppedUp', { amount: fmtMoney(r.totalCents), balance: after }),
      );
      props.onDone();
      offerReceipt(r.settlementId);
    });
  };

  return (
    <Modal title={t('members.sv.topupTitle', { name: m.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate className="sv-form">
        <p className="muted">{t('members.sv.current', { amount: fmtMoney(m.storedValueCents) })}</p>
        <AmountField
          id={`${uid}-amount`}
          label={t('members.sv.topupAmount')}
          value={amount}
          onChange={setAmount}
          bad={amountBad}
          tried={tried}
        />
        <div className="sv-presets" role="group" aria-label={t('members.sv.presets')}>
          {PRESETS.map((p) => (
            <button key={p} type="button" className="btn" onClick={() => setAmount(centsToYuan(p))}>
              {fmtMoney(p)}
            </button>
          ))}
        </div>
        <MethodChoice<DeskMethod>
          legend={t('checkin.pay.method.label')}
          methods={DESK_PAYMENT_METHODS}
          value={method}
          onChange={setMethod}
        />
        <MethodExtras
          uid={uid}
          method={method}
          amountCents={amountBad ? null : amountCents}
          tendered={tendered}
          setTendered={setTendered}
          reference={reference}
          setReference={setReference}
          tenderedBad={tenderedBad}
        />
        {!amountBad && amountCents !== null && (
          <p className="sv-after">
            {t('members.sv.newBalance', { amount: fmtMoney(m.storedValueCents + amountCents) })}
          </p>
        )}
        <FormFooter
          error={error}
          submitClassName="btn btn-primary btn-big"
          disabled={busy || (tried && (amountBad || tenderedBad))}
          submitLabel={
            amountBad
              ? t('members.sv.topup')
              : t('members.sv.topupSubmit', { amount: fmtMoney(amountCents ?? 0) })
          }
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}

export function RefundDialog(props: {
  member: MemberDetail;
  balanceCents: number;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<DeskMethod>('cash');
  const [reason, setReason] = useState('');
  const { busy, error, tried, setTried, run } = useSubmit();
  const [opId] = useState(newOpId);

  const amountCents = parseCents(amount);
  const amountBad = amountCents === null || amountCents <= 0;
  const tooMuch = amountCents !== null && amountCents > props.balanceCents;
  const reasonBad = reason.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (amountBad || tooMuch || reasonBad || amountCents === null || busy) return;
    await run(async () => {
      const r = await call('storedValue.refund', {
        memberId: m.id,
        amountCents,
        method,
        reason: reason.trim(),
        opId,
      });
      toast.ok(
        t('members.sv.refunded', {
          amount: fmtMoney(r.totalCents),
          balance: fmtMoney(r.storedValueAfterCents ?? 0),
        }),
      );
      props.onDone();
    });
  };

  return (
    <Modal title={t('members.sv.refundTitle', { name: m.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate className="sv-form">
        <p className="muted">{t('members.sv.current', { amount: fmtMoney(props.balanceCents) })}</p>
        <AmountField
          id={`${uid}-amount`}
          label={t('members.sv.refundAmount')}
          value={amount}
          onChange={setAmount}
          bad={amountBad}
          tried={tried}
          over={tooMuch ? t('members.sv.moreThanBalance', { amount: fmtMoney(props.balanceCents) }) : null}
          extra={
            <button type="button" className="btn" onClick={() => setAmount(centsToYuan(props.balanceCents))}>
              {t('members.sv.wholeBalance')}
            </button>
          }
        />
        <MethodChoice<DeskMethod>
          legend={t('members.sv.refundMethod')}
          methods={DESK_PAYMENT_METHODS}
          value={method}
          onChange={setMethod}
        />
        <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} missing={tried && reasonBad} />
        <FormFooter
          error={error}
          submitClassName="btn btn-danger"
          disabled={busy}
          submitLabel={
            amountBad
              ? t('members.sv.refund')
              : t('members.sv.refundSubmit', { amount: fmtMoney(amountCents ?? 0) })
          }
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}

export function AdjustDialog(props: {
  member: MemberDetail;
  balanceCents: number;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const [direction, setDirection] = useState<'add' | 'deduct'>('add');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, tried, setTried, run } = useSubmit();

  const amountCents = parseCents(amount);
  const amountBad = amountCents === null || amountCents <= 0;
  const belowZero = direction === 'deduct' && amountCents !== null && amountCents > props.balanceCents;
  const reasonBad = reason.trim() === '';
  const delta = amountCents === null ? 0 : direction === 'add' ? amountCents : -amountCents;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (amountBad || belowZero || reasonBad || busy) return;
    await run(async () => {
      const a = await call('storedValue.adjust', {
        memberId: m.id,
        amountCents: delta,
        reason: reason.trim(),
      });
      toast.ok(t('members.sv.adjusted', { amount: signed(delta), balance: fmtMoney(a.balanceCents) }));
      props.onDone();
    });
  };

  return (
    <Modal title={t('members.sv.adjustTitle', { name: m.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate className="sv-form">
        <p className="muted">{t('members.sv.current', { amount: fmtMoney(props.balanceCents) })}</p>
        <SegChoice<'add' | 'deduct'>
          legend={t('members.sv.direction')}
          options={['add', 'deduct']}
          value={direction}
          onChange={setDirection}
          label={(d) => t(`members.sv.${d}`)}
        />
        <AmountField
          id={`${uid}-amount`}
          label={t('members.sv.adjustAmount')}
          value={amount}
          onChange={setAmount}
          bad={amountBad}
          tried={tried}
          over={belowZero ? t('members.sv.belowZero', { amount: fmtMoney(props.balanceCents) }) : null}
        />
        <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} missing={tried && reasonBad} />
        {!amountBad && !belowZero && (
          <p className="sv-after">
            {t('members.sv.newBalance', { amount: fmtMoney(props.balanceCents + delta) })}
          </p>
        )}
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={t('members.sv.adjustSubmit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
