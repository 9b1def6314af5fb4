/**
 * The running shift: who is on duty, the live figures of the handover book (cash withheld until the
 * blind count), the drawer (shut once counted: a shift lead authorises a recount), pay-outs with a
 * shift lead's PIN and the reason, the messages for the next shift, the open items the shift took over
 * (tags out, unpaid tabs, open complaints without who or what, incidents, follow-ups), and the way into
 * the closing wizard.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftCurrent, ShiftInfo, ShiftOpening } from '../../../../electron/core/contract';
import { parseCents } from '../../../../electron/shared/money';
import { call } from '../../api';
import { AuthorizeDialog } from '../../components/AuthorizeDialog';
import { FormError } from '../../components/FormParts';
import { MoneyInput } from '../../components/PaymentEditor';
import { fmtMoney, fmtTime, moneyRefusal } from '../../format';
import { useCommand, useOp } from '../../query';
import { toast } from '../../stores/toast';
import { BookView } from './BookView';
import { PayoutsTable } from './CashLists';
import { DropDialog, DropsTable } from './Drops';
import { OpenItemsView } from './Opening';

const openItemsOf = (o: ShiftOpening) => o.openItems;

/** Authorising a recount: a shift lead's or manager's PIN and why. */
export function RecountDialog({
  shiftId,
  onDone,
  onClose,
}: {
  shiftId: number;
  onDone: (s: ShiftInfo) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AuthorizeDialog
      title={t('shift.recount.title')}
      confirmLabel={t('shift.recount.confirm')}
      action="recount"
      onClose={onClose}
      onAuthorize={async (authorization) => {
        const s = await call('shift.authorizeRecount', { shiftId, authorization });
        toast.ok(t('shift.recount.done'));
        onDone(s);
      }}
    >
      <p>{t('shift.recount.what')}</p>
    </AuthorizeDialog>
  );
}

/** The drawer's state in words: open, shut by the count, or a recount authorised and pending. */
export function DrawerState({ shift, onRecount }: { shift: ShiftInfo; onRecount?: () => void }) {
  const { t } = useTranslation();
  const last = shift.counts[shift.counts.length - 1];
  if (shift.recountPending)
    return (
      <p className="banner banner-warn" data-testid="drawer-state">
        {t('shift.drawer.recountPending', {
          name: shift.recountPending.authorizedByName,
          reason: shift.recountPending.reason,
        })}
      </p>
    );
  if (shift.counted && last)
    return (
      <p className="banner banner-ok shift-drawer" data-testid="drawer-state">
        <span>{t('shift.drawer.shut', { time: fmtTime(last.at) })}</span>
        {onRecount && (
          <button type="button" className="btn" onClick={onRecount}>
            {t('shift.recount.button')}
          </button>
        )}
      </p>
    );
  return null;
}

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
  const [messages, setMessages] = useState(shift.messages);
  const [notes, setNotes] = useState(shift.notes);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'payout' | 'recount' | 'drop' | null>(null);
  const cents = parseCents(amount);
  const openItemsQuery = useOp('shift.opening', {}, { select: openItemsOf });
  const openItems = openItemsQuery.isError ? null : (openItemsQuery.data ?? null);

  const startPayout = () => {
    if (!cents) return setProblem(moneyRefusal(amount) ?? t('shift.payout.badAmount'));
    setProblem(null);
    setDialog('payout');
  };

  const update = useCommand('shift.update');
  const saveNotes = () =>
    update.run({ shiftId: shift.id, messages, notes }, () => toast.ok(t('shift.running.notesSaved')));

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
      <DrawerState shift={shift} onRecount={() => setDialog('recount')} />

      <section className="card" aria-labelledby={`${uid}-live`}>
        <h2 id={`${uid}-live`}>{t('shift.running.live')}</h2>
        {!current.count && <p className="muted">{t('shift.running.cashHidden')}</p>}
        <BookView book={current.book!} />
      </section>
      {openItems && <OpenItemsView o={openItems} />}

      <div className="shift-two">
        <section className="card" aria-labelledby={`${uid}-po`}>
          <h2 id={`${uid}-po`}>{t('shift.running.payouts')}</h2>
          <PayoutsTable payouts={shift.payouts} caption={t('shift.payout.listCaption')} />
          {shift.counted ? (
            <p className="muted">{t('shift.payout.afterCount')}</p>
          ) : (
            <form
              className="shift-inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                startPayout();
              }}
            >
              <div className="field">
                <label htmlFor={`${uid}-pa`}>{t('shift.running.payoutAmount')}</label>
                <MoneyInput id={`${uid}-pa`} value={amount} onChange={setAmount} />
              </div>
              <button type="submit" className="btn">
                {t('shift.running.addPayout')}
              </button>
            </form>
          )}
          <p className="field-hint">{t('shift.payout.hint')}</p>
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
      <section className="card" aria-labelledby={`${uid}-drops`}>
        <h2 id={`${uid}-drops`}>{t('shift.drop.title')}</h2>
        <DropsTable drops={shift.drops} />
        {shift.counted ? (
          <p className="muted">{t('shift.drop.afterCount')}</p>
        ) : (
          <button type="button" className="btn" onClick={() => setDialog('drop')}>
            {t('shift.drop.button')}
          </button>
        )}
      </section>
      {dialog === 'payout' && cents && (
        <AuthorizeDialog
          title={t('shift.payout.title', { amount: fmtMoney(cents) })}
          confirmLabel={t('shift.payout.confirm', { amount: fmtMoney(cents) })}
          action="payout"
          onClose={() => setDialog(null)}
          onAuthorize={async (authorization) => {
            await call('shift.payout', { shiftId: shift.id, amountCents: cents, authorization });
            setDialog(null);
            setAmount('');
            toast.ok(t('shift.running.payoutSaved'));
            onChanged();
          }}
        >
          <p>{t('shift.payout.what', { amount: fmtMoney(cents) })}</p>
        </AuthorizeDialog>
      )}
      {dialog === 'drop' && (
        <DropDialog
          shiftId={shift.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
      {dialog === 'recount' && (
        <RecountDialog
          shiftId={shift.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
