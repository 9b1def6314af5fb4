/**
 * Cash over/short still to settle (长缴短补): each closed shift with a difference, what was handed in
 * or made good (who, when, received by whom) and what is still open — per shift, never netted. The
 * day report lists them; shift leads and managers record a settlement from the history tab.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverShortItem } from '../../../../electron/core/contract';
import { parseCents } from '../../../../electron/shared/money';
import { call } from '../../api';
import { FormError, FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { MoneyInput } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { clubToday, fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { errorText } from '../../errorText';
import { useOp } from '../../query';
import { useStaffList } from '../../staff';
import { toast } from '../../stores/toast';
import { DiffBadge } from './Opening';

export function OverShortTable({
  items,
  onSettle,
}: {
  items: OverShortItem[];
  onSettle?: (item: OverShortItem) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('shift.settle.none')}</p>;
  return (
    <table className="table shift-table" data-testid="over-short">
      <thead>
        <tr>
          <th scope="col">{t('shift.settle.shift')}</th>
          <th scope="col">{t('shift.settle.difference')}</th>
          <th scope="col">{t('shift.settle.settled')}</th>
          <th scope="col" className="num">
            {t('shift.settle.open')}
          </th>
          {onSettle && <th scope="col" />}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.shiftId}>
            <td>
              {fmtDate(i.day)} #{i.shiftId}
              <div className="muted">{i.onDuty.map((x) => x.name).join(', ')}</div>
            </td>
            <td>
              <DiffBadge cents={i.differenceCents} />
              {i.differenceReason && <div className="muted">{i.differenceReason}</div>}
            </td>
            <td>
              {i.settlements.map((x) => (
                <div key={x.id}>
                  {t('shift.settle.history', {
                    kind: t(`shift.settle.${x.kind}`),
                    amount: fmtMoney(x.amountCents),
                    name: x.staffName,
                    by: x.byName,
                    at: fmtDateTime(x.at),
                  })}
                  {x.note && <span className="muted"> — {x.note}</span>}
                </div>
              ))}
            </td>
            <td className="num">
              {i.openCents === 0 ? (
                <span className="badge badge-ok">✓ {t('shift.settle.settledAll')}</span>
              ) : (
                <strong className="badge badge-warn">{fmtMoney(i.openCents)}</strong>
              )}
            </td>
            {onSettle && (
              <td>
                {i.openCents > 0 && (
                  <button type="button" className="btn" onClick={() => onSettle(i)}>
                    {t('shift.settle.button')}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SettleDialog({ item, onClose }: { item: OverShortItem; onClose: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const kind = item.differenceCents > 0 ? 'surplus' : 'shortage';
  const staff = useStaffList().data ?? [];
  const [staffId, setStaffId] = useState(String(item.signedOutBy?.id ?? item.onDuty[0]?.id ?? ''));
  const [amount, setAmount] = useState((item.openCents / 100).toFixed(2));
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cents = parseCents(amount);
    if (!cents || cents > item.openCents)
      return setMissing(t('shift.settle.badAmount', { max: fmtMoney(item.openCents) }));
    setMissing(null);
    await run(async () => {
      await call('shift.settle', {
        shiftId: item.shiftId,
        kind,
        staffId: Number(staffId),
        amountCents: cents,
        note: note.trim(),
      });
      toast.ok(t('shift.settle.done', { id: item.shiftId }));
      onClose();
    });
  };
  return (
    <Modal title={t('shift.settle.dialogTitle', { id: item.shiftId })} onClose={onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <p>
          <strong>{t(`shift.settle.${kind}`)}</strong> · <DiffBadge cents={item.differenceCents} /> ·{' '}
          {t('shift.settle.open')}: {fmtMoney(item.openCents)}
        </p>
        <div className="field">
          <label htmlFor={`${uid}-who`}>{t('shift.settle.who')}</label>
          <select id={`${uid}-who`} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-amt`}>{t('shift.settle.amount')}</label>
          <MoneyInput id={`${uid}-amt`} value={amount} onChange={setAmount} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t('shift.settle.note')}</label>
          <input id={`${uid}-note`} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <FormFooter
          error={missing ?? error}
          submitLabel={t('shift.settle.confirm')}
          disabled={busy}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

/** The month's over/short (or everything still open), with settling: for shift leads and managers. */
export function OverShortPanel() {
  const { t } = useTranslation();
  const uid = useId();
  const [month, setMonth] = useState(clubToday().slice(0, 7));
  const [openOnly, setOpenOnly] = useState(true);
  const [settling, setSettling] = useState<OverShortItem | null>(null);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const q = useOp('shift.overShort', {
    from: `${month}-01`,
    to: `${month}-${String(last).padStart(2, '0')}`,
    openOnly,
  });
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('shift.settle.title')}</h2>
      <p className="muted">{t('shift.settle.intro')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${uid}-m`}>{t('shift.settle.month')}</label>
          <input
            id={`${uid}-m`}
            type="month"
            value={month}
            onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />{' '}
          {t('shift.settle.openOnly')}
        </label>
      </div>
      <FormError error={q.error ? errorText(q.error) : null} as="p" />
      {q.data && (
        <>
          <p data-testid="over-short-totals">
            {t('shift.settle.totals', {
              over: fmtMoney(q.data.openOverCents),
              short: fmtMoney(q.data.openShortCents),
            })}
          </p>
          <OverShortTable items={q.data.items} onSettle={setSettling} />
        </>
      )}
      {settling && <SettleDialog item={settling} onClose={() => setSettling(null)} />}
    </section>
  );
}
