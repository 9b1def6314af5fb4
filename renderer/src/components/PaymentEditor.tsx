/**
 * Split payment: one to four rows of method and amount that must add up to what is due, to the
 * cent. Cash rows take what was handed over and show the change big; card and mobile rows take a
 * reference. Stored value is offered only to members (with the balance shown). Everything is kept
 * in integer cents; the fields hold what the receptionist typed.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentMethod, type PaymentPart } from '../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../electron/shared/money';
import { fmtMoney, moneyRefusal } from '../format';
import './PaymentEditor.css';

export const MAX_PARTS = 4;

/**
 * A money field: yuan with a point for cents, read with the one rule of shared/money.ts (parseCents;
 * "12,5" is refused with words saying so, see moneyRefusal in format.ts).
 */
export function MoneyInput({
  ref,
  ...props
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  autoFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      ref={ref}
      id={props.id}
      className="money-input"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      maxLength={20}
      value={props.value}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value)}
      onFocus={(e) => e.target.select()}
    />
  );
}

/** Big segmented radio buttons (arrow keys move between them); the legend is for screen readers. */
export function SegChoice<K extends string>(props: {
  legend: string;
  options: readonly K[];
  value: K;
  onChange(k: K): void;
  label(k: K): ReactNode;
  /** Extra words after an option's name (the stored-value balance). */
  note?: Partial<Record<K, string>>;
  disabled?: Partial<Record<K, boolean>>;
}) {
  const name = useId();
  return (
    <fieldset className="seg">
      <legend className="sr-only">{props.legend}</legend>
      {props.options.map((k) => (
        <label key={k} className={`seg-option ${props.disabled?.[k] ? 'disabled' : ''}`}>
          <input
            className="sr-only"
            type="radio"
            name={name}
            value={k}
            checked={props.value === k}
            disabled={props.disabled?.[k]}
            onChange={() => props.onChange(k)}
          />
          <span className="seg-name">{props.label(k)}</span>
          {props.note?.[k] && <span className="seg-note">{props.note[k]}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** Big segmented radio buttons for a payment method. */
export function MethodChoice<M extends PaymentMethod>(props: {
  legend: string;
  methods: readonly M[];
  value: M;
  onChange(m: M): void;
  /** Extra words after a method's name (the stored-value balance). */
  note?: Partial<Record<M, string>>;
  disabled?: Partial<Record<M, boolean>>;
}) {
  const { t } = useTranslation();
  return (
    <SegChoice
      legend={props.legend}
      options={props.methods}
      value={props.value}
      onChange={props.onChange}
      label={(m) => t(`checkin.pay.method.${m}`)}
      note={props.note}
      disabled={props.disabled}
    />
  );
}

interface Row {
  key: number;
  method: PaymentMethod;
  amount: string;
  tendered: string;
  reference: string;
}

/**
 * The notes a member may hand over for a cash amount, as quick-tender keys after "Exact": ¥50 and
 * ¥100 when they cover it, and the next ¥10 / ¥100 above the amount when that is a different note
 * count (at most three keys, smallest first).
 */
export function quickTenders(amountCents: number): number[] {
  if (!(amountCents > 0)) return [];
  const up = (step: number) => Math.ceil(amountCents / step) * step;
  const keys = new Set<number>();
  if (amountCents < 5000) keys.add(up(1000));
  keys.add(5000);
  keys.add(10000);
  keys.add(up(10000));
  return [...keys]
    .filter((c) => c > amountCents)
    .sort((a, b) => a - b)
    .slice(0, 3);
}

export interface PaymentCheck {
  parts: PaymentPart[];
  valid: boolean;
  paidCents: number;
  /** Change to hand back over all cash rows. */
  changeCents: number;
}

export function PaymentEditor(props: {
  dueCents: number;
  /** The member's stored-value balance; null for guests (no stored value offered). */
  storedValueCents: number | null;
  onChange(parts: PaymentPart[], valid: boolean, check: PaymentCheck): void;
  /** Focus the first row's "Cash received" (or amount) field when shown. */
  autoFocus?: boolean;
  disabled?: boolean;
  /** Quick-tender keys under "Cash received" (Exact, ¥50, ¥100 …): the check-out uses them. */
  quickTender?: boolean;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { dueCents, storedValueCents } = props;
  const methods = useMemo(
    () => (storedValueCents === null ? PAYMENT_METHODS.filter((m) => m !== 'stored_value') : PAYMENT_METHODS),
    [storedValueCents],
  );
  const seq = useRef(1);
  const [rows, setRows] = useState<Row[]>(() => [
    { key: 0, method: 'cash', amount: centsToYuan(dueCents), tendered: '', reference: '' },
  ]);
  const firstRef = useRef<HTMLInputElement>(null);

  // per row: the parsed amount and tendered cash, and what is wrong with it
  const rowInfo = rows.map((r) => {
    const amountCents = parseCents(r.amount);
    const tendered = r.method === 'cash' && r.tendered.trim() !== '' ? parseCents(r.tendered) : undefined;
    const amountBad = amountCents === null || amountCents <= 0;
    const tenderedBad =
      r.method === 'cash' &&
      tendered !== undefined &&
      (tendered === null || (amountCents !== null && tendered < amountCents));
    const change =
      r.method === 'cash' && tendered != null && amountCents !== null && tendered >= amountCents
        ? tendered - amountCents
        : 0;
    return { amountCents, tendered, amountBad, tenderedBad, change };
  });
  const paidCents = rowInfo.reduce((s, r) => s + (r.amountCents ?? 0), 0);
  const svUsed = rows.reduce(
    (s, r, i) => s + (r.method === 'stored_value' ? (rowInfo[i]?.amountCents ?? 0) : 0),
    0,
  );
  const svShort = storedValueCents !== null && svUsed > storedValueCents;
  const remaining = dueCents - paidCents;
  const changeCents = rowInfo.reduce((s, r) => s + r.change, 0);
  const valid =
    rows.length >= 1 &&
    rows.length <= MAX_PARTS &&
    remaining === 0 &&
    !svShort &&
    rowInfo.every((r) => !r.amountBad && !r.tenderedBad) &&
    (storedValueCents !== null || rows.every((r) => r.method !== 'stored_value'));

  const parts: PaymentPart[] = rows.map((r, i) => {
    const info = rowInfo[i]!;
    const amountCents = info.amountCents ?? 0;
    const part: PaymentPart = { method: r.method, amountCents };
    if (r.method === 'cash') part.tenderedCents = info.tendered ?? amountCents;
    if ((r.method === 'card' || r.method === 'mobile') && r.reference.trim() !== '') {
      part.reference = r.reference.trim();
    }
    return part;
  });
  const signature = JSON.stringify(parts) + String(valid);

  const onChangeRef = useRef(props.onChange);
  useEffect(() => {
    onChangeRef.current = props.onChange;
  });
  useEffect(() => {
    onChangeRef.current(parts, valid, { parts, valid, paidCents, changeCents });
    // the signature covers parts and validity
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  useEffect(() => {
    if (!props.autoFocus) return;
    // after the dialog has placed its own first focus
    const id = setTimeout(() => firstRef.current?.focus(), 0);
    return () => clearTimeout(id);
    // only when first shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const addRow = () => {
    if (rows.length >= MAX_PARTS) return;
    const used = new Set(rows.map((r) => r.method));
    const method = methods.find((m) => !used.has(m)) ?? 'cash';
    const key = seq.current++;
    setRows((rs) => [
      ...rs,
      { key, method, amount: remaining > 0 ? centsToYuan(remaining) : '', tendered: '', reference: '' },
    ]);
    // focus the new row's amount once it is there
    setTimeout(() => document.getElementById(`${uid}-amount-${key}`)?.focus(), 0);
  };

  const removeRow = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));

  const statusText =
    remaining === 0
      ? t('checkin.pay.paidAll', { paid: fmtMoney(paidCents), due: fmtMoney(dueCents) })
      : remaining > 0
        ? t('checkin.pay.remaining', {
            paid: fmtMoney(paidCents),
            due: fmtMoney(dueCents),
            rest: fmtMoney(remaining),
          })
        : t('checkin.pay.tooMuch', {
            paid: fmtMoney(paidCents),
            due: fmtMoney(dueCents),
            rest: fmtMoney(-remaining),
          });

  return (
    <div className="pay-editor">
      {rows.map((r, i) => {
        const info = rowInfo[i]!;
        const n = i + 1;
        const rowLabel = rows.length > 1 ? t('checkin.pay.rowN', { n }) : t('checkin.pay.row');
        return (
          <fieldset key={r.key} className="pay-row" disabled={props.disabled}>
            <legend className="pay-row-legend">{rowLabel}</legend>
            <MethodChoice
              legend={t('checkin.pay.method.label')}
              methods={methods}
              value={r.method}
              onChange={(m) => {
                const patch: Partial<Row> = { method: m };
                // stored value: at most the balance (the rest is left for another method)
                if (m === 'stored_value' && storedValueCents !== null && storedValueCents > 0) {
                  const cur = info.amountCents ?? 0;
                  const otherSv = svUsed - (r.method === 'stored_value' ? cur : 0);
                  const room = Math.max(0, storedValueCents - otherSv);
                  if (cur > room && room > 0) patch.amount = centsToYuan(room);
                }
                update(r.key, patch);
              }}
              note={
                storedValueCents !== null
                  ? { stored_value: t('checkin.pay.balance', { amount: fmtMoney(storedValueCents) }) }
                  : undefined
              }
            />
            <div className="pay-row-fields">
              <div className="field">
                <label htmlFor={`${uid}-amount-${r.key}`}>{t('checkin.pay.amount')}</label>
                <MoneyInput
                  id={`${uid}-amount-${r.key}`}
                  value={r.amount}
                  onChange={(v) => update(r.key, { amount: v })}
                  invalid={info.amountBad}
                  ref={i === 0 && r.method !== 'cash' ? firstRef : undefined}
                />
                {info.amountBad && r.amount.trim() !== '' && (
                  <div className="field-error">{moneyRefusal(r.amount) ?? t('checkin.pay.badAmount')}</div>
                )}
                {r.method === 'stored_value' && svShort && (
                  <div className="field-error">
                    {t('checkin.pay.svShort', { amount: fmtMoney(storedValueCents ?? 0) })}
                  </div>
                )}
              </div>
              {r.method === 'cash' && (
                <>
                  <div className="field">
                    <label htmlFor={`${uid}-tendered-${r.key}`}>{t('checkin.pay.tendered')}</label>
                    <MoneyInput
                      id={`${uid}-tendered-${r.key}`}
                      value={r.tendered}
                      onChange={(v) => update(r.key, { tendered: v })}
                      invalid={info.tenderedBad}
                      placeholder={info.amountCents !== null ? centsToYuan(info.amountCents) : ''}
                      describedBy={`${uid}-tendered-hint-${r.key}`}
                      ref={i === 0 ? firstRef : undefined}
                    />
                    {props.quickTender && info.amountCents !== null && info.amountCents > 0 && (
                      <div className="pay-quick" role="group" aria-label={t('checkin.pay.quick.label')}>
                        <button
                          type="button"
                          className="btn pay-quick-key"
                          onClick={() => update(r.key, { tendered: centsToYuan(info.amountCents!) })}
                        >
                          {t('checkin.pay.quick.exact')}
                        </button>
                        {quickTenders(info.amountCents).map((c) => (
                          <button
                            key={c}
                            type="button"
                            className="btn pay-quick-key"
                            onClick={() => update(r.key, { tendered: centsToYuan(c) })}
                          >
                            {fmtMoney(c)}
                          </button>
                        ))}
                      </div>
                    )}
                    {info.tenderedBad ? (
                      <div className="field-error" id={`${uid}-tendered-hint-${r.key}`}>
                        {moneyRefusal(r.tendered) ?? t('checkin.pay.tenderedShort')}
                      </div>
                    ) : (
                      <div className="field-hint" id={`${uid}-tendered-hint-${r.key}`}>
                        {t('checkin.pay.tenderedHint')}
                      </div>
                    )}
                  </div>
                  <div className="pay-change" aria-live="polite">
                    <span className="pay-change-label">{t('checkin.pay.change')}</span>
                    <strong className="pay-change-amount">{fmtMoney(info.change)}</strong>
                  </div>
                </>
              )}
              {(r.method === 'card' || r.method === 'mobile') && (
                <div className="field">
                  <label htmlFor={`${uid}-ref-${r.key}`}>{t('checkin.pay.reference')}</label>
                  <input
                    id={`${uid}-ref-${r.key}`}
                    type="text"
                    autoComplete="off"
                    maxLength={200}
                    value={r.reference}
                    aria-describedby={`${uid}-ref-hint-${r.key}`}
                    onChange={(e) => update(r.key, { reference: e.target.value })}
                  />
                  <div className="field-hint" id={`${uid}-ref-hint-${r.key}`}>
                    {t('checkin.pay.referenceHint')}
                  </div>
                </div>
              )}
              {r.method === 'stored_value' && storedValueCents !== null && info.amountCents !== null && (
                <div className="pay-change">
                  <span className="pay-change-label">{t('checkin.pay.svAfter')}</span>
                  <strong className={svShort ? 'status-block' : ''}>
                    {fmtMoney(storedValueCents - svUsed)}
                  </strong>
                </div>
              )}
            </div>
            {rows.length > 1 && (
              <button
                type="button"
                className="btn btn-ghost btn-small pay-remove"
                aria-label={t('checkin.pay.removeRow', { n })}
                onClick={() => removeRow(r.key)}
              >
                {t('common.remove')}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="pay-foot">
        {rows.length < MAX_PARTS && (
          <button type="button" className="btn" disabled={props.disabled} onClick={addRow}>
            + {t('checkin.pay.addMethod')}
          </button>
        )}
        <p
          className={`pay-status ${remaining === 0 ? 'pay-status-ok' : 'pay-status-bad'}`}
          role="status"
          aria-live="polite"
        >
          {statusText}
        </p>
      </div>
    </div>
  );
}
