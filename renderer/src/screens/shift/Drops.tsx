/**
 * Cash drops (投款): the list of a shift's drops with who dropped and who witnessed, and the dialog
 * that records one — the notes counted out of the drawer, the deposit slip number, the safe or the
 * bank, and a second staff member's PIN as witness (never one's own: the core refuses it).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DROP_DESTINATIONS,
  PIN_PATTERN,
  type CashDrop,
  type Denominations,
  type DropDestination,
  type ShiftInfo,
} from '../../../../electron/core/contract';
import { DENOMINATIONS, denominationLabel, denominationsTotal } from '../../../../electron/shared/money';
import { call } from '../../api';
import { errorText } from '../../errorText';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { fmtDateTime, fmtMoney } from '../../format';
import { toast } from '../../stores/toast';
import { ZERO_COUNT } from './util';

/** Pieces per denomination as typed, what they count to, and whether every entry is a number. */
export function useDenoms() {
  const [pieces, setPieces] = useState<Record<keyof Denominations, string>>(
    () => Object.fromEntries(DENOMINATIONS.map((d) => [d.key, ''])) as Record<keyof Denominations, string>,
  );
  const counts: Denominations = { ...ZERO_COUNT };
  let valid = true;
  for (const d of DENOMINATIONS) {
    const raw = pieces[d.key].trim();
    if (raw === '') continue;
    if (!/^\d{1,6}$/.test(raw)) valid = false;
    else counts[d.key] = Number(raw);
  }
  const touched = DENOMINATIONS.some((d) => pieces[d.key].trim() !== '');
  return { pieces, setPieces, counts, valid, touched, total: denominationsTotal(counts) };
}

/** The notes and coins in a grid of four: pieces per denomination. */
export function DenomsGrid({ notes }: { notes: ReturnType<typeof useDenoms> }) {
  const uid = useId();
  const { pieces, setPieces } = notes;
  return (
    <div className="shift-drop-grid">
      {DENOMINATIONS.map((d) => (
        <div className="field" key={d.key}>
          <label htmlFor={`${uid}-${d.key}`}>{denominationLabel(d.cents)}</label>
          <input
            id={`${uid}-${d.key}`}
            className="shift-pieces"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pieces[d.key]}
            aria-invalid={pieces[d.key] !== '' && !/^\d{1,6}$/.test(pieces[d.key].trim()) ? true : undefined}
            onChange={(e) => setPieces((p) => ({ ...p, [d.key]: e.target.value }))}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ))}
    </div>
  );
}

export function DropsTable({ drops, caption }: { drops: CashDrop[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <table className="table shift-table shift-drops" data-testid="drops-table">
      <caption>{caption ?? t('shift.drop.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shift.drop.at')}</th>
          <th scope="col">{t('shift.drop.destination')}</th>
          <th scope="col">{t('shift.drop.slipNo')}</th>
          <th scope="col">{t('shift.drop.by')}</th>
          <th scope="col">{t('shift.drop.witness')}</th>
          <th scope="col" className="num">
            {t('shift.drop.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {drops.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              {t('shift.drop.none')}
            </td>
          </tr>
        )}
        {drops.map((d) => (
          <tr key={d.id}>
            <td>{fmtDateTime(d.at)}</td>
            <td>{t(`shift.drop.destinations.${d.destination}`)}</td>
            <td>{d.slipNo}</td>
            <td>{d.byName}</td>
            <td>{d.witnessName}</td>
            <td className="num">{fmtMoney(d.amountCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DropDialog({
  shiftId,
  onDone,
  onClose,
}: {
  shiftId: number;
  onDone: (s: ShiftInfo) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const notes = useDenoms();
  const { counts, valid, total } = notes;
  const [destination, setDestination] = useState<DropDestination>('safe');
  const [slipNo, setSlipNo] = useState('');
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const miss =
      !valid || total <= 0
        ? 'needAmount'
        : !slipNo.trim()
          ? 'needSlip'
          : !PIN_PATTERN.test(pin)
            ? 'needPin'
            : null;
    setMissing(miss ? t(`shift.drop.${miss}`) : null);
    if (miss) return;
    await run(
      async () => {
        const s = await call('shift.drop', {
          shiftId,
          denominations: counts,
          slipNo: slipNo.trim(),
          destination,
          witnessPin: pin,
        });
        toast.ok(t('shift.drop.done', { amount: fmtMoney(total) }));
        onDone(s);
      },
      (err) => {
        setPin('');
        return errorText(err);
      },
    );
  };

  return (
    <Modal title={t('shift.drop.dialogTitle')} onClose={onClose} wide>
      <form className="shift-drop-form" onSubmit={(ev) => void submit(ev)} noValidate>
        <p>{t('shift.drop.intro')}</p>
        <DenomsGrid notes={notes} />
        <p className="shift-drop-total" aria-live="polite">
          {t('shift.drop.total')}: <strong data-testid="drop-total">{fmtMoney(total)}</strong>
        </p>
        <RadioRow<DropDestination>
          legend={t('shift.drop.destination')}
          name={`${uid}-dest`}
          options={DROP_DESTINATIONS}
          value={destination}
          onChange={setDestination}
          label={(k) => t(`shift.drop.destinations.${k}`)}
        />
        <div className="shift-two">
          <div className="field">
            <label htmlFor={`${uid}-slip`}>{t('shift.drop.slipNo')}</label>
            <input
              id={`${uid}-slip`}
              autoComplete="off"
              maxLength={40}
              value={slipNo}
              onChange={(e) => setSlipNo(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-pin`}>{t('shift.drop.witnessPin')}</label>
            <input
              id={`${uid}-pin`}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
            <div className="field-hint">{t('shift.drop.witnessHint')}</div>
          </div>
        </div>
        <FormFooter
          error={missing ?? error}
          submitLabel={t('shift.drop.confirm', { amount: fmtMoney(total) })}
          disabled={busy}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
