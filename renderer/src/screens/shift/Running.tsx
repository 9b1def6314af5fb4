/**
 * The running shift: who is on duty, the live figures of the handover book (cash withheld until the
 * blind count), pay-outs, the messages for the next shift, and the way into the closing wizard.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftCurrent } from '../../../../electron/core/contract';
import { call } from '../../api';
import { FormError } from '../../components/FormParts';
import { MoneyInput, parseMoney } from '../../components/PaymentEditor';
import { errorText } from '../../errorText';
import { fmtDateTime, fmtMoney, fmtTime } from '../../format';
import { toast } from '../../stores/toast';
import { BookView } from './BookView';

export function Running({
  current,
  onChanged,
  onClose,
}: {
  current: ShiftCurrent;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const shift = current.shift!;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [messages, setMessages] = useState(shift.messages);
  const [notes, setNotes] = useState(shift.notes);
  const [problem, setProblem] = useState<string | null>(null);

  const payout = async () => {
    const cents = parseMoney(amount);
    if (!cents || !reason.trim()) return setProblem(t('errors.VALIDATION'));
    try {
      await call('shift.payout', { shiftId: shift.id, amountCents: cents, reason: reason.trim() });
      setAmount('');
      setReason('');
      setProblem(null);
      toast.ok(t('shift.running.payoutSaved'));
      onChanged();
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  const saveNotes = async () => {
    try {
      await call('shift.update', { shiftId: shift.id, messages, notes });
      toast.ok(t('shift.running.notesSaved'));
      onChanged();
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  return (
    <div className="shift-running">
      <div className="card shift-running-head">
        <div>
          <h2>{t('shift.running.title', { time: fmtTime(shift.openedAt) })}</h2>
          <p>
            {t('shift.running.onDuty', { names: shift.onDuty.map((s) => s.name).join(', ') })} ·{' '}
            {t('shift.running.float', { amount: fmtMoney(shift.floatCents) })}
            {shift.counted && <span className="badge badge-ok"> ✓ {t('shift.running.counted')}</span>}
          </p>
        </div>
        <span className="spacer" />
        <button type="button" className="btn btn-primary btn-big" onClick={onClose}>
          {t('shift.running.close')}
        </button>
      </div>

      <section className="card" aria-labelledby={`${uid}-live`}>
        <h2 id={`${uid}-live`}>{t('shift.running.live')}</h2>
        {!current.count && <p className="muted">{t('shift.running.cashHidden')}</p>}
        <BookView book={current.book!} />
      </section>

      <div className="shift-two">
        <section className="card" aria-labelledby={`${uid}-po`}>
          <h2 id={`${uid}-po`}>{t('shift.running.payouts')}</h2>
          {shift.payouts.length === 0 ? (
            <p className="muted">{t('shift.running.noPayouts')}</p>
          ) : (
            <ul className="shift-list">
              {shift.payouts.map((p) => (
                <li key={p.id}>
                  <span>
                    {p.reason}{' '}
                    <span className="muted">
                      ({p.byName}, {fmtDateTime(p.at)})
                    </span>
                  </span>
                  <strong>{fmtMoney(p.amountCents)}</strong>
                </li>
              ))}
            </ul>
          )}
          <form
            className="shift-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void payout();
            }}
          >
            <div className="field">
              <label htmlFor={`${uid}-pa`}>{t('shift.running.payoutAmount')}</label>
              <MoneyInput id={`${uid}-pa`} value={amount} onChange={setAmount} />
            </div>
            <div className="field grow">
              <label htmlFor={`${uid}-pr`}>{t('shift.running.payoutReason')}</label>
              <input
                id={`${uid}-pr`}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button type="submit" className="btn">
              {t('shift.running.addPayout')}
            </button>
          </form>
          <FormError error={problem} as="p" />
        </section>
        <section className="card" aria-labelledby={`${uid}-msg`}>
          <h2 id={`${uid}-msg`}>{t('shift.running.messages')}</h2>
          <div className="field">
            <label htmlFor={`${uid}-m`} className="sr-only">
              {t('shift.running.messages')}
            </label>
            <textarea
              id={`${uid}-m`}
              rows={3}
              value={messages}
              maxLength={5000}
              onChange={(e) => setMessages(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-n`}>{t('shift.running.notes')}</label>
            <textarea
              id={`${uid}-n`}
              rows={2}
              value={notes}
              maxLength={5000}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
          <button type="button" className="btn" onClick={() => void saveNotes()}>
            {t('shift.running.saveNotes')}
          </button>
        </section>
      </div>
    </div>
  );
}
