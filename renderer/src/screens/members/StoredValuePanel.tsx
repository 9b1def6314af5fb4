/**
 * A member's stored value (储值): the balance, top-up (cash with change, card or mobile with a
 * reference), the ledger newest first with paging, and for managers refund and adjustment. Also
 * the weekly stored-value check (supervisors), opened from the members screen.
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, newOpId } from '../../api';
import {
  DESK_PAYMENT_METHODS,
  type DeskPaymentMethod as DeskMethod,
  type MemberDetail,
  type StoredValueAccount,
  type StoredValueCheck,
  type StoredValueEntry,
} from '../../../../electron/core/contract';
import { addDays } from '../../../../electron/shared/dates';
import { centsToInput, parseCents } from '../../../../electron/shared/money';
import { FormError, FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { MethodChoice, MoneyInput, SegChoice } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { clubToday, fmtDate, fmtDateTime, fmtMoney, moneyRefusal } from '../../format';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';

const PAGE = 10;
const PRESETS = [10_000, 20_000, 50_000, 100_000];

function signed(cents: number): string {
  return cents > 0 ? `+${fmtMoney(cents)}` : fmtMoney(cents);
}

/** The newest entry first (the core pages newest first; this keeps one page in order). */
function newestFirst(a: StoredValueEntry, b: StoredValueEntry): number {
  return a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1;
}

export function StoredValuePanel(props: { member: MemberDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const canSee = useCan('storedValue.account');
  const canTopup = useCan('storedValue.topup');
  const canRefund = useCan('storedValue.refund');
  const canAdjust = useCan('storedValue.adjust');
  const [account, setAccount] = useState<StoredValueAccount | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<'topup' | 'refund' | 'adjust' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    if (!canSee) return;
    let live = true;
    call('storedValue.account', { memberId: m.id, limit: PAGE, offset })
      .then((a) => {
        if (!live) return;
        setAccount(a);
        setLoadError(null);
      })
      .catch((e: unknown) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
    // the member's balance changes when they pay with stored value elsewhere
  }, [canSee, m.id, m.storedValueCents, offset, reloadKey]);

  const changed = useCallback(() => {
    setDialog(null);
    setOffset(0);
    setReloadKey((k) => k + 1);
    props.onChanged();
  }, [props]);

  const balance = account?.balanceCents ?? m.storedValueCents;
  const entries = [...(account?.entries ?? [])].sort(newestFirst);
  const total = account?.total ?? 0;

  return (
    <section className="sv-panel" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('members.sv.title')}</h3>
      <div className="sv-head">
        <div className="sv-balance">
          <span className="sv-balance-label">{t('members.sv.balance')}</span>
          <strong className="sv-balance-amount" data-testid="sv-balance">
            {fmtMoney(balance)}
          </strong>
        </div>
        <div className="toolbar">
          {canTopup && (
            <button type="button" className="btn btn-primary" onClick={() => setDialog('topup')}>
              {t('members.sv.topup')}
            </button>
          )}
          {canRefund && (
            <button type="button" className="btn" disabled={balance <= 0} onClick={() => setDialog('refund')}>
              {t('members.sv.refund')}
            </button>
          )}
          {canAdjust && (
            <button type="button" className="btn" onClick={() => setDialog('adjust')}>
              {t('members.sv.adjust')}
            </button>
          )}
        </div>
      </div>

      {canSee &&
        (loadError ? (
          <FormError error={loadError} />
        ) : account === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="muted">{t('members.sv.noEntries')}</p>
        ) : (
          <>
            <table className="table sv-ledger" aria-label={t('members.sv.ledger')}>
              <thead>
                <tr>
                  <th scope="col">{t('members.sv.when')}</th>
                  <th scope="col">{t('members.sv.what')}</th>
                  <th scope="col" className="num">
                    {t('members.sv.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('members.sv.after')}
                  </th>
                  <th scope="col">{t('members.sv.by')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{fmtDateTime(e.at)}</td>
                    <td>
                      {t(`members.sv.kind.${e.kind}`)}
                      {e.method && e.kind !== 'deduction' && (
                        <span className="muted"> · {t(`checkin.pay.method.${e.method}`)}</span>
                      )}
                      {e.reason && <div className="muted">{e.reason}</div>}
                    </td>
                    <td className={`num ${e.amountCents < 0 ? 'sv-minus' : 'sv-plus'}`}>
                      {signed(e.amountCents)}
                    </td>
                    <td className="num">{fmtMoney(e.balanceAfterCents)}</td>
                    <td>{e.byName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {total > PAGE && (
              <div className="sv-pager">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  {t('members.sv.newer')}
                </button>
                <span className="muted" aria-live="polite">
                  {t('members.sv.range', {
                    from: offset + 1,
                    to: Math.min(total, offset + entries.length),
                    total,
                  })}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset + PAGE >= total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  {t('members.sv.older')}
                </button>
              </div>
            )}
          </>
        ))}

      {dialog === 'topup' && <TopupDialog member={m} onClose={() => setDialog(null)} onDone={changed} />}
      {dialog === 'refund' && (
        <RefundDialog member={m} balanceCents={balance} onClose={() => setDialog(null)} onDone={changed} />
      )}
      {dialog === 'adjust' && (
        <AdjustDialog member={m} balanceCents={balance} onClose={() => setDialog(null)} onDone={changed} />
      )}
    </section>
  );
}

/** Cash received and the change, or the card / mobile reference, for a single-method payment. */
function MethodExtras(props: {
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
            placeholder={props.amountCents !== null ? centsToInput(props.amountCents) : ''}
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
function AmountField(props: {
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
function ReasonField(props: { id: string; value: string; onChange(v: string): void; missing: boolean }) {
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

function TopupDialog(props: { member: MemberDetail; onClose(): void; onDone(): void }) {
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
    });
  };

  return (
    <Modal title={t('members.sv.topupTitle', { name: m.name })} onClose={props.onClose}>
      <form onSubmit={submit} noValidate className="sv-form">
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
            <button key={p} type="button" className="btn" onClick={() => setAmount(centsToInput(p))}>
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

function RefundDialog(props: {
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
      <form onSubmit={submit} noValidate className="sv-form">
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
            <button type="button" className="btn" onClick={() => setAmount(centsToInput(props.balanceCents))}>
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

function AdjustDialog(props: {
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
      <form onSubmit={submit} noValidate className="sv-form">
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

/** The weekly check: the period's movements and anything that does not add up. */
export function StoredValueCheckDialog(props: { onClose(): void; onOpenMember?(memberId: number): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [to, setTo] = useState(() => clubToday());
  const [from, setFrom] = useState(() => addDays(clubToday(), -6));
  const [result, setResult] = useState<StoredValueCheck | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (f: string, tt: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('storedValue.check', { from: f, to: tt }));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);

  // the last 7 days straight away
  useEffect(() => {
    let live = true;
    call('storedValue.check', { from: addDays(clubToday(), -6), to: clubToday() })
      .then((r) => live && setResult(r))
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, []);

  const badRange = !from || !to || to < from;

  return (
    <Modal title={t('members.svCheck.title')} onClose={props.onClose} wide>
      <form
        className="sv-check-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!badRange) void run(from, to);
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('members.svCheck.from')}</label>
          <input
            id={`${uid}-from`}
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('members.svCheck.to')}</label>
          <input
            id={`${uid}-to`}
            type="date"
            value={to}
            min={from}
            aria-invalid={badRange || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || badRange}>
          {t('members.svCheck.run')}
        </button>
      </form>
      {badRange && <div className="field-error">{t('members.svCheck.badRange')}</div>}
      <FormError error={error} />
      <div aria-live="polite" aria-busy={busy || undefined}>
        {busy && result === null && <p className="muted">{t('common.loading')}</p>}
        {result && (
          <>
            <p className="muted">
              {t('members.svCheck.period', {
                from: fmtDate(result.from),
                to: fmtDate(result.to),
                count: result.entries,
              })}
            </p>
            <dl className="sv-totals">
              <div>
                <dt>{t('members.svCheck.topups')}</dt>
                <dd>{fmtMoney(result.topupsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.deductions')}</dt>
                <dd>{fmtMoney(result.deductionsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.refunds')}</dt>
                <dd>{fmtMoney(result.refundsCents)}</dd>
              </div>
              <div>
                <dt>{t('members.svCheck.adjustments')}</dt>
                <dd>{signed(result.adjustmentsCents)}</dd>
              </div>
            </dl>
            {result.problems.length === 0 ? (
              <p className="banner banner-ok sv-check-ok">{t('members.svCheck.noProblems')}</p>
            ) : (
              <>
                <p className="banner banner-block">
                  {t('members.svCheck.problems', { count: result.problems.length })}
                </p>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('members.svCheck.problem')}</th>
                      <th scope="col">{t('members.svCheck.member')}</th>
                      <th scope="col" className="num">
                        {t('members.svCheck.ledger')}
                      </th>
                      <th scope="col" className="num">
                        {t('members.svCheck.balance')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.problems.map((p, i) => (
                      <tr key={`${p.kind}-${p.memberId}-${p.entryId ?? i}`}>
                        <td>
                          <strong>{t(`members.svCheck.kind.${p.kind}`)}</strong>
                          {p.entryId !== null && (
                            <div className="muted">{t('members.svCheck.entry', { id: p.entryId })}</div>
                          )}
                        </td>
                        <td>
                          {props.onOpenMember ? (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => props.onOpenMember?.(p.memberId)}
                            >
                              {p.name}
                            </button>
                          ) : (
                            p.name
                          )}
                          <div className="muted mono">{p.cardNo}</div>
                        </td>
                        <td className="num">{p.ledgerCents === null ? '—' : fmtMoney(p.ledgerCents)}</td>
                        <td className="num">{p.balanceCents === null ? '—' : fmtMoney(p.balanceCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
