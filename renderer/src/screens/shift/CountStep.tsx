/**
 * The blind cash count of a shift: pieces per denomination (a calculator), the total, then the count
 * is sent; and the table of a count by denomination (the report shows it too).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountResult, Denominations } from '../../../../electron/core/contract';
import { DENOMINATIONS, denominationLabel, denominationsTotal } from '../../../../electron/shared/money';
import { call } from '../../api';
import { FormError } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { fmtMoney } from '../../format';
import { DiffBadge } from './Opening';
import { cashRows, ZERO_COUNT } from './util';

export function CountStep({ shiftId, onCounted }: { shiftId: number; onCounted: (c: CountResult) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [pieces, setPieces] = useState<Record<keyof Denominations, string>>(
    () => Object.fromEntries(DENOMINATIONS.map((d) => [d.key, ''])) as Record<keyof Denominations, string>,
  );
  const { busy, error: problem, run } = useSubmit();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const counts: Denominations = { ...ZERO_COUNT };
  let valid = true;
  for (const d of DENOMINATIONS) {
    const raw = pieces[d.key].trim();
    if (raw === '') continue;
    if (!/^\d{1,6}$/.test(raw)) valid = false;
    else counts[d.key] = Number(raw);
  }
  const total = denominationsTotal(counts);

  const submit = async () => {
    if (!valid) return;
    await run(async () => onCounted(await call('shift.count', { shiftId, denominations: counts })));
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>{t('shift.wizard.countIntro')}</p>
      <div className="shift-count-layout">
        <table className="table shift-denoms">
          <thead>
            <tr>
              <th scope="col">{t('shift.wizard.denomination')}</th>
              <th scope="col">{t('shift.wizard.pieces')}</th>
              <th scope="col" className="num">
                {t('shift.wizard.subtotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {DENOMINATIONS.map((d, i) => {
              const n = counts[d.key];
              const id = `${uid}-${d.key}`;
              return (
                <tr key={d.key}>
                  <th scope="row">
                    <label htmlFor={id}>{denominationLabel(d.cents)}</label>
                  </th>
                  <td>
                    <input
                      id={id}
                      ref={i === 0 ? first : undefined}
                      className="shift-pieces"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={6}
                      aria-label={t('shift.wizard.countLabel', { value: denominationLabel(d.cents) })}
                      aria-invalid={
                        pieces[d.key] !== '' && !/^\d{1,6}$/.test(pieces[d.key].trim()) ? true : undefined
                      }
                      value={pieces[d.key]}
                      onChange={(e) => setPieces((p) => ({ ...p, [d.key]: e.target.value }))}
                      onFocus={(e) => e.target.select()}
                    />
                  </td>
                  <td className="num">{fmtMoney(n * d.cents)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {/* the running total and the button stay in sight beside the denominations */}
        <aside className="shift-count-side" aria-live="polite">
          <span className="shift-count-label">{t('shift.wizard.countedTotal')}</span>
          <strong data-testid="count-total">{fmtMoney(total)}</strong>
          <FormError error={problem} as="p" />
          <button type="submit" className="btn btn-primary btn-big" disabled={busy || !valid}>
            {t('shift.wizard.submitCount')}
          </button>
        </aside>
      </div>
    </form>
  );
}

export function CashTable({
  count,
}: {
  count: { cash: CountResult['cash']; countedCents: number; differenceCents: number };
}) {
  const { t } = useTranslation();
  return (
    <table className="table shift-cash">
      <tbody>
        {cashRows(count.cash).map((r) => (
          <tr key={r.key}>
            <th scope="row">{t(`shift.cash.${r.key}`)}</th>
            <td className="num">
              {r.sign} {fmtMoney(r.cents)}
            </td>
          </tr>
        ))}
        <tr className="shift-total-row">
          <th scope="row">{t('shift.cash.expected')}</th>
          <td className="num" data-testid="cash-expected">
            {fmtMoney(count.cash.expectedCents)}
          </td>
        </tr>
        <tr className="shift-total-row">
          <th scope="row">{t('shift.cash.counted')}</th>
          <td className="num" data-testid="cash-counted">
            {fmtMoney(count.countedCents)}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('shift.cash.difference')}</th>
          <td className="num" data-testid="cash-difference">
            <DiffBadge cents={count.differenceCents} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
